/* SPDX-License-Identifier: MIT */
/* Callee-saved registers survive redox_syscallN (regs_probe.S), and inline
   syscalls stay correct under register pressure while the syscall
   instruction overwrites rcx and r11 (redox-run does, like sysretq). */
#include "util.h"

unsigned long regs_probe(unsigned long nr);

#define NLIVE 14
static volatile unsigned long seed[NLIVE] = { 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47 };

/* Same arithmetic with and without syscalls between the steps; any value
   the compiler parked in a clobbered register makes them differ. */
#define MIX(SYSCALL)                                                            \
	unsigned long v[NLIVE], acc = 0;                                         \
	for (int k = 0; k < NLIVE; k++)                                          \
		v[k] = seed[k];                                                  \
	unsigned long a = v[0], b = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6]; \
	unsigned long h = v[7], i = v[8], j = v[9], l = v[10], m = v[11], n = v[12], o = v[13]; \
	for (int round = 0; round < 4; round++) {                               \
		SYSCALL;                                                         \
		a = a * 3 + b; b = b * 5 + c; c = c * 7 + d; d = d * 11 + e;     \
		SYSCALL;                                                         \
		e = e * 13 + f; f = f * 17 + g; g = g * 19 + h; h = h * 23 + i;  \
		SYSCALL;                                                         \
		i = i * 29 + j; j = j * 31 + l; l = l * 37 + m; m = m * 41 + n;  \
		n = n * 43 + o; o = o * 47 + a;                                  \
	}                                                                        \
	acc = a ^ (b << 1) ^ (c << 2) ^ (d << 3) ^ (e << 4) ^ (f << 5) ^ (g << 6) ^ \
	      (h << 7) ^ (i << 8) ^ (j << 9) ^ (l << 10) ^ (m << 11) ^ (n << 12) ^ (o << 13); \
	return acc

__attribute__((noinline)) static unsigned long mix_plain(void)
{
	MIX((void)0);
}

/* The clobber contract holds at every arity, not only the one tested first:
   one mix per redox_syscallN_inline, each on SYS_YIELD (which ignores its
   arguments) with live values in every register the asm leaves alone. */
#define A1 0x1111UL
#define A2 0x2222UL
#define A3 0x3333UL
#define A4 0x4444UL
#define A5 0x5555UL
#define A6 0x6666UL
__attribute__((noinline)) static unsigned long mix_syscalls0(void) { MIX(redox_syscall0_inline(SYS_YIELD)); }
__attribute__((noinline)) static unsigned long mix_syscalls1(void) { MIX(redox_syscall1_inline(SYS_YIELD, A1)); }
__attribute__((noinline)) static unsigned long mix_syscalls2(void) { MIX(redox_syscall2_inline(SYS_YIELD, A1, A2)); }
__attribute__((noinline)) static unsigned long mix_syscalls3(void) { MIX(redox_syscall3_inline(SYS_YIELD, A1, A2, A3)); }
__attribute__((noinline)) static unsigned long mix_syscalls4(void) { MIX(redox_syscall4_inline(SYS_YIELD, A1, A2, A3, A4)); }
__attribute__((noinline)) static unsigned long mix_syscalls5(void) { MIX(redox_syscall5_inline(SYS_YIELD, A1, A2, A3, A4, A5)); }
__attribute__((noinline)) static unsigned long mix_syscalls6(void) { MIX(redox_syscall6_inline(SYS_YIELD, A1, A2, A3, A4, A5, A6)); }

int main(void)
{
	static unsigned long (*const mixes[7])(void) = {
		mix_syscalls0, mix_syscalls1, mix_syscalls2, mix_syscalls3,
		mix_syscalls4, mix_syscalls5, mix_syscalls6,
	};
	static const char *const names[7] = {
		"inline-clobbers 0", "inline-clobbers 1", "inline-clobbers 2", "inline-clobbers 3",
		"inline-clobbers 4", "inline-clobbers 5", "inline-clobbers 6",
	};
	int bad = 0, bad_inline = 0;
	unsigned long mask = regs_probe(0x7e5a0UL);
	bad |= sct_report("callee-saved", mask == 0, (long)mask);
	unsigned long want = mix_plain();
	for (int k = 0; k < 7; k++)
		bad_inline |= sct_report(names[k], mixes[k]() == want, k);
	bad |= sct_report("inline-clobbers", !bad_inline, 0);
	return bad;
}
