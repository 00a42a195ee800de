/* SPDX-License-Identifier: MIT */
/*
 * LD_PRELOAD shim for check-redox-run-hostile (issue 14): makes "the file
 * shrinks while it is read" happen deterministically. The shared reader
 * (tools/common/redox-load.c) reads a file's first bytes, then everything
 * its headers name, each read starting at offset 0. Just before the second
 * pread at offset 0 of the file named by RR_SHRINK_PATH, this truncates that
 * file to RR_SHRINK_TO bytes, as a concurrent writer could.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static int starts;

static ssize_t shrinking_pread(int fd, void *buf, size_t n, off_t off)
{
	static ssize_t (*real)(int, void *, size_t, off_t);
	if (!real)
		real = (ssize_t (*)(int, void *, size_t, off_t))dlsym(RTLD_NEXT, "pread");
	const char *path = getenv("RR_SHRINK_PATH"), *to = getenv("RR_SHRINK_TO");
	struct stat a, b;
	if (off == 0 && path && to && fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino && ++starts == 2)
		if (truncate(path, (off_t)strtoull(to, NULL, 10)) != 0)
			_exit(99);
	return real(fd, buf, n, off);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return shrinking_pread(fd, buf, n, off);
}

ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
	return shrinking_pread(fd, buf, n, off);
}
