/* SPDX-License-Identifier: MIT */
/* memset/memcpy (the compiler may emit calls to them) and a strlen for the
 * freestanding e2e programs; included once per program. */
#include <stddef.h>

void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;
	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *p = d;
	const unsigned char *q = s;
	while (n--)
		*p++ = *q++;
	return d;
}

static size_t len(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}
