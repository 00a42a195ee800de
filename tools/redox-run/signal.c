// SPDX-License-Identifier: MIT
/*
 * Signals a process sends itself (raise, kill(getpid()), pthread_kill of
 * the main thread). The sender side is the process manager's: it sets the
 * signal's pending bit in the thread's Sigcontrol word or in the process's
 * SigProcControl, with the sender in sender_infos (INFERRED from relibc
 * dadb4375's reader, redox-rt/src/arch/{x86_64,aarch64}.rs sigentry, as the
 * procmgr source is not at hand). Delivery is kernel 6abd1be6
 * src/context/signal.rs signal_handler: with a pending unblocked signal and
 * INHIBIT_DELIVERY clear, save the return ip and the arch register (rflags /
 * x0) in the Sigcontrol, set INHIBIT_DELIVERY, continue at user_handler.
 * relibc's trampoline does everything else, default actions included.
 * Layouts: redox_syscall 0.9.1 src/sigabi.rs (docs/redox-run-abi.md §6a).
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "sys.h"

/* Sigcontrol (repr(C)): word[2] @0, sender_infos[32] @16, control_flags
 * @272, saved_ip @280, saved_archdep_reg @288. */
#define SC_WORD     0
#define SC_SENDER   16
#define SC_CONTROL  272
#define SC_SAVED_IP 280
#define SC_SAVED_AR 288
/* SigProcControl (repr(C, align(4096))): pending @0, actions
 * [RawAction {first, user_data}; 64] (align 16) @16, sender_infos[32] @1040. */
#define PC_PENDING  0
#define PC_ACTIONS  16
#define PC_SENDER   1040
#define INHIBIT_DELIVERY 1ull
#define ACTION_IGNORED (1ull << 63)

static int rd64(struct rr *rr, uint64_t a, uint64_t *v) { return rr_guest_read(rr, a, v, 8); }
static int wr64(struct rr *rr, uint64_t a, uint64_t v) { return rr_guest_write(rr, a, &v, 8); }

/* The process's SigProcControl: every thread's SetSighandlerData names the
 * same one (relibc redox-rt signal.rs setup_sighandler). */
static uint64_t proc_ctl(const struct rr *rr)
{
	if (rr->cur && rr->cur->sighandler[3])
		return rr->cur->sighandler[3];
	for (size_t i = 0; i < rr->nthr; i++)
		if (rr->thr[i]->sighandler[3])
			return rr->thr[i]->sighandler[3];
	return 0;
}

/* Sigcontrol::currently_pending_unblocked of thread T: its own pending
 * bits and the process's, masked by its allow bits. */
static uint64_t pending_unblocked(struct rr *rr, const struct rr_thread *t, uint64_t *any)
{
	uint64_t tctl = t->sighandler[2], pctl = proc_ctl(rr), w[2], pp;
	*any = 0;
	if (!tctl || !pctl || rd64(rr, tctl + SC_WORD, &w[0]) || rd64(rr, tctl + SC_WORD + 8, &w[1]) ||
	    rd64(rr, pctl + PC_PENDING, &pp))
		return 0;
	uint64_t up = 0;
	*any = pp;
	for (int i = 0; i < 2; i++) {
		up |= (((w[i] | (pp >> (i * 32))) & 0xffffffffu) & (w[i] >> 32)) << (32 * i);
		*any |= (w[i] & 0xffffffffu) << (32 * i);
	}
	return up;
}

int rr_signal_pending(struct rr *rr, struct rr_thread *t)
{
	uint64_t any;
	return t->sig_maybe && pending_unblocked(rr, t, &any) != 0;
}

/* Whether thread T has SIG's allow bit set. */
static int allows(struct rr *rr, const struct rr_thread *t, unsigned bit)
{
	uint64_t allow;
	return t->sighandler[2] && !rd64(rr, t->sighandler[2] + SC_WORD + (bit / 32) * 8, &allow) &&
	       (allow >> 32 >> (bit % 32) & 1);
}

