// SPDX-License-Identifier: MIT
// One freestanding Redox test program for redox-run's end-to-end suite;
// argv[1] names the behaviour to exercise. No libc, no other part's code.
#include <stddef.h>
#include <stdint.h>

#define SYS_CLOSE 0x20000006
#define SYS_DUP 0x20100029
#define SYS_READ 0x22000003
#define SYS_WRITE 0x21000004
#define SYS_CALL 0x2300CA11
#define SYS_FMAP 0x21000384
#define SYS_FUNMAP 0x2000005C
#define SYS_MPROTECT 0x7D
#define SYS_CLOCK_GETTIME 0x109
#define SYS_FUTEX 0xF0
#define SYS_NANOSLEEP 0xA2
#define SYS_YIELD 0x9E
#define PROT_READ 0x40000
#define PROT_WRITE 0x20000
#define MAP_PRIVATE 2
#define MAP_FIXED_NOREPLACE 0xC

uint64_t entry_regs[32], entry_fpctl[2], entry_tp;
static uint64_t proc_fd, thr_fd;
static uint64_t *auxv;

void fault_store(uint64_t *p);
void trap_insn(void);
void brk_insn(void);
void clobber_probe(uint64_t out[4]);
void spin(void);

#include "memfns.h"

static long sc(long n, long a, long b, long c, long d, long e)
{
#if defined(__x86_64__)
	register long r10 __asm__("r10") = d, r8 __asm__("r8") = e;
	__asm__ volatile("syscall" : "+a"(n) : "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return n;
#else
	register long x8 __asm__("x8") = n, x0 __asm__("x0") = a, x1 __asm__("x1") = b,
		 x2 __asm__("x2") = c, x3 __asm__("x3") = d, x4 __asm__("x4") = e;
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4) : "memory");
	return x0;
#endif
}


static void out(const char *s) { sc(SYS_WRITE, 1, (long)s, (long)len(s), 0, 0); }

