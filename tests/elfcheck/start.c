/* SPDX-License-Identifier: MIT */
/* A stand-in for the freestanding runtime, so this suite does not depend on
   libredox_start.a: relibc's start contract v1 (redox-abi.md §2, crt0 and
   start sequence) cut down to _init, main and exit (redox-abi.md §5, Exit).
   It exits with 42 when AT_PHDR is 0, so redox-run can show what a binary
   whose program headers are outside every PT_LOAD gets (redox-abi.md §1). */
typedef int (*main_fn)(int, char **, char **);

_Noreturn void relibc_start_v1(long *sp, main_fn m);
/* Weak so that the deliberately crti-less test binary still links. */
extern void _init(void) __attribute__((weak));

#define AT_PHDR 3
#define AT_REDOX_PROC_FD 41
#define SYS_CALL 0x2300CA11L
#define PROC_CALL_EXIT 2

static long syscall5(long n, long a, long b, long c, long d, long e)
{
#if defined(__x86_64__)
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
#elif defined(__aarch64__)
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	__asm__ volatile("svc #0"
			 : "+r"(x0)
			 : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4)
			 : "memory");
	return x0;
#else
#error "x86_64 or aarch64 only"
#endif
}

static _Noreturn void redox_exit(long proc_fd, int status)
{
	unsigned long meta[2] = { PROC_CALL_EXIT, (unsigned long)status & 0xff };
	long r;
	do
		r = syscall5(SYS_CALL, proc_fd, 0, 0, 2, (long)meta);
	while (r == -4 || r == -11);
	for (;;)
		__builtin_trap();
}

_Noreturn void relibc_start_v1(long *sp, main_fn m)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **p = envp;
	while (*p)
		p++;
	long proc_fd = -1, phdr = -1;
	for (long *aux = (long *)(p + 1); aux[0]; aux += 2) {
		if (aux[0] == AT_REDOX_PROC_FD)
			proc_fd = aux[1];
		if (aux[0] == AT_PHDR)
			phdr = aux[1];
	}
	if (phdr == 0)
		redox_exit(proc_fd, 42);
	if (_init)
		_init();
	redox_exit(proc_fd, m(argc, argv, envp));
}
