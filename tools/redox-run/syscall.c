// SPDX-License-Identifier: MIT
/*
 * Redox syscalls. The numbers come only from syscalls/table-<version>.txt
 * (generated into systab-<version>.inc by syscalls/gen.awk, mode emu); this
 * file binds handlers to syscall *names*. Semantics and their sources:
 * docs/redox-run-abi.md.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rr.h"
#include "sys.h"

/* ---------------------------------------------------------------- tables */

struct rawent { const char *name; uint64_t nr; };
#define RR_SYSCALL(name, num) { #name, num },
static const struct rawent tab_0_6_0[] = {
#include "systab-0.6.0.inc"
};
static const struct rawent tab_0_9_3[] = {
#include "systab-0.9.3.inc"
};
#undef RR_SYSCALL

/* Which redox_syscall each --abi's relibc uses (redox-abi.md §0, §4:
 * relibc a97216aa pins 0.6.0; dadb4375 locks 0.9.1, whose numbers 0.9.3
 * keeps unchanged). */
static const struct {
	enum rr_abi abi;
	const char *ver;
	const struct rawent *t;
	size_t n;
} abis[] = {
	{ RR_ABI_2026_01, "0.6.0", tab_0_6_0, sizeof tab_0_6_0 / sizeof tab_0_6_0[0] },
	{ RR_ABI_2026_08, "0.9.3", tab_0_9_3, sizeof tab_0_9_3 / sizeof tab_0_9_3[0] },
};

struct rr_sysent {
	uint64_t nr;
	const char *name;        /* table name, "SYS_WRITE" */
	rr_sys_fn fn;            /* NULL: not emulated */
	const char *why;         /* what is missing, for --strace */
};

/* Handlers by name. A table name with no entry here is not emulated. */
static const struct { const char *name; rr_sys_fn fn; const char *why; } handlers[] = {
	{ "SYS_WRITE", rr_sys_write, NULL },
	{ "SYS_READ", rr_sys_read, NULL },
	{ "SYS_WRITE2", rr_sys_write2, NULL },
	{ "SYS_READ2", rr_sys_read2, NULL },
	{ "SYS_LSEEK", rr_sys_lseek, NULL },
	{ "SYS_CLOSE", rr_sys_close, NULL },
	{ "SYS_DUP", rr_sys_dup, NULL },
	{ "SYS_DUP_INTO", rr_sys_dup_into, NULL },
	{ "SYS_DUP2", rr_sys_dup2, NULL },
	{ "SYS_OPEN", rr_sys_open, NULL },
	{ "SYS_OPENAT", rr_sys_openat, NULL },
	{ "SYS_OPENAT_INTO", rr_sys_openat_into, NULL },
	{ "SYS_UNLINKAT", rr_sys_unlinkat, NULL },
	{ "SYS_FCNTL", rr_sys_fcntl, NULL },
	{ "SYS_FPATH", rr_sys_fpath, NULL },
	{ "SYS_FRENAME", rr_sys_frename, NULL },
	{ "SYS_FLINK", rr_sys_flink, NULL },
	{ "SYS_FSTAT", rr_sys_fstat, NULL },
	{ "SYS_FSTATVFS", rr_sys_fstatvfs, NULL },
	{ "SYS_FSYNC", rr_sys_fsync, NULL },
	{ "SYS_FTRUNCATE", rr_sys_ftruncate, NULL },
	{ "SYS_FUTIMENS", rr_sys_futimens, NULL },
	{ "SYS_FCHMOD", rr_sys_fchmod, NULL },
	{ "SYS_GETDENTS", rr_sys_getdents, NULL },
	{ "SYS_CALL", rr_sys_call, NULL },
	{ "SYS_FMAP", rr_sys_fmap, NULL },
	{ "SYS_FUNMAP", rr_sys_funmap, NULL },
	{ "SYS_MPROTECT", rr_sys_mprotect, NULL },
	{ "SYS_CLOCK_GETTIME", rr_sys_clock_gettime, NULL },
	{ "SYS_NANOSLEEP", rr_sys_nanosleep, NULL },
	{ "SYS_YIELD", rr_sys_yield, NULL },
	{ "SYS_FUTEX", rr_sys_futex, NULL },
	{ "SYS_MREMAP", NULL, "relibc never calls it (its mremap is ENOSYS without a syscall)" },
	{ "SYS_FCHOWN", NULL, "file ownership (the root's files belong to the host user)" },
	{ "SYS_FEVENT", NULL, "event queues" },
	{ "SYS_SENDFD", NULL, "fd passing (sockets)" },
	{ "SYS_MKNS", NULL, "namespaces" },
	{ "SYS_OPENAT_WITH_FILTER", NULL, "scheme daemons" },
	{ "SYS_UNLINKAT_WITH_FILTER", NULL, "scheme daemons" },
	{ "SYS_FMAP_OLD", NULL, "the legacy fmap (use SYS_FMAP)" },
	{ "SYS_FUNMAP_OLD", NULL, "the legacy funmap (use SYS_FUNMAP)" },
};

