/* SPDX-License-Identifier: MIT */
/* Host unit tests of the formatter LLVM libunwind's error and warning
   messages go through (unwind/llvm/fprintf.c, docs/unwind.md). The oracle
   is the host's own vsnprintf (glibc): for every directive the formatter
   supports, the bytes it hands to __redox_unwind_write2 must be exactly
   what glibc prints. What C leaves to the implementation or glibc does not
   print (unsupported directives, the buffer's flush points) is written by
   hand below. Built plain and with ASan+UBSan (tests/unwind/part.mk). */
#include <check.h>
#include "../lib/check_run.h"
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

__attribute__((format(printf, 2, 3))) int __redox_unwind_fprintf(void *f, const char *fmt, ...);

/* The fd-2 writer fprintf.c calls: captured here, with the size of every
   call (the formatter's buffer is 256 bytes). */
static char got[8192];
static size_t ngot;
static size_t calls[64];
static unsigned ncalls;

long __redox_unwind_write2(const char *buf, size_t len)
{
	if (len == 0 || ngot + len > sizeof got || ncalls == sizeof calls / sizeof calls[0])
		_exit(90); /* an empty write, or far more output than any case makes */
	memcpy(got + ngot, buf, len);
	ngot += len;
	calls[ncalls++] = len;
	return (long)len;
}

static void reset(void)
{
	ngot = 0;
	ncalls = 0;
}

/* fmt with its arguments through both; the bytes and the count must agree. */
#define SAME(...)                                                                          \
	do {                                                                               \
		char want_[4096];                                                          \
		int wn_ = snprintf(want_, sizeof want_, __VA_ARGS__);                      \
		ck_assert_int_lt(wn_, (int)sizeof want_);                                 \
		reset();                                                                   \
		int n_ = __redox_unwind_fprintf(NULL, __VA_ARGS__);                         \
		ck_assert_msg(ngot == (size_t)wn_ && memcmp(got, want_, ngot) == 0,        \
			      "%s: glibc \"%s\", ours \"%.*s\"", #__VA_ARGS__, want_, (int)ngot, \
			      got);                                                        \
		ck_assert_int_eq(n_, wn_);                                                 \
	} while (0)

START_TEST(abort_message)
{
	/* _LIBUNWIND_ABORT (libunwind src/config.h), as _Unwind_Resume uses it. */
	SAME("libunwind: %s - %s\n", "_Unwind_Resume", "_Unwind_Resume() can't return");
	SAME("plain text, no directive\n");
	SAME("%s", "");
	const char *volatile null = NULL;
	SAME("%s|%s", null, "x");
	SAME("100%% %c%c%c", 'a', '%', 'z');
}
END_TEST

START_TEST(signed_conversions)
{
	SAME("%d %d %d %d %d", 0, 1, -1, INT_MAX, INT_MIN);
	SAME("%i %i", 42, -42);
	SAME("%ld %ld %ld", 0L, LONG_MAX, LONG_MIN);
	SAME("%lld %lld", LLONG_MAX, LLONG_MIN);
	SAME("%zd %zd", (ssize_t)-5, (ssize_t)SSIZE_MAX);
	SAME("%jd %td", (intmax_t)INTMAX_MIN, (ptrdiff_t)-7);
	SAME("%hd %hd %hhd %hhd", 70000, -32769, 200, -129);
	/* The width counts the sign; zeros go after it. */
	SAME("[%5d] [%-5d] [%05d] [%05d] [%1d]", -42, -42, -42, 42, -42);
	/* '0' with '-' is ignored (C11 7.21.6.1p6); a variable format, since
	   the compiler's format check warns about it. */
	const char *dash_zero = "[%-05d] [%-05x]";
	SAME(dash_zero, -42, 0xabu);
	SAME("[%020ld] [%20ld]", LONG_MIN, LONG_MIN);
}
END_TEST

