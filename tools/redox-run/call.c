// SPDX-License-Identifier: MIT
/*
 * SYS_CALL (fd, payload, payload_len, metadata_len | CallFlags, metadata):
 * the process manager (proc fd), the thread fd, the file table and the
 * standard file-system calls (CallFlags::STD_FS). Sources: kernel 6abd1be6
 * src/syscall/mod.rs + fs.rs call(), src/scheme/proc.rs; relibc dadb4375
 * redox-rt; docs/redox-run-abi.md "SYS_CALL".
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sys.h"

/* CallFlags (redox_syscall flag.rs:459-491); bits 0-7 carry the metadata
 * length. 0.6.0 has bits 8-14 only (redox-abi.md §4). */
#define CF_FD           (1ull << 11)
#define CF_FD_EXCLUSIVE (1ull << 12)
#define CF_FD_CLONE     (1ull << 13)
#define CF_FD_UPPER     (1ull << 14)
#define CF_FD_CLOEXEC   (1ull << 15)
#define CF_STD_FS       (1ull << 16)
#define CF_MULTIPLE_FDS (1ull << 17)

/* ProcCall (libredox lib.rs:226-249) and ThreadCall (lib.rs:258-263). */
enum { PC_WAITPID = 0, PC_SETRENS, PC_EXIT, PC_WAITPGID, PC_SETRESUGID, PC_SETPGID, PC_GETSID,
       PC_SETSID, PC_KILL, PC_SIGQ, PC_SYNCSIGPCTL, PC_SIGDEQ, PC_GETPPID, PC_RENAME,
       PC_DISABLESETPGID, PC_GETPROCCREDENTIALS, PC_SETPROCPRIORITY, PC_GETPROCPRIORITY };
static const char *const proc_call_name[] = {
	"Waitpid", "Setrens", "Exit", "Waitpgid", "SetResugid", "Setpgid", "Getsid", "Setsid",
	"Kill", "Sigq", "SyncSigPctl", "Sigdeq", "Getppid", "Rename", "DisableSetpgid",
	"GetProcCredentials", "SetProcPriority", "GetProcPriority",
};

/* StdFsCallKind (flag.rs:494-510). */
enum { FS_FCHMOD = 1, FS_FCHOWN, FS_GETDENTS, FS_FSTAT, FS_FSTATVFS, FS_FSYNC, FS_FTRUNCATE,
       FS_FUTIMENS, FS_RELPATHAT = 11, FS_LOCK, FS_UNLOCK, FS_GETLOCK };

/* FileTableVerb (flag.rs:286-291). */
enum { FT_CLOSE = 1, FT_DUP2, FT_RESERVED1, FT_RESIZE };

static uint64_t not_emulated_call(struct rr *rr, const char *what, uint64_t n, const char *why)
{
	char w[96];
	snprintf(w, sizeof w, "SYS_CALL %s %" PRIu64, what, n);
	return rr_not_emulated(rr, w, why);
}

/* procmgr on_send_sig's permission rule: a caller whose euid is not 0 may
 * signal only a process whose ruid is its euid or its ruid (EPERM). */
static int may_signal(const struct rr *rr, uint32_t target_ruid)
{
	return rr->ids[RR_EUID] == 0 || rr->ids[RR_EUID] == target_ruid ||
	       rr->ids[RR_RUID] == target_ruid;
}

/* One target of ProcCall::Kill: this process or init (pid 1, ruid 0). */
static uint64_t kill_one(struct rr *rr, uint64_t pid, uint64_t sig)
{
	if (!may_signal(rr, pid == RR_PID ? rr->ids[RR_RUID] : 0))
		return ERR(EPERM);
	if (pid == RR_PID)
		return rr_signal_send(rr, sig, NULL);
	if (!sig)
		return 0;    /* exists and may be signalled */
	return rr_not_emulated(rr, "a signal to init (pid 1)", "processes outside the emulation");
}

/* ProcCall::Kill target raw (libredox ProcKillTarget::from_raw): 0 this
 * group, -1 all, -g group g, p > 0 one process. procmgr on_kill: a single
 * process answers for itself; a group or All succeeds when any member was
 * signalled, else the last error, else ESRCH. The processes: init (pid 1,
 * group 1) and this one (pid 2, group 2). */
