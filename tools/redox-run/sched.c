// SPDX-License-Identifier: MIT
/*
 * The scheduler: several guest threads on one Unicorn engine, one host
 * thread. A thread runs until it blocks (futex wait, a pipe that is empty
 * or full, nanosleep), yields, exits, or its time slice of RR_SLICE_BLOCKS
 * translation blocks ends (only counted once a second thread has started,
 * so a single-threaded program runs as fast as before). Then run() saves
 * its registers (uc_context_save: the whole CPU state Unicorn keeps,
 * general, FP/SIMD and the thread pointer) and the next runnable thread in
 * creation order goes on. Deterministic: no host timer decides anything
 * but a timeout. Futex, nanosleep and yield semantics: kernel 6abd1be6
 * src/syscall/futex.rs, time.rs; docs/redox-run-threads.md.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sys.h"

/* About 0.1-0.5 ms of guest time between preemptions (make bench). */
#define RR_SLICE_BLOCKS 20000
/* A deadline further away than this (relibc's sigsuspend sleeps
 * i64::MAX seconds, redox-rt signal.rs await_signal_async) counts as none
 * when deciding whether the process is deadlocked. */
#define RR_NEVER_NS (100ull * 365 * 86400 * 1000000000ull)

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* TimeSpec {i64 tv_sec; i32 tv_nsec} (redox-abi.md §4) as nanoseconds. */
static uint64_t read_ts(struct rr *rr, uint64_t p, uint64_t *ns)
{
	uint8_t raw[12];
	int64_t sec;
	int32_t nsec;
	if (rr_guest_read(rr, p, raw, sizeof raw))
		return ERR(EFAULT);
	memcpy(&sec, raw, 8);
	memcpy(&nsec, raw + 8, 4);
	if (sec < 0 || nsec < 0 || nsec >= 1000000000)
		return ERR(EINVAL);
	*ns = (uint64_t)sec > (UINT64_MAX - 999999999u) / 1000000000u ? UINT64_MAX - 1 :
	      (uint64_t)sec * 1000000000u + (uint64_t)nsec;
	return 0;
}

static uint64_t write_ts(struct rr *rr, uint64_t p, uint64_t ns)
{
	uint8_t raw[16] = { 0 };
	int64_t sec = (int64_t)(ns / 1000000000u);
	int32_t nsec = (int32_t)(ns % 1000000000u);
	memcpy(raw, &sec, 8);
	memcpy(raw + 8, &nsec, 4);
	return rr_guest_write(rr, p, raw, sizeof raw) ? ERR(EFAULT) : 0;
}

static struct timespec to_timespec(uint64_t ns)
{
	struct timespec ts = { (time_t)(ns / 1000000000u), (long)(ns % 1000000000u) };
	return ts;
}

/* Host sleep until the absolute monotonic time NS; --timeout may end it. */
static void host_sleep_until(struct rr *rr, uint64_t ns)
{
	struct timespec dl = to_timespec(ns);
	rr->in_syscall = 1;
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &dl, NULL) == EINTR && !rr->timed_out)
		;
	rr->in_syscall = 0;
}

int rr_sched_others(const struct rr *rr)
{
	for (size_t i = 0; i < rr->nthr; i++) {
		const struct rr_thread *t = rr->thr[i];
		if (t != rr->cur && (t->state == RR_T_RUN || t->state == RR_T_BLOCKED))
			return 1;
	}
	return 0;
}

/* Another thread is runnable, or one waits with a deadline that passed:
 * worth a switch (a spinning or yielding thread must not starve a timed
 * wait, nor one waiting for a pipe it filled or emptied). */
