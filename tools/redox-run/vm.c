// SPDX-License-Identifier: MIT
/* Guest memory (docs/redox-run-memory.md).
 *
 * Two layers. The mirror is redox-run's own page-granular record of what
 * the guest has mapped: a sorted array of runs, adjacent runs with the same
 * protection always merged, so permissions are checked here for syscalls.
 * Below it Unicorn holds "blocks": each a uc_mem_map_ptr region inside one
 * run and one 1 GiB slot of the guest address space, backed by host memory
 * at a fixed place (the slot's host reservation plus the offset), so blocks
 * of one run can be merged by unmapping and mapping again without copying.
 *
 * Unicorn 2.0.1 cannot hold many regions: every map/unmap rebuilds its
 * memory topology at a cost that grows with the square of the region count
 * (0.3 ms per map at 200 regions, 9 ms at 1000), and it aborts the host
 * near 1,020 regions on aarch64 (section table of TARGET_PAGE_SIZE 1 KiB
 * entries) and 4,100 on x86_64. So blocks are merged back into one per run
 * and slot whenever their count doubles, and a guest that needs more than
 * RR_VM_MAX_BLOCKS distinct runs, or more than RR_VM_MAX_BYTES of memory,
 * gets -ENOMEM. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "rr.h"

/* Where fmap without a fixed address places mappings: below the stack. */
#define RR_MMAP_BASE 0x700000000000ull
#define SLOT_SHIFT 30
#define SLOT_SIZE (1ull << SLOT_SHIFT)
#define NSLOTS (RR_STACK_TOP >> SLOT_SHIFT)
/* Merging costs a remap of every page of the run; below this many blocks
 * Unicorn's own cost per call is small enough not to bother. */
#define RR_VM_COMPACT_MIN 64

struct rr_slot {
	unsigned char *host;   /* SLOT_SIZE bytes reserved (MAP_NORESERVE) */
	uint64_t pages;        /* guest pages mapped in this slot */
};

struct rr_mm {
	struct rr_region *run, *blk;
	size_t nrun, caprun, nblk, capblk;
	size_t compact_at;     /* merge blocks when nblk would pass this */
	uint64_t mapped;       /* bytes mapped */
	struct rr_slot *slot;
};

static uint32_t to_uc_prot(unsigned p)
{
	return (p & RR_PROT_R ? UC_PROT_READ : 0) | (p & RR_PROT_W ? UC_PROT_WRITE : 0) |
	       (p & RR_PROT_X ? UC_PROT_EXEC : 0);
}

static uint64_t slot_end(uint64_t a) { return (a | (SLOT_SIZE - 1)) + 1; }
static uint64_t min64(uint64_t a, uint64_t b) { return a < b ? a : b; }
static uint64_t max64(uint64_t a, uint64_t b) { return a > b ? a : b; }

static size_t nslots(uint64_t s, uint64_t e)
{
	return (size_t)(((e - 1) >> SLOT_SHIFT) - (s >> SLOT_SHIFT) + 1);
}

static struct rr_mm *mm(struct rr *rr)
{
	if (!rr->mm) {
		rr->mm = calloc(1, sizeof *rr->mm);
		if (rr->mm)
			rr->mm->compact_at = RR_VM_COMPACT_MIN;
		if (rr->mm && !(rr->mm->slot = calloc(NSLOTS, sizeof *rr->mm->slot))) {
			free(rr->mm);
			rr->mm = NULL;
		}
	}
	return rr->mm;
}

/* First index in a[0..n) whose end is > addr (or >= with touch). */
static size_t lower(const struct rr_region *a, size_t n, uint64_t addr, int touch)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a[mid].end < addr || (!touch && a[mid].end == addr))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int reserve(struct rr_region **a, size_t *cap, size_t need)
{
	if (need <= *cap)
		return 0;
	size_t c = need * 2 > 16 ? need * 2 : 16;
	struct rr_region *n = realloc(*a, c * sizeof *n);
	if (!n)
		return -1;
	*a = n;
	*cap = c;
	return 0;
}

/* Replace a[i..j) with the k regions in r. Capacity must be reserved. */
static void splice(struct rr_region *a, size_t *n, size_t i, size_t j,
		   const struct rr_region *r, size_t k)
{
	if (*n > j)
		memmove(a + i + k, a + j, (*n - j) * sizeof *a);
	if (k)
		memcpy(a + i, r, k * sizeof *a);
	*n = *n - (j - i) + k;
}

/* The Unicorn side. A failure here means Unicorn is out of memory or our
 * bookkeeping is wrong; the guest cannot go on. */
static void uc_or_die(uc_err err, const char *what, uint64_t a, uint64_t b)
{
	if (err == UC_ERR_OK)
		return;
	fprintf(stderr, "redox-run: internal error: Unicorn %s 0x%llx-0x%llx: %s\n", what,
		(unsigned long long)a, (unsigned long long)b, uc_strerror(err));
	exit(RR_EXIT_USAGE);
}

