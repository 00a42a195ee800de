// SPDX-License-Identifier: MIT
/*
 * /scheme/shm: named shared memory objects, as redox-os/base's ipcd serves
 * them (ipcd/src/shm.rs, read at 5ff1ce42; docs/redox-run-schemes.md §8).
 * A name is only a key: "..", "/" and any other byte sequence name an
 * object in this table, never a host path. Each object's bytes live in a
 * host memfd, so every MAP_SHARED mapping of it (vm.c rr_vm_map_shared)
 * sees the same pages.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sys.h"

/* redox-run's limits: objects at once, bytes of all objects together. */
#define RR_SHM_MAX_OBJECTS 1024
#define RR_SHM_MAX_BYTES RR_VM_MAX_BYTES

struct rr_shm {
	char *name;
	int memfd;
	uint64_t len;       /* ipcd MmapGuard.len: the size, not rounded */
	uint64_t cap;       /* bytes the memfd holds (pages) */
	unsigned refs;      /* open handles (ipcd ShmHandle.refs) */
	int unlinked;
};

static struct rr_shm *objs[RR_SHM_MAX_OBJECTS];
static uint64_t total;     /* bytes all objects hold: at most RR_SHM_MAX_BYTES */

static struct rr_shm *find(const char *name, size_t *slot)
{
	for (size_t i = 0; i < RR_SHM_MAX_OBJECTS; i++)
		if (objs[i] && !strcmp(objs[i]->name, name)) {
			if (slot)
				*slot = i;
			return objs[i];
		}
	return NULL;
}

static void drop(struct rr_shm *s)
{
	for (size_t i = 0; i < RR_SHM_MAX_OBJECTS; i++)
		if (objs[i] == s)
			objs[i] = NULL;
	total -= s->cap;
	close(s->memfd);
	free(s->name);
	free(s);
}

/* ipcd openat on the scheme root: O_CREAT makes a missing object (else
 * ENOENT), O_CREAT|O_EXCL on an existing one is EEXIST. O_DIRECTORY handles
 * ("name.sub" objects) are not emulated. */
uint64_t rr_shm_open(struct rr *rr, const char *name, uint64_t flags, struct rr_file **out)
{
	if (flags & RR_O_DIRECTORY)
		return rr_not_emulated(rr, "an O_DIRECTORY handle of /scheme/shm",
				       "ipcd's name.sub directories");
	struct rr_shm *s = find(name, NULL);
	if (s && (flags & RR_O_CREAT) && (flags & RR_O_EXCL))
		return ERR(EEXIST);
	if (!s) {
		if (!(flags & RR_O_CREAT))
			return ERR(ENOENT);
		size_t i = 0;
		while (i < RR_SHM_MAX_OBJECTS && objs[i])
			i++;
		if (i == RR_SHM_MAX_OBJECTS)
			return rr_not_emulated(rr, "more than 1024 shared memory objects",
					       "a limit of redox-run");
		if (!(s = calloc(1, sizeof *s)) || !(s->name = strdup(name))) {
			free(s);
			return ERR(ENOMEM);
		}
		/* memfd_create(2) with MFD_CLOEXEC (1); <sys/mman.h> would clash
		 * with the Redox MAP_* names of sys.h. */
		if ((s->memfd = (int)syscall(SYS_memfd_create, "redox-run-shm", 1u)) < 0) {
			free(s->name);
			free(s);
			return ERR(ENOMEM);
		}
		objs[i] = s;
	}
	if (!(*out = rr_file_new(RR_K_SHM, flags))) {
		if (!s->refs && !s->unlinked && !s->len)
			drop(s);
		return ERR(ENOMEM);
	}
	s->refs++;
	(*out)->shm = s;
	return 0;
}

/* ipcd on_close: the last handle of an unlinked object frees it. */
void rr_shm_release(struct rr_file *f)
{
	struct rr_shm *s = f->shm;
	f->shm = NULL;
	if (!--s->refs && s->unlinked)
		drop(s);
}

