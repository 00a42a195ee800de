/* SPDX-License-Identifier: MIT */
/* Host oracle for crt0's outermost-frame marking: our x86_64 _start,
   assembled for Linux, starts this program; nongnu libunwind walks the stack
   from a nested call and must stop at _start with unw_step() == 0
   (toolchain-notes.md, "nongnu libunwind as an oracle"). */
#define UNW_LOCAL_ONLY
#include <libunwind.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int walk(void)
{
	unw_context_t uc;
	unw_cursor_t cur;
	char name[128], last[128] = "";
	int n = 0, r;

	unw_getcontext(&uc);
	unw_init_local(&cur, &uc);
	for (;;) {
		unw_word_t off;
		if (unw_get_proc_name(&cur, name, sizeof name, &off) != 0)
			strcpy(name, "?");
		printf("frame %d: %s\n", n, name);
		strcpy(last, name);
		if (++n > 64) {
			r = 99;
			break;
		}
		r = unw_step(&cur);
		if (r <= 0)
			break;
	}
	printf("last=%s step=%d frames=%d\n", last, r, n);
	fflush(stdout);
	return strcmp(last, "_start") == 0 && r == 0 ? 0 : 1;
}

__attribute__((noinline)) static int nested(int depth)
{
	volatile int r = depth ? nested(depth - 1) : walk();
	return r;
}

int main(void)
{
	return nested(3);
}

/* What crt0 calls; here the host libc is already initialised by ld.so. */
void relibc_start_v1(unsigned long *sp, int (*m)(int, char **, char **))
{
	char **argv = (char **)(sp + 1);
	exit(m((int)sp[0], argv, argv + sp[0] + 1));
}
