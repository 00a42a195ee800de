// SPDX-License-Identifier: MIT
// Unit tests of redox-run's --root file system (tools/redox-run/fs.h) against a
// fresh temporary tree per test. Expected values are written by hand from the
// facts in docs/redox-run-fs.md or read from the host (stat, readlink, the
// files' bytes); records are decoded by the little parsers below, not by fs.c.
#define _GNU_SOURCE
#include <check.h>
#include "../../lib/check_run.h"
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <sys/statvfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../../tools/redox-run/fs.h"

static char base[256], rootdir[300], outside[300];
static struct rr_fs *fs;

/* Host helpers on the tree (paths relative to the root unless said). */
static char *hp(const char *rel)
{
	static char b[4][1024];
	static int i;
	i = (i + 1) % 4;
	snprintf(b[i], sizeof b[i], "%s/%s", rootdir, rel);
	return b[i];
}

static void put(const char *path, const char *content)
{
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(content, f);
	fclose(f);
}

static char *slurp(const char *path)
{
	static char b[4096];
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t n = fread(b, 1, sizeof b - 1, f);
	b[n] = 0;
	fclose(f);
	return b;
}

static int rm_cb(const char *p, const struct stat *s, int t, struct FTW *w)
{
	(void)s; (void)t; (void)w;
	chmod(p, 0700);
	return remove(p);
}

static void setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(base, sizeof base, "%s/rrfs-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(base));
	snprintf(rootdir, sizeof rootdir, "%s/root", base);
	snprintf(outside, sizeof outside, "%s/outside", base);
	ck_assert_int_eq(mkdir(rootdir, 0755), 0);
	ck_assert_int_eq(mkdir(outside, 0755), 0);
	char p[400];
	snprintf(p, sizeof p, "%s/secret", outside);
	put(p, "CANARY");
	snprintf(p, sizeof p, "%s/secret", base);
	put(p, "CANARY");
	put(hp("file.txt"), "hello");
	ck_assert_int_eq(mkdir(hp("dir"), 0755), 0);
	put(hp("dir/inner"), "inner");
	char err[256];
	ck_assert_int_eq(rr_fs_init(&fs, rootdir, err, sizeof err), 0);
}

static void teardown(void)
{
	rr_fs_free(fs);
	fs = NULL;
	nftw(base, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
}

static long op(const char *path, uint64_t flags, struct rr_fh **fh)
{
	return rr_fs_openat(fs, NULL, path, strlen(path), flags, flags & RR_O_FCNTL_MASK, fh);
}

static struct rr_fh *must(const char *path, uint64_t flags)
{
	struct rr_fh *fh = NULL;
	long r = op(path, flags, &fh);
	ck_assert_msg(r == 0, "open %s flags %#llx: %ld", path, (unsigned long long)flags, r);
	return fh;
}

static char *readall(struct rr_fh *fh)
{
	static char b[4096];
	long n = rr_fs_read(fh, b, sizeof b - 1);
	ck_assert_int_ge(n, 0);
	b[n] = 0;
	return b;
}

/* Redox Stat (redox-abi.md §4), read field by field. */
struct rstat {
	uint64_t dev, ino, size, blocks, mtime, atime, ctime;
	uint32_t nlink, uid, gid, blksize, mtime_ns, atime_ns, ctime_ns;
	uint16_t mode;
};

static uint64_t g64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static uint32_t g32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint16_t g16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }

static struct rstat rstat_of(struct rr_fh *fh)
{
	uint8_t b[RR_STAT_SIZE + 8];
	memset(b, 0xAA, sizeof b);
	ck_assert_int_eq(rr_fs_fstat(fh, b), 0);
	for (int i = RR_STAT_SIZE; i < (int)sizeof b; i++)
		ck_assert_uint_eq(b[i], 0xAA);  /* nothing past the 104 bytes */
	struct rstat s = {
		.dev = g64(b), .ino = g64(b + 8), .mode = g16(b + 16), .nlink = g32(b + 20),
		.uid = g32(b + 24), .gid = g32(b + 28), .size = g64(b + 32), .blksize = g32(b + 40),
		.blocks = g64(b + 48), .mtime = g64(b + 56), .mtime_ns = g32(b + 64),
		.atime = g64(b + 72), .atime_ns = g32(b + 80), .ctime = g64(b + 88),
		.ctime_ns = g32(b + 96),
	};
	return s;
}

static void same_as_host(struct rstat s, const struct stat *h)
{
	ck_assert_uint_eq(s.dev, h->st_dev);
	ck_assert_uint_eq(s.ino, h->st_ino);
	ck_assert_uint_eq(s.mode, h->st_mode);
	ck_assert_uint_eq(s.nlink, h->st_nlink);
	ck_assert_uint_eq(s.uid, h->st_uid);
	ck_assert_uint_eq(s.gid, h->st_gid);
	ck_assert_uint_eq(s.size, h->st_size);
	ck_assert_uint_eq(s.blksize, h->st_blksize);
	ck_assert_uint_eq(s.blocks, h->st_blocks);
	ck_assert_uint_eq(s.mtime, h->st_mtim.tv_sec);
	ck_assert_uint_eq(s.mtime_ns, h->st_mtim.tv_nsec);
	ck_assert_uint_eq(s.atime, h->st_atim.tv_sec);
	ck_assert_uint_eq(s.atime_ns, h->st_atim.tv_nsec);
	ck_assert_uint_eq(s.ctime, h->st_ctim.tv_sec);
	ck_assert_uint_eq(s.ctime_ns, h->st_ctim.tv_nsec);
}

/* DirentHeader records (redox_syscall 0.9.1 dirent.rs): parsed independently. */
struct rec { uint64_t ino, next; uint16_t len; uint8_t kind; char name[256]; };

static int parse_dents(const uint8_t *b, long n, struct rec *out, int max)
{
	int k = 0;
	long o = 0;
	while (o < n) {
		ck_assert_int_ge(n - o, 19);
		ck_assert_int_lt(k, max);
		struct rec *r = &out[k++];
		r->ino = g64(b + o);
		r->next = g64(b + o + 8);
		r->len = g16(b + o + 16);
		r->kind = b[o + 18];
		ck_assert_int_le(r->len, n - o);
		ck_assert_uint_eq(r->len % 8, 0);
		size_t nl = strnlen((const char *)b + o + 19, r->len - 19);
		ck_assert_uint_lt(nl, r->len - 19);  /* a NUL inside the record */
		ck_assert_uint_eq(r->len, (19 + nl + 1 + 7) / 8 * 8);
		for (size_t i = 19 + nl; i < r->len; i++)
			ck_assert_uint_eq(b[o + i], 0);
		memcpy(r->name, b + o + 19, nl + 1);
		o += r->len;
	}
	return k;
}

static const struct rec *find_rec(const struct rec *r, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(r[i].name, name))
			return &r[i];
	return NULL;
}

static void expect_open(const char *path, uint64_t flags, long err)
{
	struct rr_fh *fh = NULL;
	long r = op(path, flags, &fh);
	ck_assert_msg(r == err, "open \"%s\" flags %#llx: %ld, expected %ld", path,
		      (unsigned long long)flags, r, err);
	if (r == 0)
		rr_fs_close(fh);
}

static char *fpath(struct rr_fh *fh)
{
	static char b[8192];
	long n = rr_fs_fpath(fh, b, sizeof b - 1);
	ck_assert_int_ge(n, 0);
	b[n] = 0;
	return b;
}

#define RD RR_O_RDONLY
#define WR RR_O_WRONLY
#define RW RR_O_RDWR

