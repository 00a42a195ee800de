/* SPDX-License-Identifier: MIT */
/* Inline Redox syscalls for aarch64 (redox-abi.md §3), installed as
   <redox/syscall_arch.h> in the aarch64 sysroot only; <redox/syscall.h>
   includes it. */
#ifndef REDOX_SYSCALL_ARCH_H
#define REDOX_SYSCALL_ARCH_H

#if !defined(__aarch64__)
#error "<redox/syscall_arch.h> of the aarch64-unknown-redox sysroot used for another target; fix: compile with --target=aarch64-unknown-redox or use that target's sysroot"
#endif

/* The kernel saves and restores x0-x30 except x0, which carries the result. */
static inline unsigned long redox_syscall0_inline(unsigned long n)
{
	register unsigned long _n __asm__("x8") = n;
	register unsigned long _r __asm__("x0");
	__asm__ __volatile__("svc #0" : "=r"(_r) : "r"(_n) : "memory");
	return _r;
}

static inline unsigned long redox_syscall1_inline(unsigned long n, unsigned long a1)
{
	register unsigned long _n __asm__("x8") = n;
	register unsigned long _a1 __asm__("x0") = a1;
	__asm__ __volatile__("svc #0" : "+r"(_a1) : "r"(_n) : "memory");
	return _a1;
}

static inline unsigned long redox_syscall2_inline(unsigned long n, unsigned long a1, unsigned long a2)
{
	register unsigned long _n __asm__("x8") = n;
	register unsigned long _a1 __asm__("x0") = a1;
	register unsigned long _a2 __asm__("x1") = a2;
	__asm__ __volatile__("svc #0" : "+r"(_a1) : "r"(_n), "r"(_a2) : "memory");
	return _a1;
}

static inline unsigned long redox_syscall3_inline(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3)
{
	register unsigned long _n __asm__("x8") = n;
	register unsigned long _a1 __asm__("x0") = a1;
	register unsigned long _a2 __asm__("x1") = a2;
	register unsigned long _a3 __asm__("x2") = a3;
	__asm__ __volatile__("svc #0" : "+r"(_a1) : "r"(_n), "r"(_a2), "r"(_a3) : "memory");
	return _a1;
}

static inline unsigned long redox_syscall4_inline(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4)
{
	register unsigned long _n __asm__("x8") = n;
	register unsigned long _a1 __asm__("x0") = a1;
	register unsigned long _a2 __asm__("x1") = a2;
	register unsigned long _a3 __asm__("x2") = a3;
	register unsigned long _a4 __asm__("x3") = a4;
	__asm__ __volatile__("svc #0" : "+r"(_a1) : "r"(_n), "r"(_a2), "r"(_a3), "r"(_a4) : "memory");
	return _a1;
}

static inline unsigned long redox_syscall5_inline(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5)
{
	register unsigned long _n __asm__("x8") = n;
	register unsigned long _a1 __asm__("x0") = a1;
	register unsigned long _a2 __asm__("x1") = a2;
	register unsigned long _a3 __asm__("x2") = a3;
	register unsigned long _a4 __asm__("x3") = a4;
	register unsigned long _a5 __asm__("x4") = a5;
	__asm__ __volatile__("svc #0" : "+r"(_a1) : "r"(_n), "r"(_a2), "r"(_a3), "r"(_a4), "r"(_a5) : "memory");
	return _a1;
}

static inline unsigned long redox_syscall6_inline(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6)
{
	register unsigned long _n __asm__("x8") = n;
	register unsigned long _a1 __asm__("x0") = a1;
	register unsigned long _a2 __asm__("x1") = a2;
	register unsigned long _a3 __asm__("x2") = a3;
	register unsigned long _a4 __asm__("x3") = a4;
	register unsigned long _a5 __asm__("x4") = a5;
	register unsigned long _a6 __asm__("x5") = a6;
	__asm__ __volatile__("svc #0" : "+r"(_a1) : "r"(_n), "r"(_a2), "r"(_a3), "r"(_a4), "r"(_a5), "r"(_a6) : "memory");
	return _a1;
}

#endif
