// SPDX-License-Identifier: MIT
/* A relibc program that tries every libc way out of redox-run's --root and
 * prints what each attempt got. Run with --cwd /sub in a root holding
 * inside.txt ("inside") and sub/; argv[1] is the host's absolute path of a
 * directory outside the root that holds "secret". The expected output
 * (escape.out) is written by hand from docs/redox-run-fs.md. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *err(int e)
{
	switch (e) {
	case ENOENT: return "ENOENT";
	case ELOOP: return "ELOOP";
	case EXDEV: return "EXDEV";
	case ENOTDIR: return "ENOTDIR";
	case EPERM: return "EPERM";
	case EACCES: return "EACCES";
	case EINVAL: return "EINVAL";
	case EEXIST: return "EEXIST";
	case EBUSY: return "EBUSY";
	default: return "other";
	}
}

static void try_open(const char *label, const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		printf("open %s: %s\n", label, err(errno));
		return;
	}
	char b[64];
	ssize_t n = read(fd, b, sizeof b - 1);
	b[n > 0 ? n : 0] = 0;
	close(fd);
	printf("open %s: read \"%s\"\n", label, b);
}

static void rc(const char *label, int r)
{
	printf("%s: %s\n", label, r == 0 ? "ok" : err(errno));
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	char host[PATH_MAX], buf[PATH_MAX];
	snprintf(host, sizeof host, "%s/secret", argv[1]);

	try_open("../../../outside/secret", "../../../outside/secret");
	try_open("/../../secret", "/../../secret");
	try_open("<host path of the secret>", host);
	try_open("/scheme/file/../../secret", "/scheme/file/../../secret");

	rc("symlink <host dir> /out", symlink(argv[1], "/out"));
	try_open("/out/secret", "/out/secret");
	ssize_t n = readlink("/out", buf, sizeof buf - 1);
	printf("readlink /out: %s\n", n == (ssize_t)strlen(argv[1]) && !memcmp(buf, argv[1], (size_t)n)
	       ? "the host path, as written" : "something else");
	struct stat st;
	rc("lstat /out", lstat("/out", &st));
	printf("lstat /out is a link: %s\n", S_ISLNK(st.st_mode) ? "yes" : "no");
	rc("stat /out", stat("/out", &st));

	rc("symlink ../../.. /sub/up", symlink("../../..", "/sub/up"));
	try_open("/sub/up/outside/secret", "/sub/up/outside/secret");
	try_open("/sub/up/inside.txt", "/sub/up/inside.txt");
	rc("symlink ../outside /sub/rel", symlink("../outside", "/sub/rel"));
	try_open("/sub/rel/secret", "/sub/rel/secret");
	rc("symlink /proc/self/root /proc-link", symlink("/proc/self/root", "/proc-link"));
	try_open("/proc-link/etc/passwd", "/proc-link/etc/passwd");
	rc("symlink /etc/passwd /pw", symlink("/etc/passwd", "/pw"));
	try_open("/pw", "/pw");

	for (int i = 0; i < 10; i++)
		chdir("..");
	printf("getcwd after 10 chdir(\"..\"): %s\n", getcwd(buf, sizeof buf) ? buf : err(errno));
	try_open("outside/secret (cwd /)", "outside/secret");
	try_open("inside.txt (cwd /)", "inside.txt");
	rc("chdir /sub/up", chdir("/sub/up"));
	try_open("inside.txt (cwd /sub/up)", "inside.txt");
	char *rp = realpath("/sub/up/inside.txt", NULL);
	printf("realpath /sub/up/inside.txt: %s\n", rp ? rp : err(errno));
	free(rp);
	rc("chdir /", chdir("/"));

	rc("rename /inside.txt /../../moved", rename("/inside.txt", "/../../moved"));
	rc("link /moved ../../../hard", link("/moved", "../../../hard"));
	rc("mkdir /../newdir", mkdir("/../newdir", 0755));
	rc("unlink /../outside/secret", unlink("/../outside/secret"));
	rc("unlink /../secret", unlink("/../secret"));
	rc("unlink <host path of the secret>", unlink(host));
	rc("rmdir /..", rmdir("/.."));
	snprintf(buf, sizeof buf, "%s/new", argv[1]);
	FILE *f = fopen(buf, "w");
	printf("fopen <host dir>/new w: %s\n", f ? "ok" : err(errno));
	if (f)
		fclose(f);

	DIR *d = opendir("/..");
	if (!d) {
		printf("opendir /..: %s\n", err(errno));
		return 1;
	}
	char *names[64];
	int k = 0;
	struct dirent *e;
	while ((e = readdir(d)) && k < 64)
		names[k++] = strdup(e->d_name);
	closedir(d);
	qsort(names, (size_t)k, sizeof names[0], cmp);
	printf("opendir /..:");
	for (int i = 0; i < k; i++)
		printf(" %s", names[i]);
	printf("\n");
	return 0;
}
