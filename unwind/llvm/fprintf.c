/* SPDX-License-Identifier: MIT */
/* The fprintf(stderr, ...) LLVM libunwind reports errors with
   (_LIBUNWIND_ABORT's "libunwind: %s - %s\n" before abort, and
   _LIBUNWIND_LOG's warnings with PRIx64, PRIu64, %p, %d ...), formatted
   into a 256-byte buffer that goes to fd 2 (../<arch>/write2.S) whenever it
   fills and at the end, so the unwinder needs no stdio from relibc and works
   in freestanding programs. For the directives it supports it prints what
   C's printf prints (glibc's, for %p: "(nil)" for a null pointer; checked
   against glibc's vsnprintf by tests/unwind/test_fprintf.c):
     conversions  d i u x X o c s p %
     flags        - 0   (0 pads after the sign or "0x"; ignored with -)
     width        decimal digits
     length       hh h l ll z j t (LP64: l, ll, z, j and t are 64-bit)
   Anything else (a precision, '*', %f ...) is copied as written and takes
   no argument. Returns the number of bytes formatted. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "stdio.h"

long __redox_unwind_write2(const char *buf, size_t len) __attribute__((visibility("hidden")));

struct out {
	char buf[256];
	size_t n;
	int total;
};

static void put(struct out *o, char c)
{
	if (o->n == sizeof o->buf) {
		__redox_unwind_write2(o->buf, o->n);
		o->n = 0;
	}
	o->buf[o->n++] = c;
	o->total++;
}

static void put_str(struct out *o, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		put(o, s[i]);
}

static void pad(struct out *o, char c, int n)
{
	for (; n > 0; n--)
		put(o, c);
}

struct spec {
	int left;	/* '-' */
	int zero;	/* '0' */
	int width;
};

/* One field: PREFIX (sign, "0x") then BODY, padded to the width. */
static void field(struct out *o, const struct spec *sp, const char *prefix, size_t plen,
		  const char *body, size_t blen, int zero_ok)
{
	int fill = sp->width - (int)(plen + blen);
	if (sp->left) {
		put_str(o, prefix, plen), put_str(o, body, blen), pad(o, ' ', fill);
	} else if (sp->zero && zero_ok) {
		put_str(o, prefix, plen), pad(o, '0', fill), put_str(o, body, blen);
	} else {
		pad(o, ' ', fill), put_str(o, prefix, plen), put_str(o, body, blen);
	}
}

static void number(struct out *o, const struct spec *sp, uint64_t v, unsigned base, int upper,
		   const char *prefix, size_t plen)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char d[24];
	size_t k = sizeof d;
	do {
		d[--k] = digits[v % base];
		v /= base;
	} while (v);
	field(o, sp, prefix, plen, d + k, sizeof d - k, 1);
}

static size_t cstrlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

int __redox_unwind_fprintf(FILE *f, const char *fmt, ...)
{
	struct out o;
	va_list ap;
	(void)f;
	o.n = 0;
	o.total = 0;
	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (*p != '%') {
			put(&o, *p);
			continue;
		}
		const char *start = p++;
		struct spec sp = {0, 0, 0};
		for (;; p++) {
			if (*p == '-')
				sp.left = 1;
			else if (*p == '0')
				sp.zero = 1;
			else
				break;
		}
		while (*p >= '0' && *p <= '9' && sp.width < 100000)
			sp.width = sp.width * 10 + (*p++ - '0');
		/* length: -2 hh, -1 h, 0 none, 1 64-bit (l ll z j t) */
		int len = 0;
		if (*p == 'h')
			len = p[1] == 'h' ? (p += 2, -2) : (p++, -1);
		else if (*p == 'l')
			len = 1, p += p[1] == 'l' ? 2 : 1;
		else if (*p == 'z' || *p == 'j' || *p == 't')
			len = 1, p++;
		switch (*p) {
		case 'd':
		case 'i': {
			int64_t v = len == 1 ? va_arg(ap, long) : va_arg(ap, int);
			if (len == -1)
				v = (short)v;
			else if (len == -2)
				v = (signed char)v;
			uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
			number(&o, &sp, mag, 10, 0, "-", v < 0);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o': {
			uint64_t v = len == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
			if (len == -1)
				v = (unsigned short)v;
			else if (len == -2)
				v = (unsigned char)v;
			number(&o, &sp, v, *p == 'u' ? 10 : *p == 'o' ? 8 : 16, *p == 'X', "", 0);
			break;
		}
		case 'p': {
			uintptr_t v = (uintptr_t)va_arg(ap, void *);
			if (v)
				number(&o, &sp, v, 16, 0, "0x", 2);
			else
				field(&o, &sp, "", 0, "(nil)", 5, 0);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			s = s ? s : "(null)";
			field(&o, &sp, "", 0, s, cstrlen(s), 0);
			break;
		}
		case 'c': {
			char c = (char)va_arg(ap, int);
			field(&o, &sp, "", 0, &c, 1, 0);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		default: /* unsupported: copy the directive as written */
			put_str(&o, start, (size_t)(p - start) + (*p != 0));
			if (!*p)
				p--;
			break;
		}
	}
	va_end(ap);
	if (o.n)
		__redox_unwind_write2(o.buf, o.n);
	return o.total;
}
