// SPDX-License-Identifier: MIT
// Unit tests of redox-run's ELF loader, initial-stack builder and file table.
#include <check.h>
#include "../../lib/check_run.h"
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../../tools/redox-run/elf.h"
#include "../../../tools/redox-run/fdtab.h"
#include "../../../tools/redox-run/stack.h"

static uint8_t img_buf[0x4000];
static struct rr_image img;
static char err[256];

/* A static ET_EXEC: text RX at 0x200000 (0x1800 bytes from offset 0, so it
 * covers the phdrs), data RW at 0x201800 sharing text's last page. */
static size_t mkelf(unsigned machine, unsigned type, unsigned nph)
{
	memset(img_buf, 0, sizeof img_buf);
	Elf64_Ehdr *e = (Elf64_Ehdr *)img_buf;
	memcpy(e->e_ident, ELFMAG, SELFMAG);
	e->e_ident[EI_CLASS] = ELFCLASS64;
	e->e_ident[EI_DATA] = ELFDATA2LSB;
	e->e_ident[EI_VERSION] = EV_CURRENT;
	e->e_type = (uint16_t)type;
	e->e_machine = (uint16_t)machine;
	e->e_version = EV_CURRENT;
	e->e_entry = 0x200100;
	e->e_phoff = 64;
	e->e_ehsize = 64;
	e->e_phentsize = sizeof(Elf64_Phdr);
	e->e_phnum = (uint16_t)nph;
	Elf64_Phdr *p = (Elf64_Phdr *)(img_buf + 64);
	p[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
			     .p_vaddr = 0x200000, .p_filesz = 0x1800, .p_memsz = 0x1800 };
	p[1] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_W, .p_offset = 0x1800,
			     .p_vaddr = 0x201800, .p_filesz = 0x10, .p_memsz = 0x2000 };
	p[2] = (Elf64_Phdr){ .p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W };
	return 0x2000;
}

static Elf64_Phdr *ph(int i) { return (Elf64_Phdr *)(img_buf + 64) + i; }
static Elf64_Ehdr *eh(void) { return (Elf64_Ehdr *)img_buf; }

START_TEST(loads_x86_64_with_page_union)
{
	size_t n = mkelf(EM_X86_64, ET_EXEC, 3);
	ck_assert_int_eq(rr_elf_parse(img_buf, n, &img, err, sizeof err), 0);
	ck_assert_int_eq(img.arch, RR_ARCH_X86_64);
	ck_assert_uint_eq(img.nseg, 2);
	ck_assert_uint_eq(img.nregion, 3);
	ck_assert_uint_eq(img.region[0].start, 0x200000);
	ck_assert_uint_eq(img.region[0].prot, RR_PROT_R | RR_PROT_X);
	/* The shared page gets the union of both segments' permissions. */
	ck_assert_uint_eq(img.region[1].start, 0x201000);
	ck_assert_uint_eq(img.region[1].prot, RR_PROT_R | RR_PROT_W | RR_PROT_X);
	ck_assert_uint_eq(img.region[2].start, 0x202000);
	ck_assert_uint_eq(img.region[2].end, 0x204000);
	ck_assert_uint_eq(img.region[2].prot, RR_PROT_R | RR_PROT_W);
	ck_assert_uint_eq(img.phdr_vaddr, 0x200040);
}
END_TEST

START_TEST(loads_aarch64)
{
	size_t n = mkelf(EM_AARCH64, ET_EXEC, 3);
	ck_assert_int_eq(rr_elf_parse(img_buf, n, &img, err, sizeof err), 0);
	ck_assert_int_eq(img.arch, RR_ARCH_AARCH64);
}
END_TEST

START_TEST(phdr_vaddr_zero_when_not_loaded)
{
	size_t n = mkelf(EM_X86_64, ET_EXEC, 3);
	ph(0)->p_offset = 0x1000;   /* text no longer covers offset 64 */
	ph(0)->p_filesz = ph(0)->p_memsz = 0x800;
	ck_assert_int_eq(rr_elf_parse(img_buf, n, &img, err, sizeof err), 0);
	ck_assert_uint_eq(img.phdr_vaddr, 0);
}
END_TEST