START_TEST(unsigned_conversions)
{
	SAME("%u %u %u", 0u, 1u, UINT_MAX);
	SAME("%lu %llu %zu %ju", ULONG_MAX, ULLONG_MAX, SIZE_MAX, UINTMAX_MAX);
	SAME("%x %x %X %lx %lX", 0u, 0xdeadbeefu, 0xdeadbeefu, 0x123456789abcdef0ul, 0xfedcba9876543210ul);
	SAME("%llx %zx %jx", ~0ull, (size_t)0x1000, (uintmax_t)1 << 63);
	SAME("%o %o %lo", 0u, 8u, ULONG_MAX);
	SAME("%hu %hx %hhu %hhx", 70000u, 0x12345u, 300u, 0x1ffu);
	/* A 32-bit value with the high half set must not be read as 64-bit. */
	SAME("%u %x", (unsigned)-1, (unsigned)-1);
	SAME("[%8x] [%08x] [%-8x] [%016lx] [%2x]", 0xbeefu, 0xbeefu, 0xbeefu, 0xabcul, 0x12345u);
	/* What libunwind's own messages use (src/EHHeaderParser.hpp,
	   DwarfParser.hpp), through the host's PRI macros. */
	SAME("unsupported .eh_frame_hdr at %" PRIx64 " %" PRIu64 " %" PRId64 " %" PRIu8,
	     (uint64_t)0x7fff12345678, (uint64_t)UINT64_MAX, (int64_t)INT64_MIN, (uint8_t)255);
	SAME("%08llx %0llx", 0x1234ull, 0ull);
}
END_TEST

START_TEST(pointers_chars_strings)
{
	SAME("%p %p", (void *)0x1234, (void *)UINTPTR_MAX);
	SAME("[%p] [%10p] [%-10p]", (void *)NULL, (void *)NULL, (void *)NULL);
	SAME("[%20p] [%-20p]", (void *)0xabcdef, (void *)0xabcdef);
	SAME("[%5c] [%-5c]", 'q', 'q');
	SAME("[%10s] [%-10s] [%2s]", "abc", "abc", "abcdef");
}
END_TEST

START_TEST(long_output_flushes_every_256_bytes)
{
	char s[601];
	for (size_t i = 0; i < 600; i++)
		s[i] = (char)('a' + i % 26);
	s[600] = 0;
	SAME("<%s>", s);
	/* 602 bytes: 256, 256 and 90 (the formatter's buffer, by hand). */
	ck_assert_uint_eq(ncalls, 3);
	ck_assert_uint_eq(calls[0], 256);
	ck_assert_uint_eq(calls[1], 256);
	ck_assert_uint_eq(calls[2], 90);
	/* Exactly 256: one full write, none empty after it. */
	s[254] = 0;
	SAME("<%s>", s);
	ck_assert_uint_eq(ncalls, 1);
	ck_assert_uint_eq(calls[0], 256);
	/* 257: the last byte in a write of its own. */
	s[254] = 'x';
	s[255] = 0;
	SAME("<%s>", s);
	ck_assert_uint_eq(ncalls, 2);
	ck_assert_uint_eq(calls[0], 256);
	ck_assert_uint_eq(calls[1], 1);
	/* Nothing to print: no write at all. */
	reset();
	ck_assert_int_eq(__redox_unwind_fprintf(NULL, "%s", ""), 0);
	ck_assert_uint_eq(ncalls, 0);
}
END_TEST

/* Through a pointer, so the compiler's format check does not reject the
   unsupported directives on purpose. */
static int (*const fmt_unchecked)(void *, const char *, ...) = __redox_unwind_fprintf;

static void expect_out(const char *want, int rc)
{
	ck_assert_msg(ngot == strlen(want) && memcmp(got, want, ngot) == 0, "want \"%s\", got \"%.*s\"",
		      want, (int)ngot, got);
	ck_assert_int_eq(rc, (int)strlen(want));
}

START_TEST(unsupported_directives_are_copied)
{
	/* docs/unwind.md: copied as written, taking no argument (so the next
	   directive still gets the first argument). By hand. */
	reset();
	expect_out("%f 7", fmt_unchecked(NULL, "%f %d", 7));
	reset();
	expect_out("%.3s abc", fmt_unchecked(NULL, "%.3s %s", "abc"));
	reset();
	expect_out("%*d 5", fmt_unchecked(NULL, "%*d %d", 5));
	reset();
	expect_out("%5q|", fmt_unchecked(NULL, "%5q|"));
	reset();
	expect_out("ends with %", fmt_unchecked(NULL, "ends with %"));
	reset();
	expect_out("%-08l", fmt_unchecked(NULL, "%-08l"));
}
END_TEST

int main(void)
{
	Suite *su = suite_create("unwind-fprintf");
	TCase *tc = tcase_create("glibc-oracle");
	tcase_add_test(tc, abort_message);
	tcase_add_test(tc, signed_conversions);
	tcase_add_test(tc, unsigned_conversions);
	tcase_add_test(tc, pointers_chars_strings);
	tcase_add_test(tc, long_output_flushes_every_256_bytes);
	tcase_add_test(tc, unsupported_directives_are_copied);
	suite_add_tcase(su, tc);
	return check_run(su, CK_FORK_GETENV);
}
