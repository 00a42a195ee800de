/* SPDX-License-Identifier: MIT */
/* Expected syscall numbers and wrapper sets, written by hand from
   redox-abi.md §4 (redox_syscall 0.6.0 number.rs and the "Changes after
   0.6.0" table for 0.9.3) independently of syscalls/table-*.txt. */
#ifndef EXPECTED_H
#define EXPECTED_H

#include <redox/syscall.h>

struct expect_num {
	const char *name;
	unsigned long expected;	/* literal from redox-abi.md */
	unsigned long generated;	/* the macro in <redox/syscall_numbers.h> */
};
#define E(name, v) { #name, v, name }

#if REDOX_SYSCALL_VERSION_MAJOR == 0 && REDOX_SYSCALL_VERSION_MINOR == 6
#define EXPECT_VERSION "0.6.0"
static const struct expect_num expected_numbers[] = {
	E(SYS_OPEN, 0x10100005), E(SYS_OPENAT, 0x10100007),
	E(SYS_OPENAT_WITH_FILTER, 0x101003D9), E(SYS_UNLINKAT, 0x10000107),
	E(SYS_UNLINKAT_WITH_FILTER, 0x100003DA), E(SYS_CLOSE, 0x20000006),
	E(SYS_DUP, 0x20100029), E(SYS_DUP2, 0x2010003F), E(SYS_READ, 0x22000003),
	E(SYS_READ2, 0x22000023), E(SYS_WRITE, 0x21000004), E(SYS_WRITE2, 0x2100002D),
	E(SYS_LSEEK, 0x20000013), E(SYS_FCHMOD, 0x2000005E), E(SYS_FCHOWN, 0x200000CF),
	E(SYS_FCNTL, 0x20000037), E(SYS_FEVENT, 0x2000039F), E(SYS_CALL, 0x2300CA11),
	E(SYS_SENDFD, 0x20000022), E(SYS_GETDENTS, 0x2000002B), E(SYS_FMAP_OLD, 0x2100005A),
	E(SYS_FMAP, 900 | 0x21000000), E(SYS_FUNMAP_OLD, 0x2000005B), E(SYS_FUNMAP, 0x2000005C),
	E(SYS_MREMAP, 155), E(SYS_FLINK, 0x23000009), E(SYS_FPATH, 0x220003A0),
	E(SYS_FRENAME, 0x23000026), E(SYS_FSTAT, 0x2200001C), E(SYS_FSTATVFS, 0x22000064),
	E(SYS_FSYNC, 0x20000076), E(SYS_FTRUNCATE, 0x2000005D), E(SYS_FUTIMENS, 0x21000140),
	E(KSMSG_MMAP, 0x20000048), E(KSMSG_MSYNC, 0x20000049), E(KSMSG_MUNMAP, 0x2000004A),
	E(KSMSG_MMAP_PREP, 0x2000004B), E(KSMSG_CANCEL, 0x2000004C),
	E(SYS_CLOCK_GETTIME, 265), E(SYS_FUTEX, 240), E(SYS_MPROTECT, 125), E(SYS_MKNS, 984),
	E(SYS_NANOSLEEP, 162), E(SYS_YIELD, 158),
};
static const char *const expected_wrappers[] = {
	"redox_open", "redox_openat", "redox_unlinkat", "redox_close", "redox_dup",
	"redox_dup2", "redox_read", "redox_write", "redox_read2", "redox_write2",
	"redox_lseek", "redox_fchmod", "redox_fchown", "redox_fcntl", "redox_fevent",
	"redox_call", "redox_sendfd", "redox_getdents", "redox_fmap", "redox_funmap",
	"redox_mremap", "redox_flink", "redox_fpath", "redox_frename", "redox_fstat",
	"redox_fstatvfs", "redox_fsync", "redox_ftruncate", "redox_futimens",
	"redox_clock_gettime", "redox_futex", "redox_mprotect", "redox_mkns",
	"redox_nanosleep", "redox_yield",
};
#define EXPECT_ERRNO_132 "ESKMSG"
#elif REDOX_SYSCALL_VERSION_MAJOR == 0 && REDOX_SYSCALL_VERSION_MINOR == 9
#define EXPECT_VERSION "0.9.3"
static const struct expect_num expected_numbers[] = {
	E(SYS_UNLINKAT, 0x10000107), E(SYS_CLOSE, 0x20000006), E(SYS_DUP2, 0x2010003F),
	E(SYS_READ, 0x22000003), E(SYS_READ2, 0x22000023), E(SYS_WRITE, 0x21000004),
	E(SYS_WRITE2, 0x2100002D), E(SYS_LSEEK, 0x20000013), E(SYS_FCHOWN, 0x200000CF),
	E(SYS_FCNTL, 0x20000037), E(SYS_FEVENT, 0x2000039F), E(SYS_CALL, 0x2300CA11),
	E(SYS_FMAP, 0x21000384), E(SYS_FUNMAP, 0x2000005C), E(SYS_MREMAP, 0x9B),
	E(SYS_FLINK, 0x23000009), E(SYS_FPATH, 0x220003A0), E(SYS_FRENAME, 0x23000026),
	E(SYS_FSTAT, 0x2200001C), E(SYS_FSYNC, 0x20000076), E(SYS_CLOCK_GETTIME, 0x109),
	E(SYS_FUTEX, 0xF0), E(SYS_MPROTECT, 0x7D), E(SYS_NANOSLEEP, 0xA2), E(SYS_YIELD, 0x9E),
	E(SYS_OPENAT_INTO, 0x101003DB), E(SYS_DUP_INTO, 0x201003DC),
};
static const char *const expected_wrappers[] = {
	"redox_unlinkat", "redox_close", "redox_dup2", "redox_read", "redox_write",
	"redox_read2", "redox_write2", "redox_lseek", "redox_fchown", "redox_fcntl",
	"redox_fevent", "redox_call", "redox_fmap", "redox_funmap", "redox_mremap",
	"redox_flink", "redox_fpath", "redox_frename", "redox_fstat", "redox_fsync",
	"redox_clock_gettime", "redox_futex", "redox_mprotect", "redox_nanosleep",
	"redox_yield", "redox_openat_into", "redox_dup_into",
};
#define EXPECT_ERRNO_132 "ERSVD"
#else
#error "tests/syscalls/expected.h has no expectations for this REDOX_SYSCALL_VERSION; add them"
#endif

/* Names 0.9.x removed (redox-abi.md §4) must not be defined there. */
static const char *const removed_but_defined[] = {
#if REDOX_SYSCALL_VERSION_MINOR >= 7
#ifdef SYS_OPEN
	"SYS_OPEN",
#endif
#ifdef SYS_FMAP_OLD
	"SYS_FMAP_OLD",
#endif
#ifdef KSMSG_MMAP
	"KSMSG_MMAP",
#endif
#endif
#if REDOX_SYSCALL_VERSION_MINOR >= 9
#ifdef SYS_OPENAT
	"SYS_OPENAT",
#endif
#ifdef SYS_DUP
	"SYS_DUP",
#endif
#ifdef SYS_SENDFD
	"SYS_SENDFD",
#endif
#ifdef SYS_FCHMOD
	"SYS_FCHMOD",
#endif
#ifdef SYS_GETDENTS
	"SYS_GETDENTS",
#endif
#ifdef SYS_MKNS
	"SYS_MKNS",
#endif
#ifdef REDOX_HAVE_OPEN
	"REDOX_HAVE_OPEN",
#endif
#ifdef REDOX_HAVE_DUP
	"REDOX_HAVE_DUP",
#endif
#endif
	0
};

#endif
