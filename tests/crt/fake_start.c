/* SPDX-License-Identifier: MIT */
/* A stand-in relibc_start_v1 for linking crt0 before any runtime exists. It
   is never run; the test only inspects the linked image. */
typedef int (*main_fn)(int, char **, char **);
extern void _init(void);
extern void _fini(void);

__attribute__((noreturn)) void relibc_start_v1(unsigned long *sp, main_fn m)
{
	_init();
	int r = m((int)sp[0], (char **)(sp + 1), 0);
	_fini();
	for (;;)
		__asm__ volatile("" : : "r"(r) : "memory");
}

int main(void)
{
	return 0;
}
