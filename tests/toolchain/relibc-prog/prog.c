/* SPDX-License-Identifier: MIT */
/* A C program against the real relibc, built with <triple>-clang, CMake and
 * meson and run in redox-run --root DIR: stdio on a file in the root,
 * malloc, getenv, strtol, qsort, time, atexit and a constructor. The test
 * (tests/toolchain/relibc-programs.sh) compares its stdout with expected.txt,
 * written by hand, its exit status (7) and the file it leaves in the root. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Built for Redox, the compiler must predefine what Redox's GCC does. */
#if !defined(__linux__) && !(defined(__redox__) && defined(__unix__))
#error "the Redox toolchain did not predefine __redox__ and __unix__"
#endif

static int ctor_ran;

__attribute__((constructor)) static void early(void)
{
	ctor_ran = 42;
}

static void bye(void)
{
	/* stdout is still open and flushed after this by exit(). */
	printf("atexit: bye\n");
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	printf("constructor: %d, argc %d, argv[1] %s\n", ctor_ran, argc, argc > 1 ? argv[1] : "(none)");
	if (atexit(bye) != 0)
		return 1;

	const char *g = getenv("GREETING");
	printf("getenv: GREETING=%s, UNSET=%s\n", g ? g : "(null)", getenv("UNSET") ? "set" : "(null)");

	/* Numbers from a file the test put into the root, sorted. */
	FILE *in = fopen("in/numbers.txt", "r");
	if (!in) {
		printf("fopen in/numbers.txt: %s\n", strerror(errno));
		return 2;
	}
	char line[256];
	size_t n = 0, cap = 2;
	long *v = malloc(cap * sizeof *v);
	while (v && fgets(line, sizeof line, in)) {
		char *end;
		errno = 0;
		long x = strtol(line, &end, 0);
		if (end == line || errno)
			continue;
		if (n == cap) {
			long *w = realloc(v, (cap *= 2) * sizeof *v);
			if (!w) { free(v); v = NULL; break; }
			v = w;
		}
		v[n++] = x;
	}
	fclose(in);
	if (!v)
		return 3;
	qsort(v, n, sizeof *v, cmp_long);
	printf("qsort: %zu numbers:", n);
	for (size_t i = 0; i < n; i++)
		printf(" %ld", v[i]);
	printf("\n");

	/* A file written into the root, read back. */
	FILE *out = fopen("out/sorted.txt", "w");
	if (!out) {
		printf("fopen out/sorted.txt: %s\n", strerror(errno));
		return 4;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%ld\n", v[i]);
	if (fclose(out) != 0)
		return 5;
	free(v);
	FILE *back = fopen("out/sorted.txt", "r");
	long first = 0, lines = 0;
	while (back && fgets(line, sizeof line, back))
		if (lines++ == 0)
			first = strtol(line, NULL, 10);
	if (back)
		fclose(back);
	printf("file: %ld lines, first %ld\n", lines, first);
	printf("strtol: 0x7f=%ld, -077=%ld, 12abc=%ld\n", strtol("0x7f", NULL, 0), strtol("-077", NULL, 0),
	       strtol("12abc", NULL, 10));

	/* time() against the host clock the test passes in HOST_TIME. */
	time_t now = time(NULL);
	long host = strtol(getenv("HOST_TIME") ? getenv("HOST_TIME") : "0", NULL, 10);
	long d = (long)now - host;
	printf("time: %s\n", (d > -300 && d < 300) ? "within 5 minutes of the host clock" : "wrong");
	return 7;
}
