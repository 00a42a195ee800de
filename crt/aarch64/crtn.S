/* SPDX-License-Identifier: MIT */
#include "crt_note.h"

	.section .init, "ax", %progbits
	ldp	x29, x30, [sp], #16
	autiasp
	ret

	.section .fini, "ax", %progbits
	ldp	x29, x30, [sp], #16
	autiasp
	ret

CRT_NOTES
