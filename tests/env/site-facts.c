/* SPDX-License-Identifier: MIT */
/* check-env: the relibc facts behind toolchain/autoconf/config.site, tested
   in relibc itself (run in redox-run). For each cache variable the site file
   answers, print "VARIABLE ANSWER" with the answer this relibc earns; the
   test compares it with the site file's. Written from POSIX's wording, not
   from gnulib's test programs. */
#include <stdio.h>
#include <wchar.h>
#include <string.h>

int main(void)
{
	/* POSIX mbsrtowcs: "If dst is a null pointer, the pointer object
	   pointed to by src shall not be altered", and the count excludes the
	   terminating null; converting afterwards must give the string. */
	{
		static const char input[] = "Hello";
		const char *src = input;
		mbstate_t st;
		wchar_t out[8];
		int works = 1;

		memset(&st, 0, sizeof st);
		if (mbsrtowcs(NULL, &src, 0, &st) != 5 || src != input)
			works = 0;
		src = input;
		memset(&st, 0, sizeof st);
		if (mbsrtowcs(out, &src, 8, &st) != 5 || src != NULL || out[0] != L'H' || out[5] != 0)
			works = 0;
		printf("gl_cv_func_mbsrtowcs_works %s\n", works ? "yes" : "no");
	}
	return 0;
}
