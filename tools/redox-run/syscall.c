// SPDX-License-Identifier: MIT
/* Redox syscalls, numbers of redox_syscall 0.6.0 (redox-abi.md §3-§5). */
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rr.h"

#define SYS_CLOSE         0x20000006ull
#define SYS_DUP           0x20100029ull
#define SYS_READ          0x22000003ull
#define SYS_WRITE         0x21000004ull
#define SYS_CALL          0x2300CA11ull
#define SYS_FMAP          0x21000384ull
#define SYS_FUNMAP        0x2000005Cull
#define SYS_MPROTECT      0x7Dull
#define SYS_CLOCK_GETTIME 0x109ull
#define SYS_FUTEX         0xF0ull
#define SYS_NANOSLEEP     0xA2ull
#define SYS_YIELD         0x9Eull

#define MAP_FIXED          0x4ull
#define MAP_FIXED_NOREPLACE 0xCull
#define PROT_EXEC  0x10000ull
#define PROT_WRITE 0x20000ull
#define PROT_READ  0x40000ull

#define PROC_EXIT    2
#define PROC_GETPPID 12
#define RR_PPID      1

#define ERR(e) ((uint64_t)-(int64_t)(e))

static const struct { uint64_t nr; const char *name; } names[] = {
	{ SYS_CLOSE, "close" }, { SYS_DUP, "dup" }, { SYS_READ, "read" },
	{ SYS_WRITE, "write" }, { SYS_CALL, "call" }, { SYS_FMAP, "fmap" },
	{ SYS_FUNMAP, "funmap" }, { SYS_MPROTECT, "mprotect" },
	{ SYS_CLOCK_GETTIME, "clock_gettime" }, { SYS_FUTEX, "futex" },
	{ SYS_NANOSLEEP, "nanosleep" }, { SYS_YIELD, "yield" },
};

void rr_fds_init(struct rr *rr)
{
	for (int i = 0; i < RR_MAX_FDS; i++)
		rr->fd[i] = i < 3 ? RR_FD_HOST : RR_FD_FREE;
}

static unsigned map_prot(uint64_t flags)
{
	return (flags & PROT_READ ? RR_PROT_R : 0) | (flags & PROT_WRITE ? RR_PROT_W : 0) |
	       (flags & PROT_EXEC ? RR_PROT_X : 0);
}

static uint64_t page_up(uint64_t v) { return (v + RR_PAGE - 1) & ~(RR_PAGE - 1); }

static int upper_index(uint64_t fd)
{
	if (fd == RR_PROC_FD) return 1;
	if (fd == RR_THR_FD) return 2;
	if (fd == RR_FTBL_FD) return 3;
	return 0;
}

static int upper_open(struct rr *rr, uint64_t fd)
{
	int i = upper_index(fd);
	return i && !rr->upper_closed[i];
}

static enum rr_fd_kind lower(struct rr *rr, uint64_t fd)
{
	return fd < RR_MAX_FDS ? rr->fd[fd] : RR_FD_FREE;
}

static uint64_t sys_write(struct rr *rr, const uint64_t *a)
{
	enum rr_fd_kind k = lower(rr, a[0]);
	if (k == RR_FD_ENVREGS) {
		uint64_t v[2];
		if (a[2] != sizeof v)
			return ERR(EINVAL);
		if (rr_guest_read(rr, a[1], v, sizeof v))
			return ERR(EFAULT);
		rr->ops->set_env(rr, v);
		return sizeof v;
	}
	if (k != RR_FD_HOST)
		return ERR(EBADF);
	if (!rr_vm_check(rr, a[1], a[2], RR_PROT_R))
		return ERR(EFAULT);
	uint64_t done = 0;
	char buf[65536];
	while (done < a[2]) {
		size_t chunk = a[2] - done < sizeof buf ? a[2] - done : sizeof buf;
		if (rr_guest_read(rr, a[1] + done, buf, chunk))
			return done ? done : ERR(EFAULT);
		ssize_t w = write((int)a[0], buf, chunk);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return done ? done : ERR(errno);
		done += (uint64_t)w;
		if ((size_t)w < chunk)
			break;
	}
	return done;
}

static uint64_t sys_read(struct rr *rr, const uint64_t *a)
{
	enum rr_fd_kind k = lower(rr, a[0]);
	if (k == RR_FD_ENVREGS) {
		uint64_t v[2];
		if (a[2] != sizeof v)
			return ERR(EINVAL);
		rr->ops->get_env(rr, v);
		return rr_guest_write(rr, a[1], v, sizeof v) ? ERR(EFAULT) : sizeof v;
	}
	if (k != RR_FD_HOST)
		return ERR(EBADF);
	if (!rr_vm_check(rr, a[1], a[2], RR_PROT_W))
		return ERR(EFAULT);
	char buf[65536];
	size_t want = a[2] < sizeof buf ? a[2] : sizeof buf;
	ssize_t r;
	do
		r = read((int)a[0], buf, want);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return ERR(errno);
	return rr_guest_write(rr, a[1], buf, (uint64_t)r) ? ERR(EFAULT) : (uint64_t)r;
}