START_TEST(init_errors)
{
	struct rr_fs *f2 = (struct rr_fs *)1;
	char err[256] = "";
	char p[400];
	snprintf(p, sizeof p, "%s/missing", base);
	ck_assert_int_eq(rr_fs_init(&f2, p, err, sizeof err), -1);
	ck_assert_ptr_null(f2);
	ck_assert_ptr_nonnull(strstr(err, p));
	ck_assert_ptr_nonnull(strstr(err, "No such file"));
	ck_assert_ptr_null(strchr(err, '\n'));
	snprintf(p, sizeof p, "%s/secret", base);
	ck_assert_int_eq(rr_fs_init(&f2, p, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "Not a directory"));
}
END_TEST

/* The same file through every spelling of its path. */
START_TEST(path_spellings)
{
	static const char *ok[] = {
		"file.txt", "/file.txt", "/scheme/file/file.txt", "./file.txt", "dir/../file.txt",
		"../../../file.txt", "/../../file.txt", "//file.txt", "dir/./..//file.txt",
		"/scheme/file//file.txt", "/scheme/file/../file.txt", "file.txt/",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		struct rr_fh *fh = must(ok[i], RD);
		ck_assert_str_eq(readall(fh), "hello");
		ck_assert_str_eq(fpath(fh), "/scheme/file/file.txt");
		rr_fs_close(fh);
	}
	expect_open("/scheme/other/file.txt", RD, -ENOENT);
	expect_open("/scheme", RD, -ENOENT);
	expect_open("/scheme/", RD, -ENOENT);
	expect_open("/scheme/files/file.txt", RD, -ENOENT);
	put(hp("schemex"), "not a scheme");
	struct rr_fh *sx = must("/schemex", RD);
	ck_assert_str_eq(readall(sx), "not a scheme");
	rr_fs_close(sx);
	expect_open("scheme/file/file.txt", RD, -ENOENT);  /* relative: a name in the root */
	struct rr_fh *r = must("/scheme/file", RD | RR_O_DIRECTORY);
	ck_assert_str_eq(fpath(r), "/scheme/file");
	ck_assert_int_eq(rr_fs_is_dir(r), 1);
	rr_fs_close(r);
}
END_TEST

START_TEST(relative_to_dir_handle)
{
	struct rr_fh *d = must("dir", RD | RR_O_DIRECTORY);
	struct rr_fh *fh = NULL;
	ck_assert_int_eq(rr_fs_openat(fs, d, "inner", 5, RD, 0, &fh), 0);
	ck_assert_str_eq(readall(fh), "inner");
	ck_assert_str_eq(fpath(fh), "/scheme/file/dir/inner");
	rr_fs_close(fh);
	ck_assert_int_eq(rr_fs_openat(fs, d, "../file.txt", 11, RD, 0, &fh), 0);
	ck_assert_str_eq(readall(fh), "hello");
	rr_fs_close(fh);
	/* an absolute path ignores the handle */
	ck_assert_int_eq(rr_fs_openat(fs, d, "/file.txt", 9, RD, 0, &fh), 0);
	ck_assert_str_eq(fpath(fh), "/scheme/file/file.txt");
	rr_fs_close(fh);
	ck_assert_int_eq(rr_fs_openat(fs, d, "/inner", 6, RD, 0, &fh), -ENOENT);
	/* relative to a file: not a directory */
	struct rr_fh *f = must("file.txt", RD);
	ck_assert_int_eq(rr_fs_openat(fs, f, "x", 1, RD, 0, &fh), -ENOTDIR);
	rr_fs_close(f);
	rr_fs_close(d);
}
END_TEST

START_TEST(hostile_bytes)
{
	struct rr_fh *fh = NULL;
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "file.txt\0x", 10, RD, 0, &fh), -EINVAL);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "fi\xff", 3, RD, 0, &fh), -EINVAL);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xc0\xaf", 2, RD, 0, &fh), -EINVAL);  /* overlong '/' */
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xed\xa0\x80", 3, RD, 0, &fh), -EINVAL);  /* surrogate */
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xf4\x90\x80\x80", 4, RD, 0, &fh), -EINVAL);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xe2\x82", 2, RD, 0, &fh), -EINVAL);  /* truncated */
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xe0\x80\xaf", 3, RD, 0, &fh), -EINVAL);  /* overlong */
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xf0\x80\x80\xaf", 4, RD, 0, &fh), -EINVAL);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\x80", 1, RD, 0, &fh), -EINVAL);  /* lone continuation */
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xe2\x82\x41", 3, RD, 0, &fh), -EINVAL);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xf5\x80\x80\x80", 4, RD, 0, &fh), -EINVAL);
	/* the largest code points of each length are names like any other */
	put(hp("\xf4\x8f\xbf\xbf\xef\xbf\xbf\xdf\xbf\x7f"), "max");
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xf4\x8f\xbf\xbf\xef\xbf\xbf\xdf\xbf\x7f", 10, RD, 0, &fh), 0);
	ck_assert_str_eq(readall(fh), "max");
	rr_fs_close(fh);
	/* a valid multi-byte name works */
	put(hp("\xc3\xa9t\xc3\xa9"), "summer");
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "\xc3\xa9t\xc3\xa9", 5, RD, 0, &fh), 0);
	ck_assert_str_eq(readall(fh), "summer");
	rr_fs_close(fh);
	/* only the given length is read: the NUL-free prefix "file.txt" */
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "file.txtGARBAGE", 8, RD, 0, &fh), 0);
	rr_fs_close(fh);

	static char big[20001];
	/* 4096 bytes is the kernel's limit, inclusive (copy_path_to_buf) */
	for (int i = 0; i < 2044; i++)
		memcpy(big + 2 * i, "./", 2);
	memcpy(big + 4088, "file.txt", 8);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, big, 4096, RD, 0, &fh), 0);
	ck_assert_str_eq(readall(fh), "hello");
	rr_fs_close(fh);
	memmove(big + 1, big, 4096);
	big[0] = '/';
	ck_assert_int_eq(rr_fs_openat(fs, NULL, big, 4097, RD, 0, &fh), -ENAMETOOLONG);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, big, 4097, 0), -ENAMETOOLONG);
	struct rr_fh *f2 = must("file.txt", RR_O_PATH);
	ck_assert_int_eq(rr_fs_frename(fs, f2, big, 4097), -ENAMETOOLONG);
	ck_assert_int_eq(rr_fs_frename(fs, f2, "/\xff", 2), -EINVAL);
	rr_fs_close(f2);
	memset(big, 'a', sizeof big - 1);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, big, 4097, RD, 0, &fh), -ENAMETOOLONG);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, big, 20000, RD, 0, &fh), -ENAMETOOLONG);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, big, (size_t)-1, RD, 0, &fh), -ENAMETOOLONG);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, big, 4096, RD, 0, &fh), -ENAMETOOLONG);  /* host NAME_MAX */
	/* 10 000 components: too long for the kernel's 4096-byte copy */
	for (int i = 0; i < 10000; i++) {
		big[2 * i] = i % 2 ? '.' : 'a';
		big[2 * i + 1] = '/';
	}
	ck_assert_int_eq(rr_fs_openat(fs, NULL, big, 20000, RD, 0, &fh), -ENAMETOOLONG);
	/* 2048 ".." components fit and stay at the root */
	for (int i = 0; i < 1365; i++)
		memcpy(big + 3 * i, "../", 3);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, big, 4095, RD | RR_O_DIRECTORY, 0, &fh), 0);
	ck_assert_str_eq(fpath(fh), "/scheme/file");
	rr_fs_close(fh);
	/* 2048 one-letter components: a deep path the host rejects or lacks, never a crash */
	for (int i = 0; i < 2048; i++) {
		big[2 * i] = 'd';
		big[2 * i + 1] = '/';
	}
	long r = rr_fs_openat(fs, NULL, big, 4095, RD, 0, &fh);
	ck_assert(r == -ENOENT || r == -ENAMETOOLONG);
	ck_assert_int_eq(rr_fs_openat(fs, NULL, NULL, 0, RD | RR_O_DIRECTORY, 0, &fh), 0);
	ck_assert_str_eq(fpath(fh), "/scheme/file");  /* "" is the root (redox-path join_checked) */
	rr_fs_close(fh);
}
END_TEST

