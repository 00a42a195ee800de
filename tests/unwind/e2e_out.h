/* SPDX-License-Identifier: MIT */
/* Tiny stdout helpers for the end-to-end programs (no libc). SYS_WRITE is
   0x21000004 (redox-abi.md §4); redox_syscall3 is libredox_syscall.a's. */
#include <stddef.h>
#include <stdint.h>

unsigned long redox_syscall3(unsigned long n, unsigned long a1,
	unsigned long a2, unsigned long a3);

static inline void out(const char *s)
{
	size_t n = 0;
	while (s[n] != 0)
		n++;
	redox_syscall3(0x21000004, 1, (unsigned long)s, n);
}

static inline void out_hex(uintptr_t v)
{
	char b[19] = "0x";
	for (int i = 0; i < 16; i++)
		b[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
	b[18] = 0;
	out(b);
}

static inline void out_dec(unsigned long v)
{
	char b[21];
	int i = 20;
	b[i] = 0;
	do
		b[--i] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	out(b + i);
}
