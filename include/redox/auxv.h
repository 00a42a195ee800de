/* SPDX-License-Identifier: MIT */
/* Auxiliary vector keys a Redox exec provides (redox-abi.md §1; relibc
   src/platform/auxv_defs.rs). Not provided: AT_PAGESZ, AT_RANDOM, AT_HWCAP. */
#ifndef REDOX_AUXV_H
#define REDOX_AUXV_H

#define REDOX_AT_NULL  0
#define REDOX_AT_PHDR  3
#define REDOX_AT_PHENT 4
#define REDOX_AT_PHNUM 5
#define REDOX_AT_BASE  7	/* ld.so's entry point, not a load base */
#define REDOX_AT_ENTRY 9
#define REDOX_AT_INITIAL_CWD_PTR        32
#define REDOX_AT_INITIAL_CWD_LEN        33
#define REDOX_AT_INHERITED_SIGIGNMASK    34
#define REDOX_AT_INHERITED_SIGIGNMASK_HI 35
#define REDOX_AT_INHERITED_SIGPROCMASK    36
#define REDOX_AT_INHERITED_SIGPROCMASK_HI 37
#define REDOX_AT_UMASK        40
#define REDOX_AT_PROC_FD      41
#define REDOX_AT_THR_FD       42
#define REDOX_AT_NS_FD        43	/* ~0UL when absent */
#define REDOX_AT_CWD_FD       44	/* ~0UL when absent */
#define REDOX_AT_FILETABLE_FD 45	/* ~0UL when absent */

/* PROC_FD and THR_FD are upper-file-table fds carrying this tag; pass them
   to syscalls unchanged. */
#define REDOX_UPPER_FDTBL_TAG (1UL << 62)

/* Looks key up in the (key, value) pairs that end with AT_NULL. Returns 1
   and stores the value if found, else 0 (value untouched). */
static inline int redox_auxv_find(const unsigned long *auxv, unsigned long key,
	unsigned long *value)
{
	if (!auxv || key == REDOX_AT_NULL)
		return 0;
	for (; auxv[0] != REDOX_AT_NULL; auxv += 2) {
		if (auxv[0] == key) {
			if (value)
				*value = auxv[1];
			return 1;
		}
	}
	return 0;
}

#endif