struct bad { const char *what; int code; const char *msg; };
static const struct bad bads[] = {
	{ "truncated header", 3, "truncated" },
	{ "32-bit", 2, "32-bit" },
	{ "ET_DYN", 7, "ET_DYN" },
	{ "machine ARM", 6, "0x28 (ARM) is not x86_64 or aarch64" },
	{ "PT_INTERP", 13, "PT_INTERP" },
	{ "filesz > memsz", 14, "exceeds memory size" },
	{ "offset past EOF", 15, "past the end" },
	{ "overlapping segments", 18, "overlaps" },
	{ "segment in the stack", 17, "outside" },
	{ "absurd size", 16, "1 GiB" },
	{ "phdrs past EOF", 12, "program headers" },
	{ "entry outside text", 20, "entry point" },
	{ "garbage", 1, "not an ELF" },
	{ "big-endian", 4, "little-endian" },
	{ "page zero", 17, "page 0" },
	{ "phoff overflow", 12, "program headers" },
	{ "data one byte past EOF", 15, "past the end" },
};

START_TEST(rejects_bad_input)
{
	const struct bad *b = &bads[_i];
	size_t n = mkelf(EM_X86_64, ET_EXEC, 3);
	switch (_i) {
	case 0: n = 40; break;
	case 1: img_buf[EI_CLASS] = ELFCLASS32; break;
	case 2: eh()->e_type = ET_DYN; break;
	case 3: eh()->e_machine = EM_ARM; break;
	case 4: ph(2)->p_type = PT_INTERP; break;
	case 5: ph(1)->p_filesz = 0x3000; break;
	case 6: ph(1)->p_offset = UINT64_MAX - 4; break;
	case 7: ph(1)->p_vaddr = 0x201000; break;
	case 8: ph(1)->p_vaddr = RR_STACK_BASE - 0x1000; break;
	case 9: ph(1)->p_memsz = 1ull << 40; break;
	case 10: eh()->e_phoff = n - 8; break;
	case 11: eh()->e_entry = 0x202000; break;
	case 12: memset(img_buf, 0x5a, n); break;
	case 13: img_buf[EI_DATA] = ELFDATA2MSB; break;
	case 14: ph(0)->p_vaddr = 0; eh()->e_entry = 0x100; break;
	case 15: eh()->e_phoff = UINT64_MAX - 16; break;
	case 16: ph(1)->p_filesz = n - ph(1)->p_offset + 1; break;
	}
	err[0] = 0;
	ck_assert_msg(rr_elf_parse(img_buf, n, &img, err, sizeof err) == b->code,
		      "%s: got message '%s'", b->what, err);
	ck_assert_msg(strstr(err, b->msg) != NULL, "%s: message '%s' lacks '%s'", b->what, err, b->msg);
}
END_TEST

/* The edge of the case above: data that ends exactly at the end of the file. */
START_TEST(accepts_data_ending_at_eof)
{
	size_t n = mkelf(EM_X86_64, ET_EXEC, 3);
	ph(1)->p_filesz = n - ph(1)->p_offset;
	err[0] = 0;
	ck_assert_msg(rr_elf_parse(img_buf, n, &img, err, sizeof err) == 0, "refused: %s", err);
}
END_TEST

static char *args3[] = { "prog", "one", "two" };
static char *envs2[] = { "A=1", "BB=22" };

static struct rr_stack_in base_in(enum rr_abi abi, int argc)
{
	return (struct rr_stack_in){ .abi = abi, .argc = argc, .argv = args3, .envc = 2,
				     .envp = envs2, .cwd = "/home", .at_phdr = 0x700000000040,
				     .phent = 56, .phnum = 5, .entry = 0x201000, .umask = 022 };
}

static const uint64_t r0_order[] = { 41, 42, 40, 36, 34, 33, 32, 4, 5, 3, 9, 0 };
static const uint64_t rh_order[] = { 45, 44, 43, 41, 42, 40, 36, 34, 33, 32, 4, 5, 3, 9, 0 };

