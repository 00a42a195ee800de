/* SPDX-License-Identifier: MIT */
#include "asm_notes.h"
/*
 * redox_syscallN(n, a1..aN) for x86_64-unknown-redox.
 * C ABI in: rdi=n, rsi, rdx, rcx, r8, r9, 8(%rsp)=a6.
 * Kernel in: rax=n, rdi, rsi, rdx, r10, r8, r9; result in rax; the syscall
 * instruction overwrites rcx and r11 (redox-abi.md §3). All registers moved
 * here are caller-saved, so no frame is needed. Each function has its own
 * section so --gc-sections keeps only the ones used.
 */

.macro	SYSCALL_FN nargs
	.section .text.redox_syscall\nargs, "ax", @progbits
	.globl	redox_syscall\nargs
	.type	redox_syscall\nargs, @function
	.p2align 4
redox_syscall\nargs:
	.cfi_startproc
	endbr64
	mov	%rdi, %rax
	.if \nargs >= 1
	mov	%rsi, %rdi
	.endif
	.if \nargs >= 2
	mov	%rdx, %rsi
	.endif
	.if \nargs >= 3
	mov	%rcx, %rdx
	.endif
	.if \nargs >= 4
	mov	%r8, %r10
	.endif
	.if \nargs >= 5
	mov	%r9, %r8
	.endif
	.if \nargs >= 6
	mov	8(%rsp), %r9
	.endif
	syscall
	ret
	.cfi_endproc
	.size	redox_syscall\nargs, . - redox_syscall\nargs
.endm

	SYSCALL_FN 0
	SYSCALL_FN 1
	SYSCALL_FN 2
	SYSCALL_FN 3
	SYSCALL_FN 4
	SYSCALL_FN 5
	SYSCALL_FN 6

ASM_NOTES
