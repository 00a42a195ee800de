/* SPDX-License-Identifier: MIT */
#include <redox/syscall.h>

int main(void)
{
	redox_write(1, "hello\n", 6);
	return 0;
}
