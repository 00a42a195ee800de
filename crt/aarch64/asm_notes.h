/* SPDX-License-Identifier: MIT */
/* Non-executable stack, and a GNU property note saying this object has BTI
   landing pads and signs return addresses
   (GNU_PROPERTY_AARCH64_FEATURE_1_AND = BTI|PAC). */
#define ASM_NOTES \
	.section .note.GNU-stack, "", %progbits; \
	.section .note.gnu.property, "a", %note; \
	.p2align 3; \
	.long 4; .long 16; .long 5; .asciz "GNU"; \
	.long 0xc0000000; .long 4; .long 3; .p2align 3
