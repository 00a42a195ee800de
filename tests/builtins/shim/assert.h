/* SPDX-License-Identifier: MIT */
#ifndef SHIM_ASSERT_H
#define SHIM_ASSERT_H
__attribute__((noreturn)) void __shim_assert_fail(const char *expr, const char *file, int line);
#define assert(e) ((e) ? (void)0 : __shim_assert_fail(#e, __FILE__, __LINE__))
#define static_assert _Static_assert
#endif
