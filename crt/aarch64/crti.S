/* SPDX-License-Identifier: MIT */
/* Opens _init and _fini; crtn.S closes them. The 16-byte frame record keeps
   sp aligned for the fragments in between. bti c is the landing pad for the
   indirect call; paciasp/autiasp sign the return address (the pair is a NOP
   on cores without pointer authentication). relibc R0's libc.a calls both
   (redox-abi.md §2, crti.o / crtn.o). */
#include "asm_notes.h"

	.section .init, "ax", %progbits
	.globl	_init
	.type	_init, %function
	.p2align 2
_init:
	bti	c
	paciasp
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp

	.section .fini, "ax", %progbits
	.globl	_fini
	.type	_fini, %function
	.p2align 2
_fini:
	bti	c
	paciasp
	stp	x29, x30, [sp, #-16]!
	mov	x29, sp

ASM_NOTES
