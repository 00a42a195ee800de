/* SPDX-License-Identifier: MIT */
/* ELF64 program headers and dl_iterate_phdr (glibc's struct dl_phdr_info
   layout); shared by libunwind's build and our dl_iterate_phdr (phdr.c). */
#ifndef REDOX_UNWIND_SHIM_PHDR_H
#define REDOX_UNWIND_SHIM_PHDR_H
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef uint64_t Elf64_Addr;
typedef uint64_t Elf64_Off;
typedef uint16_t Elf64_Half;
typedef uint32_t Elf64_Word;
typedef uint64_t Elf64_Xword;
#define ElfW(type) Elf64_##type

typedef struct {
	unsigned char e_ident[16];
	Elf64_Half e_type, e_machine;
	Elf64_Word e_version;
	Elf64_Addr e_entry;
	Elf64_Off e_phoff, e_shoff;
	Elf64_Word e_flags;
	Elf64_Half e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	Elf64_Word p_type, p_flags;
	Elf64_Off p_offset;
	Elf64_Addr p_vaddr, p_paddr;
	Elf64_Xword p_filesz, p_memsz, p_align;
} Elf64_Phdr;

#define PT_LOAD 1
#define PT_PHDR 6
#define PT_GNU_EH_FRAME 0x6474e550

struct dl_phdr_info {
	Elf64_Addr dlpi_addr;		/* load bias: run-time minus link-time address */
	const char *dlpi_name;
	const Elf64_Phdr *dlpi_phdr;
	Elf64_Half dlpi_phnum;
	unsigned long long dlpi_adds;
	unsigned long long dlpi_subs;
	size_t dlpi_tls_modid;
	void *dlpi_tls_data;
};

int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data);
#ifdef __cplusplus
}
#endif
#endif
