/* SPDX-License-Identifier: MIT */
/* Output helpers for the freestanding test programs (no libc). */
#ifndef SCT_UTIL_H
#define SCT_UTIL_H
#include <redox/syscall.h>

static inline unsigned long sct_strlen(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	return n;
}

static inline void sct_puts(const char *s)
{
	redox_write(1, s, sct_strlen(s));
}

static inline void sct_putu(unsigned long v)
{
	char b[24];
	int i = sizeof b;
	do
		b[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	redox_write(1, b + i, sizeof b - (unsigned long)i);
}

/* "name ok" or "name FAIL <detail>" */
static inline int sct_report(const char *name, int ok, long detail)
{
	sct_puts(name);
	if (ok) {
		sct_puts(" ok\n");
		return 0;
	}
	sct_puts(" FAIL ");
	if (detail < 0) {
		sct_puts("-");
		sct_putu(0UL - (unsigned long)detail);
	} else {
		sct_putu((unsigned long)detail);
	}
	sct_puts("\n");
	return 1;
}
#endif
