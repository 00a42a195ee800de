/* SPDX-License-Identifier: MIT */
/* relibc_start_v1 for programs without relibc (design.md, "Freestanding
   start"; stack layout from redox-abi.md §1). No allocation and no TLS: it
   runs before anything is set up. */
#include <redox/start.h>
#include <redox/auxv.h>
#include "internal.h"

typedef void (*init_fn)(int, char **, char **);

/* The redox-crt ABI note (docs/abi-note.md): owner "redox-crt", type 1,
   the ABI of the syscall table this runtime was built with (REDOX_CRT_ABI,
   from SYSCALL_VERSION in syscalls/part.mk), so redox-run picks the ABI a
   program speaks without --abi. In this object because every freestanding
   program links it (crt0's call to relibc_start_v1). */
#ifndef REDOX_CRT_ABI
#error "REDOX_CRT_ABI (the ABI name of SYSCALL_VERSION's table) is not defined; build through the Makefile"
#endif
__asm__(".pushsection .note.redox-crt.abi, \"a\", %note\n"
	".balign 4\n"
	".long 10, 2f - 1f, 1\n"
	".asciz \"redox-crt\"\n"
	".balign 4\n"
	"1: .asciz \"" REDOX_CRT_ABI "\"\n"
	"2: .balign 4\n"
	".popsection\n");

/* The linker defines the bounds; weak so a link without any array (or a
   linker that defines none) sees an empty range. */
extern const init_fn __preinit_array_start[] __attribute__((weak)) HIDDEN;
extern const init_fn __preinit_array_end[] __attribute__((weak)) HIDDEN;
extern const init_fn __init_array_start[] __attribute__((weak)) HIDDEN;
extern const init_fn __init_array_end[] __attribute__((weak)) HIDDEN;
/* crti.o/crtn.o define this; a link without them still starts. */
extern void _init(void) __attribute__((weak));

char **environ;
HIDDEN const unsigned long *__redox_start_auxv;
HIDDEN unsigned long __redox_start_proc_fd;
HIDDEN int __redox_start_have_proc_fd;

/* Entries 0 and -1 are skipped: alignment padding between input sections
   (a hand-placed 16-byte array is 16-aligned on x86_64) and old sentinels. */
static int live(const void *f)
{
	return f && f != (const void *)-1L;
}

__attribute__((noreturn)) void relibc_start_v1(const unsigned long *sp, redox_main_fn main)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **e = envp;

	while (*e)
		e++;
	__redox_start_auxv = (const unsigned long *)(e + 1);
	/* Nothing can have set it: environ is defined here, once. */
	environ = envp;
	if (!redox_auxv_find(__redox_start_auxv, REDOX_AT_PROC_FD, &__redox_start_proc_fd))
		START_DIE("redox-crt: no AT_REDOX_PROC_FD (41) in the auxiliary vector, so this "
			  "program could never exit; start it through a Redox exec or redox-run\n");
	__redox_start_have_proc_fd = 1;

	/* preinit_array, then _init, then init_array. */
	static const init_fn *const bounds[4] = { __preinit_array_start, __preinit_array_end,
						  __init_array_start, __init_array_end };
	for (const init_fn *const *b = bounds; b < bounds + 4; b += 2) {
		if (b != bounds && _init)
			_init();
		for (const init_fn *p = b[0]; p < b[1]; p++)
			if (live((const void *)*p))
				(*p)(argc, argv, envp);
	}
	exit(main(argc, argv, environ));
}

int redox_getauxval_r(unsigned long key, unsigned long *value)
{
	return __redox_start_auxv ? redox_auxv_find(__redox_start_auxv, key, value) : 0;
}

unsigned long redox_getauxval(unsigned long key)
{
	unsigned long v = 0;
	return redox_getauxval_r(key, &v) ? v : 0;
}

const unsigned long *redox_auxv(void)
{
	return __redox_start_auxv;
}

unsigned long redox_proc_fd(void)
{
	return __redox_start_proc_fd;
}
