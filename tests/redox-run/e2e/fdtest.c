// SPDX-License-Identifier: MIT
// Freestanding test of redox-run's 2026-08 file-table ABI (run with
// --abi=2026-08 --root R): the calls relibc dadb4375 makes, with the numbers
// of redox_syscall 0.9.1 (number.rs) written out here, independently of the
// emulator's generated table, and the expected results from kernel 6abd1be6
// (docs/redox-run-abi.md). Prints "ok NAME" or "FAIL NAME ..." per check.
#include <stddef.h>
#include <stdint.h>

#define SYS_OPENAT_INTO 0x101003DB
#define SYS_CLOSE 0x20000006
#define SYS_DUP_INTO 0x201003DC
#define SYS_DUP2 0x2010003F
#define SYS_READ 0x22000003
#define SYS_WRITE 0x21000004
#define SYS_READ2 0x22000023
#define SYS_LSEEK 0x20000013
#define SYS_FCNTL 0x20000037
#define SYS_CALL 0x2300CA11
#define SYS_DUP 0x20100029      /* 0.6.0 only: gone from 0.9.x */
#define UP (1ull << 62)
#define O_RDWR 0x30000
#define O_CREAT 0x2000000
#define O_DIRECTORY 0x10000000
#define O_CLOEXEC 0x1000000
#define CALL_WRITE 0x200
#define CALL_READ 0x400
#define CALL_STD_FS 0x10000

#include "rawsys.h"

/* Refresh the listing and compare it with want[0..n). */
static void listing(uint64_t ft, const uint64_t *want, int n, const char *name)
{
	uint64_t buf[64];
	check(name, sc(SYS_DUP2, (long)ft, (long)ft, (long)"refresh", 7, 0, 0), (long)ft);
	long r = sc(SYS_READ, (long)ft, (long)buf, sizeof buf, 0, 0, 0);
	check("listing length", r, 8L * n);
	for (int i = 0; i < n && i * 8 < r; i++)
		check("listing entry", (long)buf[i], (long)want[i]);
	check("listing ends with 0", sc(SYS_READ, (long)ft, (long)buf, sizeof buf, 0, 0, 0), 0);
}