START_TEST(create_write_modes)
{
	struct rr_fh *fh = must("new.txt", WR | RR_O_CREAT | RR_O_TRUNC | 0640);
	ck_assert_int_eq(rr_fs_write(fh, "abc", 3), 3);
	ck_assert_int_eq(rr_fs_write(fh, "de", 2), 2);
	rr_fs_close(fh);
	ck_assert_str_eq(slurp(hp("new.txt")), "abcde");
	struct stat st;
	ck_assert_int_eq(stat(hp("new.txt"), &st), 0);
	ck_assert_uint_eq(st.st_mode, S_IFREG | 0640);
	/* O_TRUNC empties; no O_CREAT needed on an existing file */
	fh = must("new.txt", RW | RR_O_TRUNC);
	ck_assert_str_eq(slurp(hp("new.txt")), "");
	rr_fs_close(fh);
	/* O_TRUNC with O_RDONLY still truncates (redoxfs truncates on O_TRUNC) */
	put(hp("new.txt"), "xyz");
	fh = must("new.txt", RD | RR_O_TRUNC);
	ck_assert_str_eq(slurp(hp("new.txt")), "");
	rr_fs_close(fh);
	/* mode bits are exact, not masked by the emulator's umask */
	mode_t old = umask(077);
	fh = must("m.txt", WR | RR_O_CREAT | 0666);
	rr_fs_close(fh);
	umask(old);
	ck_assert_int_eq(stat(hp("m.txt"), &st), 0);
	ck_assert_uint_eq(st.st_mode & 07777, 0666);
	expect_open("file.txt", WR | RR_O_CREAT | RR_O_EXCL | 0644, -EEXIST);
	expect_open("dir", RD | RR_O_CREAT | RR_O_EXCL | 0644, -EEXIST);
	expect_open("dir", WR | RR_O_CREAT | RR_O_EXCL | 0644, -EEXIST);
	expect_open("missing/new", WR | RR_O_CREAT | 0644, -ENOENT);
	expect_open("file.txt/new", WR | RR_O_CREAT | 0644, -ENOTDIR);
	ck_assert_str_eq(slurp(hp("file.txt")), "hello");
}
END_TEST

START_TEST(open_errors)
{
	expect_open("missing", RD, -ENOENT);
	expect_open("dir/missing", RD, -ENOENT);
	expect_open("file.txt/x", RD, -ENOTDIR);
	expect_open("file.txt", RD | RR_O_DIRECTORY, -ENOTDIR);
	expect_open("dir", WR, -EISDIR);
	expect_open("dir", RW, -EISDIR);
	expect_open("dir", RR_O_PATH | WR, -EISDIR);
	expect_open("file.txt", RD | RR_O_SYMLINK, -EINVAL);  /* not a symlink */
	char buf[8];
	struct rr_fh *d = must("dir", RD);
	ck_assert_int_eq(rr_fs_read(d, buf, sizeof buf), -EISDIR);
	ck_assert_int_eq(rr_fs_write(d, "x", 1), -EBADF);
	ck_assert_int_eq(rr_fs_ftruncate(d, 0), -EBADF);
	rr_fs_close(d);
	struct rr_fh *f = must("file.txt", RD);
	ck_assert_int_eq(rr_fs_write(f, "x", 1), -EBADF);
	ck_assert_int_eq(rr_fs_pwrite(f, "x", 1, 0), -EBADF);
	ck_assert_int_eq(rr_fs_ftruncate(f, 0), -EBADF);
	rr_fs_close(f);
	f = must("file.txt", WR);
	ck_assert_int_eq(rr_fs_read(f, buf, sizeof buf), -EBADF);
	rr_fs_close(f);
	/* O_PATH (relibc stat: O_PATH|O_CLOEXEC) only stats */
	f = must("file.txt", RR_O_PATH | RR_O_CLOEXEC);
	ck_assert_int_eq(rr_fs_read(f, buf, sizeof buf), -EBADF);
	ck_assert_int_eq(rr_fs_write(f, "x", 1), -EBADF);
	ck_assert_int_eq(rr_fs_getdents(f, 0, (uint8_t *)buf, sizeof buf), -ENOTDIR);
	ck_assert_uint_eq(rstat_of(f).size, 5);
	rr_fs_close(f);
	f = must("file.txt", RR_O_PATH | RD);
	ck_assert_int_eq(rr_fs_read(f, buf, sizeof buf), -EBADF);
	rr_fs_close(f);
	ck_assert_str_eq(slurp(hp("file.txt")), "hello");
}
END_TEST

START_TEST(offsets_and_append)
{
	struct rr_fh *fh = must("file.txt", RW);
	char b[16] = { 0 };
	ck_assert_int_eq(rr_fs_read(fh, b, 2), 2);
	ck_assert_str_eq(b, "he");
	ck_assert_int_eq(rr_fs_lseek(fh, 0, 1), 2);
	ck_assert_int_eq(rr_fs_lseek(fh, -1, 2), 4);
	ck_assert_int_eq(rr_fs_read(fh, b, 16), 1);
	ck_assert_int_eq(b[0], 'o');
	ck_assert_int_eq(rr_fs_read(fh, b, 16), 0);
	ck_assert_int_eq(rr_fs_lseek(fh, -1, 0), -EINVAL);
	ck_assert_int_eq(rr_fs_lseek(fh, -6, 2), -EINVAL);
	ck_assert_int_eq(rr_fs_lseek(fh, 0, 3), -EINVAL);
	ck_assert_int_eq(rr_fs_lseek(fh, INT64_MAX, 0), INT64_MAX);
	ck_assert_int_eq(rr_fs_lseek(fh, 1, 1), -EOVERFLOW);
	ck_assert_int_eq(rr_fs_read(fh, b, 16), 0);
	ck_assert_int_eq(rr_fs_lseek(fh, 10, 0), 10);
	ck_assert_int_eq(rr_fs_write(fh, "Z", 1), 1);  /* past the end: a hole */
	ck_assert_int_eq(rr_fs_lseek(fh, 0, 2), 11);
	ck_assert_int_eq(rr_fs_pread(fh, b, 3, 1), 3);
	ck_assert_int_eq(memcmp(b, "ell", 3), 0);
	ck_assert_int_eq(rr_fs_pwrite(fh, "EL", 2, 1), 2);
	ck_assert_int_eq(rr_fs_lseek(fh, 0, 1), 11);  /* pread/pwrite leave the offset */
	ck_assert_int_eq(rr_fs_pread(fh, b, 3, UINT64_MAX), 0);
	rr_fs_close(fh);
	FILE *f = fopen(hp("file.txt"), "r");
	ck_assert_int_eq(fread(b, 1, 16, f), 11);
	fclose(f);
	ck_assert_int_eq(memcmp(b, "hELlo\0\0\0\0\0Z", 11), 0);

	/* O_APPEND writes at the end; the offset moves by the bytes written from
	 * where it was (kernel sys_write adds to the description's offset) */
	put(hp("a.txt"), "abc");
	fh = must("a.txt", WR | RR_O_APPEND);
	ck_assert_int_eq(rr_fs_write(fh, "de", 2), 2);
	ck_assert_int_eq(rr_fs_lseek(fh, 0, 1), 2);
	ck_assert_int_eq(rr_fs_pwrite(fh, "f", 1, 0), 1);
	ck_assert_uint_eq(rr_fs_getfl(fh) & RR_O_APPEND, RR_O_APPEND);
	/* F_SETFL keeps the access mode and replaces the rest */
	ck_assert_int_eq(rr_fs_setfl(fh, RR_O_RDWR | RR_O_NONBLOCK), 0);
	ck_assert_uint_eq(rr_fs_getfl(fh), RR_O_WRONLY | RR_O_NONBLOCK);
	ck_assert_int_eq(rr_fs_write(fh, "X", 1), 1);  /* no longer appending: at offset 2 */
	rr_fs_close(fh);
	ck_assert_str_eq(slurp(hp("a.txt")), "abXdef");
	/* F_GETFL is the open flags as given, mode bits included (kernel desc.flags) */
	fh = must("a.txt", RD | RR_O_CLOEXEC);
	ck_assert_uint_eq(rr_fs_getfl(fh), RD | RR_O_CLOEXEC);
	rr_fs_close(fh);
	/* fcntl_flags given apart count too */
	ck_assert_int_eq(rr_fs_openat(fs, NULL, "a.txt", 5, WR, RR_O_APPEND, &fh), 0);
	ck_assert_uint_eq(rr_fs_getfl(fh), WR | RR_O_APPEND);
	ck_assert_int_eq(rr_fs_write(fh, "!", 1), 1);
	rr_fs_close(fh);
	ck_assert_str_eq(slurp(hp("a.txt")), "abXdef!");
	/* no access mode and no O_PATH: neither read nor write */
	fh = must("a.txt", 0);
	char c;
	ck_assert_int_eq(rr_fs_read(fh, &c, 1), -EBADF);
	ck_assert_int_eq(rr_fs_write(fh, &c, 1), -EBADF);
	rr_fs_close(fh);
	fh = must("b.txt", WR | RR_O_CREAT | 0644);
	ck_assert_uint_eq(rr_fs_getfl(fh), WR | RR_O_CREAT | 0644);
	rr_fs_close(fh);
}
END_TEST

