/* SPDX-License-Identifier: MIT */
/* Output and string helpers for freestanding test programs run in redox-run:
   fd 1 through the syscall library, no libc. */
#ifndef TESTS_GUEST_IO_H
#define TESTS_GUEST_IO_H
#include <redox/syscall.h>

static inline unsigned long gio_strlen(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	return n;
}

static inline void gio_puts(const char *s)
{
	redox_write(1, s, gio_strlen(s));
}

/* v in base 10 or 16, no prefix */
static inline void gio_putu(unsigned long v, unsigned base)
{
	char b[24];
	int i = sizeof b;
	do
		b[--i] = "0123456789abcdef"[v % base];
	while ((v /= base) != 0);
	redox_write(1, b + i, sizeof b - (unsigned long)i);
}

static inline int gio_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static inline int gio_atoi(const char *s)
{
	int v = 0;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v;
}
#endif
