/* SPDX-License-Identifier: MIT */
/* A tight guest loop for redox-run's speed: 2 instructions per iteration,
   then exit through main's return. */
	.text
	.globl	main
	.type	main, %function
main:
#if defined(__x86_64__)
	endbr64
	mov	$50000000, %ecx
1:	dec	%rcx
	jnz	1b
	xor	%eax, %eax
	ret
	.section .note.GNU-stack, "", @progbits
#else
	bti	c
	movz	x1, #0x02fa, lsl #16
	movk	x1, #0xf080
1:	subs	x1, x1, #1
	b.ne	1b
	mov	x0, #0
	ret
	.section .note.GNU-stack, "", %progbits
#endif
