/* SPDX-License-Identifier: MIT */
/* Legacy .init/.fini fragments, placed between crti and crtn. */
#if defined(__x86_64__)
	.section .init, "ax", @progbits
	call	init_fragment
	.section .fini, "ax", @progbits
	call	fini_fragment
	.section .note.GNU-stack, "", @progbits
#else
	.section .init, "ax", %progbits
	bl	init_fragment
	.section .fini, "ax", %progbits
	bl	fini_fragment
	.section .note.GNU-stack, "", %progbits
#endif