START_TEST(stat_matches_host)
{
	struct stat h;
	/* atime and mtime set apart, so fields written to each other's place show */
	const struct timespec times[2] = { { 1000000, 111 }, { 2000000, 222 } };
	ck_assert_int_eq(utimensat(AT_FDCWD, hp("file.txt"), times, 0), 0);
	struct rr_fh *fh = must("file.txt", RD);
	ck_assert_int_eq(stat(hp("file.txt"), &h), 0);
	struct rstat s = rstat_of(fh);
	same_as_host(s, &h);
	ck_assert_uint_eq(s.mode & 0xF000, 0x8000);  /* redoxfs MODE_FILE */
	rr_fs_close(fh);
	fh = must("dir", RR_O_PATH);
	ck_assert_int_eq(stat(hp("dir"), &h), 0);
	s = rstat_of(fh);
	same_as_host(s, &h);
	ck_assert_uint_eq(s.mode, 0x4000 | 0755);  /* MODE_DIR */
	rr_fs_close(fh);
	ck_assert_int_eq(symlink("file.txt", hp("ln")), 0);
	fh = must("ln", RR_O_PATH | RR_O_NOFOLLOW);  /* relibc lstat */
	ck_assert_int_eq(lstat(hp("ln"), &h), 0);
	s = rstat_of(fh);
	same_as_host(s, &h);
	ck_assert_uint_eq(s.mode & 0xF000, 0xA000);  /* MODE_SYMLINK */
	ck_assert_uint_eq(s.size, 8);
	char c;
	ck_assert_int_eq(rr_fs_read(fh, &c, 1), -EBADF);
	rr_fs_close(fh);
	fh = must("ln", RR_O_PATH | RR_O_NOFOLLOW | RW);  /* O_PATH wins over the access mode */
	ck_assert_int_eq(rr_fs_read(fh, &c, 1), -EBADF);
	ck_assert_int_eq(rr_fs_write(fh, "x", 1), -EBADF);
	/* a symlink's own mode, kept by fs.c (redoxfs keeps one; a host link is 0777) */
	ck_assert_uint_eq(rstat_of(fh).mode, S_IFLNK | 0777);
	ck_assert_int_eq(rr_fs_fchmod(fh, 0640), 0);
	ck_assert_uint_eq(rstat_of(fh).mode, S_IFLNK | 0640);
	struct rr_fh *again = must("ln", RR_O_PATH | RR_O_NOFOLLOW);
	ck_assert_uint_eq(rstat_of(again).mode, S_IFLNK | 0640);
	rr_fs_close(again);
	ck_assert_int_eq(stat(hp("file.txt"), &h), 0);
	ck_assert_uint_eq(h.st_mode & 07777, 0644);  /* the target's mode is not touched */
	int64_t sec[2] = { 1000, 2000 };
	int32_t nsec[2] = { 0, 0 };
	ck_assert_int_eq(rr_fs_futimens(fh, sec, nsec), 0);  /* the link's times, not the file's */
	ck_assert_int_eq(lstat(hp("ln"), &h), 0);
	ck_assert_int_eq(h.st_mtim.tv_sec, 2000);
	ck_assert_int_eq(stat(hp("ln"), &h), 0);
	ck_assert_int_ne(h.st_mtim.tv_sec, 2000);
	rr_fs_close(fh);
	fh = must("ln", RR_O_PATH);  /* stat follows */
	ck_assert_uint_eq(rstat_of(fh).mode & 0xF000, 0x8000);
	rr_fs_close(fh);
	fh = must("ln", RD | RR_O_NOFOLLOW);  /* redoxfs follows unless O_STAT too */
	ck_assert_str_eq(readall(fh), "hello");
	rr_fs_close(fh);
}
END_TEST

START_TEST(getdents_records)
{
	ck_assert_int_eq(mkdir(hp("d"), 0755), 0);
	put(hp("d/a"), "1");
	ck_assert_int_eq(mkdir(hp("d/sub"), 0755), 0);
	ck_assert_int_eq(symlink("a", hp("d/ln")), 0);
	put(hp("d/a-much-longer-name.txt"), "2");
	struct rr_fh *d = must("d", RD | RR_O_DIRECTORY | RR_O_CLOEXEC);
	uint8_t buf[4096];
	long n = rr_fs_getdents(d, 0, buf, sizeof buf);
	ck_assert_int_gt(n, 0);
	struct rec r[16];
	int k = parse_dents(buf, n, r, 16);
	ck_assert_int_eq(k, 4);  /* no "." or ".." */
	static const struct { const char *name; uint8_t kind; } want[] = {
		{ "a", 8 }, { "sub", 4 }, { "ln", 10 }, { "a-much-longer-name.txt", 8 },
	};
	for (int i = 0; i < 4; i++) {
		const struct rec *e = find_rec(r, k, want[i].name);
		ck_assert_msg(e != NULL, "%s missing", want[i].name);
		ck_assert_uint_eq(e->kind, want[i].kind);
		struct stat h;
		char rel[64];
		snprintf(rel, sizeof rel, "d/%s", want[i].name);
		ck_assert_int_eq(lstat(hp(rel), &h), 0);
		ck_assert_uint_eq(e->ino, h.st_ino);
	}
	for (int i = 0; i < k; i++)
		ck_assert_uint_eq(r[i].next, (uint64_t)i + 1);
	/* in byte order of the names, whatever the host file system's order */
	ck_assert_str_eq(r[0].name, "a");
	ck_assert_str_eq(r[1].name, "a-much-longer-name.txt");
	ck_assert_str_eq(r[2].name, "ln");
	ck_assert_str_eq(r[3].name, "sub");
	ck_assert_int_eq(rr_fs_getdents(d, r[k - 1].next, buf, sizeof buf), 0);
	ck_assert_int_eq(rr_fs_getdents(d, 1000, buf, sizeof buf), 0);
	ck_assert_int_eq(rr_fs_getdents(d, UINT64_MAX, buf, sizeof buf), 0);
	/* one record at a time: exactly its length fits, one byte less does not */
	uint64_t cur = 0;
	int seen = 0;
	for (;;) {
		long m = rr_fs_getdents(d, cur, buf, r[seen < k ? seen : 0].len);
		if (seen == k) {
			ck_assert_int_eq(m, 0);
			break;
		}
		ck_assert_int_eq(m, r[seen].len);
		ck_assert_int_eq(rr_fs_getdents(d, cur, buf, r[seen].len - 1), -EINVAL);
		struct rec one;
		ck_assert_int_eq(parse_dents(buf, m, &one, 1), 1);
		ck_assert_str_eq(one.name, r[seen].name);
		cur = one.next;
		seen++;
	}
	ck_assert_int_eq(rr_fs_getdents(d, 0, buf, 0), -EINVAL);
	ck_assert_int_eq(rr_fs_getdents(d, 0, buf, 18), -EINVAL);
	/* room for two and a half: two records, partial result */
	long two = rr_fs_getdents(d, 0, buf, r[0].len + r[1].len + r[2].len / 2);
	ck_assert_int_eq(two, r[0].len + r[1].len);
	/* an entry removed after the listing is skipped (redoxfs getdents) */
	ck_assert_int_eq(unlink(hp("d/a")), 0);
	n = rr_fs_getdents(d, 0, buf, sizeof buf);
	k = parse_dents(buf, n, r, 16);
	ck_assert_int_eq(k, 3);
	ck_assert_ptr_null(find_rec(r, k, "a"));
	/* SEEK_END on a directory: its entry count (redoxfs DirResource::fsize) */
	ck_assert_int_eq(rr_fs_lseek(d, 0, 2), 4);
	rr_fs_close(d);
	/* a directory opened without read access has no listing */
	d = must("d", RR_O_PATH | RR_O_DIRECTORY);
	ck_assert_int_eq(rr_fs_getdents(d, 0, buf, sizeof buf), -EBADF);
	rr_fs_close(d);
	/* the empty root of a fresh tree */
	d = must("/dir", RD);
	n = rr_fs_getdents(d, 0, buf, sizeof buf);
	k = parse_dents(buf, n, r, 16);
	ck_assert_int_eq(k, 1);
	ck_assert_str_eq(r[0].name, "inner");
	rr_fs_close(d);
}
END_TEST

