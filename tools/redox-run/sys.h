/* SPDX-License-Identifier: MIT */
/* Internal to the syscall files (syscall.c, fd.c, call.c). */
#ifndef RR_SYS_H
#define RR_SYS_H
#include <stdint.h>

#include "files.h"
#include "fs.h"
#include "rr.h"

/* -errno as the kernel returns it (Error::mux). The host's errno numbers
 * equal Redox's for everything returned here (redox-abi.md §3). */
#define ERR(e) ((uint64_t)-(int64_t)(e))
#define IS_ERR(v) ((v) >= (uint64_t)-4095)

/* MapFlags (redox_syscall 0.9.1 flag.rs:134-161). */
#define MAP_SHARED          0x1ull
#define MAP_PRIVATE         0x2ull
#define MAP_FIXED           0x4ull
#define MAP_FIXED_NOREPLACE 0xCull
#define PROT_EXEC  0x10000ull
#define PROT_WRITE 0x20000ull
#define PROT_READ  0x40000ull

/* The process the guest is (ProcMeta; docs/redox-run-abi.md "Process"). */
#define RR_PID  2
#define RR_PPID 1
/* The parent is init (procmgr INIT_PID): it exists, owned by uid 0. */
#define RR_INIT_PID 1
#define RR_PRIO_DEFAULT 20  /* procmgr: init's prio, inherited by fork */
enum { RR_RUID, RR_EUID, RR_SUID, RR_RGID, RR_EGID, RR_SGID };

typedef uint64_t (*rr_sys_fn)(struct rr *rr, const uint64_t *a);

/* Send SIG to thread TO (NULL: the process); signal.c. */
uint64_t rr_signal_send(struct rr *rr, uint64_t sig, struct rr_thread *to);
/* A signal is pending for T and not blocked by it (Sigcontrol
 * currently_pending_unblocked). */
int rr_signal_pending(struct rr *rr, struct rr_thread *t);
/* fd.c: a blocked pipe read (write) of F could go on now. */
int rr_pipe_ready(const struct rr_file *f, int write);
uint64_t rr_not_emulated(struct rr *rr, const char *what, const char *why);
uint64_t rr_page_up(uint64_t v);
int rr_fds_init(struct rr *rr, const char *cwd, char *err, size_t errlen);
/* Copy LEN bytes of F from file offset OFF into guest memory at ADDR. */
uint64_t rr_file_copy_in(struct rr *rr, struct rr_file *f, uint64_t addr, uint64_t off, uint64_t len);
/* Redox Stat of F into out (STD_FS Fstat and SYS_FSTAT). */
uint64_t rr_file_fstat(struct rr *rr, struct rr_file *f, uint8_t out[RR_STAT_SIZE]);

#define RR_SYS(name) uint64_t rr_sys_##name(struct rr *rr, const uint64_t *a)
RR_SYS(write); RR_SYS(read); RR_SYS(write2); RR_SYS(read2); RR_SYS(lseek);
RR_SYS(close); RR_SYS(dup); RR_SYS(dup_into); RR_SYS(dup2); RR_SYS(open);
RR_SYS(openat); RR_SYS(openat_into); RR_SYS(unlinkat); RR_SYS(fcntl);
RR_SYS(fpath); RR_SYS(frename); RR_SYS(flink); RR_SYS(fstat); RR_SYS(fstatvfs);
RR_SYS(fsync); RR_SYS(ftruncate); RR_SYS(futimens); RR_SYS(fchmod);
RR_SYS(getdents); RR_SYS(call); RR_SYS(fmap); RR_SYS(funmap); RR_SYS(mprotect);
RR_SYS(clock_gettime); RR_SYS(nanosleep); RR_SYS(yield); RR_SYS(futex);
#undef RR_SYS

/* event.c: event queues and timeouts (docs/redox-run-schemes.md). */
uint64_t rr_event_open(uint64_t flags, struct rr_file **out);
uint64_t rr_event_read(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len);
uint64_t rr_event_write(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len);
/* Events of the scheme behind TARGET: FLAGS became ready (RR may be NULL). */
void rr_event_trigger(struct rr *rr, struct rr_file *target, uint64_t flags);
int rr_event_ready(const struct rr_file *f);
uint64_t rr_event_take(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len);
uint64_t rr_event_timeout_event(struct rr *rr, uint64_t buf, uint64_t len, uint64_t ms);
uint64_t rr_time_write(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len);
uint64_t rr_timeouts_next(void);
void rr_timeouts_fire(struct rr *rr);
void rr_event_forget(struct rr_file *f);
#define RR_EVENT_READ  1ull
#define RR_EVENT_WRITE 2ull

/* shm.c: /scheme/shm objects (docs/redox-run-schemes.md §8). */
uint64_t rr_shm_open(struct rr *rr, const char *name, uint64_t flags, struct rr_file **out);
void rr_shm_release(struct rr_file *f);
uint64_t rr_shm_unlink(const char *name, uint64_t flags);
uint64_t rr_shm_truncate(struct rr_file *f, uint64_t len);
uint64_t rr_shm_io(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len, int64_t at, int wr);
uint64_t rr_shm_size(const struct rr_file *f);
long rr_shm_fpath(const struct rr_file *f, char *buf, size_t len);
uint64_t rr_shm_map(struct rr *rr, struct rr_file *f, uint64_t addr, uint64_t size,
		    uint64_t off, unsigned prot);

/* fd.c helpers call.c uses. */
uint64_t rr_fs_result(long r);
uint64_t rr_getdents(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len, uint64_t opaque);
uint64_t rr_futimens(struct rr *rr, struct rr_file *f, uint64_t p, uint64_t len);
#endif
