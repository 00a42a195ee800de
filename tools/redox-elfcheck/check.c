/* SPDX-License-Identifier: MIT */
/* The checks. libelf parses, but every offset and size it hands back is
   checked against the real image size first: libelf trusts the headers, and a
   truncated file must end in a message, not a crash. */
#include "elfcheck.h"
#include "../common/redox-load.h"

#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define LDFLAGS_HINT "(redox-crt-config --ldflags)"

void ec_add(struct ec_report *r, enum ec_severity sev, const char *id,
	    const char *fix, const char *fmt, ...)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		struct ec_finding *f = realloc(r->f, cap * sizeof *f);
		if (!f)
			return;
		r->f = f;
		r->cap = cap;
	}
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	struct ec_finding *f = &r->f[r->n];
	f->id = id;
	f->sev = sev;
	f->message = strdup(buf);
	f->fix = strdup(fix ? fix : "");
	if (!f->message || !f->fix) {
		free(f->message);
		free(f->fix);
		return;
	}
	r->n++;
}

void ec_report_free(struct ec_report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->f[i].message);
		free(r->f[i].fix);
	}
	free(r->f);
	memset(r, 0, sizeof *r);
}

size_t ec_count(const struct ec_report *r, enum ec_severity sev)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += r->f[i].sev == sev;
	return n;
}

static void unreadable(struct ec_report *r, const char *id, const char *fix,
		       const char *what)
{
	ec_add(r, EC_ERROR, id, fix, "%s", what);
	r->unreadable = 1;
}

/* Strings taken from the file go into messages with anything unprintable
   escaped, so output stays one line of plain text. */
static void printable(char *dst, size_t dstlen, const unsigned char *s, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n && s[i] && o + 5 < dstlen; i++) {
		if (s[i] >= 0x20 && s[i] < 0x7f && s[i] != '\\')
			dst[o++] = (char)s[i];
		else
			o += (size_t)snprintf(dst + o, dstlen - o, "\\x%02x", s[i]);
	}
	dst[o] = 0;
}

int ec_is_return_x86_64(const unsigned char *c, size_t n)
{
	if (n >= 1 && (c[n - 1] == 0xc3 || c[n - 1] == 0xcb))
		return 1;	/* ret, lret (rep ret also ends in c3) */
	if (n >= 3 && (c[n - 3] == 0xc2 || c[n - 3] == 0xca))
		return 1;	/* ret imm16, lret imm16 */
	return 0;
}

int ec_is_return_aarch64(const unsigned char *c, size_t n)
{
	if (n < 4 || n % 4)
		return 0;
	uint32_t w = (uint32_t)c[n - 4] | (uint32_t)c[n - 3] << 8 |
		     (uint32_t)c[n - 2] << 16 | (uint32_t)c[n - 1] << 24;
	if ((w & 0xfffffc1fu) == 0xd65f0000u)
		return 1;	/* ret {xN} */
	return w == 0xd65f0bffu || w == 0xd65f0fffu;	/* retaa, retab */
}

const char *ec_severity_name(enum ec_severity sev)
{
	return sev == EC_ERROR ? "error" : sev == EC_WARNING ? "warning" : "info";
}

static const char *machine_name(unsigned m)
{
	switch (m) {
	case EM_386: return "i386";
	case EM_ARM: return "ARM";
	case EM_X86_64: return "x86_64";
	case EM_AARCH64: return "aarch64";
	case EM_RISCV: return "RISC-V";
	case EM_PPC64: return "PowerPC64";
	case EM_MIPS: return "MIPS";
	case EM_S390: return "s390";
	case 0: return "none";
	default: return "unknown";
	}
}

/* In-range test that cannot overflow. */
static int in_file(uint64_t off, uint64_t size, size_t len)
{
	return off <= len && size <= len - off;
}

struct sym {
	int defined;
	uint64_t value;
	size_t shndx;
	int weak_undef;
};

/* Symbols the checks care about, by name. */
static const char *const interesting[] = {
	"_start", "_init", "_fini", "relibc_start_v1", "main",
	"_Unwind_Backtrace", "_Unwind_RaiseException", "__udivti3", "__multi3",
	"redox_syscall0", "redox_syscall1", "redox_syscall3",
};
enum { S_START, S_INIT, S_FINI, S_RELIBC_START, S_MAIN, S_UNWIND_BT,
       S_UNWIND_RAISE, S_UDIVTI3, S_MULTI3, S_SYSCALL0, S_SYSCALL1, S_SYSCALL3,
       S_COUNT };

struct scninfo {
	int present;
	size_t index;
	uint64_t addr, off, size;
	int nobits;
};

