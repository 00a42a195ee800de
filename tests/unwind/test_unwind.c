/* SPDX-License-Identifier: MIT */
/* Host unit tests of the unwind stubs (design.md "Unwind stubs"): stub
   semantics, the walker over synthetic frame chains, and a real
   frame-pointer backtrace of this host process. */
#include "unwind-internal.h"

#include <check.h>
#include "../lib/check_run.h"
#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The message writer the stubs call; captures instead of writing fd 2. */
static char written[512];
static size_t nwritten;
static size_t write_chunk;	/* 0: take everything */
static long write_result;	/* non-zero: fail with this value */
static unsigned write_calls;

long __redox_unwind_write2(const char *buf, size_t len)
{
	write_calls++;
	if (write_result != 0)
		return write_result;
	size_t n = write_chunk != 0 && len > write_chunk ? write_chunk : len;
	if (nwritten + n > sizeof written)
		_exit(90);
	memcpy(written + nwritten, buf, n);
	nwritten += n;
	return (long)n;
}

static const char resume_msg[] =
	"redox-crt: _Unwind_Resume called but this program links redox-crt's "
	"unwind stubs (no exception propagation); aborting\n";

/* What __builtin_trap raises on the host. */
#if defined(__x86_64__)
#define TRAP_SIGNAL SIGILL
#else
#define TRAP_SIGNAL SIGTRAP
#endif

/* -------- stub semantics -------- */

static unsigned cleanup_calls;
static _Unwind_Reason_Code cleanup_reason;
static struct _Unwind_Exception *cleanup_exc;
static void cleanup(_Unwind_Reason_Code r, struct _Unwind_Exception *e)
{
	cleanup_calls++;
	cleanup_reason = r;
	cleanup_exc = e;
}

static unsigned stop_calls;
static _Unwind_Reason_Code stop_fn(int v, _Unwind_Action a, ru_exc_class c,
	struct _Unwind_Exception *e, struct _Unwind_Context *ctx, void *arg)
{
	(void)v, (void)a, (void)c, (void)e, (void)ctx, (void)arg;
	stop_calls++;
	return _URC_NO_REASON;
}

START_TEST(raise_returns_end_of_stack)
{
	struct _Unwind_Exception exc;
	memset(&exc, 0, sizeof exc);
	exc.exception_cleanup = cleanup;
	cleanup_calls = 0;
	ck_assert_int_eq(_Unwind_RaiseException(&exc), 5);
	ck_assert_int_eq(_Unwind_RaiseException(&exc), _URC_END_OF_STACK);
	ck_assert_int_eq(_Unwind_Resume_or_Rethrow(&exc), _URC_END_OF_STACK);
	stop_calls = 0;
	ck_assert_int_eq(_Unwind_ForcedUnwind(&exc, stop_fn, NULL), _URC_END_OF_STACK);
	ck_assert_uint_eq(stop_calls, 0);
	/* A failed raise leaves the exception to its owner. */
	ck_assert_uint_eq(cleanup_calls, 0);
}
END_TEST

START_TEST(delete_calls_cleanup_once)
{
	struct _Unwind_Exception exc;
	memset(&exc, 0, sizeof exc);
	exc.exception_cleanup = cleanup;
	cleanup_calls = 0;
	cleanup_exc = NULL;
	_Unwind_DeleteException(&exc);
	ck_assert_uint_eq(cleanup_calls, 1);
	ck_assert_int_eq(cleanup_reason, _URC_FOREIGN_EXCEPTION_CAUGHT);
	ck_assert_ptr_eq(cleanup_exc, &exc);
	exc.exception_cleanup = NULL;
	_Unwind_DeleteException(&exc);
	_Unwind_DeleteException(NULL);
	ck_assert_uint_eq(cleanup_calls, 1);
}
END_TEST

