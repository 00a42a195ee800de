// SPDX-License-Identifier: MIT
/* Slot rules from kernel 6abd1be6 src/context/context.rs FdTbl
 * (docs/redox-run-abi.md "File table"). */
#include "fdtab.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int which_table(uint64_t fd, uint64_t *idx)
{
	*idx = fd & ~RR_UPPER_TAG;
	return (fd & RR_UPPER_TAG) != 0;
}

struct rr_file *rr_fdtab_get(const struct rr_fdtab *t, uint64_t fd)
{
	uint64_t i;
	int w = which_table(fd, &i);
	return i < t->len[w] ? t->slot[w][i] : NULL;
}

/* Grow table W to N slots (new ones empty). */
static int grow(struct rr_fdtab *t, int w, size_t n)
{
	if (n > t->cap[w]) {
		size_t cap = t->cap[w] ? t->cap[w] : 16;
		while (cap < n)
			cap *= 2;
		struct rr_file **s = realloc(t->slot[w], cap * sizeof *s);
		if (!s)
			return -ENOMEM;
		memset(s + t->cap[w], 0, (cap - t->cap[w]) * sizeof *s);
		t->slot[w] = s;
		t->cap[w] = cap;
	}
	if (n > t->len[w])
		t->len[w] = n;
	return 0;
}

int rr_fdtab_insert(struct rr_fdtab *t, uint64_t fd, struct rr_file *f)
{
	uint64_t i;
	int w = which_table(fd, &i);
	/* insert_file: None (the callers' EEXIST/EMFILE) when full, past
	 * CONTEXT_MAX_FILES, or the slot is occupied; it grows on demand. */
	if (t->active >= RR_FDTAB_MAX || i >= RR_FDTAB_MAX)
		return -EMFILE;
	if (i < t->len[w] && t->slot[w][i])
		return -EEXIST;
	if (grow(t, w, (size_t)i + 1))
		return -ENOMEM;
	t->slot[w][i] = f;
	t->active++;
	return 0;
}

struct rr_file *rr_fdtab_take(struct rr_fdtab *t, uint64_t fd)
{
	uint64_t i;
	int w = which_table(fd, &i);
	if (i >= t->len[w] || !t->slot[w][i])
		return NULL;
	struct rr_file *f = t->slot[w][i];
	t->slot[w][i] = NULL;
	t->active--;
	return f;
}

long rr_fdtab_resize(struct rr_fdtab *t, uint64_t which, uint64_t size)
{
	uint64_t i;
	int w = which_table(which, &i);
	/* FdTbl::resize: EMFILE past CONTEXT_MAX_FILES, EINVAL to shrink. */
	if (size > RR_FDTAB_MAX)
		return -EMFILE;
	if (size < t->len[w])
		return -EINVAL;
	if (grow(t, w, (size_t)size))
		return -ENOMEM;
	return (long)size;
}

long rr_fdtab_lowest_free(const struct rr_fdtab *t)
{
	for (size_t i = 0; i < t->len[0]; i++)
		if (!t->slot[0][i])
			return (long)i;
	return t->len[0] < RR_FDTAB_MAX && t->active < RR_FDTAB_MAX ? (long)t->len[0] : -EMFILE;
}

long rr_fdtab_snapshot(const struct rr_fdtab *t, uint8_t **out)
{
	/* proc scheme "refresh": enumerate() = lower then upper | tag, one
	 * u64::to_le_bytes per occupied slot (kernel src/scheme/proc.rs). */
	*out = NULL;
	if (!t->active)
		return 0;
	uint8_t *b = malloc(t->active * 8), *p = b;
	if (!b)
		return -ENOMEM;
	for (int w = 0; w < 2; w++)
		for (size_t i = 0; i < t->len[w]; i++) {
			if (!t->slot[w][i])
				continue;
			uint64_t v = (uint64_t)i | (w ? RR_UPPER_TAG : 0);
			for (int k = 0; k < 8; k++)
				*p++ = (uint8_t)(v >> (8 * k));
		}
	*out = b;
	return (long)(p - b);
}

void rr_fdtab_clear(struct rr_fdtab *t, void (*drop)(struct rr_file *f))
{
	for (int w = 0; w < 2; w++) {
		for (size_t i = 0; i < t->len[w]; i++)
			if (t->slot[w][i] && drop)
				drop(t->slot[w][i]);
		free(t->slot[w]);
	}
	memset(t, 0, sizeof *t);
}
