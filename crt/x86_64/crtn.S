/* SPDX-License-Identifier: MIT */
#include "crt_note.h"

	.section .init, "ax", @progbits
	pop	%rbp
	ret

	.section .fini, "ax", @progbits
	pop	%rbp
	ret

CRT_NOTES
