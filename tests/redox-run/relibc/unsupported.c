// SPDX-License-Identifier: MIT
/* What redox-run does not emulate fails cleanly: fork returns -1 with ENOSYS
 * (the emulator answers dup(proc fd, "fork") with ENOSYS) and the program
 * goes on. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	errno = 0;
	pid_t p = fork();
	printf("fork: %d %s\n", (int)p, errno == ENOSYS ? "ENOSYS" : strerror(errno));
	printf("still running\n");
	return 0;
}
