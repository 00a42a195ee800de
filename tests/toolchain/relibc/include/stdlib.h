/* SPDX-License-Identifier: MIT */
#ifndef STANDIN_STDLIB_H
#define STANDIN_STDLIB_H
__attribute__((noreturn)) void exit(int status);
#endif
