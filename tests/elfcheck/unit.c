/* SPDX-License-Identifier: MIT */
/* Unit tests for redox-elfcheck's reader on hand-built images, so every
   byte of the input is known (no linker involved). */
#include "elfcheck.h"

#include <check.h>
#include "../lib/check_run.h"
#include <elf.h>
#include <stdlib.h>
#include <string.h>

static int has(const struct ec_report *r, const char *id)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->f[i].id, id))
			return 1;
	return 0;
}

/* A minimal static x86_64 program: ELF header, two phdrs (one RX PT_LOAD
   covering the whole file from offset 0, PT_GNU_STACK RW) and 16 bytes of
   code at the entry. No sections. */
struct img {
	Elf64_Ehdr eh;
	Elf64_Phdr ph[2];
	unsigned char code[16];
};

static void mkimg(struct img *m)
{
	memset(m, 0, sizeof *m);
	memcpy(m->eh.e_ident, ELFMAG, SELFMAG);
	m->eh.e_ident[EI_CLASS] = ELFCLASS64;
	m->eh.e_ident[EI_DATA] = ELFDATA2LSB;
	m->eh.e_ident[EI_VERSION] = EV_CURRENT;
	m->eh.e_type = ET_EXEC;
	m->eh.e_machine = EM_X86_64;
	m->eh.e_version = EV_CURRENT;
	m->eh.e_entry = 0x400000 + offsetof(struct img, code);
	m->eh.e_phoff = offsetof(struct img, ph);
	m->eh.e_ehsize = sizeof(Elf64_Ehdr);
	m->eh.e_phentsize = sizeof(Elf64_Phdr);
	m->eh.e_phnum = 2;
	m->ph[0].p_type = PT_LOAD;
	m->ph[0].p_flags = PF_R | PF_X;
	m->ph[0].p_vaddr = m->ph[0].p_paddr = 0x400000;
	m->ph[0].p_filesz = m->ph[0].p_memsz = sizeof *m;
	m->ph[0].p_align = 0x1000;
	m->ph[1].p_type = PT_GNU_STACK;
	m->ph[1].p_flags = PF_R | PF_W;
	m->code[0] = 0xc3;
}

static void run(struct img *m, size_t len, struct ec_report *r)
{
	unsigned char *buf = malloc(len ? len : 1);
	ck_assert_ptr_nonnull(buf);
	memcpy(buf, m, len);
	memset(r, 0, sizeof *r);
	ec_check_buffer(buf, len, r);
	free(buf);
}

START_TEST(minimal_is_clean)
{
	struct img m;
	struct ec_report r;
	mkimg(&m);
	run(&m, sizeof m, &r);
	ck_assert_int_eq(r.unreadable, 0);
	ck_assert_uint_eq(ec_count(&r, EC_ERROR), 0);
	ck_assert_uint_eq(ec_count(&r, EC_WARNING), 0);
	ck_assert(has(&r, "no-sections"));
	ec_report_free(&r);
}
END_TEST

START_TEST(each_header_defect)
{
	static const struct { const char *id; int unreadable; } want[] = {
		{ "entry-zero", 0 }, { "entry-outside", 0 }, { "wx-segment", 0 },
		{ "exec-stack", 0 }, { "no-gnu-stack", 0 }, { "phdr-not-loaded", 0 },
		{ "elf-machine", 0 }, { "static-pie", 0 }, { "truncated", 1 },
		{ "truncated", 1 }, { "segment-size", 0 }, { "interp-bad", 0 },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		struct img m;
		struct ec_report r;
		mkimg(&m);
		switch (i) {
		case 0: m.eh.e_entry = 0; break;
		case 1: m.eh.e_entry = 0x900000; break;
		case 2: m.ph[0].p_flags |= PF_W; break;
		case 3: m.ph[1].p_flags |= PF_X; break;
		case 4: m.ph[1].p_type = PT_NULL; break;
		case 5: m.ph[0].p_offset = 0x100; m.ph[0].p_filesz = 0; break;
		case 6: m.eh.e_machine = EM_RISCV; break;
		case 7: m.eh.e_type = ET_DYN; break;
		case 8: m.eh.e_phnum = 500; break;
		case 9: m.ph[0].p_filesz = 1u << 30; m.ph[0].p_memsz = 1u << 30; break;
		case 10: m.ph[0].p_memsz = 8; break;
		/* Fuzzer find: an empty PT_INTERP whose offset is near 2^64. */
		case 11: m.ph[1].p_type = PT_INTERP; m.ph[1].p_offset = ~0ull - 0xff; break;
		}
		run(&m, sizeof m, &r);
		ck_assert_msg(has(&r, want[i].id), "case %zu: no %s", i, want[i].id);
		ck_assert_int_eq(r.unreadable, want[i].unreadable);
		ec_report_free(&r);
	}
}
END_TEST

