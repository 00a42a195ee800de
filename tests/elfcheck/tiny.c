/* SPDX-License-Identifier: MIT */
/* Built for non-Redox targets (i686, riscv64) to test the machine checks. */
void _start(void);

void _start(void)
{
	for (;;)
		__asm__ volatile("");
}
