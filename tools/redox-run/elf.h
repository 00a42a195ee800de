/* SPDX-License-Identifier: MIT */
#ifndef RR_ELF_H
#define RR_ELF_H
#include <stddef.h>
#include <stdint.h>

#include "../common/redox-load.h"

#define RR_MAX_PHNUM   256

#define RR_PROT_R 1u
#define RR_PROT_W 2u
#define RR_PROT_X 4u

enum rr_arch { RR_ARCH_X86_64, RR_ARCH_AARCH64 };

struct rr_seg {            /* one PT_LOAD, validated */
	uint64_t vaddr, memsz, offset, filesz;
	unsigned prot;
};

struct rr_region {         /* a page-aligned run of pages with one protection */
	uint64_t start, end;
	unsigned prot;
};

struct rr_image {
	enum rr_arch arch;
	uint64_t entry;
	uint64_t phoff, phnum, phentsize;
	/* In-image address of the phdrs (the PT_LOAD covering e_phoff), 0 if none. */
	uint64_t phdr_vaddr;
	unsigned nseg;
	struct rr_seg seg[RR_MAX_PHNUM];
	unsigned nregion;
	struct rr_region region[2 * RR_MAX_PHNUM];
	/* The symbol table, if any (offsets validated against the file). */
	uint64_t symoff, symcount, stroff, strsize;
};

/* Parse and validate an ELF file held in buf[0..len). On failure returns a
 * distinct non-zero code and writes "<problem>; <fix>" into err. */
int rr_elf_parse(const uint8_t *buf, size_t len, struct rr_image *img,
		 char *err, size_t errlen);

/* Symbols: name of the function/object containing addr (NULL if none),
 * with *off the offset into it; address of a named symbol (0 if absent). */
const char *rr_elf_symbolize(const uint8_t *buf, const struct rr_image *img,
			     uint64_t addr, uint64_t *off);
/* The ABI the program was linked for, from its redox-crt ABI note
 * (docs/abi-note.md): 0 with the name in abi[0..abilen), -1 when it has
 * none, 1 with "<problem>; <fix>" in err when the note is malformed or two
 * notes disagree. */
int rr_elf_abi_note(const uint8_t *buf, size_t len, const struct rr_image *img, char *abi,
		    size_t abilen, char *err, size_t errlen);
uint64_t rr_elf_lookup(const uint8_t *buf, const struct rr_image *img,
		       const char *name);
#endif
