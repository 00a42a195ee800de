/* SPDX-License-Identifier: MIT */
/* One _Unwind_Backtrace of 6 frames (bench_l3 bench_l2 bench_l1 main
   relibc_start_v1 _start), between the markers bench_bt_begin and
   bench_bt_end, whose first instructions redox-run --count-until finds.
   Linked once with LLVM libunwind and once with the stubs (bench/part.mk);
   built with frame pointers and unwind tables so both can walk it. */
#include <unwind.h>

static unsigned frames;

__attribute__((noinline)) void bench_bt_begin(void) { __asm__ volatile(""); }
__attribute__((noinline)) void bench_bt_end(void) { __asm__ volatile(""); }

static _Unwind_Reason_Code count(struct _Unwind_Context *c, void *arg)
{
	(void)c, (void)arg;
	frames++;
	return _URC_NO_REASON;
}

__attribute__((noinline)) int bench_l3(void)
{
	bench_bt_begin();
	_Unwind_Reason_Code rc = _Unwind_Backtrace(count, 0);
	bench_bt_end();
	return rc == _URC_END_OF_STACK && frames == 6 ? 0 : 1;
}

/* The store after each call keeps it from being a tail call. */
static volatile int sink;
__attribute__((noinline)) int bench_l2(void) { int r = bench_l3(); sink = r; return r; }
__attribute__((noinline)) int bench_l1(void) { int r = bench_l2(); sink = r; return r; }

int main(void)
{
	int r = bench_l1();
	sink = r;
	return r;
}
