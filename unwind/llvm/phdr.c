/* SPDX-License-Identifier: MIT */
/* dl_iterate_phdr for static Redox executables, which LLVM libunwind's
   DWARF index lookup needs (PT_GNU_EH_FRAME) and which relibc does not have
   (docs/unwind.md). One object: the executable itself.

   The program headers come from __ehdr_start, which ld.lld defines at the
   ELF header when that header is inside a PT_LOAD (Redox requires the
   program headers to be loaded, redox-abi.md §1); otherwise from AT_PHDR and
   AT_PHNUM, through redox-crt's freestanding runtime (redox_getauxval) or
   the libc's getauxval. relibc's getauxval returns 0 for every key
   (relibc src/header/sys_auxv/mod.rs), so with relibc only __ehdr_start
   works. Weak, so a libc that gains its own dl_iterate_phdr wins. */
#include "redox_phdr.h"

#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5

extern const Elf64_Ehdr __ehdr_start __attribute__((weak, visibility("hidden")));
extern unsigned long redox_getauxval(unsigned long key) __attribute__((weak));
extern unsigned long getauxval(unsigned long key) __attribute__((weak));

static unsigned long aux(unsigned long key)
{
	if (redox_getauxval)
		return redox_getauxval(key);
	return getauxval ? getauxval(key) : 0;
}

static int is_elf64_header(const Elf64_Ehdr *e)
{
	return e->e_ident[0] == 0x7f && e->e_ident[1] == 'E' && e->e_ident[2] == 'L' &&
	       e->e_ident[3] == 'F' && e->e_ident[4] == 2 /* ELFCLASS64 */ &&
	       e->e_phentsize == sizeof(Elf64_Phdr);
}

__attribute__((weak)) int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *),
					  void *data)
{
	const Elf64_Ehdr *eh = &__ehdr_start;
	struct dl_phdr_info info = {0};
	uintptr_t base = 0;
	int have_base = 0;

	if (eh && is_elf64_header(eh)) {
		info.dlpi_phdr = (const Elf64_Phdr *)((const char *)eh + eh->e_phoff);
		info.dlpi_phnum = eh->e_phnum;
		base = (uintptr_t)eh;
		have_base = 1;
	} else {
		unsigned long phent = aux(AT_PHENT);
		if (phent && phent != sizeof(Elf64_Phdr))
			return 0;
		info.dlpi_phdr = (const Elf64_Phdr *)aux(AT_PHDR);
		info.dlpi_phnum = (Elf64_Half)aux(AT_PHNUM);
	}
	if (!info.dlpi_phdr || !info.dlpi_phnum)
		return 0;
	/* Load bias. From __ehdr_start: the PT_LOAD mapping file offset 0 holds
	   the header, so bias = its address - that segment's p_vaddr. From
	   AT_PHDR: 0, since Redox maps executables at their link address
	   (redox-abi.md §1) and an early-2026 AT_PHDR points at a copy of the
	   headers outside the image, where PT_PHDR would give a wrong bias. */
	for (Elf64_Half i = 0; have_base && i < info.dlpi_phnum; i++) {
		const Elf64_Phdr *p = &info.dlpi_phdr[i];
		if (p->p_type == PT_LOAD && p->p_offset == 0) {
			info.dlpi_addr = base - p->p_vaddr;
			break;
		}
	}
	info.dlpi_name = "";
	info.dlpi_adds = 1;
	return cb(&info, sizeof info, data);
}
