// SPDX-License-Identifier: MIT
/* Files in the --root (relibc-runtime.md §4). Run with --cwd /sub in a root
 * holding data/in.txt ("line one\nline two\n"), data/gone.txt and sub/. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fails;
#define CHECK(c, ...) do { if (!(c)) { fails++; printf("FAIL %d: ", __LINE__); printf(__VA_ARGS__); printf(" (errno %d)\n", errno); } } while (0)

int main(void)
{
	char buf[256], cwd[64];
	struct stat st;

	CHECK(getcwd(cwd, sizeof cwd) && !strcmp(cwd, "/sub"), "getcwd %s", cwd);
	printf("cwd %s\n", cwd);

	/* fopen "w" relative to the cwd, then read it back through open/read. */
	FILE *f = fopen("out.txt", "w");
	CHECK(f != NULL, "fopen w");
	fprintf(f, "hello, %s\n", "file");
	CHECK(fclose(f) == 0, "fclose");
	int fd = open("out.txt", O_RDWR);
	printf("first fd %d\n", fd);
	ssize_t n = read(fd, buf, sizeof buf);
	CHECK(n == 12 && !memcmp(buf, "hello, file\n", 12), "read back %zd", n);
	CHECK(read(fd, buf, sizeof buf) == 0, "read at EOF");
	CHECK(lseek(fd, 0, SEEK_END) == 12, "lseek END");
	CHECK(lseek(fd, 7, SEEK_SET) == 7, "lseek SET");
	CHECK(write(fd, "FILE", 4) == 4, "write");
	CHECK(lseek(fd, -2, SEEK_CUR) == 9, "lseek CUR");
	CHECK(pread(fd, buf, 12, 0) == 12 && !memcmp(buf, "hello, FILE\n", 12), "pread");
	CHECK(pwrite(fd, "J", 1, 0) == 1, "pwrite");
	CHECK(lseek(fd, 0, SEEK_CUR) == 9, "pread/pwrite leave the offset");
	CHECK(fstat(fd, &st) == 0 && st.st_size == 12 && S_ISREG(st.st_mode), "fstat size %lld", (long long)st.st_size);
	CHECK(ftruncate(fd, 5) == 0, "ftruncate");
	CHECK(fstat(fd, &st) == 0 && st.st_size == 5, "size after ftruncate %lld", (long long)st.st_size);
	CHECK(fsync(fd) == 0, "fsync");
	CHECK((fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR, "F_GETFL");
	/* dup shares the offset. */
	int fd2 = dup(fd);
	CHECK(fd2 == 4, "dup gives the lowest free fd, %d", fd2);
	CHECK(lseek(fd, 1, SEEK_SET) == 1 && lseek(fd2, 0, SEEK_CUR) == 1, "dup shares the offset");
	CHECK(dup2(fd, 9) == 9, "dup2");
	CHECK(read(9, buf, 4) == 4 && !memcmp(buf, "ello", 4), "read through dup2");
	CHECK(close(9) == 0 && close(fd2) == 0 && close(fd) == 0, "close");
	CHECK(close(fd) == -1 && errno == EBADF, "close twice");

	/* rename to an absolute path, stat both names. */
	CHECK(rename("out.txt", "/data/moved.txt") == 0, "rename");
	CHECK(stat("/data/moved.txt", &st) == 0 && st.st_size == 5, "stat moved");
	CHECK(stat("out.txt", &st) == -1 && errno == ENOENT, "stat old name");
	printf("renamed\n");

	/* Read a file the host put there, relative with "..". */
	f = fopen("../data/in.txt", "r");
	CHECK(f != NULL, "fopen ../data/in.txt");
	while (f && fgets(buf, sizeof buf, f))
		printf("in: %s", buf);
	if (f)
		fclose(f);

	/* Errors come back as errno. */
	errno = 0;
	CHECK(open("nope.txt", O_RDONLY) == -1 && errno == ENOENT, "ENOENT");
	CHECK(open("/data/in.txt", O_WRONLY | O_CREAT | O_EXCL, 0644) == -1 && errno == EEXIST, "EEXIST");
	CHECK(open("/data/in.txt/x", O_RDONLY) == -1 && errno == ENOTDIR, "ENOTDIR");

	/* unlink, mkdir, rmdir. */
	CHECK(unlink("/data/gone.txt") == 0, "unlink");
	CHECK(access("/data/gone.txt", F_OK) == -1, "unlinked file gone");
	CHECK(mkdir("newdir", 0755) == 0, "mkdir");
	CHECK(stat("newdir", &st) == 0 && S_ISDIR(st.st_mode), "stat dir");
	CHECK(mkdir("keep", 0755) == 0, "mkdir keep");
	CHECK(rmdir("newdir") == 0, "rmdir");
	CHECK(stat("newdir", &st) == -1 && errno == ENOENT, "rmdir'd");

	/* A pipe: write, then read, in one process. */
	int pfd[2];
	CHECK(pipe(pfd) == 0, "pipe");
	CHECK(write(pfd[1], "through a pipe", 14) == 14, "pipe write");
	CHECK(read(pfd[0], buf, sizeof buf) == 14 && !memcmp(buf, "through a pipe", 14), "pipe read");
	close(pfd[1]);
	CHECK(read(pfd[0], buf, sizeof buf) == 0, "pipe EOF after the writer closes");
	close(pfd[0]);

	/* fopen "a" appends. */
	f = fopen("/data/moved.txt", "a");
	CHECK(f != NULL, "fopen a");
	fputs("+tail\n", f);
	fclose(f);

	printf("%s\n", fails ? "files: FAILED" : "files: ok");
	return fails != 0;
}
