/* SPDX-License-Identifier: MIT */
#include <redox/errno.h>
#include <redox/syscall_numbers.h>

struct errno_entry {
	const char *name;
	const char *msg;
};

/* Indexed by errno; generated from syscalls/errno.txt. */
static const struct errno_entry errnos[REDOX_ERRNO_MAX + 1] = {
#include "errno_table.inc"
};

struct errno_rename {
	int num;
	const char *name;
};

/* Names this syscall version changed (the table's %errname lines). */
static const struct errno_rename renames[] = { REDOX_ERRNO_RENAMES { 0, 0 } };

const char *redox_errno_name(int e)
{
	for (const struct errno_rename *r = renames; r->name; r++)
		if (r->num == e)
			return r->name;
	if (e < 1 || e > REDOX_ERRNO_MAX)
		return 0;
	return errnos[e].name;
}

const char *redox_strerror(int e)
{
	if (e == 0)
		return "Success";
	if (e < 1 || e > REDOX_ERRNO_MAX || !errnos[e].msg)
		return "Unknown error";
	return errnos[e].msg;
}
