/* SPDX-License-Identifier: MIT */
/* _Unwind_GetBSP: the IA-64 register-stack pointer, part of nongnu
   libunwind's _Unwind_* set (its unwind.h declares it for every target).
   LLVM libunwind defines it only for IA-64; x86_64 and aarch64 have no
   register stack, so it is 0, as nongnu's returns there. */
struct _Unwind_Context;

unsigned long _Unwind_GetBSP(struct _Unwind_Context *context)
{
	(void)context;
	return 0;
}
