// SPDX-License-Identifier: MIT
// libFuzzer target for redox-run's --root file system: each input builds a
// small random tree (directories, files, symlinks whose targets mix "..",
// absolute host paths of what lies outside, /proc magic links, scheme
// prefixes) and then opens, lists, unlinks and renames random paths. Every
// handle opened must be an object of the root's tree (its inode is in the
// set found by walking the root without following links), nothing read may
// be the canary outside, fpath must be a canonical path, and nothing outside
// the root may change.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../../tools/redox-run/fs.h"

static char base[256], rootdir[300], outside[300];
static struct rr_fs *fs;

#define FAIL(...) do { fprintf(stderr, "fuzz_fs: " __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

struct in { const uint8_t *p; size_t n; };

static unsigned byte(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static const char *names[] = { "a", "b", "c", "x", "lnk", "etc", "proc", "scheme", "file", "secret" };
#define NNAMES (sizeof names / sizeof names[0])

static const char *tokens[24];
static size_t ntokens;

static void build(struct in *in, char *out, size_t cap, unsigned maxtok)
{
	size_t len = 0;
	unsigned k = byte(in) % maxtok + 1;
	out[0] = 0;
	for (unsigned i = 0; i < k; i++) {
		unsigned b = byte(in);
		const char *t = tokens[(b & 0x7f) % ntokens];
		size_t tl = strlen(t);
		if (b & 0x80 && len + 1 < cap)
			out[len++] = '/';
		if (len + tl >= cap)
			break;
		memcpy(out + len, t, tl);
		len += tl;
		out[len] = 0;
	}
}

struct ids { dev_t dev; ino_t ino; };
static struct ids inside[4096];
static size_t ninside;

static int collect(const char *p, const struct stat *st, int t, struct FTW *w)
{
	(void)p; (void)t; (void)w;
	if (ninside < sizeof inside / sizeof inside[0])
		inside[ninside++] = (struct ids){ st->st_dev, st->st_ino };
	return 0;
}

static int rm(const char *p, const struct stat *st, int t, struct FTW *w)
{
	(void)st; (void)t;
	if (w->level > 0 && remove(p) != 0)
		FAIL("cannot clean %s: %s", p, strerror(errno));
	return 0;
}

static uint64_t g64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

static void check_inside(struct rr_fh *fh, const char *what)
{
	uint8_t st[RR_STAT_SIZE];
	if (rr_fs_fstat(fh, st) != 0)
		return;  /* a symlink handle not written yet */
	ninside = 0;
	if (nftw(rootdir, collect, 16, FTW_PHYS) != 0)
		FAIL("cannot walk the root");
	uint32_t nlink;
	memcpy(&nlink, st + 20, 4);  /* Stat.st_nlink @20 (redox-abi.md §4) */
	if (nlink == 0)
		return;  /* unlinked while open: in no directory, inside or out */
	uint64_t dev = g64(st), ino = g64(st + 8);
	for (size_t i = 0; i < ninside; i++)
		if (inside[i].dev == dev && inside[i].ino == ino)
			goto found;
	FAIL("%s: handle on dev %llu inode %llu, not in the root", what,
	     (unsigned long long)dev, (unsigned long long)ino);
found:;
	char b[64];
	long n = rr_fs_pread(fh, b, sizeof b - 1, 0);
	if (n > 0) {
		b[n] = 0;
		if (strstr(b, "CANARY"))
			FAIL("%s: read the canary", what);
	}
	char fp[8192];
	n = rr_fs_fpath(fh, fp, sizeof fp - 1);
	if (n < 12 || memcmp(fp, "/scheme/file", 12) != 0)
		FAIL("%s: fpath does not start with /scheme/file", what);
	fp[n] = 0;
	if (n > 12) {
		if (fp[12] != '/' || n == 13)
			FAIL("%s: fpath %s", what, fp);
		for (char *c = strtok(fp + 13, "/"); c; c = strtok(NULL, "/"))
			if (!strcmp(c, ".") || !strcmp(c, ".."))
				FAIL("%s: fpath not canonical", what);
		if (strstr(fp + 12, "//") || fp[n - 1] == '/')
			FAIL("%s: fpath not canonical", what);
	}
}

static void check_outside(void)
{
	char p[400], b[16] = { 0 };
	for (int i = 0; i < 2; i++) {
		snprintf(p, sizeof p, "%s/secret", i ? outside : base);
		int fd = open(p, O_RDONLY | O_NOFOLLOW);
		if (fd < 0)
			FAIL("the canary %s is gone", p);
		ssize_t n = read(fd, b, sizeof b - 1);
		close(fd);
		if (n != 6 || memcmp(b, "CANARY", 6) != 0)
			FAIL("the canary %s changed", p);
	}
	/* exactly root, outside, secret in base; dir, secret in outside; dir empty */
	static const char *want[3] = { "root outside secret", "dir secret", "" };
	const char *dirs[3] = { base, outside, NULL };
	snprintf(p, sizeof p, "%s/dir", outside);
	dirs[2] = p;
	for (int i = 0; i < 3; i++) {
		DIR *d = opendir(dirs[i]);
		if (!d)
			FAIL("%s is gone", dirs[i]);
		size_t n = 0, w = 0;
		for (const char *c = want[i]; *c; c++)
			w += *c == ' ';
		w += *want[i] != 0;
		struct dirent *e;
		while ((e = readdir(d)))
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
				n++;
				const char *m = strstr(want[i], e->d_name);
				size_t l = strlen(e->d_name);
				if (!m || (m[l] != ' ' && m[l] != 0))
					FAIL("%s appeared in %s", e->d_name, dirs[i]);
			}
		closedir(d);
		if (n != w)
			FAIL("entries of %s changed", dirs[i]);
	}
}

