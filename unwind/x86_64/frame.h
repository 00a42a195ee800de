/* SPDX-License-Identifier: MIT */
/* x86_64 frame records, as `push rbp; mov rbp, rsp` leaves them:
   [rbp] = caller's rbp, [rbp + 8] = return address. */
#ifndef REDOX_UNWIND_FRAME_H
#define REDOX_UNWIND_FRAME_H

#define RU_FRAME_ALIGN 8
/* DWARF register numbers (System V x86_64 psABI, figure 3.36). */
#define RU_DWARF_FP 6
#define RU_DWARF_SP 7

static inline uintptr_t ru_strip_ip(uintptr_t ip)
{
	return ip;
}

#endif
