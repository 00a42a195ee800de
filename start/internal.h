/* SPDX-License-Identifier: MIT */
#ifndef START_INTERNAL_H
#define START_INTERNAL_H

#define HIDDEN __attribute__((visibility("hidden")))

extern HIDDEN const unsigned long *__redox_start_auxv;
extern HIDDEN unsigned long __redox_start_proc_fd;
extern HIDDEN int __redox_start_have_proc_fd;

/* Message on fd 2, then a trap: the runtime's only way to fail. START_DIE
   takes a string literal and passes its length, so no strlen is linked. */
__attribute__((noreturn)) HIDDEN void __redox_start_die(const char *msg, unsigned long len);
#define START_DIE(lit) __redox_start_die(lit, sizeof(lit) - 1)

#endif
