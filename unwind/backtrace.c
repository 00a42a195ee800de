/* SPDX-License-Identifier: MIT */
/* _Unwind_Backtrace over frame pointers, and the context getters. Every
   frame between the caller and _start must keep a frame pointer
   (-fno-omit-frame-pointer, rustc -Cforce-frame-pointers=yes). */
#include "unwind-internal.h"

/* 256 frames cover any sane backtrace. A Redox main-thread stack is 1 MiB
   (redox-abi.md §1, "Stack mapping"), so a real gap between two frame
   records is smaller than that; 16 MiB leaves room for larger thread
   stacks while still refusing a pointer into some other mapping. */
static const struct ru_walk_limits limits = {
	.max_depth = 256,
	.align = RU_FRAME_ALIGN,
	.max_step = (uintptr_t)16 << 20,
};

/* Like libgcc, the first frame reported is the caller of
   _Unwind_Backtrace: its IP is our return address and its CFA is our own
   CFA (the caller's sp after the call returns). */
__attribute__((noinline)) _Unwind_Reason_Code
_Unwind_Backtrace(_Unwind_Trace_Fn fn, void *arg)
{
	if (fn == NULL)
		return _URC_FATAL_PHASE1_ERROR;
	uintptr_t fp = (uintptr_t)__builtin_frame_address(0);
	_Unwind_Reason_Code rc = __redox_unwind_walk(fp, &limits, fn, arg);
	/* The walk starts at our own frame record; a tail call would pop it
	   before the walk reads it. */
	__asm__ volatile("" : "+r"(rc) : : "memory");
	return rc;
}

static int live(const struct _Unwind_Context *c)
{
	return c != NULL && c->magic == RU_CONTEXT_MAGIC;
}

ru_ip _Unwind_GetIP(struct _Unwind_Context *c)
{
	return live(c) ? c->ip : 0;
}

/* The IP is a return address, i.e. after the call instruction. */
ru_ip _Unwind_GetIPInfo(struct _Unwind_Context *c, int *ip_before_insn)
{
	if (ip_before_insn != NULL)
		*ip_before_insn = 0;
	return live(c) ? c->ip : 0;
}

ru_word _Unwind_GetCFA(struct _Unwind_Context *c)
{
	return live(c) ? c->cfa : 0;
}

/* Only the frame pointer and the stack pointer are known in a frame-
   pointer walk; every other register reads as 0. */
ru_word _Unwind_GetGR(struct _Unwind_Context *c, int index)
{
	if (!live(c))
		return 0;
	if (index == RU_DWARF_FP)
		return c->fp;
	if (index == RU_DWARF_SP)
		return c->cfa;
	return 0;
}

/* Nothing can be resumed, so there is no register state to change. */
void _Unwind_SetGR(struct _Unwind_Context *c, int index, ru_word value)
{
	(void)c, (void)index, (void)value;
}

void _Unwind_SetIP(struct _Unwind_Context *c, ru_ip value)
{
	(void)c, (void)value;
}

/* ia64's register stack; no such thing here. */
ru_word _Unwind_GetBSP(struct _Unwind_Context *c)
{
	(void)c;
	return 0;
}

/* The rest come from FDEs and LSDAs, which a frame-pointer walk never
   reads: 0 (NULL) means "unknown", which callers such as Rust's std
   backtrace already handle. */
ru_lsda _Unwind_GetLanguageSpecificData(struct _Unwind_Context *c)
{
	(void)c;
	return 0;
}

ru_ptr _Unwind_GetRegionStart(struct _Unwind_Context *c)
{
	(void)c;
	return 0;
}

ru_ptr _Unwind_GetDataRelBase(struct _Unwind_Context *c)
{
	(void)c;
	return 0;
}

ru_ptr _Unwind_GetTextRelBase(struct _Unwind_Context *c)
{
	(void)c;
	return 0;
}

void *_Unwind_FindEnclosingFunction(void *pc)
{
	(void)pc;
	return NULL;
}