static void blk_map(struct rr *rr, uint64_t s, uint64_t e, unsigned prot)
{
	struct rr_mm *m = rr->mm;
	unsigned char *host = m->slot[s >> SLOT_SHIFT].host + (s & (SLOT_SIZE - 1));
	uc_or_die(uc_mem_map_ptr(rr->uc, s, e - s, to_uc_prot(prot), host), "map", s, e);
	size_t i = lower(m->blk, m->nblk, s, 0);
	struct rr_region b = { s, e, prot };
	splice(m->blk, &m->nblk, i, i, &b, 1);
}

/* Unmap blocks in [s,e) (which must not straddle its ends) and map
 * [s,e) as blocks of prot, one per slot. */
static void blk_set(struct rr *rr, uint64_t s, uint64_t e, int prot)
{
	struct rr_mm *m = rr->mm;
	size_t i = lower(m->blk, m->nblk, s, 0), j = i;
	for (; j < m->nblk && m->blk[j].start < e; j++)
		uc_or_die(uc_mem_unmap(rr->uc, m->blk[j].start, m->blk[j].end - m->blk[j].start),
			  "unmap", m->blk[j].start, m->blk[j].end);
	splice(m->blk, &m->nblk, i, j, NULL, 0);
	if (prot >= 0)
		for (uint64_t a = s; a < e; a = slot_end(a))
			blk_map(rr, a, min64(e, slot_end(a)), (unsigned)prot);
}

/* Cut the blocks at a so that no block straddles it. */
static void blk_cut(struct rr *rr, uint64_t a)
{
	struct rr_mm *m = rr->mm;
	size_t i = lower(m->blk, m->nblk, a, 0);
	if (i >= m->nblk || m->blk[i].start >= a)
		return;
	struct rr_region b = m->blk[i];
	blk_set(rr, b.start, b.end, -1);
	blk_map(rr, b.start, a, b.prot);
	blk_map(rr, a, b.end, b.prot);
}

/* Blocks that cutting at s and e adds: one per end inside a block. */
static size_t splits(const struct rr_mm *m, uint64_t s, uint64_t e)
{
	size_t n = 0;
	uint64_t at[2] = { s, e };
	for (int k = 0; k < 2; k++) {
		size_t i = lower(m->blk, m->nblk, at[k], 0);
		n += i < m->nblk && m->blk[i].start < at[k];
	}
	return n;
}

/* One block per run and slot again, wherever a run has more. */
static void compact(struct rr *rr)
{
	struct rr_mm *m = rr->mm;
	for (size_t r = 0; r < m->nrun; r++)
		for (uint64_t a = m->run[r].start; a < m->run[r].end; a = slot_end(a)) {
			uint64_t e = min64(m->run[r].end, slot_end(a));
			size_t i = lower(m->blk, m->nblk, a, 0);
			if (i < m->nblk && m->blk[i].start == a && m->blk[i].end == e)
				continue;
			blk_set(rr, a, e, (int)m->run[r].prot);
		}
	m->compact_at = max64(2 * m->nblk, RR_VM_COMPACT_MIN);
}

/* Room for `need` more blocks, merging everything first if that helps. */
static int room(struct rr *rr, size_t need)
{
	struct rr_mm *m = rr->mm;
	if (m->nblk + need > m->compact_at || m->nblk + need > RR_VM_MAX_BLOCKS)
		compact(rr);
	if (m->nblk + need > RR_VM_MAX_BLOCKS)
		return -1;
	return reserve(&m->blk, &m->capblk, m->nblk + need + 2);
}

