/* SPDX-License-Identifier: MIT */
/* Stand-in for relibc's headers, enough for the import test. */
#ifndef STANDIN_STDIO_H
#define STANDIN_STDIO_H
int puts(const char *s);
#endif