struct ctx {
	unsigned char *buf;
	size_t len;
	struct ec_report *r;
	Elf *elf;
	GElf_Ehdr eh;
	size_t phnum, shnum, shstrndx;
	int has_sections, has_symtab;
	struct scninfo text, init, fini, eh_frame, eh_frame_hdr;
	struct sym s[S_COUNT];
	char weak_other[512];
	size_t weak_other_n;
};

static const char *str_at(const struct ctx *c, uint64_t soff, uint64_t ssize,
			  uint64_t idx)
{
	if (idx >= ssize)
		return NULL;
	const unsigned char *p = c->buf + soff + idx;
	if (!memchr(p, 0, ssize - idx))
		return NULL;
	return (const char *)p;
}

/* Validates the section header table and every section's file range;
   returns 0 when the file is unreadable. */
static int read_sections(struct ctx *c)
{
	struct ec_report *r = c->r;
	char msg[512];
	if (!c->has_sections)
		return 1;
	if (c->eh.e_shentsize != sizeof(Elf64_Shdr)) {
		snprintf(msg, sizeof msg, "section header entry size is %u, not %zu: "
			 "the section header table is corrupt",
			 c->eh.e_shentsize, sizeof(Elf64_Shdr));
		unreadable(r, "corrupt", "relink the file", msg);
		return 0;
	}
	if (c->shnum > c->len / sizeof(Elf64_Shdr) ||
	    !in_file(c->eh.e_shoff, (uint64_t)c->shnum * sizeof(Elf64_Shdr), c->len)) {
		snprintf(msg, sizeof msg, "truncated: the section header table "
			 "(offset %#llx, %zu entries) extends past the end of the "
			 "file (%zu bytes)", (unsigned long long)c->eh.e_shoff,
			 c->shnum, c->len);
		unreadable(r, "truncated", "copy or relink the file again", msg);
		return 0;
	}
	GElf_Shdr strsh;
	Elf_Scn *strscn = c->shstrndx < c->shnum ? elf_getscn(c->elf, c->shstrndx) : NULL;
	int names = strscn && gelf_getshdr(strscn, &strsh) &&
		    strsh.sh_type != SHT_NOBITS &&
		    in_file(strsh.sh_offset, strsh.sh_size, c->len);
	if (!names) {
		ec_add(r, EC_WARNING, "shstrtab-corrupt", "relink the file",
		       "section names cannot be read (e_shstrndx %zu of %zu sections): "
		       "section checks skipped", c->shstrndx, c->shnum);
		c->has_sections = 0;
	}
	for (size_t i = 1; i < c->shnum; i++) {
		Elf_Scn *scn = elf_getscn(c->elf, i);
		GElf_Shdr sh;
		if (!scn || !gelf_getshdr(scn, &sh)) {
			snprintf(msg, sizeof msg, "section header %zu cannot be read: %s",
				 i, elf_errmsg(-1));
			unreadable(r, "corrupt", "relink the file", msg);
			return 0;
		}
		int nobits = sh.sh_type == SHT_NOBITS || sh.sh_type == SHT_NULL;
		if (!nobits && !in_file(sh.sh_offset, sh.sh_size, c->len)) {
			snprintf(msg, sizeof msg, "truncated: section %zu (offset %#llx, "
				 "size %#llx) extends past the end of the file (%zu bytes)",
				 i, (unsigned long long)sh.sh_offset,
				 (unsigned long long)sh.sh_size, c->len);
			unreadable(r, "truncated", "copy or relink the file again", msg);
			return 0;
		}
		const char *name = names ? str_at(c, strsh.sh_offset, strsh.sh_size,
						  sh.sh_name) : NULL;
		struct scninfo *slot = NULL;
		if (sh.sh_type == SHT_SYMTAB && !c->has_symtab)
			c->has_symtab = (int)i;
		if (!name)
			continue;
		if (!strcmp(name, ".text"))
			slot = &c->text;
		else if (!strcmp(name, ".init"))
			slot = &c->init;
		else if (!strcmp(name, ".fini"))
			slot = &c->fini;
		else if (!strcmp(name, ".eh_frame"))
			slot = &c->eh_frame;
		else if (!strcmp(name, ".eh_frame_hdr"))
			slot = &c->eh_frame_hdr;
		if (slot && !slot->present) {
			slot->present = 1;
			slot->index = i;
			slot->addr = sh.sh_addr;
			slot->off = sh.sh_offset;
			slot->size = sh.sh_size;
			slot->nobits = nobits;
		}
	}
	return 1;
}

