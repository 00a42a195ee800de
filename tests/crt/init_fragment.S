/* SPDX-License-Identifier: MIT */
/* A legacy .init/.fini fragment, as old C objects contribute between crti
   and crtn: a call to a function that must run with an aligned stack. */
#include "asm_notes.h"
#if defined(__x86_64__)
	.section .init, "ax", @progbits
	call	init_hook
	.section .fini, "ax", @progbits
	call	fini_hook
#else
	.section .init, "ax", %progbits
	bl	init_hook
	.section .fini, "ax", %progbits
	bl	fini_hook
#endif
	.text
	.globl init_hook, fini_hook
	.type init_hook, %function
	.type fini_hook, %function
init_hook:
fini_hook:
#if defined(__x86_64__)
	endbr64
	ret
#else
	bti	c
	ret
#endif

ASM_NOTES
