/* SPDX-License-Identifier: MIT */
/* Host unit tests of the syscall layer against a recording fake kernel
   (fake_kernel.c), for the table version this binary was built with. */
#define _GNU_SOURCE
#include <check.h>
#include "../lib/check_run.h"
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <redox/auxv.h>
#include <redox/proc.h>
#include <redox/syscall.h>
#include "expected.h"
#include "fake_kernel.h"

/* ---- every generated wrapper, marshaling ---------------------------------- */

struct wrapper_case {
	const char *name;
	long (*call)(void);
	unsigned long nr;	/* macro from syscall_numbers.h */
	unsigned long nr_table;	/* literal from the table */
	int nargs;
};
/* Distinct per position, with high bits set so truncation shows. */
#define CASE_ARG(i) (0x5a00000000000000UL | ((unsigned long)(i) << 40) | (0x1111UL * (i)))
#include "wrapper_cases.h"
#define NCASES ((int)(sizeof wrapper_cases / sizeof wrapper_cases[0]))

START_TEST(wrapper_passes_args_in_order)
{
	const struct wrapper_case *c = &wrapper_cases[_i];
	unsigned long ret = 0x1000 + (unsigned long)_i;

	fake_reset();
	fake_script(&ret, 1);
	ck_assert_int_eq(c->call(), (long)ret);
	ck_assert_int_eq(fake_ncalls, 1);
	ck_assert_msg(fake_calls[0].nargs == c->nargs, "%s used redox_syscall%d, table says %d args",
		      c->name, fake_calls[0].nargs, c->nargs);
	ck_assert_msg(fake_calls[0].n == c->nr && c->nr == c->nr_table,
		      "%s: number 0x%lx, expected 0x%lx", c->name, fake_calls[0].n, c->nr_table);
	for (int k = 0; k < c->nargs; k++)
		ck_assert_msg(fake_calls[0].a[k] == CASE_ARG(k + 1), "%s: arg %d is 0x%lx, expected 0x%lx",
			      c->name, k + 1, fake_calls[0].a[k], CASE_ARG(k + 1));
}
END_TEST

START_TEST(wrapper_decodes_errors)
{
	const struct wrapper_case *c = &wrapper_cases[_i];
	/* -EBADF, then a value whose low 32 bits are -EBADF (Error::demux
	   truncates to i32), then one that is not an error. */
	const unsigned long rets[] = { (unsigned long)-9L, 0x00000001fffffff7UL, 0xfffffff600000000UL };

	fake_reset();
	fake_script(rets, 3);
	ck_assert_int_eq(c->call(), -9);
	ck_assert_int_eq(c->call(), -9);
	ck_assert_int_eq(c->call(), (long)0xfffffff600000000UL);
}
END_TEST

START_TEST(wrapper_set_matches_version)
{
	size_t nexp = sizeof expected_wrappers / sizeof expected_wrappers[0];
	ck_assert_msg((size_t)NCASES == nexp, "%d wrappers generated, %zu expected for %s", NCASES, nexp,
		      EXPECT_VERSION);
	for (size_t i = 0; i < nexp; i++) {
		int found = 0;
		for (int k = 0; k < NCASES; k++)
			found |= !strcmp(wrapper_cases[k].name, expected_wrappers[i]);
		ck_assert_msg(found, "%s missing for %s", expected_wrappers[i], EXPECT_VERSION);
	}
}
END_TEST

/* ---- wrappers against literal numbers (redox-abi.md §4, §5) --------------- */

START_TEST(write_literal)
{
	static const char msg[] = "hello\n";
	unsigned long ret = 6;
	fake_reset();
	fake_script(&ret, 1);
	ck_assert_int_eq(redox_write(1, msg, 6), 6);
	ck_assert_uint_eq(fake_calls[0].n, 0x21000004);
	ck_assert_int_eq(fake_calls[0].nargs, 3);
	ck_assert_uint_eq(fake_calls[0].a[0], 1);
	ck_assert_ptr_eq((const void *)fake_calls[0].a[1], msg);
	ck_assert_uint_eq(fake_calls[0].a[2], 6);
}
END_TEST

