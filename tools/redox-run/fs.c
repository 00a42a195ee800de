/* SPDX-License-Identifier: MIT */
/*
 * The guest's file system under --root (contract: fs.h; facts: docs/redox-run-fs.md).
 *
 * Paths are canonicalised lexically, as redoxfs does (redox-path canonical():
 * "." and empty parts dropped, ".." pops and stops at the root), into a path
 * inside the root with no leading '/'. That string is what a handle
 * remembers and what fpath returns. Every host lookup then goes through the
 * host kernel, never through a host path string:
 *  - the parent directory: openat2(root fd, parent, O_PATH, RESOLVE_IN_ROOT |
 *    RESOLVE_NO_MAGICLINKS), so symlinks in the middle of the path, absolute
 *    or relative, resolve inside the root even if swapped during the call;
 *  - the last component: an *at() call on that parent fd with O_NOFOLLOW (it
 *    is one name, never "." or ".."). A symlink found there is read with
 *    readlinkat on the fd that pins it and followed here, as redoxfs's
 *    resolve_symlink does: the new target is canonicalised the same way and
 *    resolved again from the root.
 */
#define _GNU_SOURCE
#include "fs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#define FS_PATH_MAX 4096    /* kernel 6abd1be6 fs.rs: PATH_MAX = PAGE_SIZE */
#define FS_SYMLOOP  64      /* redoxfs resolve_symlink: 64 links, then ELOOP */
#define FS_RETRIES  64      /* host races (EAGAIN from openat2, a name that changed) */
#define FS_IO_MAX   0x7ffff000ul
#define FS_FOLLOW   1       /* open_once: the last component was a symlink to follow */

#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif

/* A host symlink has no mode of its own (always 0777); a redoxfs one does (its
 * creation mode, then what fchmod set), so fs.c keeps those for this run. */
struct link_mode {
	dev_t dev;
	ino_t ino;
	uint16_t mode;
};

struct rr_fs {
	int root;
	struct link_mode *lm;
	size_t nlm, caplm;
};

enum fh_kind {
	FH_FILE,  /* regular file, fifo, device: read/write as its access mode allows */
	FH_DIR,   /* directory opened O_RDONLY: getdents from the listing taken at open */
	FH_PATH,  /* O_PATH or no access mode: fstat, fpath, frename, fchmod, futimens */
	FH_LINK,  /* the symlink itself (O_SYMLINK, or O_PATH|O_NOFOLLOW) */
};

struct ent {
	size_t name;    /* offset into names */
	uint16_t len;
};

struct rr_fh {
	unsigned refs;
	enum fh_kind kind;
	bool is_dir;
	bool seekable;
	bool path_only;  /* opened O_PATH or with no access mode: no read, no write */
	int fd;          /* host fd; -1 for a symlink that O_CREAT|O_SYMLINK has not written yet */
	struct rr_fs *fs;
	uint32_t flags;  /* the open flags as the kernel keeps them (F_GETFL) */
	uint64_t off;
	char *path;      /* inside the root, canonical, no leading '/'; "" is the root */
	size_t plen;
	struct ent *ents;
	size_t nents;
	char *names;
	char *link;      /* FH_LINK: the target as this handle knows it */
	size_t linklen;
};

/* Host errno → Redox errno: Linux's numbers 1..131 are Redox's (redox-abi.md §3);
 * 41 and 58 are unused on Linux but mean EWOULDBLOCK/EDEADLOCK on Redox, and
 * 132/133 (ERFKILL, EHWPOISON) have no Redox equivalent: those become EIO. */
static long rx(int e)
{
	if (e <= 0 || e > 131 || e == 41 || e == 58)
		return -EIO;
	return -e;
}

static long rx_errno(void) { return rx(errno); }

static struct link_mode *lm_find(struct rr_fs *fs, dev_t dev, ino_t ino)
{
	for (size_t i = 0; i < fs->nlm; i++)
		if (fs->lm[i].dev == dev && fs->lm[i].ino == ino)
			return &fs->lm[i];
	return NULL;
}

static long lm_set(struct rr_fs *fs, dev_t dev, ino_t ino, uint16_t mode)
{
	struct link_mode *m = lm_find(fs, dev, ino);
	if (!m) {
		if (fs->nlm == fs->caplm) {
			size_t cap = fs->caplm ? fs->caplm * 2 : 16;
			struct link_mode *n = realloc(fs->lm, cap * sizeof *n);
			if (!n)
				return -ENOMEM;
			fs->lm = n;
			fs->caplm = cap;
		}
		m = &fs->lm[fs->nlm++];
		m->dev = dev;
		m->ino = ino;
	}
	m->mode = mode & 07777;
	return 0;
}

static void lm_forget(struct rr_fs *fs, dev_t dev, ino_t ino)
{
	struct link_mode *m = lm_find(fs, dev, ino);
	if (m)
		*m = fs->lm[--fs->nlm];
}

/* Rust's str::from_utf8: no overlong forms, no surrogates, nothing above U+10FFFF. */
static bool utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t k;
		unsigned lo = 0x80, hi = 0xbf;
		if (c < 0x80) { i++; continue; }
		if (c >= 0xc2 && c <= 0xdf) k = 1;
		else if (c >= 0xe0 && c <= 0xef) {
			k = 2;
			if (c == 0xe0) lo = 0xa0;
			if (c == 0xed) hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			k = 3;
			if (c == 0xf0) lo = 0x90;
			if (c == 0xf4) hi = 0x8f;
		} else
			return false;
		if (n - i <= k)
			return false;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return false;
		for (size_t j = 2; j <= k; j++)
			if (s[i + j] < 0x80 || s[i + j] > 0xbf)
				return false;
		i += k + 1;
	}
	return true;
}

