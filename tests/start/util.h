/* SPDX-License-Identifier: MIT */
/* Output helpers for the freestanding test programs: fd 1 through the
   syscall library, no libc. */
#ifndef TEST_UTIL_H
#define TEST_UTIL_H
#include <redox/syscall.h>

static inline unsigned long t_strlen(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	return n;
}

static inline void t_puts(const char *s)
{
	redox_write(1, s, t_strlen(s));
}

static inline void t_putu(unsigned long v, int base)
{
	char buf[24];
	int i = sizeof buf;
	do {
		buf[--i] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	redox_write(1, buf + i, sizeof buf - i);
}

static inline int t_streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static inline int t_atoi(const char *s)
{
	int v = 0;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v;
}
#endif