START_TEST(getters_zero_outside_backtrace)
{
	/* A context the walker did not hand out, full of non-zero bytes. */
	struct _Unwind_Context fake;
	memset(&fake, 0x5a, sizeof fake);
	struct _Unwind_Context *cs[] = { NULL, &fake };
	for (int i = 0; i < 2; i++) {
		struct _Unwind_Context *c = cs[i];
		int before = 7;
		ck_assert_uint_eq(_Unwind_GetIP(c), 0);
		ck_assert_uint_eq(_Unwind_GetIPInfo(c, &before), 0);
		ck_assert_int_eq(before, 0);
		ck_assert_uint_eq(_Unwind_GetCFA(c), 0);
		ck_assert_uint_eq(_Unwind_GetGR(c, RU_DWARF_FP), 0);
		ck_assert_uint_eq(_Unwind_GetGR(c, RU_DWARF_SP), 0);
		ck_assert_uint_eq(_Unwind_GetGR(c, 0), 0);
		ck_assert_uint_eq(_Unwind_GetBSP(c), 0);
		ck_assert_uint_eq((uintptr_t)_Unwind_GetLanguageSpecificData(c), 0);
		ck_assert_uint_eq(_Unwind_GetRegionStart(c), 0);
		ck_assert_uint_eq(_Unwind_GetDataRelBase(c), 0);
		ck_assert_uint_eq(_Unwind_GetTextRelBase(c), 0);
		_Unwind_SetGR(c, RU_DWARF_FP, 1234);
		_Unwind_SetIP(c, 1234);
	}
	/* The setters wrote nothing into the fake context either. */
	unsigned char expect[sizeof fake];
	memset(expect, 0x5a, sizeof expect);
	ck_assert_mem_eq(&fake, expect, sizeof fake);
	ck_assert_uint_eq(_Unwind_GetIPInfo(NULL, NULL), 0);
}
END_TEST

START_TEST(fde_functions_are_noops)
{
	static const unsigned char table[16];
	uintptr_t bases[3] = { 11, 22, 33 };
	char ob[64];
	ck_assert_ptr_null(_Unwind_FindEnclosingFunction((void *)(uintptr_t)fde_functions_are_noops));
	ck_assert_ptr_null(_Unwind_FindEnclosingFunction(NULL));
	ck_assert_ptr_null(_Unwind_Find_FDE((const void *)(uintptr_t)fde_functions_are_noops,
		(struct dwarf_eh_bases *)bases));
	ck_assert_uint_eq(bases[0], 11);
	ck_assert_uint_eq(bases[1], 22);
	ck_assert_uint_eq(bases[2], 33);
	memset(ob, 0x77, sizeof ob);
	__register_frame(table);
	__register_frame_info(table, ob);
	__register_frame_info_bases(table, ob, NULL, NULL);
	__register_frame_table(table);
	__register_frame_info_table(table, ob);
	__register_frame_info_table_bases(table, ob, NULL, NULL);
	__deregister_frame(table);
	ck_assert_ptr_null(__deregister_frame_info(table));
	ck_assert_ptr_null(__deregister_frame_info_bases(table));
	for (size_t i = 0; i < sizeof ob; i++)
		ck_assert_int_eq(ob[i], 0x77);
}
END_TEST

/* Each resume test expects the trap signal. The handler checks what was
   written first and exits with 7 instead if it is wrong, so a bad message
   fails the test; if _Unwind_Resume returned, the child exits with 6. */
