/* SPDX-License-Identifier: MIT */
#ifndef REDOX_UNWIND_SHIM_STDLIB_H
#define REDOX_UNWIND_SHIM_STDLIB_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
void *malloc(size_t n);
void free(void *p);
__attribute__((noreturn)) void abort(void);
#ifdef __cplusplus
}
#endif
#endif
