/* SPDX-License-Identifier: MIT */
/* The frame-pointer walk, kept apart from the code that finds the first
   frame so host tests can feed it synthetic chains. It only reads memory
   it has reasons to trust: each record must be aligned, above the previous
   one and no more than max_step above it, so a corrupted or foreign frame
   pointer ends the walk instead of sending it around a cycle or down into
   memory that is not stack. */
#include "unwind-internal.h"

_Unwind_Reason_Code __redox_unwind_walk(uintptr_t fp,
	const struct ru_walk_limits *lim, _Unwind_Trace_Fn fn, void *arg)
{
	struct _Unwind_Context ctx;
	_Unwind_Reason_Code rc = _URC_END_OF_STACK;

	for (unsigned depth = 0;; depth++) {
		/* _start leaves a zero frame pointer (design.md "_start"). */
		if (fp == 0)
			break;
		if (fp % lim->align != 0 || fp > UINTPTR_MAX - 16 ||
		    depth >= lim->max_depth) {
			rc = _URC_FATAL_PHASE1_ERROR;
			break;
		}
		const uintptr_t *rec = (const uintptr_t *)fp;
		uintptr_t ip = ru_strip_ip(rec[1]);
		uintptr_t next = rec[0];
		/* A zero return address also marks the outermost frame
		   (aarch64 _start zeroes x30 as well as x29). */
		if (ip == 0)
			break;
		ctx.magic = RU_CONTEXT_MAGIC;
		ctx.ip = ip;
		ctx.cfa = fp + 16;
		ctx.fp = next;
		_Unwind_Reason_Code r = fn(&ctx, arg);
		ctx.magic = 0;
		if (r != _URC_NO_REASON) {
			rc = _URC_FATAL_PHASE1_ERROR;
			break;
		}
		if (next != 0 && (next <= fp || next - fp > lim->max_step)) {
			rc = _URC_FATAL_PHASE1_ERROR;
			break;
		}
		fp = next;
	}
	return rc;
}
