/* SPDX-License-Identifier: MIT */
/* memcpy, memmove, memset for programs without relibc: clang emits calls to
   them for struct copies and initialisers, and LLVM libunwind calls memcpy
   and memset (docs/unwind.md). Word-at-a-time when both pointers allow it.
   -ffreestanding implies -fno-builtin, which keeps clang from turning these
   loops back into calls to themselves. */
#include <stddef.h>
#include <stdint.h>

typedef uint64_t __attribute__((may_alias)) word;
#define W sizeof(word)

/* Forward copy; also correct for overlap with d below s. */
static void *copy_forward(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;
	if ((((uintptr_t)dp | (uintptr_t)sp) & (W - 1)) == 0)
		for (; n >= W; n -= W, dp += W, sp += W)
			*(word *)dp = *(const word *)sp;
	while (n--)
		*dp++ = *sp++;
	return d;
}

void *memcpy(void *restrict d, const void *restrict s, size_t n)
{
	return copy_forward(d, s, n);
}

void *memmove(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;
	if (dp == sp || n == 0)
		return d;
	if ((uintptr_t)dp - (uintptr_t)sp >= n)	/* no overlap that forward copying breaks */
		return copy_forward(d, s, n);
	dp += n, sp += n;	/* d is above s and overlaps: copy backward */
	if ((((uintptr_t)dp | (uintptr_t)sp) & (W - 1)) == 0)
		for (; n >= W; n -= W)
			dp -= W, sp -= W, *(word *)dp = *(const word *)sp;
	while (n--)
		*--dp = *--sp;
	return d;
}

void *memset(void *d, int c, size_t n)
{
	unsigned char *dp = d;
	if (((uintptr_t)dp & (W - 1)) == 0 && n >= W) {
		word v = (unsigned char)c * (word)0x0101010101010101ull;
		for (; n >= W; n -= W, dp += W)
			*(word *)dp = v;
	}
	while (n--)
		*dp++ = (unsigned char)c;
	return d;
}