uint64_t rr_signal_send(struct rr *rr, uint64_t sig, struct rr_thread *to)
{
	struct rr_thread *t = to ? to : rr->cur;
	uint64_t tctl = t->sighandler[2], pctl = proc_ctl(rr), v;
	if (sig > 64)
		return ERR(EINVAL);
	if (sig == 0)
		return 0;    /* existence and permission check only */
	if (sig == 9) {
		/* SIGKILL cannot be caught: the process ends. */
		fprintf(stderr, "redox-run: %s: terminated by signal 9 (SIGKILL)\n", rr->prog);
		rr->exit_status = 128 + 9;
		rr->stop = RR_STOP_EXIT;
		return 0;
	}
	if (sig == 19)
		return rr_not_emulated(rr, "SIGSTOP", "stopping a process (nothing could continue it)");
	/* Kernel: "Discard signal if sigcontrol is unset" (signal.rs). */
	if (!tctl || !pctl)
		return 0;
	if (rd64(rr, pctl + PC_ACTIONS + (sig - 1) * 16, &v))
		return ERR(EFAULT);
	if (v & ACTION_IGNORED)
		return 0;    /* RawAction.first bit 63: ignored, never pending */
	unsigned bit = (unsigned)(sig - 1);
	/* SenderInfo: lo = sender pid, hi = sender ruid (procmgr on_send_sig). */
	uint64_t sender = RR_PID | (uint64_t)rr->ids[RR_RUID] << 32;
	if (to) {
		uint64_t w = tctl + SC_WORD + (bit / 32) * 8;
		if (rd64(rr, w, &v) || wr64(rr, w, v | 1ull << (bit % 32)))
			return ERR(EFAULT);
		if (bit < 32 && wr64(rr, tctl + SC_SENDER + bit * 8, sender))
			return ERR(EFAULT);
	} else {
		if (rd64(rr, pctl + PC_PENDING, &v) || wr64(rr, pctl + PC_PENDING, v | 1ull << bit))
			return ERR(EFAULT);
		if (bit < 32 && wr64(rr, pctl + PC_SENDER + bit * 8, sender))
			return ERR(EFAULT);
	}
	if (to) {
		/* relibc sends SignalThread through wrapper(erestart = true)
		 * with delivery inhibited and enters its trampoline itself on
		 * ERESTART (redox-rt sys.rs:24-42, 380-394). procmgr
		 * on_send_sig: the thread's bit is set; if the thread allows
		 * it, it is interrupted, and ERESTART answers a caller that
		 * signalled itself. */
		to->sig_maybe = 1;
		if (!allows(rr, to, bit))
			return 0;
		if (to == rr->cur)
			return ERR(ERESTART);
		/* Another thread: woken from a wait it is in. */
		rr_sched_signal(rr, to);
		return 0;
	}
	/* A process signal. procmgr on_send_sig: the first thread (in
	 * creation order) that allows it is interrupted, and the caller,
	 * which signalled its own process, gets ERESTART (killed_self) so its
	 * trampoline looks for it; when no thread allows it, it stays pending
	 * for the first that unblocks it. Every thread may take it. */
	for (size_t i = 0; i < rr->nthr; i++)
		rr->thr[i]->sig_maybe = 1;
	for (size_t i = 0; i < rr->nthr; i++) {
		struct rr_thread *o = rr->thr[i];
		if (o->state != RR_T_DEAD && allows(rr, o, bit)) {
			if (o != rr->cur)
				rr_sched_signal(rr, o);
			return ERR(ERESTART);
		}
	}
	return 0;
}

/* After a syscall: deliver a pending unblocked signal. *pc is the address
 * the guest resumes at, *archdep its rflags (x86_64) or x0 (aarch64); on
 * delivery *pc becomes the handler and 1 is returned. */
int rr_signal_deliver(struct rr *rr, uint64_t *pc, uint64_t archdep)
{
	struct rr_thread *t = rr->cur;
	uint64_t tctl = t->sighandler[2], flags, any;
	if (!t->sig_maybe || !tctl)
		return 0;
	uint64_t up = pending_unblocked(rr, t, &any);
	if (!any)
		t->sig_maybe = 0;
	if (!up || rd64(rr, tctl + SC_CONTROL, &flags) || (flags & INHIBIT_DELIVERY))
		return 0;
	if (wr64(rr, tctl + SC_SAVED_IP, *pc) || wr64(rr, tctl + SC_SAVED_AR, archdep) ||
	    wr64(rr, tctl + SC_CONTROL, flags | INHIBIT_DELIVERY))
		return 0;
	*pc = t->sighandler[0];
	return 1;
}
