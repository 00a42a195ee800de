/* SPDX-License-Identifier: MIT */
/* Shared by the unwind stubs. The public prototypes come from whichever
   <unwind.h> the compiler finds (clang's for Redox builds; nongnu
   libunwind's, clang's and gcc's in the header tests), and their return
   types differ: nongnu says unsigned long where clang says _Unwind_Word,
   _Unwind_Ptr or void *. All are one 64-bit register on our targets, so
   each definition uses the type of the header it is compiled against. */
#ifndef REDOX_UNWIND_INTERNAL_H
#define REDOX_UNWIND_INTERNAL_H

/* nongnu's header declares the backtrace half only under _GNU_SOURCE. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <stddef.h>
#include <stdint.h>
#include <unwind.h>

#include "frame.h"

#define RU_HDR_CLANG 1
#define RU_HDR_GCC 2
#define RU_HDR_NONGNU 3

/* RU_HDR may be forced on the command line; the header tests do that to
   show a wrong guess fails to compile. */
#ifndef RU_HDR
#if defined(__CLANG_UNWIND_H)
#define RU_HDR RU_HDR_CLANG
#elif defined(LIBGCC2_UNWIND_ATTRIBUTE)
#define RU_HDR RU_HDR_GCC
#elif defined(_UNWIND_H)
#define RU_HDR RU_HDR_NONGNU
#else
#error "unknown <unwind.h>: expected clang's, gcc's or nongnu libunwind's"
#endif
#endif

#if RU_HDR == RU_HDR_NONGNU
typedef unsigned long ru_word;	/* GetGR, SetGR, GetCFA, GetBSP */
typedef unsigned long ru_ip;	/* GetIP, GetIPInfo, SetIP */
typedef unsigned long ru_ptr;	/* GetRegionStart, Get{Data,Text}RelBase */
typedef unsigned long ru_lsda;
typedef uint64_t ru_exc_class;
#elif RU_HDR == RU_HDR_GCC
typedef _Unwind_Word ru_word;
typedef _Unwind_Ptr ru_ip;
typedef _Unwind_Ptr ru_ptr;
typedef void *ru_lsda;
typedef _Unwind_Exception_Class ru_exc_class;
ru_word _Unwind_GetBSP(struct _Unwind_Context *); /* gcc: ia64 only */
#else
typedef _Unwind_Word ru_word;
typedef _Unwind_Word ru_ip;
typedef _Unwind_Ptr ru_ptr;
typedef void *ru_lsda;
typedef _Unwind_Exception_Class ru_exc_class;
#endif

#define RU_HIDDEN __attribute__((visibility("hidden")))

/* One frame of a backtrace. magic tells a context we built from a stray
   pointer, so the getters can answer 0 outside a backtrace. */
#define RU_CONTEXT_MAGIC 0x52445855574e4421ull
struct _Unwind_Context {
	uint64_t magic;
	uintptr_t ip;	/* return address into this frame's function */
	uintptr_t cfa;	/* the frame record's address + 16 */
	uintptr_t fp;	/* this frame's own frame pointer (the saved one) */
};

struct ru_walk_limits {
	unsigned max_depth;	/* frames reported at most */
	uintptr_t align;	/* a frame pointer must be a multiple of this */
	uintptr_t max_step;	/* largest gap between two frame records */
};

/* Walks the frame records from fp, calling fn for each; see walk.c. */
RU_HIDDEN _Unwind_Reason_Code __redox_unwind_walk(uintptr_t fp,
	const struct ru_walk_limits *lim, _Unwind_Trace_Fn fn, void *arg);

/* Writes to fd 2; returns bytes written or a negative error. One syscall,
   in <arch>/write2.S; host tests link their own to capture messages. */
RU_HIDDEN long __redox_unwind_write2(const char *buf, size_t len);

/* Not declared by clang's or nongnu's <unwind.h> on our targets; these are
   libgcc's (unwind-dw2-fde.h) with the object argument left opaque. */
struct dwarf_eh_bases;
const void *_Unwind_Find_FDE(const void *pc, struct dwarf_eh_bases *bases);
void __register_frame(const void *begin);
void __register_frame_info(const void *begin, void *ob);
void __register_frame_info_bases(const void *begin, void *ob, void *tbase,
	void *dbase);
void __register_frame_table(const void *begin);
void __register_frame_info_table(const void *begin, void *ob);
void __register_frame_info_table_bases(const void *begin, void *ob,
	void *tbase, void *dbase);
void __deregister_frame(const void *begin);
void *__deregister_frame_info(const void *begin);
void *__deregister_frame_info_bases(const void *begin);

#endif
