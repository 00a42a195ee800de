/* SPDX-License-Identifier: MIT */
/* libunwind reports fatal errors with fprintf(stderr, ...) + fflush; here
   they go to this library's own formatter writing fd 2 (fprintf.c), so the
   archive needs no stdio and cannot clash with relibc's. */
#ifndef REDOX_UNWIND_SHIM_STDIO_H
#define REDOX_UNWIND_SHIM_STDIO_H
#include <stdarg.h>
#ifdef __cplusplus
extern "C" {
#endif
typedef struct __redox_unwind_file FILE;
#define stderr ((FILE *)0)
__attribute__((visibility("hidden"), format(printf, 2, 3)))
int __redox_unwind_fprintf(FILE *f, const char *fmt, ...);
#define fprintf __redox_unwind_fprintf
#define fflush(f) ((void)(f), 0)
#ifdef __cplusplus
}
#endif
#endif
