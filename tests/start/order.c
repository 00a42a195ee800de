/* SPDX-License-Identifier: MIT */
/* Start/exit ordering (design.md "Freestanding start"; relibc R0 order,
   redox-abi.md §2). Hand-placed array entries live in order_arrays.c, linked
   after this file, so every order in the transcript is one the ABI fixes:
   input order within a priority class, priorities ascending for
   constructors and descending for destructors. */
#include <redox/start.h>
#include "../lib/guest_io.h"

static int seen_argc;

static void h_ctor(void) { gio_puts("atexit from constructor\n"); }
static void h_main(void) { gio_puts("atexit from main\n"); }
static void h_late(void) { gio_puts("atexit registered during exit\n"); }
static void h_registers(void)
{
	gio_puts("atexit that registers another\n");
	atexit(h_late);
}
static void h_cxa(void *arg) { gio_puts((const char *)arg); }

__attribute__((constructor(101))) static void c101(void) { gio_puts("constructor 101\n"); }
__attribute__((constructor(102))) static void c102(void)
{
	gio_puts("constructor 102\n");
	atexit(h_ctor);
}
__attribute__((constructor)) static void cdef(void) { gio_puts("constructor default\n"); }
__attribute__((destructor(101))) static void d101(void) { gio_puts("destructor 101\n"); }
__attribute__((destructor(102))) static void d102(void) { gio_puts("destructor 102\n"); }
__attribute__((destructor)) static void ddef(void) { gio_puts("destructor default\n"); }

/* Called from the .init fragment between crti's prologue and crtn's
   epilogue: the call ABI must hold there too. */
void init_fragment(void)
{
	int aligned = ((unsigned long)__builtin_frame_address(0) & 15) == 0;
	gio_puts(aligned ? "_init fragment\n" : "_init fragment: sp MISALIGNED\n");
}
void fini_fragment(void) { gio_puts("_fini fragment\n"); }

void preinit_seen(int n, int argc)
{
	if (n == 1)
		seen_argc = argc;
	gio_puts("preinit ");
	gio_putu(n, 10);
	gio_puts("\n");
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	gio_puts("main argc=");
	gio_putu(argc, 10);
	gio_puts(seen_argc == argc ? " (preinit saw the same)\n" : " (preinit saw another argc)\n");
	atexit(h_main);
	__cxa_atexit(h_cxa, "cxa_atexit from main\n", 0);
	atexit(h_registers);
	if (argc > 1 && gio_streq(argv[1], "exit"))
		exit(7);
	if (argc > 1 && gio_streq(argv[1], "_Exit"))
		_Exit(9);
	return 7;
}