void cmain(uint64_t *sp)
{
	uint64_t argc = sp[0];
	uint64_t *a = sp + 1 + argc + 1;
	while (*a)
		a++;
	a++;
	uint64_t proc = aux(a, 41), thr = aux(a, 42), ns = aux(a, 43), cwd = aux(a, 44), ft = aux(a, 45);
	check("proc fd upper", (long)(proc >> 62), 1);
	check("thread fd upper", (long)(thr >> 62), 1);
	check("ns fd upper", (long)(ns >> 62), 1);
	check("cwd fd upper", (long)(cwd >> 62), 1);
	check("filetable fd upper", (long)(ft >> 62), 1);

	/* What the emulator lists: stdio and the five auxv fds, lower first. */
	uint64_t want[16] = { 0, 1, 2 }, ups[5] = { proc, thr, ft, ns, cwd };
	/* upper ones in slot order */
	for (int i = 0; i < 5; i++)
		for (int j = i + 1; j < 5; j++)
			if (ups[j] < ups[i]) {
				uint64_t t = ups[i];
				ups[i] = ups[j];
				ups[j] = t;
			}
	for (int i = 0; i < 5; i++)
		want[3 + i] = ups[i];
	uint64_t b0[2];
	check("no listing before refresh", sc(SYS_READ, (long)ft, (long)b0, 16, 0, 0, 0), 0);
	listing(ft, want, 8, "refresh");
	uint64_t b3[2];
	check("dup2 refresh again", sc(SYS_DUP2, (long)ft, (long)ft, (long)"refresh", 7, 0, 0), (long)ft);
	check("read 12 bytes of the listing", sc(SYS_READ, (long)ft, (long)b3, 12, 0, 0, 0), 12);
	check("dup2 unknown name", sc(SYS_DUP2, (long)ft, (long)ft, (long)"nonsense", 8, 0, 0), -22);
	check("dup2 same fd no name", sc(SYS_DUP2, 77, 77, 0, 0, 0, 0), 77);

	/* dup_into: exactly at out_fd, EEXIST when taken. */
	check("dup_into regs/env at upper 0", sc(SYS_DUP_INTO, (long)thr, (long)"regs/env", 8, (long)UP, 0, 0), (long)UP);
	check("dup_into into a taken slot", sc(SYS_DUP_INTO, (long)thr, (long)"regs/env", 8, (long)UP, 0, 0), -17);
	check("dup_into at lower 3", sc(SYS_DUP_INTO, (long)thr, (long)"regs/env", 8, 3, 0, 0), 3);
	uint64_t env[2] = { 1, 1 };
	check("read regs/env", sc(SYS_READ, 3, (long)env, 16, 0, 0, 0), 16);
	check("close 3", sc(SYS_CLOSE, 3, 0, 0, 0, 0, 0), 0);
	check("close 3 again", sc(SYS_CLOSE, 3, 0, 0, 0, 0, 0), -9);
	check("close upper 0", sc(SYS_CLOSE, (long)UP, 0, 0, 0, 0, 0), 0);
	check("dup_into unknown name", sc(SYS_DUP_INTO, (long)thr, (long)"nonsense", 8, 3, 0, 0), -22);
	check("dup_into known, not emulated", sc(SYS_DUP_INTO, (long)thr, (long)"regs/int", 8, 3, 0, 0), -38);
	check("dup_into bad fd", sc(SYS_DUP_INTO, 55, 0, 0, 3, 0, 0), -9);
	check("SYS_DUP is not in 0.9.x", sc(SYS_DUP, (long)thr, (long)"regs/env", 8, 0, 0, 0), -38);

	/* openat_into: ns -> scheme root -> file; file ops on the result. */
	check("openat_into ns /", sc(SYS_OPENAT_INTO, (long)ns, (long)"/t.txt", 6, O_DIRECTORY | O_CLOEXEC, 0, (long)(UP | 6)), (long)(UP | 6));
	check("openat_into root t.txt", sc(SYS_OPENAT_INTO, (long)(UP | 6), (long)"t.txt", 5, O_RDWR | O_CREAT | 0644, 0, 3), 3);
	check("openat_into a taken slot", sc(SYS_OPENAT_INTO, (long)(UP | 6), (long)"t.txt", 5, O_RDWR, 0, 3), -17);
	check("openat_into unknown scheme", sc(SYS_OPENAT_INTO, (long)ns, (long)"/scheme/nope/x", 14, O_DIRECTORY, 0, 4), -19);
	check("openat_into on the proc fd", sc(SYS_OPENAT_INTO, (long)proc, (long)"x", 1, O_RDWR, 0, 4), -95);
	check("openat_into long path", sc(SYS_OPENAT_INTO, (long)(UP | 6), (long)entry_regs, 4097, O_RDWR, 0, 4), -36);
	check("openat_into non-UTF-8 path", sc(SYS_OPENAT_INTO, (long)(UP | 6), (long)"\xff", 1, O_RDWR, 0, 4), -22);
	check("write", sc(SYS_WRITE, 3, (long)"abc", 3, 0, 0, 0), 3);
	check("F_DUPFD into 10", sc(SYS_FCNTL, 3, 0, 10, 0, 0, 0), 10);
	check("F_DUPFD into a taken slot", sc(SYS_FCNTL, 3, 0, 10, 0, 0, 0), -24);
	check("dup shares the offset", sc(SYS_LSEEK, 10, 0, 1, 0, 0, 0), 3);
	char rb[4] = { 0 };
	check("read2 at 0", sc(SYS_READ2, 3, (long)rb, 3, 0, -1, 0), 3);
	check("read2 bytes", rb[0] == 'a' && rb[2] == 'c', 1);
	check("F_GETFL access mode", sc(SYS_FCNTL, 3, 3, 0, 0, 0, 0) & O_RDWR, O_RDWR);
	check("F_GETFD", sc(SYS_FCNTL, 3, 1, 0, 0, 0, 0), 0);
	check("fcntl unknown cmd", sc(SYS_FCNTL, 3, 99, 0, 0, 0, 0), -22);
	uint8_t st[104];
	uint64_t fstat_meta[3] = { 4, 0, 0 };
	check("STD_FS fstat", sc(SYS_CALL, 3, (long)st, 104, 3 | CALL_STD_FS | CALL_READ, (long)fstat_meta, 0), 0);
	check("fstat size", (long)(st[32] | st[33] << 8), 3);

	uint64_t want2[16] = { 0, 1, 2, 3, 10 };
	for (int i = 0; i < 5; i++)
		want2[5 + i] = ups[i];
	want2[10] = UP | 6;
	listing(ft, want2, 11, "refresh after opens");

	/* FileTableVerb::Resize through SYS_CALL on the file table. */
	uint64_t rz[3] = { 4, 0, 128 };
	check("resize lower to 128", sc(SYS_CALL, (long)ft, 0, 0, 3 | CALL_WRITE, (long)rz, 0), 128);
	rz[2] = 64;
	check("resize shrinking", sc(SYS_CALL, (long)ft, 0, 0, 3 | CALL_WRITE, (long)rz, 0), -22);
	rz[0] = 9;
	check("unknown file-table verb", sc(SYS_CALL, (long)ft, 0, 0, 3 | CALL_WRITE, (long)rz, 0), -22);

	/* The process manager. */
	uint64_t m[1] = { 12 };
	check("getppid", sc(SYS_CALL, (long)proc, 0, 0, 1, (long)m, 0), 1);
	m[0] = 10;
	check("SyncSigPctl", sc(SYS_CALL, (long)proc, 0, 0, 1, (long)m, 0), 0);
	m[0] = 0;
	check("SyncSigTctl", sc(SYS_CALL, (long)thr, 0, 0, 1, (long)m, 0), 0);
	check("waitpid: no children", sc(SYS_CALL, (long)proc, 0, 0, 1, (long)m, 0), -10);
	uint32_t pm[11];
	check("ProcMeta read", sc(SYS_READ, (long)proc, (long)pm, 44, 0, 0, 0), 44);
	check("ProcMeta pid", pm[0], 2);
	check("ProcMeta ppid", pm[2], 1);
	/* Priorities, ids and kill permission: procmgr (redox-os/base
	 * bootstrap/src/procmgr.rs 12ec67d1, docs/redox-run-abi.md §6b). */
	uint64_t pr[3] = { 17, 0, 0 };
	check("GetProcPriority: init's 20", sc(SYS_CALL, (long)proc, 0, 0, 2, (long)pr, 0), 20);
	pr[0] = 16, pr[2] = 40;
	check("SetProcPriority 40", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)pr, 0), -22);
	pr[2] = (1ull << 32) | 5;    /* procmgr takes the low 32 bits */
	check("SetProcPriority 2^32+5", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)pr, 0), 0);
	pr[0] = 17;
	check("GetProcPriority after set", sc(SYS_CALL, (long)proc, 0, 0, 2, (long)pr, 0), 5);
	pr[1] = 2;
	check("GetProcPriority of pid 2", sc(SYS_CALL, (long)proc, 0, 0, 2, (long)pr, 0), 5);
	pr[1] = 1;
	check("GetProcPriority of init", sc(SYS_CALL, (long)proc, 0, 0, 2, (long)pr, 0), 20);
	pr[1] = 9;
	check("GetProcPriority of no process", sc(SYS_CALL, (long)proc, 0, 0, 2, (long)pr, 0), -3);
	pr[0] = 16, pr[2] = 3;
	check("SetProcPriority of no process", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)pr, 0), -3);
	pr[2] = 40;    /* procmgr checks the value before the target */
	check("SetProcPriority 40 of no process is EINVAL", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)pr, 0), -22);
	uint64_t ki[3] = { 8, 2, 65 };
	check("Kill signal 65", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)ki, 0), -22);
	ki[1] = 7, ki[2] = 0;
	check("Kill no process", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)ki, 0), -3);
	ki[1] = 1;
	check("Kill init, sig 0, as root", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)ki, 0), 0);
	uint64_t su[1] = { 4 };
	uint32_t ids[6] = { 1000, 1000, 0xffffffff, 7, 7, 0xffffffff };
	check("SetResugid 20 bytes", sc(SYS_CALL, (long)proc, (long)ids, 20, 1 | CALL_WRITE, (long)su, 0), -22);
	check("SetResugid unmapped payload", sc(SYS_CALL, (long)proc, 8, 24, 1 | CALL_WRITE, (long)su, 0), -14);
	check("SetResugid as root", sc(SYS_CALL, (long)proc, (long)ids, 24, 1 | CALL_WRITE, (long)su, 0), 0);
	check("ProcMeta after", sc(SYS_READ, (long)proc, (long)pm, 44, 0, 0, 0), 44);
	check("ProcMeta ruid euid suid", pm[3] == 1000 && pm[4] == 1000 && pm[5] == 0, 1);
	check("ProcMeta rgid egid sgid", pm[6] == 7 && pm[7] == 7 && pm[8] == 0, 1);
	check("Kill init as uid 1000", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)ki, 0), -1);
	ki[1] = 2;
	check("Kill self as uid 1000", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)ki, 0), 0);
	ki[1] = (uint64_t)-1;
	check("Kill all as uid 1000: self", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)ki, 0), 0);
	ki[1] = (uint64_t)-1 - 1;    /* -2: process group 2, this one (-1 is All) */
	check("Kill group 2 as uid 1000", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)ki, 0), 0);
	ki[1] = (uint64_t)-1 - 8;    /* -9: no such group */
	check("Kill group 9", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)ki, 0), -3);
	pr[0] = 16, pr[1] = 1, pr[2] = 3;
	check("SetProcPriority of init as euid 1000", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)pr, 0), -1);
	ids[0] = 5, ids[1] = ids[2] = ids[3] = ids[4] = ids[5] = 0xffffffff;
	check("SetResugid ruid 5 unprivileged", sc(SYS_CALL, (long)proc, (long)ids, 24, 1 | CALL_WRITE, (long)su, 0), -1);
	ids[0] = 0xffffffff, ids[5] = 3;
	check("SetResugid sgid 3 unprivileged", sc(SYS_CALL, (long)proc, (long)ids, 24, 1 | CALL_WRITE, (long)su, 0), -1);
	check("ProcMeta unchanged by EPERM", sc(SYS_READ, (long)proc, (long)pm, 44, 0, 0, 0) == 44 &&
	      pm[3] == 1000 && pm[8] == 0, 1);
	ids[5] = 0xffffffff, ids[1] = 0;   /* euid back to the saved 0 */
	check("SetResugid euid = suid", sc(SYS_CALL, (long)proc, (long)ids, 24, 1 | CALL_WRITE, (long)su, 0), 0);
	ki[1] = 1;
	check("Kill init as euid 0", sc(SYS_CALL, (long)proc, 0, 0, 3, (long)ki, 0), 0);
	su[0] = 1;
	check("Setrens: EINVAL", sc(SYS_CALL, (long)proc, 0, 0, 1, (long)su, 0), -22);
	check("unknown CallFlags bit", sc(SYS_CALL, (long)proc, 0, 0, 1 | (1 << 20), (long)m, 0), -22);
	exit_raw(proc, bad ? 1 : 0);
}
