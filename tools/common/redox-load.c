// SPDX-License-Identifier: MIT
#include "redox-load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int say(char *err, size_t n, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int say(char *err, size_t n, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
	return code;
}

static const char *kind(mode_t m)
{
	return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a character device" :
	       S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "not a regular file";
}

/* Reads [off, off+len) completely; 0, or -1 with errno (0 when the file
 * ended early). */
static int read_at(int fd, void *buf, size_t len, uint64_t off, size_t *got)
{
	*got = 0;
	while (*got < len) {
		ssize_t r = pread(fd, (char *)buf + *got, len - *got, (off_t)(off + *got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = 0;
			return -1;
		}
		*got += (size_t)r;
	}
	return 0;
}

static uint64_t rd(const unsigned char *p, int n)
{
	uint64_t v = 0;
	while (n--)
		v = v << 8 | p[n];
	return v;
}

/* end = max(end, min(off + size, cap)) without overflow. */
static void extend(uint64_t *end, uint64_t off, uint64_t size, uint64_t cap)
{
	uint64_t e = off >= cap || size >= cap - off ? cap : off + size;
	if (e > *end)
		*end = e;
}

/* How many leading bytes of the file the headers in h (the first hl bytes)
 * and the tables read from fd refer to, capped at size. */
static uint64_t extent(int fd, const unsigned char *h, size_t hl, uint64_t size)
{
	uint64_t end = hl;
	if (hl < 64 || h[EI_CLASS] != ELFCLASS64 || h[EI_DATA] != ELFDATA2LSB)
		return end;   /* the parsers need only the identification */
	uint64_t phoff = rd(h + 32, 8), shoff = rd(h + 40, 8);
	uint64_t phnum = rd(h + 56, 2), shnum = rd(h + 60, 2);
	unsigned char sh0[64];
	size_t got;
	if (shoff && shoff < size && read_at(fd, sh0, sizeof sh0, shoff, &got) == 0) {
		if (!shnum)
			shnum = rd(sh0 + 32, 8);     /* extended numbering */
		if (phnum == PN_XNUM)
			phnum = rd(sh0 + 44, 4);
	}
	if (phnum > size / 56)
		phnum = size / 56 + 1;
	if (shnum > size / 64)
		shnum = size / 64 + 1;
	extend(&end, phoff, phnum * 56, size);
	if (shoff)
		extend(&end, shoff, shnum * 64, size);
	/* The entries, a buffer at a time; tables past 2^20 entries are not
	 * plausible in an executable and only their extent counts. */
	static unsigned char t[1 << 16];
	for (int sec = 0; sec < 2; sec++) {
		uint64_t off = sec ? shoff : phoff, num = sec ? shnum : phnum, esz = sec ? 64 : 56;
		if (sec && !shoff)
			break;
		if (num > (1u << 20))
			num = 1u << 20;
		for (uint64_t i = 0; i < num && off < size;) {
			uint64_t k = num - i < sizeof t / esz ? num - i : sizeof t / esz;
			read_at(fd, t, (size_t)(k * esz), off + i * esz, &got);
			k = got / esz;
			if (!k)
				break;
			for (uint64_t j = 0; j < k; j++) {
				const unsigned char *e = t + j * esz;
				if (!sec)
					extend(&end, rd(e + 8, 8), rd(e + 32, 8), size);  /* p_offset, p_filesz */
				else if (rd(e + 4, 4) != SHT_NOBITS)
					extend(&end, rd(e + 24, 8), rd(e + 32, 8), size); /* sh_offset, sh_size */
			}
			i += k;
		}
	}
	return end;
}

enum rl_read_status rl_read(const char *path, struct rl_file *f, char *err, size_t n)
{
	memset(f, 0, sizeof *f);
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return say(err, n, RL_NOENT, "cannot open: %s; check the path and permissions",
			   strerror(errno));
	struct stat st;
	enum rl_read_status rc = RL_OK;
	unsigned char h[64];
	size_t hl = 0;
	if (fstat(fd, &st) < 0) {
		rc = say(err, n, RL_IOERR, "cannot stat: %s", strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		rc = say(err, n, RL_NOTREG, "%s, not a regular file; give a linked Redox executable",
			 kind(st.st_mode));
		goto out;
	}
	f->size = (uint64_t)st.st_size;
	if (read_at(fd, h, f->size < sizeof h ? (size_t)f->size : sizeof h, 0, &hl) && errno) {
		rc = say(err, n, RL_IOERR, "cannot read: %s", strerror(errno));
		goto out;
	}
	uint64_t need = hl >= SELFMAG && !memcmp(h, ELFMAG, SELFMAG) ? extent(fd, h, hl, f->size) : hl;
	if (need > RL_MAX_READ) {
		rc = say(err, n, RL_TOOBIG, "its headers refer to %llu bytes, more than the %llu a Redox executable may have; the file is corrupt",
			 (unsigned long long)need, (unsigned long long)RL_MAX_READ);
		goto out;
	}
	f->buf = malloc(need ? (size_t)need : 1);
	if (!f->buf) {
		rc = say(err, n, RL_IOERR, "out of memory reading %llu bytes", (unsigned long long)need);
		goto out;
	}
	size_t got;
	if (read_at(fd, f->buf, (size_t)need, 0, &got)) {
		if (errno)
			rc = say(err, n, RL_IOERR, "cannot read: %s", strerror(errno));
		else
			rc = say(err, n, RL_IOERR, "the file shrank while it was read (%zu of %llu bytes); let whatever writes it finish, then retry",
				 got, (unsigned long long)need);
		free(f->buf);
		f->buf = NULL;
		goto out;
	}
	f->len = (size_t)need;
out:
	close(fd);
	return rc;
}

int rl_check_loads(const Elf64_Phdr *ph, size_t n, uint64_t len, unsigned *bad,
		   char *err, size_t en)
{
	uint64_t total = 0;
	for (size_t i = 0; i < n; i++) {
		const Elf64_Phdr *p = &ph[i];
		*bad = (unsigned)i;
		if (p->p_type != PT_LOAD)
			continue;
		unsigned long long va = p->p_vaddr, mem = p->p_memsz;
		if (p->p_filesz > p->p_memsz)
			return say(err, en, RL_LOAD_FILESZ, "PT_LOAD %zu: file size 0x%llx exceeds memory size 0x%llx; the file is corrupt",
				   i, (unsigned long long)p->p_filesz, mem);
		if (p->p_offset > len || p->p_filesz > len - p->p_offset)
			return say(err, en, RL_LOAD_TRUNC, "truncated: PT_LOAD %zu data (offset 0x%llx, size 0x%llx) runs past the end of the %llu-byte file",
				   i, (unsigned long long)p->p_offset, (unsigned long long)p->p_filesz,
				   (unsigned long long)len);
		if (p->p_memsz == 0)
			continue;
		if (p->p_memsz > RR_MAX_IMAGE || (total += p->p_memsz) > RR_MAX_IMAGE)
			return say(err, en, RL_LOAD_HUGE, "PT_LOAD %zu: %llu bytes of memory requested, more than the 1 GiB limit; the file is corrupt",
				   i, mem);
		if (p->p_vaddr < RR_PAGE || p->p_vaddr > RR_STACK_BASE || p->p_memsz > RR_STACK_BASE - p->p_vaddr)
			return say(err, en, RL_LOAD_RANGE, "PT_LOAD %zu at 0x%llx+0x%llx is outside [0x1000, 0x%llx) (page 0, the stack, or past 2^64); link at the usual base (ld.lld default)",
				   i, va, mem, (unsigned long long)RR_STACK_BASE);
		for (size_t j = 0; j < i; j++) {
			const Elf64_Phdr *o = &ph[j];
			if (o->p_type == PT_LOAD && o->p_memsz && o->p_vaddr < p->p_vaddr + p->p_memsz &&
			    p->p_vaddr < o->p_vaddr + o->p_memsz)
				return say(err, en, RL_LOAD_OVERLAP, "PT_LOAD %zu (0x%llx+0x%llx) overlaps PT_LOAD %zu (0x%llx+0x%llx); the file is corrupt",
					   i, va, mem, j, (unsigned long long)o->p_vaddr,
					   (unsigned long long)o->p_memsz);
		}
	}
	*bad = 0;
	return 0;
}