static void read_symbols(struct ctx *c)
{
	if (!c->has_symtab)
		return;
	Elf_Scn *scn = elf_getscn(c->elf, (size_t)c->has_symtab);
	GElf_Shdr sh, strsh;
	if (!scn || !gelf_getshdr(scn, &sh))
		return;
	Elf_Scn *strscn = sh.sh_link < c->shnum && sh.sh_link != 0
				  ? elf_getscn(c->elf, sh.sh_link) : NULL;
	if (!strscn || !gelf_getshdr(strscn, &strsh) || strsh.sh_type != SHT_STRTAB) {
		ec_add(c->r, EC_WARNING, "symtab-corrupt", "relink the file",
		       ".symtab names no valid string table (sh_link %u): symbol "
		       "checks skipped", sh.sh_link);
		c->has_symtab = 0;
		return;
	}
	if (sh.sh_entsize != sizeof(Elf64_Sym) || sh.sh_size % sizeof(Elf64_Sym)) {
		ec_add(c->r, EC_WARNING, "symtab-corrupt", "relink the file",
		       ".symtab entry size %llu or size %llu is not a multiple of %zu: "
		       "symbol checks skipped", (unsigned long long)sh.sh_entsize,
		       (unsigned long long)sh.sh_size, sizeof(Elf64_Sym));
		c->has_symtab = 0;
		return;
	}
	Elf_Data *d = elf_getdata(scn, NULL);
	if (!d || !d->d_buf || d->d_size < sh.sh_size) {
		ec_add(c->r, EC_WARNING, "symtab-corrupt", "relink the file",
		       ".symtab cannot be read (%s): symbol checks skipped",
		       elf_errmsg(-1));
		c->has_symtab = 0;
		return;
	}
	size_t n = sh.sh_size / sizeof(Elf64_Sym);
	for (size_t i = 1; i < n; i++) {
		GElf_Sym sym;
		if (!gelf_getsym(d, (int)i, &sym))
			break;
		const char *name = str_at(c, strsh.sh_offset, strsh.sh_size, sym.st_name);
		if (!name || !*name)
			continue;
		int bind = GELF_ST_BIND(sym.st_info);
		int undef = sym.st_shndx == SHN_UNDEF;
		int weak_undef = undef && bind == STB_WEAK && sym.st_value == 0;
		int k;
		for (k = 0; k < S_COUNT; k++)
			if (!strcmp(name, interesting[k]))
				break;
		if (k < S_COUNT) {
			if (!undef && !c->s[k].defined) {
				c->s[k].defined = 1;
				c->s[k].value = sym.st_value;
				c->s[k].shndx = sym.st_shndx;
			}
			c->s[k].weak_undef |= weak_undef;
		}
		if (weak_undef && k != S_INIT && k != S_FINI && k != S_RELIBC_START &&
		    k != S_MAIN) {
			/* Unknown weak references are often optional hooks. */
			char nm[80];
			printable(nm, sizeof nm, (const unsigned char *)name, strlen(name));
			size_t used = strlen(c->weak_other);
			if (c->weak_other_n < 8 && used + strlen(nm) + 3 < sizeof c->weak_other)
				snprintf(c->weak_other + used, sizeof c->weak_other - used,
					 "%s%s", used ? ", " : "", nm);
			c->weak_other_n++;
		}
	}
}

static const GElf_Phdr *load_covering_vaddr(const GElf_Phdr *ph, size_t n, uint64_t a)
{
	for (size_t i = 0; i < n; i++)
		if (ph[i].p_type == PT_LOAD && a >= ph[i].p_vaddr &&
		    a - ph[i].p_vaddr < ph[i].p_memsz)
			return &ph[i];
	return NULL;
}

static void check_init_fini(struct ctx *c, const struct scninfo *s, int symk,
			    const char *sec, const char *sym)
{
	struct ec_report *r = c->r;
	if (!s->present)
		return;
	if (!c->s[symk].defined) {
		if (!c->has_symtab)
			return;
		ec_add(r, EC_ERROR, !strcmp(sym, "_init") ? "init-no-symbol" : "fini-no-symbol",
		       "link crti.o right after crt0.o " LDFLAGS_HINT,
		       "%s exists but %s is not defined: crti.o is missing, so callers of "
		       "%s jump into the middle of the fragments", sec, sym, sym);
		return;
	}
	if (c->s[symk].value != s->addr)
		ec_add(r, EC_WARNING, !strcmp(sym, "_init") ? "init-order" : "fini-order",
		       "link crti.o before every other object and crtn.o last "
		       LDFLAGS_HINT,
		       "%s (%#llx) is not at the start of %s (%#llx): another object's "
		       "%s fragment was linked before crti.o and runs outside the frame",
		       sym, (unsigned long long)c->s[symk].value, sec,
		       (unsigned long long)s->addr, sec);
	const unsigned char *code = s->nobits ? NULL : c->buf + s->off;
	size_t n = s->nobits ? 0 : (size_t)s->size;
	int ret = c->eh.e_machine == EM_X86_64 ? ec_is_return_x86_64(code, n)
						: ec_is_return_aarch64(code, n);
	if (!ret)
		ec_add(r, EC_ERROR, !strcmp(sym, "_init") ? "init-no-return" : "fini-no-return",
		       "link crtn.o as the last object " LDFLAGS_HINT,
		       "%s does not end in a return instruction: crtn.o is missing or not "
		       "last, so %s falls through into whatever follows", sec, sym);
}

