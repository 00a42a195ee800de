/* SPDX-License-Identifier: MIT */
/* Inline Redox syscalls for x86_64 (redox-abi.md §3), installed as
   <redox/syscall_arch.h> in the x86_64 sysroot only; <redox/syscall.h>
   includes it. */
#ifndef REDOX_SYSCALL_ARCH_H
#define REDOX_SYSCALL_ARCH_H

#if !defined(__x86_64__)
#error "<redox/syscall_arch.h> of the x86_64-unknown-redox sysroot used for another target; fix: compile with --target=x86_64-unknown-redox or use that target's sysroot"
#endif

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

#endif
