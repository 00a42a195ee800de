/* SPDX-License-Identifier: MIT */
/* unsigned long regs_probe(unsigned long nr): loads patterns into every
   callee-saved register (rbx, rbp, r12-r15), calls redox_syscall6(nr, ...),
   and returns a bit per register that changed (bit 6: rsp). */
	.text
	.globl	regs_probe
	.type	regs_probe, @function
regs_probe:
	endbr64
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	sub	$24, %rsp		/* 16-byte aligned at the call, slot for a6 */
	mov	%rsp, 16(%rsp)
	movabs	$0xb0b0b0b0b0b0b001, %rbx
	movabs	$0xb0b0b0b0b0b0b002, %rbp
	movabs	$0xb0b0b0b0b0b0b003, %r12
	movabs	$0xb0b0b0b0b0b0b004, %r13
	movabs	$0xb0b0b0b0b0b0b005, %r14
	movabs	$0xb0b0b0b0b0b0b006, %r15
	movq	$6, (%rsp)
	mov	$1, %esi
	mov	$2, %edx
	mov	$3, %ecx
	mov	$4, %r8d
	mov	$5, %r9d
	call	redox_syscall6
	xor	%eax, %eax
	movabs	$0xb0b0b0b0b0b0b001, %rcx
	cmp	%rcx, %rbx
	setne	%dl
	or	%dl, %al
	movabs	$0xb0b0b0b0b0b0b002, %rcx
	cmp	%rcx, %rbp
	setne	%dl
	shl	$1, %dl
	or	%dl, %al
	movabs	$0xb0b0b0b0b0b0b003, %rcx
	cmp	%rcx, %r12
	setne	%dl
	shl	$2, %dl
	or	%dl, %al
	movabs	$0xb0b0b0b0b0b0b004, %rcx
	cmp	%rcx, %r13
	setne	%dl
	shl	$3, %dl
	or	%dl, %al
	movabs	$0xb0b0b0b0b0b0b005, %rcx
	cmp	%rcx, %r14
	setne	%dl
	shl	$4, %dl
	or	%dl, %al
	movabs	$0xb0b0b0b0b0b0b006, %rcx
	cmp	%rcx, %r15
	setne	%dl
	shl	$5, %dl
	or	%dl, %al
	cmp	16(%rsp), %rsp
	setne	%dl
	shl	$6, %dl
	or	%dl, %al
	add	$24, %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	ret
	.size	regs_probe, . - regs_probe

	.section .note.GNU-stack, "", @progbits