START_TEST(fpath_forms)
{
	struct rr_fh *fh = must("dir/inner", RD);
	char b[64];
	ck_assert_int_eq(rr_fs_fpath(fh, b, sizeof b), 22);
	ck_assert_int_eq(memcmp(b, "/scheme/file/dir/inner", 22), 0);
	memset(b, 'X', sizeof b);
	ck_assert_int_eq(rr_fs_fpath(fh, b, 5), 5);  /* truncated like redoxfs fpath */
	ck_assert_int_eq(memcmp(b, "/scheX", 6), 0);
	ck_assert_int_eq(rr_fs_fpath(fh, b, 13), 13);
	ck_assert_int_eq(memcmp(b, "/scheme/file/X", 14), 0);
	ck_assert_int_eq(rr_fs_fpath(fh, b, 0), 0);
	rr_fs_close(fh);
}
END_TEST

START_TEST(unlink_cases)
{
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "file.txt", 8, 0), 0);
	ck_assert_int_eq(access(hp("file.txt"), F_OK), -1);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "file.txt", 8, 0), -ENOENT);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "dir", 3, 0), -EISDIR);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "dir", 3, RR_AT_REMOVEDIR), -ENOTEMPTY);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "dir/inner", 9, RR_AT_REMOVEDIR), -ENOTDIR);
	struct rr_fh *d = must("dir", RD);
	ck_assert_int_eq(rr_fs_unlinkat(fs, d, "inner", 5, 0), 0);
	rr_fs_close(d);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "/scheme/file/dir", 16, RR_AT_REMOVEDIR), 0);
	ck_assert_int_eq(access(hp("dir"), F_OK), -1);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "", 0, 0), -EPERM);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "/..", 3, RR_AT_REMOVEDIR), -EPERM);
	/* a symlink is removed, not its target */
	put(hp("t"), "t");
	ck_assert_int_eq(symlink("t", hp("l")), 0);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "l", 1, 0), 0);
	ck_assert_str_eq(slurp(hp("t")), "t");
	/* escapes stay in the root */
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "../outside/secret", 17, 0), -ENOENT);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "../secret", 9, 0), -ENOENT);
	ck_assert_int_eq(symlink(outside, hp("out")), 0);
	ck_assert_int_eq(symlink("../../..", hp("up")), 0);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "out/secret", 10, 0), -ENOENT);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "up/outside/secret", 17, 0), -ENOENT);
	char p[400];
	snprintf(p, sizeof p, "%s/secret", outside);
	ck_assert_str_eq(slurp(p), "CANARY");
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "a\0b", 3, 0), -EINVAL);
}
END_TEST

START_TEST(rename_cases)
{
	struct rr_fh *fh = must("file.txt", RR_O_PATH | RR_O_NOFOLLOW | RR_O_CLOEXEC);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/dir/moved", 10), 0);
	ck_assert_str_eq(fpath(fh), "/scheme/file/dir/moved");
	ck_assert_str_eq(slurp(hp("dir/moved")), "hello");
	ck_assert_int_eq(access(hp("file.txt"), F_OK), -1);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/scheme/file/back", 17), 0);
	ck_assert_str_eq(slurp(hp("back")), "hello");
	ck_assert_int_eq(rr_fs_frename(fs, fh, "file:legacy", 11), 0);
	ck_assert_str_eq(slurp(hp("legacy")), "hello");
	ck_assert_str_eq(fpath(fh), "/scheme/file/legacy");
	ck_assert_int_eq(rr_fs_frename(fs, fh, "relative", 8), -EINVAL);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/scheme/other/x", 15), -EXDEV);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "null:x", 6), -EXDEV);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/", 1), -EPERM);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/dir", 4), -EACCES);  /* file over a directory */
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/nodir/x", 8), -ENOENT);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/x\0y", 4), -EINVAL);
	/* "../" cannot leave: lands in the root */
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/../../outside/secret", 21), -ENOENT);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/../../escaped", 14), 0);
	ck_assert_str_eq(slurp(hp("escaped")), "hello");
	ck_assert_str_eq(fpath(fh), "/scheme/file/escaped");
	/* over an existing file: replaced */
	put(hp("victim"), "v");
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/victim", 7), 0);
	ck_assert_str_eq(slurp(hp("victim")), "hello");
	rr_fs_close(fh);
	/* a directory */
	fh = must("dir", RR_O_PATH | RR_O_NOFOLLOW);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/dir/sub", 8), -EINVAL);  /* into itself */
	put(hp("plain"), "p");
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/plain", 6), -ENOTDIR);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/dir2", 5), 0);
	ck_assert_str_eq(slurp(hp("dir2/inner")), "inner");
	rr_fs_close(fh);
	/* the root cannot be renamed */
	fh = must("/", RR_O_PATH);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/x", 2), -EPERM);
	rr_fs_close(fh);
	/* a handle whose name was taken away, and given to another file */
	fh = must("plain", RR_O_PATH);
	ck_assert_int_eq(rename(hp("plain"), hp("elsewhere")), 0);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/y", 2), -ENOENT);
	put(hp("plain"), "impostor");
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/y", 2), -ENOENT);
	ck_assert_int_eq(rr_fs_flink(fs, fh, "/y", 2), -ENOENT);
	ck_assert_str_eq(slurp(hp("plain")), "impostor");
	ck_assert_int_eq(access(hp("y"), F_OK), -1);
	rr_fs_close(fh);
	/* a symlink is renamed as itself */
	ck_assert_int_eq(symlink("victim", hp("sl")), 0);
	fh = must("sl", RR_O_PATH | RR_O_NOFOLLOW);
	ck_assert_int_eq(rr_fs_frename(fs, fh, "/sl2", 4), 0);
	char t[16] = { 0 };
	ck_assert_int_eq(readlink(hp("sl2"), t, sizeof t), 6);
	ck_assert_str_eq(t, "victim");
	rr_fs_close(fh);
}
END_TEST

