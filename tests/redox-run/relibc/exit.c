// SPDX-License-Identifier: MIT
/* Exit paths (relibc-runtime.md §6): return from main and exit() run the
 * atexit handlers (last first) and then flush stdout and stderr; _Exit does
 * neither. argv[1] = return|exit|_Exit, argv[2] = status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void a(void) { printf("atexit a\n"); }
static void b(void) { printf("atexit b\n"); }
static void c(void) { printf("atexit c (tail"); }

int main(int argc, char **argv)
{
	if (argc < 3)
		return 100;
	int st = atoi(argv[2]);
	atexit(a);
	atexit(b);
	atexit(c);
	printf("line\n");
	/* Pending in the line buffers at exit: no newline. */
	printf("stdout tail");
	fprintf(stderr, "stderr tail");
	if (!strcmp(argv[1], "exit"))
		exit(st);
	if (!strcmp(argv[1], "_Exit"))
		_Exit(st);
	return st;
}
