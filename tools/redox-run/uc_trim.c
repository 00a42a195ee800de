// SPDX-License-Identifier: MIT
/* Keeps the Unicorn engines redox-run does not use out of a static link.
 *
 * Debian's libunicorn.a (2.0.1) holds one member per guest architecture;
 * uc_open() (uc.c) refers to every arch's <arch>_uc_init and
 * <arch>_context_reg_read/_write, so a plain static link pulls all 16
 * engines in (about 15 MB of code and 45k relocations; make bench). Defining
 * those entry points here, before the archive on the link line, satisfies the
 * references so the linker never loads those members. redox-run only opens
 * UC_ARCH_X86/UC_MODE_64 and UC_ARCH_ARM64 (x86_64/cpu.c, aarch64/cpu.c);
 * reaching any of these would be a redox-run bug, so they say so and abort.
 * tools/redox-run/part.mk links this file only against a 2.0.x archive. */
#include <stdio.h>
#include <stdlib.h>

static void no_engine(const char *arch)
{
	fprintf(stderr, "redox-run: internal error: the Unicorn %s engine is not linked in "
		"(tools/redox-run/uc_trim.c); rebuild with RR_UNICORN=shared\n", arch);
	abort();
}

/* The real prototypes differ (uc_struct *, uc_context * ...); none of these
 * returns, so no caller ever sees a result. */
#define NO_ENGINE(a)                                                   \
	void a##_uc_init(void);                                        \
	void a##_context_reg_read(void);                               \
	void a##_context_reg_write(void);                              \
	void a##_uc_init(void) { no_engine(#a); }                      \
	void a##_context_reg_read(void) { no_engine(#a); }             \
	void a##_context_reg_write(void) { no_engine(#a); }

NO_ENGINE(arm)
NO_ENGINE(m68k)
NO_ENGINE(mips)
NO_ENGINE(mipsel)
NO_ENGINE(mips64)
NO_ENGINE(mips64el)
NO_ENGINE(ppc)
NO_ENGINE(ppc64)
NO_ENGINE(riscv32)
NO_ENGINE(riscv64)
NO_ENGINE(s390)
NO_ENGINE(sparc)
NO_ENGINE(sparc64)
NO_ENGINE(tricore)
