/* SPDX-License-Identifier: MIT */
/* f1 → f2 → f3, each with a cleanup variable, built with -fexceptions
   -funwind-tables -fomit-frame-pointer -O1 (tests/unwind/part.mk): the
   frames only DWARF CFI can walk. f3 does what eh_mode says:
     EH_BT      _Unwind_Backtrace: one "frame ip=... cfa=..." line each
     EH_RAISE   _Unwind_RaiseException of an exception nobody handles:
                returns END_OF_STACK, then the frames return normally
     EH_FORCED  _Unwind_ForcedUnwind with a stop function: every cleanup
                runs, the stop function exits at the end of the stack
     EH_CATCH   _Unwind_RaiseException of an exception main's personality
                (eh_main.c) claims: cleanups f3 f2 f1, then main's handler
     EH_RESUME  _Unwind_Resume of an exception no phase 1 ever ran for:
                every cleanup runs, then the unwinder reaches the end of
                the stack, which it cannot return from: its fatal error
                message, then abort() */
#include "eh.h"

void eh_cleanup(int *frame)
{
	out("cleanup ");
	out(*frame ? "f" : "main");
	if (*frame)
		out_dec((unsigned long)*frame);
	out("\n");
}

static unsigned n_frames;
static _Unwind_Reason_Code trace(struct _Unwind_Context *c, void *arg)
{
	(void)arg;
	out("frame ip=");
	out_hex(_Unwind_GetIP(c));
	out(" cfa=");
	out_hex(_Unwind_GetCFA(c));
	out("\n");
	n_frames++;
	return _URC_NO_REASON;
}

static void exception_cleanup(_Unwind_Reason_Code rc, struct _Unwind_Exception *e)
{
	(void)e;
	out("exception cleanup rc=");
	out_dec((unsigned long)rc);
	out("\n");
}

static unsigned n_stops;
static _Unwind_Reason_Code stop(int version, _Unwind_Action actions, _Unwind_Exception_Class cls,
				struct _Unwind_Exception *e, struct _Unwind_Context *c, void *arg)
{
	(void)version, (void)cls, (void)e;
	if (actions & _UA_END_OF_STACK) {
		out("stop: end of stack after ");
		out_dec(n_stops);
		out(" frames, arg=");
		out((const char *)arg);
		out("\n");
		exit(0);	/* as pthread_exit does: nothing to return to */
	}
	n_stops++;
	out("stop frame ip=");
	out_hex(_Unwind_GetIP(c));
	out(actions & _UA_FORCE_UNWIND ? " force" : "");
	out(actions & _UA_CLEANUP_PHASE ? " cleanup-phase\n" : "\n");
	return _URC_NO_REASON;
}

static struct _Unwind_Exception exc;

__attribute__((noinline)) static int f3(int x)
{
	int c __attribute__((cleanup(eh_cleanup))) = 3;
	_Unwind_Reason_Code rc;
	switch (eh_mode) {
	case EH_BT:
		rc = _Unwind_Backtrace(trace, 0);
		out("backtrace rc=");
		out_dec(rc);
		out(" frames=");
		out_dec(n_frames);
		out("\n");
		break;
	case EH_RAISE:
	case EH_CATCH:
		exc.exception_class = eh_mode == EH_RAISE ? EH_CLASS_RAISE : EH_CLASS_CATCH;
		exc.exception_cleanup = exception_cleanup;
		rc = _Unwind_RaiseException(&exc);
		out("raise rc=");
		out_dec(rc);
		out("\n");
		break;
	case EH_RESUME:
		exc.exception_class = EH_CLASS_RAISE;
		exc.exception_cleanup = exception_cleanup;
		_Unwind_Resume(&exc);
		out("resume returned\n");
		rc = _URC_FATAL_PHASE2_ERROR;
		break;
	case EH_FORCED:
		exc.exception_class = EH_CLASS_FORCE;
		exc.exception_cleanup = exception_cleanup;
		rc = _Unwind_ForcedUnwind(&exc, stop, (void *)"forced");
		out("forced rc=");
		out_dec(rc);
		out("\n");
		break;
	}
	return x + c;
}

__attribute__((noinline)) static int f2(int x)
{
	int c __attribute__((cleanup(eh_cleanup))) = 2;
	return f3(x + 1) * c;
}

__attribute__((noinline)) int f1(int x)
{
	int c __attribute__((cleanup(eh_cleanup))) = 1;
	return f2(x * 3) + c;
}