static uint64_t sys_close(struct rr *rr, const uint64_t *a)
{
	if (upper_open(rr, a[0])) {
		rr->upper_closed[upper_index(a[0])] = 1;
		return 0;
	}
	if (lower(rr, a[0]) == RR_FD_FREE)
		return ERR(EBADF);
	/* The host's own stdio stays open; the guest just loses its fd. */
	rr->fd[a[0]] = RR_FD_FREE;
	return 0;
}

static uint64_t sys_dup(struct rr *rr, const uint64_t *a)
{
	char name[32];
	if (!upper_open(rr, a[0]) && lower(rr, a[0]) == RR_FD_FREE)
		return ERR(EBADF);
	if (a[2] >= sizeof name)
		return ERR(ENOSYS);
	if (rr_guest_read(rr, a[1], name, a[2]))
		return ERR(EFAULT);
	name[a[2]] = 0;
	if (a[0] != RR_THR_FD || a[2] != 8 || memcmp(name, "regs/env", 8) != 0)
		return ERR(ENOSYS);
	for (int i = 3; i < RR_MAX_FDS; i++)
		if (rr->fd[i] == RR_FD_FREE) {
			rr->fd[i] = RR_FD_ENVREGS;
			return (uint64_t)i;
		}
	return ERR(EMFILE);
}

static uint64_t sys_fmap(struct rr *rr, const uint64_t *a)
{
	uint64_t m[4];   /* struct Map {offset, size, flags, address} */
	if (a[0] != UINT64_MAX)
		return lower(rr, a[0]) == RR_FD_FREE && !upper_open(rr, a[0]) ? ERR(EBADF) : ERR(ENOSYS);
	if (a[2] != sizeof m)
		return ERR(EINVAL);
	if (rr_guest_read(rr, a[1], m, sizeof m))
		return ERR(EFAULT);
	uint64_t size = page_up(m[1]), flags = m[2], addr = m[3];
	if (m[1] == 0 || size < m[1] || size > RR_MAX_IMAGE)
		return ERR(EINVAL);
	if ((flags & MAP_FIXED_NOREPLACE) == MAP_FIXED_NOREPLACE || (flags & MAP_FIXED)) {
		if (addr & (RR_PAGE - 1) || addr + size < addr || addr + size > RR_STACK_TOP || !addr)
			return ERR(EINVAL);
		if (!rr_vm_is_free(rr, addr, size)) {
			if ((flags & MAP_FIXED_NOREPLACE) == MAP_FIXED_NOREPLACE)
				return ERR(EEXIST);
			if (rr_vm_unmap(rr, addr, size))
				return ERR(ENOMEM);
		}
	} else if (!(addr = rr_vm_find_free(rr, size)))
		return ERR(ENOMEM);
	int r = rr_vm_map(rr, addr, size, map_prot(flags));
	return r ? ERR(-r) : addr;
}

static uint64_t read_timespec(struct rr *rr, uint64_t p, struct timespec *ts)
{
	/* TimeSpec {i64 tv_sec; i32 tv_nsec} (redox-abi.md §4). */
	uint8_t raw[12];
	int64_t sec;
	int32_t nsec;
	if (rr_guest_read(rr, p, raw, sizeof raw))
		return ERR(EFAULT);
	memcpy(&sec, raw, 8);
	memcpy(&nsec, raw + 8, 4);
	if (sec < 0 || nsec < 0 || nsec >= 1000000000)
		return ERR(EINVAL);
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return 0;
}

static uint64_t write_timespec(struct rr *rr, uint64_t p, const struct timespec *ts)
{
	uint8_t raw[16] = { 0 };
	int64_t sec = ts->tv_sec;
	int32_t nsec = (int32_t)ts->tv_nsec;
	memcpy(raw, &sec, 8);
	memcpy(raw + 8, &nsec, 4);
	return rr_guest_write(rr, p, raw, sizeof raw) ? ERR(EFAULT) : 0;
}

static uint64_t sys_futex(struct rr *rr, const uint64_t *a)
{
	switch (a[1]) {
	case 0: /* WAIT */
	case 3: { /* WAIT64 */
		uint64_t cur = 0;
		unsigned sz = a[1] == 3 ? 8 : 4;
		if (a[0] & (sz - 1))
			return ERR(EINVAL);
		if (rr_guest_read(rr, a[0], &cur, sz))
			return ERR(EFAULT);
		if (cur != (sz == 4 ? (uint32_t)a[2] : a[2]))
			return ERR(EAGAIN);
		if (!a[3]) {
			fprintf(stderr, "redox-run: %s: deadlock: futex WAIT on 0x%" PRIx64
				" (value %" PRIu64 ") without timeout, and no other thread can wake it\n",
				rr->prog, a[0], cur);
			rr->stop = RR_STOP_DEADLOCK;
			return 0;
		}
		struct timespec dl;
		uint64_t e = read_timespec(rr, a[3], &dl);
		if (e)
			return e;
		/* The deadline is absolute CLOCK_MONOTONIC (redox-abi.md §3). */
		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &dl, NULL) == EINTR)
			;
		return ERR(ETIMEDOUT);
	}
	case 1: /* WAKE: nobody else is waiting */
		return 0;
	default:
		return ERR(EINVAL);
	}
}