static const uint64_t flag_sets[] = {
	RR_O_RDONLY, RR_O_RDWR, RR_O_WRONLY | RR_O_CREAT | RR_O_TRUNC | 0644,
	RR_O_RDONLY | RR_O_DIRECTORY, RR_O_PATH | RR_O_CLOEXEC, RR_O_PATH | RR_O_NOFOLLOW,
	RR_O_RDONLY | RR_O_SYMLINK, RR_O_WRONLY | RR_O_CREAT | RR_O_SYMLINK | 0777,
	RR_O_CREAT | RR_O_DIRECTORY | RR_O_EXCL | 0755, RR_O_RDWR | RR_O_CREAT | RR_O_EXCL | 0600,
	RR_O_WRONLY | RR_O_APPEND | RR_O_CREAT | 0644, RR_O_RDONLY | RR_O_NOFOLLOW,
};

static int rm_all(const char *p, const struct stat *st, int t, struct FTW *w)
{
	(void)st; (void)t; (void)w;
	return remove(p);
}

static void cleanup(void)
{
	rr_fs_free(fs);
	nftw(base, rm_all, 16, FTW_DEPTH | FTW_PHYS);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc; (void)argv;
	const char *tmp = getenv("TMPDIR");
	snprintf(base, sizeof base, "%s/rrfs-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(base))
		FAIL("mkdtemp: %s", strerror(errno));
	snprintf(rootdir, sizeof rootdir, "%s/root", base);
	snprintf(outside, sizeof outside, "%s/outside", base);
	char p[400];
	if (mkdir(rootdir, 0755) || mkdir(outside, 0755))
		FAIL("mkdir: %s", strerror(errno));
	snprintf(p, sizeof p, "%s/dir", outside);
	mkdir(p, 0755);
	for (int i = 0; i < 2; i++) {
		snprintf(p, sizeof p, "%s/secret", i ? outside : base);
		FILE *f = fopen(p, "w");
		if (!f)
			FAIL("%s: %s", p, strerror(errno));
		fputs("CANARY", f);
		fclose(f);
	}
	static const char *fixed[] = {
		"..", ".", "", "a", "b", "c", "x", "lnk", "secret", "outside", "dir", "/",
		"/etc", "/proc/self/root", "/proc/self/cwd", "/proc/self/fd/3", "/scheme/file",
		"file:", "/scheme/null", "../../../..",
	};
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		tokens[ntokens++] = fixed[i];
	tokens[ntokens++] = strdup(base);
	tokens[ntokens++] = strdup(outside);
	char err[256];
	if (rr_fs_init(&fs, rootdir, err, sizeof err))
		FAIL("%s", err);
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	nftw(rootdir, rm, 16, FTW_DEPTH | FTW_PHYS);
	char dirs[8][300];
	int ndirs = 1;
	snprintf(dirs[0], sizeof dirs[0], "%s", rootdir);

	unsigned nops = byte(&in) % 12;
	for (unsigned i = 0; i < nops; i++) {
		unsigned kind = byte(&in) % 4;
		const char *parent = dirs[byte(&in) % ndirs];
		char p[400];
		snprintf(p, sizeof p, "%s/%s", parent, names[byte(&in) % NNAMES]);
		if (kind == 0) {
			if (mkdir(p, 0755) == 0 && ndirs < 8)
				snprintf(dirs[ndirs++], sizeof dirs[0], "%s", p);
		} else if (kind == 1) {
			FILE *f = fopen(p, "wx");
			if (f) {
				fputs("inside", f);
				fclose(f);
			}
		} else {
			char t[512];
			build(&in, t, sizeof t, 6);
			if (t[0])
				symlink(t, p);
		}
	}

	struct rr_fh *open_fh[8] = { 0 };
	int nopen = 0;
	while (in.n) {
		unsigned op = byte(&in) % 8;
		char path[600];
		build(&in, path, sizeof path, 8);
		size_t len = strlen(path);
		if (op <= 2) {
			uint64_t fl = flag_sets[byte(&in) % (sizeof flag_sets / sizeof flag_sets[0])];
			struct rr_fh *fh = NULL;
			const struct rr_fh *dir = nopen && (op == 2) ? open_fh[byte(&in) % nopen] : NULL;
			long r = rr_fs_openat(fs, dir, path, len, fl, fl & RR_O_FCNTL_MASK, &fh);
			if (r > 0 || r < -132)
				FAIL("open returned %ld", r);
			if (r == 0) {
				check_inside(fh, path);
				if (fl & RR_O_SYMLINK && fl & RR_O_CREAT) {
					char t[512];
					build(&in, t, sizeof t, 6);
					rr_fs_write(fh, t, strlen(t));
					check_inside(fh, t);
				}
				if (nopen < 8)
					open_fh[nopen++] = fh;
				else
					rr_fs_close(fh);
			}
		} else if (op == 3) {
			long r = rr_fs_unlinkat(fs, NULL, path, len, byte(&in) & 1 ? RR_AT_REMOVEDIR : 0);
			if (r > 0 || r < -132)
				FAIL("unlinkat returned %ld", r);
			check_outside();
		} else if (op == 4 && nopen) {
			struct rr_fh *fh = open_fh[byte(&in) % nopen];
			char np[610];
			snprintf(np, sizeof np, "/%s", path);
			long r = byte(&in) & 1 ? rr_fs_frename(fs, fh, np, strlen(np))
					       : rr_fs_flink(fs, fh, np, strlen(np));
			if (r > 0 || r < -132)
				FAIL("frename returned %ld", r);
			check_outside();
			if (r == 0)
				check_inside(fh, np);
		} else if (op == 6 && nopen) {
			/* the fd operations, on whatever kind of handle: never past the buffers */
			struct rr_fh *fh = open_fh[byte(&in) % nopen];
			static char io[4096];
			size_t n = (size_t)byte(&in) << (byte(&in) % 5);
			uint64_t off = (uint64_t)byte(&in) << (byte(&in) % 64);
			long r, most = INT64_MAX;
			switch (byte(&in) % 6) {
			case 0: r = rr_fs_read(fh, io, n); most = (long)n; break;
			case 1: memset(io, 'w', n); r = rr_fs_write(fh, io, n); most = (long)n; break;
			case 2: r = rr_fs_pread(fh, io, n, off); most = (long)n; break;
			case 3: memcpy(io, path, len); r = rr_fs_pwrite(fh, io, len, off); most = (long)len; break;
			case 4: r = rr_fs_ftruncate(fh, off); most = 0; break;
			default: r = rr_fs_lseek(fh, (int64_t)off, (int)(byte(&in) % 4)); break;
			}
			if (r < -132 || r > most)
				FAIL("fd op returned %ld", r);
			check_inside(fh, "after an fd op");
			check_outside();
		} else if (op == 7 && nopen) {
			struct rr_fh *fh = open_fh[byte(&in) % nopen];
			int64_t sec[2] = { byte(&in), byte(&in) };
			int32_t nsec[2] = { (int32_t)byte(&in) << 22, RR_UTIME_OMIT };
			uint8_t sv[RR_STATVFS_SIZE];
			if (rr_fs_futimens(fh, sec, nsec) < -132 || rr_fs_fchmod(fh, 0644) < -132 ||
			    rr_fs_fstatvfs(fh, sv) < -132 || rr_fs_fsync(fh) < -132)
				FAIL("a metadata op returned no Redox errno");
			struct rr_fh *d = NULL;
			if (rr_fs_dup(fh, &d) == 0)
				rr_fs_close(d);
			check_outside();
		} else if (op == 5 && nopen) {
			struct rr_fh *fh = open_fh[byte(&in) % nopen];
			uint8_t buf[512];
			size_t bl = byte(&in) * 2;
			long n = rr_fs_getdents(fh, byte(&in) % 4, buf, bl);
			if (n > (long)bl)
				FAIL("getdents overran");
			for (long o = 0; o < n;) {
				uint16_t rl;
				memcpy(&rl, buf + o + 16, 2);
				if (rl < 20 || rl % 8 || rl > n - o || buf[o + rl - 1] != 0)
					FAIL("bad dirent record");
				o += rl;
			}
		}
	}
	check_outside();
	for (int i = 0; i < nopen; i++)
		rr_fs_close(open_fh[i]);
	return 0;
}