START_TEST(lseek_negative_offset)
{
	fake_reset();
	redox_lseek(3, -16, REDOX_SEEK_END);
	ck_assert_uint_eq(fake_calls[0].n, 0x20000013);
	ck_assert_uint_eq(fake_calls[0].a[1], (unsigned long)-16L);
	ck_assert_uint_eq(fake_calls[0].a[2], 2);
}
END_TEST

START_TEST(fmap_anonymous)
{
	struct redox_map m = { 0, 4096, REDOX_PROT_READ | REDOX_PROT_WRITE | REDOX_MAP_PRIVATE, 0 };
	unsigned long addr = 0x7f0000001000UL;
	fake_reset();
	fake_script(&addr, 1);
	ck_assert_int_eq(redox_fmap(REDOX_FMAP_ANONYMOUS, &m, sizeof m), (long)addr);
	ck_assert_uint_eq(fake_calls[0].n, 0x21000384);
	ck_assert_uint_eq(fake_calls[0].a[0], ~0UL);
	ck_assert_ptr_eq((void *)fake_calls[0].a[1], &m);
	ck_assert_uint_eq(fake_calls[0].a[2], 32);
	ck_assert_uint_eq(m.flags, 0x60002);
}
END_TEST

START_TEST(clock_gettime_monotonic_is_4)
{
	struct redox_timespec ts;
	fake_reset();
	redox_clock_gettime(REDOX_CLOCK_MONOTONIC, &ts);
	ck_assert_uint_eq(fake_calls[0].n, 265);
	ck_assert_uint_eq(fake_calls[0].a[0], 4);
	ck_assert_ptr_eq((void *)fake_calls[0].a[1], &ts);
}
END_TEST

START_TEST(yield_takes_no_args)
{
	fake_reset();
	ck_assert_int_eq(redox_yield(), 0);
	ck_assert_uint_eq(fake_calls[0].n, 158);
	ck_assert_int_eq(fake_calls[0].nargs, 0);
}
END_TEST

START_TEST(version_specific_literal)
{
	static const char path[] = "file:/x";
	fake_reset();
#if REDOX_SYSCALL_VERSION_MINOR >= 9
	/* 0.9.0 added OPENAT_INTO (dirfd, path, len, flags, fcntl_flags, out_fd) */
	redox_openat_into(3, path, 7, REDOX_O_RDONLY, 0x1, 9);
	ck_assert_uint_eq(fake_calls[0].n, 0x101003DB);
	ck_assert_int_eq(fake_calls[0].nargs, 6);
	ck_assert_uint_eq(fake_calls[0].a[5], 9);
#else
	redox_openat(3, path, 7, REDOX_O_RDONLY, 0x1);
	ck_assert_uint_eq(fake_calls[0].n, 0x10100007);
	ck_assert_int_eq(fake_calls[0].nargs, 5);
#endif
	ck_assert_uint_eq(fake_calls[0].a[0], 3);
	ck_assert_ptr_eq((const void *)fake_calls[0].a[1], path);
	ck_assert_uint_eq(fake_calls[0].a[2], 7);
	ck_assert_uint_eq(fake_calls[0].a[3], 0x10000);
	ck_assert_uint_eq(fake_calls[0].a[4], 1);
}
END_TEST

/* ---- numbers: generated header vs hand-written list ----------------------- */

START_TEST(numbers_match_abi_doc)
{
	size_t n = sizeof expected_numbers / sizeof expected_numbers[0];
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(expected_numbers[i].generated == expected_numbers[i].expected,
			      "%s = 0x%lx, redox-abi.md §4 says 0x%lx", expected_numbers[i].name,
			      expected_numbers[i].generated, expected_numbers[i].expected);
	ck_assert_msg(REDOX_SYSCALL_COUNT == n, "table has %d numbers, expected %zu",
		      REDOX_SYSCALL_COUNT, n);
	ck_assert_msg(removed_but_defined[0] == 0, "%s is defined but removed in %s",
		      removed_but_defined[0], EXPECT_VERSION);
	ck_assert_str_eq(REDOX_SYSCALL_VERSION, EXPECT_VERSION);
}
END_TEST