START_TEST(segment_bounds)
{
	/* Both sides of each segment bound. The entry must lie in [p_vaddr,
	   p_vaddr + p_memsz): the segment's last byte is inside, the first
	   byte past it is not. The program headers (e_phoff .. e_phoff +
	   phnum * 56) must lie in a PT_LOAD's file bytes: ending on its last
	   byte is covered, one byte past it is not. */
	static const struct { uint64_t entry_off, filesz; const char *id; int want; } c[] = {
		{ 0, sizeof(struct img), "entry-outside", 0 },
		{ sizeof(struct img) - 1, sizeof(struct img), "entry-outside", 0 },
		{ sizeof(struct img), sizeof(struct img), "entry-outside", 1 },
		{ offsetof(struct img, code), offsetof(struct img, code), "phdr-not-loaded", 0 },
		{ offsetof(struct img, code), offsetof(struct img, code) - 1, "phdr-not-loaded", 1 },
		{ offsetof(struct img, code), sizeof(struct img), "phdr-not-loaded", 0 },
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct img m;
		struct ec_report r;
		mkimg(&m);
		m.eh.e_entry = 0x400000 + c[i].entry_off;
		m.ph[0].p_filesz = c[i].filesz;
		run(&m, sizeof m, &r);
		ck_assert_msg(has(&r, c[i].id) == c[i].want, "entry at +%llu, p_filesz %llu: %s %s",
			      (unsigned long long)c[i].entry_off, (unsigned long long)c[i].filesz, c[i].id,
			      c[i].want ? "missing" : "reported");
		ec_report_free(&r);
	}
}
END_TEST

START_TEST(every_truncation_is_handled)
{
	/* Each prefix of a valid image: never a crash, always a verdict. */
	struct img m;
	mkimg(&m);
	for (size_t len = 0; len < sizeof m; len++) {
		struct ec_report r;
		run(&m, len, &r);
		ck_assert_msg(r.unreadable, "prefix %zu accepted", len);
		ec_report_free(&r);
	}
}
END_TEST

START_TEST(section_table_past_eof)
{
	struct img m;
	struct ec_report r;
	mkimg(&m);
	m.eh.e_shoff = sizeof m - 8;
	m.eh.e_shnum = 3;
	m.eh.e_shentsize = sizeof(Elf64_Shdr);
	run(&m, sizeof m, &r);
	ck_assert(r.unreadable);
	ck_assert(has(&r, "truncated"));
	ec_report_free(&r);
}
END_TEST

START_TEST(shentsize_exact)
{
	/* e_shentsize must be sizeof(Elf64_Shdr), 64: smaller and larger are
	   both a corrupt table (a reader would step through it wrongly). */
	static const unsigned sizes[] = { 64, 63, 65, 128 };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct { struct img m; Elf64_Shdr sh[2]; } x;
		struct ec_report r;
		mkimg(&x.m);
		memset(x.sh, 0, sizeof x.sh);
		x.m.eh.e_shoff = offsetof(__typeof__(x), sh);
		x.m.eh.e_shentsize = (Elf64_Half)sizes[i];
		x.m.eh.e_shnum = 2;     /* section 0 alone counts as no sections */
		unsigned char *buf = malloc(sizeof x);
		ck_assert_ptr_nonnull(buf);
		memcpy(buf, &x, sizeof x);
		memset(&r, 0, sizeof r);
		ec_check_buffer(buf, sizeof x, &r);
		int bad = sizes[i] != sizeof(Elf64_Shdr);
		ck_assert_msg(r.unreadable == bad && has(&r, "corrupt") == bad,
			      "e_shentsize %u: unreadable %d, corrupt %d", sizes[i], r.unreadable,
			      has(&r, "corrupt"));
		ec_report_free(&r);
		free(buf);
	}
}
END_TEST

START_TEST(extended_phnum)
{
	/* PN_XNUM: the real program header count is in section 0's sh_info. */
	struct { struct img m; Elf64_Shdr sh0; } x;
	struct ec_report r;
	mkimg(&x.m);
	memset(&x.sh0, 0, sizeof x.sh0);
	x.m.eh.e_phnum = PN_XNUM;
	x.m.eh.e_shoff = offsetof(__typeof__(x), sh0);
	x.m.eh.e_shentsize = sizeof(Elf64_Shdr);
	x.m.eh.e_shnum = 1;
	x.sh0.sh_info = 2;
	unsigned char *buf = malloc(sizeof x);
	ck_assert_ptr_nonnull(buf);
	memcpy(buf, &x, sizeof x);
	memset(&r, 0, sizeof r);
	ec_check_buffer(buf, sizeof x, &r);
	ck_assert_int_eq(r.unreadable, 0);
	ck_assert_uint_eq(ec_count(&r, EC_ERROR) + ec_count(&r, EC_WARNING), 0);
	ec_report_free(&r);
	/* A count that does not fit the file is reported, not trusted. */
	((struct img *)buf)->eh.e_shoff = offsetof(__typeof__(x), sh0);
	((Elf64_Shdr *)(buf + sizeof x.m))->sh_info = 60000;
	ec_check_buffer(buf, sizeof x, &r);
	ck_assert(r.unreadable && has(&r, "truncated"));
	ec_report_free(&r);
	free(buf);
}
END_TEST