static int others_ready(const struct rr *rr)
{
	uint64_t now = 0;
	for (size_t i = 0; i < rr->nthr; i++) {
		const struct rr_thread *t = rr->thr[i];
		if (t == rr->cur)
			continue;
		if (t->state == RR_T_RUN)
			return 1;
		if (t->state == RR_T_BLOCKED && t->wait == RR_W_PIPE && rr_pipe_ready(t->wfile, t->wpipe_write))
			return 1;
		if (t->state == RR_T_BLOCKED && t->wait == RR_W_EVENT && rr_event_ready(t->wfile))
			return 1;
		if (t->state == RR_T_BLOCKED && t->deadline_ns != UINT64_MAX) {
			if (!now)
				now = now_ns();
			if (t->deadline_ns <= now)
				return 1;
		}
	}
	/* A timeout that is due may make an event queue readable. */
	uint64_t to = rr_timeouts_next();
	return to != UINT64_MAX && to <= (now ? now : now_ns());
}

void rr_sched_block(struct rr *rr, enum rr_twait w)
{
	struct rr_thread *t = rr->cur;
	t->state = RR_T_BLOCKED;
	t->wait = w;
	t->has_result = 0;
	rr->resched = 1;
}

static void end_wait(struct rr_thread *t)
{
	if (t->wfile) {
		rr_file_unref(t->wfile);
		t->wfile = NULL;
	}
	t->wpipe = NULL;
	t->wait = RR_W_NONE;
	t->deadline_ns = UINT64_MAX;
}

void rr_sched_wake(struct rr *rr, struct rr_thread *t, uint64_t result)
{
	(void)rr;
	if (t->state != RR_T_BLOCKED)
		return;
	/* An interrupted nanosleep tells how much was left (kernel time.rs). */
	if (t->wait == RR_W_SLEEP && t->wargs[1]) {
		uint64_t now = now_ns(), left = t->deadline_ns > now ? t->deadline_ns - now : 0;
		t->wresult_rem = IS_ERR(result) ? left : 0;
		t->wrem_pending = 1;
	}
	end_wait(t);
	t->state = RR_T_RUN;
	t->has_result = 1;
	t->result = result;
}

static void drop_thread(struct rr *rr, struct rr_thread *t)
{
	(void)rr;
	end_wait(t);
	t->state = RR_T_DEAD;
}

void rr_sched_exit_current(struct rr *rr)
{
	drop_thread(rr, rr->cur);
	rr->resched = 1;
}

void rr_sched_kill(struct rr *rr, struct rr_thread *t)
{
	drop_thread(rr, t);
}

/* ------------------------------------------------------------ time slice */

static void on_block(uc_engine *uc, uint64_t addr, uint32_t size, void *user)
{
	struct rr *rr = user;
	(void)addr; (void)size;
	if (rr->slice_left--)
		return;
	rr->slice_left = RR_SLICE_BLOCKS;
	if (others_ready(rr)) {
		rr->resched = 1;
		uc_emu_stop(uc);
	}
}

/* Called from a syscall hook: the engine stops and rr_sched_next adds the
 * hook, as translated blocks may only be dropped outside uc_emu_start. */
int rr_sched_enable_slice(struct rr *rr)
{
	if (!rr->slice_on) {
		rr->slice_want = 1;
		rr->resched = 1;
	}
	return 0;
}

static int add_slice(struct rr *rr)
{
	uc_hook h;
	/* Blocks translated so far have no call to the hook: drop them. */
	if (uc_hook_add(rr->uc, &h, UC_HOOK_BLOCK, on_block, rr, 1, 0) != UC_ERR_OK ||
	    rr_vm_drop_code(rr))
		return -1;
	rr->slice_on = 1;
	rr->slice_want = 0;
	return 0;
}

/* ---------------------------------------------------------------- calls */

uint64_t rr_sys_yield(struct rr *rr, const uint64_t *a)
{
	(void)a;
	/* Another runnable thread goes first; alone, the call returns. */
	if (others_ready(rr))
		rr->resched = 1;
	return 0;
}