/* ---- errno decoding: Error::demux edges (redox-abi.md §3) ----------------- */

START_TEST(errno_edges)
{
	static const struct { unsigned long v; int err; } cases[] = {
		{ 0, 0 },
		{ 1, 0 },
		{ (unsigned long)-1L, 1 },
		{ (unsigned long)-132L, 132 },
		{ (unsigned long)-133L, 0 },
		{ (unsigned long)-4095L, 0 },
		{ 0x7fffffff00000000UL, 0 },
		{ REDOX_UPPER_FDTBL_TAG | 5, 0 },
		/* only the low 32 bits count */
		{ 0x00000000ffffffffUL, 1 },
		{ 0x12345678ffffff7cUL, 132 },
		{ 0x00000000ffffff7bUL, 0 },
		{ 0xffffffff00000000UL, 0 },
		{ 0x0000000080000000UL, 0 },	/* INT32_MIN: no overflow */
		{ 0xffffffff7fffffffUL, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_msg(redox_is_error(cases[i].v) == (cases[i].err != 0), "is_error(0x%lx)", cases[i].v);
		ck_assert_msg(redox_errno_of(cases[i].v) == cases[i].err, "errno_of(0x%lx) = %d, expected %d",
			      cases[i].v, redox_errno_of(cases[i].v), cases[i].err);
		ck_assert_int_eq(redox_result(cases[i].v), cases[i].err ? -cases[i].err : (long)cases[i].v);
	}
}
END_TEST

START_TEST(errno_constants)
{
	ck_assert_int_eq(REDOX_EPERM, 1);
	ck_assert_int_eq(REDOX_EINTR, 4);
	ck_assert_int_eq(REDOX_EBADF, 9);
	ck_assert_int_eq(REDOX_EAGAIN, 11);
	ck_assert_int_eq(REDOX_EDEADLK, 35);
	ck_assert_int_eq(REDOX_ENOSYS, 38);
	ck_assert_int_eq(REDOX_EWOULDBLOCK, 41);
	ck_assert_int_eq(REDOX_EDEADLOCK, 58);
	ck_assert_int_eq(REDOX_EOPNOTSUPP, 95);
	ck_assert_int_eq(REDOX_ENOTSUP, 95);
	ck_assert_int_eq(REDOX_ETIMEDOUT, 110);
	ck_assert_int_eq(REDOX_ENOTRECOVERABLE, 131);
	ck_assert_int_eq(REDOX_ESKMSG, 132);
	ck_assert_int_eq(REDOX_ERSVD, 132);
	ck_assert_int_eq(REDOX_ERRNO_MAX, 132);
}
END_TEST

/* glibc's strerrorname_np is an independent oracle for 1..131 except the
   two numbers where Redox differs from Linux. */
START_TEST(errno_names_match_linux)
{
	for (int e = 1; e <= 131; e++) {
		const char *want = e == 41 ? "EWOULDBLOCK" : e == 58 ? "EDEADLOCK" : strerrorname_np(e);
		ck_assert_ptr_nonnull(redox_errno_name(e));
		ck_assert_msg(!strcmp(redox_errno_name(e), want), "errno %d: %s, expected %s", e,
			      redox_errno_name(e), want);
		ck_assert_msg(strcmp(redox_strerror(e), "Unknown error") != 0, "errno %d has no message", e);
	}
	ck_assert_str_eq(redox_errno_name(132), EXPECT_ERRNO_132);
	ck_assert_str_eq(redox_strerror(9), "Bad file number");
	ck_assert_str_eq(redox_strerror(132), "Scheme-kernel message code");
	ck_assert_str_eq(redox_strerror(0), "Success");
	const int bad[] = { 0, -1, 133, 4095, INT_MIN, INT_MAX };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_ptr_null(redox_errno_name(bad[i]));
		if (bad[i])
			ck_assert_str_eq(redox_strerror(bad[i]), "Unknown error");
	}
}
END_TEST

