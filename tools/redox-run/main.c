// SPDX-License-Identifier: MIT
/* redox-run: run a static Redox x86_64/aarch64 program on Linux in Unicorn. */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "fs.h"
#include "rr.h"

extern char **environ;

/* Tearing the engine down at exit costs as much as a third of an empty run
 * (make bench) and the kernel frees it all anyway; leak-checking builds
 * still do it, so what they report is real. */
#ifndef RR_TEARDOWN
#if defined(__SANITIZE_ADDRESS__)
#define RR_TEARDOWN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
#define RR_TEARDOWN 1
#endif
#endif
#endif
#ifndef RR_TEARDOWN
#define RR_TEARDOWN 0
#endif

static const char usage[] =
"usage: redox-run [options] PROGRAM [ARGS...]\n"
"Run a static Redox ELF executable (x86_64 or aarch64) on Linux under Unicorn.\n"
"The process starts in the state a Redox exec leaves (relibc fexec_impl):\n"
"argc/argv/envp/auxv on a 1 MiB stack ending at 1<<47, strings in their own\n"
"mapping, garbage in the other registers, thread pointer 0, non-default FP\n"
"control state.\n"
"\n"
"options:\n"
"  -E VAR=VAL         set VAR in the guest environment (empty by default)\n"
"  -u VAR             remove VAR from the guest environment\n"
"  --inherit-env      start from the host environment instead of an empty one\n"
"  --env-clear        drop everything set so far\n"
"  --root DIR         the guest's file system: Redox paths (/x, /scheme/file/x)\n"
"                     are DIR/x; nothing outside DIR is reachable (default: .,\n"
"                     the host's current directory)\n"
"  --cwd PATH         the guest's working directory, a Redox path inside the\n"
"                     root (AT_REDOX_INITIAL_CWD_PTR/LEN, and CWD_FD with\n"
"                     --abi=2026-08); default /\n"
"  --abi=2026-01|2026-08\n"
"                     exec state and syscall numbers: relibc of 2026-01\n"
"                     (redox_syscall 0.6.0) or of 2026-08 (0.9.x: the\n"
"                     FILETABLE/CWD/NS fds, AT_PHDR inside the image, fds\n"
"                     chosen by the program). Default: what the program's\n"
"                     redox-crt ABI note says (its sysroot's libc or\n"
"                     freestanding runtime puts it there), else 2026-01\n"
"  --drop-auxv KEY    leave auxv entry KEY (a number) out; repeatable\n"
"  --strace           one line per syscall on stderr\n"
"  --count-insns      print 'redox-run: instructions: N' at exit\n"
"  --count-until SYM  print 'redox-run: instructions until SYM: N', the number\n"
"                     of instructions run before SYM's first instruction\n"
"  --max-insns N      stop after N instructions (exit 124)\n"
"  --timeout SECONDS  stop after SECONDS of wall-clock time, also inside a\n"
"                     nanosleep or a blocking read (exit 124); e.g. 10, 0.5\n"
"  --check-abi        at main's first instruction check sp (x86_64: 8 mod 16,\n"
"                     aarch64: 0 mod 16) and that the frame-pointer chain ends\n"
"                     at 0 inside the stack; print the result and go on\n"
"  -h, --help         this text\n"
"\n"
"syscalls (numbers from syscalls/table-<version>.txt): files and directories\n"
"in the root, dup/dup2/fcntl, pipes, the file table, fmap/funmap/mprotect,\n"
"clocks, nanosleep, yield, futex, threads (pthread_create: scheduled one at a\n"
"time, switched when one waits and every 20000 translation blocks), the proc\n"
"and thread fds (exit, getppid, signal-state sync, ids, priorities), signals\n"
"the process sends itself, event queues (/scheme/event), time-scheme timeouts\n"
"(alarm, timer_create), shared memory (/scheme/shm). Not emulated (ENOSYS,\n"
"named under --strace): fork/exec/spawn, outside signals, sigqueue, itimers,\n"
"sockets, other schemes, dynamic loading.\n"
"\n"
"exit status: the guest's exit status (ProcCall::Exit, status & 0xff);\n"
"  128+signal when the guest faults (132 SIGILL, 133 SIGTRAP, 136 SIGFPE,\n"
"  139 SIGSEGV; the kind, pc and registers go to stderr);\n"
"  122 --check-abi violation, 123 deadlock (futex, pipe: no thread can\n"
"  wake the waiting ones), 124 --max-insns or\n"
"  --timeout reached,\n"
"  125 usage or internal error, 126 not a loadable Redox ELF, 127 cannot open.\n";

