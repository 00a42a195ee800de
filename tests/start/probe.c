/* SPDX-License-Identifier: MIT */
/* What main sees from the freestanding runtime: arguments, environment,
   auxv (redox-abi.md §1), call-ABI state and FP control state. The first
   argument picks the mode. */
#include <redox/start.h>
#include <redox/auxv.h>
#include "../lib/guest_io.h"

extern const unsigned char __ehdr_start[] __attribute__((weak));

struct abi_state {
	int aligned, chain_ok, fpctl_ok;
	unsigned long fpctl;
};

__attribute__((noinline)) static void probe_abi(struct abi_state *s, void *fp)
{
	unsigned long *p = fp;
	int n = 0;

	s->aligned = ((unsigned long)fp & 15) == 0;
#if defined(__aarch64__)
	unsigned long sp;
	__asm__ volatile("mov %0, sp" : "=r"(sp));
	s->aligned = s->aligned && (sp & 15) == 0;
#endif
	/* Frame records: [fp] = caller's fp. The chain must climb and end at
	   the 0 that _start put in the frame pointer. */
	s->chain_ok = 0;
	while (p && n < 64) {
		unsigned long *next = (unsigned long *)p[0];
		if (next && next <= p)
			break;
		if (!next)
			s->chain_ok = 1;
		p = next;
		n++;
	}
#if defined(__x86_64__)
	unsigned mxcsr;
	unsigned short fcw;
	__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
	__asm__ volatile("fnstcw %0" : "=m"(fcw));
	s->fpctl = (unsigned long)(mxcsr & ~0x3fu) << 16 | fcw;
	s->fpctl_ok = (mxcsr & ~0x3fu) == 0x1f80 && fcw == 0x037f;
#else
	unsigned long fpcr;
	__asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
	s->fpctl = fpcr;
	s->fpctl_ok = fpcr == 0;
#endif
}

static struct abi_state in_ctor;

__attribute__((constructor)) static void ctor(void)
{
	probe_abi(&in_ctor, __builtin_frame_address(0));
}

static void report_abi(const char *where, const struct abi_state *s)
{
	gio_puts(where);
	gio_puts(s->aligned ? ": sp aligned 16" : ": sp MISALIGNED");
	gio_puts(s->chain_ok ? ", frame chain ends at 0" : ", frame chain BROKEN");
	gio_puts(s->fpctl_ok ? ", fp control default\n" : ", fp control NOT DEFAULT 0x");
	if (!s->fpctl_ok) {
		gio_putu(s->fpctl, 16);
		gio_puts("\n");
	}
}

static int memeq(const void *a, const void *b, unsigned long n)
{
	const unsigned char *x = a, *y = b;
	while (n--)
		if (*x++ != *y++)
			return 0;
	return 1;
}

static void report_auxv(void)
{
	unsigned long v;
	int have = redox_getauxval_r(REDOX_AT_PROC_FD, &v);
	gio_puts(have ? "auxv 41 PROC_FD found" : "auxv 41 PROC_FD missing");
	gio_puts(have && (v & REDOX_UPPER_FDTBL_TAG) ? ", upper-table fd\n" : "\n");
	have = redox_getauxval_r(REDOX_AT_THR_FD, &v);
	gio_puts(have ? "auxv 42 THR_FD found" : "auxv 42 THR_FD missing");
	gio_puts(have && (v & REDOX_UPPER_FDTBL_TAG) ? ", upper-table fd\n" : "\n");

	const unsigned char *phdr = (const unsigned char *)redox_getauxval(REDOX_AT_PHDR);
	unsigned long phent = redox_getauxval(REDOX_AT_PHENT), phnum = redox_getauxval(REDOX_AT_PHNUM);
	unsigned long phoff = *(const unsigned long *)(__ehdr_start + 32);
	unsigned short img_phnum = *(const unsigned short *)(__ehdr_start + 56);
	if (phdr && phent == 56 && phnum == img_phnum && memeq(phdr, __ehdr_start + phoff, phnum * phent))
		gio_puts("AT_PHDR points at this program's headers\n");
	else
		gio_puts("AT_PHDR is WRONG\n");
	gio_puts(redox_getauxval(REDOX_AT_ENTRY) ? "AT_ENTRY set\n" : "AT_ENTRY missing\n");
}

static void say_atexit(void)
{
	gio_puts("atexit handler ran\n");
}

int main(int argc, char **argv, char **envp)
{
	if (argc < 2) {
		gio_puts("usage: probe args|auxv|abi|return N|exit N|_Exit N\n");
		return 2;
	}
	if (gio_streq(argv[1], "args")) {
		gio_puts("argc=");
		gio_putu(argc, 10);
		gio_puts("\n");
		for (int i = 0; i < argc; i++) {
			gio_puts("argv: ");
			gio_puts(argv[i]);
			gio_puts("\n");
		}
		for (char **e = envp; *e; e++) {
			gio_puts("env: ");
			gio_puts(*e);
			gio_puts("\n");
		}
		gio_puts(environ == envp ? "environ == envp\n" : "environ != envp\n");
		return 0;
	}
	if (gio_streq(argv[1], "auxv")) {
		report_auxv();
		return 0;
	}
	if (gio_streq(argv[1], "abi")) {
		struct abi_state s;
		probe_abi(&s, __builtin_frame_address(0));
		report_abi("constructor", &in_ctor);
		report_abi("main", &s);
		return 0;
	}
	int n = argc > 2 ? gio_atoi(argv[2]) : 0;
	atexit(say_atexit);
	if (gio_streq(argv[1], "exit"))
		exit(n);
	if (gio_streq(argv[1], "_Exit"))
		_Exit(n);
	return n;
}
