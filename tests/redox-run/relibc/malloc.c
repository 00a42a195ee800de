// SPDX-License-Identifier: MIT
/* dlmalloc over SYS_FMAP/SYS_FUNMAP (relibc-runtime.md §3): many sizes,
 * contents kept across realloc, calloc zeroed, big blocks, frees that trim. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fails;
#define CHECK(c, ...) do { if (!(c)) { fails++; printf("FAIL %d: ", __LINE__); printf(__VA_ARGS__); putchar('\n'); } } while (0)

void *volatile sink;

static unsigned char pat(size_t i, size_t salt) { return (unsigned char)(i * 31 + salt * 7 + 1); }

/* The byte after k to write and check in a block of n: every byte of a small
 * block; the first and last 512 and every 61st byte of a big one (the
 * emulator runs every guest instruction). */
static size_t next(size_t k, size_t n)
{
	if (n <= 4096 || k < 512 || k + 512 >= n)
		return k + 1;
	return k + 61 < n - 512 ? k + 61 : n - 512;
}

int main(void)
{
	enum { N = 300 };
	static unsigned char *p[N];
	static size_t sz[N];
	/* 1 byte .. ~600 KiB, a mix of small, medium and big blocks. */
	for (size_t i = 0; i < N; i++) {
		sz[i] = (i % 3 == 0) ? i + 1 : (i % 3 == 1) ? (i + 1) * 97 : (i + 1) * 2048;
		p[i] = malloc(sz[i]);
		CHECK(p[i] != NULL, "malloc(%zu)", sz[i]);
		CHECK(((uintptr_t)p[i] & 15) == 0, "malloc(%zu) alignment %p", sz[i], (void *)p[i]);
		for (size_t k = 0; k < sz[i]; k = next(k, sz[i]))
			p[i][k] = pat(k, i);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t k = 0; k < sz[i]; k = next(k, sz[i]))
			if (p[i][k] != pat(k, i)) {
				CHECK(0, "block %zu byte %zu changed", i, k);
				break;
			}
	/* Free every other block, then grow the rest with realloc. */
	for (size_t i = 0; i < N; i += 2) {
		free(p[i]);
		p[i] = NULL;
	}
	for (size_t i = 1; i < N; i += 2) {
		size_t nsz = sz[i] * 3 + 5;
		unsigned char *q = realloc(p[i], nsz);
		CHECK(q != NULL, "realloc(%zu)", nsz);
		for (size_t k = 0; k < sz[i]; k = next(k, sz[i]))
			if (q[k] != pat(k, i)) {
				CHECK(0, "realloc lost byte %zu of block %zu", k, i);
				break;
			}
		p[i] = q;
		sz[i] = nsz;
	}
	/* calloc: zeroed, including memory that was just freed. */
	for (size_t n = 1; n <= 1 << 18; n *= 4) {
		unsigned char *c = calloc(n, 3);
		CHECK(c != NULL, "calloc(%zu, 3)", n);
		size_t nz = 0;
		for (size_t k = 0; k < n * 3; k++)
			nz += c[k] != 0;
		CHECK(nz == 0, "calloc(%zu, 3) has %zu non-zero bytes", n, nz);
		memset(c, 0xAB, n * 3);
		free(c);
	}
	/* The pointer escapes, so the compiler cannot elide the call. */
	errno = 0;
	sink = calloc((size_t)1 << 62, 8);
	CHECK(sink == NULL && errno == ENOMEM, "calloc overflow must fail with ENOMEM");
	/* A 32 MiB block, written at both ends, then released. */
	unsigned char *big = malloc(32u << 20);
	CHECK(big != NULL, "malloc(32 MiB)");
	big[0] = 1;
	big[(32u << 20) - 1] = 2;
	CHECK(big[0] + big[(32u << 20) - 1] == 3, "big block ends");
	free(big);
	for (size_t i = 0; i < N; i++)
		free(p[i]);
	/* After all that, the heap still works. */
	char *s = malloc(64);
	snprintf(s, 64, "%s %d", "still", 42);
	puts(s);
	free(s);
	printf("%s\n", fails ? "malloc: FAILED" : "malloc: ok");
	return fails != 0;
}
