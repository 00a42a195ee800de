// SPDX-License-Identifier: MIT
/*
 * Event queues (/scheme/event) and timeouts (writes to /scheme/time), as
 * kernel 6abd1be6 has them: src/scheme/event.rs, src/event.rs (the
 * registry, trigger), src/context/timeout.rs, src/scheme/time.rs kwrite,
 * and each scheme's fevent. Facts and sources: docs/redox-run-schemes.md.
 *
 * The registry and the timeouts are this process's (one process per
 * redox-run): a registration names the open file description it watches
 * (kernel RegKey = scheme + handle number, one rr_file here), the queue, the
 * fd it was registered through and the user data. A thread reading an
 * empty queue waits in the scheduler (RR_W_EVENT, sched.c), which hands it
 * the events, or the timeout event, when they come.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sys.h"

#define EVENT_READ  1ull
#define EVENT_WRITE 2ull
/* redox_syscall 0.9.1 flag.rs:541 */
#define EVENT_TIMEOUT_ID (UINT64_MAX - 2)
#define EVENT_SIZE 24          /* Event {id, flags, data: usize} (data.rs:14-18) */

/* redox-run's limits (the kernel's are memory): past them a write is
 * ENOMEM and a trigger drops the event with a line under --strace. Events
 * queued in all queues together (24 bytes each: 96 MiB); registrations,
 * which bound the work of one trigger (each queue reached scans them all
 * once); timeouts. */
#define RR_EQ_MAX_EVENTS (1u << 22)
#define RR_EV_MAX_REGS   4096u
#define RR_MAX_TIMEOUTS  65536u

struct rr_ev { uint64_t id, flags, data; };

struct rr_equeue {
	struct rr_ev *ev;      /* a ring of cap entries from head */
	size_t head, len, cap;
	int has_timeout;       /* kernel EventQueue.timeout_opt (milliseconds) */
	uint64_t timeout;
};

struct reg {
	struct rr_file *target, *queue;
	uint64_t id, data, flags;
};

struct timeout {
	struct rr_file *clock; /* the time handle written to */
	int clk;               /* 1 REALTIME, 4 MONOTONIC */
	uint64_t ns;           /* absolute on that clock */
};

static struct reg *regs;
static size_t nregs, capregs;
static size_t nevents;     /* queued in all queues */
static struct timeout *tos;
static size_t ntos, captos;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap * 2 : 16;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (!q)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

