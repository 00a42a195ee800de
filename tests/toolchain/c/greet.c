/* SPDX-License-Identifier: MIT */
#include <redox/syscall.h>

long greet(const char *who, unsigned long len)
{
	long a = redox_write(1, "hello from C, ", 14);
	long b = redox_write(1, who, len);
	long c = redox_write(1, "\n", 1);
	return a == 14 && b == (long)len && c == 1;
}
