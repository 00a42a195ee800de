/* SPDX-License-Identifier: MIT */
/*
 * Guest threads (thread.c: thread objects and the thread-fd handles;
 * sched.c: the scheduler, futexes and blocking). All threads share one
 * Unicorn engine: the running thread's registers are the engine's, every
 * other thread's are in its saved uc_context. Facts and sources:
 * docs/redox-run-threads.md.
 */
#ifndef RR_THREAD_H
#define RR_THREAD_H
#include <stdint.h>
#include <unicorn/unicorn.h>

struct rr;
struct rr_file;
struct rr_pipe;

/* A live process has at most this many threads that are not dead. */
#define RR_MAX_THREADS 1024

enum rr_tstate {
	RR_T_NEW,      /* made by dup(proc, "new-thread"), not started */
	RR_T_RUN,      /* runnable (or running: rr->cur) */
	RR_T_BLOCKED,  /* in a syscall that waits (wait below) */
	RR_T_DEAD,
};

enum rr_twait {
	RR_W_NONE,
	RR_W_FUTEX,    /* SYS_FUTEX WAIT on waddr */
	RR_W_SLEEP,    /* SYS_NANOSLEEP until deadline */
	RR_W_PIPE,     /* a pipe read (empty) or write (full): the syscall is run again */
	RR_W_EVENT,    /* an event queue read: wargs[1..2] get the events, wval = timeout ms */
};

struct rr_thread {
	unsigned id;                /* 1 = the main thread, then in creation order */
	unsigned refs;              /* the scheduler's (while not dead) + handles' */
	enum rr_tstate state;
	uc_context *ctx;            /* saved registers when not running */
	/* Set by the "current-addrspace" handle's close (kernel proc.rs). */
	int has_start;
	uint64_t start_ip, start_sp, start_arg1;
	int has_arg1;
	/* Blocking. deadline_ns: absolute CLOCK_MONOTONIC, UINT64_MAX none. */
	enum rr_twait wait;
	uint64_t waddr, wval, deadline_ns;
	uint64_t wseq;              /* futex queue order */
	struct rr_file *wfile;      /* RR_W_PIPE / RR_W_EVENT: the end or queue waited on (a reference) */
	struct rr_pipe *wpipe;
	int wpipe_write;
	uint64_t wnr, wargs[6];     /* RR_W_PIPE: the syscall to run again; SLEEP: [1] rem */
	int retry;                  /* the pipe became ready: run wnr again */
	int has_result;             /* woken: write result to the return register */
	uint64_t result;
	int wrem_pending;           /* SLEEP woken: write wresult_rem to wargs[1] */
	uint64_t wresult_rem;
	/* Signals: this thread's SetSighandlerData {user_handler, excp_handler,
	 * thread_control_addr, proc_control_addr} and whether one may be pending. */
	uint64_t sighandler[4];
	int sig_maybe;
};

/* thread.c */
int rr_threads_init(struct rr *rr);          /* the main thread */
void rr_threads_free(struct rr *rr);
struct rr_thread *rr_thread_ref(struct rr_thread *t);
void rr_thread_unref(struct rr_thread *t);
unsigned rr_threads_live(const struct rr *rr);   /* not dead, NEW included */
/* dup(proc, "new-thread") and the thread fd's names (kernel proc.rs
 * openat_context). Returns 0 with *out set, an ERR(), or 1 when NAME is not
 * one of thread.c's (the caller goes on). */
uint64_t rr_thread_dup(struct rr *rr, struct rr_file *f, const char *name, struct rr_file **out);
/* SYS_WRITE on a thread handle; 1 when F is not one of thread.c's kinds. */
uint64_t rr_thread_write(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len);
uint64_t rr_thread_read(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len);
/* The last reference to a thread handle is gone (kernel proc.rs close). */
void rr_thread_file_release(struct rr_file *f);
/* ThreadCall on a thread fd. */
uint64_t rr_thread_call(struct rr *rr, struct rr_file *f, const uint64_t *meta, unsigned n);
/* Where a fault happened, for the report: "" with one thread ever. */
void rr_thread_describe(const struct rr *rr, char *buf, size_t len);

/* sched.c */
/* The current thread stops in a syscall that waits; the handler returns
 * anything (the return register is written when the thread is woken). */
void rr_sched_block(struct rr *rr, enum rr_twait w);
/* Wake T (blocked) with RESULT as its syscall's return value. */
void rr_sched_wake(struct rr *rr, struct rr_thread *t, uint64_t result);
/* A thread other than the current one could still run or be woken. */
int rr_sched_others(const struct rr *rr);
/* Called by run() after uc_emu_start returned with rr->resched set: save
 * the current thread, pick the next (sleeping on the host until a deadline
 * if all wait), restore it. Returns 0 with *pc where to go on, or -1 with
 * rr->stop set (deadlock, exit of the last thread). */
int rr_sched_next(struct rr *rr, uint64_t *pc);
/* A second thread started: turn the time slice on. */
int rr_sched_enable_slice(struct rr *rr);
/* The current thread waits for the pipe of F (fd.c): syscall NR with ARGS
 * runs again once it can go on. */
void rr_sched_block_pipe(struct rr *rr, struct rr_file *f, uint64_t nr, const uint64_t *args, int write);
/* An empty event queue F: wait for events into BUF/LEN until DEADLINE
 * (monotonic ns, UINT64_MAX none; then the timeout event of MS). */
void rr_sched_block_event(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len,
			  uint64_t deadline, uint64_t ms);
/* A signal became pending for T: a blocked T with it unblocked gets EINTR. */
void rr_sched_signal(struct rr *rr, struct rr_thread *t);
/* The current thread is dead (its handles may live on). */
void rr_sched_exit_current(struct rr *rr);
void rr_sched_kill(struct rr *rr, struct rr_thread *t);
#endif
