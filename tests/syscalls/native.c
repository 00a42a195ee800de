/* SPDX-License-Identifier: MIT */
/* x86_64 hosts only: Linux's x86_64 syscall registers are Redox's
   (redox-abi.md §3), so the real kernel can check that every argument of
   redox_syscallN (syscalls/x86_64/syscall.S) and redox_syscallN_inline lands
   in the right register. Linux numbers: read 0, write 1, close 3, mmap 9,
   munmap 11, getpid 39, memfd_create 319. */
#define _GNU_SOURCE
#include <check.h>
#include "../lib/check_run.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <redox/syscall.h>

/* One body per flavour: S(k) names redox_syscallk or its inline twin. */
#define NATIVE_TESTS(S, tag)                                                                  \
START_TEST(getpid_##tag)                                                                      \
{                                                                                             \
	ck_assert_int_eq(S(0)(39), (unsigned long)getpid());                                  \
}                                                                                             \
END_TEST                                                                                      \
START_TEST(pipe_io_##tag)                                                                     \
{                                                                                             \
	int p[2];                                                                             \
	char buf[8] = { 0 };                                                                  \
	ck_assert_int_eq(pipe(p), 0);                                                         \
	ck_assert_int_eq(S(3)(1, (unsigned long)p[1], (unsigned long)"abc", 3), 3);           \
	ck_assert_int_eq(S(3)(0, (unsigned long)p[0], (unsigned long)buf, sizeof buf), 3);   \
	ck_assert_str_eq(buf, "abc");                                                         \
	ck_assert_int_eq(S(1)(3, (unsigned long)p[0]), 0);                                    \
	ck_assert_int_eq(redox_errno_of(S(1)(3, (unsigned long)p[0])), 9);                    \
	close(p[1]);                                                                          \
}                                                                                             \
END_TEST                                                                                      \
START_TEST(mmap6_##tag)                                                                       \
{                                                                                             \
	/* a1 address (MAP_FIXED_NOREPLACE), a2 length, a3 prot, a4 flags,                   \
	   a5 fd, a6 offset: the second page's contents prove a5 and a6. */                   \
	int fd = (int)S(2)(319, (unsigned long)"rdx", 0);                                     \
	ck_assert_int_ge(fd, 0);                                                              \
	ck_assert_int_eq(ftruncate(fd, 8192), 0);                                             \
	ck_assert_int_eq(pwrite(fd, "PAGE2", 5, 4096), 5);                                    \
	void *hole = mmap(0, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);            \
	ck_assert_ptr_ne(hole, MAP_FAILED);                                                   \
	munmap(hole, 4096);                                                                   \
	unsigned long r = S(6)(9, (unsigned long)hole, 4096, PROT_READ,                       \
			       MAP_SHARED | MAP_FIXED_NOREPLACE, (unsigned long)fd, 4096);    \
	ck_assert_msg(!redox_is_error(r), "mmap failed: errno %d", redox_errno_of(r));       \
	ck_assert_ptr_eq((void *)r, hole);                                                    \
	ck_assert_int_eq(memcmp((void *)r, "PAGE2", 5), 0);                                   \
	ck_assert_int_eq(S(2)(11, r, 4096), 0);                                               \
	close(fd);                                                                            \
}                                                                                             \
END_TEST                                                                                      \
START_TEST(args45_##tag)                                                                      \
{                                                                                             \
	/* mmap with only a4/a5 wrong would fail: flags without MAP_ANONYMOUS                 \
	   and fd -1 give EBADF, proving a5 reached r8. */                                    \
	unsigned long r = S(6)(9, 0, 4096, PROT_READ, MAP_PRIVATE, (unsigned long)-1L, 0);    \
	ck_assert_int_eq(redox_errno_of(r), 9);                                               \
}                                                                                             \
END_TEST

#define OUTOFLINE(k) redox_syscall##k
#define INLINE(k) redox_syscall##k##_inline
NATIVE_TESTS(OUTOFLINE, asm)
NATIVE_TESTS(INLINE, inline)

int main(void)
{
	Suite *s = suite_create("syscalls-native-x86_64");
	TCase *tc = tcase_create("linux");
	tcase_add_test(tc, getpid_asm);
	tcase_add_test(tc, pipe_io_asm);
	tcase_add_test(tc, mmap6_asm);
	tcase_add_test(tc, args45_asm);
	tcase_add_test(tc, getpid_inline);
	tcase_add_test(tc, pipe_io_inline);
	tcase_add_test(tc, mmap6_inline);
	tcase_add_test(tc, args45_inline);
	suite_add_tcase(s, tc);
	return check_run(s, CK_FORK_GETENV);
}
