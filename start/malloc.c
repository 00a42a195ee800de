/* SPDX-License-Identifier: MIT */
/* malloc, free, calloc, realloc for programs without relibc, on anonymous
   fmap memory (redox_fmap/redox_funmap, redox-abi.md §4). LLVM libunwind
   allocates when its FDE cache outgrows 64 entries (docs/unwind.md).
   Single-threaded, like the rest of the freestanding runtime (no TLS, no
   locks). Blocks are 16-byte aligned, with a 16-byte header in front:
   - up to 4 KiB: power-of-two size classes 32 B … 4 KiB, carved from 64 KiB
     fmap'd chunks; a freed block goes on its class's free list;
   - larger: a mapping of its own, rounded to pages, unmapped by free.
   Out of memory returns NULL. free of a pointer this allocator did not
   return is caught by the header's tag and stops the program with a message. */
#include <stddef.h>
#include <stdint.h>
#include <redox/syscall.h>
#include "internal.h"

#define HDR 16u
#define MIN_SHIFT 5u			/* 32-byte blocks: header + 16 bytes */
#define MAX_SHIFT 12u			/* 4 KiB */
#define NCLASS (MAX_SHIFT - MIN_SHIFT + 1)
#define CHUNK (64u * 1024)
#define PAGE 4096u
#define TAG_SMALL 0x52534d4cu		/* "RSML" */
#define TAG_LARGE 0x52424947u		/* "RBIG" */

struct hdr {
	uint32_t tag;
	uint32_t cls;		/* size class (small) */
	size_t size;		/* block size (small) or mapping size (large) */
};
_Static_assert(sizeof(struct hdr) == HDR, "header keeps 16-byte alignment");

static void *free_list[NCLASS];
static unsigned char *bump, *bump_end;

static void *map(size_t len)
{
	struct redox_map m = {0, len, REDOX_PROT_READ | REDOX_PROT_WRITE | REDOX_MAP_PRIVATE, 0};
	long a = redox_fmap(REDOX_FMAP_ANONYMOUS, &m, sizeof m);
	return a <= 0 ? NULL : (void *)a;
}

void *malloc(size_t n)
{
	if (n > SIZE_MAX - HDR - PAGE)
		return NULL;
	size_t need = n + HDR;
	struct hdr *h;
	if (need > (1u << MAX_SHIFT)) {
		size_t len = (need + PAGE - 1) & ~(size_t)(PAGE - 1);
		h = map(len);
		if (!h)
			return NULL;
		*h = (struct hdr){TAG_LARGE, 0, len};
		return h + 1;
	}
	unsigned c = 0;
	while ((1u << (MIN_SHIFT + c)) < need)
		c++;
	size_t size = (size_t)1 << (MIN_SHIFT + c);
	if (free_list[c]) {
		h = (struct hdr *)free_list[c] - 1;
		free_list[c] = *(void **)free_list[c];
	} else {
		if ((size_t)(bump_end - bump) < size) {
			/* The chunk's tail (smaller than this block) is left unused. */
			unsigned char *p = map(CHUNK);
			if (!p)
				return NULL;
			bump = p, bump_end = p + CHUNK;
		}
		h = (struct hdr *)bump;
		bump += size;
	}
	*h = (struct hdr){TAG_SMALL, c, size};
	return h + 1;
}

static struct hdr *header_of(void *p, int in_realloc)
{
	struct hdr *h = (struct hdr *)p - 1;
	if (((uintptr_t)p & (HDR - 1)) ||
	    !((h->tag == TAG_SMALL && h->cls < NCLASS && h->size == (size_t)1 << (MIN_SHIFT + h->cls)) ||
	      (h->tag == TAG_LARGE && h->size >= PAGE && !(h->size & (PAGE - 1)))))
		in_realloc ? START_DIE("redox-crt: realloc: not a pointer from malloc, or already freed, or its "
				    "header was overwritten\n")
			: START_DIE("redox-crt: free: not a pointer from malloc, or freed twice, or its header "
				    "was overwritten\n");
	return h;
}

void free(void *p)
{
	if (!p)
		return;
	struct hdr *h = header_of(p, 0);
	if (h->tag == TAG_LARGE) {
		h->tag = 0;
		redox_funmap(h, h->size);
		return;
	}
	h->tag = 0;	/* a second free of this block is caught above */
	*(void **)p = free_list[h->cls];
	free_list[h->cls] = p;
}

void *calloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		return NULL;
	size_t n = count * size;
	unsigned char *p = malloc(n);
	if (p)	/* fresh mappings are zero, recycled blocks are not */
		for (size_t i = 0; i < n; i++)
			p[i] = 0;
	return p;
}

void *realloc(void *p, size_t n)
{
	if (!p)
		return malloc(n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	struct hdr *h = header_of(p, 1);
	size_t have = h->size - HDR;
	if (n <= have)
		return p;
	unsigned char *q = malloc(n);
	if (!q)
		return NULL;
	for (size_t i = 0; i < have; i++)
		q[i] = ((unsigned char *)p)[i];
	free(p);
	return q;
}
