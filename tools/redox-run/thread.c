// SPDX-License-Identifier: MIT
/*
 * Guest threads: the objects and the handles relibc creates them with.
 * relibc dadb4375 redox-rt/src/thread.rs rlct_clone_impl: dup(proc,
 * "new-thread") is the new thread's fd; its "current-addrspace" gets
 * [addrspace fd, sp, ip] and its "current-filetable" [filetable fd], both
 * taking effect when those handles close (kernel 6abd1be6 src/scheme/proc.rs
 * close: AwaitingAddrSpaceChange / AwaitingFiletableChange); a write to its
 * "start" makes it runnable. A thread ends by writing [ForceKill, stack
 * base, stack size] to its own "status" (redox-rt thread.rs
 * exit_this_thread_inner; kernel proc.rs ContextVerb::ForceKill unmaps the
 * range, then exits the context). docs/redox-run-threads.md.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "sys.h"

/* ContextVerb (redox_syscall 0.9.1 flag.rs:226-241). */
#define CV_STOP      1
#define CV_UNSTOP    2
#define CV_INTERRUPT 3
#define CV_FORCEKILL UINT64_MAX

static struct rr_thread *thread_alloc(struct rr *rr)
{
	if (rr->nthr == rr->capthr) {
		size_t c = rr->capthr ? rr->capthr * 2 : 8;
		struct rr_thread **n = realloc(rr->thr, c * sizeof *n);
		if (!n)
			return NULL;
		rr->thr = n;
		rr->capthr = c;
	}
	struct rr_thread *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->id = ++rr->thr_created;
	t->refs = 1;             /* the scheduler's, dropped when it dies */
	t->deadline_ns = UINT64_MAX;
	rr->thr[rr->nthr++] = t;
	return t;
}

int rr_threads_init(struct rr *rr)
{
	struct rr_thread *t = thread_alloc(rr);
	if (!t)
		return -1;
	t->state = RR_T_RUN;
	rr->cur = t;
	return 0;
}

struct rr_thread *rr_thread_ref(struct rr_thread *t)
{
	t->refs++;
	return t;
}

void rr_thread_unref(struct rr_thread *t)
{
	if (!t || --t->refs)
		return;
	if (t->ctx)
		uc_context_free(t->ctx);
	free(t);
}

void rr_threads_free(struct rr *rr)
{
	for (size_t i = 0; i < rr->nthr; i++)
		rr_thread_unref(rr->thr[i]);
	free(rr->thr);
	rr->thr = NULL;
	rr->nthr = rr->capthr = 0;
	rr->cur = NULL;
}

unsigned rr_threads_live(const struct rr *rr)
{
	unsigned n = 0;
	for (size_t i = 0; i < rr->nthr; i++)
		n += rr->thr[i]->state != RR_T_DEAD;
	return n;
}

void rr_thread_describe(const struct rr *rr, char *buf, size_t len)
{
	if (rr->thr_created <= 1 || !rr->cur)
		snprintf(buf, len, "%s", "");
	else
		snprintf(buf, len, "thread %u: ", rr->cur->id);
}

/* A handle of KIND on thread T. */
static uint64_t handle(struct rr_thread *t, enum rr_kind kind, struct rr_file **out)
{
	if (!(*out = rr_file_new(kind, RR_O_RDWR)))
		return ERR(ENOMEM);
	(*out)->thr = rr_thread_ref(t);
	return 0;
}

