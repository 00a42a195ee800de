// SPDX-License-Identifier: MIT
/* Priorities, ids and kill permission as relibc dadb4375 reaches the
 * process manager (docs/redox-run-abi.md §6b): nice values are the kernel
 * priority minus 20 (relibc src/platform/redox/mod.rs getpriority /
 * setpriority), procmgr lets a process whose euid is not 0 take only ids it
 * already has, and refuses its signals to a process of another user. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

static void show(const char *what, int r)
{
	printf("%s: %d", what, r);
	if (r == -1)
		printf(" (%s)", errno == EPERM ? "EPERM" : errno == ESRCH ? "ESRCH" :
		       errno == EINVAL ? "EINVAL" : "other");
	printf("\n");
	errno = 0;
}

int main(void)
{
	show("getpriority self", getpriority(PRIO_PROCESS, 0));
	show("getpriority init", getpriority(PRIO_PROCESS, 1));
	show("getpriority pid 99", getpriority(PRIO_PROCESS, 99));
	show("nice(3)", nice(3));
	show("setpriority 100", setpriority(PRIO_PROCESS, 0, 100));
	show("getpriority after", getpriority(PRIO_PROCESS, 0));
	show("kill(1, 0) as root", kill(1, 0));
	show("kill(99, 0)", kill(99, 0));
	show("setresuid(1000, 1000, -1)", setresuid(1000, 1000, -1));
	printf("uid %d euid %d\n", (int)getuid(), (int)geteuid());
	show("kill(1, 0) as 1000", kill(1, 0));
	show("kill(self, 0) as 1000", kill(getpid(), 0));
	show("setpriority init as 1000", setpriority(PRIO_PROCESS, 1, 0));
	show("nice(-40) as 1000", nice(-40));
	show("setuid(5) as 1000", setuid(5));
	show("setgid(5) as 1000", setgid(5));
	show("setgid(1000) as uid 1000, gid 0", setgid(1000));
	printf("uid %d euid %d gid %d\n", (int)getuid(), (int)geteuid(), (int)getgid());
	show("seteuid(0): the saved uid", seteuid(0));
	show("kill(1, 0) as euid 0", kill(1, 0));
	show("setuid(7) as euid 0", setuid(7));
	printf("uid %d euid %d\n", (int)getuid(), (int)geteuid());
	return 0;
}
