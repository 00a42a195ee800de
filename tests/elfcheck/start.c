/* SPDX-License-Identifier: MIT */
/* A stand-in for the freestanding runtime so this suite does not depend on
   libredox_start.a: relibc's start contract v1 (redox-abi.md §2, crt0). */
typedef int (*main_fn)(int, char **, char **);

_Noreturn void relibc_start_v1(long *sp, main_fn m);

_Noreturn void relibc_start_v1(long *sp, main_fn m)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	volatile int status = m(argc, argv, argv + argc + 1);
	(void)status;
	for (;;)
		__builtin_trap();
}