uint64_t rr_thread_dup(struct rr *rr, struct rr_file *f, const char *name, struct rr_file **out)
{
	if (f->kind == RR_K_PROC) {
		if (strcmp(name, "new-thread"))
			return 1;
		/* The process manager makes a context in this process
		 * (base bootstrap procmgr.rs new_thread: "new-context"); the
		 * kernel creates it HardBlocked NotYetStarted. */
		if (rr_threads_live(rr) >= RR_MAX_THREADS)
			return ERR(ENOMEM);
		struct rr_thread *t = thread_alloc(rr);
		if (!t)
			return ERR(ENOMEM);
		t->state = RR_T_NEW;
		if (uc_context_alloc(rr->uc, &t->ctx) != UC_ERR_OK) {
			t->ctx = NULL;
			t->state = RR_T_DEAD;
			return ERR(ENOMEM);
		}
		uint64_t e = handle(t, RR_K_THREAD, out);
		if (e)
			t->state = RR_T_DEAD;
		return e;
	}
	if (f->kind != RR_K_THREAD || !f->thr)
		return 1;
	struct rr_thread *t = f->thr;
	static const struct { const char *name; enum rr_kind kind; } names[] = {
		{ "regs/env", RR_K_ENVREGS }, { "sighandler", RR_K_SIGHANDLER },
		{ "addrspace", RR_K_ADDRSPACE }, { "current-addrspace", RR_K_ASSEL },
		{ "current-filetable", RR_K_FTSEL }, { "start", RR_K_START }, { "status", RR_K_STATUS },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i].name))
			continue;
		/* kernel openat_context "addrspace": ENOENT for a context that
		 * has none yet (a new one before its current-addrspace closes). */
		if (names[i].kind == RR_K_ADDRSPACE && t->state == RR_T_NEW && !t->has_start)
			return ERR(ENOENT);
		return handle(t, names[i].kind, out);
	}
	return 1;
}

static uint64_t rd_words(struct rr *rr, uint64_t buf, uint64_t len, uint64_t *w, unsigned max,
			 unsigned *n)
{
	/* kernel UserSlice::usizes: whole words only. */
	*n = (unsigned)(len / 8 < max ? len / 8 : max);
	return rr_guest_read(rr, buf, w, *n * 8ull) ? ERR(EFAULT) : 0;
}

/* The regs/env pair of T: the engine's if T runs, else its saved context. */
static int env_io(struct rr *rr, struct rr_thread *t, uint64_t v[2], int wr)
{
	if (!t || t == rr->cur) {
		if (wr)
			rr->ops->set_env(rr, v);
		else
			rr->ops->get_env(rr, v);
		return 0;
	}
	if (!t->ctx)
		return -1;
	for (int i = 0; i < 2; i++) {
		uc_err e = wr ? uc_context_reg_write(t->ctx, rr->ops->reg_env[i], &v[i])
			      : uc_context_reg_read(t->ctx, rr->ops->reg_env[i], &v[i]);
		if (e != UC_ERR_OK)
			return -1;
	}
	return 0;
}

uint64_t rr_thread_read(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len)
{
	if (f->kind != RR_K_ENVREGS)
		return ERR(EBADF);
	uint64_t v[2];
	if (len != sizeof v)
		return ERR(EINVAL);
	if (f->thr && f->thr->state == RR_T_DEAD)
		return ERR(ESRCH);
	if (env_io(rr, f->thr, v, 0))
		return ERR(EIO);
	return rr_guest_write(rr, buf, v, sizeof v) ? ERR(EFAULT) : sizeof v;
}

static uint64_t status_write(struct rr *rr, struct rr_thread *t, uint64_t buf, uint64_t len)
{
	uint64_t w[3];
	unsigned n;
	uint64_t e = rd_words(rr, buf, len, w, 3, &n);
	if (e)
		return e;
	if (!n)
		return ERR(EINVAL);
	switch (w[0]) {
	case CV_STOP:
	case CV_UNSTOP:
		return ERR(EPERM);    /* only the privileged "auth-*-status" may */
	case CV_INTERRUPT:
		if (t->state == RR_T_BLOCKED)
			rr_sched_wake(rr, t, ERR(EINTR));
		return 8;
	case CV_FORCEKILL:
		if (t->state == RR_T_DEAD)
			return 8;
		if (t != rr->cur) {
			rr_sched_kill(rr, t);
			return 8;
		}
		/* Self: [ForceKill, base, size] unmaps base..base+size first
		 * (size 0: nothing); an error is returned and the thread lives. */
		if (n >= 2) {
			if (n < 3)
				return ERR(EINVAL);
			if (w[2]) {
				int r = rr_vm_unmap(rr, w[1], rr_page_up(w[2]));
				if (r)
					return ERR(-r);
			}
		}
		rr_sched_exit_current(rr);
		return 0;
	default:
		return ERR(EINVAL);
	}
}

