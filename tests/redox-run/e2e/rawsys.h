/* SPDX-License-Identifier: MIT */
/* Raw syscalls and "ok NAME" / "FAIL NAME: got G, want W" checks for the
 * freestanding e2e programs (fdtest.c, evtest.c); included once per program,
 * after the program's SYS_* numbers. */
#include <stddef.h>
#include <stdint.h>

uint64_t entry_regs[32], entry_fpctl[2], entry_tp;
static int bad;

#include "memfns.h"

static long sc(long n, long a, long b, long c, long d, long e, long f)
{
#if defined(__x86_64__)
	register long r10 __asm__("r10") = d, r8 __asm__("r8") = e, r9 __asm__("r9") = f;
	__asm__ volatile("syscall" : "+a"(n) : "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return n;
#else
	register long x8 __asm__("x8") = n, x0 __asm__("x0") = a, x1 __asm__("x1") = b,
		 x2 __asm__("x2") = c, x3 __asm__("x3") = d, x4 __asm__("x4") = e, x5 __asm__("x5") = f;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
			 : "memory");
	return x0;
#endif
}


static void out(const char *s) { sc(SYS_WRITE, 1, (long)s, (long)len(s), 0, 0, 0); }

static void dec(long v)
{
	char b[24];
	int i = 23;
	int neg = v < 0;
	unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;
	b[i] = 0;
	do
		b[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (neg)
		b[--i] = '-';
	out(b + i);
}

static void check(const char *name, long got, long want)
{
	if (got == want) {
		out("ok ");
		out(name);
		out("\n");
		return;
	}
	bad = 1;
	out("FAIL ");
	out(name);
	out(": got ");
	dec(got);
	out(", want ");
	dec(want);
	out("\n");
}

static uint64_t aux(uint64_t *a, uint64_t key)
{
	for (; a[0]; a += 2)
		if (a[0] == key)
			return a[1];
	return (uint64_t)-1;
}

static void exit_raw(uint64_t proc, uint64_t st)
{
	uint64_t meta[2] = { 2, st };
	sc(SYS_CALL, (long)proc, 0, 0, 2, (long)meta, 0);
	for (;;)
		;
}

