// SPDX-License-Identifier: MIT
/* Signals the process sends itself (docs/redox-run-abi.md §6a): raise and
 * kill run the handler before they return; a blocked signal runs when it
 * is unblocked; SIG_IGN drops it; with argv[1] = "default", SIGTERM's
 * default action ends the process (redox-run exits 128+15). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got[65];

static void on(int sig)
{
	got[sig]++;
	/* write(2) is async-signal-safe; stdio is not. */
	char m[] = "handler N\n";
	m[8] = (char)('0' + sig % 10);
	write(1, m, sizeof m - 1);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "default")) {
		printf("before\n");
		fflush(stdout);
		raise(SIGTERM);
		printf("not reached\n");
		return 0;
	}
	signal(SIGUSR1, on);
	printf("raise: %d\n", raise(SIGUSR1));
	fflush(stdout);
	printf("after raise: got %d\n", (int)got[SIGUSR1]);
	/* "once": only the first delivery (see relibc.sh: aarch64). */
	if (argc > 1 && !strcmp(argv[1], "once"))
		return 0;
	struct sigaction sa = { 0 };
	sa.sa_handler = on;
	sigaction(SIGUSR2, &sa, NULL);
	printf("kill: %d\n", kill(getpid(), SIGUSR2));
	printf("after kill: got %d\n", (int)got[SIGUSR2]);
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR1);
	printf("blocked: got %d\n", (int)got[SIGUSR1]);
	fflush(stdout);
	sigprocmask(SIG_SETMASK, &old, NULL);
	printf("unblocked: got %d\n", (int)got[SIGUSR1]);
	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	printf("ignored: got %d\n", (int)got[SIGUSR1]);
	printf("kill 0: %d\n", kill(getpid(), 0));
	printf("kill other pid: %d\n", kill(12345, SIGUSR1));
	return 0;
}