static uint64_t proc_kill(struct rr *rr, int64_t t, uint64_t sig)
{
	if (t > 0)
		return t == RR_PID || t == RR_INIT_PID ? kill_one(rr, (uint64_t)t, sig) : ERR(ESRCH);
	int64_t grp = t == 0 ? RR_PID : t == -1 ? 0 : -t;
	const uint64_t pids[2] = { RR_INIT_PID, RR_PID };   /* pgid = pid for both */
	uint64_t err = ERR(ESRCH), self = 0;
	int ok = 0;
	for (int i = 0; i < 2; i++) {
		if (grp && (uint64_t)grp != pids[i])
			continue;
		uint64_t r = kill_one(rr, pids[i], sig);
		if (pids[i] == RR_PID && r == ERR(ERESTART))
			self = r, ok = 1;
		else if (IS_ERR(r))
			err = r;
		else
			ok = 1;
	}
	return ok ? self : err;
}

/* ProcCall::SetResugid, payload 6 x u32 ruid euid suid rgid egid sgid,
 * u32::MAX = unchanged (redox-rt sys.rs:420-470). procmgr on_setresugid:
 * any other count is EINVAL; a caller whose euid is not 0 may set each uid
 * only to one of its current ruid/euid/suid and each gid to one of its
 * rgid/egid/sgid, else EPERM and nothing changes. */
static uint64_t set_resugid(struct rr *rr, uint64_t payload, uint64_t plen)
{
	uint32_t v[6];
	if (plen / 4 != 6)
		return ERR(EINVAL);
	if (rr_guest_read(rr, payload, v, sizeof v))
		return ERR(EFAULT);
	if (rr->ids[RR_EUID] != 0)
		for (int i = 0; i < 6; i++) {
			const uint32_t *cur = rr->ids + (i < 3 ? 0 : 3);
			if (v[i] != UINT32_MAX && v[i] != cur[0] && v[i] != cur[1] && v[i] != cur[2])
				return ERR(EPERM);
		}
	for (int i = 0; i < 6; i++)
		if (v[i] != UINT32_MAX)
			rr->ids[i] = v[i];
	return 0;
}

static uint64_t proc_call(struct rr *rr, uint64_t payload, uint64_t plen,
			  const uint64_t *meta, unsigned n)
{
	if (!n)
		return ERR(EINVAL);
	switch (meta[0]) {
	case PC_EXIT: {
		/* posix_exit sends status & 0xff; a default-action signal
		 * death sends exactly sig << 8 (redox-rt signal.rs:176-183), so
		 * a zero low byte with bits 8-14 set is a signal (INFERRED: the
		 * procmgr is not read). Anything else exits with status & 0xff.
		 * The call never returns: an Ok return makes relibc abort. */
		if (n < 2)
			return ERR(EINVAL);
		uint64_t sig = meta[1] & 0xff ? 0 : (meta[1] >> 8) & 0x7f;
		if (sig) {
			fprintf(stderr, "redox-run: %s: terminated by signal %" PRIu64 " (default action)\n",
				rr->prog, sig);
			rr->exit_status = 128 + (int)sig;
		} else {
			rr->exit_status = (int)(meta[1] & 0xff);
		}
		rr->stop = RR_STOP_EXIT;
		return 0;
	}
	case PC_GETPPID:
		return RR_PPID;
	case PC_SYNCSIGPCTL:
		/* The kernel re-reads the signal control words; none are shared
		 * here since no signal is ever delivered. */
		return 0;
	case PC_WAITPID:
	case PC_WAITPGID:
		/* This process never has children (no fork): POSIX ECHILD. */
		return ERR(ECHILD);
	case PC_GETSID:
		/* One session led by this process. */
		return n >= 2 && meta[1] != 0 && meta[1] != RR_PID ? ERR(ESRCH) : RR_PID;
	case PC_SETPGID:
		/* (pid, pgid): pgid !0 reads the group (redox-rt sys.rs
		 * posix_getpgid); this process leads its own group. Joining a
		 * group that does not exist is EPERM (POSIX setpgid). */
		if (n < 3)
			return ERR(EINVAL);
		if (meta[1] != 0 && meta[1] != RR_PID)
			return ERR(ESRCH);
		if (meta[2] == UINT64_MAX)
			return RR_PID;
		return meta[2] == 0 || meta[2] == RR_PID ? 0 : ERR(EPERM);
	case PC_KILL: {
		/* [8, target, sig] (redox-rt sys.rs:60-74). procmgr on_call:
		 * sig > 64 is EINVAL before the target is looked at. */
		if (n < 3)
			return ERR(EINVAL);
		if (meta[2] > 64)
			return ERR(EINVAL);
		return proc_kill(rr, (int64_t)meta[1], meta[2]);
	}
	case PC_SETRESUGID:
		return set_resugid(rr, payload, plen);
	case PC_SETRENS:
		/* procmgr: "setrens is no longer implemented as procmgr call". */
		return ERR(EINVAL);
	case PC_SETPROCPRIORITY:
	case PC_GETPROCPRIORITY: {
		/* [16, pid, prio] / [17, pid] (redox-rt sys.rs:114-144); pid 0
		 * is the caller (procmgr NonZeroUsize::new(..).map_or(fd_pid)). */
		if (n < (meta[0] == PC_SETPROCPRIORITY ? 3u : 2u))
			return ERR(EINVAL);
		uint64_t pid = meta[1] ? meta[1] : RR_PID;
		int known = pid == RR_PID || pid == RR_INIT_PID;
		if (meta[0] == PC_GETPROCPRIORITY)
			return !known ? ERR(ESRCH) : pid == RR_PID ? rr->prio : RR_PRIO_DEFAULT;
		/* procmgr on_setprocprio: prio >= 40 EINVAL (as u32: the
		 * metadata word truncated), then ESRCH, then EPERM unless the
		 * caller's euid is 0 or the target's euid. Lowering the value
		 * (raising priority) needs no privilege there. */
		uint32_t prio = (uint32_t)meta[2];
		if (prio >= 40)
			return ERR(EINVAL);
		if (!known)
			return ERR(ESRCH);
		if (rr->ids[RR_EUID] != 0 && rr->ids[RR_EUID] != (pid == RR_PID ? rr->ids[RR_EUID] : 0))
			return ERR(EPERM);
		if (pid == RR_INIT_PID)
			return not_emulated_call(rr, "SetProcPriority of pid", pid,
						 "init is outside the emulation");
		rr->prio = prio;
		return 0;
	}
	case PC_SETSID:
		/* Already a process-group leader: POSIX setsid fails with EPERM. */
		return ERR(EPERM);
	default: {
		const char *why = meta[0] == PC_SIGQ || meta[0] == PC_SIGDEQ ?
			"queued (realtime) signals" : "other processes, ids and priorities";
		return not_emulated_call(rr, meta[0] < sizeof proc_call_name / sizeof *proc_call_name ?
					 proc_call_name[meta[0]] : "ProcCall", meta[0], why);
	}
	}
}