uint64_t rr_sys_nanosleep(struct rr *rr, const uint64_t *a)
{
	uint64_t ns, e;
	if ((e = read_ts(rr, a[0], &ns)))
		return e;
	/* Kernel time.rs: a signal pending and unblocked is EINTR at once. */
	if (rr_signal_pending(rr, rr->cur))
		return ERR(EINTR);
	if (rr_sched_others(rr)) {
		struct rr_thread *t = rr->cur;
		uint64_t now = now_ns();
		t->deadline_ns = ns > UINT64_MAX - 1 - now ? UINT64_MAX - 1 : now + ns;
		t->wargs[1] = a[1];
		rr_sched_block(rr, RR_W_SLEEP);
		return 0;
	}
	struct timespec ts = to_timespec(ns);
	rr->in_syscall = 1;
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR && !rr->timed_out)
		;
	rr->in_syscall = 0;
	/* Kernel time.rs: rem (if given) gets the time left, 0 when it ran out. */
	return a[1] ? write_ts(rr, a[1], 0) : 0;
}

uint64_t rr_sys_futex(struct rr *rr, const uint64_t *a)
{
	/* Kernel futex.rs: the address must be mapped (and below the end of
	 * user space) for every op, else EFAULT. */
	if (a[0] > UINT64_MAX - 8 || !rr_vm_check(rr, a[0], 1, 0))
		return ERR(EFAULT);
	switch (a[1]) {
	case 0: /* WAIT */
	case 3: { /* WAIT64 */
		uint64_t cur = 0, dl = UINT64_MAX, e;
		unsigned sz = a[1] == 3 ? 8 : 4;
		if (a[0] & (sz - 1))
			return ERR(EINVAL);
		if (rr_guest_read(rr, a[0], &cur, sz))
			return ERR(EFAULT);
		if (cur != (sz == 4 ? (uint32_t)a[2] : a[2]))
			return ERR(EAGAIN);
		/* The deadline is absolute CLOCK_MONOTONIC (redox-abi.md §3). */
		if (a[3] && (e = read_ts(rr, a[3], &dl)))
			return e;
		/* A signal pending and unblocked: EINTR instead of sleeping. */
		if (rr_signal_pending(rr, rr->cur))
			return ERR(EINTR);
		if (rr_sched_others(rr)) {
			struct rr_thread *t = rr->cur;
			t->waddr = a[0];
			t->wval = cur;
			t->wseq = ++rr->futex_seq;
			t->deadline_ns = dl;
			rr_sched_block(rr, RR_W_FUTEX);
			return 0;
		}
		if (!a[3]) {
			fprintf(stderr, "redox-run: %s: deadlock: futex WAIT on 0x%" PRIx64
				" (value %" PRIu64 ") without timeout, and no other thread can wake it\n",
				rr->prog, a[0], cur);
			rr->stop = RR_STOP_DEADLOCK;
			return 0;
		}
		host_sleep_until(rr, dl);
		return ERR(ETIMEDOUT);
	}
	case 1: { /* WAKE */
		/* Kernel futex.rs keeps one Vec of waiters per address, pushed
		 * in wait order, and wakes up to val of them by swap_remove(0):
		 * the first, then the one that was last, ... wseq is the
		 * position in that Vec; the moved waiter takes the removed one's.
		 * Returns the number woken. */
		uint64_t woken = 0;
		while (woken < a[2]) {
			struct rr_thread *first = NULL, *last = NULL;
			for (size_t i = 0; i < rr->nthr; i++) {
				struct rr_thread *t = rr->thr[i];
				if (t->state != RR_T_BLOCKED || t->wait != RR_W_FUTEX || t->waddr != a[0])
					continue;
				if (!first || t->wseq < first->wseq)
					first = t;
				if (!last || t->wseq > last->wseq)
					last = t;
			}
			if (!first)
				break;
			last->wseq = first->wseq;
			rr_sched_wake(rr, first, 0);
			woken++;
		}
		return woken;
	}
	default:
		return ERR(EINVAL);
	}
}

void rr_sched_block_event(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len,
			  uint64_t deadline, uint64_t ms)
{
	struct rr_thread *t = rr->cur;
	t->wfile = rr_file_ref(f);
	t->wargs[1] = buf;
	t->wargs[2] = len;
	t->wval = ms;
	t->deadline_ns = deadline;
	rr_sched_block(rr, RR_W_EVENT);
}