START_TEST(link_cases)
{
	struct rr_fh *fh = must("file.txt", RR_O_PATH | RR_O_CLOEXEC);
	ck_assert_int_eq(rr_fs_flink(fs, fh, "/dir/hard", 9), 0);
	struct stat a, b;
	ck_assert_int_eq(stat(hp("file.txt"), &a), 0);
	ck_assert_int_eq(stat(hp("dir/hard"), &b), 0);
	ck_assert_uint_eq(a.st_ino, b.st_ino);
	ck_assert_uint_eq(b.st_nlink, 2);
	ck_assert_str_eq(fpath(fh), "/scheme/file/dir/hard");  /* redoxfs flink sets the path */
	ck_assert_int_eq(rr_fs_flink(fs, fh, "/dir/inner", 10), -EEXIST);
	ck_assert_int_eq(rr_fs_flink(fs, fh, "/scheme/x/y", 11), -EXDEV);
	rr_fs_close(fh);
}
END_TEST

START_TEST(mkdir_and_symlink_creation)
{
	/* relibc mkdirat: O_CREAT|O_DIRECTORY|O_EXCL|O_CLOEXEC, mode 0777 & ~umask, no access mode */
	struct rr_fh *fh = must("newdir", RR_O_CREAT | RR_O_DIRECTORY | RR_O_EXCL | RR_O_CLOEXEC | 0755);
	ck_assert_int_eq(rr_fs_is_dir(fh), 1);
	rr_fs_close(fh);
	struct stat st;
	ck_assert_int_eq(stat(hp("newdir"), &st), 0);
	ck_assert_uint_eq(st.st_mode, S_IFDIR | 0755);
	expect_open("newdir", RR_O_CREAT | RR_O_DIRECTORY | RR_O_EXCL | 0755, -EEXIST);
	fh = must("newdir2", RD | RR_O_CREAT | RR_O_DIRECTORY | 0700);
	uint8_t buf[64];
	ck_assert_int_eq(rr_fs_getdents(fh, 0, buf, sizeof buf), 0);
	rr_fs_close(fh);
	ck_assert_int_eq(stat(hp("newdir2"), &st), 0);
	ck_assert_uint_eq(st.st_mode, S_IFDIR | 0700);
	/* a new directory is handed out whatever the access mode (redoxfs open_internal) */
	fh = must("wdir", WR | RR_O_CREAT | RR_O_DIRECTORY | RR_O_EXCL | 0750);
	ck_assert_int_eq(rr_fs_is_dir(fh), 1);
	ck_assert_int_eq(rr_fs_write(fh, "x", 1), -EBADF);
	rr_fs_close(fh);
	ck_assert_int_eq(stat(hp("wdir"), &st), 0);
	ck_assert_uint_eq(st.st_mode, S_IFDIR | 0750);
	expect_open("wdir", WR | RR_O_DIRECTORY, -EISDIR);  /* but an existing one is not */

	/* relibc symlinkat: O_CREAT|O_WRONLY|O_SYMLINK|O_CLOEXEC, then one write */
	fh = must("sym", RR_O_CREAT | WR | RR_O_SYMLINK | RR_O_CLOEXEC | 0777);
	ck_assert_int_eq(rr_fs_write(fh, "dir/inner", 9), 9);
	rr_fs_close(fh);
	char t[64] = { 0 };
	ck_assert_int_eq(readlink(hp("sym"), t, sizeof t), 9);
	ck_assert_str_eq(t, "dir/inner");
	fh = must("sym", RR_O_PATH | RR_O_NOFOLLOW);  /* created with the mode relibc sent */
	ck_assert_uint_eq(rstat_of(fh).mode, S_IFLNK | 0777);
	rr_fs_close(fh);
	fh = must("sym0", RR_O_CREAT | WR | RR_O_SYMLINK | 0755);
	ck_assert_int_eq(rr_fs_write(fh, "file.txt", 8), 8);
	ck_assert_uint_eq(rstat_of(fh).mode, S_IFLNK | 0755);
	rr_fs_close(fh);
	ck_assert_int_eq(rr_fs_unlinkat(fs, NULL, "sym0", 4, 0), 0);
	fh = must("sym", RD);
	ck_assert_str_eq(readall(fh), "inner");
	ck_assert_str_eq(fpath(fh), "/scheme/file/dir/inner");  /* the resolved path */
	rr_fs_close(fh);
	/* relibc readlinkat: O_RDONLY|O_SYMLINK|O_CLOEXEC, then read */
	fh = must("sym", RD | RR_O_SYMLINK | RR_O_CLOEXEC);
	ck_assert_str_eq(readall(fh), "dir/inner");
	ck_assert_str_eq(fpath(fh), "/scheme/file/sym");
	ck_assert_int_eq(rr_fs_lseek(fh, 0, 2), 9);
	rr_fs_close(fh);
	/* writing into an existing link at offset 0 keeps its tail (redoxfs writes
	 * the link's content like a file's) */
	fh = must("sym", RR_O_CREAT | WR | RR_O_SYMLINK | 0777);
	ck_assert_int_eq(rr_fs_write(fh, "DIR", 3), 3);
	rr_fs_close(fh);
	memset(t, 0, sizeof t);
	ck_assert_int_eq(readlink(hp("sym"), t, sizeof t), 9);
	ck_assert_str_eq(t, "DIR/inner");
	fh = must("sym", RR_O_CREAT | WR | RR_O_SYMLINK | RR_O_TRUNC | 0777);
	ck_assert_int_eq(rr_fs_write(fh, "file.txt", 8), 8);
	rr_fs_close(fh);
	memset(t, 0, sizeof t);
	ck_assert_int_eq(readlink(hp("sym"), t, sizeof t), 8);
	ck_assert_str_eq(t, "file.txt");
	expect_open("sym", RR_O_CREAT | RR_O_EXCL | WR | RR_O_SYMLINK | 0777, -EEXIST);
	fh = must("sym2", RR_O_CREAT | WR | RR_O_SYMLINK | 0777);
	ck_assert_int_eq(rr_fs_write(fh, "a\0b", 3), -EINVAL);
	rr_fs_close(fh);
	ck_assert_int_eq(access(hp("sym2"), F_OK), -1);
	/* no leftovers of the replace */
	struct rr_fh *d = must("/", RD);
	uint8_t big[4096];
	long n = rr_fs_getdents(d, 0, big, sizeof big);
	struct rec r[16];
	int k = parse_dents(big, n, r, 16);
	for (int i = 0; i < k; i++)
		ck_assert_msg(strncmp(r[i].name, ".rr-", 4) != 0, "leftover %s", r[i].name);
	rr_fs_close(d);
}
END_TEST

