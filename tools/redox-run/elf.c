// SPDX-License-Identifier: MIT
#include "elf.h"

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(char *err, size_t n, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
#include <stdarg.h>
static int fail(char *err, size_t n, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
	return code;
}

/* The file is untrusted: every offset+size goes through this. */
static int in_file(uint64_t off, uint64_t size, size_t len)
{
	return off <= len && size <= len - off;
}

static uint64_t page_down(uint64_t a) { return a & ~(RR_PAGE - 1); }
static uint64_t page_up(uint64_t a) { return (a + RR_PAGE - 1) & ~(RR_PAGE - 1); }

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static const char *machine_name(unsigned m)
{
	switch (m) {
	case EM_386: return "i386";
	case EM_ARM: return "ARM";
	case EM_RISCV: return "RISC-V";
	case EM_PPC64: return "PowerPC64";
	case EM_MIPS: return "MIPS";
	case EM_NONE: return "none";
	default: return "unknown";
	}
}

static void build_regions(struct rr_image *img)
{
	uint64_t b[2 * RR_MAX_PHNUM];
	unsigned nb = 0;
	for (unsigned i = 0; i < img->nseg; i++) {
		b[nb++] = page_down(img->seg[i].vaddr);
		b[nb++] = page_up(img->seg[i].vaddr + img->seg[i].memsz);
	}
	qsort(b, nb, sizeof b[0], cmp_u64);
	img->nregion = 0;
	for (unsigned i = 0; i + 1 < nb; i++) {
		uint64_t s = b[i], e = b[i + 1];
		if (s == e)
			continue;
		unsigned prot = 0, covered = 0;
		/* Two segments sharing a page: the page gets both permissions. */
		for (unsigned j = 0; j < img->nseg; j++) {
			const struct rr_seg *g = &img->seg[j];
			if (page_down(g->vaddr) < e && page_up(g->vaddr + g->memsz) > s) {
				prot |= g->prot;
				covered = 1;
			}
		}
		if (!covered)
			continue;
		struct rr_region *last = img->nregion ? &img->region[img->nregion - 1] : NULL;
		if (last && last->end == s && last->prot == prot)
			last->end = e;
		else
			img->region[img->nregion++] = (struct rr_region){ s, e, prot };
	}
}

static void find_symtab(const uint8_t *buf, size_t len, struct rr_image *img)
{
	Elf64_Ehdr eh;
	memcpy(&eh, buf, sizeof eh);
	if (!eh.e_shoff || eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shnum == 0 ||
	    !in_file(eh.e_shoff, (uint64_t)eh.e_shnum * sizeof(Elf64_Shdr), len))
		return;
	for (unsigned i = 0; i < eh.e_shnum; i++) {
		Elf64_Shdr sh, st;
		memcpy(&sh, buf + eh.e_shoff + (uint64_t)i * sizeof sh, sizeof sh);
		if (sh.sh_type != SHT_SYMTAB || sh.sh_entsize != sizeof(Elf64_Sym) ||
		    sh.sh_link >= eh.e_shnum || !in_file(sh.sh_offset, sh.sh_size, len))
			continue;
		memcpy(&st, buf + eh.e_shoff + (uint64_t)sh.sh_link * sizeof st, sizeof st);
		if (st.sh_type != SHT_STRTAB || !in_file(st.sh_offset, st.sh_size, len))
			continue;
		img->symoff = sh.sh_offset;
		img->symcount = sh.sh_size / sizeof(Elf64_Sym);
		img->stroff = st.sh_offset;
		img->strsize = st.sh_size;
		return;
	}
}

int rr_elf_parse(const uint8_t *buf, size_t len, struct rr_image *img,
		 char *err, size_t n)
{
	memset(img, 0, sizeof *img);
	if (len < EI_NIDENT || memcmp(buf, ELFMAG, SELFMAG) != 0)
		return fail(err, n, 1, "not an ELF file (%s); give a static Redox executable",
			    len < SELFMAG ? "too short for the ELF magic" : "bad magic bytes");
	if (buf[EI_CLASS] != ELFCLASS64)
		return fail(err, n, 2, "%s ELF; redox-run runs only 64-bit x86_64 and aarch64 programs",
			    buf[EI_CLASS] == ELFCLASS32 ? "32-bit (ELFCLASS32)" : "unknown-class");
	if (len < sizeof(Elf64_Ehdr))
		return fail(err, n, 3, "truncated: %zu bytes, shorter than the 64-byte ELF header", len);
	if (buf[EI_DATA] != ELFDATA2LSB)
		return fail(err, n, 4, "not little-endian (EI_DATA %u); x86_64 and aarch64 Redox programs are little-endian",
			    buf[EI_DATA]);
	Elf64_Ehdr eh;
	memcpy(&eh, buf, sizeof eh);
	if (eh.e_ident[EI_VERSION] != EV_CURRENT || eh.e_version != EV_CURRENT)
		return fail(err, n, 5, "unknown ELF version %u", eh.e_version);
	if (eh.e_machine == EM_X86_64)
		img->arch = RR_ARCH_X86_64;
	else if (eh.e_machine == EM_AARCH64)
		img->arch = RR_ARCH_AARCH64;
	else
		return fail(err, n, 6, "ELF machine 0x%x (%s) is not x86_64 or aarch64",
			    eh.e_machine, machine_name(eh.e_machine));
	if (eh.e_type == ET_DYN)
		return fail(err, n, 7, "ET_DYN (PIE or shared object) is not supported; link a static non-PIE executable (ld.lld -static --no-pie)");
	if (eh.e_type != ET_EXEC)
		return fail(err, n, 8, "ELF type %u is not an executable (ET_EXEC)", eh.e_type);
	if (eh.e_phnum == 0)
		return fail(err, n, 9, "no program headers; nothing to load");
	if (eh.e_phentsize != sizeof(Elf64_Phdr))
		return fail(err, n, 10, "program header size %u, expected %zu; the file is corrupt",
			    eh.e_phentsize, sizeof(Elf64_Phdr));
	if (eh.e_phnum > RR_MAX_PHNUM)
		return fail(err, n, 11, "%u program headers, more than the %d supported", eh.e_phnum, RR_MAX_PHNUM);
	if (!in_file(eh.e_phoff, (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr), len))
		return fail(err, n, 12, "truncated: program headers at offset 0x%llx run past the end of the %zu-byte file",
			    (unsigned long long)eh.e_phoff, len);
	img->entry = eh.e_entry;
	img->phoff = eh.e_phoff;
	img->phnum = eh.e_phnum;
	img->phentsize = eh.e_phentsize;

	/* The PT_LOAD rules are shared with redox-elfcheck (docs/load-rules.md). */
	Elf64_Phdr ph_all[RR_MAX_PHNUM];
	memcpy(ph_all, buf + eh.e_phoff, (size_t)eh.e_phnum * sizeof ph_all[0]);
	for (unsigned i = 0; i < eh.e_phnum; i++)
		if (ph_all[i].p_type == PT_INTERP)
			return fail(err, n, 13, "has PT_INTERP (dynamically linked); redox-run loads only static executables, link with -static");
	unsigned bad;
	int rc = rl_check_loads(ph_all, eh.e_phnum, len, &bad, err, n);
	if (rc)
		return rc;
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		const Elf64_Phdr ph = ph_all[i];
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		struct rr_seg *s = &img->seg[img->nseg++];
		s->vaddr = ph.p_vaddr;
		s->memsz = ph.p_memsz;
		s->offset = ph.p_offset;
		s->filesz = ph.p_filesz;
		s->prot = (ph.p_flags & PF_R ? RR_PROT_R : 0) | (ph.p_flags & PF_W ? RR_PROT_W : 0) |
			  (ph.p_flags & PF_X ? RR_PROT_X : 0);
		/* Where the phdrs appear in memory (redox-abi.md §1, AT_PHDR at RH). */
		uint64_t phsz = (uint64_t)eh.e_phnum * sizeof(Elf64_Phdr);
		if (!img->phdr_vaddr && eh.e_phoff >= ph.p_offset &&
		    eh.e_phoff - ph.p_offset <= ph.p_filesz &&
		    phsz <= ph.p_filesz - (eh.e_phoff - ph.p_offset))
			img->phdr_vaddr = ph.p_vaddr + (eh.e_phoff - ph.p_offset);
	}
	if (img->nseg == 0)
		return fail(err, n, 19, "no loadable (PT_LOAD) segment");
	int entry_ok = 0;
	for (unsigned j = 0; j < img->nseg; j++)
		if ((img->seg[j].prot & RR_PROT_X) && img->entry >= img->seg[j].vaddr &&
		    img->entry - img->seg[j].vaddr < img->seg[j].memsz)
			entry_ok = 1;
	if (!entry_ok)
		return fail(err, n, 20, "entry point 0x%llx is not inside an executable PT_LOAD; is _start linked in?",
			    (unsigned long long)img->entry);
	build_regions(img);
	find_symtab(buf, len, img);
	return 0;
}

