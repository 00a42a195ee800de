/* SPDX-License-Identifier: MIT */
/* redox-crt freestanding runtime (libredox_start.a): relibc's start and exit
   contract for programs that do not link relibc. Link order:
     crt0.o crti.o <objects> -lredox_start -lredox_syscall crtn.o */
#ifndef REDOX_START_H
#define REDOX_START_H

#ifdef __cplusplus
extern "C" {
#endif

typedef int (*redox_main_fn)(int argc, char **argv, char **envp);

/* Called by crt0's _start with the original stack pointer (&argc). Parses
   argc/argv/envp/auxv, runs preinit_array, _init, init_array, then
   exit(main(argc, argv, environ)). */
__attribute__((noreturn)) void relibc_start_v1(const unsigned long *sp, redox_main_fn main);

extern char **environ;

/* Run atexit/__cxa_atexit handlers (last registered first; handlers added
   while exiting run next), fini_array backward, _fini, then ProcCall::Exit
   with status & 0xff. */
__attribute__((noreturn)) void exit(int status);
/* Straight to ProcCall::Exit: no handlers, no fini. */
__attribute__((noreturn)) void _Exit(int status);
__attribute__((noreturn)) void _exit(int status);
int atexit(void (*fn)(void));
int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
void __cxa_finalize(void *dso);

/* Auxiliary vector lookup (keys: <redox/auxv.h>). redox_getauxval returns 0
   for a missing key; redox_getauxval_r tells missing (0) from present (1). */
unsigned long redox_getauxval(unsigned long key);
int redox_getauxval_r(unsigned long key, unsigned long *value);
/* The auxv pairs as the exec left them, ending with AT_NULL. */
const unsigned long *redox_auxv(void);
/* The process-manager fd (AT_REDOX_PROC_FD, upper-table tagged). */
unsigned long redox_proc_fd(void);

/* Memory and abort, for programs without relibc (LLVM libunwind needs
   them): malloc/free/calloc/realloc on anonymous fmap memory, 16-byte
   aligned, single-threaded; abort writes a message to fd 2 and traps. */
void *malloc(unsigned long size);
void free(void *p);
void *calloc(unsigned long count, unsigned long size);
void *realloc(void *p, unsigned long size);
__attribute__((noreturn)) void abort(void);
void *memcpy(void *__restrict d, const void *__restrict s, unsigned long n);
void *memmove(void *d, const void *s, unsigned long n);
void *memset(void *d, int c, unsigned long n);

/* Slots for atexit + __cxa_atexit handlers together (relibc has 32). */
#define REDOX_ATEXIT_MAX 32

#ifdef __cplusplus
}
#endif
#endif
