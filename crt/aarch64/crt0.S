/* SPDX-License-Identifier: MIT */
/*
 * _start for aarch64-unknown-redox.
 *
 * Entry state (docs: redox-abi.md §1, "Registers at entry"): sp points at
 * argc, followed by argv[], NULL, envp[], NULL and auxv pairs; sp is only
 * 8-byte aligned, so nothing may touch the stack before it is realigned.
 * x0 is 0 and x1..x30 are garbage (x29/x30 included), tpidr_el0 is 0 and
 * FPCR is inherited. We hand the original sp and main to
 * relibc_start_v1(sp, main) (redox-abi.md §2), which never returns.
 */
#include "asm_notes.h"

	.text
	.globl	_start
	.type	_start, %function
_start:
	.cfi_startproc
	/* Outermost frame: a zero frame record is not enough for DWARF
	   unwinders. */
	.cfi_undefined x30
	bti	c
	mov	x29, #0
	mov	x30, #0
	mov	x0, sp
	and	sp, x0, #~15
	msr	fpcr, xzr
	adrp	x1, main
	add	x1, x1, :lo12:main
	bl	relibc_start_v1
	udf	#0
	.cfi_endproc
	.size	_start, . - _start

ASM_NOTES
