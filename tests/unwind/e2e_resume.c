/* SPDX-License-Identifier: MIT */
/* _Unwind_Resume must not return: it writes its message to fd 2 and traps. */
#define _GNU_SOURCE 1
#include <unwind.h>
#include "e2e_out.h"

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	struct _Unwind_Exception exc = { 0 };
	out("before resume\n");
	_Unwind_Resume(&exc);
	out("resume returned\n");
	return 0;
}