static void check_auxv(const struct rr_stack_out *o, const uint64_t *order, size_t n)
{
	ck_assert_uint_eq(o->nauxv, n);
	/* auxv is the tail of the stack: pairs ending with AT_NULL at STACK_TOP. */
	const uint64_t *aux = o->words + o->nwords - 2 * n;
	for (size_t i = 0; i < n; i++) {
		ck_assert_uint_eq(o->auxv_keys[i], order[i]);
		ck_assert_uint_eq(aux[2 * i], order[i]);
	}
	ck_assert_uint_eq(o->words[o->nwords - 1], 0);
}

/* redox-abi.md §1 "Auxv order at R0". */
START_TEST(auxv_order_r0)
{
	struct rr_stack_in in = base_in(RR_ABI_2026_01, 3);
	struct rr_stack_out o;
	ck_assert_int_eq(rr_stack_build(&in, 0x1000, RR_STACK_TOP, RR_STACK_SIZE, &o), 0);
	check_auxv(&o, r0_order, 12);
	rr_stack_free(&o);
}
END_TEST

/* redox-abi.md §1 "Auxv order at RH": 43-45 always present; relibc-runtime.md
 * §7: FILETABLE/CWD/NS/PROC/THR fds upper-tagged and distinct. */
START_TEST(auxv_order_rh)
{
	struct rr_stack_in in = base_in(RR_ABI_2026_08, 3);
	struct rr_stack_out o;
	ck_assert_int_eq(rr_stack_build(&in, 0x1000, RR_STACK_TOP, RR_STACK_SIZE, &o), 0);
	check_auxv(&o, rh_order, 15);
	const uint64_t *aux = o.words + o.nwords - 30;
	/* pairs 0..4: 45 FILETABLE, 44 CWD, 43 NS, 41 PROC, 42 THR */
	for (int i = 0; i < 5; i++) {
		ck_assert_uint_eq(aux[2 * i + 1] >> 62, 1);
		ck_assert_uint_ne(aux[2 * i + 1], UINT64_MAX);
		for (int j = 0; j < i; j++)
			ck_assert_uint_ne(aux[2 * i + 1], aux[2 * j + 1]);
	}
	rr_stack_free(&o);
}
END_TEST

/* redox-abi.md §1: CWD_FD is usize::MAX ("absent") when there is no cwd;
 * NS_FD is still a real fd. */
START_TEST(auxv_rh_no_cwd)
{
	struct rr_stack_in in = base_in(RR_ABI_2026_08, 3);
	in.cwd = NULL;
	struct rr_stack_out o;
	ck_assert_int_eq(rr_stack_build(&in, 0x1000, RR_STACK_TOP, RR_STACK_SIZE, &o), 0);
	const uint64_t *aux = o.words + o.nwords - 26;
	ck_assert_uint_eq(aux[2], 44);
	ck_assert_uint_eq(aux[3], UINT64_MAX);
	ck_assert_uint_eq(aux[4], 43);
	ck_assert_uint_eq(aux[5] >> 62, 1);
	rr_stack_free(&o);
}
END_TEST

/* redox-abi.md §1: PROC_FD and THR_FD are upper-table fds (bit 62). */
START_TEST(upper_tag)
{
	struct rr_stack_in in = base_in(RR_ABI_2026_01, 1);
	struct rr_stack_out o;
	ck_assert_int_eq(rr_stack_build(&in, 0x1000, RR_STACK_TOP, RR_STACK_SIZE, &o), 0);
	const uint64_t *aux = o.words + o.nwords - 24;
	ck_assert_uint_eq(aux[0], 41);
	ck_assert_uint_eq(aux[1] >> 62, 1);
	ck_assert_uint_eq(aux[2], 42);
	ck_assert_uint_eq(aux[3] >> 62, 1);
	ck_assert_uint_ne(aux[1], aux[3]);
	rr_stack_free(&o);
}
END_TEST

