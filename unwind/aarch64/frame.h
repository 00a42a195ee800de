/* SPDX-License-Identifier: MIT */
/* AArch64 frame records (AAPCS64 §6.4.6): [x29] = caller's x29,
   [x29 + 8] = saved x30. Records are 16-byte aligned because sp is. */
#ifndef REDOX_UNWIND_FRAME_H
#define REDOX_UNWIND_FRAME_H

#define RU_FRAME_ALIGN 16
/* DWARF register numbers (AAPCS64 DWARF supplement). */
#define RU_DWARF_FP 29
#define RU_DWARF_SP 31

/* With -mbranch-protection=standard, paciasp signs x30 before it is saved,
   so the saved copy carries a pointer authentication code in its top bits.
   xpaclri (hint #7) strips it; on cores without PAuth it is a NOP and the
   value was never signed. */
static inline uintptr_t ru_strip_ip(uintptr_t ip)
{
	register uintptr_t lr __asm__("x30") = ip;
	__asm__("hint #7" : "+r"(lr));
	return lr;
}

#endif
