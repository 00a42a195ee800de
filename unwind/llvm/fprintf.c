/* SPDX-License-Identifier: MIT */
/* The fprintf(stderr, ...) LLVM libunwind reports fatal errors with
   ("libunwind: %s - %s\n" before abort), formatted into a buffer and
   written to fd 2 with one syscall (../<arch>/write2.S), so the unwinder
   needs no stdio from relibc and works in freestanding programs. Supports
   %s %c %d %i %u %x %p %% with the l, ll, z and j modifiers, a field width
   and the 0 flag; anything else is copied as it is. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "stdio.h"

long __redox_unwind_write2(const char *buf, size_t len) __attribute__((visibility("hidden")));

struct out {
	char buf[256];
	size_t n;
};

static void put(struct out *o, char c)
{
	if (o->n == sizeof o->buf) {
		__redox_unwind_write2(o->buf, o->n);
		o->n = 0;
	}
	o->buf[o->n++] = c;
}

static void put_num(struct out *o, uint64_t v, unsigned base, int neg, int width, char pad)
{
	char d[24];
	int k = 0;
	do {
		d[k++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		d[k++] = '-';
	for (int w = k; w < width; w++)
		put(o, pad);
	while (k)
		put(o, d[--k]);
}

int __redox_unwind_fprintf(FILE *f, const char *fmt, ...)
{
	struct out o;
	va_list ap;
	(void)f;
	o.n = 0;
	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			put(&o, *p);
			continue;
		}
		const char *spec = p++;
		char pad = ' ';
		int width = 0, longs = 0;
		if (*p == '0')
			pad = '0', p++;
		while (*p >= '0' && *p <= '9')
			width = width * 10 + (*p++ - '0');
		for (; *p == 'l' || *p == 'z' || *p == 'j'; p++)
			longs++;
		switch (*p) {
		case 'd':
		case 'i': {
			int64_t v = longs ? va_arg(ap, long) : va_arg(ap, int);
			put_num(&o, v < 0 ? 0 - (uint64_t)v : (uint64_t)v, 10, v < 0, width, pad);
			break;
		}
		case 'u':
		case 'x':
			put_num(&o, longs ? va_arg(ap, unsigned long) : va_arg(ap, unsigned), *p == 'u' ? 10 : 16,
				0, width, pad);
			break;
		case 'p':
			put(&o, '0'), put(&o, 'x');
			put_num(&o, (uintptr_t)va_arg(ap, void *), 16, 0, width, pad);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			for (s = s ? s : "(null)"; *s; s++)
				put(&o, *s);
			break;
		}
		case 'c':
			put(&o, (char)va_arg(ap, int));
			break;
		case '%':
			put(&o, '%');
			break;
		default: /* unknown: copy the directive as written */
			for (; spec <= p && *spec; spec++)
				put(&o, *spec);
			if (!*p)
				p--;
			break;
		}
	}
	va_end(ap);
	if (o.n)
		__redox_unwind_write2(o.buf, o.n);
	return 0;
}
