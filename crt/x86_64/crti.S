/* SPDX-License-Identifier: MIT */
/* Opens _init and _fini; crtn.S closes them. Fragments from other objects
   land in between, so the prologue leaves rsp 16-byte aligned for their
   calls. relibc R0's libc.a calls both (redox-abi.md §2, crti.o / crtn.o). */
#include "asm_notes.h"

	.section .init, "ax", @progbits
	.globl	_init
	.type	_init, @function
_init:
	endbr64
	push	%rbp
	mov	%rsp, %rbp

	.section .fini, "ax", @progbits
	.globl	_fini
	.type	_fini, @function
_fini:
	endbr64
	push	%rbp
	mov	%rsp, %rbp

ASM_NOTES
