/* SPDX-License-Identifier: MIT */
/* Redox errno numbers and the decoding of raw syscall results.
   Names carry a REDOX_ prefix so this header can sit beside a libc's
   <errno.h>; numbers differ from Linux at 41, 58 and 132 (redox-abi.md §3). */
#ifndef REDOX_ERRNO_H
#define REDOX_ERRNO_H

#include <redox/errno_numbers.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Exactly redox_syscall's Error::demux (redox-abi.md §3): only the low 32
   bits count, read as an i32; an error iff they hold -1 .. -REDOX_ERRNO_MAX.
   Comparing unsigned avoids negating INT32_MIN. */
static inline int redox_is_error(unsigned long v)
{
	unsigned int lo = (unsigned int)v;
	return lo >= 0u - (unsigned int)REDOX_ERRNO_MAX;
}

/* The errno a raw result carries, or 0 if it is not an error. */
static inline int redox_errno_of(unsigned long v)
{
	return redox_is_error(v) ? (int)(0u - (unsigned int)v) : 0;
}

/* A raw result as the wrappers return it: -errno for an error, else the
   value itself. */
static inline long redox_result(unsigned long v)
{
	return redox_is_error(v) ? -(long)redox_errno_of(v) : (long)v;
}

/* Message and symbolic name ("EBADF") of an errno; for numbers Redox does
   not define, "Unknown error" and NULL. Async-signal-safe (static tables). */
const char *redox_strerror(int e);
const char *redox_errno_name(int e);

#ifdef __cplusplus
}
#endif

#endif
