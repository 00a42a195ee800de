/* SPDX-License-Identifier: MIT */
/* Exception entry points with no propagation: a raise finds no handler, as
   if every frame lacked unwind information, so C++ `throw` ends in
   std::terminate and a Rust panic=unwind build aborts with its own
   message (design.md "Unwind stubs"). */
#include "unwind-internal.h"

/* Personalities and stop functions are never called: nothing is unwound. */
_Unwind_Reason_Code _Unwind_RaiseException(struct _Unwind_Exception *exc)
{
	(void)exc;
	return _URC_END_OF_STACK;
}

_Unwind_Reason_Code _Unwind_ForcedUnwind(struct _Unwind_Exception *exc,
	_Unwind_Stop_Fn stop, void *stop_arg)
{
	(void)exc, (void)stop, (void)stop_arg;
	return _URC_END_OF_STACK;
}

_Unwind_Reason_Code _Unwind_Resume_or_Rethrow(struct _Unwind_Exception *exc)
{
	(void)exc;
	return _URC_END_OF_STACK;
}

/* The Itanium ABI lets the exception's owner free it through its cleanup
   hook; libgcc passes _URC_FOREIGN_EXCEPTION_CAUGHT too. */
void _Unwind_DeleteException(struct _Unwind_Exception *exc)
{
	if (exc != NULL && exc->exception_cleanup != NULL)
		exc->exception_cleanup(_URC_FOREIGN_EXCEPTION_CAUGHT, exc);
}

static const char resume_msg[] =
	"redox-crt: _Unwind_Resume called but this program links redox-crt's "
	"unwind stubs (no exception propagation); aborting\n";

/* Only a landing pad calls _Unwind_Resume, and no landing pad can be
   entered without a raise that succeeded, so getting here means the
   program's unwinding assumptions are broken: say so and stop. */
void _Unwind_Resume(struct _Unwind_Exception *exc)
{
	(void)exc;
	const char *p = resume_msg;
	size_t left = sizeof resume_msg - 1;
	while (left > 0) {
		long n = __redox_unwind_write2(p, left);
		if (n <= 0 || (size_t)n > left)
			break;
		p += n;
		left -= (size_t)n;
	}
	__builtin_trap();
}
