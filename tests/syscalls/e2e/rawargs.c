/* SPDX-License-Identifier: MIT */
/* Every redox_syscallN and redox_syscallN_inline on an unknown number with
   distinct arguments; run.sh reads redox-run --strace to see each argument
   in its register (redox-abi.md §3). The numbers are unknown to Redox, so
   each must come back as ENOSYS. */
#include "util.h"

#define NR_ASM    0x7e570UL
#define NR_INLINE 0x7e580UL
#define ARG(k, i) ((0xa1UL << 56) | ((unsigned long)(k) << 8) | (unsigned long)(i))

int main(void)
{
	unsigned long r[14];
	int bad = 0;
	r[0] = redox_syscall0(NR_ASM + 0);
	r[1] = redox_syscall1(NR_ASM + 1, ARG(1, 1));
	r[2] = redox_syscall2(NR_ASM + 2, ARG(2, 1), ARG(2, 2));
	r[3] = redox_syscall3(NR_ASM + 3, ARG(3, 1), ARG(3, 2), ARG(3, 3));
	r[4] = redox_syscall4(NR_ASM + 4, ARG(4, 1), ARG(4, 2), ARG(4, 3), ARG(4, 4));
	r[5] = redox_syscall5(NR_ASM + 5, ARG(5, 1), ARG(5, 2), ARG(5, 3), ARG(5, 4), ARG(5, 5));
	r[6] = redox_syscall6(NR_ASM + 6, ARG(6, 1), ARG(6, 2), ARG(6, 3), ARG(6, 4), ARG(6, 5), ARG(6, 6));
	r[7] = redox_syscall0_inline(NR_INLINE + 0);
	r[8] = redox_syscall1_inline(NR_INLINE + 1, ARG(1, 1));
	r[9] = redox_syscall2_inline(NR_INLINE + 2, ARG(2, 1), ARG(2, 2));
	r[10] = redox_syscall3_inline(NR_INLINE + 3, ARG(3, 1), ARG(3, 2), ARG(3, 3));
	r[11] = redox_syscall4_inline(NR_INLINE + 4, ARG(4, 1), ARG(4, 2), ARG(4, 3), ARG(4, 4));
	r[12] = redox_syscall5_inline(NR_INLINE + 5, ARG(5, 1), ARG(5, 2), ARG(5, 3), ARG(5, 4), ARG(5, 5));
	r[13] = redox_syscall6_inline(NR_INLINE + 6, ARG(6, 1), ARG(6, 2), ARG(6, 3), ARG(6, 4), ARG(6, 5),
				      ARG(6, 6));
	for (int i = 0; i < 14; i++)
		bad |= redox_errno_of(r[i]) != REDOX_ENOSYS;
	return sct_report("rawargs", !bad, 0);
}
