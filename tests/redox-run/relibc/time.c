// SPDX-License-Identifier: MIT
/* time, clock_gettime (REALTIME 1, MONOTONIC 4) and nanosleep
 * (relibc-runtime.md §5). argv[1] = the host's time(NULL) at launch. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int fails;
#define CHECK(c, ...) do { if (!(c)) { fails++; printf("FAIL %d: ", __LINE__); printf(__VA_ARGS__); putchar('\n'); } } while (0)

static long long ns(const struct timespec *t) { return t->tv_sec * 1000000000ll + t->tv_nsec; }

int main(int argc, char **argv)
{
	long long host = argc > 1 ? atoll(argv[1]) : 0;
	time_t now = time(NULL);
	CHECK(now >= host && now - host < 120, "time() %lld vs host %lld", (long long)now, host);
	struct timespec r, m0, m1, req = { 0, 50 * 1000 * 1000 }, rem = { 9, 9 };
	CHECK(clock_gettime(CLOCK_REALTIME, &r) == 0, "CLOCK_REALTIME");
	CHECK(r.tv_sec >= host && r.tv_nsec >= 0 && r.tv_nsec < 1000000000, "realtime %lld.%09ld", (long long)r.tv_sec, r.tv_nsec);
	CHECK(clock_gettime(CLOCK_MONOTONIC, &m0) == 0, "CLOCK_MONOTONIC");
	CHECK(nanosleep(&req, &rem) == 0, "nanosleep");
	CHECK(clock_gettime(CLOCK_MONOTONIC, &m1) == 0, "CLOCK_MONOTONIC again");
	long long d = ns(&m1) - ns(&m0);
	CHECK(d >= 50 * 1000 * 1000 && d < 5000ll * 1000 * 1000, "slept %lld ns", d);
	struct timespec bad = { 0, 1000000000 };
	CHECK(nanosleep(&bad, NULL) == -1, "nanosleep with tv_nsec = 1e9 fails");
	struct tm tm;
	time_t t0 = 86400 * 365;
	CHECK(gmtime_r(&t0, &tm) && tm.tm_year == 71 && tm.tm_yday == 0, "gmtime");
	printf("%s\n", fails ? "time: FAILED" : "time: ok");
	return fails != 0;
}