static void check_weak(struct ctx *c)
{
	static const struct { int k; const char *fix; } crit[] = {
		{ S_RELIBC_START, "link the start code: -lredox_start (freestanding) or "
				  "relibc's libc.a " LDFLAGS_HINT },
		{ S_MAIN, "define main in the program" },
		{ S_INIT, "link crti.o and crtn.o " LDFLAGS_HINT },
		{ S_FINI, "link crti.o and crtn.o " LDFLAGS_HINT },
	};
	for (size_t i = 0; i < sizeof crit / sizeof crit[0]; i++)
		if (c->s[crit[i].k].weak_undef && !c->s[crit[i].k].defined)
			ec_add(c->r, EC_ERROR, "weak-undef", crit[i].fix,
			       "%s is an undefined weak symbol: it resolves to 0, so a call "
			       "jumps to address 0 (or lld turns an aarch64 bl into a no-op)", interesting[crit[i].k]);
	if (c->weak_other_n)
		ec_add(c->r, EC_INFO, "weak-undef-other",
		       "define them if they are called unconditionally",
		       "%zu other undefined weak symbol%s resolve%s to 0: %s%s",
		       c->weak_other_n, c->weak_other_n == 1 ? "" : "s",
		       c->weak_other_n == 1 ? "s" : "", c->weak_other,
		       c->weak_other_n > 8 ? ", ..." : "");
}

static void check_linked(struct ctx *c)
{
	struct ec_report *r = c->r;
	if (!c->has_symtab)
		return;
	if (c->s[S_START].defined)
		ec_add(r, EC_INFO, "linked-crt0", NULL, "crt0 appears linked (_start at %#llx)",
		       (unsigned long long)c->s[S_START].value);
	if (c->s[S_INIT].defined && c->init.present && c->s[S_INIT].value == c->init.addr)
		ec_add(r, EC_INFO, "linked-crti", NULL,
		       "crti appears linked (_init opens .init)");
	if (c->init.present && !c->init.nobits &&
	    (c->eh.e_machine == EM_X86_64
		     ? ec_is_return_x86_64(c->buf + c->init.off, (size_t)c->init.size)
		     : ec_is_return_aarch64(c->buf + c->init.off, (size_t)c->init.size)))
		ec_add(r, EC_INFO, "linked-crtn", NULL,
		       "crtn appears linked (.init ends in a return)");
	if (c->s[S_RELIBC_START].defined)
		ec_add(r, EC_INFO, "linked-start", NULL,
		       "relibc_start_v1 is defined: the freestanding runtime or relibc is linked");
	if (c->s[S_SYSCALL0].defined || c->s[S_SYSCALL1].defined || c->s[S_SYSCALL3].defined)
		ec_add(r, EC_INFO, "linked-syscall", NULL,
		       "redox_syscall* functions are defined: libredox_syscall is linked");
	if (c->s[S_UNWIND_BT].defined || c->s[S_UNWIND_RAISE].defined)
		ec_add(r, EC_INFO, "linked-unwind", NULL,
		       "_Unwind_* functions are defined: unwind stubs (or an unwinder) are linked");
	if (c->s[S_UDIVTI3].defined || c->s[S_MULTI3].defined)
		ec_add(r, EC_INFO, "linked-builtins", NULL,
		       "__udivti3/__multi3 are defined: compiler builtins are linked");
}