/* A pipe the current thread cannot read from or write to yet (fd.c). */
void rr_sched_block_pipe(struct rr *rr, struct rr_file *f, uint64_t nr, const uint64_t *args, int write)
{
	struct rr_thread *t = rr->cur;
	t->wfile = rr_file_ref(f);
	t->wpipe = f->pipe;
	t->wpipe_write = write;
	t->wnr = nr;
	memcpy(t->wargs, args, sizeof t->wargs);
	rr_sched_block(rr, RR_W_PIPE);
}

void rr_sched_signal(struct rr *rr, struct rr_thread *t)
{
	t->sig_maybe = 1;
	if (t->state == RR_T_BLOCKED && rr_signal_pending(rr, t))
		rr_sched_wake(rr, t, ERR(EINTR));
}

/* ------------------------------------------------------------- switching */

static const char *wait_what(const struct rr_thread *t, char *buf, size_t len)
{
	switch (t->state) {
	case RR_T_NEW:
		return "created, never started";
	case RR_T_BLOCKED:
		break;
	default:
		return "running";
	}
	switch (t->wait) {
	case RR_W_FUTEX:
		snprintf(buf, len, "futex WAIT on 0x%" PRIx64 " (value %" PRIu64 ")%s", t->waddr, t->wval,
			 t->deadline_ns != UINT64_MAX ? " with a timeout centuries away" : "");
		return buf;
	case RR_W_SLEEP:
		return "nanosleep for centuries (waiting for a signal no thread sends)";
	case RR_W_PIPE:
		return t->wpipe_write ? "write to a full pipe" : "read from an empty pipe";
	case RR_W_EVENT:
		return "read from an event queue that no event or timeout can reach";
	default:
		return "blocked";
	}
}

static void report_deadlock(struct rr *rr)
{
	unsigned n = 0;
	for (size_t i = 0; i < rr->nthr; i++)
		n += rr->thr[i]->state != RR_T_DEAD;
	fprintf(stderr, "redox-run: %s: deadlock: all %u threads wait and none can be woken:\n",
		rr->prog, n);
	for (size_t i = 0; i < rr->nthr; i++) {
		char b[128];
		if (rr->thr[i]->state != RR_T_DEAD)
			fprintf(stderr, "redox-run:   thread %u: %s\n", rr->thr[i]->id, wait_what(rr->thr[i], b, sizeof b));
	}
}

/* Dead threads leave the scheduler's list (their handles may keep the
 * object alive). */
static void compact(struct rr *rr)
{
	size_t o = 0;
	for (size_t i = 0; i < rr->nthr; i++) {
		struct rr_thread *t = rr->thr[i];
		if (t->state == RR_T_DEAD && t != rr->cur)
			rr_thread_unref(t);
		else
			rr->thr[o++] = t;
	}
	rr->nthr = o;
}

/* Timeouts that passed and pipes that became ready end their waits; an
 * event queue with events gives them to its first waiter (kernel
 * WaitQueue: every waiter is woken and races, the one that runs first
 * takes them; here it is the first in creation order). */
static void poll_waits(struct rr *rr, uint64_t now)
{
	rr_timeouts_fire(rr);
	for (size_t i = 0; i < rr->nthr; i++) {
		struct rr_thread *t = rr->thr[i];
		if (t->state != RR_T_BLOCKED)
			continue;
		if (t->wait == RR_W_EVENT) {
			if (rr_event_ready(t->wfile))
				rr_sched_wake(rr, t, rr_event_take(rr, t->wfile, t->wargs[1], t->wargs[2]));
			else if (t->deadline_ns <= now)
				rr_sched_wake(rr, t, rr_event_timeout_event(rr, t->wargs[1], t->wargs[2], t->wval));
			continue;
		}
		if (t->wait == RR_W_PIPE && rr_pipe_ready(t->wfile, t->wpipe_write)) {
			end_wait(t);
			t->state = RR_T_RUN;
			t->has_result = 0;
			t->retry = 1;
		} else if (t->deadline_ns <= now) {
			rr_sched_wake(rr, t, t->wait == RR_W_FUTEX ? ERR(ETIMEDOUT) : 0);
		}
	}
}

