/* SPDX-License-Identifier: MIT */
#ifndef REDOX_UNWIND_SHIM_STRING_H
#define REDOX_UNWIND_SHIM_STRING_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
void *memcpy(void *__restrict d, const void *__restrict s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
#ifdef __cplusplus
}
#endif
#endif