static void on_trap(int sig)
{
	int good = write_result != 0 ? write_calls == 1 && nwritten == 0
		: nwritten == sizeof resume_msg - 1 &&
		  memcmp(written, resume_msg, nwritten) == 0;
	if (!good)
		_exit(7);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void resume_and_verify(void)
{
	nwritten = 0;
	write_calls = 0;
	signal(SIGILL, on_trap);
	signal(SIGTRAP, on_trap);
	struct _Unwind_Exception exc;
	memset(&exc, 0, sizeof exc);
	_Unwind_Resume(&exc);
	_exit(6);
}

START_TEST(resume_writes_message_and_traps)
{
	write_chunk = 0;
	write_result = 0;
	resume_and_verify();
}
END_TEST

START_TEST(resume_survives_short_writes)
{
	write_chunk = 10;
	write_result = 0;
	resume_and_verify();
}
END_TEST

START_TEST(resume_traps_even_if_write_fails)
{
	write_chunk = 0;
	write_result = -5;	/* -EIO */
	resume_and_verify();
}
END_TEST

/* -------- the walker over synthetic chains -------- */

#define MAXF 400
struct seen {
	unsigned n;
	unsigned stop_after;	/* 0: never */
	uintptr_t ip[MAXF], cfa[MAXF], fp[MAXF], sp[MAXF];
};

static _Unwind_Reason_Code record(struct _Unwind_Context *c, void *arg)
{
	struct seen *s = arg;
	if (s->n < MAXF) {
		int before = 9;
		s->ip[s->n] = _Unwind_GetIP(c);
		ck_assert_uint_eq(_Unwind_GetIPInfo(c, &before), s->ip[s->n]);
		ck_assert_int_eq(before, 0);
		s->cfa[s->n] = _Unwind_GetCFA(c);
		s->fp[s->n] = _Unwind_GetGR(c, RU_DWARF_FP);
		s->sp[s->n] = _Unwind_GetGR(c, RU_DWARF_SP);
		/* Setters must not disturb what the getters report. */
		_Unwind_SetIP(c, 1);
		_Unwind_SetGR(c, RU_DWARF_FP, 1);
		ck_assert_uint_eq(_Unwind_GetIP(c), s->ip[s->n]);
		ck_assert_uint_eq(_Unwind_GetGR(c, RU_DWARF_FP), s->fp[s->n]);
		/* No FDE information inside a backtrace either. */
		ck_assert_uint_eq(_Unwind_GetRegionStart(c), 0);
		ck_assert_uint_eq((uintptr_t)_Unwind_GetLanguageSpecificData(c), 0);
		ck_assert_uint_eq(_Unwind_GetGR(c, 3), 0);
	}
	s->n++;
	if (s->stop_after != 0 && s->n == s->stop_after)
		return _URC_NORMAL_STOP;
	return _URC_NO_REASON;
}

/* A fake stack: frame records at chosen word indices. */
static uintptr_t stack[2 * MAXF + 64] __attribute__((aligned(16)));
#define REC(i) ((uintptr_t)&stack[(i)])
static void rec(unsigned i, uintptr_t next, uintptr_t ip)
{
	stack[i] = next;
	stack[i + 1] = ip;
}

static const struct ru_walk_limits lim16 = { 256, 16, 1 << 20 };
static const struct ru_walk_limits lim8 = { 256, 8, 1 << 20 };

static struct seen seen;
static void reset(void)
{
	memset(&seen, 0, sizeof seen);
	memset(stack, 0, sizeof stack);
}

START_TEST(walk_chain_to_zero)
{
	reset();
	rec(0, REC(4), 0x1000);
	rec(4, REC(10), 0x2000);
	rec(10, REC(16), 0x3000);
	rec(16, 0, 0x4000);	/* _start's caller: saved frame pointer 0 */
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim16, record, &seen), _URC_END_OF_STACK);
	ck_assert_uint_eq(seen.n, 4);
	const unsigned at[] = { 0, 4, 10, 16 };
	for (unsigned k = 0; k < 4; k++) {
		ck_assert_uint_eq(seen.ip[k], 0x1000 * (k + 1));
		ck_assert_uint_eq(seen.cfa[k], REC(at[k]) + 16);
		ck_assert_uint_eq(seen.sp[k], REC(at[k]) + 16);
		ck_assert_uint_eq(seen.fp[k], k < 3 ? REC(at[k + 1]) : 0);
	}
}
END_TEST

START_TEST(walk_zero_return_address_ends)
{
	reset();
	rec(0, REC(2), 0x1000);
	rec(2, REC(4), 0);	/* aarch64 _start zeroes x30 too */
	rec(4, 0, 0x3000);
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim16, record, &seen), _URC_END_OF_STACK);
	ck_assert_uint_eq(seen.n, 1);
}
END_TEST

START_TEST(walk_null_start)
{
	reset();
	ck_assert_int_eq(__redox_unwind_walk(0, &lim16, record, &seen), _URC_END_OF_STACK);
	ck_assert_uint_eq(seen.n, 0);
}
END_TEST

START_TEST(walk_cycle_stops)
{
	reset();
	rec(0, REC(2), 0x1000);
	rec(2, REC(4), 0x2000);
	rec(4, REC(0), 0x3000);	/* back to the first record */
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim16, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 3);
	reset();
	rec(6, REC(6), 0x1000);	/* a record pointing at itself */
	ck_assert_int_eq(__redox_unwind_walk(REC(6), &lim16, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 1);
}
END_TEST