static const char *sym_name(const uint8_t *buf, const struct rr_image *img, const Elf64_Sym *s)
{
	if (s->st_name >= img->strsize)
		return NULL;
	const char *p = (const char *)buf + img->stroff + s->st_name;
	if (!memchr(p, 0, img->strsize - s->st_name))
		return NULL;
	return p;
}

const char *rr_elf_symbolize(const uint8_t *buf, const struct rr_image *img,
			     uint64_t addr, uint64_t *off)
{
	const char *best = NULL;
	uint64_t best_val = 0;
	for (uint64_t i = 0; i < img->symcount; i++) {
		Elf64_Sym s;
		memcpy(&s, buf + img->symoff + i * sizeof s, sizeof s);
		unsigned t = ELF64_ST_TYPE(s.st_info);
		if (s.st_shndx == SHN_UNDEF || (t != STT_FUNC && t != STT_NOTYPE && t != STT_OBJECT))
			continue;
		if (addr < s.st_value || (s.st_size && addr - s.st_value >= s.st_size))
			continue;
		/* A sized symbol that contains addr wins; else the nearest label below. */
		if (!s.st_size && addr - s.st_value > 0x10000)
			continue;
		const char *nm = sym_name(buf, img, &s);
		if (!nm || !*nm || (best && s.st_value < best_val))
			continue;
		best = nm;
		best_val = s.st_value;
	}
	if (best)
		*off = addr - best_val;
	return best;
}