/* ---- struct layouts (redox-abi.md §4, data.rs 0.6.0) ---------------------- */

START_TEST(struct_layouts)
{
	ck_assert_uint_eq(sizeof(struct redox_timespec), 16);
	ck_assert_uint_eq(offsetof(struct redox_timespec, tv_nsec), 8);
	ck_assert_uint_eq(sizeof(struct redox_map), 32);
	ck_assert_uint_eq(offsetof(struct redox_map, flags), 16);
	ck_assert_uint_eq(offsetof(struct redox_map, address), 24);
	ck_assert_uint_eq(sizeof(struct redox_stat), 104);
	ck_assert_uint_eq(offsetof(struct redox_stat, st_mode), 16);
	ck_assert_uint_eq(offsetof(struct redox_stat, st_nlink), 20);
	ck_assert_uint_eq(offsetof(struct redox_stat, st_size), 32);
	ck_assert_uint_eq(offsetof(struct redox_stat, st_blocks), 48);
	ck_assert_uint_eq(offsetof(struct redox_stat, st_atime), 72);
	ck_assert_uint_eq(offsetof(struct redox_stat, st_ctime_nsec), 96);
	ck_assert_uint_eq(sizeof(struct redox_statvfs), 32);
	ck_assert_uint_eq(offsetof(struct redox_statvfs, f_blocks), 8);
	ck_assert_uint_eq(offsetof(struct redox_statvfs, f_bavail), 24);
	ck_assert_uint_eq(REDOX_O_RDWR, 0x30000);
	ck_assert_uint_eq(REDOX_O_DIRECTORY, 0x10000000);
	ck_assert_uint_eq(REDOX_MAP_FIXED_NOREPLACE, 0xc);
	ck_assert_uint_eq(REDOX_CALL_FD_UPPER, 0x4000);
	ck_assert_int_eq(REDOX_F_DUPFD_CLOEXEC, 1030);
	ck_assert_int_eq(REDOX_AT_REMOVEDIR, 0x200);
#if REDOX_SYSCALL_VERSION_MINOR >= 9
	ck_assert_uint_eq(REDOX_CALL_MULTIPLE_FDS, 1UL << 17);
#else
#ifdef REDOX_CALL_MULTIPLE_FDS
	ck_abort_msg("REDOX_CALL_MULTIPLE_FDS is 0.9.x only");
#endif
#endif
}
END_TEST

/* ---- process manager (redox-abi.md §5) ------------------------------------ */

START_TEST(proc_call_packs_metadata)
{
	uint64_t meta[3] = { REDOX_PROC_KILL, 7, 9 };
	char payload[4];
	fake_reset();
	redox_proc_call(REDOX_UPPER_FDTBL_TAG | 1, payload, sizeof payload, REDOX_CALL_READ, meta, 3);
	ck_assert_int_eq(fake_ncalls, 1);
	ck_assert_uint_eq(fake_calls[0].n, 0x2300CA11);
	ck_assert_int_eq(fake_calls[0].nargs, 5);
	ck_assert_uint_eq(fake_calls[0].a[0], REDOX_UPPER_FDTBL_TAG | 1);
	ck_assert_ptr_eq((void *)fake_calls[0].a[1], payload);
	ck_assert_uint_eq(fake_calls[0].a[2], 4);
	ck_assert_uint_eq(fake_calls[0].a[3], 3 | (1UL << 10));
	ck_assert_ptr_eq((void *)fake_calls[0].a[4], meta);
}
END_TEST

