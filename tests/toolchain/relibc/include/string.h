/* SPDX-License-Identifier: MIT */
#ifndef STANDIN_STRING_H
#define STANDIN_STRING_H
#include <stddef.h>
size_t strlen(const char *s);
#endif