int rr_sched_next(struct rr *rr, uint64_t *pc)
{
	struct rr_thread *prev = rr->cur;
	rr->resched = 0;
	if (rr->slice_want && add_slice(rr)) {
		fprintf(stderr, "redox-run: %s: internal error: cannot install the time slice hook\n", rr->prog);
		rr->stop = RR_STOP_DEADLOCK;
		return -1;
	}
	if (prev->state != RR_T_DEAD) {
		if (!prev->ctx && uc_context_alloc(rr->uc, &prev->ctx) != UC_ERR_OK) {
			prev->ctx = NULL;
			fprintf(stderr, "redox-run: %s: out of memory for a thread's registers\n", rr->prog);
			rr->stop = RR_STOP_DEADLOCK;
			return -1;
		}
		uc_context_save(rr->uc, prev->ctx);
	}
	int loaded = prev->state != RR_T_DEAD;   /* the engine holds rr->cur's registers */
	for (;;) {
		size_t p = 0;
		while (p < rr->nthr && rr->thr[p] != rr->cur)
			p++;
		poll_waits(rr, now_ns());
		struct rr_thread *next = NULL;
		for (size_t k = 1; k <= rr->nthr && !next; k++) {
			struct rr_thread *t = rr->thr[(p + k) % rr->nthr];
			if (t->state == RR_T_RUN)
				next = t;
		}
		if (!next) {
			int alive = 0;
			uint64_t soonest = rr_timeouts_next();
			for (size_t i = 0; i < rr->nthr; i++) {
				struct rr_thread *t = rr->thr[i];
				alive |= t->state != RR_T_DEAD;
				if (t->state == RR_T_BLOCKED && t->deadline_ns < soonest)
					soonest = t->deadline_ns;
			}
			if (!alive) {
				/* The last thread ended without exit(): the process
				 * exits with status 0 (procmgr: a Dead context). */
				rr->exit_status = 0;
				rr->stop = RR_STOP_EXIT;
				return -1;
			}
			uint64_t now = now_ns();
			if (soonest == UINT64_MAX || (soonest > now && soonest - now > RR_NEVER_NS)) {
				report_deadlock(rr);
				rr->stop = RR_STOP_DEADLOCK;
				return -1;
			}
			host_sleep_until(rr, soonest);
			if (rr->timed_out) {
				rr->stop = RR_STOP_TIMEOUT;
				return -1;
			}
			continue;
		}
		if (next != rr->cur || !loaded)
			uc_context_restore(rr->uc, next->ctx);
		rr->cur = next;
		loaded = 1;
		compact(rr);
		if (next->retry) {
			/* A pipe that was not ready: run the call again. */
			next->retry = 0;
			uint64_t r = rr_syscall(rr, next->wnr, next->wargs);
			if (rr->stop)
				return -1;
			if (next->state == RR_T_BLOCKED) {
				rr->resched = 0;
				uc_context_save(rr->uc, next->ctx);
				continue;
			}
			next->has_result = 1;
			next->result = r;
		}
		break;
	}
	struct rr_thread *t = rr->cur;
	if (t->has_result) {
		t->has_result = 0;
		rr->ops->set_ret(rr, t->result);
	}
	if (t->wrem_pending) {
		t->wrem_pending = 0;
		write_ts(rr, t->wargs[1], t->wresult_rem);
	}
	*pc = rr->ops->pc(rr);
	/* Kernel signal.rs signal_handler runs every time a context is
	 * switched to: a pending unblocked signal enters the trampoline. */
	rr_signal_deliver(rr, pc, rr->ops->sig_archdep(rr));
	rr->slice_left = RR_SLICE_BLOCKS;
	return 0;
}
