/* SPDX-License-Identifier: MIT */
/*
 * REDOX_STUB name, number, nargs: one typed syscall wrapper for
 * x86_64-unknown-redox as a straight line, expanded once per wrapper in the
 * table by the generated stubs.S (syscalls/gen.awk, mode=stubs).
 * C ABI in: rdi, rsi, rdx, rcx, r8, r9. Kernel in: rax=number, rdi, rsi,
 * rdx, r10, r8, r9 (redox-abi.md §3): only the fourth argument moves. The
 * number goes to eax, which zero-extends into rax (every Redox number fits
 * 32 bits; gen.awk refuses one that does not). The syscall instruction
 * overwrites rcx and r11, both caller-saved. rax comes back unchanged: the
 * kernel's Error::mux value, >= 0 or -errno as the wrappers document (see
 * docs/syscall-wrappers.md). One section per wrapper for --gc-sections.
 */
#include "asm_notes.h"

.macro	REDOX_STUB name, nr, nargs
	.section .text.\name, "ax", @progbits
	.globl	\name
	.type	\name, @function
\name:
	.cfi_startproc
	endbr64
	movl	$\nr, %eax
	.if \nargs >= 4
	mov	%rcx, %r10
	.endif
	syscall
	ret
	.cfi_endproc
	.size	\name, . - \name
.endm

#define REDOX_STUB_NOTES ASM_NOTES
