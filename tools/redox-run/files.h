/* SPDX-License-Identifier: MIT */
/*
 * What an fd slot holds: one open file description (kernel FileDescription),
 * shared by every fd dup'd from it. Each kind is one of the handles a Redox
 * process can hold (docs/redox-run-abi.md "Handles").
 */
#ifndef RR_FILES_H
#define RR_FILES_H
#include <stddef.h>
#include <stdint.h>

#include "fdtab.h"

struct rr_thread;
struct rr_equeue;
struct rr_shm;

enum rr_kind {
	RR_K_HOST,       /* fds 0-2: the host's stdin/stdout/stderr */
	RR_K_FILE,       /* a file or directory in the root (fs.h) */
	RR_K_ROOT,       /* a scheme's root directory (openat_into on the ns fd) */
	RR_K_NS,         /* the namespace fd (AT_REDOX_NS_FD) */
	RR_K_PROC,       /* the process fd (AT_REDOX_PROC_FD) */
	RR_K_THREAD,     /* a thread fd (AT_REDOX_THR_FD, dup(proc, "new-thread")) */
	RR_K_ENVREGS,    /* dup(thread, "regs/env") */
	RR_K_SIGHANDLER, /* dup(thread, "sighandler") */
	RR_K_ADDRSPACE,  /* dup(thread, "addrspace"): the one address space */
	RR_K_ASSEL,      /* dup(thread, "current-addrspace") */
	RR_K_FTSEL,      /* dup(thread, "current-filetable") */
	RR_K_START,      /* dup(thread, "start") */
	RR_K_STATUS,     /* dup(thread, "status") */
	RR_K_FILETABLE,  /* the binary file-table listing (AT_REDOX_FILETABLE_FD) */
	RR_K_PIPE,       /* one end of a pipe (/scheme/pipe) */
	RR_K_RAND,       /* /scheme/rand: random bytes */
	RR_K_CLOCK,      /* /scheme/time/<clock>[/gettime|/getres|/timer] */
	RR_K_DATA,       /* fixed bytes read from an offset (/scheme/sys/uname) */
	RR_K_EQUEUE,     /* an event queue (/scheme/event, event.c) */
	RR_K_SHM,        /* a shared memory object (/scheme/shm, shm.c) */
};

enum rr_scheme { RR_SCHEME_FILE, RR_SCHEME_PIPE, RR_SCHEME_RAND, RR_SCHEME_TIME, RR_SCHEME_SYS,
		 RR_SCHEME_EVENT, RR_SCHEME_SHM };
/* kernel time.rs TimeSchemeKind: Default ("<clock>"), gettime, getres, timer. */
enum rr_clock_kind { RR_CLOCK_DEFAULT, RR_CLOCK_GETTIME, RR_CLOCK_GETRES, RR_CLOCK_TIMER };

#define RR_PIPE_MAX 65536   /* kernel pipe.rs MAX_QUEUE_SIZE */

/* Kernel 6abd1be6 src/scheme/pipe.rs: a 65536-byte queue; the writer
 * counts as alive from creation until its end (if ever dup'd) is closed. */
struct rr_pipe {
	uint8_t *buf;
	size_t len, cap;
	int reader_alive, writer_alive, has_run_dup;
	unsigned ends;           /* rr_file objects pointing here */
	struct rr_file *rd, *wr; /* the ends (not references), for events */
};

struct rr_file {
	unsigned refs;
	enum rr_kind kind;
	uint64_t flags;          /* O_* as opened (kernel FileDescription.flags) */
	uint64_t off;            /* RR_K_FILETABLE read offset */
	int host_fd;             /* RR_K_HOST */
	struct rr_fh *fh;        /* RR_K_FILE */
	enum rr_scheme scheme;   /* RR_K_ROOT */
	uint8_t *snap;           /* RR_K_FILETABLE: the listing */
	size_t snap_len;
	int text;                /* RR_K_FILETABLE: "filetable" (decimal lines) */
	struct rr_pipe *pipe;    /* RR_K_PIPE */
	int write_end;
	int clock;               /* RR_K_CLOCK: 1 REALTIME, 4 MONOTONIC */
	enum rr_clock_kind clock_kind;
	struct rr_thread *thr;   /* the thread handles: whose (a reference) */
	uint64_t as_sel[3];      /* RR_K_ASSEL: sp, ip, arg1 written, applied at close */
	int as_words;            /* 0 nothing written, 3 or 4 */
	struct rr_equeue *eq;    /* RR_K_EQUEUE */
	struct rr_shm *shm;      /* RR_K_SHM (off: its read/write offset) */
};

struct rr_file *rr_file_new(enum rr_kind kind, uint64_t flags);
struct rr_file *rr_file_ref(struct rr_file *f);
void rr_file_unref(struct rr_file *f);
#endif
