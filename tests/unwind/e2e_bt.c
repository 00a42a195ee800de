/* SPDX-License-Identifier: MIT */
/* Five noinline levels below main call _Unwind_Backtrace. Prints one line
   per frame for tests/unwind/e2e.sh to resolve, and checks in place that
   the CFA and frame pointer of each frame are the ones the functions saw
   themselves (design.md "Unwind stubs"). Exit status: number of failed
   in-program checks. */
#define _GNU_SOURCE 1
#include <unwind.h>
#include "e2e_out.h"

#if defined(__x86_64__)
#define DWARF_FP 6
#else
#define DWARF_FP 29
#endif

#define MAXF 64
static struct {
	unsigned n, stop_after;
	uintptr_t ip[MAXF], cfa[MAXF], fp[MAXF];
	int before[MAXF];
} r;
static uintptr_t fa[7];	/* frame addresses: [1..5] = bt_f1..bt_f5, [6] = main */
static int bad;

static _Unwind_Reason_Code cb(struct _Unwind_Context *c, void *arg)
{
	(void)arg;
	if (r.n < MAXF) {
		r.before[r.n] = 7;
		r.ip[r.n] = _Unwind_GetIPInfo(c, &r.before[r.n]);
		if (r.ip[r.n] != _Unwind_GetIP(c))
			bad++;
		r.cfa[r.n] = _Unwind_GetCFA(c);
		r.fp[r.n] = _Unwind_GetGR(c, DWARF_FP);
	}
	r.n++;
	return r.stop_after != 0 && r.n == r.stop_after ? _URC_NORMAL_STOP : _URC_NO_REASON;
}

#define KEEP(x) __asm__ volatile("" : "+r"(x) : : "memory")
#define LEVEL(k, next)                                                   \
	__attribute__((noinline)) int bt_f##k(void)                      \
	{                                                                \
		fa[k] = (uintptr_t)__builtin_frame_address(0);           \
		int rc = next;                                           \
		KEEP(rc);                                                \
		return rc;                                               \
	}
LEVEL(5, _Unwind_Backtrace(cb, 0))
LEVEL(4, bt_f5())
LEVEL(3, bt_f4())
LEVEL(2, bt_f3())
LEVEL(1, bt_f2())

static void expect(const char *what, uintptr_t want, uintptr_t got)
{
	if (want == got)
		return;
	bad++;
	out("MISMATCH ");
	out(what);
	out(" want ");
	out_hex(want);
	out(" got ");
	out_hex(got);
	out("\n");
}

static unsigned cleanups;
static void cleanup(_Unwind_Reason_Code why, struct _Unwind_Exception *e)
{
	(void)e;
	if (why == _URC_FOREIGN_EXCEPTION_CAUGHT)
		cleanups++;
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	fa[6] = (uintptr_t)__builtin_frame_address(0);
	int rc = bt_f1();
	KEEP(rc);
	out("backtrace rc=");
	out_dec((unsigned)rc);
	out(" frames=");
	out_dec(r.n);
	out("\n");
	for (unsigned k = 0; k < r.n && k < MAXF; k++) {
		out("frame ");
		out_dec(k);
		out(" ip=");
		out_hex(r.ip[k]);
		out(" cfa=");
		out_hex(r.cfa[k]);
		out("\n");
		if (r.before[k] != 0)
			bad++;
	}
	/* Frame k describes bt_f5, bt_f4, .., bt_f1, main for k = 0..5. Its
	   frame pointer is the one that function saw; its CFA is the frame
	   record of the function it called, plus 16. */
	if (r.n < 6)
		bad++;
	else {
		for (unsigned k = 0; k < 6; k++) {
			unsigned self = k < 5 ? 5 - k : 6;
			expect("fp", fa[self], r.fp[k]);
			if (k > 0)
				expect("cfa", fa[6 - k] + 16, r.cfa[k]);	/* callee: bt_f(6-k) */
		}
		if (r.cfa[0] > fa[5] || r.cfa[0] == 0)
			expect("cfa[0] <= bt_f5's frame", fa[5], r.cfa[0]);
		for (unsigned k = 1; k < r.n && k < MAXF; k++)
			if (r.cfa[k] <= r.cfa[k - 1])
				expect("cfa grows", r.cfa[k - 1] + 1, r.cfa[k]);
	}

	/* A callback that stops the walk early. */
	unsigned total = r.n;
	r.n = 0;
	r.stop_after = 2;
	rc = bt_f1();
	out("stopped rc=");
	out_dec((unsigned)rc);
	out(" frames=");
	out_dec(r.n);
	out(" of ");
	out_dec(total);
	out("\n");

	struct _Unwind_Exception exc = { 0 };
	exc.exception_cleanup = cleanup;
	out("raise rc=");
	out_dec((unsigned)_Unwind_RaiseException(&exc));
	out(" forced rc=");
	out_dec((unsigned)_Unwind_ForcedUnwind(&exc, 0, 0));
	out(" rethrow rc=");
	out_dec((unsigned)_Unwind_Resume_or_Rethrow(&exc));
	_Unwind_DeleteException(&exc);
	out(" cleanups=");
	out_dec(cleanups);
	out("\n");
	out("outside ip=");
	out_hex(_Unwind_GetIP(0));
	out(" cfa=");
	out_hex(_Unwind_GetCFA(0));
	out("\n");
	out("checks failed=");
	out_dec((unsigned)bad);
	out("\n");
	return bad;
}
