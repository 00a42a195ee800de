/* SPDX-License-Identifier: MIT */
/* Linked against an imported libc (the test's stand-in relibc), no -nolibc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	(void)argv;
	puts("hello through the imported libc");
	if (argc < 1)
		exit(1);
	return (int)strlen("0123456789abcd");
}
