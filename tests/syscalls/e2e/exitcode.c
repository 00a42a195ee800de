/* SPDX-License-Identifier: MIT */
/* Exits through redox_proc_exit (ProcCall::Exit, redox-abi.md §5) with the
   status given as argv[1]; the runtime's own exit path is not used. */
#include <redox/proc.h>
#include <redox/start.h>
#include "util.h"

int main(int argc, char **argv)
{
	int status = 0;
	if (argc < 2) {
		gio_puts("usage: exitcode STATUS\n");
		return 100;
	}
	for (const char *s = argv[1]; *s >= '0' && *s <= '9'; s++)
		status = status * 10 + (*s - '0');
	redox_proc_exit(redox_proc_fd(), status);
}
