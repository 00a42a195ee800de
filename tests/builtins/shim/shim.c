// SPDX-License-Identifier: MIT
// The little libc compiler-rt's unit tests need, for a freestanding Redox
// program: formatted output through redox_write, abort/assert ending the
// process with a failing status, rand, the mem*/str* functions and rounding
// mode control. Floating-point conversions print the value's bits in hex: the
// tests print only when they fail, and the bits are what one then wants.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "stdio.h"
#include "stdlib.h"
#include "string.h"
#include "fenv.h"

long redox_write(unsigned long fd, const void *buf, unsigned long len);

struct shim_file { int fd; };
static struct shim_file out_file = {1}, err_file = {2};
FILE *const stdout = &out_file;
FILE *const stderr = &err_file;

struct sink { int fd; char buf[256]; size_t n; int total; };

static void flush(struct sink *s)
{
	size_t off = 0;
	while (off < s->n) {
		long r = redox_write((unsigned long)s->fd, s->buf + off, s->n - off);
		if (r <= 0)
			break;
		off += (size_t)r;
	}
	s->n = 0;
}

static void put(struct sink *s, char c)
{
	if (s->n == sizeof s->buf)
		flush(s);
	s->buf[s->n++] = c;
	s->total++;
}

static void put_str(struct sink *s, const char *p, int prec)
{
	for (; *p && prec != 0; p++, prec--)
		put(s, *p);
}

static void put_uint(struct sink *s, unsigned long long v, unsigned base, int upper,
		     int width, char pad, int neg)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (neg && pad == '0')
		put(s, '-');
	for (int w = n + neg; w < width; w++)
		put(s, pad);
	if (neg && pad != '0')
		put(s, '-');
	while (n)
		put(s, tmp[--n]);
}

static void put_bits(struct sink *s, const void *p, size_t size)
{
	const unsigned char *b = p;
	put_str(s, "0x", -1);
	for (size_t i = size; i-- > 0;)
		put_uint(s, b[i], 16, 0, 2, '0', 0);
}

static int format(struct sink *s, const char *f, va_list ap)
{
	for (; *f; f++) {
		if (*f != '%') {
			put(s, *f);
			continue;
		}
		char pad = ' ';
		int width = 0, prec = -1, lng = 0, big = 0;
		f++;
		while (*f == '-' || *f == '+' || *f == ' ' || *f == '#' || *f == '0')
			if (*f++ == '0')
				pad = '0';
		if (*f == '*') {
			width = va_arg(ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			width = width * 10 + (*f++ - '0');
		if (*f == '.') {
			prec = 0;
			f++;
			if (*f == '*') {
				prec = va_arg(ap, int);
				f++;
			}
			while (*f >= '0' && *f <= '9')
				prec = prec * 10 + (*f++ - '0');
		}
		for (;; f++) {
			if (*f == 'l' || *f == 'j' || *f == 'z' || *f == 't')
				lng++;
			else if (*f == 'L')
				big = 1;
			else if (*f != 'h')
				break;
		}
		switch (*f) {
		case 'd': case 'i': {
			long long v = lng ? va_arg(ap, long long) : va_arg(ap, int);
			unsigned long long m = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
			put_uint(s, m, 10, 0, width, pad, v < 0);
			break;
		}
		case 'u': case 'x': case 'X': case 'o': {
			unsigned long long v = lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned);
			put_uint(s, v, *f == 'u' ? 10 : *f == 'o' ? 8 : 16, *f == 'X', width, pad, 0);
			break;
		}
		case 'p':
			put_str(s, "0x", -1);
			put_uint(s, (uintptr_t)va_arg(ap, void *), 16, 0, 0, ' ', 0);
			break;
		case 'c':
			put(s, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *p = va_arg(ap, const char *);
			put_str(s, p ? p : "(null)", prec);
			break;
		}
		case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
			if (big) {
				long double v = va_arg(ap, long double);
				put_bits(s, &v, sizeof v);
			} else {
				double v = va_arg(ap, double);
				put_bits(s, &v, sizeof v);
			}
			break;
		case '%':
			put(s, '%');
			break;
		case '\0':
			return s->total;
		default:
			put(s, '%');
			put(s, *f);
		}
	}
	return s->total;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct sink s = { .fd = f->fd };
	int n = format(&s, fmt, ap);
	flush(&s);
	return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int puts(const char *p)
{
	return printf("%s\n", p);
}

int putchar(int c)
{
	printf("%c", c);
	return c;
}

int fflush(FILE *f)
{
	(void)f;
	return 0;
}

// 134 = 128 + SIGABRT, what a shell reports for an aborted process.
void abort(void)
{
	static const char msg[] = "abort() called\n";
	redox_write(2, msg, sizeof msg - 1);
	_Exit(134);
}

void __shim_assert_fail(const char *expr, const char *file, int line)
{
	fprintf(stderr, "%s:%d: assertion failed: %s\n", file, line, expr);
	abort();
}

static unsigned long long rand_state = 1;

void srand(unsigned seed)
{
	rand_state = seed;
}

// Knuth's MMIX LCG, top bits: the tests only want varied inputs.
int rand(void)
{
	rand_state = rand_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)(rand_state >> 33);
}

// Weak, so a runtime that brings its own mem*/str* wins.
__attribute__((weak)) void *memcpy(void *restrict d, const void *restrict src, size_t n)
{
	unsigned char *p = d;
	const unsigned char *q = src;
	while (n--)
		*p++ = *q++;
	return d;
}

__attribute__((weak)) void *memmove(void *d, const void *src, size_t n)
{
	unsigned char *p = d;
	const unsigned char *q = src;
	if (p < q)
		while (n--)
			*p++ = *q++;
	else
		while (n--)
			p[n] = q[n];
	return d;
}

__attribute__((weak)) void *memset(void *d, int c, size_t n)
{
	unsigned char *p = d;
	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

__attribute__((weak)) int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

__attribute__((weak)) size_t strlen(const char *p)
{
	size_t n = 0;
	while (p[n])
		n++;
	return n;
}

__attribute__((weak)) int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

#if defined(__x86_64__)
// Both units round: x87 (long double) via the control word, SSE via MXCSR.
int fegetround(void)
{
	unsigned mxcsr;
	__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
	return (int)((mxcsr >> 3) & 0xc00);
}

int fesetround(int mode)
{
	if (mode & ~0xc00)
		return -1;
	unsigned short cw;
	unsigned mxcsr;
	__asm__ volatile("fnstcw %0" : "=m"(cw));
	cw = (unsigned short)((cw & ~0xc00) | mode);
	__asm__ volatile("fldcw %0" : : "m"(cw));
	__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
	mxcsr = (mxcsr & ~0x6000u) | ((unsigned)mode << 3);
	__asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
	return 0;
}
#elif defined(__aarch64__)
int fegetround(void)
{
	unsigned long fpcr;
	__asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
	return (int)(fpcr & 0xc00000);
}

int fesetround(int mode)
{
	if (mode & ~0xc00000)
		return -1;
	unsigned long fpcr;
	__asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
	fpcr = (fpcr & ~0xc00000ul) | (unsigned long)mode;
	__asm__ volatile("msr fpcr, %0" : : "r"(fpcr));
	return 0;
}
#endif