/* ipcd unlinkat: AT_REMOVEDIR (0x200) is ENOTDIR, a missing name ENOENT;
 * the object goes when no handle is left. */
uint64_t rr_shm_unlink(const char *name, uint64_t flags)
{
	if (flags & 0x200)
		return ERR(ENOTDIR);
	struct rr_shm *s = find(name, NULL);
	if (!s)
		return ERR(ENOENT);
	s->unlinked = 1;
	if (!s->refs)
		drop(s);
	return 0;
}

/* ipcd MmapGuard::grow_to: within the pages it has, only the size changes
 * (the bytes past it stay: ipcd's FIXME); beyond, it grows by whole pages. */
uint64_t rr_shm_truncate(struct rr_file *f, uint64_t len)
{
	struct rr_shm *s = f->shm;
	if (len > RR_SHM_MAX_BYTES)
		return ERR(ENOMEM);
	uint64_t cap = rr_page_up(len);
	if (cap > s->cap) {
		if (cap - s->cap > RR_SHM_MAX_BYTES - total || ftruncate(s->memfd, (off_t)cap) < 0)
			return ERR(ENOMEM);
		total += cap - s->cap;
		s->cap = cap;
	}
	s->len = len;
	return 0;
}

/* ipcd read/write at the description's offset (POSITIONED), or at AT for
 * pread/pwrite: a read past the size is 0; a write grows the object first. */
uint64_t rr_shm_io(struct rr *rr, struct rr_file *f, uint64_t buf, uint64_t len, int64_t at, int wr)
{
	struct rr_shm *s = f->shm;
	uint64_t off = at < 0 ? f->off : (uint64_t)at, done = 0;
	if (wr) {
		if (off + len < off)
			return ERR(ERANGE);
		if (off + len > s->len) {
			uint64_t e = rr_shm_truncate(f, off + len);
			if (e)
				return e;
		}
	} else {
		if (off >= s->len)
			return 0;
		if (len > s->len - off)
			len = s->len - off;
	}
	if (!rr_vm_check(rr, buf, len, wr ? RR_PROT_R : RR_PROT_W))
		return ERR(EFAULT);
	static uint8_t tmp[65536];
	while (done < len) {
		size_t n = len - done < sizeof tmp ? (size_t)(len - done) : sizeof tmp;
		ssize_t r;
		if (wr) {
			if (rr_guest_read(rr, buf + done, tmp, n))
				return ERR(EFAULT);
			r = pwrite(s->memfd, tmp, n, (off_t)(off + done));
		} else {
			r = pread(s->memfd, tmp, n, (off_t)(off + done));
			if (r > 0 && rr_guest_write(rr, buf + done, tmp, (uint64_t)r))
				return ERR(EFAULT);
		}
		if (r <= 0)
			return done ? done : ERR(EIO);
		done += (uint64_t)r;
	}
	if (at < 0)
		f->off += done;
	return done;
}

uint64_t rr_shm_size(const struct rr_file *f)
{
	return f->shm->len;
}

long rr_shm_fpath(const struct rr_file *f, char *buf, size_t len)
{
	/* ipcd fpath: FpathWriter "shm" + the name. */
	return snprintf(buf, len, "/scheme/shm/%s", f->shm->name);
}

/* ipcd mmap_prep: offset + size past the size rounded up to pages is
 * ERANGE; the mapping then shares the object's pages. */
uint64_t rr_shm_map(struct rr *rr, struct rr_file *f, uint64_t addr, uint64_t size,
		    uint64_t off, unsigned prot)
{
	struct rr_shm *s = f->shm;
	if (off + size < off || off + size > rr_page_up(s->len))
		return ERR(ERANGE);
	if (off & 4095)
		return ERR(EINVAL);
	int r = rr_vm_map_shared(rr, addr, size, prot, s->memfd, off);
	return r ? ERR(-r) : 0;
}