static void check_elf64(struct ctx *c)
{
	struct ec_report *r = c->r;
	char msg[512];
	GElf_Ehdr *eh = &c->eh;

	if (eh->e_machine != EM_X86_64 && eh->e_machine != EM_AARCH64) {
		ec_add(r, EC_ERROR, "elf-machine",
		       "build with --target=x86_64-unknown-redox or aarch64-unknown-redox",
		       "ELF machine %u (%s) is not x86_64 or aarch64", eh->e_machine,
		       machine_name(eh->e_machine));
		return;
	}
	int x86 = eh->e_machine == EM_X86_64;
	const char *want_interp = x86 ? "/lib/ld64.so.1" : "/lib/ld.so.1";

	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN) {
		if (eh->e_type == ET_REL)
			ec_add(r, EC_ERROR, "elf-type",
			       "link it with ld.lld " LDFLAGS_HINT,
			       "relocatable object (ET_REL), not a linked program");
		else
			ec_add(r, EC_ERROR, "elf-type", "pass a linked Redox executable",
			       "ELF type %u is not an executable (ET_EXEC)", eh->e_type);
		return;
	}

	/* Program headers. */
	if (c->phnum && eh->e_phentsize != sizeof(Elf64_Phdr)) {
		snprintf(msg, sizeof msg, "program header entry size is %u, not %zu: the "
			 "program header table is corrupt", eh->e_phentsize,
			 sizeof(Elf64_Phdr));
		unreadable(r, "corrupt", "relink the file", msg);
		return;
	}
	if (c->phnum > c->len / sizeof(Elf64_Phdr) ||
	    !in_file(eh->e_phoff, (uint64_t)c->phnum * sizeof(Elf64_Phdr), c->len)) {
		snprintf(msg, sizeof msg, "truncated: the program header table (offset "
			 "%#llx, %zu entries) extends past the end of the file (%zu bytes)",
			 (unsigned long long)eh->e_phoff, c->phnum, c->len);
		unreadable(r, "truncated", "copy or relink the file again", msg);
		return;
	}
	GElf_Phdr *ph = calloc(c->phnum ? c->phnum : 1, sizeof *ph);
	if (!ph) {
		unreadable(r, "no-memory", "free some memory", "out of memory");
		return;
	}
	for (size_t i = 0; i < c->phnum; i++) {
		if (!gelf_getphdr(c->elf, (int)i, &ph[i])) {
			snprintf(msg, sizeof msg, "program header %zu cannot be read: %s",
				 i, elf_errmsg(-1));
			unreadable(r, "corrupt", "relink the file", msg);
			goto out;
		}
		if (ph[i].p_filesz && !in_file(ph[i].p_offset, ph[i].p_filesz, c->len)) {
			snprintf(msg, sizeof msg, "truncated: segment %zu (offset %#llx, size "
				 "%#llx) extends past the end of the file (%zu bytes)", i,
				 (unsigned long long)ph[i].p_offset,
				 (unsigned long long)ph[i].p_filesz, c->len);
			unreadable(r, "truncated", "copy or relink the file again", msg);
			goto out;
		}
	}
	/* The PT_LOAD rules redox-run loads by (tools/common/redox-load.c),
	   for what it loads: static executables. */
	if (eh->e_type == ET_EXEC) {
		Elf64_Phdr *raw = calloc(c->phnum ? c->phnum : 1, sizeof *raw);
		unsigned bad;
		if (!raw) {
			unreadable(r, "no-memory", "free some memory", "out of memory");
			goto out;
		}
		for (size_t i = 0; i < c->phnum; i++)
			raw[i] = (Elf64_Phdr){ ph[i].p_type, ph[i].p_flags, ph[i].p_offset, ph[i].p_vaddr,
					       ph[i].p_paddr, ph[i].p_filesz, ph[i].p_memsz, ph[i].p_align };
		if (rl_check_loads(raw, c->phnum, c->len, &bad, msg, sizeof msg)) {
			char *semi = NULL;   /* "<problem>; <fix>": the last "; " */
			for (char *q = strstr(msg, "; "); q; q = strstr(q + 1, "; "))
				semi = q;
			if (semi)
				*semi = 0;
			ec_add(r, EC_ERROR, "load", semi ? semi + 2 : "relink the file",
			       "%s (redox-run refuses to load it)", msg);
		}
		free(raw);
	}
	if (!read_sections(c))
		goto out;
	read_symbols(c);

	/* Type and interpreter (redox-abi.md §1: PIE placement since 2026-02 only). */
	const GElf_Phdr *interp = NULL, *stack = NULL, *ehf = NULL;
	for (size_t i = 0; i < c->phnum; i++) {
		if (ph[i].p_type == PT_INTERP && !interp)
			interp = &ph[i];
		if (ph[i].p_type == PT_GNU_STACK && !stack)
			stack = &ph[i];
		if (ph[i].p_type == PT_GNU_EH_FRAME && !ehf)
			ehf = &ph[i];
	}
	if (interp) {
		/* An empty segment's offset is never checked, so it is not used
		   either (found by fuzzing: p_offset near 2^64 with p_filesz 0). */
		size_t n = (size_t)interp->p_filesz;
		const unsigned char *p = n ? c->buf + interp->p_offset : (const unsigned char *)"";
		char shown[256];
		printable(shown, sizeof shown, p, n);
		if (!n || !memchr(p, 0, n))
			ec_add(r, EC_ERROR, "interp-bad",
			       "relink; the interpreter path must be a NUL-terminated string",
			       "PT_INTERP (\"%s\") is not NUL-terminated", shown);
		else if (strcmp((const char *)p, want_interp))
			ec_add(r, EC_ERROR, "interp-path",
			       x86 ? "link with -static --no-pie, or --dynamic-linker=/lib/ld64.so.1"
				   : "link with -static --no-pie, or --dynamic-linker=/lib/ld.so.1",
			       "PT_INTERP is %s, but Redox's dynamic loader on %s is %s",
			       shown, x86 ? "x86_64" : "aarch64", want_interp);
		else
			ec_add(r, EC_INFO, "interp", NULL,
			       "dynamically linked: loaded by %s", want_interp);
	}
	if (eh->e_type == ET_DYN) {
		if (!interp)
			ec_add(r, EC_ERROR, "static-pie",
			       "link with -static --no-pie " LDFLAGS_HINT,
			       "static PIE (ET_DYN without PT_INTERP): early-2026 Redox maps "
			       "segments at their link address and nothing relocates it "
			       "(redox-abi.md §1)");
		else
			ec_add(r, EC_WARNING, "pie",
			       "link with -static --no-pie " LDFLAGS_HINT,
			       "position-independent executable (ET_DYN): Redox only places PIE "
			       "at a random base since 2026-02; early-2026 Redox maps segments "
			       "at their link address (redox-abi.md §1)");
	}

	/* Entry point. */
	uint64_t entry = eh->e_entry;
	if (entry == 0) {
		ec_add(r, EC_ERROR, "entry-zero", "add crt0.o first on the link line "
		       LDFLAGS_HINT, "entry point is 0: no _start was linked");
	} else {
		const GElf_Phdr *l = load_covering_vaddr(ph, c->phnum, entry);
		if (!l || !(l->p_flags & PF_X))
			ec_add(r, EC_ERROR, "entry-outside",
			       "link crt0.o; do not pass -e/--entry",
			       "entry point %#llx is not inside an executable PT_LOAD segment",
			       (unsigned long long)entry);
		if (c->has_symtab && !c->s[S_START].defined)
			ec_add(r, EC_WARNING, "start-missing",
			       "add crt0.o first on the link line " LDFLAGS_HINT,
			       "no _start symbol: the entry point %#llx is not crt0's _start",
			       (unsigned long long)entry);
		else if (c->s[S_START].defined && c->s[S_START].value != entry)
			ec_add(r, EC_ERROR, "entry-not-start",
			       "drop -e/--entry so that crt0's _start is the entry point",
			       "entry point %#llx is not _start (%#llx)",
			       (unsigned long long)entry,
			       (unsigned long long)c->s[S_START].value);
	}

	if (c->shnum <= 1)
		ec_add(r, EC_INFO, "no-sections", NULL,
		       "no section headers (stripped): section and symbol checks skipped");
	else if (c->has_sections && !c->has_symtab)
		ec_add(r, EC_INFO, "no-symtab", NULL,
		       "no symbol table (stripped): symbol checks skipped");
	if (c->has_sections && !c->text.present)
		ec_add(r, EC_ERROR, "no-text",
		       "link crt0.o and the program's objects; a crt0 split in two "
		       "(.o + .asm.o) needs both halves",
		       "no .text section: none of the program's code was linked under its "
		       "usual name");

	check_init_fini(c, &c->init, S_INIT, ".init", "_init");
	check_init_fini(c, &c->fini, S_FINI, ".fini", "_fini");
	check_weak(c);

	/* Program headers must be in a PT_LOAD from 2026-02 on, or AT_PHDR is 0
	   (redox-abi.md §1, AT_PHDR). */
	if (c->phnum) {
		uint64_t lo = eh->e_phoff, sz = (uint64_t)c->phnum * sizeof(Elf64_Phdr);
		int covered = 0;
		for (size_t i = 0; i < c->phnum && !covered; i++)
			covered = ph[i].p_type == PT_LOAD && lo >= ph[i].p_offset &&
				  lo - ph[i].p_offset <= ph[i].p_filesz &&
				  sz <= ph[i].p_filesz - (lo - ph[i].p_offset);
		if (!covered)
			ec_add(r, EC_ERROR, "phdr-not-loaded",
			       "let the linker place the headers (no PHDRS in the script, or "
			       "add FILEHDR PHDRS to the first PT_LOAD)",
			       "program headers (file offset %#llx) are not inside any PT_LOAD: "
			       "Redox then passes AT_PHDR = 0 (redox-abi.md §1)",
			       (unsigned long long)lo);
	}

	if (!stack)
		ec_add(r, EC_WARNING, "no-gnu-stack",
		       "link with -z noexecstack " LDFLAGS_HINT,
		       "no PT_GNU_STACK: the stack's permissions are unspecified");
	else if (stack->p_flags & PF_X)
		ec_add(r, EC_ERROR, "exec-stack",
		       "link with -z noexecstack; give hand-written .S files a "
		       ".note.GNU-stack section",
		       "executable stack (PT_GNU_STACK has PF_X)");

	for (size_t i = 0; i < c->phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if ((ph[i].p_flags & (PF_W | PF_X)) == (PF_W | PF_X))
			ec_add(r, EC_ERROR, "wx-segment",
			       "drop --omagic/-N and fix linker scripts so code and data get "
			       "separate segments",
			       "segment %zu (PT_LOAD at %#llx) is writable and executable",
			       i, (unsigned long long)ph[i].p_vaddr);
		if (ph[i].p_filesz > ph[i].p_memsz)
			ec_add(r, EC_ERROR, "segment-size", "relink the file",
			       "segment %zu (PT_LOAD at %#llx) has p_filesz %#llx > p_memsz %#llx",
			       i, (unsigned long long)ph[i].p_vaddr,
			       (unsigned long long)ph[i].p_filesz,
			       (unsigned long long)ph[i].p_memsz);
	}

	if (c->eh_frame.present && c->eh_frame.size && !c->eh_frame_hdr.present)
		ec_add(r, EC_WARNING, "eh-frame-hdr", "link with --eh-frame-hdr",
		       ".eh_frame without .eh_frame_hdr: unwinders and backtraces cannot "
		       "find the frame descriptions");
	else if (c->eh_frame_hdr.present && !ehf)
		ec_add(r, EC_WARNING, "eh-frame-hdr",
		       "link with --eh-frame-hdr and keep PT_GNU_EH_FRAME in linker scripts",
		       ".eh_frame_hdr exists but no PT_GNU_EH_FRAME segment points to it");

	check_linked(c);