static void hex(uint64_t v)
{
	char b[19] = "0x";
	for (int i = 0; i < 16; i++)
		b[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
	b[18] = 0;
	out(b);
}

static void dec(long v)
{
	char b[24], *p = b + sizeof b;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	*--p = 0;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	out(p);
}

static void kv(const char *k, uint64_t v)
{
	out(k);
	out("=");
	hex(v);
	out("\n");
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static long num(const char *s)
{
	long v = 0;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return v;
}

__attribute__((noreturn)) static void exit_raw(uint64_t status)
{
	uint64_t meta[2] = { 2, status };   /* ProcCall::Exit (redox-abi.md §5) */
	for (;;)
		sc(SYS_CALL, (long)proc_fd, 0, 0, 2, (long)meta);
}

static int64_t now(int clock)
{
	struct { int64_t sec; int32_t nsec; int32_t pad; } ts = { 0, 0, 0 };
	long r = sc(SYS_CLOCK_GETTIME, clock, (long)&ts, 0, 0, 0);
	if (r < 0)
		return r;
	return ts.sec * 1000000000 + ts.nsec;
}

static long fmap(uint64_t addr, uint64_t size, uint64_t flags)
{
	uint64_t map[4] = { 0, size, flags, addr };
	return sc(SYS_FMAP, -1, (long)map, sizeof map, 0, 0);
}

static int check(const char *what, int ok)
{
	out(ok ? "ok " : "FAIL ");
	out(what);
	out("\n");
	return !ok;
}

static int regs(void)
{
#if defined(__x86_64__)
	static const char *const n[16] = { "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
		"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15" };
	for (int i = 0; i < 16; i++)
		kv(n[i], entry_regs[i]);
	kv("mxcsr", entry_fpctl[0] & 0xffffffff);
	kv("fcw", entry_fpctl[1] & 0xffff);
#else
	static const char *const n[32] = { "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8",
		"x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18", "x19", "x20",
		"x21", "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29", "x30", "sp" };
	for (int i = 0; i < 32; i++)
		kv(n[i], entry_regs[i]);
	kv("fpcr", entry_fpctl[0]);
#endif
	kv("tp", entry_tp);
	return 0;
}

static int tp(void)
{
	static const char name[] = "regs/env";
	int bad = 0;
	long fd = sc(SYS_DUP, (long)thr_fd, (long)name, 8, 0, 0);
	bad |= check("dup regs/env", fd >= 3);
	uint64_t env[2] = { 1, 1 };
	bad |= check("read regs/env", sc(SYS_READ, fd, (long)env, 16, 0, 0) == 16);
	bad |= check("tp starts at 0", env[0] == 0 && env[1] == 0);
	uint64_t set[2] = { 0x123450000, 0x6789 };
	bad |= check("write regs/env", sc(SYS_WRITE, fd, (long)set, 16, 0, 0) == 16);
	uint64_t tpv;
#if defined(__x86_64__)
	__asm__ volatile("rdfsbase %0" : "=r"(tpv));
	bad |= check("rdfsbase sees it", tpv == 0x123450000);
	__asm__ volatile("wrfsbase %0" : : "r"((uint64_t)0x55550000));
#else
	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(tpv));
	bad |= check("tpidr_el0 sees it", tpv == 0x123450000);
	__asm__ volatile("msr tpidr_el0, %0" : : "r"((uint64_t)0x55550000));
#endif
	bad |= check("read back", sc(SYS_READ, fd, (long)env, 16, 0, 0) == 16 &&
			  env[0] == 0x55550000 && env[1] == 0x6789);
	bad |= check("short read is EINVAL", sc(SYS_READ, fd, (long)env, 8, 0, 0) == -22);
	bad |= check("close", sc(SYS_CLOSE, fd, 0, 0, 0, 0) == 0);
	bad |= check("closed fd is EBADF", sc(SYS_READ, fd, (long)env, 16, 0, 0) == -9);
	return bad;
}

static int mem(void)
{
	int bad = 0;
	long a = fmap(0, 3 * 4096, PROT_READ | PROT_WRITE | MAP_PRIVATE);
	bad |= check("fmap anonymous", a > 0 && (a & 4095) == 0);
	volatile uint64_t *p = (uint64_t *)a;
	p[0] = 7;
	p[3 * 512 - 1] = 9;
	bad |= check("fmap memory is usable", p[0] == 7 && p[3 * 512 - 1] == 9);
	bad |= check("funmap", sc(SYS_FUNMAP, a, 3 * 4096, 0, 0, 0) == 0);
	long b = fmap((uint64_t)a, 4096, PROT_READ | PROT_WRITE | MAP_FIXED_NOREPLACE);
	bad |= check("fmap fixed at the freed address", b == a);
	bad |= check("fixed-noreplace on a used address is EEXIST",
		     fmap((uint64_t)a, 4096, PROT_READ | MAP_FIXED_NOREPLACE) == -17);
	bad |= check("fmap zero size is EINVAL", fmap(0, 0, PROT_READ) == -22);
	bad |= check("fmap zero-fills", *(volatile uint64_t *)b == 0);
	bad |= check("write from an unmapped buffer is EFAULT",
		     sc(SYS_WRITE, 1, a + 8192, 4, 0, 0) == -14);
	bad |= check("mprotect read-only", sc(SYS_MPROTECT, b, 4096, PROT_READ, 0, 0) == 0);
	bad |= check("read into a read-only buffer is EFAULT", sc(SYS_READ, 0, b, 4, 0, 0) == -14);
	return bad;
}

static int futex(void)
{
	int bad = 0;
	(void)bad;
	static uint32_t word = 5;
	bad |= check("futex wait mismatch is EAGAIN", sc(SYS_FUTEX, (long)&word, 0, 6, 0, 0) == -11);
	struct { int64_t sec; int32_t nsec; int32_t pad; } dl;
	int64_t t = now(4) + 20 * 1000000;
	dl.sec = t / 1000000000;
	dl.nsec = (int32_t)(t % 1000000000);
	dl.pad = 0;
	bad |= check("futex wait with deadline is ETIMEDOUT",
		     sc(SYS_FUTEX, (long)&word, 0, 5, (long)&dl, 0) == -110);
	bad |= check("deadline has passed", now(4) >= t);
	bad |= check("futex wake", sc(SYS_FUTEX, (long)&word, 1, 1, 0, 0) == 0);
	out("waiting forever\n");
	sc(SYS_FUTEX, (long)&word, 0, 5, 0, 0);
	return 1;
}

static int clock(void)
{
	int bad = 0;
	int64_t a = now(4);
	struct { int64_t sec; int32_t nsec; int32_t pad; } req = { 0, 2000000, 0 };
	bad |= check("nanosleep", sc(SYS_NANOSLEEP, (long)&req, 0, 0, 0, 0) == 0);
	int64_t b = now(4);
	bad |= check("monotonic increases across a sleep", a > 0 && b >= a + 2000000);
	bad |= check("realtime is after 2020", now(1) > 1577836800LL * 1000000000);
	bad |= check("clock 0 is EINVAL", now(0) == -22);
	bad |= check("yield", sc(SYS_YIELD, 0, 0, 0, 0, 0) == 0);
	bad |= check("bad TimeSpec pointer is EFAULT", sc(SYS_CLOCK_GETTIME, 4, 16, 0, 0, 0) == -14);
	return bad;
}

static int clobber(void)
{
	uint64_t o[4];
	clobber_probe(o);
#if defined(__x86_64__)
	kv("rcx", o[0]);
	kv("after", o[1]);
	kv("r11", o[2]);
	kv("rflags", o[3]);
	return check("rcx = return rip", o[0] == o[1]) | check("r11 = rflags", o[2] == o[3]);
#else
	return check("x1/x9/x16/x30 survive svc",
		     o[0] == 0x1111 && o[1] == 0x2222 && o[2] == 0x3333 && o[3] == 0x4444);
#endif
}

/* fds 3..9 were never opened by this program: EBADF for every use, even
   while the host process that runs it has those numbers open (e2e.sh runs
   this with host fds 3, 4, 5 and 9 open). */
static int hostfd(void)
{
	int bad = 0;
	char buf[8] = "leaked\n";
	for (long fd = 3; fd <= 9; fd++) {
		bad |= check("write to an fd the guest never opened is EBADF",
			     sc(SYS_WRITE, fd, (long)buf, 7, 0, 0) == -9);
		bad |= check("read from an fd the guest never opened is EBADF",
			     sc(SYS_READ, fd, (long)buf, sizeof buf, 0, 0) == -9);
		bad |= check("close of an fd the guest never opened is EBADF",
			     sc(SYS_CLOSE, fd, 0, 0, 0, 0) == -9);
	}
	return bad;
}

/* Hostile guests (issue 14): privileged instructions, mapping counts the
 * engine cannot hold, partial unmaps, decoding at a page end, sleeps. */
#define PROT_EXEC 0x10000
#define MAP_FIXED 0x4
#define PG 4096
static long funmap(long a, long n) { return sc(SYS_FUNMAP, a, n, 0, 0, 0); }
static long mprot(long a, long n, long p) { return sc(SYS_MPROTECT, a, n, p, 0, 0); }

#if defined(__x86_64__)
void priv_cli(void), priv_hlt(void), priv_wrmsr(void), priv_movcr3(void), priv_inb(void),
	priv_outb(void), priv_lgdt(void);
static const struct { const char *n; void (*f)(void); } privs[] = {
	{ "cli", priv_cli }, { "hlt", priv_hlt }, { "wrmsr", priv_wrmsr }, { "movcr3", priv_movcr3 },
	{ "inb", priv_inb }, { "outb", priv_outb }, { "lgdt", priv_lgdt },
};
#else
void priv_currentel(void), priv_sctlr(void), priv_daifset(void), priv_tlbi(void),
	priv_eret(void), priv_wfi(void);
static const struct { const char *n; void (*f)(void); } privs[] = {
	{ "currentel", priv_currentel }, { "sctlr", priv_sctlr }, { "daifset", priv_daifset },
	{ "tlbi", priv_tlbi }, { "eret", priv_eret }, { "wfi", priv_wfi },
};
#endif

static uint64_t addrs[20000];

static int hostile(int argc, char **argv)
{
	const char *cmd = argv[1];
	long n = argc > 2 ? num(argv[2]) : 0;
	if (streq(cmd, "priv")) {
		for (unsigned i = 0; i < sizeof privs / sizeof privs[0]; i++)
			if (argc > 2 && streq(argv[2], privs[i].n)) {
				privs[i].f();
				out("returned from ");
				out(privs[i].n);
				out("\n");
				return 0;
			}
		return 2;
	}
	if (streq(cmd, "pageend")) {
		/* rdfsbase %eax (4 bytes) or %rax (5) ending at a page whose
		 * successor is unmapped: it must run, then fetching the next
		 * instruction faults. */
		long a = fmap(0, 2 * PG, PROT_READ | PROT_WRITE);
		static const unsigned char i4[] = { 0xF3, 0x0F, 0xAE, 0xC0 }, i5[] = { 0xF3, 0x48, 0x0F, 0xAE, 0xC0 };
		const unsigned char *c = n == 5 ? i5 : i4;
		unsigned char *p = (unsigned char *)a + PG - (n == 5 ? 5 : 4);
		for (int i = 0; i < (n == 5 ? 5 : 4); i++)
			p[i] = c[i];
		if (funmap(a + PG, PG) || mprot(a, PG, PROT_READ | PROT_EXEC))
			return 3;
		hex((uint64_t)a + PG);
		out("\n");
		((void (*)(void))p)();
		return 4;
	}
	if (streq(cmd, "fmaps") || streq(cmd, "gapped")) {
		/* n mappings of a page each: adjacent (they merge) or one page
		 * apart (each its own run), until the emulator says ENOMEM. */
		int gap = streq(cmd, "gapped");
		long k = 0, e = 0;
		for (; k < n && k < 20000; k++) {
			long a = gap ? fmap(0x600000000000 + (uint64_t)k * 2 * PG, PG, PROT_READ | PROT_WRITE | MAP_FIXED_NOREPLACE)
				     : fmap(0, PG, PROT_READ | PROT_WRITE);
			if (a < 0) {
				e = a;
				break;
			}
			addrs[k] = (uint64_t)a;
			*(volatile uint64_t *)a = (uint64_t)k + 1;
		}
		int bad = 0;
		for (long i = 0; i < k; i++)
			bad |= *(volatile uint64_t *)addrs[i] != (uint64_t)i + 1;
		for (long i = 0; i < k; i++)
			bad |= funmap((long)addrs[i], PG) != 0;
		out("mapped ");
		dec(k);
		out(", then ");
		dec(e);
		out(bad ? ", contents or funmap WRONG\n" : ", contents kept, all unmapped\n");
		/* After a refusal the emulator still works. */
		long a = fmap(0, PG, PROT_READ | PROT_WRITE);
		bad |= a < 0 || funmap(a, PG) != 0;
		return bad || (k < n && e != -12);
	}
	if (streq(cmd, "alternate")) {
		/* Alternate read-only pages of one 8 MiB map; n != 0: then
		 * store into the first (read-only) page. */
		long a = fmap(0, 2048 * PG, PROT_READ | PROT_WRITE), k = 0, e = 0;
		for (; k < 1024; k++)
			if ((e = mprot(a + 2 * k * PG, PG, PROT_READ)))
				break;
		out("protected ");
		dec(k);
		out(", then ");
		dec(e);
		out("\n");
		*(volatile uint64_t *)(a + PG) = 1;  /* a writable page */
		if (n)
			fault_store((uint64_t *)a);
		return k < 1024 && e != -12;
	}
	if (streq(cmd, "partial")) {
		/* dlmalloc's trims (relibc-runtime.md §3): unmap the tail, then
		 * a middle part; what is left keeps its contents, the hole reads
		 * as zero once mapped again. n != 0: then read the hole. */
		long a = fmap(0, 16 * PG, PROT_READ | PROT_WRITE);
		int bad = a < 0;
		for (int i = 0; i < 16 && !bad; i++)
			*(volatile uint64_t *)(a + i * PG) = (uint64_t)i + 100;
		bad |= funmap(a + 12 * PG, 4 * PG) != 0;
		bad |= funmap(a + 6 * PG, 2 * PG) != 0;
		for (int i = 0; i < 12 && !bad; i++)
			if (i != 6 && i != 7)
				bad |= *(volatile uint64_t *)(a + i * PG) != (uint64_t)i + 100;
		bad |= sc(SYS_WRITE, 1, a + 6 * PG, 1, 0, 0) != -14;
		bad |= fmap(a + 12 * PG, PG, PROT_READ | MAP_FIXED_NOREPLACE) != a + 12 * PG;
		bad |= *(volatile uint64_t *)(a + 12 * PG) != 0;
		bad |= mprot(a + 2 * PG, 2 * PG, PROT_READ) != 0;
		bad |= mprot(a + 5 * PG, 2 * PG, PROT_READ) != -12;  /* page 6 is a hole */
		bad |= *(volatile uint64_t *)(a + 3 * PG) != 103;
		out(bad ? "partial unmaps WRONG\n" : "partial unmaps ok\n");
		if (n) {
			hex((uint64_t)a + 6 * PG);
			out("\n");
			return (int)*(volatile uint64_t *)(a + 6 * PG);
		}
		return bad;
	}
	if (streq(cmd, "sleep")) {
		struct { int64_t sec; int32_t nsec; int32_t pad; } ts = { 1000, 0, 0 };
		sc(SYS_NANOSLEEP, (long)&ts, 0, 0, 0, 0);
		out("woke up\n");
		return 0;
	}
	if (streq(cmd, "pairs") || streq(cmd, "live")) {
		/* Benchmarks (bench/bench.sh): n fmap+funmap pairs; or n live
		 * page mappings, then 1000 pairs while they are live. */
		int live = streq(cmd, "live");
		int64_t t0 = now(4);
		for (long i = 0; live && i < n && i < 20000; i++) {
			addrs[i] = (uint64_t)fmap(0, PG, PROT_READ | PROT_WRITE);
			if ((long)addrs[i] < 0)
				return 1;
			*(volatile uint64_t *)addrs[i] = 1;
		}
		int64_t t1 = now(4);
		long pairs = live ? 1000 : n;
		for (long i = 0; i < pairs; i++) {
			long a = fmap(0, PG, PROT_READ | PROT_WRITE);
			if (a < 0 || funmap(a, PG))
				return 1;
		}
		int64_t t2 = now(4);
		if (live) {
			out("map_ns_per_call ");
			dec((t1 - t0) / (n ? n : 1));
			out("\n");
		}
		out("pairs_per_s ");
		dec((long)(pairs * 1000000000 / (t2 - t1 > 0 ? t2 - t1 : 1)));
		out("\n");
		return 0;
	}
	return -1;
}

int main(int argc, char **argv, char **envp)
{
	const char *cmd = argc > 1 ? argv[1] : "hello";
	if (streq(cmd, "hello")) {
		out("hello, redox\n");
		return 0;
	}
	if (streq(cmd, "exit"))
		exit_raw(argc > 2 ? (uint64_t)num(argv[2]) : 0);
	if (streq(cmd, "args")) {
		for (int i = 0; i < argc; i++) {
			out(argv[i]);
			out("\n");
		}
		out("--env--\n");
		for (char **e = envp; *e; e++) {
			out(*e);
			out("\n");
		}
		return 0;
	}
	if (streq(cmd, "auxv")) {
		for (uint64_t *a = auxv; ; a += 2) {
			dec((long)a[0]);
			out(" ");
			hex(a[1]);
			out("\n");
			if (!a[0])
				break;
		}
		return 0;
	}
	if (streq(cmd, "ehdr")) {
		extern const char __ehdr_start[];
		hex((uint64_t)__ehdr_start);
		out("\n");
		return 0;
	}
	if (streq(cmd, "regs"))
		return regs();
	if (streq(cmd, "tp"))
		return tp();
	if (streq(cmd, "mem"))
		return mem();
	if (streq(cmd, "futex"))
		return futex();
	if (streq(cmd, "clock"))
		return clock();
	if (streq(cmd, "clobber"))
		return clobber();
	if (streq(cmd, "hostfd"))
		return hostfd();
	if (streq(cmd, "enosys")) {
		dec(sc(0x12345, 1, 2, 3, 4, 5));
		out("\n");
		return 0;
	}
	if (streq(cmd, "protfault")) {
		long a = fmap(0, 4096, PROT_READ | PROT_WRITE);
		fault_store((uint64_t *)a);
		out("first store ok\n");
		sc(SYS_MPROTECT, a, 4096, PROT_READ, 0, 0);
		fault_store((uint64_t *)a);
		out("second store did not fault\n");
		return 1;
	}
	if (streq(cmd, "ill"))
		trap_insn();
	if (streq(cmd, "brk"))
		brk_insn();
	if (streq(cmd, "spin"))
		spin();
	if (streq(cmd, "ppid")) {
		uint64_t meta[1] = { 12 };
		dec(sc(SYS_CALL, (long)proc_fd, 0, 0, 1, (long)meta));
		out("\n");
		return 0;
	}
	int h = hostile(argc, argv);
	if (h >= 0)
		return h;
	out("unknown command\n");
	return 2;
}

/* The stack layout of redox-abi.md §1: argc, argv, NULL, envp, NULL, auxv. */
__attribute__((noreturn)) void cmain(uint64_t *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;
	char **e = envp;
	while (*e)
		e++;
	auxv = (uint64_t *)(e + 1);
	for (uint64_t *a = auxv; a[0]; a += 2) {
		if (a[0] == 41)
			proc_fd = a[1];
		if (a[0] == 42)
			thr_fd = a[1];
	}
	exit_raw((uint64_t)main(argc, argv, envp));
}
