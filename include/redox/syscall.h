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

#include <redox/syscall_arch.h>

#ifdef __cplusplus
}
#endif

#endif