START_TEST(proc_call_rejects_bad_metadata_len)
{
	uint64_t meta[1] = { 0 };
	fake_reset();
	ck_assert_int_eq(redox_proc_call(1, 0, 0, 0, meta, 256), -REDOX_EINVAL);
	ck_assert_int_eq(redox_proc_call(1, 0, 0, 0x01, meta, 1), -REDOX_EINVAL);
	ck_assert_int_eq(fake_ncalls, 0);
	/* 255 words is the most the low byte of e holds (redox-abi.md §4,
	   "SYS_CALL details"): that call still goes to the kernel. */
	static uint64_t big[255];
	ck_assert_int_eq(redox_proc_call(1, 0, 0, REDOX_CALL_READ, big, 255), 0);
	ck_assert_int_eq(fake_ncalls, 1);
	ck_assert_uint_eq(fake_calls[0].a[3], 255 | (1UL << 10));
}
END_TEST

static jmp_buf exit_jmp;
static void exit_after_fourth(const struct fake_call *c)
{
	(void)c;
	if (fake_ncalls == 4)
		longjmp(exit_jmp, 1);
}

static void check_exit_retries(int status, uint64_t want)
{
	const unsigned long rets[] = { (unsigned long)-4L, (unsigned long)-11L, (unsigned long)-4L };
	fake_reset();
	fake_script(rets, 3);
	fake_hook = exit_after_fourth;
	fake_copy_meta = 1;
	if (!setjmp(exit_jmp))
		redox_proc_exit(REDOX_UPPER_FDTBL_TAG | 3, status);
	ck_assert_int_eq(fake_ncalls, 4);
	for (int i = 0; i < 4; i++) {
		const struct fake_call *c = &fake_calls[i];
		ck_assert_uint_eq(c->n, 0x2300CA11);
		ck_assert_uint_eq(c->a[0], REDOX_UPPER_FDTBL_TAG | 3);
		ck_assert_uint_eq(c->a[1], 0);
		ck_assert_uint_eq(c->a[2], 0);
		ck_assert_uint_eq(c->a[3], 2);
		ck_assert_uint_eq(c->meta[0], REDOX_PROC_EXIT);
		ck_assert_uint_eq(c->meta[1], want);
	}
}

START_TEST(proc_exit_retries_eintr_eagain)
{
	check_exit_retries(0, 0);
	check_exit_retries(42, 42);
	check_exit_retries(255, 255);
	check_exit_retries(256 + 3, 3);
	check_exit_retries(-1, 255);
}
END_TEST

/* A child whose Exit call "returns" must print the message and trap. */
static void check_exit_failure(unsigned long ret, const char *want)
{
	int p[2];
	char buf[256];
	ssize_t n, got = 0;
	int st;
	ck_assert_int_eq(pipe(p), 0);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(p[1], 2);
		fake_reset();
		fake_script(&ret, 1);
		fake_passthrough_write = 1;
		redox_proc_exit(REDOX_UPPER_FDTBL_TAG | 5, 0);
	}
	close(p[1]);
	while ((n = read(p[0], buf + got, sizeof buf - 1 - (size_t)got)) > 0)
		got += n;
	buf[got] = 0;
	close(p[0]);
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	ck_assert_msg(WIFSIGNALED(st) && WTERMSIG(st) == SIGILL, "child status 0x%x, expected SIGILL", st);
	ck_assert_str_eq(buf, want);
}

START_TEST(proc_exit_failure_traps)
{
	check_exit_failure((unsigned long)-9L,
		"redox-crt: ProcCall::Exit on fd 0x4000000000000005 returned EBADF; aborting\n");
	check_exit_failure(0, "redox-crt: ProcCall::Exit on fd 0x4000000000000005 returned 0; aborting\n");
	/* Values no errno names: decimal, with the sign. */
	check_exit_failure(12345, "redox-crt: ProcCall::Exit on fd 0x4000000000000005 returned 12345; aborting\n");
	check_exit_failure((unsigned long)-200L,
		"redox-crt: ProcCall::Exit on fd 0x4000000000000005 returned -200; aborting\n");
	check_exit_failure((unsigned long)-132L, "redox-crt: ProcCall::Exit on fd 0x4000000000000005 returned "
		EXPECT_ERRNO_132 "; aborting\n");
}
END_TEST

