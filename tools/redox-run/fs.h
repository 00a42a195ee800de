/* SPDX-License-Identifier: MIT */
/*
 * The guest's file system: Redox paths mapped into one host directory (--root).
 *
 * Contract (shared by syscall.c, which owns the guest's fd table, and fs.c,
 * which owns every host file-system call):
 *  - Nothing the guest passes can reach outside the root: "..", absolute and
 *    relative symlinks, "/scheme/file/..." and plain absolute paths all resolve
 *    inside it, and a symlink swapped while a call runs cannot move it out
 *    (resolution is done by the host kernel relative to the root's fd, never by
 *    string concatenation of host paths).
 *  - Paths arrive as (pointer, length) byte strings exactly as the guest sent
 *    them: not NUL-terminated, possibly containing NUL (→ -EINVAL) or being
 *    longer than the host allows (→ -ENAMETOOLONG).
 *  - Every function returns >= 0 on success or -errno with **Redox** errno
 *    numbers (redox-abi.md §3: Linux's numbers except 41/58/132).
 *  - Flags are Redox O_* values (relibc-runtime.md §0): the access mode and
 *    options in the high 16 bits, the creation mode in the low 16 bits.
 *  - Record layouts (Stat 104 bytes, DirentHeader 19 bytes) are Redox's
 *    (redox-abi.md §4, relibc-runtime.md §4 "opendir / readdir").
 */
#ifndef RR_FS_H
#define RR_FS_H
#include <stddef.h>
#include <stdint.h>

/* Redox O_* (redox_syscall flag.rs, identical in relibc). */
#define RR_O_RDONLY    0x00010000ull
#define RR_O_WRONLY    0x00020000ull
#define RR_O_RDWR      0x00030000ull
#define RR_O_ACCMODE   0x00030000ull
#define RR_O_NONBLOCK  0x00040000ull
#define RR_O_APPEND    0x00080000ull
#define RR_O_ASYNC     0x00400000ull
#define RR_O_FSYNC     0x00800000ull
#define RR_O_CLOEXEC   0x01000000ull
#define RR_O_CREAT     0x02000000ull
#define RR_O_TRUNC     0x04000000ull
#define RR_O_EXCL      0x08000000ull
#define RR_O_DIRECTORY 0x10000000ull
#define RR_O_PATH      0x20000000ull /* kernel O_STAT */
#define RR_O_SYMLINK   0x40000000ull
#define RR_O_NOFOLLOW  0x80000000ull
#define RR_O_FCNTL_MASK (RR_O_NONBLOCK | RR_O_APPEND | RR_O_ASYNC | RR_O_FSYNC)

#define RR_STAT_SIZE 104
#define RR_STATVFS_SIZE 32
#define RR_DIRENT_HEADER_SIZE 19
#define RR_AT_REMOVEDIR 0x200
#define RR_UTIME_NOW  ((1 << 30) - 1)
#define RR_UTIME_OMIT ((1 << 30) - 2)

struct rr_fs;   /* one per guest: the root */
struct rr_fh;   /* an open file or directory inside the root */

/* Open DIR as the root. On failure returns -1 and writes a one-line reason
 * (naming DIR, the problem and the fix) into err. */
int rr_fs_init(struct rr_fs **fs, const char *dir, char *err, size_t errlen);
void rr_fs_free(struct rr_fs *fs);

/* Open PATH relative to the directory handle DIR (NULL = the root). A PATH
 * starting with '/' starts at the root whatever DIR is. FLAGS are Redox O_*
 * (mode in the low 16 bits); FCNTL_FLAGS a subset of RR_O_FCNTL_MASK. On
 * success stores a new handle in *out and returns 0. */
long rr_fs_openat(struct rr_fs *fs, const struct rr_fh *dir, const char *path, size_t len,
		  uint64_t flags, uint64_t fcntl_flags, struct rr_fh **out);
/* A second handle on the same open file description (dup). */
long rr_fs_dup(struct rr_fh *fh, struct rr_fh **out);
void rr_fs_close(struct rr_fh *fh);

long rr_fs_read(struct rr_fh *fh, void *buf, size_t len);
long rr_fs_write(struct rr_fh *fh, const void *buf, size_t len);
long rr_fs_pread(struct rr_fh *fh, void *buf, size_t len, uint64_t off);
long rr_fs_pwrite(struct rr_fh *fh, const void *buf, size_t len, uint64_t off);
/* whence 0/1/2; returns the new offset. */
long rr_fs_lseek(struct rr_fh *fh, int64_t off, int whence);

/* Fill a Redox Stat (RR_STAT_SIZE bytes). */
long rr_fs_fstat(struct rr_fh *fh, uint8_t out[RR_STAT_SIZE]);
/* Redox DirentHeader records from cursor OPAQUE (0 = first entry) into buf:
 * bytes filled, 0 at the end, -EINVAL if not even one record fits. */
long rr_fs_getdents(struct rr_fh *fh, uint64_t opaque, uint8_t *buf, size_t len);
/* The handle's absolute Redox path ("/scheme/file/<path in root>"), no NUL;
 * returns its length, truncated to len like the kernel's fpath. */
long rr_fs_fpath(struct rr_fh *fh, char *buf, size_t len);

long rr_fs_unlinkat(struct rr_fs *fs, const struct rr_fh *dir, const char *path, size_t len,
		    uint64_t flags /* RR_AT_REMOVEDIR */);
/* Rename the file behind FH to the absolute Redox path NEWPATH. */
long rr_fs_frename(struct rr_fs *fs, struct rr_fh *fh, const char *newpath, size_t len);
/* A hard link to the file behind FH at the absolute Redox path NEWPATH
 * (SYS_FLINK; relibc link() and linkat()). */
long rr_fs_flink(struct rr_fs *fs, struct rr_fh *fh, const char *newpath, size_t len);
/* Fill a Redox StatVfs (RR_STATVFS_SIZE bytes: f_bsize u32 @0, f_blocks u64
 * @8, f_bfree u64 @16, f_bavail u64 @24; redox-abi.md §4) for the file
 * system holding FH (StdFsCallKind::Fstatvfs; relibc fstatvfs/statvfs). */
long rr_fs_fstatvfs(struct rr_fh *fh, uint8_t out[RR_STATVFS_SIZE]);
long rr_fs_ftruncate(struct rr_fh *fh, uint64_t len);
long rr_fs_fsync(struct rr_fh *fh);
/* times[0] = atime, times[1] = mtime as Redox TimeSpec {i64 sec, i32 nsec};
 * nsec RR_UTIME_NOW / RR_UTIME_OMIT as relibc sends them (sys_stat/mod.rs). */
long rr_fs_futimens(struct rr_fh *fh, const int64_t sec[2], const int32_t nsec[2]);
long rr_fs_fchmod(struct rr_fh *fh, uint16_t mode);

/* Open-file state the fd table needs (F_GETFL / F_SETFL). */
uint64_t rr_fs_getfl(const struct rr_fh *fh);
long rr_fs_setfl(struct rr_fh *fh, uint64_t fcntl_flags);
int rr_fs_is_dir(const struct rr_fh *fh);
/* A host errno as the Redox errno fs.c returns for it, negated (-EIO for
 * host values with no Redox meaning); for other host calls made for the guest. */
long rr_fs_errno(int host_errno);
#endif