out:
	free(ph);
}

static unsigned rd16(const unsigned char *p, int msb)
{
	return msb ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static uint64_t rdle(const unsigned char *p, int n)
{
	uint64_t v = 0;
	while (n--)
		v = v << 8 | p[n];
	return v;
}

/* libelf quietly reports zero sections when the section header table is
   cut off, so the raw ELF64 LE header is checked before libelf sees it.
   Returns 0 (with a finding) when the tables do not fit in the file. */
static int tables_fit(const unsigned char *b, size_t len, struct ec_report *r)
{
	char msg[512];
	uint64_t phoff = rdle(b + 32, 8), shoff = rdle(b + 40, 8);
	uint64_t phnum = rdle(b + 56, 2), shnum = rdle(b + 60, 2);
	if (shoff && !in_file(shoff, sizeof(Elf64_Shdr), len)) {
		snprintf(msg, sizeof msg, "truncated: the section header table (offset "
			 "%#llx) starts past the end of the file (%zu bytes)",
			 (unsigned long long)shoff, len);
		unreadable(r, "truncated", "copy or relink the file again", msg);
		return 0;
	}
	/* Extended numbering: the real counts live in section header 0. */
	if (shoff && shnum == 0)
		shnum = rdle(b + shoff + 32, 8);
	if (shoff && phnum == PN_XNUM)
		phnum = rdle(b + shoff + 44, 4);
	if (!shoff)
		shnum = 0;
	if (shnum > len / sizeof(Elf64_Shdr) ||
	    !in_file(shoff, shnum * sizeof(Elf64_Shdr), len)) {
		snprintf(msg, sizeof msg, "truncated: the section header table (offset "
			 "%#llx, %llu entries) extends past the end of the file (%zu bytes)",
			 (unsigned long long)shoff, (unsigned long long)shnum, len);
		unreadable(r, "truncated", "copy or relink the file again", msg);
		return 0;
	}
	if (phnum > len / sizeof(Elf64_Phdr) ||
	    !in_file(phoff, phnum * sizeof(Elf64_Phdr), len)) {
		snprintf(msg, sizeof msg, "truncated: the program header table (offset "
			 "%#llx, %llu entries) extends past the end of the file (%zu bytes)",
			 (unsigned long long)phoff, (unsigned long long)phnum, len);
		unreadable(r, "truncated", "copy or relink the file again", msg);
		return 0;
	}
	return 1;
}

void ec_check_buffer(unsigned char *buf, size_t len, struct ec_report *r)
{
	char msg[512];
	if (len < 4 || memcmp(buf, ELFMAG, SELFMAG)) {
		char shown[64];
		printable(shown, sizeof shown, buf, len < 4 ? len : 4);
		snprintf(msg, sizeof msg, len ? "not an ELF file (starts with \"%s\", not "
			 "\"\\x7fELF\")" : "not an ELF file (empty)", shown);
		unreadable(r, "not-elf", "pass a linked Redox executable", msg);
		return;
	}
	if (len < EI_NIDENT) {
		unreadable(r, "truncated", "copy or relink the file again",
			   "truncated: shorter than the ELF identification");
		return;
	}
	int cls = buf[EI_CLASS], data = buf[EI_DATA];
	if ((cls != ELFCLASS32 && cls != ELFCLASS64) ||
	    (data != ELFDATA2LSB && data != ELFDATA2MSB)) {
		snprintf(msg, sizeof msg, "corrupt ELF identification (class %d, data %d)",
			 cls, data);
		unreadable(r, "corrupt", "pass a linked Redox executable", msg);
		return;
	}
	size_t ehsize = cls == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
	if (len < ehsize) {
		snprintf(msg, sizeof msg, "truncated: %zu bytes, shorter than the ELF "
			 "header (%zu bytes)", len, ehsize);
		unreadable(r, "truncated", "copy or relink the file again", msg);
		return;
	}
	unsigned machine = rd16(buf + 18, data == ELFDATA2MSB);
	if (cls == ELFCLASS32) {
		ec_add(r, EC_ERROR, "elf-class",
		       "build with --target=x86_64-unknown-redox or aarch64-unknown-redox",
		       "32-bit ELF (machine %u, %s): Redox targets here are 64-bit x86_64 "
		       "and aarch64", machine, machine_name(machine));
		return;
	}
	if (data == ELFDATA2MSB) {
		ec_add(r, EC_ERROR, "elf-machine",
		       "build with --target=x86_64-unknown-redox or aarch64-unknown-redox",
		       "big-endian ELF (machine %u, %s): Redox targets here are "
		       "little-endian x86_64 and aarch64", machine, machine_name(machine));
		return;
	}

	if (!tables_fit(buf, len, r))
		return;

	struct ctx c;
	memset(&c, 0, sizeof c);
	c.buf = buf;
	c.len = len;
	c.r = r;
	if (elf_version(EV_CURRENT) == EV_NONE) {
		unreadable(r, "libelf", "reinstall libelf1", "libelf is unusable");
		return;
	}
	c.elf = elf_memory((char *)buf, len);
	if (!c.elf || elf_kind(c.elf) != ELF_K_ELF || !gelf_getehdr(c.elf, &c.eh)) {
		snprintf(msg, sizeof msg, "unreadable ELF header: %s", elf_errmsg(-1));
		unreadable(r, "corrupt", "relink the file", msg);
		goto out;
	}
	/* Extended numbering keeps the real counts in section 0; libelf resolves
	   them, the ranges are checked again before use. */
	if (elf_getphdrnum(c.elf, &c.phnum) || elf_getshdrnum(c.elf, &c.shnum) ||
	    elf_getshdrstrndx(c.elf, &c.shstrndx)) {
		snprintf(msg, sizeof msg, "truncated or corrupt header tables: %s "
			 "(e_phoff %#llx, e_shoff %#llx, file %zu bytes)", elf_errmsg(-1),
			 (unsigned long long)c.eh.e_phoff,
			 (unsigned long long)c.eh.e_shoff, len);
		unreadable(r, "truncated", "copy or relink the file again", msg);
		goto out;
	}
	/* Section 0 alone (extended numbering) carries no sections. */
	c.has_sections = c.shnum > 1;
	check_elf64(&c);
out:
	if (c.elf)
		elf_end(c.elf);
}

void ec_check_file(const char *path, struct ec_report *r)
{
	/* Read as redox-run reads: the type checked before any read (a FIFO
	   cannot hang us), no more than the headers name. */
	struct rl_file f;
	char msg[512];
	enum rl_read_status st = rl_read(path, &f, msg, sizeof msg);
	if (st != RL_OK) {
		unreadable(r, st == RL_NOENT ? (errno == ENOENT ? "missing" : "unreadable") : "unreadable",
			   st == RL_NOENT ? "check the path and permissions" : "pass a linked Redox executable",
			   msg);
		return;
	}
	ec_check_buffer(f.buf, f.len, r);
	free(f.buf);
}