static int die(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int die(int code, const char *fmt, ...)
{
	va_list ap;
	fputs("redox-run: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

void rr_fault(struct rr *rr, int sig, uint64_t pc, int have_pc, const char *fmt, ...)
{
	if (rr->stop == RR_STOP_FAULT)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rr->fault_what, sizeof rr->fault_what, fmt, ap);
	va_end(ap);
	rr->stop = RR_STOP_FAULT;
	rr->fault_sig = sig;
	rr->fault_pc = pc;
	rr->fault_have_pc = have_pc;
}

static bool on_mem_invalid(uc_engine *uc, uc_mem_type type, uint64_t addr, int size,
			   int64_t value, void *user)
{
	struct rr *rr = user;
	(void)uc; (void)size; (void)value;
	const char *what;
	switch (type) {
	case UC_MEM_READ_UNMAPPED: what = "read from unmapped memory"; break;
	case UC_MEM_WRITE_UNMAPPED: what = "write to unmapped memory"; break;
	case UC_MEM_FETCH_UNMAPPED: what = "jump to unmapped memory"; break;
	case UC_MEM_WRITE_PROT: what = "write to non-writable memory"; break;
	case UC_MEM_READ_PROT: what = "read from non-readable memory"; break;
	case UC_MEM_FETCH_PROT: what = "jump to non-executable memory"; break;
	default: what = "memory fault"; break;
	}
	int fetch = type == UC_MEM_FETCH_UNMAPPED || type == UC_MEM_FETCH_PROT;
	/* Unicorn 2.0.1 on aarch64 reports the start of the translation block
	 * here, not the faulting instruction; the instruction hook, when on,
	 * knows the exact one. */
	uint64_t pc = fetch ? addr : rr->code_hook ? rr->last_pc : rr->ops->pc(rr);
	rr_fault(rr, SIGSEGV, pc, 1, "%s at 0x%" PRIx64 "%s", what, addr,
		 !fetch && !rr->code_hook && rr->img.arch == RR_ARCH_AARCH64 ?
		 " (pc is the start of the faulting block; --count-insns gives the exact instruction)" : "");
	return false;
}

static void on_code(uc_engine *uc, uint64_t addr, uint32_t size, void *user)
{
	struct rr *rr = user;
	(void)size;
	rr->last_pc = addr;
	if (rr->until_addr && addr == rr->until_addr && !rr->until_hit) {
		rr->until_hit = 1;
		fprintf(stderr, "redox-run: instructions until %s: %" PRIu64 "\n", rr->count_until, rr->insns);
	}
	if (rr->max_insns && rr->insns >= rr->max_insns) {
		rr->stop = RR_STOP_MAXINSNS;
		uc_emu_stop(uc);
		return;
	}
	rr->insns++;
}

static void on_main(uc_engine *uc, uint64_t addr, uint32_t size, void *user)
{
	struct rr *rr = user;
	(void)size;
	if (rr->abi_checked || addr != rr->main_addr)
		return;
	rr->abi_checked = 1;
	uint64_t sp = rr->ops->sp(rr), fp = rr->ops->fp(rr);
	int bad = 0;
	if (sp % 16 != (uint64_t)rr->ops->sp_mod16_at_call) {
		fprintf(stderr, "redox-run: check-abi: VIOLATION at main: sp 0x%" PRIx64 " is %" PRIu64
			" mod 16, the %s call ABI wants %d\n", sp, sp % 16, rr->ops->name,
			rr->ops->sp_mod16_at_call);
		bad = 1;
	}
	unsigned frames = 0;
	while (fp && !bad) {
		uint64_t next;
		if (fp < RR_STACK_BASE || fp > RR_STACK_TOP - 16 || (fp & 7) ||
		    rr_guest_read(rr, fp, &next, 8)) {
			fprintf(stderr, "redox-run: check-abi: VIOLATION at main: frame pointer 0x%" PRIx64
				" (frame %u) is not inside the stack\n", fp, frames);
			bad = 1;
		} else if (next && next <= fp) {
			fprintf(stderr, "redox-run: check-abi: VIOLATION at main: frame 0x%" PRIx64
				" links down the stack to 0x%" PRIx64 "\n", fp, next);
			bad = 1;
		} else if (++frames > 256) {
			fprintf(stderr, "redox-run: check-abi: VIOLATION at main: frame chain longer than 256\n");
			bad = 1;
		}
		fp = next;
	}
	if (bad) {
		rr->stop = RR_STOP_ABI;
		uc_emu_stop(uc);
		return;
	}
	fprintf(stderr, "redox-run: check-abi: ok: main sp 0x%" PRIx64 " = %d mod 16, frame chain of %u frame(s) ends at 0\n",
		sp, rr->ops->sp_mod16_at_call, frames);
}

static uint64_t page_up(uint64_t v) { return (v + RR_PAGE - 1) & ~(RR_PAGE - 1); }

struct env { char **v; int n, cap; };

static void env_unset(struct env *e, const char *name, size_t len)
{
	for (int i = 0; i < e->n; i++)
		if (!strncmp(e->v[i], name, len) && e->v[i][len] == '=') {
			memmove(e->v + i, e->v + i + 1, (size_t)(e->n - i - 1) * sizeof *e->v);
			e->n--;
			i--;
		}
}

static void env_set(struct env *e, char *kv)
{
	char *eq = strchr(kv, '=');
	if (!eq || eq == kv)
		die(RR_EXIT_USAGE, "-E '%s': expected VAR=VALUE", kv);
	env_unset(e, kv, (size_t)(eq - kv));
	if (e->n + 1 >= e->cap) {
		e->cap = e->cap ? e->cap * 2 : 16;
		if (!(e->v = realloc(e->v, (size_t)e->cap * sizeof *e->v)))
			die(RR_EXIT_USAGE, "out of memory");
	}
	e->v[e->n++] = kv;
}

static uint64_t parse_u64(const char *opt, const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (*s < '0' || *s > '9' || errno || *end)
		die(RR_EXIT_USAGE, "%s '%s': not a number; give a decimal or 0x-prefixed count", opt, s);
	return v;
}

/* SECONDS: digits, optionally a fraction (up to ns), not 0, at most a day. */
static uint64_t parse_seconds(const char *opt, const char *s)
{
	uint64_t ns = 0, scale = 1000000000u;
	const char *p = s;
	int digits = 0;
	for (; *p >= '0' && *p <= '9' && ns <= 86400ull * 1000000000u; p++, digits++)
		ns = ns * 10 + (uint64_t)(*p - '0');
	ns *= 1000000000u;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++)
			if (scale /= 10)
				ns += (uint64_t)(*p - '0') * scale;
	if (!digits || *p || ns > 86400ull * 1000000000u || !ns)
		die(RR_EXIT_USAGE, "%s '%s': give a number of seconds between 0.001 and 86400 (e.g. 10 or 0.5)", opt, s);
	return ns;
}

static void load_file(struct rr *rr, const char *path)
{
	struct rl_file f;
	char err[256];
	enum rl_read_status st = rl_read(path, &f, err, sizeof err);
	if (st != RL_OK)
		die(st == RL_TOOBIG ? RR_EXIT_BADELF : RR_EXIT_NOENT, "%s: %s", path, err);
	rr->file = f.buf;
	rr->file_len = f.len;
}

/* --timeout: SIGALRM stops the engine; a guest blocked in a host call
 * (nanosleep, read) cannot be stopped there, so it ends here. */
static struct rr *alarm_rr;

static void on_alarm(int sig)
{
	(void)sig;
	struct rr *rr = alarm_rr;
	if (rr->in_syscall) {
		static const char m1[] = "redox-run: ", m2[] = ": stopped by --timeout during a syscall\n";
		if (write(2, m1, sizeof m1 - 1) < 0 || write(2, rr->prog, strlen(rr->prog)) < 0 ||
		    write(2, m2, sizeof m2 - 1) < 0)
			_exit(RR_EXIT_MAXINSNS);
		_exit(RR_EXIT_MAXINSNS);
	}
	rr->timed_out = 1;
	uc_emu_stop(rr->uc);
}

static void start_timer(struct rr *rr)
{
	if (!rr->timeout_ns)
		return;
	alarm_rr = rr;
	struct sigaction sa = { .sa_handler = on_alarm };  /* no SA_RESTART */
	sigemptyset(&sa.sa_mask);
	struct itimerval it = { .it_value = { (time_t)(rr->timeout_ns / 1000000000u),
					      (suseconds_t)(rr->timeout_ns % 1000000000u / 1000u) } };
	if (!it.it_value.tv_sec && !it.it_value.tv_usec)
		it.it_value.tv_usec = 1;
	if (sigaction(SIGALRM, &sa, NULL) || setitimer(ITIMER_REAL, &it, NULL))
		die(RR_EXIT_USAGE, "--timeout: cannot start a timer: %s", strerror(errno));
}

static int run(struct rr *rr)
{
	uint64_t pc = rr->img.entry;
	for (int restarts = 0;; restarts++) {
		uc_err err = uc_emu_start(rr->uc, pc, UINT64_MAX, 0, 0);
		if (rr->timed_out && !rr->stop)
			rr->stop = RR_STOP_TIMEOUT;
		if (rr->stop)
			break;
		/* A thread waits, yields, ended or used up its slice (sched.c). */
		if (rr->resched) {
			if (rr_sched_next(rr, &pc))
				break;
			continue;
		}
		/* A hook changed pc and stopped us (emulated rdfsbase), or an
		 * instruction that ends emulation without a fault (wfi) ran. */
		if (rr->resume || (err == UC_ERR_OK && rr->ops->resume_after_stop(rr))) {
			rr->resume = 0;
			pc = rr->ops->pc(rr);
			continue;
		}
		uint64_t at = rr->ops->pc(rr);
		if (err == UC_ERR_INSN_INVALID)
			rr_fault(rr, SIGILL, at, 1, "invalid instruction");
		else if (err != UC_ERR_OK)
			rr_fault(rr, SIGSEGV, at, 1, "emulation error: %s", uc_strerror(err));
		else
			rr_fault(rr, SIGSEGV, at, 1, "emulation stopped unexpectedly");
		break;
	}
	if (rr->count_insns)
		fprintf(stderr, "redox-run: instructions: %" PRIu64 "\n", rr->insns);
	switch (rr->stop) {
	case RR_STOP_EXIT:
		return rr->exit_status;
	case RR_STOP_DEADLOCK:
		return RR_EXIT_DEADLOCK;
	case RR_STOP_MAXINSNS:
		fprintf(stderr, "redox-run: %s: stopped after %" PRIu64 " instructions (--max-insns) at pc 0x%" PRIx64 "\n",
			rr->prog, rr->insns, rr->ops->pc(rr));
		return RR_EXIT_MAXINSNS;
	case RR_STOP_TIMEOUT:
		fprintf(stderr, "redox-run: %s: stopped by --timeout after %" PRIu64 ".%03" PRIu64 " s at pc 0x%" PRIx64 "\n",
			rr->prog, rr->timeout_ns / 1000000000u, rr->timeout_ns % 1000000000u / 1000000u, rr->ops->pc(rr));
		return RR_EXIT_MAXINSNS;
	case RR_STOP_ABI:
		return RR_EXIT_ABI;
	default:
		break;
	}
	uint64_t off = 0;
	const char *sym = rr->fault_have_pc ? rr_elf_symbolize(rr->file, &rr->img, rr->fault_pc, &off) : NULL;
	const char *sname = rr->fault_sig == SIGSEGV ? "SIGSEGV" : rr->fault_sig == SIGILL ? "SIGILL" :
			    rr->fault_sig == SIGTRAP ? "SIGTRAP" : rr->fault_sig == SIGFPE ? "SIGFPE" : "signal";
	char thr[32];
	rr_thread_describe(rr, thr, sizeof thr);
	fprintf(stderr, "redox-run: %s: %s%s: %s, pc 0x%" PRIx64, rr->prog, thr, sname, rr->fault_what, rr->fault_pc);
	if (sym)
		fprintf(stderr, " <%s+0x%" PRIx64 ">", sym, off);
	fputc('\n', stderr);
	rr->ops->dump(rr, stderr);
	return 128 + rr->fault_sig;
}

int main(int argc, char **argv)
{
	struct rr rr0 = { 0 }, *rr = &rr0;
	struct env env = { 0 };
	struct rr_stack_in in = { .abi = RR_ABI_2026_01, .umask = 022 };
	int abi_given = 0;
	const char *cwd = "/", *root = ".";
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i], *val = NULL;
#define OPTARG(name) (!strcmp(a, name) ? (i + 1 < argc ? (val = argv[++i]) : \
	(die(RR_EXIT_USAGE, "%s needs an argument; see --help", name), NULL)) : \
	(!strncmp(a, name "=", sizeof name) ? (val = a + sizeof name) : NULL))
		if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(a, "-E")) {
			if (++i >= argc)
				die(RR_EXIT_USAGE, "-E needs VAR=VALUE; see --help");
			env_set(&env, argv[i]);
		} else if (!strcmp(a, "-u")) {
			if (++i >= argc)
				die(RR_EXIT_USAGE, "-u needs a variable name; see --help");
			env_unset(&env, argv[i], strlen(argv[i]));
		} else if (!strcmp(a, "--inherit-env")) {
			for (char **e = environ; *e; e++)
				if (strchr(*e, '=') && **e != '=')
					env_set(&env, *e);
		} else if (!strcmp(a, "--env-clear")) {
			env.n = 0;
		} else if (OPTARG("--cwd")) {
			cwd = val;
			if (cwd[0] != '/')
				die(RR_EXIT_USAGE, "--cwd %s: not an absolute Redox path; give one inside the root, e.g. /%s",
				    cwd, cwd);
		} else if (OPTARG("--root")) {
			root = val;
		} else if (OPTARG("--abi")) {
			abi_given = 1;
			if (!strcmp(val, "2026-01"))
				in.abi = RR_ABI_2026_01;
			else if (!strcmp(val, "2026-08"))
				in.abi = RR_ABI_2026_08;
			else
				die(RR_EXIT_USAGE, "--abi=%s: unknown; use 2026-01 or 2026-08", val);
		} else if (OPTARG("--drop-auxv")) {
			if (in.ndrop >= RR_MAX_DROP)
				die(RR_EXIT_USAGE, "--drop-auxv given more than %d times", RR_MAX_DROP);
			in.drop[in.ndrop++] = parse_u64("--drop-auxv", val);
		} else if (OPTARG("--max-insns")) {
			rr->max_insns = parse_u64("--max-insns", val);
			if (!rr->max_insns)
				die(RR_EXIT_USAGE, "--max-insns 0: give a positive count");
		} else if (OPTARG("--timeout")) {
			rr->timeout_ns = parse_seconds("--timeout", val);
		} else if (OPTARG("--count-until")) {
			rr->count_until = val;
		} else if (!strcmp(a, "--strace")) {
			rr->strace = 1;
		} else if (!strcmp(a, "--count-insns")) {
			rr->count_insns = 1;
		} else if (!strcmp(a, "--check-abi")) {
			rr->check_abi = 1;
		} else {
			die(RR_EXIT_USAGE, "unknown option '%s'; see --help", a);
		}
	}
	if (i >= argc)
		die(RR_EXIT_USAGE, "no PROGRAM given; usage: redox-run [options] PROGRAM [ARGS...]");
	rr->prog = argv[i];

	load_file(rr, rr->prog);
	char err[256];
	if (rr_elf_parse(rr->file, rr->file_len, &rr->img, err, sizeof err))
		die(RR_EXIT_BADELF, "%s: %s", rr->prog, err);
	/* No --abi: the program's ABI note says which (docs/abi-note.md);
	   without one, 2026-01. */
	char note_abi[16];
	int nk = abi_given ? -1 : rr_elf_abi_note(rr->file, rr->file_len, &rr->img, note_abi,
						  sizeof note_abi, err, sizeof err);
	if (nk > 0)
		die(RR_EXIT_BADELF, "%s: %s", rr->prog, err);
	if (nk == 0) {
		if (!strcmp(note_abi, "2026-01"))
			in.abi = RR_ABI_2026_01;
		else if (!strcmp(note_abi, "2026-08"))
			in.abi = RR_ABI_2026_08;
		else
			die(RR_EXIT_USAGE, "%s: its redox-crt ABI note names ABI '%s', which this redox-run does "
			    "not emulate; fix: run it with --abi=2026-01 or --abi=2026-08, or relink it with this "
			    "sysroot", rr->prog, note_abi);
	}
	if (rr->count_until && !(rr->until_addr = rr_elf_lookup(rr->file, &rr->img, rr->count_until)))
		die(RR_EXIT_USAGE, "%s: --count-until %s: no such symbol in the program's symbol table",
		    rr->prog, rr->count_until);
	if (rr->check_abi && !(rr->main_addr = rr_elf_lookup(rr->file, &rr->img, "main")))
		die(RR_EXIT_USAGE, "%s: --check-abi needs a 'main' symbol and the program has none (stripped?)",
		    rr->prog);
	rr->ops = rr->img.arch == RR_ARCH_X86_64 ? &rr_x86_64_ops : &rr_aarch64_ops;
	if (uc_open(rr->ops->uc_arch, rr->ops->uc_mode, &rr->uc) != UC_ERR_OK)
		die(RR_EXIT_USAGE, "cannot create a Unicorn %s engine", rr->ops->name);
	if (rr_fs_init(&rr->fs, root, err, sizeof err))
		die(RR_EXIT_USAGE, "%s", err);
	if (rr_sys_init(rr, in.abi, cwd, err, sizeof err))
		die(RR_EXIT_USAGE, "%s", err);

	/* Mapped writable, loaded, then protected: Unicorn turns every write
	 * into a read-only page into two memory commits (each rebuilds the
	 * address map and flushes the TLB), a protect is one (make bench). */
	for (unsigned r = 0; r < rr->img.nregion; r++) {
		const struct rr_region *g = &rr->img.region[r];
		if (rr_vm_map(rr, g->start, g->end - g->start, g->prot | RR_PROT_W))
			die(RR_EXIT_BADELF, "%s: cannot map 0x%" PRIx64 "-0x%" PRIx64, rr->prog, g->start, g->end);
	}
	for (unsigned s = 0; s < rr->img.nseg; s++) {
		const struct rr_seg *g = &rr->img.seg[s];
		if (g->filesz && uc_mem_write(rr->uc, g->vaddr, rr->file + g->offset, g->filesz))
			die(RR_EXIT_BADELF, "%s: cannot load segment at 0x%" PRIx64, rr->prog, g->vaddr);
	}
	for (unsigned r = 0; r < rr->img.nregion; r++) {
		const struct rr_region *g = &rr->img.region[r];
		if (!(g->prot & RR_PROT_W) && rr_vm_protect(rr, g->start, g->end - g->start, g->prot))
			die(RR_EXIT_BADELF, "%s: cannot protect 0x%" PRIx64 "-0x%" PRIx64, rr->prog, g->start, g->end);
	}
	if (rr_vm_map(rr, RR_STACK_BASE, RR_STACK_SIZE, RR_PROT_R | RR_PROT_W))
		die(RR_EXIT_USAGE, "cannot map the stack");

	/* AT_PHDR (redox-abi.md §1): R0 copies Ehdr+phdrs into a read-only
	 * mapping; from 2026-02 on it is the in-image address, 0 if none. */
	if (in.abi == RR_ABI_2026_01) {
		uint64_t sz = 64 + rr->img.phnum * rr->img.phentsize, len = page_up(sz);
		uint64_t at = rr_vm_find_free(rr, len);
		if (!at || rr_vm_map(rr, at, len, RR_PROT_R | RR_PROT_W) ||
		    uc_mem_write(rr->uc, at, rr->file, 64) ||
		    uc_mem_write(rr->uc, at + 64, rr->file + rr->img.phoff, sz - 64) ||
		    rr_vm_protect(rr, at, len, RR_PROT_R))
			die(RR_EXIT_USAGE, "cannot map the program headers");
		in.at_phdr = at + 64;
	} else {
		in.at_phdr = rr->img.phdr_vaddr;
	}
	in.phent = rr->img.phentsize;
	in.phnum = rr->img.phnum;
	in.entry = rr->img.entry;
	in.argc = argc - i;
	in.argv = argv + i;
	in.envc = env.n;
	in.envp = env.v;
	in.cwd = cwd;
	uint64_t slen = page_up(rr_strings_size(&in) + 1);
	uint64_t sbase = rr_vm_find_free(rr, slen);
	struct rr_stack_out out;
	if (!sbase || rr_vm_map(rr, sbase, slen, RR_PROT_R | RR_PROT_W))
		die(RR_EXIT_USAGE, "cannot map %" PRIu64 " bytes of argument strings", slen);
	if (rr_stack_build(&in, sbase, RR_STACK_TOP, RR_STACK_SIZE, &out))
		die(RR_EXIT_USAGE, "%s: arguments and environment do not fit in the 1 MiB stack", rr->prog);
	if (uc_mem_write(rr->uc, sbase, out.strings, out.strings_len) ||
	    uc_mem_write(rr->uc, out.sp, out.words, out.nwords * 8))
		die(RR_EXIT_USAGE, "cannot write the initial stack");

	if (rr->ops->setup(rr, rr->img.entry, out.sp))
		die(RR_EXIT_USAGE, "cannot set up the %s CPU", rr->ops->name);
	rr_stack_free(&out);
	uc_hook h;
	if (uc_hook_add(rr->uc, &h, UC_HOOK_MEM_INVALID, on_mem_invalid, rr, 1, 0))
		die(RR_EXIT_USAGE, "cannot install the memory fault hook");
	/* A per-instruction hook costs 2-4x, so only when asked for. */
	rr->code_hook = rr->count_insns || rr->until_addr || rr->max_insns;
	if (rr->code_hook && uc_hook_add(rr->uc, &h, UC_HOOK_CODE, on_code, rr, 1, 0))
		die(RR_EXIT_USAGE, "cannot install the instruction counter");
	if (rr->check_abi && uc_hook_add(rr->uc, &h, UC_HOOK_CODE, on_main, rr, rr->main_addr, rr->main_addr))
		die(RR_EXIT_USAGE, "cannot install the --check-abi hook");

	fflush(stdout);
	start_timer(rr);
	int status = run(rr);
#if RR_TEARDOWN
	rr_sys_free(rr);
	rr_fs_free(rr->fs);
	uc_close(rr->uc);
	rr_vm_free(rr);
	free(rr->file);
	free(env.v);
#endif
	return status;
}
