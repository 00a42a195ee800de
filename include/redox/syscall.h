/* SPDX-License-Identifier: MIT */
/* Raw Redox syscalls (redox-abi.md §3).
   redox_syscallN are real functions (syscalls/<arch>/syscall.S) for code
   that cannot use inline asm, such as Cranelift-built Rust; the _inline
   variants are the same calls expanded in place. All return the kernel's raw
   value: decode it with <redox/errno.h>. This header also declares the typed
   wrappers (redox_read, ...) built for REDOX_SYSCALL_VERSION. */
#ifndef REDOX_SYSCALL_H
#define REDOX_SYSCALL_H

#include <redox/syscall_numbers.h>
#include <redox/types.h>
#include <redox/errno.h>
#include <redox/syscall_wrappers.h>

#ifdef __cplusplus
extern "C" {
#endif

unsigned long redox_syscall0(unsigned long n);
unsigned long redox_syscall1(unsigned long n, unsigned long a1);
unsigned long redox_syscall2(unsigned long n, unsigned long a1, unsigned long a2);
unsigned long redox_syscall3(unsigned long n, unsigned long a1, unsigned long a2,
	unsigned long a3);
unsigned long redox_syscall4(unsigned long n, unsigned long a1, unsigned long a2,
	unsigned long a3, unsigned long a4);
unsigned long redox_syscall5(unsigned long n, unsigned long a1, unsigned long a2,
	unsigned long a3, unsigned long a4, unsigned long a5);
unsigned long redox_syscall6(unsigned long n, unsigned long a1, unsigned long a2,
	unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6);

#if defined(__x86_64__)
/* rcx (return rip) and r11 (rflags) are overwritten by the syscall instruction. */
static inline unsigned long redox_syscall0_inline(unsigned long n)
{
	register unsigned long _n __asm__("rax") = n;
	__asm__ __volatile__("syscall" : "+r"(_n) : : "rcx", "r11", "memory");
	return _n;
}

static inline unsigned long redox_syscall1_inline(unsigned long n, unsigned long a1)
{
	register unsigned long _n __asm__("rax") = n;
	register unsigned long _a1 __asm__("rdi") = a1;
	__asm__ __volatile__("syscall" : "+r"(_n) : "r"(_a1) : "rcx", "r11", "memory");
	return _n;
}

static inline unsigned long redox_syscall2_inline(unsigned long n, unsigned long a1, unsigned long a2)
{
	register unsigned long _n __asm__("rax") = n;
	register unsigned long _a1 __asm__("rdi") = a1;
	register unsigned long _a2 __asm__("rsi") = a2;
	__asm__ __volatile__("syscall" : "+r"(_n) : "r"(_a1), "r"(_a2) : "rcx", "r11", "memory");
	return _n;
}

static inline unsigned long redox_syscall3_inline(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3)
{
	register unsigned long _n __asm__("rax") = n;
	register unsigned long _a1 __asm__("rdi") = a1;
	register unsigned long _a2 __asm__("rsi") = a2;
	register unsigned long _a3 __asm__("rdx") = a3;
	__asm__ __volatile__("syscall" : "+r"(_n) : "r"(_a1), "r"(_a2), "r"(_a3) : "rcx", "r11", "memory");
	return _n;
}

static inline unsigned long redox_syscall4_inline(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4)
{
	register unsigned long _n __asm__("rax") = n;
	register unsigned long _a1 __asm__("rdi") = a1;
	register unsigned long _a2 __asm__("rsi") = a2;
	register unsigned long _a3 __asm__("rdx") = a3;
	register unsigned long _a4 __asm__("r10") = a4;
	__asm__ __volatile__("syscall" : "+r"(_n) : "r"(_a1), "r"(_a2), "r"(_a3), "r"(_a4) : "rcx", "r11", "memory");
	return _n;
}

static inline unsigned long redox_syscall5_inline(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5)
{
	register unsigned long _n __asm__("rax") = n;
	register unsigned long _a1 __asm__("rdi") = a1;
	register unsigned long _a2 __asm__("rsi") = a2;
	register unsigned long _a3 __asm__("rdx") = a3;
	register unsigned long _a4 __asm__("r10") = a4;
	register unsigned long _a5 __asm__("r8") = a5;
	__asm__ __volatile__("syscall" : "+r"(_n) : "r"(_a1), "r"(_a2), "r"(_a3), "r"(_a4), "r"(_a5) : "rcx", "r11", "memory");
	return _n;
}

static inline unsigned long redox_syscall6_inline(unsigned long n, unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5, unsigned long a6)
{
	register unsigned long _n __asm__("rax") = n;
	register unsigned long _a1 __asm__("rdi") = a1;
	register unsigned long _a2 __asm__("rsi") = a2;
	register unsigned long _a3 __asm__("rdx") = a3;
	register unsigned long _a4 __asm__("r10") = a4;
	register unsigned long _a5 __asm__("r8") = a5;
	register unsigned long _a6 __asm__("r9") = a6;
	__asm__ __volatile__("syscall" : "+r"(_n) : "r"(_a1), "r"(_a2), "r"(_a3), "r"(_a4), "r"(_a5), "r"(_a6) : "rcx", "r11", "memory");
	return _n;
}

#elif defined(__aarch64__)
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

#else
#error "<redox/syscall.h>: unsupported architecture; redox-crt supports x86_64 and aarch64"
#endif

#ifdef __cplusplus
}
#endif

#endif
