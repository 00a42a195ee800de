/* SPDX-License-Identifier: MIT */
/* Output helpers for the freestanding test programs (no libc). */
#ifndef SCT_UTIL_H
#define SCT_UTIL_H

#include "../../lib/guest_io.h"

/* "name ok" or "name FAIL <detail>" */
static inline int sct_report(const char *name, int ok, long detail)
{
	gio_puts(name);
	if (ok) {
		gio_puts(" ok\n");
		return 0;
	}
	gio_puts(" FAIL ");
	if (detail < 0) {
		gio_puts("-");
		gio_putu(0UL - (unsigned long)detail, 10);
	} else {
		gio_putu((unsigned long)detail, 10);
	}
	gio_puts("\n");
	return 1;
}
#endif
