/* SPDX-License-Identifier: MIT */
/* Legacy .init/.fini fragments, placed between crti and crtn. */
#include "asm_notes.h"
#if defined(__x86_64__)
	.section .init, "ax", @progbits
	call	init_fragment
	.section .fini, "ax", @progbits
	call	fini_fragment
#else
	.section .init, "ax", %progbits
	bl	init_fragment
	.section .fini, "ax", %progbits
	bl	fini_fragment
#endif

ASM_NOTES
