/* SPDX-License-Identifier: MIT */
/* Every typed wrapper of the selected table, called once with distinct
   argument values (the unit tests' CASE_ARG) between two marker calls,
   each after a call that fills the argument registers with other values.
   e2e.sh reads redox-run --strace to see that each trap carried the
   wrapper's number and a1..aN in their registers (the straight-line stubs,
   syscalls/<arch>/stub.h), and compares the value each wrapper returned,
   printed here, with the value the emulated kernel gave. */
#include "util.h"

struct wrapper_case {
	const char *name;
	long (*call)(void);
	unsigned long nr, nr_table;
	int nargs;
};
#define CASE_ARG(i) (0x5a00000000000000UL | ((unsigned long)(i) << 40) | (0x1111UL * (i)))
#include "wrapper_cases.h"
#define NCASES (sizeof wrapper_cases / sizeof wrapper_cases[0])

#define NR_MARK 0x7e5b0UL
#define SCRUB 0x5c5c5c5c5c5c5c5cUL

int main(void)
{
	long r[NCASES];
	redox_syscall0(NR_MARK);
	for (unsigned i = 0; i < NCASES; i++) {
		/* Every kernel argument register (x86_64 r10 included) gets a
		   value no case passes, so one a stub failed to set shows. */
		redox_syscall6(NR_MARK + 2, SCRUB, SCRUB, SCRUB, SCRUB, SCRUB, SCRUB);
		r[i] = wrapper_cases[i].call();
	}
	redox_syscall0(NR_MARK + 1);
	for (unsigned i = 0; i < NCASES; i++) {
		gio_puts(wrapper_cases[i].name);
		gio_puts(" 0x");
		gio_putu((unsigned long)r[i], 16);
		gio_puts("\n");
	}
	gio_puts("wrappers done\n");
	return 0;
}
