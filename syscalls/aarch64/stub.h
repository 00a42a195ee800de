/* SPDX-License-Identifier: MIT */
/*
 * REDOX_STUB name, number, nargs: one typed syscall wrapper for
 * aarch64-unknown-redox as a straight line, expanded once per wrapper in the
 * table by the generated stubs.S (syscalls/gen.awk, mode=stubs).
 * C ABI in: x0..x5. Kernel in: x8=number, x0..x5; result in x0; everything
 * else survives svc (redox-abi.md §3): no argument moves. The number is built
 * in w8 (zero-extending into x8) with one movz, plus a movk when both halves
 * are non-zero (every Redox number fits 32 bits; gen.awk refuses one that
 * does not). x0 comes back unchanged: the kernel's Error::mux value, >= 0 or
 * -errno as the wrappers document (see docs/syscall-wrappers.md). A leaf: no
 * return-address signing; bti c is the landing pad for indirect calls. One
 * section per wrapper for --gc-sections.
 */
#include "asm_notes.h"

.macro	REDOX_STUB name, nr, nargs
	.section .text.\name, "ax", %progbits
	.globl	\name
	.type	\name, %function
	.p2align 2
\name:
	.cfi_startproc
	bti	c
	.if ((\nr) & 0xffff) || !((\nr) >> 16)
	movz	w8, #((\nr) & 0xffff)
	.if (\nr) >> 16
	movk	w8, #((\nr) >> 16), lsl #16
	.endif
	.else
	movz	w8, #((\nr) >> 16), lsl #16
	.endif
	svc	#0
	ret
	.cfi_endproc
	.size	\name, . - \name
.endm

#define REDOX_STUB_NOTES ASM_NOTES