START_TEST(symlink_following)
{
	ck_assert_int_eq(symlink("dir/l2", hp("l1")), 0);
	ck_assert_int_eq(symlink("../file.txt", hp("dir/l2")), 0);
	struct rr_fh *fh = must("l1", RD);
	ck_assert_str_eq(readall(fh), "hello");
	ck_assert_str_eq(fpath(fh), "/scheme/file/file.txt");
	rr_fs_close(fh);
	ck_assert_int_eq(symlink("inner", hp("dir/rl")), 0);  /* relative to the link's directory */
	fh = must("dir/rl", RD);
	ck_assert_str_eq(readall(fh), "inner");
	rr_fs_close(fh);
	put(hp("dir/\xc3\xa9:x"), "colon");  /* not legacy: the scheme part is not ASCII */
	ck_assert_int_eq(symlink("\xc3\xa9:x", hp("dir/cl")), 0);
	fh = must("dir/cl", RD);
	ck_assert_str_eq(readall(fh), "colon");
	rr_fs_close(fh);
	ck_assert_int_eq(symlink("/dir", hp("absdir")), 0);
	fh = must("absdir/inner", RD);  /* mid-path: resolved by the host in the root */
	ck_assert_str_eq(readall(fh), "inner");
	ck_assert_str_eq(fpath(fh), "/scheme/file/absdir/inner");
	rr_fs_close(fh);
	ck_assert_int_eq(symlink("b", hp("a")), 0);
	ck_assert_int_eq(symlink("a", hp("b")), 0);
	expect_open("a", RD, -ELOOP);
	expect_open("a/x", RD, -ELOOP);
	ck_assert_int_eq(symlink("/scheme/null", hp("other")), 0);
	expect_open("other", RD, -EXDEV);  /* relibc resolves those itself */
	ck_assert_int_eq(symlink("null:", hp("legacy")), 0);
	expect_open("legacy", RD, -EXDEV);
	ck_assert_int_eq(symlink("file:dir/inner", hp("lfile")), 0);
	fh = must("lfile", RD);
	ck_assert_str_eq(readall(fh), "inner");
	rr_fs_close(fh);
	ck_assert_int_eq(symlink("/scheme/file/file.txt", hp("sfile")), 0);
	fh = must("sfile", RD);
	ck_assert_str_eq(readall(fh), "hello");
	rr_fs_close(fh);
	ck_assert_int_eq(symlink("\xff", hp("bad")), 0);
	expect_open("bad", RD, -EINVAL);  /* redoxfs: a non-UTF-8 target */
	/* a chain of 64 links resolves, 65 do not (redoxfs resolve_symlink) */
	char from[32], to[32];
	for (int i = 0; i < 64; i++) {
		snprintf(from, sizeof from, "c%d", i);
		snprintf(to, sizeof to, "c%d", i + 1);
		ck_assert_int_eq(symlink(to, hp(from)), 0);
	}
	put(hp("c64"), "end");
	fh = must("c0", RD);
	ck_assert_str_eq(readall(fh), "end");
	rr_fs_close(fh);
	ck_assert_int_eq(unlink(hp("c64")), 0);
	ck_assert_int_eq(symlink("c65", hp("c64")), 0);
	put(hp("c65"), "end");
	expect_open("c0", RD, -ELOOP);
	/* O_CREAT through a dangling link: ENOENT, as redoxfs (it resolves, then finds nothing) */
	ck_assert_int_eq(symlink("nowhere", hp("dangling")), 0);
	expect_open("dangling", WR | RR_O_CREAT | 0644, -ENOENT);
	ck_assert_int_eq(access(hp("nowhere"), F_OK), -1);
}
END_TEST

/* Every way out: "..", absolute and relative symlinks, /proc magic links. */
START_TEST(escapes)
{
	char p[400];
	ck_assert_int_eq(symlink("/etc", hp("etc-link")), 0);
	expect_open("etc-link/passwd", RD, -ENOENT);  /* /etc of the root, which has none */
	ck_assert_int_eq(mkdir(hp("etc"), 0755), 0);
	put(hp("etc/passwd"), "fake");
	struct rr_fh *fh = must("etc-link/passwd", RD);
	ck_assert_str_eq(readall(fh), "fake");
	rr_fs_close(fh);
	ck_assert_int_eq(symlink("/etc/passwd", hp("pw")), 0);
	fh = must("pw", RD);
	ck_assert_str_eq(readall(fh), "fake");
	rr_fs_close(fh);
	ck_assert_int_eq(symlink("../../../../../..", hp("up")), 0);
	expect_open("up/outside/secret", RD, -ENOENT);
	expect_open("up/secret", RD, -ENOENT);
	ck_assert_int_eq(symlink("../../../../outside/secret", hp("dir/rel")), 0);
	expect_open("dir/rel", RD, -ENOENT);
	snprintf(p, sizeof p, "%s/secret", outside);
	ck_assert_int_eq(symlink(p, hp("hostabs")), 0);
	expect_open("hostabs", RD, -ENOENT);
	ck_assert_int_eq(symlink(outside, hp("hostdir")), 0);
	expect_open("hostdir/secret", RD, -ENOENT);
	ck_assert_int_eq(symlink("/proc/self/root/etc/passwd", hp("pself")), 0);
	expect_open("pself", RD, -ENOENT);
	ck_assert_int_eq(symlink("/proc/self/root", hp("procdir")), 0);
	expect_open("procdir/etc/passwd", RD, -ENOENT);
	expect_open("../outside/secret", RD, -ENOENT);
	expect_open("/../secret", RD, -ENOENT);
	expect_open("/scheme/file/../../secret", RD, -ENOENT);
	/* a root holding a real /proc: a magic link in the middle is refused
	 * (RESOLVE_NO_MAGICLINKS); one at the end is read as text and that text
	 * resolved in the root like any symlink */
	struct rr_fs *fs2;
	char err[256];
	ck_assert_int_eq(rr_fs_init(&fs2, "/", err, sizeof err), 0);
	struct rr_fh *h = NULL;
	long r = rr_fs_openat(fs2, NULL, "/proc/self/root/etc/passwd", 26, RD, 0, &h);
	ck_assert_int_eq(r, -ELOOP);
	r = rr_fs_openat(fs2, NULL, "/proc/self/cwd", 14, RD | RR_O_DIRECTORY, 0, &h);
	ck_assert_int_eq(r, 0);
	char cwd[300];
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	snprintf(p, sizeof p, "/scheme/file%s", cwd);
	ck_assert_str_eq(fpath(h), p);
	rr_fs_close(h);
	rr_fs_free(fs2);
	/* creating through escapes lands inside */
	fh = must("up/created", WR | RR_O_CREAT | 0644);
	rr_fs_close(fh);
	ck_assert_int_eq(access(hp("created"), F_OK), 0);
	fh = must("../../made", WR | RR_O_CREAT | 0644);
	rr_fs_close(fh);
	ck_assert_int_eq(access(hp("made"), F_OK), 0);
	snprintf(p, sizeof p, "%s/made", base);
	ck_assert_int_eq(access(p, F_OK), -1);
	snprintf(p, sizeof p, "%s/secret", outside);
	ck_assert_str_eq(slurp(p), "CANARY");
}
END_TEST