/* Bytes the guest handed us: what the kernel's copy_path_to_buf accepts. */
static long check_bytes(const char *p, size_t n)
{
	if (n > FS_PATH_MAX)
		return -ENAMETOOLONG;
	if (n && !p)
		return -EFAULT;
	if (n && memchr(p, 0, n))
		return -EINVAL;
	if (!utf8_ok((const unsigned char *)p, n))
		return -EINVAL;
	return 0;
}

/* Append the components of s[0..n) to the canonical path in buf (length *len,
 * room enough for *len + 1 + n + 1 bytes): redox-path canonical(). */
static void canon_append(char *buf, size_t *len, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != '/')
			j++;
		size_t c = j - i;
		if (c == 0 || (c == 1 && s[i] == '.')) {
			/* nothing */
		} else if (c == 2 && s[i] == '.' && s[i + 1] == '.') {
			while (*len > 0 && buf[*len - 1] != '/')
				(*len)--;
			if (*len > 0)
				(*len)--;
		} else {
			if (*len > 0)
				buf[(*len)++] = '/';
			memcpy(buf + *len, s + i, c);
			*len += c;
		}
		i = j + 1;
	}
	buf[*len] = 0;
}

/* BASE (canonical, may be NULL) joined with S, canonicalised, in a new string. */
static long canon_join(const char *base, size_t blen, const char *s, size_t n, char **out, size_t *olen)
{
	char *buf = malloc(blen + n + 2);
	if (!buf)
		return -ENOMEM;
	size_t len = 0;
	if (base && blen) {
		memcpy(buf, base, blen);
		len = blen;
	}
	buf[len] = 0;
	canon_append(buf, &len, s, n);
	*out = buf;
	*olen = len;
	return 0;
}

/* "/scheme/NAME..." (redox-path get_scheme_prefixed): 1 and the rest after
 * "/scheme/file" if NAME is "file", -1 for any other scheme (and the root
 * scheme "/scheme"), 0 if the path is not of that form. */
static int scheme_prefix(const char *p, size_t n, const char **rest, size_t *rlen)
{
	static const char pre[] = "/scheme";
	if (n < 7 || memcmp(p, pre, 7) != 0 || (n > 7 && p[7] != '/'))
		return 0;
	if (n <= 8)
		return -1;
	const char *name = p + 8;
	const char *end = memchr(name, '/', n - 8);
	size_t nl = end ? (size_t)(end - name) : n - 8;
	if (nl != 4 || memcmp(name, "file", 4) != 0)
		return -1;
	*rest = name + nl;
	*rlen = n - 8 - nl;
	return 1;
}

/* Legacy "scheme:reference" (redox-path split_scheme): a ':' before any '/',
 * the scheme part ASCII. Returns 1 with the reference for "file", -1 for
 * another scheme, 0 if not legacy. */
static int legacy_prefix(const char *p, size_t n, const char **rest, size_t *rlen)
{
	size_t i = 0;
	while (i < n && p[i] != '/' && p[i] != ':') {
		if ((unsigned char)p[i] >= 0x80)
			return 0;
		i++;
	}
	if (i == n || p[i] != ':')
		return 0;
	if (i != 4 || memcmp(p, "file", 4) != 0)
		return -1;
	*rest = p + 5;
	*rlen = n - 5;
	return 1;
}

/* A guest path for openat/unlinkat: absolute → from the root ("/scheme/file/x"
 * = "/x"; any other scheme is not ours: ENOENT), relative → from DIR's path
 * (redoxfs openat: resolve_path joins the handle's path). */
static long guest_path(const struct rr_fh *dir, const char *p, size_t n, char **out, size_t *olen)
{
	long r = check_bytes(p, n);
	if (r)
		return r;
	if (n && p[0] == '/') {
		const char *rest;
		size_t rlen;
		int s = scheme_prefix(p, n, &rest, &rlen);
		if (s < 0)
			return -ENOENT;
		if (s > 0)
			return canon_join(NULL, 0, rest, rlen, out, olen);
		return canon_join(NULL, 0, p, n, out, olen);
	}
	return canon_join(dir ? dir->path : NULL, dir ? dir->plen : 0, p, n, out, olen);
}

/* An absolute Redox path in any of its forms (redox-path RedoxStr::new):
 * 1 with the reference for the file scheme ("/x", "/scheme/file/x",
 * "file:x"), -1 for another scheme, 0 for a relative path. */
static int redox_abs(const char *p, size_t n, const char **rest, size_t *rlen)
{
	if (n && p[0] == '/') {
		int s = scheme_prefix(p, n, rest, rlen);
		if (s)
			return s;
		*rest = p;
		*rlen = n;
		return 1;
	}
	return legacy_prefix(p, n, rest, rlen);
}

/* The absolute Redox path frename/flink take (kernel: RedoxPath::from_absolute,
 * as_parts). Another scheme → EXDEV (the kernel's frename has "TODO: Check EXDEV"). */
static long target_path(const char *p, size_t n, char **out, size_t *olen)
{
	long r = check_bytes(p, n);
	if (r)
		return r;
	const char *rest;
	size_t rlen;
	int s = redox_abs(p, n, &rest, &rlen);
	if (s == 0)
		return -EINVAL;
	if (s < 0)
		return -EXDEV;
	return canon_join(NULL, 0, rest, rlen, out, olen);
}

/* Where a symlink at canonical path CUR with target T leads (redoxfs
 * resolve_symlink): absolute targets from the root, another scheme → EXDEV
 * (relibc then resolves it itself), relative ones from CUR's directory. */
