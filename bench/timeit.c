// SPDX-License-Identifier: MIT
/* timeit ROUNDS CMD1 [--- CMD2 ...]: wall time of each command run ROUNDS
   times, the commands interleaved round by round so load on a shared machine
   spreads over all of them alike. Each command runs with stdin, stdout and
   stderr on /dev/null. Prints one line per command:
     <median_us> <min_us> <max_us> <failures> <median_cpu_us> <median_minflt>
   wall time, then the child's user+system CPU time and minor page faults
   (wait4's rusage; less sensitive than wall time to other load). A command
   that exits non-zero counts as a failure (its times are kept). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Sorts v; its median, and optionally its extremes. */
static double median(double *v, int n, double *lo, double *hi)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	if (lo)
		*lo = v[0], *hi = v[n - 1];
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	if (argc < 3 || atoi(argv[1]) < 1) {
		fprintf(stderr, "usage: timeit ROUNDS CMD [ARGS] [--- CMD [ARGS]]...\n");
		return 2;
	}
	int rounds = atoi(argv[1]), ncmd = 0;
	char **cmd[64];
	cmd[ncmd++] = argv + 2;
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "---")) {
			argv[i] = NULL;
			if (ncmd == 64) {
				fprintf(stderr, "timeit: at most 64 commands\n");
				return 2;
			}
			cmd[ncmd++] = argv + i + 1;
		}
	size_t nt = (size_t)ncmd * (size_t)rounds;
	double *t = calloc(nt, sizeof *t), *cpu = calloc(nt, sizeof *cpu), *flt = calloc(nt, sizeof *flt);
	int *fails = calloc((size_t)ncmd, sizeof *fails);
	int null = open("/dev/null", O_RDWR);
	if (!t || !cpu || !flt || !fails || null < 0) {
		perror("timeit");
		return 2;
	}
	for (int r = 0; r < rounds; r++)
		for (int c = 0; c < ncmd; c++) {
			struct timespec a, b;
			struct rusage ru;
			int st;
			clock_gettime(CLOCK_MONOTONIC, &a);
			pid_t p = fork();
			if (p == 0) {
				dup2(null, 0), dup2(null, 1), dup2(null, 2);
				execv(cmd[c][0], cmd[c]);
				_exit(127);
			}
			if (p < 0 || wait4(p, &st, 0, &ru) != p) {
				perror("timeit");
				return 2;
			}
			clock_gettime(CLOCK_MONOTONIC, &b);
			size_t k = (size_t)c * (size_t)rounds + (size_t)r;
			t[k] = (double)(b.tv_sec - a.tv_sec) * 1e6 + (double)(b.tv_nsec - a.tv_nsec) / 1e3;
			cpu[k] = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e6 +
				 (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
			flt[k] = (double)ru.ru_minflt;
			fails[c] += !WIFEXITED(st) || WEXITSTATUS(st) != 0;
		}
	for (int c = 0; c < ncmd; c++) {
		double *v = t + (size_t)c * (size_t)rounds;
		double lo, hi, med = median(v, rounds, &lo, &hi);
		double mc = median(cpu + (size_t)c * (size_t)rounds, rounds, NULL, NULL);
		double mf = median(flt + (size_t)c * (size_t)rounds, rounds, NULL, NULL);
		printf("%.0f %.0f %.0f %d %.0f %.0f\n", med, lo, hi, fails[c], mc, mf);
	}
	return 0;
}
