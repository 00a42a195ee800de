/* SPDX-License-Identifier: MIT */
/* The end of every Check test program: run the suite, print Check's
   summary, and turn failures into the exit status. */
#ifndef TESTS_CHECK_RUN_H
#define TESTS_CHECK_RUN_H
#include <check.h>

static inline int check_run(Suite *s, enum fork_status fork)
{
	SRunner *r = srunner_create(s);
	srunner_set_fork_status(r, fork);
	srunner_run_all(r, CK_NORMAL);
	int failed = srunner_ntests_failed(r);
	srunner_free(r);
	return failed ? 1 : 0;
}
#endif
