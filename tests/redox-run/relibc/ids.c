// SPDX-License-Identifier: MIT
/* getpid (cached ProcMeta, no syscall) and getppid (ProcCall::Getppid),
 * uid/gid from ProcMeta (relibc-runtime.md §1 S8, §5). */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("pid %d ppid %d\n", (int)getpid(), (int)getppid());
	printf("uid %d euid %d gid %d egid %d\n", (int)getuid(), (int)geteuid(), (int)getgid(), (int)getegid());
	printf("pgrp %d\n", (int)getpgrp());
	return 0;
}