static long link_target(const char *cur, size_t clen, const char *t, size_t tn, char **out, size_t *olen)
{
	if (!utf8_ok((const unsigned char *)t, tn))
		return -EINVAL;
	const char *rest;
	size_t rlen;
	int s = redox_abs(t, tn, &rest, &rlen);
	if (s < 0)
		return -EXDEV;
	if (s > 0)
		return canon_join(NULL, 0, rest, rlen, out, olen);
	size_t d = clen;
	while (d > 0 && cur[d - 1] != '/')
		d--;
	return canon_join(cur, d ? d - 1 : 0, t, tn, out, olen);
}

static int openat2_in_root(int root, const char *path, uint64_t flags)
{
	struct open_how how = {
		.flags = flags | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	for (int i = 0; i < FS_RETRIES; i++) {
		long fd = syscall(SYS_openat2, root, path, &how, sizeof how);
		if (fd >= 0)
			return (int)fd;
		if (errno != EAGAIN && errno != EINTR)
			return -1;
	}
	errno = EAGAIN;
	return -1;
}

/* Open the directory holding canonical PATH (nonempty) inside the root and
 * point *name at its last component. PATH is not modified. */
static long open_parent(struct rr_fs *fs, const char *path, size_t len, const char **name)
{
	size_t d = len;
	while (d > 0 && path[d - 1] != '/')
		d--;
	*name = path + d;
	if (d == 0) {
		int fd = fcntl(fs->root, F_DUPFD_CLOEXEC, 0);
		return fd < 0 ? rx_errno() : fd;
	}
	char *dir = malloc(d);
	if (!dir)
		return -ENOMEM;
	memcpy(dir, path, d - 1);
	dir[d - 1] = 0;
	int fd = openat2_in_root(fs->root, dir, O_PATH | O_DIRECTORY);
	int e = errno;
	free(dir);
	return fd < 0 ? rx(e) : fd;
}

static void fh_free(struct rr_fh *fh)
{
	if (fh->fd >= 0)
		close(fh->fd);
	free(fh->path);
	free(fh->ents);
	free(fh->names);
	free(fh->link);
	free(fh);
}

static const char *sort_names;

static int ent_cmp(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;
	int c = memcmp(sort_names + x->name, sort_names + y->name, x->len < y->len ? x->len : y->len);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The directory's entries at open time, as redoxfs lists a directory opened
 * O_RDONLY; "." and ".." are not entries of a redoxfs directory. They are
 * sorted by name so that a guest sees the same order on any host file system. */
static long take_listing(struct rr_fh *fh)
{
	int fd = openat(fh->fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return rx_errno();
	size_t cap = 0, ncap = 0, nlen = 0;
	char buf[16384];
	long r = 0;
	for (;;) {
		long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
		if (n < 0) {
			r = rx_errno();
			break;
		}
		if (n == 0)
			break;
		for (long o = 0; o < n;) {
			unsigned short reclen;
			memcpy(&reclen, buf + o + 16, sizeof reclen);
			const char *nm = buf + o + 19;
			size_t l = strnlen(nm, (size_t)(n - o) - 19);
			o += reclen;
			if ((l == 1 && nm[0] == '.') || (l == 2 && nm[0] == '.' && nm[1] == '.'))
				continue;
			if (fh->nents == cap) {
				cap = cap ? cap * 2 : 16;
				struct ent *ne = realloc(fh->ents, cap * sizeof *ne);
				if (!ne) { r = -ENOMEM; goto out; }
				fh->ents = ne;
			}
			if (nlen + l > ncap) {
				ncap = (ncap + l) * 2;
				char *nn = realloc(fh->names, ncap);
				if (!nn) { r = -ENOMEM; goto out; }
				fh->names = nn;
			}
			memcpy(fh->names + nlen, nm, l);
			fh->ents[fh->nents].name = nlen;
			fh->ents[fh->nents].len = (uint16_t)l;
			fh->nents++;
			nlen += l;
		}
	}
out:
	close(fd);
	if (r == 0 && fh->nents > 1) {
		sort_names = fh->names;
		qsort(fh->ents, fh->nents, sizeof *fh->ents, ent_cmp);
	}
	return r;
}

static long read_link(int fd, char **out, size_t *olen)
{
	char *buf = malloc(FS_PATH_MAX + 1);
	if (!buf)
		return -ENOMEM;
	ssize_t n = readlinkat(fd, "", buf, FS_PATH_MAX + 1);
	if (n < 0) {
		long r = rx_errno();
		free(buf);
		return r;
	}
	if (n > FS_PATH_MAX)
		n = FS_PATH_MAX;  /* redoxfs reads a link into a 4096-byte buffer */
	*out = buf;
	*olen = (size_t)n;
	return 0;
}

/* O_TRUNC on a handle that cannot write (redoxfs truncates whatever the access
 * mode): a second, writable open of the same name, checked to be the same file. */
static long trunc_by_name(int pfd, const char *name, const struct stat *st)
{
	int w = openat(pfd, name, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (w < 0)
		return rx_errno();
	struct stat ws;
	long r = 0;
	if (fstat(w, &ws) < 0)
		r = rx_errno();
	else if (ws.st_dev != st->st_dev || ws.st_ino != st->st_ino)
		r = -EAGAIN;
	else if (ftruncate(w, 0) < 0)
		r = rx_errno();
	close(w);
	return r;
}

/* chmod through any fd, O_PATH ones included (relibc chmod opens O_PATH). */
static long host_fchmod(int fd, mode_t m)
{
	if (syscall(SYS_fchmodat2, fd, "", m, AT_EMPTY_PATH) == 0)
		return 0;
	if (errno != ENOSYS)
		return rx_errno();
	if (fchmod(fd, m) == 0)
		return 0;
	if (errno != EBADF)
		return rx_errno();
	char proc[64];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	return chmod(proc, m) < 0 ? rx_errno() : 0;
}

static int host_acc(uint64_t acc)
{
	return acc == RR_O_RDWR ? O_RDWR : acc == RR_O_WRONLY ? O_WRONLY : O_RDONLY;
}

struct open_req {
	uint64_t flags;
	uint64_t acc;
	bool path_only;  /* O_PATH, or no access mode at all */
};

/* One resolution step for canonical P: 0 with *out set, FS_FOLLOW with *next
 * set to the symlink's destination, or -errno. */
static long open_once(struct rr_fs *fs, const struct open_req *q, const char *p, size_t plen,
		      struct rr_fh **out, char **next, size_t *nlen)
{
	const uint64_t f = q->flags;
	const char *name = ".";
	int pfd = fs->root;
	if (plen) {
		long r = open_parent(fs, p, plen, &name);
		if (r < 0)
			return r;
		pfd = (int)r;
	}
	long res = -EAGAIN;
	int fd = -1;
	bool created = false;
	struct stat st;
	struct rr_fh *fh = NULL;

	for (int tries = 0; tries < FS_RETRIES; tries++) {
		int hf = q->path_only || (f & RR_O_SYMLINK) ? O_PATH
			: host_acc(q->acc) | O_NONBLOCK | O_NOCTTY;
		fd = openat(pfd, name, hf | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0 && errno == ELOOP)
			fd = openat(pfd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0 && errno == EISDIR) {
			/* a directory asked for writing (redoxfs: EEXIST before EISDIR) */
			res = (f & (RR_O_CREAT | RR_O_EXCL)) == (RR_O_CREAT | RR_O_EXCL) ? -EEXIST : -EISDIR;
			goto done;
		}
		if (fd < 0 && errno == ENOENT) {
			if (!(f & RR_O_CREAT)) {
				res = -ENOENT;
				goto done;
			}
			mode_t mode = (mode_t)(f & 07777);
			if (f & RR_O_DIRECTORY) {
				if (mkdirat(pfd, name, 0700) < 0) {
					if (errno == EEXIST && !(f & RR_O_EXCL))
						continue;
					res = rx_errno();
					goto done;
				}
				/* redoxfs hands out the new directory whatever the access mode */
				fd = openat(pfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
				if (fd < 0) {
					res = rx_errno();
					goto done;
				}
				created = true;
			} else if (f & RR_O_SYMLINK) {
				/* relibc symlinkat: O_CREAT|O_WRONLY|O_SYMLINK, then one write of
				 * the target; the link is made by that write (see fh_write). */
				fh = calloc(1, sizeof *fh);
				if (!fh) { res = -ENOMEM; goto done; }
				fh->kind = FH_LINK;
				fh->fd = -1;
				res = 0;
				goto made;
			} else {
				int af = q->path_only ? O_RDONLY : host_acc(q->acc);
				fd = openat(pfd, name, af | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
				if (fd < 0) {
					if (errno == EEXIST && !(f & RR_O_EXCL))
						continue;
					res = rx_errno();
					goto done;
				}
				if (fchmod(fd, mode) < 0) {
					res = rx_errno();
					goto done;
				}
				created = true;
			}
		}
		if (fd < 0) {
			if (errno == EAGAIN || errno == EINTR)
				continue;
			res = rx_errno();
			goto done;
		}
		if (fstat(fd, &st) < 0) {
			res = rx_errno();
			goto done;
		}
		if (!created && (f & (RR_O_CREAT | RR_O_EXCL)) == (RR_O_CREAT | RR_O_EXCL)) {
			res = -EEXIST;
			goto done;
		}
		res = 0;
		break;
	}
	if (res)
		goto done;

	if (S_ISLNK(st.st_mode)) {
		char *t;
		size_t tl;
		res = read_link(fd, &t, &tl);
		if (res)
			goto done;
		/* redoxfs open_internal: the link itself for O_SYMLINK or O_STAT|O_NOFOLLOW */
		if ((f & RR_O_SYMLINK) || ((f & RR_O_PATH) && (f & RR_O_NOFOLLOW))) {
			fh = calloc(1, sizeof *fh);
			if (!fh) { free(t); res = -ENOMEM; goto done; }
			fh->kind = FH_LINK;
			fh->fd = fd;
			fd = -1;
			if ((f & RR_O_TRUNC) && (q->acc & RR_O_WRONLY))
				tl = 0;
			fh->link = t;
			fh->linklen = tl;
			goto made;
		}
		res = link_target(p, plen, t, tl, next, nlen);
		free(t);
		if (res == 0)
			res = FS_FOLLOW;
		goto done;
	}
	if ((f & RR_O_SYMLINK) && !S_ISDIR(st.st_mode)) {
		res = -EINVAL;  /* redoxfs: O_SYMLINK on what is not a symlink (a directory opens) */
		goto done;
	}
	fh = calloc(1, sizeof *fh);
	if (!fh) { res = -ENOMEM; goto done; }
	fh->fd = fd;
	fd = -1;
	if (S_ISDIR(st.st_mode)) {
		fh->is_dir = true;
		if (!q->path_only && q->acc == RR_O_RDONLY) {
			fh->kind = FH_DIR;
			res = take_listing(fh);
			if (res)
				goto done;
		} else if ((q->acc & RR_O_WRONLY) && !created) {
			res = -EISDIR;
			goto done;
		} else
			fh->kind = FH_PATH;
		if (created && (res = host_fchmod(fh->fd, (mode_t)(f & 07777))))
			goto done;
	} else {
		if (f & RR_O_DIRECTORY) {
			res = -ENOTDIR;
			goto done;
		}
		fh->kind = q->path_only ? FH_PATH : FH_FILE;
		fh->seekable = S_ISREG(st.st_mode) || S_ISBLK(st.st_mode);
		if (fh->kind == FH_FILE && !S_ISREG(st.st_mode) && !(f & RR_O_NONBLOCK)) {
			int fl = fcntl(fh->fd, F_GETFL);
			if (fl < 0 || fcntl(fh->fd, F_SETFL, fl & ~O_NONBLOCK) < 0) {
				res = rx_errno();
				goto done;
			}
		}
		if ((f & RR_O_TRUNC) && S_ISREG(st.st_mode) && !created && st.st_size) {
			res = fh->kind == FH_FILE && (q->acc & RR_O_WRONLY)
				? (ftruncate(fh->fd, 0) < 0 ? rx_errno() : 0)
				: trunc_by_name(pfd, name, &st);
			if (res)
				goto done;
		}
	}
made:
	fh->refs = 1;
	fh->path_only = q->path_only;
	fh->fs = fs;
	fh->path = malloc(plen + 1);
	if (!fh->path) {
		res = -ENOMEM;
		goto done;
	}
	memcpy(fh->path, p, plen + 1);
	fh->plen = plen;
	*out = fh;
	fh = NULL;
	res = 0;
done:
	if (fh)
		fh_free(fh);
	if (fd >= 0)
		close(fd);
	if (pfd != fs->root)
		close(pfd);
	return res;
}

int rr_fs_init(struct rr_fs **out, const char *dir, char *err, size_t errlen)
{
	*out = NULL;
	int fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "--root %s: %s; give an existing directory", dir, strerror(errno));
		return -1;
	}
	struct open_how how = { .flags = O_PATH | O_CLOEXEC, .resolve = RESOLVE_IN_ROOT };
	long t = syscall(SYS_openat2, fd, ".", &how, sizeof how);
	if (t < 0) {
		snprintf(err, errlen, "--root %s: the host kernel has no openat2 (%s); "
			 "redox-run needs Linux 5.6 or later", dir, strerror(errno));
		close(fd);
		return -1;
	}
	close((int)t);
	struct rr_fs *fs = malloc(sizeof *fs);
	if (!fs) {
		snprintf(err, errlen, "--root %s: out of memory", dir);
		close(fd);
		return -1;
	}
	*fs = (struct rr_fs){ .root = fd };
	*out = fs;
	return 0;
}

void rr_fs_free(struct rr_fs *fs)
{
	if (!fs)
		return;
	close(fs->root);
	free(fs->lm);
	free(fs);
}

long rr_fs_openat(struct rr_fs *fs, const struct rr_fh *dir, const char *path, size_t len,
		  uint64_t flags, uint64_t fcntl_flags, struct rr_fh **out)
{
	char *p;
	size_t plen;
	long r = guest_path(dir, path, len, &p, &plen);
	if (r)
		return r;
	struct open_req q = {
		.flags = flags,
		.acc = flags & RR_O_ACCMODE,
	};
	q.path_only = (flags & RR_O_PATH) || q.acc == 0;
	for (int hop = 0;; hop++) {
		char *next;
		size_t nlen;
		if (hop > FS_SYMLOOP) {
			r = -ELOOP;
			break;
		}
		r = open_once(fs, &q, p, plen, out, &next, &nlen);
		if (r != FS_FOLLOW)
			break;
		free(p);
		p = next;
		plen = nlen;
		/* redoxfs resolve_symlink: a link's destination must exist; O_CREAT
		 * never creates through a link */
		q.flags &= ~RR_O_CREAT;
	}
	free(p);
	if (r == 0)
		(*out)->flags = (uint32_t)(flags | (fcntl_flags & RR_O_FCNTL_MASK));
	return r;
}

long rr_fs_dup(struct rr_fh *fh, struct rr_fh **out)
{
	if (fh->refs == UINT_MAX)
		return -EMFILE;
	fh->refs++;
	*out = fh;
	return 0;
}

void rr_fs_close(struct rr_fh *fh)
{
	if (fh && --fh->refs == 0)
		fh_free(fh);
}

static bool can_read(const struct rr_fh *fh)
{
	uint64_t a = fh->flags & RR_O_ACCMODE;
	return a == RR_O_RDONLY || a == RR_O_RDWR;
}

static bool can_write(const struct rr_fh *fh)
{
	return (fh->flags & RR_O_WRONLY) != 0;
}

static long fh_read(struct rr_fh *fh, void *buf, size_t len, uint64_t off)
{
	if (fh->is_dir)
		return -EISDIR;  /* redoxfs DirResource::read */
	if (fh->path_only || !can_read(fh))
		return -EBADF;
	if (len > FS_IO_MAX)
		len = FS_IO_MAX;
	if (fh->kind == FH_LINK) {
		if (off >= fh->linklen)
			return 0;
		size_t n = fh->linklen - off < len ? fh->linklen - off : len;
		memcpy(buf, fh->link + off, n);
		return (long)n;
	}
	if (!fh->seekable) {
		ssize_t n = read(fh->fd, buf, len);
		return n < 0 ? rx_errno() : n;
	}
	if (off >= INT64_MAX)
		return 0;
	if (len > INT64_MAX - off)
		len = INT64_MAX - off;
	ssize_t n = pread(fh->fd, buf, len, (off_t)off);
	return n < 0 ? rx_errno() : n;
}

/* Replace the symlink FH names with CONTENT (its new target). */
static long link_store(struct rr_fh *fh, const char *content, size_t n)
{
	const char *name;
	long r = fh->plen ? open_parent(fh->fs, fh->path, fh->plen, &name) : -EPERM;
	if (r < 0)
		return r;
	int pfd = (int)r;
	char *c = malloc(n + 1);
	if (!c) {
		close(pfd);
		return -ENOMEM;
	}
	memcpy(c, content, n);
	c[n] = 0;
	r = 0;
	if (fh->fd < 0) {
		if (symlinkat(c, pfd, name) < 0)
			r = rx_errno();
	} else {
		static unsigned counter;
		char tmp[64];
		int tries = 0;
		for (;;) {
			snprintf(tmp, sizeof tmp, ".rr-link-%ld-%u", (long)getpid(), counter++);
			if (symlinkat(c, pfd, tmp) == 0)
				break;
			if (errno != EEXIST || ++tries == FS_RETRIES) {
				r = rx_errno();
				break;
			}
		}
		if (r == 0 && renameat(pfd, tmp, pfd, name) < 0) {
			r = rx_errno();
			unlinkat(pfd, tmp, 0);
		}
	}
	if (r == 0) {
		int nfd = openat(pfd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
		struct stat os, ns;
		if (nfd < 0)
			r = rx_errno();
		else {
			/* the link's mode: its creation mode (redoxfs create_node with
			 * flags & MODE_PERM), or the mode of the link it replaces */
			uint16_t mode = (uint16_t)(fh->flags & 07777);
			if (fh->fd >= 0 && fstat(fh->fd, &os) == 0) {
				struct link_mode *m = lm_find(fh->fs, os.st_dev, os.st_ino);
				mode = m ? m->mode : 0777;
				if (m)
					lm_forget(fh->fs, os.st_dev, os.st_ino);
			}
			if (fstat(nfd, &ns) == 0)
				r = lm_set(fh->fs, ns.st_dev, ns.st_ino, mode);
			if (fh->fd >= 0)
				close(fh->fd);
			fh->fd = nfd;
		}
	}
	free(c);
	close(pfd);
	return r;
}

/* A write into a symlink opened O_SYMLINK: redoxfs writes the link's content
 * like a file's, at the offset (so writing over an existing link keeps its
 * tail). A host link cannot hold NUL or be empty. */
static long link_write(struct rr_fh *fh, const void *buf, size_t len, uint64_t off)
{
	if (len == 0)
		return 0;
	if (off > FS_PATH_MAX - 1 || len > FS_PATH_MAX - 1 - off)
		return -ENAMETOOLONG;
	if (memchr(buf, 0, len) || off > fh->linklen)
		return -EINVAL;
	size_t nl = off + len > fh->linklen ? off + len : fh->linklen;
	char *c = malloc(nl);
	if (!c)
		return -ENOMEM;
	if (fh->linklen)
		memcpy(c, fh->link, fh->linklen);
	memcpy(c + off, buf, len);
	long r = link_store(fh, c, nl);
	if (r) {
		free(c);
		return r;
	}
	free(fh->link);
	fh->link = c;
	fh->linklen = nl;
	return (long)len;
}

static long fh_write(struct rr_fh *fh, const void *buf, size_t len, uint64_t off)
{
	if (fh->is_dir || fh->path_only || !can_write(fh))
		return -EBADF;  /* redoxfs: DirResource::write, FileResource access mode */
	if (len > FS_IO_MAX)
		len = FS_IO_MAX;
	if (fh->kind == FH_LINK)
		return link_write(fh, buf, len, off);
	if (!fh->seekable) {
		ssize_t n = write(fh->fd, buf, len);
		return n < 0 ? rx_errno() : n;
	}
	if (fh->flags & RR_O_APPEND) {
		struct stat st;
		if (fstat(fh->fd, &st) < 0)
			return rx_errno();
		off = (uint64_t)st.st_size;  /* redoxfs FileResource::write: the node's size */
	}
	if (off > INT64_MAX || len > INT64_MAX - off)
		return -EFBIG;
	ssize_t n = pwrite(fh->fd, buf, len, (off_t)off);
	return n < 0 ? rx_errno() : n;
}

/* The kernel keeps the offset and adds what read/write returned, also after
 * an O_APPEND write (sys_read/sys_write, kernel 6abd1be6). */
static void advance(struct rr_fh *fh, long n)
{
	if (n > 0)
		fh->off = fh->off > UINT64_MAX - (uint64_t)n ? UINT64_MAX : fh->off + (uint64_t)n;
}

long rr_fs_read(struct rr_fh *fh, void *buf, size_t len)
{
	long n = fh_read(fh, buf, len, fh->off);
	advance(fh, n);
	return n;
}

long rr_fs_write(struct rr_fh *fh, const void *buf, size_t len)
{
	long n = fh_write(fh, buf, len, fh->off);
	advance(fh, n);
	return n;
}

long rr_fs_pread(struct rr_fh *fh, void *buf, size_t len, uint64_t off)
{
	return fh_read(fh, buf, len, off);
}

long rr_fs_pwrite(struct rr_fh *fh, const void *buf, size_t len, uint64_t off)
{
	return fh_write(fh, buf, len, off);
}

/* The scheme's fsize: a directory's entry count (redoxfs DirResource), a link's length. */
static long fsize(struct rr_fh *fh, uint64_t *size)
{
	if (fh->kind == FH_DIR) {
		*size = fh->nents;
		return 0;
	}
	if (fh->is_dir)
		return -EBADF;
	if (fh->kind == FH_LINK) {
		*size = fh->linklen;
		return 0;
	}
	struct stat st;
	if (fstat(fh->fd, &st) < 0)
		return rx_errno();
	*size = (uint64_t)st.st_size;
	return 0;
}

long rr_fs_lseek(struct rr_fh *fh, int64_t off, int whence)
{
	__int128 base;
	if (whence == 0)
		base = 0;
	else if (whence == 1)
		base = fh->off;
	else if (whence == 2) {
		uint64_t s;
		long r = fsize(fh, &s);
		if (r)
			return r;
		base = s;
	} else
		return -EINVAL;
	__int128 v = base + off;
	if (v > INT64_MAX)
		return -EOVERFLOW;
	if (v < 0)
		return -EINVAL;
	fh->off = (uint64_t)v;
	return (long)v;
}

static void put16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

static long host_stat(struct rr_fh *fh, struct stat *st)
{
	if (fh->fd < 0)
		return -ENOENT;  /* a symlink not written yet */
	return fstat(fh->fd, st) < 0 ? rx_errno() : 0;
}

long rr_fs_fstat(struct rr_fh *fh, uint8_t out[RR_STAT_SIZE])
{
	struct stat st;
	long r = host_stat(fh, &st);
	if (r)
		return r;
	if (S_ISLNK(st.st_mode)) {
		struct link_mode *m = lm_find(fh->fs, st.st_dev, st.st_ino);
		if (m)
			st.st_mode = S_IFLNK | m->mode;
	}
	memset(out, 0, RR_STAT_SIZE);
	put64(out + 0, (uint64_t)st.st_dev);
	put64(out + 8, (uint64_t)st.st_ino);
	put16(out + 16, (uint16_t)st.st_mode);
	put32(out + 20, (uint32_t)st.st_nlink);
	put32(out + 24, (uint32_t)st.st_uid);
	put32(out + 28, (uint32_t)st.st_gid);
	put64(out + 32, (uint64_t)st.st_size);
	put32(out + 40, (uint32_t)st.st_blksize);
	put64(out + 48, (uint64_t)st.st_blocks);
	put64(out + 56, (uint64_t)st.st_mtim.tv_sec);
	put32(out + 64, (uint32_t)st.st_mtim.tv_nsec);
	put64(out + 72, (uint64_t)st.st_atim.tv_sec);
	put32(out + 80, (uint32_t)st.st_atim.tv_nsec);
	put64(out + 88, (uint64_t)st.st_ctim.tv_sec);
	put32(out + 96, (uint32_t)st.st_ctim.tv_nsec);
	return 0;
}

/* DirentKind (redox_syscall 0.9.1 dirent.rs) from a host mode; a fifo has none. */
static uint8_t dirent_kind(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFREG: return 8;
	case S_IFDIR: return 4;
	case S_IFLNK: return 10;
	case S_IFCHR: return 2;
	case S_IFBLK: return 6;
	case S_IFSOCK: return 12;
	default: return 0;
	}
}

long rr_fs_getdents(struct rr_fh *fh, uint64_t opaque, uint8_t *buf, size_t len)
{
	if (fh->kind != FH_DIR)
		return fh->is_dir ? -EBADF : -ENOTDIR;
	size_t written = 0;
	for (uint64_t i = opaque; i < fh->nents; i++) {
		const struct ent *e = &fh->ents[i];
		char name[256];
		memcpy(name, fh->names + e->name, e->len);
		name[e->len] = 0;
		struct stat st;
		/* redoxfs getdents: entries gone since the listing are skipped, the
		 * others reported with their current inode and kind */
		if (fstatat(fh->fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			if (errno == ENOENT)
				continue;
			return rx_errno();
		}
		/* DirentBuf::entry: header + name + NUL, rounded up to 8 bytes */
		size_t rec = (RR_DIRENT_HEADER_SIZE + e->len + 1 + 7) & ~(size_t)7;
		if (rec > len - written) {
			if (written == 0)
				return -EINVAL;
			break;
		}
		uint8_t *r = buf + written;
		put64(r, (uint64_t)st.st_ino);
		put64(r + 8, i + 1);
		put16(r + 16, (uint16_t)rec);
		r[18] = dirent_kind(st.st_mode);
		memcpy(r + 19, name, e->len);
		memset(r + 19 + e->len, 0, rec - 19 - e->len);
		written += rec;
	}
	return (long)written;
}

long rr_fs_fpath(struct rr_fh *fh, char *buf, size_t len)
{
	static const char pre[] = "/scheme/file";
	size_t n = 0;
	for (size_t i = 0; i < sizeof pre - 1 && n < len; i++)
		buf[n++] = pre[i];
	if (fh->plen) {
		if (n < len)
			buf[n++] = '/';
		for (size_t i = 0; i < fh->plen && n < len; i++)
			buf[n++] = fh->path[i];
	}
	return (long)n;
}

long rr_fs_unlinkat(struct rr_fs *fs, const struct rr_fh *dir, const char *path, size_t len,
		    uint64_t flags)
{
	char *p;
	size_t plen;
	long r = guest_path(dir, path, len, &p, &plen);
	if (r)
		return r;
	if (plen == 0) {
		free(p);
		return -EPERM;  /* redoxfs unlink_internal: the root has no parent */
	}
	const char *name;
	r = open_parent(fs, p, plen, &name);
	if (r >= 0) {
		int pfd = (int)r;
		struct stat st;
		bool link = fstatat(pfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
		r = unlinkat(pfd, name, (flags & RR_AT_REMOVEDIR) ? AT_REMOVEDIR : 0) < 0 ? rx_errno() : 0;
		if (r == 0 && link && st.st_nlink == 1)
			lm_forget(fs, st.st_dev, st.st_ino);
		close(pfd);
	}
	free(p);
	return r;
}

/* frename and flink (redoxfs: the same checks, then rename_node / link_node;
 * both set the handle's path to the new one). */
static long move(struct rr_fs *fs, struct rr_fh *fh, const char *newpath, size_t len, bool link)
{
	char *np;
	size_t nplen;
	long r = target_path(newpath, len, &np, &nplen);
	if (r)
		return r;
	const char *oname, *nname;
	int spfd = -1, dpfd = -1;
	struct stat src, cur, dst;
	if (fh->plen == 0 || nplen == 0) {
		r = -EPERM;  /* redoxfs: an empty old or new name */
		goto out;
	}
	if ((r = host_stat(fh, &src)))
		goto out;
	if ((r = open_parent(fs, fh->path, fh->plen, &oname)) < 0)
		goto out;
	spfd = (int)r;
	if (fstatat(spfd, oname, &cur, AT_SYMLINK_NOFOLLOW) < 0) {
		r = rx_errno();
		goto out;
	}
	if (cur.st_dev != src.st_dev || cur.st_ino != src.st_ino) {
		r = -ENOENT;  /* the name no longer holds this file */
		goto out;
	}
	if ((r = open_parent(fs, np, nplen, &nname)) < 0)
		goto out;
	dpfd = (int)r;
	if (fstatat(dpfd, nname, &dst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(dst.st_mode) &&
	    !S_ISDIR(src.st_mode)) {
		r = -EACCES;  /* redoxfs frename: "orig_node is file, new is dir" */
		goto out;
	}
	if (link ? linkat(spfd, oname, dpfd, nname, 0) : renameat(spfd, oname, dpfd, nname)) {
		r = rx_errno();
		goto out;
	}
	free(fh->path);
	fh->path = np;
	fh->plen = nplen;
	np = NULL;
	r = 0;
out:
	if (spfd >= 0)
		close(spfd);
	if (dpfd >= 0)
		close(dpfd);
	free(np);
	return r;
}

long rr_fs_frename(struct rr_fs *fs, struct rr_fh *fh, const char *newpath, size_t len)
{
	return move(fs, fh, newpath, len, false);
}

long rr_fs_flink(struct rr_fs *fs, struct rr_fh *fh, const char *newpath, size_t len)
{
	return move(fs, fh, newpath, len, true);
}

long rr_fs_fstatvfs(struct rr_fh *fh, uint8_t out[RR_STATVFS_SIZE])
{
	struct statvfs sv;
	int fd = fh->fd >= 0 ? fh->fd : fh->fs->root;
	if (fstatvfs(fd, &sv) < 0)
		return rx_errno();
	unsigned long bs = sv.f_bsize ? sv.f_bsize : 1;
	unsigned long fr = sv.f_frsize ? sv.f_frsize : bs;
	memset(out, 0, RR_STATVFS_SIZE);
	put32(out + 0, bs > UINT32_MAX ? UINT32_MAX : (uint32_t)bs);
	put64(out + 8, (uint64_t)((unsigned __int128)sv.f_blocks * fr / bs));
	put64(out + 16, (uint64_t)((unsigned __int128)sv.f_bfree * fr / bs));
	put64(out + 24, (uint64_t)((unsigned __int128)sv.f_bavail * fr / bs));
	return 0;
}

long rr_fs_ftruncate(struct rr_fh *fh, uint64_t len)
{
	if (fh->kind != FH_FILE || !can_write(fh))
		return -EBADF;  /* redoxfs truncate: a writable FileResource only */
	if (len > INT64_MAX)
		return -EINVAL;
	return ftruncate(fh->fd, (off_t)len) < 0 ? rx_errno() : 0;
}

long rr_fs_fsync(struct rr_fh *fh)
{
	if (fh->kind == FH_PATH || fh->kind == FH_LINK)
		return 0;
	return fsync(fh->fd) < 0 ? rx_errno() : 0;
}

long rr_fs_futimens(struct rr_fh *fh, const int64_t sec[2], const int32_t nsec[2])
{
	if (fh->fd < 0)
		return -ENOENT;
	struct timespec ts[2];
	for (int i = 0; i < 2; i++) {
		ts[i].tv_sec = (time_t)sec[i];
		ts[i].tv_nsec = nsec[i];  /* RR_UTIME_NOW/OMIT are Linux's UTIME_NOW/OMIT */
	}
	int fl = AT_EMPTY_PATH | (fh->kind == FH_LINK ? AT_SYMLINK_NOFOLLOW : 0);
	return utimensat(fh->fd, "", ts, fl) < 0 ? rx_errno() : 0;
}

long rr_fs_fchmod(struct rr_fh *fh, uint16_t mode)
{
	if (fh->fd < 0)
		return -ENOENT;
	if (fh->kind == FH_LINK) {
		struct stat st;
		if (fstat(fh->fd, &st) < 0)
			return rx_errno();
		return lm_set(fh->fs, st.st_dev, st.st_ino, mode);  /* see struct link_mode */
	}
	return host_fchmod(fh->fd, mode & 07777);  /* redoxfs fchmod: the type kept, MODE_PERM set */
}

uint64_t rr_fs_getfl(const struct rr_fh *fh)
{
	return fh->flags;
}

long rr_fs_setfl(struct rr_fh *fh, uint64_t fcntl_flags)
{
	/* kernel 6abd1be6 fcntl F_SETFL and redoxfs FileResource::fcntl */
	fh->flags = (uint32_t)((fh->flags & RR_O_ACCMODE) | (fcntl_flags & ~RR_O_ACCMODE));
	return 0;
}

int rr_fs_is_dir(const struct rr_fh *fh)
{
	return fh->is_dir;
}

long rr_fs_errno(int host_errno)
{
	return rx(host_errno);
}