static uint64_t filetable_call(struct rr *rr, uint64_t payload, uint64_t plen,
			       const uint64_t *meta, unsigned n)
{
	/* kernel proc.rs Filetable kcall: verb in metadata word 0 (EINVAL if
	 * missing or unknown). */
	if (!n || meta[0] > 0xff || meta[0] < FT_CLOSE || meta[0] > FT_RESIZE)
		return ERR(EINVAL);
	switch (meta[0]) {
	case FT_RESIZE:
		if (n < 3)
			return ERR(EINVAL);
		long r = rr_fdtab_resize(&rr->fds, meta[1], meta[2]);
		return r < 0 ? ERR(-r) : (uint64_t)r;
	case FT_CLOSE: {
		/* Payload: usize fds, all removed or none (bulk_remove_files). */
		uint64_t cnt = plen / 8, fds[64];
		if (plen % 8 || cnt > 64)
			return plen % 8 ? ERR(EINVAL) :
				not_emulated_call(rr, "FileTableVerb::Close of more than 64 fds", cnt, "a limit of redox-run");
		if (rr_guest_read(rr, payload, fds, plen))
			return ERR(EFAULT);
		for (uint64_t i = 0; i < cnt; i++) {
			if (!rr_fdtab_get(&rr->fds, fds[i]))
				return ERR(EBADF);
			for (uint64_t j = 0; j < i; j++)
				if (fds[j] == fds[i])
					return ERR(EBADF);
		}
		for (uint64_t i = 0; i < cnt; i++)
			rr_file_unref(rr_fdtab_take(&rr->fds, fds[i]));
		return cnt;
	}
	case FT_DUP2: {
		uint64_t p[2];
		if (plen < sizeof p)
			return ERR(EINVAL);
		if (rr_guest_read(rr, payload, p, sizeof p))
			return ERR(EFAULT);
		if (p[0] == p[1])
			return 0;
		rr_file_unref(rr_fdtab_take(&rr->fds, p[1]));
		struct rr_file *f = rr_fdtab_get(&rr->fds, p[0]);
		if (!f)
			return ERR(EBADF);
		if (rr_fdtab_insert(&rr->fds, p[1], rr_file_ref(f))) {
			rr_file_unref(f);
			return ERR(EMFILE);
		}
		return 0;
	}
	default:
		return ERR(EOPNOTSUPP);
	}
}

