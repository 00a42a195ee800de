// SPDX-License-Identifier: MIT
/* relibc start-up, printf and both std streams (relibc-runtime.md §1, §2). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	printf("hello %d\n", 42);
	printf("argc=%d argv[1]=%s\n", argc, argc > 1 ? argv[1] : "(none)");
	fprintf(stderr, "to stderr: %s\n", "ok");
	puts("puts adds a newline");
	printf("%5.2f|%-4s|%x|%lld\n", 3.14159, "ab", 255u, -1234567890123ll);
	return 0;
}
