// SPDX-License-Identifier: MIT
/* POSIX shared memory through /scheme/shm (docs/redox-run-schemes.md §8;
 * ipcd/src/shm.rs): names are keys, never host paths ('..' and '/'
 * included); two MAP_SHARED mappings of one object share their bytes;
 * O_CREAT|O_EXCL, ENOENT, unlink with open handles, ftruncate and fstat,
 * read/write at the offset, a mapping past the size (ERANGE). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *en(void)
{
	return errno == EEXIST ? "EEXIST" : errno == ENOENT ? "ENOENT" : errno == ERANGE ? "ERANGE" :
	       errno == ENOTDIR ? "ENOTDIR" : "other";
}

int main(void)
{
	const char *names[] = { "/plain", "/../../escape", "/a/b/c", "/..", "/dot." };
	for (int i = 0; i < 5; i++) {
		int fd = shm_open(names[i], O_RDWR | O_CREAT | O_EXCL, 0600);
		printf("%s: open %s", names[i], fd >= 0 ? "ok" : "failed");
		if (fd >= 0) {
			char b[32] = { 0 };
			printf(", write %d", (int)write(fd, names[i], strlen(names[i])));
			lseek(fd, 0, SEEK_SET);
			printf(", read %d '%s'", (int)read(fd, b, sizeof b - 1), b);
			close(fd);
		}
		printf("\n");
	}
	int fd = shm_open("/plain", O_RDWR | O_CREAT | O_EXCL, 0600);
	printf("again with O_EXCL: %d %s\n", fd, fd < 0 ? en() : "");
	fd = shm_open("/missing", O_RDWR, 0);
	printf("missing: %d %s\n", fd, fd < 0 ? en() : "");

	fd = shm_open("/plain", O_RDWR, 0);
	struct stat st;
	fstat(fd, &st);
	printf("size %lld, regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode) ? 1 : 0);
	int t = ftruncate(fd, 1ll << 40);
	printf("ftruncate 2^40: %d %s\n", t, t ? (errno == ENOMEM ? "ENOMEM" : "other") : "");
	printf("ftruncate 10000: %d\n", ftruncate(fd, 10000));
	fstat(fd, &st);
	printf("size %lld\n", (long long)st.st_size);
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	char *q = mmap(NULL, 12288, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	printf("two mappings: %s, %s\n", p != MAP_FAILED ? "ok" : "failed", q != MAP_FAILED ? "ok" : "failed");
	printf("the first bytes: '%.6s'\n", q);
	strcpy(p + 5000, "shared");
	printf("seen through the other: '%s'\n", q + 5000);
	q[9999] = 'Z';
	char c = 0;
	pread(fd, &c, 1, 9999);
	printf("seen by read: %c\n", c);
	void *r = mmap(NULL, 16384, PROT_READ, MAP_SHARED, fd, 0);
	printf("past the size: %s %s\n", r == MAP_FAILED ? "failed" : "mapped", r == MAP_FAILED ? en() : "");
	munmap(p, 8192);
	munmap(q, 12288);
	char *z = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("anonymous memory after: %d\n", z != MAP_FAILED && z[5000] == 0);
	p = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
	printf("mapped again: '%s'\n", p + 5000);

	printf("unlink while open: %d\n", shm_unlink("/plain"));
	printf("the mapping still reads: '%s'\n", p + 5000);
	/* ipcd keeps an unlinked object, under its name, while a handle is
	 * open: opening it again finds it (POSIX would not). */
	int fd2 = shm_open("/plain", O_RDWR, 0);
	printf("open after unlink, one handle open: %s\n", fd2 >= 0 ? "found" : en());
	close(fd2);
	close(fd);
	errno = 0;
	fd2 = shm_open("/plain", O_RDWR, 0);
	printf("after the last close: %s\n", fd2 >= 0 ? "found" : en());
	printf("the mapping still reads: '%s'\n", p + 5000);
	int u = shm_unlink("/plain");
	printf("unlink again: %d %s\n", u, u ? en() : "");
	fd2 = shm_open("/plain", O_RDWR | O_CREAT, 0600);
	fstat(fd2, &st);
	printf("a new one: size %lld\n", (long long)st.st_size);
	/* O_CREAT without O_EXCL opens the object the name has (ipcd openat
	 * makes only a missing one): both handles see the same bytes. */
	int a = shm_open("/both", O_RDWR | O_CREAT, 0600);
	printf("O_CREAT, first: write %d\n", (int)write(a, "same", 4));
	int b = shm_open("/both", O_RDWR | O_CREAT, 0600);
	char sb[8] = { 0 };
	printf("O_CREAT, second: read %d '%s'\n", (int)read(b, sb, sizeof sb - 1), sb);
	return 0;
}
