/* SPDX-License-Identifier: MIT */
/* A stand-in relibc libc.a: relibc_start_v1 with relibc's start contract
   (redox-abi.md §2, R0: _init before main, exit through ProcCall::Exit) and
   three libc functions, using inline syscalls only (redox-abi.md §3, §5). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <redox/syscall_arch.h>

extern void _init(void);
static unsigned long proc_fd;

/* Header-only inline syscalls: the stand-in needs no redox-crt library,
   as a real relibc does not. */
static long sys5(unsigned long n, unsigned long a, unsigned long b,
		 unsigned long c, unsigned long d, unsigned long e)
{
	return (long)redox_syscall5_inline(n, a, b, c, d, e);
}

size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

int puts(const char *s)
{
	size_t n = strlen(s);
	if (sys5(0x21000004, 1, (unsigned long)s, n, 0, 0) != (long)n)
		return -1;
	return sys5(0x21000004, 1, (unsigned long)"\n", 1, 0, 0) == 1 ? 0 : -1;
}

void exit(int status)
{
	unsigned long meta[2] = { 2, (unsigned long)status & 0xff };
	for (;;) {
		long r = sys5(0x2300CA11, proc_fd, 0, 0, 2, (unsigned long)meta);
		if (r != -4 && r != -11)
			__builtin_trap();
	}
}

void relibc_start_v1(unsigned long *sp, int (*main)(int, char **, char **))
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **e = envp;
	while (*e)
		e++;
	for (unsigned long *aux = (unsigned long *)(e + 1); aux[0]; aux += 2)
		if (aux[0] == 41)
			proc_fd = aux[1];
	_init();
	exit(main(argc, argv, envp));
}
