/* SPDX-License-Identifier: MIT */
/* Freestanding C program linked by <triple>-clang -nolibc: crt0 + the
   freestanding runtime start it, libredox_syscall talks to the kernel, and
   greet() comes from a static library passed with -L/-l. */
#include <redox/syscall.h>
#include <redox/start.h>

long greet(const char *who, unsigned long len);

static void bye(void)
{
	redox_write(1, "atexit ran\n", 11);
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	if (atexit(bye) != 0)
		return 1;
	if (!greet("the wrapper", 11))
		return 2;
	/* argv ends with NULL (redox-abi.md §1) */
	return argv[argc] == 0 ? 3 : 4;
}
