/* SPDX-License-Identifier: MIT */
/* Shared by eh_frames.c and eh_main.c, the -fexceptions program run on both
   Redox targets (freestanding, LLVM libunwind) and natively on the host
   (gcc + libgcc_eh, the oracle); tests/unwind/eh.sh compares transcripts.
   EH_LIBC: write(2) from a libc (glibc, relibc) instead of redox_write. */
#ifndef EH_H
#define EH_H
#include <stddef.h>
#include <stdint.h>
#include <unwind.h>

#ifdef EH_LIBC
long write(int fd, const void *buf, unsigned long n);
#define eh_write(s, n) write(1, s, n)
#else
long redox_write(unsigned long fd, const void *buf, unsigned long n);
#define eh_write(s, n) redox_write(1, s, n)
#endif
void exit(int status);

static inline void out(const char *s)
{
	unsigned long n = 0;
	while (s[n])
		n++;
	eh_write(s, n);
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

/* Exception classes: RAISE is handled nowhere (phase 1 reaches the end of
   the stack), CATCH is claimed by main's personality. */
#define EH_CLASS_RAISE 0x5245445852414953ull	/* "REDXRAIS" */
#define EH_CLASS_CATCH 0x5245445843415443ull	/* "REDXCATC" */
#define EH_CLASS_FORCE 0x52454458464f5243ull	/* "REDXFORC" */

enum eh_mode { EH_BT, EH_RAISE, EH_FORCED, EH_CATCH, EH_RESUME };
extern enum eh_mode eh_mode;
extern void *volatile eh_catch_pad;		/* main's landing pad (&&label) */
extern struct _Unwind_Exception *volatile eh_caught;

void eh_cleanup(int *frame);
int f1(int x);
#endif
