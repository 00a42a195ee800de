// SPDX-License-Identifier: MIT
/*
 * File-descriptor syscalls over the guest's file table (fdtab.c) and the
 * handles it holds (files.h). Semantics from kernel 6abd1be6
 * src/syscall/fs.rs and src/scheme/proc.rs, relibc dadb4375 redox-rt
 * src/sys.rs; each fact with its lines in docs/redox-run-abi.md.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sys.h"

#define PATH_MAX_REDOX 4096   /* kernel fs.rs: PATH_MAX = PAGE_SIZE */
#define CHUNK 65536

/* ---------------------------------------------------------------- handles */

struct rr_file *rr_file_new(enum rr_kind kind, uint64_t flags)
{
	struct rr_file *f = calloc(1, sizeof *f);
	if (f) {
		f->refs = 1;
		f->kind = kind;
		f->flags = flags;
		f->host_fd = -1;
	}
	return f;
}

struct rr_file *rr_file_ref(struct rr_file *f)
{
	f->refs++;
	return f;
}

void rr_file_unref(struct rr_file *f)
{
	if (!f || --f->refs)
		return;
	if (f->thr)
		rr_thread_file_release(f);
	if (f->fh)
		rr_fs_close(f->fh);
	if (f->shm)
		rr_shm_release(f);
	if (f->pipe) {
		/* kernel pipe.rs close: the other end's waiters see EOF (EPIPE):
		 * EVENT_READ on the read end, EVENT_WRITE on the write end. */
		struct rr_file *other = f->write_end ? f->pipe->rd : f->pipe->wr;
		if (f->write_end) {
			f->pipe->writer_alive = 0;
			f->pipe->wr = NULL;
		} else {
			f->pipe->reader_alive = 0;
			f->pipe->rd = NULL;
		}
		if (other)
			rr_event_trigger(NULL, other, f->write_end ? RR_EVENT_READ : RR_EVENT_WRITE);
		if (!--f->pipe->ends) {
			free(f->pipe->buf);
			free(f->pipe);
		}
	}
	rr_event_forget(f);
	free(f->snap);
	free(f);
}

uint64_t rr_fs_result(long r)
{
	return r < 0 ? ERR(-r) : (uint64_t)r;
}

/* Install a new handle at exactly FD; on failure the handle is dropped. The
 * callers' error for a taken slot differs (dup_into/openat_into EEXIST,
 * F_DUPFD/dup2 EMFILE: kernel fs.rs). */
static uint64_t install(struct rr *rr, uint64_t fd, struct rr_file *f, int taken_err)
{
	int r = rr_fdtab_insert(&rr->fds, fd, f);
	if (r) {
		rr_file_unref(f);
		return ERR(r == -ENOMEM ? ENOMEM : taken_err);
	}
	return fd;
}

/* Pre-0.9 kernels chose the fd themselves: the lowest free lower slot. */
static uint64_t install_lowest(struct rr *rr, struct rr_file *f)
{
	long fd = rr_fdtab_lowest_free(&rr->fds);
	if (fd < 0) {
		rr_file_unref(f);
		return ERR(EMFILE);
	}
	return install(rr, (uint64_t)fd, f, EMFILE);
}

/* A listing handle (kernel proc.rs "refresh"): binary LE u64 per fd, or
 * for "filetable" decimal numbers one per line. */
static struct rr_file *snapshot(struct rr *rr, int text)
{
	struct rr_file *f = rr_file_new(RR_K_FILETABLE, RR_O_RDONLY);
	if (!f)
		return NULL;
	f->text = text;
	uint8_t *bin;
	long n = rr_fdtab_snapshot(&rr->fds, &bin);
	if (n < 0) {
		rr_file_unref(f);
		return NULL;
	}
	if (!text) {
		f->snap = bin;
		f->snap_len = (size_t)n;
		return f;
	}
	f->snap = malloc((size_t)n / 8 * 21 + 1);
	for (long i = 0; f->snap && i < n; i += 8) {
		uint64_t v = 0;
		for (int k = 7; k >= 0; k--)
			v = v << 8 | bin[i + k];
		f->snap_len += (size_t)sprintf((char *)f->snap + f->snap_len, "%" PRIu64 "\n", v);
	}
	free(bin);
	if (!f->snap && n) {
		rr_file_unref(f);
		return NULL;
	}
	return f;
}

int rr_fds_init(struct rr *rr, const char *cwd, char *err, size_t errlen)
{
	struct rr_file *f;
	/* 0-2: the host's stdio, as an exec'd program inherits them. */
	for (int i = 0; i < 3; i++) {
		if (!(f = rr_file_new(RR_K_HOST, i ? RR_O_WRONLY : RR_O_RDONLY)))
			goto oom;
		f->host_fd = i;
		if (rr_fdtab_insert(&rr->fds, (uint64_t)i, f))
			goto oom;
	}
	struct { uint64_t fd; enum rr_kind kind; } up[] = {
		{ RR_PROC_FD, RR_K_PROC }, { RR_THR_FD, RR_K_THREAD }, { RR_NS_FD, RR_K_NS },
	};
	/* 2026-01 has no namespace fd (redox-abi.md §1: NS_FD from 2026-01-20). */
	size_t nup = rr->abi == RR_ABI_2026_01 ? 2 : 3;
	for (size_t i = 0; i < nup; i++) {
		if (!(f = rr_file_new(up[i].kind, RR_O_RDWR)))
			goto oom;
		if (up[i].kind == RR_K_THREAD)
			f->thr = rr_thread_ref(rr->cur);   /* the main thread */
		if (rr_fdtab_insert(&rr->fds, up[i].fd, f))
			goto oom;
	}
	if (rr->abi == RR_ABI_2026_08 && cwd) {
		struct rr_fh *fh;
		long r = rr_fs_openat(rr->fs, NULL, cwd, strlen(cwd),
				      RR_O_RDONLY | RR_O_DIRECTORY | RR_O_PATH, 0, &fh);
		if (r < 0) {
			snprintf(err, errlen, "--cwd %s: %s inside the root; give an existing directory "
				 "there (or a different --root)", cwd, strerror((int)-r));
			return -1;
		}
		if (!(f = rr_file_new(RR_K_FILE, RR_O_RDONLY | RR_O_DIRECTORY | RR_O_PATH)))
			goto oom;
		f->fh = fh;
		if (rr_fdtab_insert(&rr->fds, RR_CWD_FD, f))
			goto oom;
	}
	if (rr->abi == RR_ABI_2026_08) {
		/* Made by the exec'ing process as dup(thread, "filetable-binary"):
		 * no data until the program's first "refresh" (proc.rs). */
		if (!(f = rr_file_new(RR_K_FILETABLE, RR_O_RDONLY)) ||
		    rr_fdtab_insert(&rr->fds, RR_FTBL_FD, f))
			goto oom;
	}
	return 0;
oom:
	snprintf(err, errlen, "out of memory for the file table");
	return -1;
}

