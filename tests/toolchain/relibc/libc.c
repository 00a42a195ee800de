/* SPDX-License-Identifier: MIT */
/* A stand-in relibc libc.a: relibc_start_v1 with relibc's start contract
   (redox-abi.md §2, R0: _init before main, exit through ProcCall::Exit) and
   three libc functions, using inline syscalls only (redox-abi.md §3, §5). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void _init(void);
static unsigned long proc_fd;

static long sys5(unsigned long n, unsigned long a, unsigned long b,
		 unsigned long c, unsigned long d, unsigned long e)
{
#if defined(__x86_64__)
	register unsigned long r10 __asm__("r10") = d;
	register unsigned long r8 __asm__("r8") = e;
	long ret;
	__asm__ volatile("syscall" : "=a"(ret)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
#elif defined(__aarch64__)
	register unsigned long x8 __asm__("x8") = n;
	register unsigned long x0 __asm__("x0") = a;
	register unsigned long x1 __asm__("x1") = b;
	register unsigned long x2 __asm__("x2") = c;
	register unsigned long x3 __asm__("x3") = d;
	register unsigned long x4 __asm__("x4") = e;
	__asm__ volatile("svc #0" : "+r"(x0)
			 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4)
			 : "memory");
	return (long)x0;
#else
#error "stand-in relibc: unsupported architecture"
#endif
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
