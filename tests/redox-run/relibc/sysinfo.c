// SPDX-License-Identifier: MIT
/* The small schemes relibc opens by name: /scheme/sys/uname (uname),
 * /etc/hostname in the root (nodename), /scheme/rand (getrandom, mkstemp),
 * /scheme/time/<clock>/getres (clock_getres). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static int fails;
#define CHECK(c, ...) do { if (!(c)) { fails++; printf("FAIL %d: ", __LINE__); printf(__VA_ARGS__); printf(" (errno %d)\n", errno); } } while (0)

int main(void)
{
	struct utsname u;
	CHECK(uname(&u) == 0, "uname");
	printf("sysname %s\nnodename %s\nrelease %s\nmachine %s\n", u.sysname, u.nodename, u.release, u.machine);
	unsigned char a[64], b[64];
	CHECK(getrandom(a, sizeof a, 0) == sizeof a, "getrandom");
	CHECK(getrandom(b, sizeof b, 0) == sizeof b, "getrandom again");
	CHECK(memcmp(a, b, sizeof a) != 0, "two getrandom calls differ");
	struct timespec r = { -1, -1 };
	CHECK(clock_getres(CLOCK_MONOTONIC, &r) == 0 && r.tv_sec == 0 && r.tv_nsec > 0 && r.tv_nsec <= 1000000,
	      "clock_getres %lld.%09ld", (long long)r.tv_sec, r.tv_nsec);
	char t1[] = "/tmp/sysinfo-XXXXXX", t2[] = "/tmp/sysinfo-XXXXXX";
	int f1 = mkstemp(t1), f2 = mkstemp(t2);
	CHECK(f1 >= 0 && f2 >= 0 && strcmp(t1, t2) != 0, "mkstemp %s %s", t1, t2);
	CHECK(write(f1, "x", 1) == 1, "write to the temp file");
	close(f1);
	close(f2);
	CHECK(unlink(t1) == 0 && unlink(t2) == 0, "unlink the temp files");
	printf("%s\n", fails ? "sysinfo: FAILED" : "sysinfo: ok");
	return fails != 0;
}
