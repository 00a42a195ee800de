/* SPDX-License-Identifier: MIT */
/* What redox-run and redox-elfcheck share, so that they can never disagree:
 * how an untrusted program file is read, and which PT_LOAD segments are
 * loadable (docs/load-rules.md). */
#ifndef REDOX_LOAD_H
#define REDOX_LOAD_H
#include <elf.h>
#include <stddef.h>
#include <stdint.h>

/* Guest address-space facts the loader must respect (redox-abi.md §1). */
#define RR_PAGE        4096ull
#define RR_STACK_TOP   (1ull << 47)
#define RR_STACK_SIZE  (1ull << 20)
#define RR_STACK_BASE  (RR_STACK_TOP - RR_STACK_SIZE)
/* Bound on what one program may ask us to map, so a hostile header cannot
 * make the host allocate absurd amounts. */
#define RR_MAX_IMAGE   (1ull << 30)
/* Bound on the bytes of a file either tool reads (headers, segments and
 * sections together). */
#define RL_MAX_READ    (4ull << 30)

enum rl_read_status { RL_OK, RL_NOENT, RL_NOTREG, RL_IOERR, RL_TOOBIG };

struct rl_file {
	unsigned char *buf;   /* the first len bytes of the file (malloc'd) */
	size_t len;
	uint64_t size;        /* the file's size when it was opened */
};

/* Reads what the ELF headers of path refer to, never more: the type is
 * checked (fstat on a non-blocking open, so a FIFO cannot hang us) before
 * anything is read, a file without the ELF magic is read no further than
 * its first bytes, and an ELF file up to the end of the last table,
 * segment or section its headers name. A reference past the end of the
 * file is kept past the end of buf, so the parsers still see truncation.
 * On failure returns the reason and writes "<problem>; <fix>" into err. */
enum rl_read_status rl_read(const char *path, struct rl_file *f, char *err, size_t errlen);

/* The PT_LOAD rules. ph[0..n) are the program headers of a file of
 * file_len bytes. Returns 0 when every PT_LOAD is loadable, else one of
 * the RL_LOAD_* codes with "<problem>; <fix>" in err and the header's
 * index in *bad. */
enum {
	RL_LOAD_FILESZ = 14,   /* p_filesz > p_memsz */
	RL_LOAD_TRUNC = 15,    /* file data past the end of the file */
	RL_LOAD_HUGE = 16,     /* more memory than RR_MAX_IMAGE */
	RL_LOAD_RANGE = 17,    /* page 0, the stack, or wrapping past 2^64 */
	RL_LOAD_OVERLAP = 18,  /* two PT_LOADs claim the same bytes */
};
int rl_check_loads(const Elf64_Phdr *ph, size_t n, uint64_t file_len,
		   unsigned *bad, char *err, size_t errlen);
#endif