START_TEST(walk_downward_pointer_stops)
{
	reset();
	rec(20, REC(24), 0x1000);
	rec(24, REC(10), 0x2000);	/* below the previous record */
	rec(10, 0, 0x3000);
	ck_assert_int_eq(__redox_unwind_walk(REC(20), &lim16, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 2);
	ck_assert_uint_eq(seen.ip[1], 0x2000);
}
END_TEST

START_TEST(walk_misaligned_stops)
{
	reset();
	/* 8-aligned but not 16-aligned: fine on x86_64, not on aarch64. */
	rec(0, REC(3), 0x1000);
	rec(3, 0, 0x2000);
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim16, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 1);
	seen.n = 0;
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim8, record, &seen), _URC_END_OF_STACK);
	ck_assert_uint_eq(seen.n, 2);
	/* Not even 8-aligned: never read. */
	seen.n = 0;
	ck_assert_int_eq(__redox_unwind_walk(REC(0) + 4, &lim8, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 0);
	/* The same, reached through a record. */
	rec(0, REC(2) + 4, 0x1000);
	seen.n = 0;
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim8, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 1);
}
END_TEST

START_TEST(walk_top_of_address_space_not_read)
{
	reset();
	/* A record at the top would wrap the address of its second word;
	   reading it would crash the test. */
	ck_assert_int_eq(__redox_unwind_walk(UINTPTR_MAX & ~(uintptr_t)15, &lim16, record, &seen),
		_URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 0);
}
END_TEST

START_TEST(walk_step_limit)
{
	reset();
	struct ru_walk_limits small = { 256, 16, 64 };
	rec(0, REC(8), 0x1000);	/* 64 bytes up: allowed */
	rec(8, REC(18), 0x2000);	/* 80 bytes up: too far */
	rec(18, 0, 0x3000);
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &small, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 2);
}
END_TEST

static void build_chain(unsigned frames)
{
	reset();
	for (unsigned k = 0; k < frames; k++)
		rec(2 * k, k + 1 < frames ? REC(2 * (k + 1)) : 0, 0x100 + k);
}

START_TEST(walk_depth_limit)
{
	build_chain(300);
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim16, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 256);
	ck_assert_uint_eq(seen.ip[255], 0x100 + 255);
	/* Exactly max_depth frames then the end: a clean end. */
	build_chain(256);
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim16, record, &seen), _URC_END_OF_STACK);
	ck_assert_uint_eq(seen.n, 256);
	build_chain(257);
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim16, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 256);
}
END_TEST

START_TEST(walk_callback_stops_early)
{
	build_chain(10);
	seen.stop_after = 3;
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim16, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 3);
	/* The first frame can stop it too. */
	build_chain(10);
	seen.stop_after = 1;
	ck_assert_int_eq(__redox_unwind_walk(REC(0), &lim16, record, &seen), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(seen.n, 1);
}
END_TEST

/* -------- a real walk of this process -------- */

struct native {
	unsigned n;
	uintptr_t ip[4], cfa[4], fp[4];
};
static uintptr_t fa[4], ra[4];

static _Unwind_Reason_Code native_cb(struct _Unwind_Context *c, void *arg)
{
	struct native *s = arg;
	s->ip[s->n] = _Unwind_GetIP(c);
	s->cfa[s->n] = _Unwind_GetCFA(c);
	s->fp[s->n] = _Unwind_GetGR(c, RU_DWARF_FP);
	/* Beyond our own frames the host's libraries may lack frame
	   pointers, so stop after the ones we know. */
	return ++s->n == 3 ? _URC_NORMAL_STOP : _URC_NO_REASON;
}

#define KEEP(x) __asm__ volatile("" : "+r"(x) : : "memory")
__attribute__((noinline)) static int native3(struct native *s)
{
	fa[3] = (uintptr_t)__builtin_frame_address(0);
	ra[3] = (uintptr_t)__builtin_return_address(0);
	int r = _Unwind_Backtrace(native_cb, s);
	KEEP(r);
	return r;
}
__attribute__((noinline)) static int native2(struct native *s)
{
	fa[2] = (uintptr_t)__builtin_frame_address(0);
	ra[2] = (uintptr_t)__builtin_return_address(0);
	int r = native3(s);
	KEEP(r);
	return r;
}
__attribute__((noinline)) static int native1(struct native *s)
{
	fa[1] = (uintptr_t)__builtin_frame_address(0);
	int r = native2(s);
	KEEP(r);
	return r;
}

