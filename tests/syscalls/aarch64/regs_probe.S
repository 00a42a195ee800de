/* SPDX-License-Identifier: MIT */
/* unsigned long regs_probe(unsigned long nr): loads patterns into every
   callee-saved register (x19-x29), calls redox_syscall6(nr, ...), and
   returns a bit per register that changed (bit 11: sp). */
	.text
	.globl	regs_probe
	.type	regs_probe, %function
regs_probe:
	bti	c
	stp	x29, x30, [sp, #-112]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	mov	x9, sp
	str	x9, [sp, #96]
	.irp	r, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29
	mov	x\r, #0xb000
	movk	x\r, #\r, lsl #16
	.endr
	mov	x1, #1
	mov	x2, #2
	mov	x3, #3
	mov	x4, #4
	mov	x5, #5
	mov	x6, #6
	bl	redox_syscall6
	mov	x0, #0
	mov	x10, #0
	.irp	r, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29
	mov	x9, #0xb000
	movk	x9, #\r, lsl #16
	cmp	x\r, x9
	cset	x11, ne
	lsl	x11, x11, x10
	orr	x0, x0, x11
	add	x10, x10, #1
	.endr
	ldr	x9, [sp, #96]
	mov	x12, sp
	cmp	x9, x12
	cset	x11, ne
	lsl	x11, x11, x10
	orr	x0, x0, x11
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #112
	ret
	.size	regs_probe, . - regs_probe

	.section .note.GNU-stack, "", %progbits