static uint64_t std_fs_call(struct rr *rr, struct rr_file *f, uint64_t payload, uint64_t plen,
			    const uint64_t *meta, unsigned n)
{
	/* StdFsCallMeta: kind in byte 0 of word 0, arg1, arg2 (data.rs:182-210). */
	uint64_t kind = n ? meta[0] & 0xff : 0, arg1 = n > 1 ? meta[1] : 0, arg2 = n > 2 ? meta[2] : 0;
	if (kind == FS_FSTAT) {
		uint8_t st[RR_STAT_SIZE];
		if (plen < sizeof st)
			return ERR(EINVAL);
		uint64_t e = rr_file_fstat(rr, f, st);
		if (e)
			return e;
		return rr_guest_write(rr, payload, st, sizeof st) ? ERR(EFAULT) : 0;
	}
	/* One process: its own locks never conflict, so every Lock/Unlock
	 * succeeds and GetLock finds none (ESRCH, relibc mod.rs:400-412). */
	if (kind == FS_LOCK || kind == FS_UNLOCK)
		return 0;
	if (kind == FS_GETLOCK)
		return ERR(ESRCH);
	if (f->kind == RR_K_HOST && kind == FS_FSYNC)
		return 0;
	if (f->kind == RR_K_SHM && kind == FS_FTRUNCATE)
		return rr_shm_truncate(f, arg1);   /* ipcd ftruncate */
	if (f->kind != RR_K_FILE)
		return ERR(EOPNOTSUPP);
	switch (kind) {
	case FS_FCHMOD: return rr_fs_result(rr_fs_fchmod(f->fh, (uint16_t)arg1));
	case FS_GETDENTS:
		/* arg1 = opaque cursor, arg2 = sizeof DirentHeader (libredox.rs:64-82). */
		if (arg2 != RR_DIRENT_HEADER_SIZE)
			return ERR(EINVAL);
		return rr_getdents(rr, f, payload, plen, arg1);
	case FS_FSTATVFS: {
		uint8_t b[RR_STATVFS_SIZE];
		if (plen < sizeof b)
			return ERR(EINVAL);
		long r = rr_fs_fstatvfs(f->fh, b);
		if (r < 0)
			return ERR(-r);
		return rr_guest_write(rr, payload, b, sizeof b) ? ERR(EFAULT) : 0;
	}
	case FS_FSYNC: return rr_fs_result(rr_fs_fsync(f->fh));
	case FS_FTRUNCATE: return rr_fs_result(rr_fs_ftruncate(f->fh, arg1));
	case FS_FUTIMENS: return rr_futimens(rr, f, payload, plen);
	case FS_FCHOWN: return not_emulated_call(rr, "StdFsCallKind::Fchown", kind, "file ownership");
	case FS_RELPATHAT: return not_emulated_call(rr, "StdFsCallKind::Relpathat", kind, "two-fd calls");
	default: return ERR(EOPNOTSUPP);
	}
}

uint64_t rr_sys_call(struct rr *rr, const uint64_t *a)
{
	uint64_t known = rr->abi == RR_ABI_2026_01 ? 0x7f00ull : 0x3ff00ull;
	uint64_t flags = a[3] & ~0xffull;
	unsigned n = a[3] & 0xff;
	uint64_t meta[3] = { 0 };
	/* Kernel mod.rs: CallFlags::from_bits(e & !0xff), unknown bits EINVAL. */
	if (flags & ~known)
		return ERR(EINVAL);
	if (flags & (CF_MULTIPLE_FDS | CF_FD | CF_FD_EXCLUSIVE | CF_FD_CLONE | CF_FD_UPPER | CF_FD_CLOEXEC))
		return rr_not_emulated(rr, "SYS_CALL with fd-passing flags", "fd passing (sockets, spawn)");
	/* The kernel checks the whole metadata range and copies up to 3 words
	 * (fs.rs call). */
	if (!rr_vm_check(rr, a[4], (uint64_t)n * 8, RR_PROT_R))
		return ERR(EFAULT);
	if (n > 3)
		n = 3;
	if (rr_guest_read(rr, a[4], meta, (uint64_t)n * 8))
		return ERR(EFAULT);
	struct rr_file *f = rr_fdtab_get(&rr->fds, a[0]);
	if (!f)
		return ERR(EBADF);
	if (flags & CF_STD_FS)
		return std_fs_call(rr, f, a[1], a[2], meta, n);
	switch (f->kind) {
	case RR_K_PROC: return proc_call(rr, a[1], a[2], meta, n);
	case RR_K_THREAD: return rr_thread_call(rr, f, meta, n);
	case RR_K_FILETABLE: return filetable_call(rr, a[1], a[2], meta, n);
	default:
		return not_emulated_call(rr, "on this handle, call", n ? meta[0] : 0,
					 "scheme-specific calls (only proc, thread, file table and STD_FS)");
	}
}