uint64_t rr_elf_lookup(const uint8_t *buf, const struct rr_image *img, const char *name)
{
	for (uint64_t i = 0; i < img->symcount; i++) {
		Elf64_Sym s;
		memcpy(&s, buf + img->symoff + i * sizeof s, sizeof s);
		if (s.st_shndx == SHN_UNDEF)
			continue;
		const char *nm = sym_name(buf, img, &s);
		if (nm && strcmp(nm, name) == 0)
			return s.st_value;
	}
	return 0;
}

/* The ABI note (docs/abi-note.md): owner "redox-crt", type 1, the ABI's
   name as a NUL-terminated string ("2026-01", "2026-08"). Notes are read
   from the PT_NOTE segments; a segment or note that does not fit the file
   is skipped, as the loader would never see it. */
#define RR_NOTE_OWNER "redox-crt"
#define RR_NOTE_TYPE_ABI 1

int rr_elf_abi_note(const uint8_t *buf, size_t len, const struct rr_image *img, char *abi,
		    size_t abilen, char *err, size_t n)
{
	int found = 0;
	abi[0] = 0;
	for (uint64_t i = 0; i < img->phnum; i++) {
		Elf64_Phdr ph;
		memcpy(&ph, buf + img->phoff + i * sizeof ph, sizeof ph);
		if (ph.p_type != PT_NOTE || !in_file(ph.p_offset, ph.p_filesz, len))
			continue;
		/* The description and the next entry start at the segment's
		   alignment from its start: 4, or 8 for 8-aligned notes
		   (.note.gnu.property: "GNU\0" at 12, its description at 16). */
		uint64_t al = ph.p_align == 8 ? 8 : 4;
		uint64_t at = 0, end = ph.p_filesz;
		while (end - at >= 12) {
			uint32_t hdr[3];
			memcpy(hdr, buf + ph.p_offset + at, sizeof hdr);
			uint64_t namesz = hdr[0], descsz = hdr[1];
			uint64_t name_at = at + 12;
			uint64_t desc_at = (name_at + namesz + al - 1) & ~(al - 1);
			uint64_t next = (desc_at + descsz + al - 1) & ~(al - 1);
			if (desc_at > end || next > end || next <= at)
				break; /* does not fit its segment: the rest is not notes */
			const uint8_t *name = buf + ph.p_offset + name_at;
			const uint8_t *desc = buf + ph.p_offset + desc_at;
			at = next;
			if (hdr[2] != RR_NOTE_TYPE_ABI || namesz != sizeof RR_NOTE_OWNER ||
			    memcmp(name, RR_NOTE_OWNER, sizeof RR_NOTE_OWNER) != 0)
				continue;
			const uint8_t *nul = descsz ? memchr(desc, 0, descsz) : NULL;
			if (!nul || nul == desc || (size_t)(nul - desc) >= abilen)
				return fail(err, n, 1, "its redox-crt ABI note is malformed (%llu-byte description, "
					    "not a short NUL-terminated name); relink it with redox-crt's sysroot, "
					    "or give --abi=2026-01|2026-08", (unsigned long long)descsz);
			for (const uint8_t *c = desc; c < nul; c++)
				if (*c < 0x20 || *c > 0x7e)
					return fail(err, n, 1, "its redox-crt ABI note holds non-printable bytes; "
						    "relink it with redox-crt's sysroot, or give --abi=2026-01|2026-08");
			if (found && strcmp(abi, (const char *)desc) != 0)
				return fail(err, n, 1, "it carries two redox-crt ABI notes that disagree ('%s' and "
					    "'%s'): parts of two sysroots were linked together; relink it, or give "
					    "--abi=2026-01|2026-08", abi, (const char *)desc);
			memcpy(abi, desc, (size_t)(nul - desc) + 1);
			found = 1;
		}
	}
	return found ? 0 : -1;
}
