/* SPDX-License-Identifier: MIT */
/* An .init fragment (as old-style constructors contribute) that must sit
   between crti.o and crtn.o. */
__asm__(".section .init, \"ax\"\n\tnop\n\t.previous");
