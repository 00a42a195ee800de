/* SPDX-License-Identifier: MIT */
#include "asm_notes.h"

	.section .init, "ax", @progbits
	pop	%rbp
	ret

	.section .fini, "ax", @progbits
	pop	%rbp
	ret

ASM_NOTES