static struct rr_file *get(struct rr *rr, uint64_t fd)
{
	return rr_fdtab_get(&rr->fds, fd);
}

/* ------------------------------------------------------------------ paths */

static int utf8_ok(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i], k = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 :
				      (c & 0xF8) == 0xF0 ? 3 : 4;
		if (k == 4 || (k == 1 && c < 0xC2) || (k && i + k >= n))
			return 0;
		uint32_t cp = k ? c & (0x3F >> k) : c;
		for (unsigned j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3F);
		}
		if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) ||
		    (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* Kernel fs.rs copy_path_to_buf: longer than PATH_MAX (4096) → ENAMETOOLONG,
 * not UTF-8 → EINVAL. buf holds PATH_MAX_REDOX + 1 bytes, NUL-terminated. */
static uint64_t read_path(struct rr *rr, uint64_t p, uint64_t len, char *buf)
{
	if (len > PATH_MAX_REDOX)
		return ERR(ENAMETOOLONG);
	if (rr_guest_read(rr, p, buf, len))
		return ERR(EFAULT);
	buf[len] = 0;
	return utf8_ok((unsigned char *)buf, len) ? 0 : ERR(EINVAL);
}

/* redox-path 0.4.0 RedoxPath::as_parts: "/scheme/NAME/rest" is scheme NAME,
 * any other "/rest" scheme "file"; legacy "NAME:rest". Returns the scheme
 * (not NUL-terminated: *slen) and the reference, or NULL if not absolute. */
static const char *path_scheme(const char *path, size_t *slen, const char **ref)
{
	if (path[0] == '/') {
		if (!strncmp(path, "/scheme/", 8)) {
			const char *s = path + 8, *e = strchr(s, '/');
			*slen = e ? (size_t)(e - s) : strlen(s);
			*ref = e ? e + 1 : s + *slen;
			return s;
		}
		if (!strcmp(path, "/scheme")) {
			*slen = 0;
			*ref = path + 7;
			return path;
		}
		*slen = 4;
		*ref = path + 1;
		return "file";
	}
	const char *colon = strchr(path, ':'), *slash = strchr(path, '/');
	if (colon && (!slash || colon < slash)) {
		*slen = (size_t)(colon - path);
		*ref = colon + 1;
		return path;
	}
	return NULL;
}

static int scheme_is(const char *s, size_t n, const char *name)
{
	return n == strlen(name) && !memcmp(s, name, n);
}

/* ----------------------------------------------------------------- opening */

/* The small schemes a relibc program opens by name. */
static uint64_t open_kernel_scheme(struct rr *rr, enum rr_scheme sc, const char *path, uint64_t flags,
				   struct rr_file **out)
{
	if (sc == RR_SCHEME_RAND) {
		/* relibc getrandom reads /scheme/rand (platform/redox/mod.rs:656-672). */
		if (*path)
			return ERR(ENOENT);
		return (*out = rr_file_new(RR_K_RAND, flags)) ? 0 : ERR(ENOMEM);
	}
	if (sc == RR_SCHEME_TIME) {
		/* kernel src/scheme/time.rs kopenat: "<clock>[/gettime|/getres|
		 * /timer]", clocks REALTIME 1 and MONOTONIC 4, else ENOENT. */
		char *end;
		long clk = strtol(path, &end, 10);
		enum rr_clock_kind ck;
		if (end == path || (*end && *end != '/') || (clk != 1 && clk != 4))
			return ERR(ENOENT);
		/* The second "/"-separated part names the kind; more parts are
		 * ignored (path.split("/") then path_parts.get(1)). */
		size_t kl = *end ? strcspn(end + 1, "/") : 0;
		const char *k = *end ? end + 1 : end;
		if (!kl)
			ck = RR_CLOCK_DEFAULT;
		else if (kl == 7 && !memcmp(k, "gettime", 7))
			ck = RR_CLOCK_GETTIME;
		else if (kl == 6 && !memcmp(k, "getres", 6))
			ck = RR_CLOCK_GETRES;
		else if (kl == 5 && !memcmp(k, "timer", 5))
			ck = RR_CLOCK_TIMER;
		else
			return ERR(ENOENT);
		if (!(*out = rr_file_new(RR_K_CLOCK, flags)))
			return ERR(ENOMEM);
		(*out)->clock = (int)clk;
		(*out)->clock_kind = ck;
		return 0;
	}
	/* sys: only uname. Kernel src/scheme/sys/uname.rs: "Redox\n<kernel
	 * version>\n<arch>\n<source ident>\n"; 6abd1be6's Cargo.toml says
	 * 0.5.12; the ident is empty outside Redox's cookbook. */
	if (strcmp(path, "uname")) {
		char what[96];
		snprintf(what, sizeof what, "/scheme/sys/%.40s", path);
		rr_not_emulated(rr, what, "of the sys scheme only uname exists");
		return ERR(ENOENT);
	}
	if (!(*out = rr_file_new(RR_K_DATA, flags)))
		return ERR(ENOMEM);
	char buf[64];
	int n = snprintf(buf, sizeof buf, "Redox\n0.5.12\n%s\n\n", rr->ops->name);
	if (!((*out)->snap = malloc((size_t)n))) {
		rr_file_unref(*out);
		return ERR(ENOMEM);
	}
	memcpy((*out)->snap, buf, (size_t)n);
	(*out)->snap_len = (size_t)n;
	return 0;
}

/* Open PATH relative to DIR (a scheme root or a directory handle), the
 * second step of every relibc open (relibc-runtime.md §4). */
static uint64_t open_at(struct rr *rr, struct rr_file *dir, const char *path, uint64_t flags,
			uint64_t fcntl_flags, struct rr_file **out)
{
	struct rr_fh *fh;
	long r;
	switch (dir->kind) {
	case RR_K_NS: {
		/* The namespace hands out a scheme's root directory for a full
		 * path (relibc sys.rs open: openat_into(ns, path, O_DIRECTORY)). */
		size_t sl;
		const char *ref, *s = path_scheme(path, &sl, &ref);
		if (!s)
			return ERR(EINVAL);
		static const struct { const char *name; enum rr_scheme sc; } schemes[] = {
			{ "file", RR_SCHEME_FILE }, { "pipe", RR_SCHEME_PIPE }, { "rand", RR_SCHEME_RAND },
			{ "time", RR_SCHEME_TIME }, { "sys", RR_SCHEME_SYS }, { "event", RR_SCHEME_EVENT },
			{ "shm", RR_SCHEME_SHM },
		};
		size_t k = 0;
		while (k < sizeof schemes / sizeof schemes[0] && !scheme_is(s, sl, schemes[k].name))
			k++;
		if (k == sizeof schemes / sizeof schemes[0]) {
			char what[96];
			snprintf(what, sizeof what, "scheme '%.*s'", (int)(sl < 40 ? sl : 40), s);
			rr_not_emulated(rr, what, "only file (--root), pipe, rand, time, event, shm and sys/uname exist");
			return ERR(ENODEV);
		}
		enum rr_scheme sc = schemes[k].sc;
		if (!(*out = rr_file_new(RR_K_ROOT, flags)))
			return ERR(ENOMEM);
		(*out)->scheme = sc;
		return 0;
	}
	case RR_K_ROOT:
		if (dir->scheme == RR_SCHEME_PIPE) {
			/* pipe2: open("/scheme/pipe") is the read end; dup "write"
			 * gives the write end (relibc extra.rs pipe2). */
			/* kernel pipe.rs kopenat: "" (after leading '/') is a new
			 * pipe's read end; anything else ENOENT. */
			while (*path == '/')
				path++;
			if (*path)
				return ERR(ENOENT);
			struct rr_pipe *p = calloc(1, sizeof *p);
			if (!p || !(*out = rr_file_new(RR_K_PIPE, flags | fcntl_flags))) {
				free(p);
				return ERR(ENOMEM);
			}
			p->reader_alive = p->writer_alive = 1;
			p->ends = 1;
			p->rd = *out;
			(*out)->pipe = p;
			return 0;
		}
		if (dir->scheme == RR_SCHEME_EVENT)
			return rr_event_open(flags | fcntl_flags, out);
		if (dir->scheme == RR_SCHEME_SHM)
			return rr_shm_open(rr, path, flags | fcntl_flags, out);
		if (dir->scheme != RR_SCHEME_FILE)
			return open_kernel_scheme(rr, dir->scheme, path, flags | fcntl_flags, out);
		/* NULL = the root: "tmp/x" is the reference inside file. */
		r = rr_fs_openat(rr->fs, NULL, path, strlen(path), flags, fcntl_flags, &fh);
		break;
	case RR_K_FILE:
		r = rr_fs_openat(rr->fs, dir->fh, path, strlen(path), flags, fcntl_flags, &fh);
		break;
	default:
		/* KernelScheme::kopenat's default (kernel scheme/mod.rs). */
		return ERR(EOPNOTSUPP);
	}
	if (r < 0)
		return ERR(-r);
	if (!(*out = rr_file_new(RR_K_FILE, flags | fcntl_flags))) {
		rr_fs_close(fh);
		return ERR(ENOMEM);
	}
	(*out)->fh = fh;
	return 0;
}

static uint64_t do_openat(struct rr *rr, uint64_t dirfd, uint64_t p, uint64_t len, uint64_t flags,
			  uint64_t fcntl_flags, struct rr_file **out)
{
	char path[PATH_MAX_REDOX + 1];
	uint64_t e = read_path(rr, p, len, path);
	if (e)
		return e;
	struct rr_file *dir = get(rr, dirfd);
	if (!dir)
		return ERR(EBADF);
	/* The kernel keeps flags as u32 (FileDescription.flags). */
	return open_at(rr, dir, path, flags & 0xFFFFFFFFu, fcntl_flags & 0xFFFFFFFFu, out);
}

uint64_t rr_sys_openat_into(struct rr *rr, const uint64_t *a)
{
	/* (dirfd, path, len, flags, fcntl_flags, out_fd): the new fd goes
	 * exactly at out_fd, EEXIST if taken (kernel fs.rs openat_into). */
	struct rr_file *f;
	uint64_t e = do_openat(rr, a[0], a[1], a[2], a[3], a[4], &f);
	return e ? e : install(rr, a[5], f, EEXIST);
}

uint64_t rr_sys_openat(struct rr *rr, const uint64_t *a)
{
	/* 0.6.0 SYS_OPENAT (dirfd, path, len, flags, fcntl_flags): the
	 * kernel picks the fd. */
	struct rr_file *f;
	uint64_t e = do_openat(rr, a[0], a[1], a[2], a[3], a[4], &f);
	return e ? e : install_lowest(rr, f);
}

uint64_t rr_sys_open(struct rr *rr, const uint64_t *a)
{
	/* 0.6.0 SYS_OPEN (path, len, flags): a full path through the
	 * namespace, then the reference inside that scheme. */
	char path[PATH_MAX_REDOX + 1];
	uint64_t e = read_path(rr, a[0], a[1], path);
	if (e)
		return e;
	size_t sl;
	const char *ref;
	if (!path_scheme(path, &sl, &ref))
		return ERR(EINVAL);
	struct rr_file ns = { .refs = 1, .kind = RR_K_NS }, *root, *f;
	if ((e = open_at(rr, &ns, path, 0, 0, &root)))
		return e;
	e = open_at(rr, root, ref, a[2] & 0xFFFFFFFFu, a[2] & RR_O_FCNTL_MASK, &f);
	rr_file_unref(root);
	return e ? e : install_lowest(rr, f);
}

uint64_t rr_sys_unlinkat(struct rr *rr, const uint64_t *a)
{
	char path[PATH_MAX_REDOX + 1];
	uint64_t e = read_path(rr, a[1], a[2], path);
	if (e)
		return e;
	struct rr_file *dir = get(rr, a[0]);
	if (!dir)
		return ERR(EBADF);
	if (dir->kind == RR_K_ROOT && dir->scheme == RR_SCHEME_FILE)
		return rr_fs_result(rr_fs_unlinkat(rr->fs, NULL, path, strlen(path), a[3]));
	if (dir->kind == RR_K_FILE)
		return rr_fs_result(rr_fs_unlinkat(rr->fs, dir->fh, path, strlen(path), a[3]));
	if (dir->kind == RR_K_ROOT && dir->scheme == RR_SCHEME_SHM)
		return rr_shm_unlink(path, a[3]);
	return ERR(ENOTDIR);
}

/* ---------------------------------------------------------------- dup */

/* Kernel fs.rs duplicate_file: an empty name shares the description; a
 * name asks the handle's scheme for a new one (kdup). */
static uint64_t duplicate(struct rr *rr, uint64_t fd, uint64_t p, uint64_t len, struct rr_file **out)
{
	struct rr_file *f = get(rr, fd);
	char name[64];
	if (!f)
		return ERR(EBADF);
	if (!len) {
		*out = rr_file_ref(f);
		return 0;
	}
	/* kernel proc.rs kdup: names longer than 64 bytes are EINVAL. */
	if (f->kind == RR_K_THREAD || f->kind == RR_K_FILETABLE) {
		if (len > 64)
			return ERR(EINVAL);
	}
	size_t n = len < sizeof name - 1 ? (size_t)len : sizeof name - 1;
	if (rr_guest_read(rr, p, name, n))
		return ERR(EFAULT);
	name[n] = 0;
	int exact = len == n && strlen(name) == n;
	const char *why = NULL;
	if (exact && (f->kind == RR_K_PROC || f->kind == RR_K_THREAD)) {
		/* new-thread, and the thread fd's names (thread.c). */
		uint64_t e = rr_thread_dup(rr, f, name, out);
		if (e != 1)
			return e;
	}
	if (f->kind == RR_K_THREAD) {
		/* The thread fd's names (kernel proc.rs openat_context); an
		 * unknown one is EINVAL. */
		static const char *const real[] = {
			"regs/float", "regs/int", "open_via_dup", "mmap-min-addr", "sched-affinity",
		};
		if (exact && (!strcmp(name, "filetable-binary") || !strcmp(name, "filetable"))) {
			/* A listing handle with no data until "refresh". */
			if (!(*out = rr_file_new(RR_K_FILETABLE, RR_O_RDONLY)))
				return ERR(ENOMEM);
			(*out)->text = name[9] == 0;
			return 0;
		} else {
			for (size_t i = 0; i < sizeof real / sizeof real[0]; i++)
				if (exact && !strcmp(name, real[i]))
					why = "debuggers, exec and fork (of the thread fd only regs/env, sighandler, "
					      "filetable[-binary], addrspace, current-addrspace, current-filetable, "
					      "start and status are)";
			if (!why && strncmp(name, "auth-", 5))
				return ERR(EINVAL);
			if (!why)
				why = "process authorities";
		}
	} else if (f->kind == RR_K_FILETABLE) {
		/* kernel proc.rs kdup on a file table: "refresh" is a new
		 * listing at offset 0, "copy" a new table, others EINVAL. */
		if (exact && !strcmp(name, "refresh")) {
			if (!(*out = snapshot(rr, f->text)))
				return ERR(ENOMEM);
			return 0;
		}
		if (!exact || strcmp(name, "copy"))
			return ERR(EINVAL);
		why = "a second file table (fork/spawn)";
	} else if (f->kind == RR_K_PIPE) {
		/* kernel pipe.rs kdup: only the read end, only "write", once. */
		if (f->write_end || f->pipe->has_run_dup)
			return ERR(EBADF);
		if (!exact || strcmp(name, "write"))
			return ERR(EINVAL);
		if (!(*out = rr_file_new(RR_K_PIPE, f->flags)))
			return ERR(ENOMEM);
		(*out)->pipe = f->pipe;
		(*out)->write_end = 1;
		f->pipe->wr = *out;
		f->pipe->has_run_dup = 1;
		f->pipe->ends++;
		return 0;
	} else {
		why = f->kind == RR_K_PROC ? "fork and other processes (of the proc fd only new-thread is)" :
		      f->kind == RR_K_NS ? "namespace management" : "named dups of this handle";
	}
	char what[128];
	snprintf(what, sizeof what, "dup of fd 0x%" PRIx64 " with \"%s\"%s", fd, name,
		 exact ? "" : "...");
	return rr_not_emulated(rr, what, why);
}

uint64_t rr_sys_dup_into(struct rr *rr, const uint64_t *a)
{
	/* (fd, name, len, out_fd): exactly at out_fd, EEXIST if taken. */
	struct rr_file *f;
	uint64_t e = duplicate(rr, a[0], a[1], a[2], &f);
	return e ? e : install(rr, a[3], f, EEXIST);
}

uint64_t rr_sys_dup(struct rr *rr, const uint64_t *a)
{
	/* 0.6.0 SYS_DUP (fd, name, len): the kernel picks the fd. */
	struct rr_file *f;
	uint64_t e = duplicate(rr, a[0], a[1], a[2], &f);
	return e ? e : install_lowest(rr, f);
}

uint64_t rr_sys_dup2(struct rr *rr, const uint64_t *a)
{
	/* Kernel fs.rs dup2 (fd, newfd, name, len): same fd and no name is a
	 * no-op; else the new handle replaces newfd, whose old one is closed. */
	if (a[0] == a[1] && !a[3])
		return a[1];
	struct rr_file *f;
	uint64_t e = duplicate(rr, a[0], a[2], a[3], &f);
	if (e)
		return e;
	struct rr_file *old = rr_fdtab_take(&rr->fds, a[1]);
	if (rr_fdtab_insert(&rr->fds, a[1], f)) {
		if (old)
			rr_fdtab_insert(&rr->fds, a[1], old);
		rr_file_unref(f);
		return ERR(EMFILE);
	}
	rr_file_unref(old);
	return a[1];
}

uint64_t rr_sys_close(struct rr *rr, const uint64_t *a)
{
	struct rr_file *f = rr_fdtab_take(&rr->fds, a[0]);
	if (!f)
		return ERR(EBADF);
	rr_file_unref(f);
	return 0;
}

/* ------------------------------------------------------------ read/write */

static int getentropy_all(uint8_t *p, size_t n)
{
	while (n) {
		size_t k = n < 256 ? n : 256;   /* getentropy's limit */
		if (getentropy(p, k))
			return -1;
		p += k;
		n -= k;
	}
	return 0;
}

int rr_pipe_ready(const struct rr_file *f, int write)
{
	const struct rr_pipe *p = f->pipe;
	return write ? !p->reader_alive || p->len < RR_PIPE_MAX : p->len || !p->writer_alive;
}

/* kernel pipe.rs kread/kwrite. Where the kernel would block, another
 * thread may write (read) later: this one waits (sched.c) and runs the call
 * again. Alone, nobody can ever wake it: a deadlock. */
static uint64_t pipe_read(struct rr *rr, struct rr_file *f, const uint64_t *a)
{
	struct rr_pipe *p = f->pipe;
	uint64_t buf = a[1], len = a[2];
	if (!p->len) {
		if (!len || !p->writer_alive)
			return 0;
		if (f->flags & RR_O_NONBLOCK)
			return ERR(EAGAIN);
		if (rr_sched_others(rr)) {
			rr_sched_block_pipe(rr, f, rr->sys_nr, a, 0);
			return 0;
		}
		fprintf(stderr, "redox-run: %s: deadlock: read from an empty pipe whose write end is "
			"still open, and no other thread or process can write to it\n", rr->prog);
		rr->stop = RR_STOP_DEADLOCK;
		return 0;
	}
	uint64_t n = len < p->len ? len : p->len;
	if (rr_guest_write(rr, buf, p->buf, n))
		return ERR(EFAULT);
	memmove(p->buf, p->buf + n, p->len - n);
	p->len -= n;
	if (n && p->wr)
		rr_event_trigger(rr, p->wr, RR_EVENT_WRITE);   /* kernel pipe.rs kread */
	return n;
}

#define PIPE_MAX RR_PIPE_MAX

static uint64_t pipe_write(struct rr *rr, struct rr_file *f, const uint64_t *a)
{
	struct rr_pipe *p = f->pipe;
	uint64_t buf = a[1], len = a[2];
	if (!p->reader_alive)
		return ERR(EPIPE);
	uint64_t n = len < PIPE_MAX - p->len ? len : PIPE_MAX - p->len;
	if (!n) {
		if (!len)
			return 0;
		if (f->flags & RR_O_NONBLOCK)
			return ERR(EAGAIN);
		if (rr_sched_others(rr)) {
			rr_sched_block_pipe(rr, f, rr->sys_nr, a, 1);
			return 0;
		}
		fprintf(stderr, "redox-run: %s: deadlock: write to a full pipe (%d bytes) that only this "
			"thread reads\n", rr->prog, PIPE_MAX);
		rr->stop = RR_STOP_DEADLOCK;
		return 0;
	}
	if (!p->buf && !(p->buf = malloc(PIPE_MAX)))
		return ERR(ENOMEM);
	if (rr_guest_read(rr, buf, p->buf + p->len, n))
		return ERR(EFAULT);
	p->len += n;
	if (p->rd)
		rr_event_trigger(rr, p->rd, RR_EVENT_READ);   /* kernel pipe.rs kwrite */
	return n;
}

static uint64_t proc_meta(struct rr *rr, uint64_t buf, uint64_t len)
{
	/* ProcMeta, 11 x u32: pid, pgid, ppid, ruid, euid, suid, rgid, egid,
	 * sgid, ens, rns (libredox lib.rs:209-221). A short buffer gets the
	 * first bytes. */
	uint32_t m[11] = { RR_PID, RR_PID, RR_PPID, rr->ids[RR_RUID], rr->ids[RR_EUID],
			   rr->ids[RR_SUID], rr->ids[RR_RGID], rr->ids[RR_EGID], rr->ids[RR_SGID], 1, 1 };
	uint64_t n = len < sizeof m ? len : sizeof m;
	return rr_guest_write(rr, buf, m, n) ? ERR(EFAULT) : n;
}

/* Read or write through a host bounce buffer in CHUNK pieces; stops at the
 * first short transfer. off < 0: at the file offset. */
static uint64_t file_io(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len,
			int64_t off, int wr)
{
	static uint8_t tmp[CHUNK];
	uint64_t done = 0;
	if (!rr_vm_check(rr, buf, len, wr ? RR_PROT_R : RR_PROT_W))
		return ERR(EFAULT);
	while (done < len) {
		size_t n = len - done < CHUNK ? (size_t)(len - done) : CHUNK;
		long r;
		if (wr && rr_guest_read(rr, buf + done, tmp, n))
			return done ? done : ERR(EFAULT);
		if (f->kind == RR_K_HOST) {
			do
				r = wr ? (off < 0 ? write(f->host_fd, tmp, n) : pwrite(f->host_fd, tmp, n, off + (int64_t)done))
				       : (off < 0 ? read(f->host_fd, tmp, n) : pread(f->host_fd, tmp, n, off + (int64_t)done));
			while (r < 0 && errno == EINTR);
			if (r < 0)
				r = -errno;
		} else if (off < 0) {
			r = wr ? rr_fs_write(f->fh, tmp, n) : rr_fs_read(f->fh, tmp, n);
		} else {
			r = wr ? rr_fs_pwrite(f->fh, tmp, n, (uint64_t)off + done)
			       : rr_fs_pread(f->fh, tmp, n, (uint64_t)off + done);
		}
		if (r < 0)
			return done ? done : ERR(-r);
		if (!wr && r && rr_guest_write(rr, buf + done, tmp, (uint64_t)r))
			return done ? done : ERR(EFAULT);
		done += (uint64_t)r;
		if ((size_t)r < n || (!wr && f->kind == RR_K_HOST))
			break;    /* a terminal or pipe read returns what is there */
	}
	return done;
}

uint64_t rr_file_copy_in(struct rr *rr, struct rr_file *f, uint64_t addr, uint64_t off, uint64_t len)
{
	static uint8_t tmp[CHUNK];
	for (uint64_t done = 0; done < len;) {
		size_t n = len - done < CHUNK ? (size_t)(len - done) : CHUNK;
		long r = rr_fs_pread(f->fh, tmp, n, off + done);
		if (r < 0)
			return ERR(-r);
		if (!r)
			break;
		if (uc_mem_write(rr->uc, addr + done, tmp, (size_t)r) != UC_ERR_OK)
			return ERR(EFAULT);
		done += (uint64_t)r;
	}
	return 0;
}

uint64_t rr_sys_write(struct rr *rr, const uint64_t *a)
{
	struct rr_file *f = get(rr, a[0]);
	if (!f)
		return ERR(EBADF);
	switch (f->kind) {
	case RR_K_ENVREGS:
	case RR_K_SIGHANDLER:
	case RR_K_ASSEL:
	case RR_K_FTSEL:
	case RR_K_START:
	case RR_K_STATUS:
		return rr_thread_write(rr, f, a[1], a[2]);
	case RR_K_PIPE:
		return f->write_end ? pipe_write(rr, f, a) : ERR(EBADF);
	case RR_K_EQUEUE:
		return rr_event_write(rr, f, a[1], a[2]);
	case RR_K_SHM:
		return rr_shm_io(rr, f, a[1], a[2], -1, 1);
	case RR_K_CLOCK:
		return rr_time_write(rr, f, a[1], a[2]);
	case RR_K_HOST:
	case RR_K_FILE:
		return file_io(rr, f, a[1], a[2], -1, 1);
	default:
		return ERR(EBADF);
	}
}

uint64_t rr_sys_read(struct rr *rr, const uint64_t *a)
{
	struct rr_file *f = get(rr, a[0]);
	if (!f)
		return ERR(EBADF);
	switch (f->kind) {
	case RR_K_ENVREGS:
		return rr_thread_read(rr, f, a[1], a[2]);
	case RR_K_FILETABLE:
	case RR_K_DATA: {
		/* kernel proc.rs read_from (and the sys scheme): the bytes from
		 * the description's offset, as many as fit; 0 at the end. */
		uint64_t n = f->off < f->snap_len ? f->snap_len - f->off : 0;
		if (n > a[2])
			n = a[2];
		if (n && rr_guest_write(rr, a[1], f->snap + f->off, n))
			return ERR(EFAULT);
		f->off += n;
		return n;
	}
	case RR_K_RAND: {
		static uint8_t tmp[CHUNK];
		size_t n = a[2] < CHUNK ? (size_t)a[2] : CHUNK;
		if (getentropy_all(tmp, n))
			return ERR(EIO);
		return rr_guest_write(rr, a[1], tmp, n) ? ERR(EFAULT) : n;
	}
	case RR_K_CLOCK: {
		/* kernel time.rs kread: one TimeSpec per whole 16-byte chunk;
		 * a timer handle is EINVAL. The resolution is the host clock's,
		 * the clock actually read. */
		if (f->clock_kind == RR_CLOCK_TIMER)
			return ERR(EINVAL);
		uint64_t done = 0;
		for (; done + 16 <= a[2]; done += 16) {
			struct timespec ts;
			clockid_t c = f->clock == 1 ? CLOCK_REALTIME : CLOCK_MONOTONIC;
			if (f->clock_kind == RR_CLOCK_GETRES)
				clock_getres(c, &ts);
			else
				clock_gettime(c, &ts);
			uint8_t raw[16] = { 0 };
			int64_t sec = ts.tv_sec;
			int32_t nsec = (int32_t)ts.tv_nsec;
			memcpy(raw, &sec, 8);
			memcpy(raw + 8, &nsec, 4);
			if (rr_guest_write(rr, a[1] + done, raw, 16))
				return done ? done : ERR(EFAULT);
		}
		return done;
	}
	case RR_K_PROC:
		return proc_meta(rr, a[1], a[2]);
	case RR_K_PIPE:
		return f->write_end ? ERR(EBADF) : pipe_read(rr, f, a);
	case RR_K_EQUEUE:
		return rr_event_read(rr, f, a[1], a[2]);
	case RR_K_SHM:
		return rr_shm_io(rr, f, a[1], a[2], -1, 0);
	case RR_K_HOST:
	case RR_K_FILE:
		return file_io(rr, f, a[1], a[2], -1, 0);
	default:
		return ERR(EBADF);
	}
}

static uint64_t rw2(struct rr *rr, const uint64_t *a, int wr)
{
	/* (fd, buf, len, offset, rwflags or !0): pread/pwrite. */
	struct rr_file *f = get(rr, a[0]);
	if (!f)
		return ERR(EBADF);
	if (a[4] != UINT64_MAX && a[4] > 0xFFFFFFFFu)
		return ERR(EINVAL);
	if (f->kind != RR_K_FILE && f->kind != RR_K_HOST && f->kind != RR_K_SHM)
		return f->kind == RR_K_PIPE ? ERR(ESPIPE) : ERR(EBADF);
	if ((int64_t)a[3] < 0)
		return ERR(EINVAL);
	if (f->kind == RR_K_SHM)
		return rr_shm_io(rr, f, a[1], a[2], (int64_t)a[3], wr);
	return file_io(rr, f, a[1], a[2], (int64_t)a[3], wr);
}

uint64_t rr_sys_write2(struct rr *rr, const uint64_t *a) { return rw2(rr, a, 1); }
uint64_t rr_sys_read2(struct rr *rr, const uint64_t *a) { return rw2(rr, a, 0); }

uint64_t rr_sys_lseek(struct rr *rr, const uint64_t *a)
{
	struct rr_file *f = get(rr, a[0]);
	int64_t off = (int64_t)a[1];
	if (!f)
		return ERR(EBADF);
	switch (f->kind) {
	case RR_K_FILE:
		return rr_fs_result(rr_fs_lseek(f->fh, off, (int)(a[2] > 2 ? 3 : a[2])));
	case RR_K_HOST: {
		if (a[2] > 2)
			return ERR(EINVAL);
		off_t r = lseek(f->host_fd, off, a[2] == 0 ? SEEK_SET : a[2] == 1 ? SEEK_CUR : SEEK_END);
		return r < 0 ? ERR(errno) : (uint64_t)r;
	}
	case RR_K_FILETABLE:
	case RR_K_SHM: {
		/* kernel fs.rs lseek: SEEK_END is relative to fsize = the
		 * listing's length (ipcd fsize: the object's); a negative result
		 * is EINVAL. */
		int64_t end = f->kind == RR_K_SHM ? (int64_t)rr_shm_size(f) : (int64_t)f->snap_len;
		int64_t base = a[2] == 0 ? 0 : a[2] == 1 ? (int64_t)f->off :
			       a[2] == 2 ? end : -1;
		if (base < 0 || (off > 0 && base > INT64_MAX - off) || base + off < 0)
			return ERR(EINVAL);
		f->off = (uint64_t)(base + off);
		return f->off;
	}
	default:
		return ERR(ESPIPE);
	}
}

/* ---------------------------------------------------------------- fcntl */

uint64_t rr_sys_fcntl(struct rr *rr, const uint64_t *a)
{
	/* Kernel fs.rs fcntl: F_DUPFD 0 puts a dup at exactly arg (EMFILE if
	 * taken); F_GETFD 1 and F_SETFD 2 are 0 (cloexec lives in relibc's
	 * table); F_GETFL 3 the flags as opened; F_SETFL 4 keeps the access
	 * mode and takes the rest from arg; anything else EINVAL. */
	struct rr_file *f = get(rr, a[0]);
	if (!f)
		return ERR(EBADF);
	switch (a[1]) {
	case 0:
		return install(rr, a[2], rr_file_ref(f), EMFILE);
	case 1:
	case 2:
		return 0;
	case 3:
		return f->kind == RR_K_FILE ? rr_fs_getfl(f->fh) : f->flags;
	case 4:
		if (f->kind == RR_K_FILE) {
			long r = rr_fs_setfl(f->fh, a[2]);
			if (r < 0)
				return ERR(-r);
		}
		f->flags = (f->flags & RR_O_ACCMODE) | (a[2] & ~RR_O_ACCMODE & 0xFFFFFFFFu);
		return 0;
	default:
		return ERR(EINVAL);
	}
}

/* ------------------------------------------------------------ file calls */

uint64_t rr_sys_fpath(struct rr *rr, const uint64_t *a)
{
	struct rr_file *f = get(rr, a[0]);
	char buf[PATH_MAX_REDOX + 64];
	long n;
	if (!f)
		return ERR(EBADF);
	if (f->kind == RR_K_FILE) {
		n = rr_fs_fpath(f->fh, buf, sizeof buf);
		if (n < 0)
			return ERR(-n);
	} else if (f->kind == RR_K_PIPE) {
		n = snprintf(buf, sizeof buf, "/scheme/pipe/");   /* kernel pipe.rs kfpath */
	} else if (f->kind == RR_K_EQUEUE) {
		n = snprintf(buf, sizeof buf, "/scheme/event/");  /* kernel event.rs kfpath */
	} else if (f->kind == RR_K_SHM) {
		n = rr_shm_fpath(f, buf, sizeof buf);
		if ((size_t)n >= sizeof buf)
			n = sizeof buf - 1;
	} else if (f->kind == RR_K_ROOT) {
		static const char *const names[] = { "file", "pipe", "rand", "time", "sys", "event", "shm" };
		n = snprintf(buf, sizeof buf, "/scheme/%s", names[f->scheme]);
	} else {
		return ERR(EOPNOTSUPP);
	}
	/* Truncated to the buffer like the kernel's fpath; no NUL. */
	uint64_t len = (uint64_t)n < a[2] ? (uint64_t)n : a[2];
	return rr_guest_write(rr, a[1], buf, len) ? ERR(EFAULT) : len;
}

/* Kernel fs.rs frename/flink: the target must be an absolute Redox path
 * (RedoxPath::from_absolute + as_parts, else EINVAL); it must name the same
 * scheme (EXDEV, the kernel's TODO; only file renames exist here). */
static uint64_t to_path(struct rr *rr, const uint64_t *a, struct rr_file **f, char *path)
{
	uint64_t e = read_path(rr, a[1], a[2], path);
	if (e)
		return e;
	if (!(*f = get(rr, a[0])))
		return ERR(EBADF);
	size_t sl;
	const char *ref, *s = path_scheme(path, &sl, &ref);
	if (!s)
		return ERR(EINVAL);
	if ((*f)->kind != RR_K_FILE)
		return ERR(EOPNOTSUPP);
	return scheme_is(s, sl, "file") ? 0 : ERR(EXDEV);
}

uint64_t rr_sys_frename(struct rr *rr, const uint64_t *a)
{
	char path[PATH_MAX_REDOX + 1];
	struct rr_file *f;
	uint64_t e = to_path(rr, a, &f, path);
	return e ? e : rr_fs_result(rr_fs_frename(rr->fs, f->fh, path, strlen(path)));
}

uint64_t rr_sys_flink(struct rr *rr, const uint64_t *a)
{
	char path[PATH_MAX_REDOX + 1];
	struct rr_file *f;
	uint64_t e = to_path(rr, a, &f, path);
	return e ? e : rr_fs_result(rr_fs_flink(rr->fs, f->fh, path, strlen(path)));
}

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

uint64_t rr_file_fstat(struct rr *rr, struct rr_file *f, uint8_t out[RR_STAT_SIZE])
{
	(void)rr;
	memset(out, 0, RR_STAT_SIZE);
	if (f->kind == RR_K_FILE)
		return rr_fs_result(rr_fs_fstat(f->fh, out));
	/* Stat layout: redox-abi.md §4. Non-file handles: the host's view of
	 * stdio, a FIFO for pipes, a character device for the rest. */
	uint16_t mode = 0020000 | 0600;
	uint64_t size = 0;
	if (f->kind == RR_K_HOST) {
		struct stat st;
		if (fstat(f->host_fd, &st) < 0)
			return ERR(errno);
		mode = (uint16_t)st.st_mode;  /* POSIX S_IF* bits; Redox MODE_* are the same */
		size = S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
	} else if (f->kind == RR_K_PIPE) {
		/* kernel pipe.rs kfstat: MODE_FIFO | 0o666, every other field 0. */
		mode = 0010000 | 0666;
		memcpy(out + 16, &mode, 2);
		return 0;
	} else if (f->kind == RR_K_SHM) {
		/* ipcd fstat: st_mode MODE_FILE (no permission bits), st_size,
		 * every other field 0. */
		mode = 0100000;
		memcpy(out + 16, &mode, 2);
		put64(out + 32, rr_shm_size(f));
		return 0;
	} else if (f->kind == RR_K_ROOT) {
		mode = 0040000 | 0755;
	}
	memcpy(out + 16, &mode, 2);
	put32(out + 20, 1);        /* st_nlink */
	put64(out + 32, size);
	put32(out + 40, 4096);     /* st_blksize */
	return 0;
}

uint64_t rr_sys_fstat(struct rr *rr, const uint64_t *a)
{
	/* SYS_FSTAT (fd, &Stat, 104); still in 0.9.x and the kernel. */
	uint8_t st[RR_STAT_SIZE];
	struct rr_file *f = get(rr, a[0]);
	if (!f)
		return ERR(EBADF);
	if (a[2] < RR_STAT_SIZE)
		return ERR(EINVAL);
	uint64_t e = rr_file_fstat(rr, f, st);
	if (e)
		return e;
	return rr_guest_write(rr, a[1], st, sizeof st) ? ERR(EFAULT) : 0;
}

static struct rr_file *get_file(struct rr *rr, uint64_t fd, uint64_t *e)
{
	struct rr_file *f = get(rr, fd);
	*e = !f ? ERR(EBADF) : f->kind != RR_K_FILE ? ERR(EOPNOTSUPP) : 0;
	return *e ? NULL : f;
}

uint64_t rr_sys_fstatvfs(struct rr *rr, const uint64_t *a)
{
	uint64_t e;
	uint8_t b[RR_STATVFS_SIZE];
	struct rr_file *f = get_file(rr, a[0], &e);
	if (!f)
		return e;
	if (a[2] < sizeof b)
		return ERR(EINVAL);
	long r = rr_fs_fstatvfs(f->fh, b);
	if (r < 0)
		return ERR(-r);
	return rr_guest_write(rr, a[1], b, sizeof b) ? ERR(EFAULT) : 0;
}

uint64_t rr_sys_fsync(struct rr *rr, const uint64_t *a)
{
	uint64_t e;
	struct rr_file *f = get(rr, a[0]);
	if (f && f->kind == RR_K_HOST)
		return fsync(f->host_fd) < 0 && errno != EINVAL && errno != EROFS ? ERR(errno) : 0;
	if (!(f = get_file(rr, a[0], &e)))
		return e;
	return rr_fs_result(rr_fs_fsync(f->fh));
}

uint64_t rr_sys_ftruncate(struct rr *rr, const uint64_t *a)
{
	uint64_t e;
	struct rr_file *s = get(rr, a[0]);
	if (s && s->kind == RR_K_SHM)
		return rr_shm_truncate(s, a[1]);
	struct rr_file *f = get_file(rr, a[0], &e);
	return f ? rr_fs_result(rr_fs_ftruncate(f->fh, a[1])) : e;
}

uint64_t rr_sys_fchmod(struct rr *rr, const uint64_t *a)
{
	uint64_t e;
	struct rr_file *f = get_file(rr, a[0], &e);
	return f ? rr_fs_result(rr_fs_fchmod(f->fh, (uint16_t)a[1])) : e;
}

uint64_t rr_futimens(struct rr *rr, struct rr_file *f, uint64_t p, uint64_t len)
{
	/* [TimeSpec; 2] = atime, mtime (relibc libredox.rs futimens). */
	uint8_t raw[32];
	int64_t sec[2];
	int32_t nsec[2];
	if (len < sizeof raw)
		return ERR(EINVAL);
	if (rr_guest_read(rr, p, raw, sizeof raw))
		return ERR(EFAULT);
	for (int i = 0; i < 2; i++) {
		memcpy(&sec[i], raw + 16 * i, 8);
		memcpy(&nsec[i], raw + 16 * i + 8, 4);
	}
	return rr_fs_result(rr_fs_futimens(f->fh, sec, nsec));
}

uint64_t rr_sys_futimens(struct rr *rr, const uint64_t *a)
{
	uint64_t e;
	struct rr_file *f = get_file(rr, a[0], &e);
	return f ? rr_futimens(rr, f, a[1], a[2]) : e;
}

uint64_t rr_getdents(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len, uint64_t opaque)
{
	static uint8_t tmp[CHUNK];
	size_t n = len < CHUNK ? (size_t)len : CHUNK;
	long r = rr_fs_getdents(f->fh, opaque, tmp, n);
	if (r < 0)
		return ERR(-r);
	return rr_guest_write(rr, buf, tmp, (uint64_t)r) ? ERR(EFAULT) : (uint64_t)r;
}

uint64_t rr_sys_getdents(struct rr *rr, const uint64_t *a)
{
	/* 0.6.0 SYS_GETDENTS (fd, buf, len, header_size, opaque). */
	uint64_t e;
	struct rr_file *f = get_file(rr, a[0], &e);
	if (!f)
		return e;
	if (a[3] != RR_DIRENT_HEADER_SIZE)
		return ERR(EINVAL);
	return rr_getdents(rr, f, a[1], a[2], a[4]);
}
