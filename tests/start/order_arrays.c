/* SPDX-License-Identifier: MIT */
/* Hand-placed preinit/init/fini array entries (see order.c). */
#include "../lib/guest_io.h"

void preinit_seen(int n, int argc);

static void pre1(int argc, char **argv, char **envp) { (void)argv; (void)envp; preinit_seen(1, argc); }
static void pre2(int argc, char **argv, char **envp) { (void)argv; (void)envp; preinit_seen(2, argc); }
static void pre3(int argc, char **argv, char **envp) { (void)argv; (void)envp; preinit_seen(3, argc); }
__attribute__((section(".preinit_array"), used))
static void (*const preinit[])(int, char **, char **) = {pre1, pre2, pre3};

static void init1(int argc, char **argv, char **envp)
{
	/* Array entries get (argc, argv, envp) like main. */
	gio_puts(argv[argc] == 0 && envp ? "init_array 1 (argc, argv, envp)\n" : "init_array 1 BAD ARGS\n");
}
static void init2(void) { gio_puts("init_array 2\n"); }
__attribute__((section(".init_array"), used))
static void (*const init[])(void) = {(void (*)(void))init1, init2};

static void fini1(void) { gio_puts("fini_array 1\n"); }
static void fini2(void) { gio_puts("fini_array 2\n"); }
static void fini3(void) { gio_puts("fini_array 3\n"); }
__attribute__((section(".fini_array"), used))
static void (*const fini[])(void) = {fini1, fini2, fini3};
