/* SPDX-License-Identifier: MIT */
/* A legacy .init/.fini fragment, as old C objects contribute between crti
   and crtn: a call to a function that must run with an aligned stack. */
#if defined(__x86_64__)
	.section .init, "ax", @progbits
	call	init_hook
	.section .fini, "ax", @progbits
	call	fini_hook
	.section .note.GNU-stack, "", @progbits
	.section .note.gnu.property, "a", @note
	.p2align 3
	.long 4; .long 16; .long 5; .asciz "GNU"
	.long 0xc0000002; .long 4; .long 3; .p2align 3
#else
	.section .init, "ax", %progbits
	bl	init_hook
	.section .fini, "ax", %progbits
	bl	fini_hook
	.section .note.GNU-stack, "", %progbits
	.section .note.gnu.property, "a", %note
	.p2align 3
	.long 4; .long 16; .long 5; .asciz "GNU"
	.long 0xc0000000; .long 4; .long 3; .p2align 3
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