uint64_t rr_thread_write(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len)
{
	struct rr_thread *t = f->thr;
	uint64_t w[4];
	unsigned n;
	uint64_t e;
	switch (f->kind) {
	case RR_K_ENVREGS: {
		uint64_t v[2];
		if (len != sizeof v)
			return ERR(EINVAL);
		if (rr_guest_read(rr, buf, v, sizeof v))
			return ERR(EFAULT);
		if (t && t->state == RR_T_DEAD)
			return ERR(ESRCH);
		/* Takes effect before the next guest instruction (relibc
		 * tcb_activate reads fs:[16] right after). */
		return env_io(rr, t, v, 1) ? ERR(EIO) : sizeof v;
	}
	case RR_K_SIGHANDLER:
		/* SetSighandlerData: 4 x usize (redox_syscall data.rs:371-376),
		 * per thread (kernel proc.rs: context.sig). */
		if (len != sizeof t->sighandler)
			return ERR(EINVAL);
		if (rr_guest_read(rr, buf, t->sighandler, sizeof t->sighandler))
			return ERR(EFAULT);
		t->sig_maybe = 1;
		return sizeof t->sighandler;
	case RR_K_ASSEL: {
		/* [addrspace fd, sp, ip, arg1?]: the fd must be an "addrspace"
		 * handle (EBADF); applied when this handle closes. */
		if ((e = rd_words(rr, buf, len, w, 4, &n)))
			return e;
		if (n < 3)
			return ERR(EINVAL);
		struct rr_file *as = rr_fdtab_get(&rr->fds, w[0]);
		if (!as || as->kind != RR_K_ADDRSPACE)
			return ERR(EBADF);
		if (t->state != RR_T_NEW)
			return rr_not_emulated(rr, "current-addrspace of a started thread",
					       "replacing a running thread's address space (exec)");
		f->as_sel[0] = w[1];
		f->as_sel[1] = w[2];
		f->as_sel[2] = n > 3 ? w[3] : 0;
		f->as_words = (int)n;
		return n * 8ull;
	}
	case RR_K_FTSEL: {
		/* [filetable fd]: a file-table handle (EBADF otherwise). This
		 * process has one table, which every thread shares. */
		if ((e = rd_words(rr, buf, len, w, 1, &n)))
			return e;
		if (!n)
			return ERR(EINVAL);
		struct rr_file *ft = rr_fdtab_get(&rr->fds, w[0]);
		if (!ft || ft->kind != RR_K_FILETABLE)
			return ERR(EBADF);
		return 8;
	}
	case RR_K_START:
		/* kernel proc.rs Start: NotYetStarted → Runnable, else EINVAL. */
		if (t->state != RR_T_NEW)
			return ERR(EINVAL);
		if (rr->ops->thread_regs(rr, t->ctx, t->has_start ? t->start_ip : 0,
					 t->has_start ? t->start_sp : 0, t->has_arg1 ? t->start_arg1 : 0))
			return ERR(EIO);
		t->state = RR_T_RUN;
		if (rr_sched_enable_slice(rr))
			return ERR(ENOMEM);
		return len;
	case RR_K_STATUS:
		return status_write(rr, t, buf, len);
	default:
		return ERR(EBADF);
	}
}

void rr_thread_file_release(struct rr_file *f)
{
	struct rr_thread *t = f->thr;
	if (f->kind == RR_K_ASSEL && f->as_words && t->state == RR_T_NEW) {
		t->has_start = 1;
		t->start_sp = f->as_sel[0];
		t->start_ip = f->as_sel[1];
		t->start_arg1 = f->as_sel[2];
		t->has_arg1 = f->as_words > 3;
	}
	rr_thread_unref(t);
	f->thr = NULL;
}

uint64_t rr_thread_call(struct rr *rr, struct rr_file *f, const uint64_t *meta, unsigned n)
{
	/* ThreadCall (libredox lib.rs:258-263). */
	if (!n)
		return ERR(EINVAL);
	if (meta[0] == 0)      /* SyncSigTctl: the kernel re-reads the words */
		return 0;
	if (meta[0] == 1) {    /* SignalThread [1, sig] (redox-rt sys.rs:378-394) */
		if (n < 2)
			return ERR(EINVAL);
		if (f->thr->state == RR_T_DEAD)
			return ERR(ESRCH);
		return rr_signal_send(rr, meta[1], f->thr);
	}
	char w[48];
	snprintf(w, sizeof w, "SYS_CALL ThreadCall %" PRIu64, meta[0]);
	return rr_not_emulated(rr, w, "unknown thread call");
}
