// SPDX-License-Identifier: MIT
/* opendir/readdir over STD_FS Getdents (relibc-runtime.md §4). The root
 * holds list/ with the files the driver made; names are printed sorted. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/list";
	DIR *d = opendir(path);
	if (!d) {
		perror("opendir");
		return 1;
	}
	char *names[512];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 512) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	printf("%d entries\n", n);
	for (int i = 0; i < n; i++)
		printf("%s\n", names[i]);
	return 0;
}
