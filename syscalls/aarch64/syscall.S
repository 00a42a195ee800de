/* SPDX-License-Identifier: MIT */
#include "asm_notes.h"
/*
 * redox_syscallN(n, a1..aN) for aarch64-unknown-redox.
 * C ABI in: x0=n, x1..x6=a1..a6. Kernel in: x8=n, x0..x5; result in x0;
 * everything else survives svc (redox-abi.md §3). Leaf functions: no frame,
 * and no return-address signing is needed for PAC compatibility. Each
 * function has its own section so --gc-sections keeps only the ones used.
 */

.macro	SYSCALL_FN nargs
	.section .text.redox_syscall\nargs, "ax", %progbits
	.globl	redox_syscall\nargs
	.type	redox_syscall\nargs, %function
	.p2align 2
redox_syscall\nargs:
	.cfi_startproc
	bti	c
	mov	x8, x0
	.if \nargs >= 1
	mov	x0, x1
	.endif
	.if \nargs >= 2
	mov	x1, x2
	.endif
	.if \nargs >= 3
	mov	x2, x3
	.endif
	.if \nargs >= 4
	mov	x3, x4
	.endif
	.if \nargs >= 5
	mov	x4, x5
	.endif
	.if \nargs >= 6
	mov	x5, x6
	.endif
	svc	#0
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