START_TEST(native_backtrace)
{
	struct native s;
	memset(&s, 0, sizeof s);
	ck_assert_int_eq(native1(&s), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(s.n, 3);
	/* Frame 0 is native3 (our caller): its frame pointer is native3's;
	   frame 1 is native2, entered at the return address native3 saw. */
	ck_assert_uint_eq(s.fp[0], fa[3]);
	ck_assert_uint_eq(s.ip[1], ra[3]);
	ck_assert_uint_eq(s.cfa[1], fa[3] + 16);
	ck_assert_uint_eq(s.fp[1], fa[2]);
	ck_assert_uint_eq(s.ip[2], ra[2]);
	ck_assert_uint_eq(s.cfa[2], fa[2] + 16);
	ck_assert_uint_eq(s.fp[2], fa[1]);
	/* Frame 0's IP is inside native3, after its call. */
	ck_assert_uint_gt(s.ip[0], (uintptr_t)native3);
	ck_assert_uint_le(s.cfa[0], fa[3]);
	ck_assert_int_eq(_Unwind_Backtrace(NULL, NULL), _URC_FATAL_PHASE1_ERROR);
}
END_TEST

/* -------- the shipped limits, through _Unwind_Backtrace --------
   The walker tests above pass their own limits; these hold the ones
   backtrace.c ships, written here by hand (README "Unwind stubs": 256
   frames, no step of more than 16 MiB between two frame records). */
#define SHIPPED_MAX_FRAMES 256
#define SHIPPED_MAX_STEP ((size_t)16 << 20)

struct count {
	unsigned n, stop_at;
};
static _Unwind_Reason_Code count_cb(struct _Unwind_Context *c, void *arg)
{
	struct count *s = arg;
	(void)c;
	return ++s->n == s->stop_at ? _URC_NORMAL_STOP : _URC_NO_REASON;
}

__attribute__((noinline)) static int deep(unsigned left, struct count *s)
{
	int r = left ? deep(left - 1, s) : (int)_Unwind_Backtrace(count_cb, s);
	KEEP(r);
	return r;
}

START_TEST(backtrace_stops_after_256_frames)
{
	struct count s = { 0, 0 };
	ck_assert_int_eq(deep(SHIPPED_MAX_FRAMES + 40, &s), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(s.n, SHIPPED_MAX_FRAMES);
}
END_TEST

/* A frame whose alloca puts its record `size` bytes above the next one
   down, on a thread stack big enough to hold it. */
struct gap {
	size_t size;
	struct count c;
	int rc;
};
__attribute__((noinline)) static int gap_leaf(struct count *s)
{
	int r = _Unwind_Backtrace(count_cb, s);
	KEEP(r);
	return r;
}
__attribute__((noinline)) static int gap_frame(size_t size, struct count *s)
{
	volatile char *p = __builtin_alloca(size);
	p[0] = 1;
	int r = gap_leaf(s);
	KEEP(r);
	return r + p[0] - 1;
}
static void *gap_thread(void *arg)
{
	struct gap *g = arg;
	g->rc = gap_frame(g->size, &g->c);
	return NULL;
}
static void run_gap(struct gap *g)
{
	pthread_attr_t a;
	pthread_t t;
	ck_assert_int_eq(pthread_attr_init(&a), 0);
	ck_assert_int_eq(pthread_attr_setstacksize(&a, SHIPPED_MAX_STEP * 4), 0);
	ck_assert_int_eq(pthread_create(&t, &a, gap_thread, g), 0);
	ck_assert_int_eq(pthread_join(t, NULL), 0);
	pthread_attr_destroy(&a);
}

START_TEST(backtrace_step_limit_is_16_mib)
{
	/* Frames: gap_leaf, gap_frame (its record ~size above), gap_thread;
	   the callback stops at the third, which only a walk across the gap
	   reaches. */
	struct gap g = { SHIPPED_MAX_STEP - ((size_t)1 << 20), { 0, 3 }, 0 };
	run_gap(&g);
	ck_assert_int_eq(g.rc, _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(g.c.n, 3);
	struct gap far = { SHIPPED_MAX_STEP + ((size_t)1 << 20), { 0, 3 }, 0 };
	run_gap(&far);
	ck_assert_int_eq(far.rc, _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(far.c.n, 2);
}
END_TEST

/* -------- libgcc as the oracle -------- */

/* The same three frames walked by libgcc's DWARF unwinder (from
   libgcc_s.so.1, looked up by name because this program defines the same
   names) and by ours, from the same call site: both must report the same
   IPs, so the first frame is the caller of _Unwind_Backtrace in both; on
   x86_64, where the frame record is always at the CFA - 16, the same CFAs. */
typedef _Unwind_Reason_Code (*bt_fn)(_Unwind_Trace_Fn, void *);
typedef ru_ip (*getip_fn)(struct _Unwind_Context *);
typedef ru_word (*getcfa_fn)(struct _Unwind_Context *);
static getip_fn gcc_getip;
static getcfa_fn gcc_getcfa;

struct frames {
	int gcc;
	unsigned n;
	uintptr_t ip[3], cfa[3];
};

static _Unwind_Reason_Code cmp_cb(struct _Unwind_Context *c, void *arg)
{
	struct frames *s = arg;
	s->ip[s->n] = s->gcc ? gcc_getip(c) : _Unwind_GetIP(c);
	s->cfa[s->n] = s->gcc ? gcc_getcfa(c) : _Unwind_GetCFA(c);
	return ++s->n == 3 ? _URC_NORMAL_STOP : _URC_NO_REASON;
}

__attribute__((noinline)) static int via3(bt_fn bt, struct frames *s)
{
	int r = bt(cmp_cb, s);
	KEEP(r);
	return r;
}
__attribute__((noinline)) static int via2(bt_fn bt, struct frames *s)
{
	int r = via3(bt, s);
	KEEP(r);
	return r;
}
__attribute__((noinline)) static int via1(bt_fn bt, struct frames *s)
{
	int r = via2(bt, s);
	KEEP(r);
	return r;
}

START_TEST(matches_libgcc)
{
	void *h = dlopen("libgcc_s.so.1", RTLD_NOW | RTLD_LOCAL);
	ck_assert_msg(h != NULL, "dlopen libgcc_s.so.1: %s", dlerror());
	bt_fn gcc_bt = (bt_fn)dlsym(h, "_Unwind_Backtrace");
	gcc_getip = (getip_fn)dlsym(h, "_Unwind_GetIP");
	gcc_getcfa = (getcfa_fn)dlsym(h, "_Unwind_GetCFA");
	ck_assert(gcc_bt != NULL && gcc_getip != NULL && gcc_getcfa != NULL);
	ck_assert_ptr_ne((void *)gcc_bt, (void *)_Unwind_Backtrace);

	struct frames g, o;
	memset(&g, 0, sizeof g);
	memset(&o, 0, sizeof o);
	g.gcc = 1;
	ck_assert_int_eq(via1(gcc_bt, &g), _URC_FATAL_PHASE1_ERROR);
	ck_assert_int_eq(via1(_Unwind_Backtrace, &o), _URC_FATAL_PHASE1_ERROR);
	ck_assert_uint_eq(g.n, 3);
	ck_assert_uint_eq(o.n, 3);
	for (int k = 0; k < 3; k++) {
		ck_assert_uint_eq(o.ip[k], g.ip[k]);
#if defined(__x86_64__)
		ck_assert_uint_eq(o.cfa[k], g.cfa[k]);
#endif
	}
	dlclose(h);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("unwind");
	TCase *stub = tcase_create("stubs");
	tcase_add_test(stub, raise_returns_end_of_stack);
	tcase_add_test(stub, delete_calls_cleanup_once);
	tcase_add_test(stub, getters_zero_outside_backtrace);
	tcase_add_test(stub, fde_functions_are_noops);
	tcase_add_test_raise_signal(stub, resume_writes_message_and_traps, TRAP_SIGNAL);
	tcase_add_test_raise_signal(stub, resume_survives_short_writes, TRAP_SIGNAL);
	tcase_add_test_raise_signal(stub, resume_traps_even_if_write_fails, TRAP_SIGNAL);
	suite_add_tcase(su, stub);
	TCase *walk = tcase_create("walker");
	tcase_add_test(walk, walk_chain_to_zero);
	tcase_add_test(walk, walk_zero_return_address_ends);
	tcase_add_test(walk, walk_null_start);
	tcase_add_test(walk, walk_cycle_stops);
	tcase_add_test(walk, walk_downward_pointer_stops);
	tcase_add_test(walk, walk_misaligned_stops);
	tcase_add_test(walk, walk_top_of_address_space_not_read);
	tcase_add_test(walk, walk_step_limit);
	tcase_add_test(walk, walk_depth_limit);
	tcase_add_test(walk, walk_callback_stops_early);
	suite_add_tcase(su, walk);
	TCase *nat = tcase_create("native");
	tcase_add_test(nat, native_backtrace);
	tcase_add_test(nat, matches_libgcc);
	tcase_add_test(nat, backtrace_stops_after_256_frames);
	tcase_add_test(nat, backtrace_step_limit_is_16_mib);
	suite_add_tcase(su, nat);
	return check_run(su, CK_FORK_GETENV);
}