START_TEST(wait_status_helpers)
{
	ck_assert_int_eq(REDOX_WEXITSTATUS(42 << 8), 42);
	ck_assert(REDOX_WIFEXITED(42 << 8));
	ck_assert(REDOX_WIFSIGNALED(9));
	ck_assert_int_eq(REDOX_WTERMSIG(9), 9);
	ck_assert(REDOX_WIFSTOPPED((19 << 8) | 0x7f));
	ck_assert_int_eq(REDOX_WSTOPSIG((19 << 8) | 0x7f), 19);
	ck_assert(!REDOX_WIFEXITED((19 << 8) | 0x7f));
	ck_assert(!REDOX_WIFSIGNALED((19 << 8) | 0x7f));
}
END_TEST

/* ---- auxv (redox-abi.md §1) ----------------------------------------------- */

START_TEST(auxv_find)
{
	const unsigned long auxv[] = { REDOX_AT_PROC_FD, REDOX_UPPER_FDTBL_TAG | 1, REDOX_AT_THR_FD, 77,
				       REDOX_AT_ENTRY, 0x401000, REDOX_AT_NULL, 0, REDOX_AT_UMASK, 18 };
	unsigned long v = 12345;
	ck_assert_int_eq(redox_auxv_find(auxv, REDOX_AT_THR_FD, &v), 1);
	ck_assert_uint_eq(v, 77);
	ck_assert_int_eq(redox_auxv_find(auxv, REDOX_AT_PROC_FD, &v), 1);
	ck_assert_uint_eq(v, REDOX_UPPER_FDTBL_TAG | 1);
	v = 12345;
	ck_assert_int_eq(redox_auxv_find(auxv, REDOX_AT_UMASK, &v), 0);	/* after AT_NULL */
	ck_assert_int_eq(redox_auxv_find(auxv, REDOX_AT_PHDR, &v), 0);
	ck_assert_int_eq(redox_auxv_find(auxv, REDOX_AT_NULL, &v), 0);
	ck_assert_int_eq(redox_auxv_find(0, REDOX_AT_PHDR, &v), 0);
	ck_assert_uint_eq(v, 12345);
	ck_assert_int_eq(REDOX_AT_FILETABLE_FD, 45);
	ck_assert_int_eq(REDOX_AT_INITIAL_CWD_LEN, 33);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("syscalls-" REDOX_SYSCALL_VERSION);
	TCase *tc;

	tc = tcase_create("wrappers");
	tcase_add_loop_test(tc, wrapper_passes_args_in_order, 0, NCASES);
	tcase_add_loop_test(tc, wrapper_decodes_errors, 0, NCASES);
	tcase_add_test(tc, wrapper_set_matches_version);
	tcase_add_test(tc, write_literal);
	tcase_add_test(tc, lseek_negative_offset);
	tcase_add_test(tc, fmap_anonymous);
	tcase_add_test(tc, clock_gettime_monotonic_is_4);
	tcase_add_test(tc, yield_takes_no_args);
	tcase_add_test(tc, version_specific_literal);
	suite_add_tcase(s, tc);

	tc = tcase_create("abi");
	tcase_add_test(tc, numbers_match_abi_doc);
	tcase_add_test(tc, errno_edges);
	tcase_add_test(tc, errno_constants);
	tcase_add_test(tc, errno_names_match_linux);
	tcase_add_test(tc, struct_layouts);
	tcase_add_test(tc, auxv_find);
	suite_add_tcase(s, tc);

	tc = tcase_create("proc");
	tcase_add_test(tc, proc_call_packs_metadata);
	tcase_add_test(tc, proc_call_rejects_bad_metadata_len);
	tcase_add_test(tc, proc_exit_retries_eintr_eagain);
	tcase_add_test(tc, proc_exit_failure_traps);
	tcase_add_test(tc, wait_status_helpers);
	suite_add_tcase(s, tc);

	return check_run(s, CK_FORK_GETENV);
}
