/* SPDX-License-Identifier: MIT */
/* Non-executable stack, and a GNU property note saying this object is IBT
   and shadow-stack clean (GNU_PROPERTY_X86_FEATURE_1_AND = IBT|SHSTK), so a
   link of -fcf-protection objects keeps its protection. */
#define ASM_NOTES \
	.section .note.GNU-stack, "", @progbits; \
	.section .note.gnu.property, "a", @note; \
	.p2align 3; \
	.long 4; .long 16; .long 5; .asciz "GNU"; \
	.long 0xc0000002; .long 4; .long 3; .p2align 3