static struct rr_sysent *build_table(const struct rawent *t, size_t n)
{
	struct rr_sysent *s = calloc(n ? n : 1, sizeof *s);
	if (!s)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		s[i].nr = t[i].nr;
		s[i].name = t[i].name;
		s[i].why = "kernel-to-scheme messages and other calls a program does not make";
		for (size_t h = 0; h < sizeof handlers / sizeof handlers[0]; h++)
			if (!strcmp(handlers[h].name, t[i].name)) {
				s[i].fn = handlers[h].fn;
				s[i].why = handlers[h].why;
			}
	}
	return s;
}

static const struct rr_sysent *lookup(const struct rr *rr, uint64_t nr)
{
	for (size_t i = 0; i < rr->nsys; i++)
		if (rr->sys[i].nr == nr)
			return &rr->sys[i];
	return NULL;
}

/* ------------------------------------------------------------- not emulated */

uint64_t rr_not_emulated(struct rr *rr, const char *what, const char *why)
{
	if (rr->strace)
		fprintf(stderr, "redox-run: %s is not emulated: %s\n", what, why);
	return ERR(ENOSYS);
}

/* --------------------------------------------------------------- memory */

static unsigned map_prot(uint64_t flags)
{
	return (flags & PROT_READ ? RR_PROT_R : 0) | (flags & PROT_WRITE ? RR_PROT_W : 0) |
	       (flags & PROT_EXEC ? RR_PROT_X : 0);
}

uint64_t rr_page_up(uint64_t v) { return (v + RR_PAGE - 1) & ~(RR_PAGE - 1); }

uint64_t rr_sys_fmap(struct rr *rr, const uint64_t *a)
{
	uint64_t m[4];   /* struct Map {offset, size, flags, address} (redox-abi.md §4) */
	struct rr_file *f = NULL;
	if (a[0] != UINT64_MAX && !(f = rr_fdtab_get(&rr->fds, a[0])))
		return ERR(EBADF);
	if (a[2] != sizeof m)
		return ERR(EINVAL);
	if (rr_guest_read(rr, a[1], m, sizeof m))
		return ERR(EFAULT);
	uint64_t size = rr_page_up(m[1]), flags = m[2], addr = m[3];
	if (m[1] == 0 || size < m[1] || size > RR_MAX_IMAGE)
		return ERR(EINVAL);
	int shm = f && f->kind == RR_K_SHM;
	if (shm && !(flags & MAP_SHARED))
		return rr_not_emulated(rr, "SYS_FMAP of a /scheme/shm object without MAP_SHARED",
				       "private copies of shared memory");
	if (f && !shm && (f->kind != RR_K_FILE || (flags & MAP_SHARED)))
		return rr_not_emulated(rr, "SYS_FMAP of an fd", f->kind != RR_K_FILE ?
				       "only files in the root and /scheme/shm objects can be mapped" :
				       "MAP_SHARED file mappings (MAP_PRIVATE copies are)");
	if ((flags & MAP_FIXED_NOREPLACE) == MAP_FIXED_NOREPLACE || (flags & MAP_FIXED)) {
		if (addr & (RR_PAGE - 1) || addr + size < addr || addr + size > RR_STACK_TOP || !addr)
			return ERR(EINVAL);
		if (!rr_vm_is_free(rr, addr, size)) {
			if ((flags & MAP_FIXED_NOREPLACE) == MAP_FIXED_NOREPLACE)
				return ERR(EEXIST);
			if (rr_vm_unmap(rr, addr, size))
				return ERR(ENOMEM);
		}
	} else if (!(addr = rr_vm_find_free(rr, size)))
		return ERR(ENOMEM);
	if (shm) {
		uint64_t e = rr_shm_map(rr, f, addr, size, m[0], map_prot(flags));
		return e ? e : addr;
	}
	int r = rr_vm_map(rr, addr, size, map_prot(flags));
	if (r)
		return ERR(-r);
	if (f) {
		/* A private file mapping: the file's bytes from Map.offset, zero
		 * past its end (Unicorn zero-fills new mappings). */
		uint64_t e = rr_file_copy_in(rr, f, addr, m[0], m[1]);
		if (e) {
			rr_vm_unmap(rr, addr, size);
			return e;
		}
	}
	return addr;
}

uint64_t rr_sys_funmap(struct rr *rr, const uint64_t *a)
{
	/* Kernel fs.rs funmap: the length is rounded up to pages; a zero
	 * length is EINVAL (PageSpan::validate_nonempty). */
	int r = rr_vm_unmap(rr, a[0], rr_page_up(a[1]));
	return r ? ERR(-r) : 0;
}

uint64_t rr_sys_mprotect(struct rr *rr, const uint64_t *a)
{
	int r = rr_vm_protect(rr, a[0], rr_page_up(a[1]), map_prot(a[2]));
	return r ? ERR(-r) : 0;
}