/* redox-abi.md §1 "Alignment": sp = STACK_TOP - 8*N, no realignment. */
START_TEST(sp_parity)
{
	for (int argc = 1; argc <= 3; argc++) {
		struct rr_stack_in in = base_in(RR_ABI_2026_01, argc);
		struct rr_stack_out o;
		ck_assert_int_eq(rr_stack_build(&in, 0x1000, RR_STACK_TOP, RR_STACK_SIZE, &o), 0);
		size_t n = 1 + (size_t)argc + 1 + 2 + 1 + 24;
		ck_assert_uint_eq(o.nwords, n);
		ck_assert_uint_eq(o.sp, RR_STACK_TOP - 8 * n);
		ck_assert_uint_eq(o.sp % 16, n % 2 ? 8 : 0);
		ck_assert_uint_eq(o.words[0], (uint64_t)argc);
		rr_stack_free(&o);
	}
}
END_TEST

/* redox-abi.md §1: strings in their own mapping: cwd, env reversed, args reversed. */
START_TEST(string_order)
{
	struct rr_stack_in in = base_in(RR_ABI_2026_01, 3);
	struct rr_stack_out o;
	const uint64_t base = 0x700000001000;
	ck_assert_int_eq(rr_stack_build(&in, base, RR_STACK_TOP, RR_STACK_SIZE, &o), 0);
	static const char want[] = "/home\0BB=22\0A=1\0two\0one\0prog";
	ck_assert_uint_eq(o.strings_len, sizeof want);
	ck_assert_mem_eq(o.strings, want, sizeof want);
	ck_assert_uint_eq(o.words[1], base + 24);      /* argv[0] = "prog" */
	ck_assert_uint_eq(o.words[3], base + 16);      /* argv[2] = "two" */
	ck_assert_uint_eq(o.words[4], 0);
	ck_assert_uint_eq(o.words[5], base + 12);      /* envp[0] = "A=1" */
	ck_assert_uint_eq(o.words[6], base + 6);       /* envp[1] = "BB=22" */
	ck_assert_uint_eq(o.words[7], 0);
	const uint64_t *aux = o.words + 8;
	ck_assert_uint_eq(aux[10], 33);
	ck_assert_uint_eq(aux[11], 5);                 /* CWD_LEN does not count the NUL */
	ck_assert_uint_eq(aux[12], 32);
	ck_assert_uint_eq(aux[13], base);
	rr_stack_free(&o);
}
END_TEST

START_TEST(drop_and_no_cwd)
{
	struct rr_stack_in in = base_in(RR_ABI_2026_01, 1);
	in.cwd = NULL;
	in.drop[in.ndrop++] = 41;
	struct rr_stack_out o;
	ck_assert_int_eq(rr_stack_build(&in, 0x1000, RR_STACK_TOP, RR_STACK_SIZE, &o), 0);
	static const uint64_t want[] = { 42, 40, 36, 34, 4, 5, 3, 9, 0 };
	check_auxv(&o, want, 9);
	rr_stack_free(&o);
}
END_TEST

START_TEST(too_big_for_stack)
{
	struct rr_stack_in in = base_in(RR_ABI_2026_01, 3);
	struct rr_stack_out o;
	ck_assert_int_eq(rr_stack_build(&in, 0x1000, RR_STACK_TOP, 32 * 8, &o), -1);
}
END_TEST

/* File table: slot rules of kernel 6abd1be6 context.rs FdTbl, expected
 * values written by hand from that source (docs/redox-run-abi.md). The table
 * stores opaque pointers; these stand in for handles. */
static struct rr_file *obj(uintptr_t n) { return (struct rr_file *)(n * 16); }