START_TEST(return_instructions)
{
	static const unsigned char x_ret[] = { 0x5d, 0xc3 };
	static const unsigned char x_retn[] = { 0xc2, 0x08, 0x00 };
	static const unsigned char x_pop[] = { 0x48, 0x89, 0xe5, 0x5d };
	ck_assert(ec_is_return_x86_64(x_ret, sizeof x_ret));
	ck_assert(ec_is_return_x86_64(x_retn, sizeof x_retn));
	ck_assert(!ec_is_return_x86_64(x_pop, sizeof x_pop));
	ck_assert(!ec_is_return_x86_64(x_ret, 0));
	/* ret, ret x1, retaa, retab, ldp x29,x30,[sp],#16, a misaligned size */
	static const unsigned char a_ret[] = { 0xc0, 0x03, 0x5f, 0xd6 };
	static const unsigned char a_ret1[] = { 0x20, 0x00, 0x5f, 0xd6 };
	static const unsigned char a_retaa[] = { 0xff, 0x0b, 0x5f, 0xd6 };
	static const unsigned char a_retab[] = { 0xff, 0x0f, 0x5f, 0xd6 };
	static const unsigned char a_ldp[] = { 0xfd, 0x7b, 0xc1, 0xa8 };
	static const unsigned char a_odd[] = { 0x00, 0xc0, 0x03, 0x5f, 0xd6 };
	ck_assert(ec_is_return_aarch64(a_ret, 4));
	ck_assert(ec_is_return_aarch64(a_ret1, 4));
	ck_assert(ec_is_return_aarch64(a_retaa, 4));
	ck_assert(ec_is_return_aarch64(a_retab, 4));
	ck_assert(!ec_is_return_aarch64(a_ldp, 4));
	ck_assert(!ec_is_return_aarch64(a_odd, 5));
}
END_TEST

START_TEST(json_escaping)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	ck_assert_ptr_nonnull(f);
	ec_json_string(f, "a\"b\\c\n\x01\xc3\xa9");
	fclose(f);
	/* Valid UTF-8 (here U+00E9) passes through unchanged. */
	ck_assert_str_eq(s, "\"a\\\"b\\\\c\\n\\u0001\xc3\xa9\"");
	free(s);
}
END_TEST

/* Bytes outside valid UTF-8 (RFC 3629) become \udcXX, one per byte
   (PEP 383): a stray 0xff, an overlong '/', an encoded surrogate, a cut
   sequence; a 4-byte character (U+1F600) passes. Expected by hand. */
START_TEST(json_non_utf8)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	ck_assert_ptr_nonnull(f);
	ec_json_string(f, "\xff|\xc0\xaf|\xed\xa0\x80|\xf0\x9f\x98\x80|\xe2\x82");
	fclose(f);
	ck_assert_str_eq(s, "\"\\udcff|\\udcc0\\udcaf|\\udced\\udca0\\udc80|\xf0\x9f\x98\x80|\\udce2\\udc82\"");
	free(s);
}
END_TEST

START_TEST(not_elf)
{
	unsigned char b[] = "#!/bin/sh\n";
	struct ec_report r = { 0 };
	ec_check_buffer(b, sizeof b - 1, &r);
	ck_assert(r.unreadable && has(&r, "not-elf"));
	ec_report_free(&r);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("elfcheck");
	TCase *tc = tcase_create("reader");
	tcase_add_test(tc, minimal_is_clean);
	tcase_add_test(tc, each_header_defect);
	tcase_add_test(tc, segment_bounds);
	tcase_add_test(tc, every_truncation_is_handled);
	tcase_add_test(tc, section_table_past_eof);
	tcase_add_test(tc, shentsize_exact);
	tcase_add_test(tc, extended_phnum);
	tcase_add_test(tc, return_instructions);
	tcase_add_test(tc, json_escaping);
	tcase_add_test(tc, json_non_utf8);
	tcase_add_test(tc, not_elf);
	suite_add_tcase(s, tc);
	return check_run(s, CK_FORK_GETENV);
}
