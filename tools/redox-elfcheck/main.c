/* SPDX-License-Identifier: MIT */
/* redox-elfcheck: find the link mistakes that only show up when a Redox
   program is booted. Exit 0 clean, 1 problems, 2 unreadable input. */
#include "elfcheck.h"

#include <string.h>

#ifndef ELFCHECK_VERSION
#define ELFCHECK_VERSION "unknown"
#endif

static void usage(FILE *out)
{
	fputs("usage: redox-elfcheck [--json] [-q] FILE...\n"
	      "Checks linked x86_64/aarch64 Redox executables for link mistakes.\n"
	      "  --json   one JSON array, an object per file with its findings\n"
	      "  -q       print only errors and warnings\n"
	      "Exit status: 0 clean, 1 errors or warnings found, 2 an input could "
	      "not be read.\n", out);
}

int main(int argc, char **argv)
{
	int json = 0, quiet = 0, nfiles = 0, status = 0, dashdash = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (dashdash || a[0] != '-' || !a[1]) {
			nfiles++;
			continue;
		}
		if (!strcmp(a, "--"))
			dashdash = 1;
		else if (!strcmp(a, "--json"))
			json = 1;
		else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
			quiet = 1;
		else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "--version")) {
			printf("redox-elfcheck %s\n", ELFCHECK_VERSION);
			return 0;
		} else {
			fprintf(stderr, "redox-elfcheck: unknown option '%s'; fix: see "
				"redox-elfcheck --help\n", a);
			return 2;
		}
	}
	if (!nfiles) {
		fputs("redox-elfcheck: no input files; fix: redox-elfcheck FILE...\n", stderr);
		usage(stderr);
		return 2;
	}
	int first = 1;
	dashdash = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!dashdash && a[0] == '-' && a[1]) {
			dashdash = !strcmp(a, "--");
			continue;
		}
		struct ec_report r = { 0 };
		ec_check_file(a, &r);
		if (json)
			ec_print_json(stdout, a, &r, quiet, first);
		else
			ec_print_text(r.unreadable ? stderr : stdout, a, &r, quiet);
		first = 0;
		int s = r.unreadable ? 2 : ec_count(&r, EC_ERROR) + ec_count(&r, EC_WARNING) ? 1 : 0;
		if (s > status)
			status = s;
		ec_report_free(&r);
	}
	if (json)
		fputs("\n]\n", stdout);
	return fflush(stdout) ? 2 : status;
}
