/* SPDX-License-Identifier: MIT */
/*
 * The guest's kernel file table: two tables of slots, "lower" (POSIX fd
 * numbers) and "upper" (index | bit 62), as the Redox kernel keeps them
 * (docs/redox-run-abi.md "File table"). Userspace chooses the slot of every
 * new fd (SYS_OPENAT_INTO / SYS_DUP_INTO out_fd, F_DUPFD arg); the table only
 * checks it is free and grows to it.
 *
 * This file knows nothing about what a slot holds: callers own the objects
 * and their reference counts (a removed object is handed back to them).
 */
#ifndef RR_FDTAB_H
#define RR_FDTAB_H
#include <stddef.h>
#include <stdint.h>

#define RR_UPPER_TAG (1ull << 62)   /* UPPER_FDTBL_TAG, redox_syscall flag.rs */
#define RR_FDTAB_MAX 65536u         /* CONTEXT_MAX_FILES, kernel context/mod.rs */

struct rr_file;

struct rr_fdtab {
	struct rr_file **slot[2];   /* [0] lower, [1] upper */
	size_t len[2];              /* slots in use or grown to (kernel Vec len) */
	size_t cap[2];
	size_t active;              /* occupied slots, both tables */
};

/* The object at FD, NULL if the slot is empty or FD is out of range. */
struct rr_file *rr_fdtab_get(const struct rr_fdtab *t, uint64_t fd);
/* Put F at exactly FD: 0; -EEXIST if taken; -EMFILE past RR_FDTAB_MAX slots
 * or with RR_FDTAB_MAX open files; -ENOMEM. */
int rr_fdtab_insert(struct rr_fdtab *t, uint64_t fd, struct rr_file *f);
/* Empty FD's slot and return what it held (NULL: nothing, i.e. EBADF). */
struct rr_file *rr_fdtab_take(struct rr_fdtab *t, uint64_t fd);
/* FileTableVerb::Resize: WHICH selects the table by bit 62. Returns SIZE;
 * -EINVAL if that would shrink it, -EMFILE past RR_FDTAB_MAX. */
long rr_fdtab_resize(struct rr_fdtab *t, uint64_t which, uint64_t size);
/* The lowest free lower slot (the pre-0.9 kernels chose fds themselves). */
long rr_fdtab_lowest_free(const struct rr_fdtab *t);
/* The binary filetable listing: one little-endian u64 per occupied slot,
 * lower indices first, then upper ones with bit 62 set. *out is malloc'd
 * (NULL when empty); returns its length in bytes or -ENOMEM. */
long rr_fdtab_snapshot(const struct rr_fdtab *t, uint8_t **out);
/* Calls drop(f) for every occupied slot, then frees the table. */
void rr_fdtab_clear(struct rr_fdtab *t, void (*drop)(struct rr_file *f));
#endif