/* Host reservation of the slots under [s,e): +1 page count per page. */
static int slots_ref(struct rr_mm *m, uint64_t s, uint64_t e)
{
	for (uint64_t a = s; a < e; a = slot_end(a)) {
		struct rr_slot *sl = &m->slot[a >> SLOT_SHIFT];
		if (!sl->host) {
			void *p = mmap(NULL, SLOT_SIZE, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
			if (p == MAP_FAILED) {
				/* Undo the slots referenced so far. */
				for (uint64_t b = s; b < a; b = slot_end(b)) {
					struct rr_slot *u = &m->slot[b >> SLOT_SHIFT];
					if (!(u->pages -= (min64(e, slot_end(b)) - b) / RR_PAGE)) {
						munmap(u->host, SLOT_SIZE);
						u->host = NULL;
					}
				}
				return -1;
			}
			sl->host = p;
		}
		sl->pages += (min64(e, slot_end(a)) - a) / RR_PAGE;
	}
	return 0;
}

/* [s,e) is no longer mapped: its host pages are replaced by fresh ones
 * (they read as zero when mapped again, and a shared object's pages are
 * no longer reachable there) and empty slots give their reservation back. */
static void slots_unref(struct rr_mm *m, uint64_t s, uint64_t e)
{
	for (uint64_t a = s; a < e; a = slot_end(a)) {
		uint64_t b = min64(e, slot_end(a));
		struct rr_slot *sl = &m->slot[a >> SLOT_SHIFT];
		if (!(sl->pages -= (b - a) / RR_PAGE)) {
			munmap(sl->host, SLOT_SIZE);
			sl->host = NULL;
		} else if (mmap(sl->host + (a & (SLOT_SIZE - 1)), b - a, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0) == MAP_FAILED) {
			madvise(sl->host + (a & (SLOT_SIZE - 1)), b - a, MADV_DONTNEED);
		}
	}
}

/* The mirror: set [s,e) to prot (prot < 0: unmapped). The runs touching
 * [s,e) become at most three pieces (what is left of them on each side and
 * the new run), merged where neighbours have the same protection. */
static void run_set(struct rr_mm *m, uint64_t s, uint64_t e, int prot)
{
	size_t i = lower(m->run, m->nrun, s, 1), j = i;
	struct rr_region nw[3];
	size_t k = 0;
	for (; j < m->nrun && m->run[j].start <= e; j++)
		if (m->run[j].start < s)
			nw[k++] = (struct rr_region){ m->run[j].start, min64(m->run[j].end, s), m->run[j].prot };
	if (prot >= 0)
		nw[k++] = (struct rr_region){ s, e, (unsigned)prot };
	if (j > i && m->run[j - 1].end > e)
		nw[k++] = (struct rr_region){ max64(m->run[j - 1].start, e), m->run[j - 1].end, m->run[j - 1].prot };
	size_t o = 0;
	for (size_t x = 0; x < k; x++) {
		if (o && nw[o - 1].end == nw[x].start && nw[o - 1].prot == nw[x].prot)
			nw[o - 1].end = nw[x].end;
		else
			nw[o++] = nw[x];
	}
	splice(m->run, &m->nrun, i, j, nw, o);
}

static int range_ok(uint64_t start, uint64_t len)
{
	return len && !(start & (RR_PAGE - 1)) && !(len & (RR_PAGE - 1)) &&
	       start + len > start && start + len <= RR_STACK_TOP;
}

/* Map [start, start+len) with PROT: fresh zero pages, or with FD >= 0 the
 * host file FD from OFF (MAP_SHARED), so that every mapping of the same
 * file shares its pages (shm.c). */
static int map_backed(struct rr *rr, uint64_t start, uint64_t len, unsigned prot, int fd, uint64_t off)
{
	struct rr_mm *m = mm(rr);
	if (!range_ok(start, len) || !rr_vm_is_free(rr, start, len))
		return -EINVAL;
	if (!m || len > RR_VM_MAX_BYTES - m->mapped || room(rr, nslots(start, start + len)) ||
	    reserve(&m->run, &m->caprun, m->nrun + 3) || slots_ref(m, start, start + len))
		return -ENOMEM;
	for (uint64_t a = start; fd >= 0 && a < start + len; a = slot_end(a)) {
		uint64_t b = min64(start + len, slot_end(a));
		struct rr_slot *sl = &m->slot[a >> SLOT_SHIFT];
		if (mmap(sl->host + (a & (SLOT_SIZE - 1)), b - a, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_FIXED, fd, (off_t)(off + (a - start))) == MAP_FAILED) {
			slots_unref(m, start, start + len);
			return -ENOMEM;
		}
	}
	blk_set(rr, start, start + len, (int)prot);
	run_set(m, start, start + len, (int)prot);
	m->mapped += len;
	return 0;
}

int rr_vm_map(struct rr *rr, uint64_t start, uint64_t len, unsigned prot)
{
	return map_backed(rr, start, len, prot, -1, 0);
}

int rr_vm_map_shared(struct rr *rr, uint64_t start, uint64_t len, unsigned prot, int fd, uint64_t off)
{
	return map_backed(rr, start, len, prot, fd, off);
}

int rr_vm_unmap(struct rr *rr, uint64_t start, uint64_t len)
{
	struct rr_mm *m = mm(rr);
	if (!range_ok(start, len))
		return -EINVAL;
	uint64_t e = start + len;
	if (!m || room(rr, splits(m, start, e)) || reserve(&m->run, &m->caprun, m->nrun + 3))
		return -ENOMEM;
	blk_cut(rr, start);
	blk_cut(rr, e);
	blk_set(rr, start, e, -1);
	/* The mapped parts of [start,e), before the mirror forgets them. */
	for (size_t i = lower(m->run, m->nrun, start, 0); i < m->nrun && m->run[i].start < e; i++) {
		uint64_t a = max64(start, m->run[i].start), b = min64(e, m->run[i].end);
		slots_unref(m, a, b);
		m->mapped -= b - a;
	}
	run_set(m, start, e, -1);
	return 0;
}

int rr_vm_protect(struct rr *rr, uint64_t start, uint64_t len, unsigned prot)
{
	struct rr_mm *m = mm(rr);
	if (!range_ok(start, len))
		return -EINVAL;
	if (!rr_vm_check(rr, start, len, 0))
		return -ENOMEM;
	if (!m || room(rr, splits(m, start, start + len) + nslots(start, start + len)) ||
	    reserve(&m->run, &m->caprun, m->nrun + 3))
		return -ENOMEM;
	blk_cut(rr, start);
	blk_cut(rr, start + len);
	blk_set(rr, start, start + len, (int)prot);
	run_set(m, start, start + len, (int)prot);
	return 0;
}

int rr_vm_is_free(const struct rr *rr, uint64_t start, uint64_t len)
{
	const struct rr_mm *m = rr->mm;
	if (!m)
		return 1;
	size_t i = lower(m->run, m->nrun, start, 0);
	return i >= m->nrun || m->run[i].start >= start + len;
}

uint64_t rr_vm_find_free(const struct rr *rr, uint64_t len)
{
	const struct rr_mm *m = rr->mm;
	uint64_t a = RR_MMAP_BASE;
	if (m)
		for (size_t i = lower(m->run, m->nrun, a, 0); i < m->nrun; i++) {
			if (m->run[i].start >= a + len || a + len < a)
				break;
			a = max64(a, m->run[i].end);
		}
	if (a + len < a || a + len > RR_STACK_BASE)
		return 0;
	return a;
}

/* Every byte of [addr, addr+len) mapped with at least `need`. */
int rr_vm_check(const struct rr *rr, uint64_t addr, uint64_t len, unsigned need)
{
	const struct rr_mm *m = rr->mm;
	if (len == 0)
		return 1;
	if (addr + len < addr || !m)
		return 0;
	uint64_t cur = addr, end = addr + len;
	for (size_t i = lower(m->run, m->nrun, cur, 0); i < m->nrun && cur < end; i++) {
		if (m->run[i].start > cur || (m->run[i].prot & need) != need)
			return 0;
		cur = m->run[i].end;
	}
	return cur >= end;
}

int rr_guest_read(struct rr *rr, uint64_t addr, void *buf, uint64_t len)
{
	if (!rr_vm_check(rr, addr, len, RR_PROT_R))
		return -EFAULT;
	/* Straight from the host pages: they are the guest's memory. */
	for (uint64_t done = 0; done < len;) {
		uint64_t a = addr + done, n = min64(len - done, slot_end(a) - a);
		memcpy((char *)buf + done, rr->mm->slot[a >> SLOT_SHIFT].host + (a & (SLOT_SIZE - 1)), n);
		done += n;
	}
	return 0;
}

int rr_guest_write(struct rr *rr, uint64_t addr, const void *buf, uint64_t len)
{
	if (!rr_vm_check(rr, addr, len, RR_PROT_W))
		return -EFAULT;
	/* Through Unicorn, which drops translated code on the pages written. */
	if (len && uc_mem_write(rr->uc, addr, buf, len) != UC_ERR_OK)
		return -EFAULT;
	return 0;
}

/* Drop every block translated from executable memory, so that code runs
 * through a hook added since (sched.c's time slice). UC_CTL_TB_FLUSH would
 * do it too, but Unicorn 2.0.1's tcg_region_assign then memsets its whole
 * code buffer (1 GiB on 64-bit hosts), faulting it all in: seconds on a
 * loaded host. Invalidating the executable runs touches only what was
 * translated. Unicorn's guest physical addresses are the virtual ones. */
int rr_vm_drop_code(struct rr *rr)
{
	for (size_t i = 0; rr->mm && i < rr->mm->nrun; i++)
		if ((rr->mm->run[i].prot & RR_PROT_X) &&
		    uc_ctl(rr->uc, UC_CTL_WRITE(UC_CTL_TB_REMOVE_CACHE, 2), rr->mm->run[i].start,
			   rr->mm->run[i].end) != UC_ERR_OK)
			return -1;
	return 0;
}

size_t rr_vm_blocks(const struct rr *rr)
{
	return rr->mm ? rr->mm->nblk : 0;
}

void rr_vm_free(struct rr *rr)
{
	struct rr_mm *m = rr->mm;
	if (!m)
		return;
	for (size_t i = 0; i < NSLOTS; i++)
		if (m->slot[i].host)
			munmap(m->slot[i].host, SLOT_SIZE);
	free(m->slot);
	free(m->run);
	free(m->blk);
	free(m);
	rr->mm = NULL;
}
