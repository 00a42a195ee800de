// SPDX-License-Identifier: MIT
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rr.h"

/* Where fmap without a fixed address places mappings: below the stack. */
#define RR_MMAP_BASE 0x700000000000ull

static uint32_t to_uc_prot(unsigned p)
{
	return (p & RR_PROT_R ? UC_PROT_READ : 0) | (p & RR_PROT_W ? UC_PROT_WRITE : 0) |
	       (p & RR_PROT_X ? UC_PROT_EXEC : 0);
}

/* Replace [s,e) in the mirror with prot (or with nothing if prot < 0). */
static int mirror_set(struct rr *rr, uint64_t s, uint64_t e, int prot)
{
	size_t need = rr->nvm + 2;
	if (need > rr->capvm) {
		size_t cap = need * 2;
		struct rr_region *n = realloc(rr->vm, cap * sizeof *n);
		if (!n)
			return -1;
		rr->vm = n;
		rr->capvm = cap;
	}
	struct rr_region *out = malloc(need * sizeof *out);
	if (!out)
		return -1;
	size_t k = 0;
	int placed = prot < 0;
	for (size_t i = 0; i < rr->nvm; i++) {
		struct rr_region r = rr->vm[i];
		if (!placed && r.start >= s) {
			out[k++] = (struct rr_region){ s, e, (unsigned)prot };
			placed = 1;
		}
		if (r.end <= s || r.start >= e) {
			out[k++] = r;
			continue;
		}
		if (r.start < s)
			out[k++] = (struct rr_region){ r.start, s, r.prot };
		if (!placed) {
			out[k++] = (struct rr_region){ s, e, (unsigned)prot };
			placed = 1;
		}
		if (r.end > e)
			out[k++] = (struct rr_region){ e, r.end, r.prot };
	}
	if (!placed)
		out[k++] = (struct rr_region){ s, e, (unsigned)prot };
	memcpy(rr->vm, out, k * sizeof *out);
	rr->nvm = k;
	free(out);
	return 0;
}

static int range_ok(uint64_t start, uint64_t len)
{
	return len && !(start & (RR_PAGE - 1)) && !(len & (RR_PAGE - 1)) &&
	       start + len > start && start + len <= RR_STACK_TOP;
}

int rr_vm_map(struct rr *rr, uint64_t start, uint64_t len, unsigned prot)
{
	if (!range_ok(start, len) || !rr_vm_is_free(rr, start, len))
		return -EINVAL;
	if (uc_mem_map(rr->uc, start, len, to_uc_prot(prot)) != UC_ERR_OK)
		return -ENOMEM;
	if (mirror_set(rr, start, start + len, (int)prot) < 0)
		return -ENOMEM;
	return 0;
}

int rr_vm_unmap(struct rr *rr, uint64_t start, uint64_t len)
{
	if (!range_ok(start, len))
		return -EINVAL;
	uint64_t e = start + len;
	for (size_t i = 0; i < rr->nvm; i++) {
		uint64_t s0 = rr->vm[i].start > start ? rr->vm[i].start : start;
		uint64_t e0 = rr->vm[i].end < e ? rr->vm[i].end : e;
		if (s0 < e0 && uc_mem_unmap(rr->uc, s0, e0 - s0) != UC_ERR_OK)
			return -ENOMEM;
	}
	return mirror_set(rr, start, e, -1) < 0 ? -ENOMEM : 0;
}

int rr_vm_protect(struct rr *rr, uint64_t start, uint64_t len, unsigned prot)
{
	if (!range_ok(start, len))
		return -EINVAL;
	if (!rr_vm_check(rr, start, len, 0))
		return -ENOMEM;
	if (uc_mem_protect(rr->uc, start, len, to_uc_prot(prot)) != UC_ERR_OK)
		return -ENOMEM;
	return mirror_set(rr, start, start + len, (int)prot) < 0 ? -ENOMEM : 0;
}

int rr_vm_is_free(const struct rr *rr, uint64_t start, uint64_t len)
{
	for (size_t i = 0; i < rr->nvm; i++)
		if (rr->vm[i].start < start + len && start < rr->vm[i].end)
			return 0;
	return 1;
}

uint64_t rr_vm_find_free(const struct rr *rr, uint64_t len)
{
	uint64_t a = RR_MMAP_BASE;
	for (size_t i = 0; i < rr->nvm; i++) {
		if (rr->vm[i].end <= a)
			continue;
		if (rr->vm[i].start >= a + len)
			break;
		a = rr->vm[i].end;
	}
	if (a + len < a || a + len > RR_STACK_BASE)
		return 0;
	return a;
}

/* Every byte of [addr, addr+len) mapped with at least `need`. */
int rr_vm_check(const struct rr *rr, uint64_t addr, uint64_t len, unsigned need)
{
	if (len == 0)
		return 1;
	if (addr + len < addr)
		return 0;
	uint64_t cur = addr, end = addr + len;
	for (size_t i = 0; i < rr->nvm && cur < end; i++) {
		if (rr->vm[i].end <= cur)
			continue;
		if (rr->vm[i].start > cur || (rr->vm[i].prot & need) != need)
			return 0;
		cur = rr->vm[i].end;
	}
	return cur >= end;
}

int rr_guest_read(struct rr *rr, uint64_t addr, void *buf, uint64_t len)
{
	if (!rr_vm_check(rr, addr, len, RR_PROT_R))
		return -EFAULT;
	if (len && uc_mem_read(rr->uc, addr, buf, len) != UC_ERR_OK)
		return -EFAULT;
	return 0;
}

int rr_guest_write(struct rr *rr, uint64_t addr, const void *buf, uint64_t len)
{
	if (!rr_vm_check(rr, addr, len, RR_PROT_W))
		return -EFAULT;
	if (len && uc_mem_write(rr->uc, addr, buf, len) != UC_ERR_OK)
		return -EFAULT;
	return 0;
}