START_TEST(fdtab_exact_slots)
{
	struct rr_fdtab t = { 0 };
	ck_assert_int_eq(rr_fdtab_insert(&t, 5, obj(1)), 0);
	ck_assert_ptr_eq(rr_fdtab_get(&t, 5), obj(1));
	ck_assert_ptr_null(rr_fdtab_get(&t, 4));            /* growing leaves holes empty */
	ck_assert_int_eq(rr_fdtab_insert(&t, 5, obj(2)), -EEXIST);
	ck_assert_ptr_eq(rr_fdtab_get(&t, 5), obj(1));      /* a refused insert changes nothing */
	/* Upper and lower are separate tables: 5 and 5|bit62 are different fds. */
	ck_assert_ptr_null(rr_fdtab_get(&t, RR_UPPER_TAG | 5));
	ck_assert_int_eq(rr_fdtab_insert(&t, RR_UPPER_TAG | 5, obj(3)), 0);
	ck_assert_ptr_eq(rr_fdtab_get(&t, RR_UPPER_TAG | 5), obj(3));
	ck_assert_ptr_eq(rr_fdtab_get(&t, 5), obj(1));
	/* Grows on demand far past any default size. */
	ck_assert_int_eq(rr_fdtab_insert(&t, 4000, obj(4)), 0);
	ck_assert_ptr_eq(rr_fdtab_get(&t, 4000), obj(4));
	ck_assert_uint_eq(t.active, 3);
	/* CONTEXT_MAX_FILES = 65536: index 65535 is the last one. */
	ck_assert_int_eq(rr_fdtab_insert(&t, 65536, obj(5)), -EMFILE);
	ck_assert_int_eq(rr_fdtab_insert(&t, RR_UPPER_TAG | 65536, obj(5)), -EMFILE);
	ck_assert_ptr_null(rr_fdtab_get(&t, 1ull << 63));  /* bit 63 is part of a lower index */
	ck_assert_int_eq(rr_fdtab_insert(&t, 1ull << 63, obj(5)), -EMFILE);
	ck_assert_ptr_eq(rr_fdtab_take(&t, 5), obj(1));
	ck_assert_ptr_null(rr_fdtab_take(&t, 5));          /* second close: EBADF */
	ck_assert_ptr_null(rr_fdtab_get(&t, 5));
	ck_assert_int_eq(rr_fdtab_insert(&t, 5, obj(6)), 0);  /* the slot is free again */
	ck_assert_uint_eq(t.active, 3);
	rr_fdtab_clear(&t, NULL);
}
END_TEST

START_TEST(fdtab_lowest_free)
{
	struct rr_fdtab t = { 0 };
	ck_assert_int_eq(rr_fdtab_lowest_free(&t), 0);
	for (uint64_t i = 0; i < 3; i++)
		ck_assert_int_eq(rr_fdtab_insert(&t, i, obj(i + 1)), 0);
	ck_assert_int_eq(rr_fdtab_insert(&t, RR_UPPER_TAG | 0, obj(9)), 0);
	ck_assert_int_eq(rr_fdtab_lowest_free(&t), 3);
	rr_fdtab_take(&t, 1);
	ck_assert_int_eq(rr_fdtab_lowest_free(&t), 1);
	/* fd 0 too: close(0) then open() hands out 0 again */
	rr_fdtab_take(&t, 0);
	ck_assert_int_eq(rr_fdtab_lowest_free(&t), 0);
	rr_fdtab_clear(&t, NULL);
}
END_TEST

/* FileTableVerb::Resize: returns the size; shrinking is EINVAL, more than
 * CONTEXT_MAX_FILES is EMFILE; WHICH picks the table by bit 62. */
START_TEST(fdtab_resize)
{
	struct rr_fdtab t = { 0 };
	ck_assert_int_eq(rr_fdtab_resize(&t, 0, 64), 64);
	ck_assert_int_eq(rr_fdtab_resize(&t, RR_UPPER_TAG, 128), 128);
	ck_assert_uint_eq(t.len[0], 64);
	ck_assert_uint_eq(t.len[1], 128);
	ck_assert_int_eq(rr_fdtab_resize(&t, 0, 63), -EINVAL);
	ck_assert_int_eq(rr_fdtab_resize(&t, 0, 64), 64);      /* same size is not shrinking */
	ck_assert_int_eq(rr_fdtab_resize(&t, 0, 65537), -EMFILE);
	ck_assert_int_eq(rr_fdtab_insert(&t, 100, obj(1)), 0);
	ck_assert_int_eq(rr_fdtab_resize(&t, 0, 100), -EINVAL); /* the insert grew it to 101 */
	ck_assert_uint_eq(t.active, 1);
	rr_fdtab_clear(&t, NULL);
}
END_TEST