/* ----------------------------------------------------------------- time */

static uint64_t write_timespec(struct rr *rr, uint64_t p, const struct timespec *ts)
{
	uint8_t raw[16] = { 0 };
	int64_t sec = ts->tv_sec;
	int32_t nsec = (int32_t)ts->tv_nsec;
	memcpy(raw, &sec, 8);
	memcpy(raw + 8, &nsec, 4);
	return rr_guest_write(rr, p, raw, sizeof raw) ? ERR(EFAULT) : 0;
}

uint64_t rr_sys_clock_gettime(struct rr *rr, const uint64_t *a)
{
	/* Kernel time.rs: CLOCK_REALTIME 1 and CLOCK_MONOTONIC 4, else EINVAL. */
	struct timespec ts;
	if (a[0] != 1 && a[0] != 4)
		return ERR(EINVAL);
	clock_gettime(a[0] == 1 ? CLOCK_REALTIME : CLOCK_MONOTONIC, &ts);
	return write_timespec(rr, a[1], &ts);
}

/* ------------------------------------------------------------- dispatch */

int rr_sys_init(struct rr *rr, enum rr_abi abi, const char *cwd, char *err, size_t errlen)
{
	for (size_t i = 0; i < sizeof abis / sizeof abis[0]; i++)
		if (abis[i].abi == abi) {
			rr->abi = abi;
			rr->sysver = abis[i].ver;
			rr->nsys = abis[i].n;
			rr->sys = build_table(abis[i].t, abis[i].n);
		}
	rr->prio = RR_PRIO_DEFAULT;   /* ids: all 0 (root), as ProcMeta says */
	if (!rr->sys || rr_threads_init(rr)) {
		snprintf(err, errlen, "out of memory for the syscall table");
		return -1;
	}
	return rr_fds_init(rr, cwd, err, errlen);
}

void rr_sys_free(struct rr *rr)
{
	rr_fdtab_clear(&rr->fds, rr_file_unref);
	rr_threads_free(rr);
	free((void *)rr->sys);
	rr->sys = NULL;
}

/* Redox errno names, generated from syscalls/errno.txt (gen.awk errtab). */
static const struct { const char *name, *msg; } errtab[] = {
#include "errno_table.inc"
};

static const char *errname(uint64_t v)
{
	uint64_t e = -v;
	return e < sizeof errtab / sizeof errtab[0] && errtab[e].name ? errtab[e].name : "";
}

uint64_t rr_syscall(struct rr *rr, uint64_t nr, const uint64_t a[6])
{
	const struct rr_sysent *s = lookup(rr, nr);
	char nbuf[24];
	uint64_t r;
	rr->sys_nr = nr;
	if (s && s->fn) {
		r = s->fn(rr, a);
	} else if (s) {
		char what[64];
		snprintf(what, sizeof what, "%s (0x%" PRIx64 ")", s->name, nr);
		r = rr_not_emulated(rr, what, s->why);
	} else {
		if (rr->strace)
			fprintf(stderr, "redox-run: syscall 0x%" PRIx64 " is not in redox_syscall %s's table"
				" (--abi=%s); it returns ENOSYS\n", nr, rr->sysver,
				rr->abi == RR_ABI_2026_01 ? "2026-01" : "2026-08");
		r = ERR(ENOSYS);
	}
	if (!rr->strace)
		return r;
	const char *name;
	if (s) {
		/* "SYS_WRITE" -> "write" */
		size_t k = 0;
		const char *n = strncmp(s->name, "SYS_", 4) ? s->name : s->name + 4;
		for (; n[k] && k < sizeof nbuf - 1; k++)
			nbuf[k] = (char)(n[k] >= 'A' && n[k] <= 'Z' ? n[k] - 'A' + 'a' : n[k]);
		nbuf[k] = 0;
	} else {
		snprintf(nbuf, sizeof nbuf, "0x%" PRIx64, nr);
	}
	name = nbuf;
	fprintf(stderr, "[strace] %s(0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64
		", 0x%" PRIx64 ", 0x%" PRIx64 ") = ", name, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (rr->stop == RR_STOP_EXIT)
		fprintf(stderr, "? (exit %d)\n", rr->exit_status);
	else if (rr->stop == RR_STOP_DEADLOCK)
		fprintf(stderr, "? (deadlock)\n");
	else if (rr->resched && rr->cur->state == RR_T_BLOCKED)
		fprintf(stderr, "? (thread %u waits)\n", rr->cur->id);
	else if (rr->resched && rr->cur->state == RR_T_DEAD)
		fprintf(stderr, "? (thread %u exits)\n", rr->cur->id);
	else if (r >= (uint64_t)-4095)
		fprintf(stderr, "-%" PRIu64 " %s\n", -r, errname(r));
	else if (r < 0x10000)
		fprintf(stderr, "%" PRIu64 "\n", r);
	else
		fprintf(stderr, "0x%" PRIx64 "\n", r);
	return r;
}
