/* SPDX-License-Identifier: MIT */
#ifndef RR_H
#define RR_H
#include <stdint.h>
#include <stdio.h>
#include <unicorn/unicorn.h>

#include "elf.h"
#include "fdtab.h"
#include "stack.h"
#include "thread.h"

/* redox-run's own exit statuses; a guest's exit status passes through. */
#define RR_EXIT_ABI      122  /* --check-abi found a violation at main */
#define RR_EXIT_DEADLOCK 123  /* futex WAIT that no other thread could wake */
#define RR_EXIT_MAXINSNS 124  /* --max-insns or --timeout reached */
#define RR_EXIT_USAGE    125  /* bad command line or internal error */
#define RR_EXIT_BADELF   126  /* the program is not a loadable Redox ELF */
#define RR_EXIT_NOENT    127  /* the program cannot be opened */

enum rr_stop { RR_RUNNING, RR_STOP_EXIT, RR_STOP_FAULT, RR_STOP_DEADLOCK,
	       RR_STOP_MAXINSNS, RR_STOP_ABI, RR_STOP_TIMEOUT };

struct rr;

struct rr_arch_ops {
	const char *name;
	uc_arch uc_arch;
	uc_mode uc_mode;
	/* Registers at entry and the arch's hooks (syscall, traps). */
	int (*setup)(struct rr *rr, uint64_t entry, uint64_t sp);
	uint64_t (*pc)(struct rr *rr);
	uint64_t (*sp)(struct rr *rr);
	uint64_t (*fp)(struct rr *rr);
	/* Thread registers as the "regs/env" fd sees them (redox-abi.md §1 TLS). */
	void (*get_env)(struct rr *rr, uint64_t v[2]);
	void (*set_env)(struct rr *rr, const uint64_t v[2]);
	void (*dump)(struct rr *rr, FILE *f);
	/* uc_emu_start returned without a fault or a stop request: 1 when the
	 * instruction before pc is one that may end emulation and the guest
	 * goes on after it (aarch64 wfi/wfe, which are hints at EL0). */
	int (*resume_after_stop)(struct rr *rr);
	int sp_mod16_at_call;  /* sp % 16 at a function's first instruction */
	/* Threads: the syscall return register of the engine's thread, the
	 * register a signal delivery saves (redox-run-abi.md §6a), and a new
	 * thread's registers in CTX (a copy of the engine's state). */
	void (*set_ret)(struct rr *rr, uint64_t v);
	uint64_t (*sig_archdep)(struct rr *rr);
	int (*thread_regs)(struct rr *rr, uc_context *ctx, uint64_t ip, uint64_t sp, uint64_t arg1);
	int reg_env[2];        /* the regs/env pair as Unicorn register ids */
};

extern const struct rr_arch_ops rr_x86_64_ops, rr_aarch64_ops;

/* One syscall of the selected --abi's table (syscall.c). */
struct rr_sysent;
struct rr_fs;

struct rr {
	uc_engine *uc;
	const struct rr_arch_ops *ops;
	const char *prog;
	uint8_t *file;
	size_t file_len;
	struct rr_image img;

	int strace, count_insns, check_abi;
	uint64_t max_insns;
	uint64_t timeout_ns;            /* --timeout, 0 if none */
	volatile int timed_out;         /* set by the SIGALRM handler */
	volatile int in_syscall;        /* inside rr_syscall (host calls may block) */
	const char *count_until;
	uint64_t until_addr, main_addr;

	uint64_t insns, last_pc;
	int code_hook;
	int until_hit, abi_checked;
	enum rr_stop stop;
	int exit_status;
	int resume;          /* a hook changed pc and stopped: start again there */

	int fault_sig;
	char fault_what[160];
	uint64_t fault_pc;
	int fault_have_pc;

	struct rr_mm *mm;    /* vm.c's guest memory */

	/* Threads (thread.c, sched.c): every one not yet freed, in creation
	 * order; cur is the one whose registers the engine holds. */
	struct rr_thread *cur, **thr;
	size_t nthr, capthr;
	unsigned thr_created;     /* ids handed out (the main thread is 1) */
	int resched;              /* a hook stopped the engine: pick a thread */
	int slice_on;             /* the time slice hook is installed */
	int slice_want;           /* install it at the next switch */
	uint64_t slice_left;      /* translation blocks before preemption */
	uint64_t futex_seq;
	uint64_t sys_nr;          /* the syscall being handled */

	/* Syscalls (syscall.c): numbers from the generated table of the
	 * redox_syscall version --abi names. */
	enum rr_abi abi;
	const char *sysver;
	const struct rr_sysent *sys;
	size_t nsys;
	struct rr_fdtab fds;
	struct rr_fs *fs;         /* --root */

	/* The process manager's view of this process (call.c;
	 * docs/redox-run-abi.md §6b): ruid, euid, suid, rgid, egid, sgid and
	 * the kernel priority (0-39, nice + 20). */
	uint32_t ids[6];
	uint32_t prio;
};

/* vm.c: guest memory; permissions are checked here for syscalls. A guest
 * gets -ENOMEM past RR_VM_MAX_BLOCKS distinct runs (mappings that are not
 * adjacent with the same protection) or RR_VM_MAX_BYTES mapped. */
#define RR_VM_MAX_BLOCKS 512
#define RR_VM_MAX_BYTES  (64ull << 30)
size_t rr_vm_blocks(const struct rr *rr);   /* Unicorn regions in use */
int rr_vm_drop_code(struct rr *rr);         /* retranslate all code (a new hook) */
void rr_vm_free(struct rr *rr);
int rr_vm_map(struct rr *rr, uint64_t start, uint64_t len, unsigned prot);
int rr_vm_map_shared(struct rr *rr, uint64_t start, uint64_t len, unsigned prot, int fd, uint64_t off);
int rr_vm_unmap(struct rr *rr, uint64_t start, uint64_t len);
int rr_vm_protect(struct rr *rr, uint64_t start, uint64_t len, unsigned prot);
int rr_vm_is_free(const struct rr *rr, uint64_t start, uint64_t len);
uint64_t rr_vm_find_free(const struct rr *rr, uint64_t len);
int rr_vm_check(const struct rr *rr, uint64_t addr, uint64_t len, unsigned need);
int rr_guest_read(struct rr *rr, uint64_t addr, void *buf, uint64_t len);
int rr_guest_write(struct rr *rr, uint64_t addr, const void *buf, uint64_t len);

/* syscall.c: one Redox syscall; sets rr->stop when the guest must stop. */
uint64_t rr_syscall(struct rr *rr, uint64_t nr, const uint64_t a[6]);
/* Select the syscall table of ABI and open the process's initial fds: 0-2 on
 * the host's stdio, the proc and thread fds, and (2026-08) the namespace,
 * cwd (the Redox path CWD inside the root) and file-table fds. On failure
 * returns -1 with a one-line reason in err. */
int rr_sys_init(struct rr *rr, enum rr_abi abi, const char *cwd, char *err, size_t errlen);
void rr_sys_free(struct rr *rr);
/* signal.c: after a syscall, enter the guest's signal trampoline if a
 * signal it sent itself is pending and unblocked; *pc is updated. */
int rr_signal_deliver(struct rr *rr, uint64_t *pc, uint64_t archdep);

/* main.c: shared helpers for the arch files. */
void rr_fault(struct rr *rr, int sig, uint64_t pc, int have_pc, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void rr_install_common_hooks(struct rr *rr);
#endif
