/* SPDX-License-Identifier: MIT */
/* Guest syscall rate: BENCH_YIELDS calls of redox_yield, the cheapest
   syscall redox-run serves (bench.sh subtracts an empty run's time). */
#include <redox/syscall.h>

#define BENCH_YIELDS 200000

int main(void)
{
	for (int i = 0; i < BENCH_YIELDS; i++)
		if (redox_yield() != 0)
			return 1;
	return 0;
}
