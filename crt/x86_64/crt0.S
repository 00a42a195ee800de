/* SPDX-License-Identifier: MIT */
/*
 * _start for x86_64-unknown-redox.
 *
 * Entry state (docs: redox-abi.md §1, "Registers at entry"): rsp points at
 * argc, followed by argv[], NULL, envp[], NULL and auxv pairs; rsp is only
 * 8-byte aligned. Every other register is garbage left by the exec'ing
 * program (rbp included, rdx is not an rtld_fini), fs base is 0, and MXCSR and
 * the x87 control word are inherited. We hand the original rsp and main to
 * relibc_start_v1(sp, main) (relibc's start ABI v1, redox-abi.md §2), which
 * never returns.
 */
#include "asm_notes.h"

	.text
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	/* Outermost frame: clearing rbp is not enough for DWARF unwinders. */
	.cfi_undefined rip
	endbr64
	xor	%ebp, %ebp
	mov	%rsp, %rdi
	and	$-16, %rsp
	/* Inherited FP control state is reset; the scratch slot keeps rsp
	   16-byte aligned at the call. */
	sub	$16, %rsp
	movl	$0x1f80, (%rsp)
	ldmxcsr	(%rsp)
	movw	$0x037f, 8(%rsp)
	fldcw	8(%rsp)
	add	$16, %rsp
	lea	main(%rip), %rsi
	call	relibc_start_v1
	ud2
	.cfi_endproc
	.size	_start, . - _start

ASM_NOTES