START_TEST(fd_ops)
{
	struct rr_fh *fh = must("file.txt", RW);
	ck_assert_int_eq(rr_fs_ftruncate(fh, 2), 0);
	ck_assert_str_eq(slurp(hp("file.txt")), "he");
	ck_assert_int_eq(rr_fs_ftruncate(fh, (uint64_t)INT64_MAX + 1), -EINVAL);
	ck_assert_int_eq(rr_fs_fsync(fh), 0);
	int64_t sec[2] = { 1000000000, 1200000000 };
	int32_t nsec[2] = { 5, 7 };
	ck_assert_int_eq(rr_fs_futimens(fh, sec, nsec), 0);
	struct stat st;
	ck_assert_int_eq(stat(hp("file.txt"), &st), 0);
	ck_assert_int_eq(st.st_atim.tv_sec, 1000000000);
	ck_assert_int_eq(st.st_atim.tv_nsec, 5);
	ck_assert_int_eq(st.st_mtim.tv_sec, 1200000000);
	ck_assert_int_eq(st.st_mtim.tv_nsec, 7);
	int32_t omit[2] = { RR_UTIME_OMIT, RR_UTIME_OMIT };
	ck_assert_int_eq(rr_fs_futimens(fh, sec, omit), 0);
	ck_assert_int_eq(stat(hp("file.txt"), &st), 0);
	ck_assert_int_eq(st.st_mtim.tv_sec, 1200000000);
	int32_t bad[2] = { 1000000000, 0 };
	ck_assert_int_eq(rr_fs_futimens(fh, sec, bad), -EINVAL);
	ck_assert_int_eq(rr_fs_fchmod(fh, 0600), 0);
	ck_assert_int_eq(stat(hp("file.txt"), &st), 0);
	ck_assert_uint_eq(st.st_mode, S_IFREG | 0600);
	ck_assert_int_eq(rr_fs_is_dir(fh), 0);
	/* dup: the same description, offset shared, alive until the last close */
	struct rr_fh *d2 = NULL;
	ck_assert_int_eq(rr_fs_dup(fh, &d2), 0);
	ck_assert_int_eq(rr_fs_lseek(fh, 1, 0), 1);
	ck_assert_int_eq(rr_fs_lseek(d2, 0, 1), 1);
	rr_fs_close(fh);
	char c;
	ck_assert_int_eq(rr_fs_read(d2, &c, 1), 1);
	ck_assert_int_eq(c, 'e');
	rr_fs_close(d2);
	/* chmod and utimens through O_PATH handles (relibc chmod/utimensat open O_PATH) */
	fh = must("dir", RR_O_PATH);
	ck_assert_int_eq(rr_fs_fchmod(fh, 0711), 0);
	ck_assert_int_eq(stat(hp("dir"), &st), 0);
	ck_assert_uint_eq(st.st_mode, S_IFDIR | 0711);
	ck_assert_int_eq(rr_fs_futimens(fh, sec, nsec), 0);
	ck_assert_int_eq(stat(hp("dir"), &st), 0);
	ck_assert_int_eq(st.st_mtim.tv_sec, 1200000000);
	ck_assert_int_eq(rr_fs_fsync(fh), 0);
	ck_assert_int_eq(rr_fs_ftruncate(fh, 0), -EBADF);
	uint8_t sv[RR_STATVFS_SIZE + 4];
	memset(sv, 0xAA, sizeof sv);
	ck_assert_int_eq(rr_fs_fstatvfs(fh, sv), 0);
	struct statvfs h;
	ck_assert_int_eq(statvfs(hp("dir"), &h), 0);
	ck_assert_uint_eq(g32(sv), h.f_bsize);
	ck_assert_uint_eq(g64(sv + 8), (uint64_t)h.f_blocks * h.f_frsize / h.f_bsize);
	ck_assert_uint_eq(sv[RR_STATVFS_SIZE], 0xAA);
	rr_fs_close(fh);
}
END_TEST

/* A second thread swaps a symlink between a directory inside the root and
 * every kind of way out while the first opens through it thousands of times:
 * nothing opened is ever outside (the canary has its own inode). */
static volatile int stop;
static const char *swap_targets[4];

static void *swapper(void *arg)
{
	(void)arg;
	char tmp[400], ln[400];
	snprintf(tmp, sizeof tmp, "%s/swap.tmp", rootdir);
	snprintf(ln, sizeof ln, "%s/swap", rootdir);
	for (unsigned i = 0; !stop; i++) {
		unlink(tmp);
		if (symlink(swap_targets[i % 4], tmp) == 0)
			rename(tmp, ln);
		sched_yield();
	}
	return NULL;
}

START_TEST(swapped_symlink_race)
{
	char canary[400];
	snprintf(canary, sizeof canary, "%s/secret", outside);
	struct stat cs, in, sd, od;
	ck_assert_int_eq(stat(canary, &cs), 0);
	ck_assert_int_eq(stat(outside, &od), 0);
	ck_assert_int_eq(mkdir(hp("safe"), 0755), 0);
	put(hp("safe/secret"), "safe");
	ck_assert_int_eq(stat(hp("safe/secret"), &in), 0);
	ck_assert_int_eq(stat(hp("safe"), &sd), 0);
	swap_targets[0] = "safe";
	swap_targets[1] = outside;  /* absolute host path */
	swap_targets[2] = "../outside";
	swap_targets[3] = "../../../../../../../../proc/self/cwd/../outside";
	ck_assert_int_eq(symlink("safe", hp("swap")), 0);
	stop = 0;
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, swapper, NULL), 0);
	int opened = 0, refused = 0, why[134] = { 0 };
	/* at least 4000 opens, and until both outcomes were seen often (the share
	 * of each depends on how the two threads get scheduled) */
	for (int i = 0; i < 400000 && (i < 4000 || opened < 100 || refused < 100); i++) {
		struct rr_fh *fh = NULL;
		/* the link in the middle (host resolution) or at the end (ours) */
		bool mid = i % 2;
		long r = mid ? op("swap/secret", RD, &fh) : op("swap", RD | RR_O_DIRECTORY, &fh);
		if (r == 0) {
			struct rstat s = rstat_of(fh);
			ck_assert_msg(!(s.ino == cs.st_ino && s.dev == cs.st_dev), "opened the canary");
			ck_assert_msg(!(s.ino == od.st_ino && s.dev == od.st_dev), "opened outside");
			ck_assert_uint_eq(s.ino, mid ? in.st_ino : sd.st_ino);
			if (mid)
				ck_assert_str_eq(readall(fh), "safe");
			rr_fs_close(fh);
			opened++;
		} else {
			ck_assert_msg(r == -ENOENT || r == -ELOOP || r == -EAGAIN, "open: %ld", r);
			refused++;
			why[-r]++;
		}
	}
	stop = 1;
	pthread_join(t, NULL);
	ck_assert_int_ge(opened, 100);
	ck_assert_int_ge(refused, 100);
	printf("race: %d opens inside, %d refused (ENOENT %d, ELOOP %d, EAGAIN %d), 0 outside\n",
	       opened, refused, why[ENOENT], why[ELOOP], why[EAGAIN]);
}
END_TEST

/* Host errno → Redox errno (redox-abi.md §3): Linux's numbers 1..131 except
 * the two Linux leaves unused; the rest has no Redox meaning. */
START_TEST(errno_map)
{
	ck_assert_int_eq(rr_fs_errno(ENOENT), -2);
	ck_assert_int_eq(rr_fs_errno(EAGAIN), -11);
	ck_assert_int_eq(rr_fs_errno(ELOOP), -40);
	ck_assert_int_eq(rr_fs_errno(EOPNOTSUPP), -95);
	ck_assert_int_eq(rr_fs_errno(131), -131);  /* ENOTRECOVERABLE */
	ck_assert_int_eq(rr_fs_errno(132), -EIO);  /* ERFKILL: Redox 132 is ERSVD */
	ck_assert_int_eq(rr_fs_errno(133), -EIO);  /* EHWPOISON: none */
	ck_assert_int_eq(rr_fs_errno(41), -EIO);   /* Redox EWOULDBLOCK, never a Linux errno */
	ck_assert_int_eq(rr_fs_errno(58), -EIO);   /* Redox EDEADLOCK */
	ck_assert_int_eq(rr_fs_errno(0), -EIO);
	ck_assert_int_eq(rr_fs_errno(-3), -EIO);
	ck_assert_int_eq(rr_fs_errno(4096), -EIO);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("redox-run-fs");
	TCase *t = tcase_create("fs");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_set_timeout(t, 60);
	tcase_add_test(t, init_errors);
	tcase_add_test(t, path_spellings);
	tcase_add_test(t, relative_to_dir_handle);
	tcase_add_test(t, hostile_bytes);
	tcase_add_test(t, create_write_modes);
	tcase_add_test(t, open_errors);
	tcase_add_test(t, offsets_and_append);
	tcase_add_test(t, stat_matches_host);
	tcase_add_test(t, getdents_records);
	tcase_add_test(t, fpath_forms);
	tcase_add_test(t, unlink_cases);
	tcase_add_test(t, rename_cases);
	tcase_add_test(t, link_cases);
	tcase_add_test(t, mkdir_and_symlink_creation);
	tcase_add_test(t, symlink_following);
	tcase_add_test(t, escapes);
	tcase_add_test(t, fd_ops);
	tcase_add_test(t, swapped_symlink_race);
	tcase_add_test(t, errno_map);
	suite_add_tcase(s, t);
	return check_run(s, CK_FORK_GETENV);
}