static uint64_t sys_call(struct rr *rr, const uint64_t *a)
{
	uint64_t meta[8] = { 0 };
	unsigned n = a[3] & 0xff;
	/* CallFlags of 0.6.0 are bits 8..14. */
	if (a[3] & ~0x7fffull)
		return ERR(EINVAL);
	if (!upper_open(rr, a[0]) && lower(rr, a[0]) == RR_FD_FREE)
		return ERR(EBADF);
	if (a[0] != RR_PROC_FD)
		return ERR(ENOSYS);
	if (n == 0 || n > 8)
		return ERR(EINVAL);
	if (rr_guest_read(rr, a[4], meta, (uint64_t)n * 8))
		return ERR(EFAULT);
	switch (meta[0]) {
	case PROC_EXIT:
		if (n < 2)
			return ERR(EINVAL);
		rr->exit_status = (int)(meta[1] & 0xff);
		rr->stop = RR_STOP_EXIT;
		return 0;
	case PROC_GETPPID:
		return RR_PPID;
	default:
		return ERR(ENOSYS);
	}
}

static uint64_t dispatch(struct rr *rr, uint64_t nr, const uint64_t *a)
{
	struct timespec ts;
	uint64_t e;
	switch (nr) {
	case SYS_WRITE: return sys_write(rr, a);
	case SYS_READ: return sys_read(rr, a);
	case SYS_CLOSE: return sys_close(rr, a);
	case SYS_DUP: return sys_dup(rr, a);
	case SYS_FMAP: return sys_fmap(rr, a);
	case SYS_FUNMAP: {
		int r = rr_vm_unmap(rr, a[0], page_up(a[1]));
		return r ? ERR(-r) : 0;
	}
	case SYS_MPROTECT: {
		int r = rr_vm_protect(rr, a[0], page_up(a[1]), map_prot(a[2]));
		return r ? ERR(-r) : 0;
	}
	case SYS_CLOCK_GETTIME:
		if (a[0] != 1 && a[0] != 4)
			return ERR(EINVAL);
		clock_gettime(a[0] == 1 ? CLOCK_REALTIME : CLOCK_MONOTONIC, &ts);
		return write_timespec(rr, a[1], &ts);
	case SYS_NANOSLEEP:
		if ((e = read_timespec(rr, a[0], &ts)))
			return e;
		while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
			;
		if (a[1]) {
			struct timespec z = { 0, 0 };
			return write_timespec(rr, a[1], &z);
		}
		return 0;
	case SYS_YIELD: return 0;
	case SYS_FUTEX: return sys_futex(rr, a);
	case SYS_CALL: return sys_call(rr, a);
	default: return ERR(ENOSYS);
	}
}

static const char *errname(uint64_t v)
{
	switch ((int64_t)v) {
	case -EPERM: return "EPERM"; case -ENOENT: return "ENOENT";
	case -EINTR: return "EINTR"; case -EBADF: return "EBADF";
	case -EAGAIN: return "EAGAIN"; case -ENOMEM: return "ENOMEM";
	case -EFAULT: return "EFAULT"; case -EEXIST: return "EEXIST";
	case -EINVAL: return "EINVAL"; case -EMFILE: return "EMFILE";
	case -ENOSYS: return "ENOSYS"; case -ETIMEDOUT: return "ETIMEDOUT";
	default: return "";
	}
}

uint64_t rr_syscall(struct rr *rr, uint64_t nr, const uint64_t a[6])
{
	uint64_t r = dispatch(rr, nr, a);
	if (!rr->strace)
		return r;
	const char *name = NULL;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].nr == nr)
			name = names[i].name;
	char nbuf[24];
	if (!name) {
		snprintf(nbuf, sizeof nbuf, "0x%" PRIx64, nr);
		name = nbuf;
	}
	fprintf(stderr, "[strace] %s(0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64 ", 0x%" PRIx64
		", 0x%" PRIx64 ", 0x%" PRIx64 ") = ", name, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (rr->stop == RR_STOP_EXIT)
		fprintf(stderr, "? (exit %d)\n", rr->exit_status);
	else if (rr->stop == RR_STOP_DEADLOCK)
		fprintf(stderr, "? (deadlock)\n");
	else if (r >= (uint64_t)-4095)
		fprintf(stderr, "-%" PRIu64 " %s\n", -r, errname(r));
	else if (r < 0x10000)
		fprintf(stderr, "%" PRIu64 "\n", r);
	else
		fprintf(stderr, "0x%" PRIx64 "\n", r);
	return r;
}
