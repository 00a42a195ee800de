/* SPDX-License-Identifier: MIT */
/* Kernel structures and flag values shared by redox_syscall 0.6.0 and 0.9.3
   (data.rs and flag.rs; redox-abi.md §3 and §4). Layouts are for 64-bit
   targets and checked below. */
#ifndef REDOX_TYPES_H
#define REDOX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <redox/syscall_numbers.h>

struct redox_timespec {
	int64_t tv_sec;
	int32_t tv_nsec;
};

struct redox_map {
	unsigned long offset;
	unsigned long size;
	unsigned long flags;	/* REDOX_PROT_* | REDOX_MAP_* */
	unsigned long address;
};

struct redox_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint16_t st_mode;
	uint32_t st_nlink;
	uint32_t st_uid;
	uint32_t st_gid;
	uint64_t st_size;
	uint32_t st_blksize;
	uint64_t st_blocks;
	uint64_t st_mtime;
	uint32_t st_mtime_nsec;
	uint64_t st_atime;
	uint32_t st_atime_nsec;
	uint64_t st_ctime;
	uint32_t st_ctime_nsec;
};

struct redox_statvfs {
	uint32_t f_bsize;
	uint64_t f_blocks;
	uint64_t f_bfree;
	uint64_t f_bavail;
};

#if defined(__cplusplus)
#define REDOX_STATIC_ASSERT static_assert
#else
#define REDOX_STATIC_ASSERT _Static_assert
#endif
#define REDOX_LAYOUT(T, f, off) \
	REDOX_STATIC_ASSERT(offsetof(struct T, f) == (off), #T "." #f " must be at " #off " (redox-abi.md §4)")
REDOX_STATIC_ASSERT(sizeof(struct redox_timespec) == 16, "TimeSpec is 16 bytes");
REDOX_LAYOUT(redox_timespec, tv_sec, 0);
REDOX_LAYOUT(redox_timespec, tv_nsec, 8);
REDOX_STATIC_ASSERT(sizeof(struct redox_map) == 32, "Map is 32 bytes");
REDOX_LAYOUT(redox_map, offset, 0);
REDOX_LAYOUT(redox_map, size, 8);
REDOX_LAYOUT(redox_map, flags, 16);
REDOX_LAYOUT(redox_map, address, 24);
REDOX_STATIC_ASSERT(sizeof(struct redox_stat) == 104, "Stat is 104 bytes");
REDOX_LAYOUT(redox_stat, st_dev, 0);
REDOX_LAYOUT(redox_stat, st_ino, 8);
REDOX_LAYOUT(redox_stat, st_mode, 16);
REDOX_LAYOUT(redox_stat, st_nlink, 20);
REDOX_LAYOUT(redox_stat, st_uid, 24);
REDOX_LAYOUT(redox_stat, st_gid, 28);
REDOX_LAYOUT(redox_stat, st_size, 32);
REDOX_LAYOUT(redox_stat, st_blksize, 40);
REDOX_LAYOUT(redox_stat, st_blocks, 48);
REDOX_LAYOUT(redox_stat, st_mtime, 56);
REDOX_LAYOUT(redox_stat, st_mtime_nsec, 64);
REDOX_LAYOUT(redox_stat, st_atime, 72);
REDOX_LAYOUT(redox_stat, st_atime_nsec, 80);
REDOX_LAYOUT(redox_stat, st_ctime, 88);
REDOX_LAYOUT(redox_stat, st_ctime_nsec, 96);
REDOX_STATIC_ASSERT(sizeof(struct redox_statvfs) == 32, "StatVfs is 32 bytes");
REDOX_LAYOUT(redox_statvfs, f_bsize, 0);
REDOX_LAYOUT(redox_statvfs, f_blocks, 8);
REDOX_LAYOUT(redox_statvfs, f_bfree, 16);
REDOX_LAYOUT(redox_statvfs, f_bavail, 24);
#undef REDOX_LAYOUT

/* open flags (O_*) */
#define REDOX_O_RDONLY    0x00010000UL
#define REDOX_O_WRONLY    0x00020000UL
#define REDOX_O_RDWR      0x00030000UL
#define REDOX_O_NONBLOCK  0x00040000UL
#define REDOX_O_APPEND    0x00080000UL
#define REDOX_O_CLOEXEC   0x01000000UL
#define REDOX_O_CREAT     0x02000000UL
#define REDOX_O_TRUNC     0x04000000UL
#define REDOX_O_EXCL      0x08000000UL
#define REDOX_O_DIRECTORY 0x10000000UL

/* MapFlags, for struct redox_map.flags and redox_mprotect */
#define REDOX_PROT_NONE   0x00000UL
#define REDOX_PROT_EXEC   0x10000UL
#define REDOX_PROT_WRITE  0x20000UL
#define REDOX_PROT_READ   0x40000UL
#define REDOX_MAP_SHARED  0x01UL
#define REDOX_MAP_PRIVATE 0x02UL
#define REDOX_MAP_FIXED   0x04UL
#define REDOX_MAP_FIXED_NOREPLACE 0x0CUL
#define REDOX_MAP_LAZY    0x10UL
/* fd argument of redox_fmap for an anonymous mapping */
#define REDOX_FMAP_ANONYMOUS (~0UL)

/* clocks: not Linux's 0 and 1 */
#define REDOX_CLOCK_REALTIME  1
#define REDOX_CLOCK_MONOTONIC 4

/* futex ops; WAIT's val2 is an absolute CLOCK_MONOTONIC deadline or 0 */
#define REDOX_FUTEX_WAIT    0
#define REDOX_FUTEX_WAKE    1
#define REDOX_FUTEX_REQUEUE 2
#define REDOX_FUTEX_WAIT64  3

/* CallFlags for redox_call; bits 0-7 carry the metadata length */
#define REDOX_CALL_METADATA_LEN_MASK 0xffUL
#define REDOX_CALL_CONSUME      (1UL << 8)
#define REDOX_CALL_WRITE        (1UL << 9)
#define REDOX_CALL_READ         (1UL << 10)
#define REDOX_CALL_FD           (1UL << 11)
#define REDOX_CALL_FD_EXCLUSIVE (1UL << 12)
#define REDOX_CALL_FD_CLONE     (1UL << 13)
#define REDOX_CALL_FD_UPPER     (1UL << 14)
#if REDOX_SYSCALL_VERSION_MAJOR > 0 || REDOX_SYSCALL_VERSION_MINOR >= 9
#define REDOX_CALL_FD_CLOEXEC   (1UL << 15)
#define REDOX_CALL_STD_FS       (1UL << 16)
#define REDOX_CALL_MULTIPLE_FDS (1UL << 17)
#endif

/* fcntl commands */
#define REDOX_F_DUPFD         0
#define REDOX_F_GETFD         1
#define REDOX_F_SETFD         2
#define REDOX_F_GETFL         3
#define REDOX_F_SETFL         4
#define REDOX_F_DUPFD_CLOEXEC 1030

/* redox_unlinkat flags */
#define REDOX_AT_REMOVEDIR 0x200

/* redox_lseek whence */
#define REDOX_SEEK_SET 0
#define REDOX_SEEK_CUR 1
#define REDOX_SEEK_END 2

/* read2/write2 flags argument meaning "none" */
#define REDOX_RWFLAGS_NONE (~0UL)

#endif
