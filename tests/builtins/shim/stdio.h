/* SPDX-License-Identifier: MIT */
/* Just enough <stdio.h> for compiler-rt's unit tests: formatted output to
   fd 1/2 through redox_write (shim.c). */
#ifndef SHIM_STDIO_H
#define SHIM_STDIO_H
#include <stddef.h>
#include <stdarg.h>
typedef struct shim_file FILE;
extern FILE *const stdout, *const stderr;
#define stdout stdout
#define stderr stderr
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vfprintf(FILE *f, const char *fmt, va_list ap);
int puts(const char *s);
int putchar(int c);
int fflush(FILE *f);
#endif