static uint64_t clock_ns(int clk)
{
	struct timespec ts;
	clock_gettime(clk == 1 ? CLOCK_REALTIME : CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ------------------------------------------------------------ the queue */

uint64_t rr_event_open(uint64_t flags, struct rr_file **out)
{
	/* kernel event.rs kopenat: any path on the scheme root is a new queue. */
	struct rr_equeue *q = calloc(1, sizeof *q);
	if (!q || !(*out = rr_file_new(RR_K_EQUEUE, flags))) {
		free(q);
		return ERR(ENOMEM);
	}
	(*out)->eq = q;
	return 0;
}

int rr_event_ready(const struct rr_file *f)
{
	return f->eq->len != 0;
}

static void push(struct rr *rr, struct rr_file *qf, struct rr_ev e)
{
	struct rr_equeue *q = qf->eq;
	if (nevents >= RR_EQ_MAX_EVENTS) {
		if (rr)
			rr_not_emulated(rr, "more than 2^22 queued events",
					"a limit of redox-run (the event is dropped)");
		return;
	}
	if (q->len == q->cap) {
		size_t n = q->cap ? q->cap * 2 : 16;
		struct rr_ev *v = malloc(n * sizeof *v);
		if (!v)
			return;
		for (size_t i = 0; i < q->len; i++)
			v[i] = q->ev[(q->head + i) % q->cap];
		free(q->ev);
		q->ev = v;
		q->head = 0;
		q->cap = n;
	}
	q->ev[(q->head + q->len++) % q->cap] = e;
	nevents++;
}

/* kernel event.rs trigger_locked: every registration on TARGET whose flags
 * meet FLAGS gets an event {its fd, the common flags, its data}; then each
 * queue that got one is itself triggered with EVENT_READ, once (a queue
 * watching a queue, cycles included). RR may be NULL (a close). */
void rr_event_trigger(struct rr *rr, struct rr_file *target, uint64_t flags)
{
	struct rr_file **todo = NULL, **done = NULL;
	size_t ntodo = 0, captodo = 0, ndone = 0, capdone = 0;
	for (struct rr_file *t = target; t; flags = EVENT_READ) {
		for (size_t i = 0; i < nregs; i++) {
			struct reg *r = &regs[i];
			if (r->target != t || !(r->flags & flags))
				continue;
			push(rr, r->queue, (struct rr_ev){ r->id, r->flags & flags, r->data });
			if (!grow((void **)&todo, &captodo, ntodo + 1, sizeof *todo))
				todo[ntodo++] = r->queue;
		}
		/* The next queue that got an event and was not triggered yet. */
		for (t = NULL; !t && ntodo;) {
			struct rr_file *c = todo[--ntodo];
			size_t k = 0;
			while (k < ndone && done[k] != c)
				k++;
			if (k == ndone && !grow((void **)&done, &capdone, ndone + 1, sizeof *done))
				t = done[ndone++] = c;
		}
	}
	free(todo);
	free(done);
}

/* What a scheme's fevent says is ready now of FLAGS, or an error. */
static uint64_t fevent(struct rr_file *f, uint64_t flags, uint64_t *ready)
{
	*ready = 0;
	switch (f->kind) {
	case RR_K_PIPE:
		/* kernel pipe.rs fevent */
		if (f->write_end && (flags & EVENT_WRITE) && rr_pipe_ready(f, 1))
			*ready |= EVENT_WRITE;
		if (!f->write_end && (flags & EVENT_READ) && rr_pipe_ready(f, 0))
			*ready |= EVENT_READ;
		return 0;
	case RR_K_EQUEUE:
		/* kernel event.rs fevent: writable always, readable if not empty */
		*ready = (flags & EVENT_WRITE) | (flags & EVENT_READ && f->eq->len ? EVENT_READ : 0);
		return 0;
	case RR_K_FILE:
		/* redoxfs faf3e2f src/mount/redox/scheme.rs:643-647: "EPERM is
		 * returned for handles that are always readable or writable". */
		return ERR(EPERM);
	case RR_K_HOST: {
		/* redox-run: the host's stdio as it is now (poll); later changes
		 * trigger nothing. */
		if (!(flags & (EVENT_READ | EVENT_WRITE)))
			return 0;
		struct pollfd p = { f->host_fd, (short)((flags & EVENT_READ ? POLLIN : 0) |
							(flags & EVENT_WRITE ? POLLOUT : 0)), 0 };
		if (poll(&p, 1, 0) == 1) {
			*ready |= p.revents & (POLLIN | POLLHUP) ? flags & EVENT_READ : 0;
			*ready |= p.revents & POLLOUT ? flags & EVENT_WRITE : 0;
		}
		return 0;
	}
	default:
		/* kernel scheme/mod.rs KernelScheme::fevent default, time.rs,
		 * debug.rs: nothing is ready. */
		return 0;
	}
}

/* kernel event.rs EventQueue::write: one registration per Event; flags 0
 * removes it. Then sync: fevent with every queue's flags on that file, and
 * a trigger of what is ready. */
static uint64_t reg_one(struct rr *rr, struct rr_file *qf, const struct rr_ev *e)
{
	struct rr_file *target = rr_fdtab_get(&rr->fds, e->id);
	if (!target)
		return ERR(EBADF);
	if (target == qf)
		return ERR(EBADF);   /* "Do not allow recursively registering the same event queue" */
	size_t i = 0;
	while (i < nregs && !(regs[i].target == target && regs[i].queue == qf && regs[i].id == e->id))
		i++;
	if (!e->flags) {
		if (i < nregs)
			regs[i] = regs[--nregs];   /* order among registrations is not kept by K either */
	} else if (i < nregs) {
		regs[i].flags = e->flags;
		regs[i].data = e->data;
	} else {
		if (nregs >= RR_EV_MAX_REGS || grow((void **)&regs, &capregs, nregs + 1, sizeof *regs))
			return ERR(ENOMEM);
		regs[nregs++] = (struct reg){ target, qf, e->id, e->data, e->flags };
	}
	uint64_t all = 0, ready, err;
	for (size_t k = 0; k < nregs; k++)
		if (regs[k].target == target)
			all |= regs[k].flags;
	if ((err = fevent(target, all, &ready)))
		return err;
	if (ready)
		rr_event_trigger(rr, target, ready);
	return 0;
}

uint64_t rr_event_write(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len)
{
	uint64_t n = 0;
	for (; len - n * EVENT_SIZE >= EVENT_SIZE; n++) {
		struct rr_ev e;
		if (rr_guest_read(rr, buf + n * EVENT_SIZE, &e, sizeof e))
			return ERR(EFAULT);
		if (e.id == EVENT_TIMEOUT_ID) {
			/* kernel event.rs write: flags empty clears the one-shot
			 * timeout, anything else sets it to data milliseconds. */
			f->eq->has_timeout = e.flags != 0;
			f->eq->timeout = e.data;
			continue;
		}
		uint64_t r = reg_one(rr, f, &e);
		if (r)
			return r;
	}
	return n * EVENT_SIZE;
}

/* kernel wait_queue.rs receive_into_user with events queued: as many bytes
 * as fit (a partial event too), only whole events leave the queue. */
static uint64_t take(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len)
{
	struct rr_equeue *q = f->eq;
	uint64_t have = (uint64_t)q->len * EVENT_SIZE, n = len < have ? len : have;
	if (!rr_vm_check(rr, buf, n, RR_PROT_W))
		return ERR(EFAULT);
	for (uint64_t done = 0; done < n;) {
		const struct rr_ev *e = &q->ev[(q->head + done / EVENT_SIZE) % q->cap];
		uint64_t k = n - done < EVENT_SIZE ? n - done : EVENT_SIZE;
		if (rr_guest_write(rr, buf + done, e, k))
			return ERR(EFAULT);
		done += k;
	}
	size_t whole = (size_t)(n / EVENT_SIZE);
	q->head = q->cap ? (q->head + whole) % q->cap : 0;
	q->len -= whole;
	nevents -= whole;
	return n;
}

/* kernel event.rs read_with_timeout: the event a timeout gives, {
 * EVENT_TIMEOUT_ID, EVENT_READ, the timeout}, as many bytes as fit. */
uint64_t rr_event_timeout_event(struct rr *rr, uint64_t buf, uint64_t len, uint64_t ms)
{
	struct rr_ev e = { EVENT_TIMEOUT_ID, EVENT_READ, ms };
	uint64_t n = len < EVENT_SIZE ? len : EVENT_SIZE;
	return rr_guest_write(rr, buf, &e, n) ? ERR(EFAULT) : n;
}

uint64_t rr_event_take(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len)
{
	return take(rr, f, buf, len);
}

uint64_t rr_event_read(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len)
{
	struct rr_equeue *q = f->eq;
	int block = !(f->flags & RR_O_NONBLOCK);
	int timed = 0;
	/* The kernel fires due timeouts from its timer interrupt, within a
	 * tick; here every read first fires those that are due. */
	rr_timeouts_fire(rr);
	uint64_t ms = 0;
	if (block && q->has_timeout) {
		/* "timeout is one-time hit" */
		q->has_timeout = 0;
		timed = 1;
		ms = q->timeout;
		block = ms > 0;   /* 0: an instant timeout */
	}
	if (q->len)
		return take(rr, f, buf, len);
	if (!block) {
		if (!len)
			return 0;
		if (len < EVENT_SIZE)
			return ERR(EINVAL);
		return timed ? rr_event_timeout_event(rr, buf, len, ms) : ERR(EAGAIN);
	}
	/* kernel wait_condition.rs wait_inner: a pending unblocked signal is
	 * EINTR instead of sleeping. */
	if (rr_signal_pending(rr, rr->cur))
		return ERR(EINTR);
	uint64_t dl = UINT64_MAX;
	if (timed) {
		uint64_t now = clock_ns(4);
		dl = ms > (UINT64_MAX - 1 - now) / 1000000u ? UINT64_MAX - 1 : now + ms * 1000000u;
	}
	rr_sched_block_event(rr, f, buf, len, dl, ms);
	return 0;
}

/* ------------------------------------------------------------- timeouts */

/* kernel time.rs kwrite: per whole 16-byte TimeSpec, a timeout on the
 * handle's clock (Default and timer handles), else EINVAL.
 * context/timeout.rs: fires when the clock reaches tv_sec*1e9+tv_nsec, as
 * u128 (TimeSpec::to_nanos): a negative value is a huge one, never. */
uint64_t rr_time_write(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len)
{
	uint64_t done = 0;
	for (; len - done >= 16; done += 16) {
		uint8_t raw[16];
		int64_t sec;
		int32_t nsec;
		if (rr_guest_read(rr, buf + done, raw, sizeof raw))
			return ERR(EFAULT);
		if (f->clock_kind != RR_CLOCK_DEFAULT && f->clock_kind != RR_CLOCK_TIMER)
			return ERR(EINVAL);
		memcpy(&sec, raw, 8);
		memcpy(&nsec, raw + 8, 4);
		__int128 v = (__int128)sec * 1000000000 + nsec;
		uint64_t ns = v < 0 || v > (__int128)(UINT64_MAX - 1) ? UINT64_MAX : (uint64_t)v;
		if (ntos >= RR_MAX_TIMEOUTS || grow((void **)&tos, &captos, ntos + 1, sizeof *tos))
			return ERR(ENOMEM);
		tos[ntos++] = (struct timeout){ f, f->clock, ns };
	}
	return done;
}

/* The soonest timeout as absolute CLOCK_MONOTONIC ns (UINT64_MAX: none). */
uint64_t rr_timeouts_next(void)
{
	uint64_t best = UINT64_MAX, mono = 0, real = 0;
	for (size_t i = 0; i < ntos; i++) {
		uint64_t t = tos[i].ns;
		if (t == UINT64_MAX)
			continue;
		if (tos[i].clk == 1) {
			if (!real) {
				mono = clock_ns(4);
				real = clock_ns(1);
			}
			t = t <= real ? mono : mono + (t - real);
		}
		if (t < best)
			best = t;
	}
	return best;
}

/* kernel context/timeout.rs trigger: every timeout whose clock has reached
 * it triggers EVENT_READ on its handle, and is gone. */
void rr_timeouts_fire(struct rr *rr)
{
	if (!ntos)
		return;
	uint64_t mono = clock_ns(4), real = clock_ns(1);
	for (size_t i = 0; i < ntos;) {
		if (tos[i].ns <= (tos[i].clk == 1 ? real : mono)) {
			struct rr_file *c = tos[i].clock;
			tos[i] = tos[--ntos];
			rr_event_trigger(rr, c, EVENT_READ);
		} else {
			i++;
		}
	}
}

/* The last reference to F is gone (fd.c): its registrations, as a queue
 * or as a watched file (kernel unregister_queue / unregister_file), and its
 * timeouts go with it. */
void rr_event_forget(struct rr_file *f)
{
	for (size_t i = 0; i < nregs;)
		if (regs[i].target == f || regs[i].queue == f)
			regs[i] = regs[--nregs];
		else
			i++;
	for (size_t i = 0; i < ntos;)
		if (tos[i].clock == f)
			tos[i] = tos[--ntos];
		else
			i++;
	if (f->eq) {
		nevents -= f->eq->len;
		free(f->eq->ev);
		free(f->eq);
		f->eq = NULL;
	}
	if (!nregs) {
		free(regs);
		regs = NULL;
		capregs = 0;
	}
	if (!ntos) {
		free(tos);
		tos = NULL;
		captos = 0;
	}
}
