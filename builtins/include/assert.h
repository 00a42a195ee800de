/* SPDX-License-Identifier: MIT */
/* cpu_model/x86.c includes <assert.h>; the builtins are built without a libc,
 * so this is all of it. assert() is compiled out, as in compiler-rt's release
 * (NDEBUG) builds. */
#ifndef REDOX_CRT_BUILTINS_ASSERT_H
#define REDOX_CRT_BUILTINS_ASSERT_H
#define static_assert _Static_assert
#define assert(x) ((void)0)
#endif
