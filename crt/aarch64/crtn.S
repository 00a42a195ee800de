/* SPDX-License-Identifier: MIT */
#include "asm_notes.h"

	.section .init, "ax", %progbits
	ldp	x29, x30, [sp], #16
	autiasp
	ret

	.section .fini, "ax", %progbits
	ldp	x29, x30, [sp], #16
	autiasp
	ret

ASM_NOTES