/* The binary listing (kernel proc.rs "refresh"): LE u64 per occupied slot,
 * all lower ones first, then upper ones with bit 62, whatever the insert
 * order; no header, no count. */
START_TEST(fdtab_snapshot_format)
{
	struct rr_fdtab t = { 0 };
	ck_assert_int_eq(rr_fdtab_insert(&t, RR_UPPER_TAG | 3, obj(1)), 0);
	ck_assert_int_eq(rr_fdtab_insert(&t, 2, obj(2)), 0);
	ck_assert_int_eq(rr_fdtab_insert(&t, 0, obj(3)), 0);
	ck_assert_int_eq(rr_fdtab_insert(&t, RR_UPPER_TAG | 1, obj(4)), 0);
	ck_assert_int_eq(rr_fdtab_insert(&t, 300, obj(5)), 0);
	static const uint8_t want[] = {
		0, 0, 0, 0, 0, 0, 0, 0,
		2, 0, 0, 0, 0, 0, 0, 0,
		0x2c, 1, 0, 0, 0, 0, 0, 0,          /* 300 */
		1, 0, 0, 0, 0, 0, 0, 0x40,          /* 1 | 1<<62 */
		3, 0, 0, 0, 0, 0, 0, 0x40,
	};
	uint8_t *b;
	ck_assert_int_eq(rr_fdtab_snapshot(&t, &b), sizeof want);
	ck_assert_mem_eq(b, want, sizeof want);
	free(b);
	rr_fdtab_take(&t, 2);
	ck_assert_int_eq(rr_fdtab_snapshot(&t, &b), sizeof want - 8);
	ck_assert_mem_eq(b + 8, want + 16, 8);
	free(b);
	rr_fdtab_clear(&t, NULL);
	ck_assert_int_eq(rr_fdtab_snapshot(&t, &b), 0);
	ck_assert_ptr_null(b);
}
END_TEST

static unsigned dropped;
static void count_drop(struct rr_file *f) { (void)f; dropped++; }

START_TEST(fdtab_clear_drops_each)
{
	struct rr_fdtab t = { 0 };
	rr_fdtab_insert(&t, 0, obj(1));
	rr_fdtab_insert(&t, 7, obj(2));
	rr_fdtab_insert(&t, RR_UPPER_TAG | 2, obj(3));
	dropped = 0;
	rr_fdtab_clear(&t, count_drop);
	ck_assert_uint_eq(dropped, 3);
	ck_assert_uint_eq(t.active, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("redox-run");
	TCase *t = tcase_create("loader");
	tcase_add_test(t, loads_x86_64_with_page_union);
	tcase_add_test(t, loads_aarch64);
	tcase_add_test(t, phdr_vaddr_zero_when_not_loaded);
	tcase_add_loop_test(t, rejects_bad_input, 0, sizeof bads / sizeof bads[0]);
	tcase_add_test(t, accepts_data_ending_at_eof);
	suite_add_tcase(s, t);
	t = tcase_create("stack");
	tcase_add_test(t, auxv_order_r0);
	tcase_add_test(t, auxv_order_rh);
	tcase_add_test(t, auxv_rh_no_cwd);
	tcase_add_test(t, upper_tag);
	tcase_add_test(t, sp_parity);
	tcase_add_test(t, string_order);
	tcase_add_test(t, drop_and_no_cwd);
	tcase_add_test(t, too_big_for_stack);
	suite_add_tcase(s, t);
	t = tcase_create("fdtab");
	tcase_add_test(t, fdtab_exact_slots);
	tcase_add_test(t, fdtab_lowest_free);
	tcase_add_test(t, fdtab_resize);
	tcase_add_test(t, fdtab_snapshot_format);
	tcase_add_test(t, fdtab_clear_drops_each);
	suite_add_tcase(s, t);
	return check_run(s, CK_FORK_GETENV);
}
