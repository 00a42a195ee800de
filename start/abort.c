/* SPDX-License-Identifier: MIT */
/* abort for programs without relibc (LLVM libunwind calls it on a corrupt
   unwind table or a failed _Unwind_Resume). Like relibc's abort (a trap,
   intrinsics::abort, in src/header/stdlib/mod.rs), no atexit handler runs;
   it says so on fd 2 and traps: SIGILL (ud2) on x86_64, SIGTRAP (brk) on
   aarch64. */
#include <redox/start.h>
#include "internal.h"

void abort(void)
{
	START_DIE("redox-crt: abort() called\n");
}
