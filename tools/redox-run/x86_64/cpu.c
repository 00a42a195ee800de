// SPDX-License-Identifier: MIT
#include <inttypes.h>
#include <signal.h>

#include "../rr.h"

static const int gpr[16] = {
	UC_X86_REG_RAX, UC_X86_REG_RCX, UC_X86_REG_RDX, UC_X86_REG_RBX,
	UC_X86_REG_RSP, UC_X86_REG_RBP, UC_X86_REG_RSI, UC_X86_REG_RDI,
	UC_X86_REG_R8, UC_X86_REG_R9, UC_X86_REG_R10, UC_X86_REG_R11,
	UC_X86_REG_R12, UC_X86_REG_R13, UC_X86_REG_R14, UC_X86_REG_R15,
};
static const char *const gpr_name[16] = {
	"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

static uint64_t rd(struct rr *rr, int reg)
{
	uint64_t v = 0;
	uc_reg_read(rr->uc, reg, &v);
	return v;
}

static void wr(struct rr *rr, int reg, uint64_t v)
{
	uc_reg_write(rr->uc, reg, &v);
}

static void on_syscall(uc_engine *uc, void *user)
{
	struct rr *rr = user;
	/* A fault earlier in this translation block (in/out) already ended
	 * the guest: the syscall must not run. */
	if (rr->stop) {
		uc_emu_stop(uc);
		return;
	}
	uint64_t a[6] = { rd(rr, UC_X86_REG_RDI), rd(rr, UC_X86_REG_RSI), rd(rr, UC_X86_REG_RDX),
			  rd(rr, UC_X86_REG_R10), rd(rr, UC_X86_REG_R8), rd(rr, UC_X86_REG_R9) };
	rr->in_syscall = 1;
	uint64_t r = rr_syscall(rr, rd(rr, UC_X86_REG_RAX), a);
	rr->in_syscall = 0;
	wr(rr, UC_X86_REG_RAX, r);
	/* Unicorn leaves rcx/r11 alone; sysretq hardware does not (redox-abi.md §3).
	 * Here rip is still the syscall instruction and Unicorn adds its length
	 * after the hook returns. */
	wr(rr, UC_X86_REG_RCX, rd(rr, UC_X86_REG_RIP) + 2);
	wr(rr, UC_X86_REG_R11, rd(rr, UC_X86_REG_RFLAGS));
	/* The thread waits or ended: the scheduler goes on (sched.c). */
	if (rr->resched) {
		uc_emu_stop(uc);
		return;
	}
	/* A signal the guest sent itself: continue in its trampoline
	 * (signal.c); rflags is the saved arch register. */
	uint64_t pc = rd(rr, UC_X86_REG_RIP) + 2;
	if (!rr->stop && rr_signal_deliver(rr, &pc, rd(rr, UC_X86_REG_RFLAGS))) {
		wr(rr, UC_X86_REG_RIP, pc - 2);
		rr->resume = 1;
	}
	if (rr->stop || rr->resume)
		uc_emu_stop(uc);
}

/* rdfsbase/rdgsbase/wrfsbase/wrgsbase: F3 [REX] 0F AE /0../3 with mod = 3.
 * Unicorn 2.0.1 rejects them whatever CR4.FSGSBASE says; Redox enables it.
 * The bytes are fetched one at a time, only as far as the encoding goes,
 * so an instruction ending at the last byte of a page decodes. */
static int fetch(struct rr *rr, uint64_t at, uint8_t *b)
{
	return rr_vm_check(rr, at, 1, RR_PROT_X) && uc_mem_read(rr->uc, at, b, 1) == UC_ERR_OK;
}

static bool on_invalid(uc_engine *uc, void *user)
{
	struct rr *rr = user;
	(void)uc;
	uint64_t rip = rd(rr, UC_X86_REG_RIP);
	uint8_t b[5];
	unsigned rex = 0, i = 1;
	if (fetch(rr, rip, &b[0]) && b[0] == 0xF3 && fetch(rr, rip + 1, &b[1])) {
		if ((b[1] & 0xF0) == 0x40) {
			rex = b[1];
			i = 2;
			if (!fetch(rr, rip + 2, &b[2]))
				goto bad;
		}
		if (b[i] == 0x0F && fetch(rr, rip + i + 1, &b[i + 1]) && b[i + 1] == 0xAE &&
		    fetch(rr, rip + i + 2, &b[i + 2]) && (b[i + 2] >> 6) == 3 && ((b[i + 2] >> 3) & 7) < 4) {
			unsigned op = (b[i + 2] >> 3) & 7;
			int reg = gpr[(b[i + 2] & 7) | (rex & 1 ? 8 : 0)];
			int base = op & 1 ? UC_X86_REG_GS_BASE : UC_X86_REG_FS_BASE;
			int wide = rex & 8;
			if (op < 2) {
				uint64_t v = rd(rr, base);
				wr(rr, reg, wide ? v : (uint32_t)v);
			} else {
				uint64_t v = rd(rr, reg);
				wr(rr, base, wide ? v : (uint32_t)v);
			}
			wr(rr, UC_X86_REG_RIP, rip + i + 3);
			rr->resume = 1;
			return true;
		}
	}
bad:
	rr_fault(rr, SIGILL, rip, 1, "invalid instruction");
	return false;
}

/* in/out: at CPL 3 with IOPL 0 they raise #GP on hardware; Unicorn 2.0.1
 * runs them anyway (it has no TSS I/O permission check), so the hooks
 * fault. The rest of the translation block may still run (registers in
 * the dump can be past the in/out), but no syscall does (on_syscall). */
static uint32_t on_in(uc_engine *uc, uint32_t port, int size, void *user)
{
	struct rr *rr = user;
	(void)size;
	rr_fault(rr, SIGSEGV, rd(rr, UC_X86_REG_RIP), 1,
		 "general protection fault (in from port 0x%x at CPL 3)", port);
	uc_emu_stop(uc);
	return 0;
}

static void on_out(uc_engine *uc, uint32_t port, int size, uint32_t value, void *user)
{
	struct rr *rr = user;
	(void)size; (void)value;
	rr_fault(rr, SIGSEGV, rd(rr, UC_X86_REG_RIP), 1,
		 "general protection fault (out to port 0x%x at CPL 3)", port);
	uc_emu_stop(uc);
}

static void on_intr(uc_engine *uc, uint32_t intno, void *user)
{
	struct rr *rr = user;
	uint64_t rip = rd(rr, UC_X86_REG_RIP);
	switch (intno) {
	case 3: rr_fault(rr, SIGTRAP, rip - 1, 1, "breakpoint (int3)"); break;
	case 0: rr_fault(rr, SIGFPE, rip, 1, "divide error"); break;
	case 6: rr_fault(rr, SIGILL, rip, 1, "invalid instruction"); break;
	case 13: rr_fault(rr, SIGSEGV, rip, 1, "general protection fault (a privileged instruction at CPL 3, or a bad address)"); break;
	case 14: rr_fault(rr, SIGSEGV, rip, 1, "page fault"); break;
	default: rr_fault(rr, SIGILL, rip, 1, "interrupt %u", intno); break;
	}
	uc_emu_stop(uc);
}

/* Privilege: Unicorn starts at CPL 0, where cli, wrmsr, mov %cr3, lgdt
 * and hlt all succeed. Like a kernel, we enter the program with iretq
 * from CPL 0 to CPL 3 (Intel SDM vol. 3 §6.14.3): a GDT with 64-bit user
 * code and data descriptors (DPL 3) and the iretq live in one read-only
 * page above the 47-bit guest address space, outside anything the guest
 * can map. Selectors follow the layout sysretq imposes (user data at
 * STAR.SYSRET_CS + 8, user code at + 16), here 0x2b and 0x33. */
#define PRIV_PAGE  RR_STACK_TOP
#define USER_DS    0x2b
#define USER_CS    0x33

static int drop_to_cpl3(struct rr *rr, uint64_t entry, uint64_t sp, uint64_t rflags)
{
	uint64_t page[RR_PAGE / 8] = { 0 };
	page[1] = 0x00AF9B000000FFFFull;   /* 0x08: kernel code, 64-bit, DPL 0 */
	page[2] = 0x00CF93000000FFFFull;   /* 0x10: kernel data */
	page[5] = 0x00CFF3000000FFFFull;   /* 0x28: user data, DPL 3, accessed */
	page[6] = 0x00AFFB000000FFFFull;   /* 0x30: user code, 64-bit, DPL 3, accessed */
	uint64_t *frame = &page[32];       /* iretq pops rip, cs, rflags, rsp, ss */
	frame[0] = entry;
	frame[1] = USER_CS;
	frame[2] = rflags;
	frame[3] = sp;
	frame[4] = USER_DS;
	((uint8_t *)page)[0x200] = 0x48;   /* iretq */
	((uint8_t *)page)[0x201] = 0xCF;
	uc_x86_mmr gdtr = { 0, PRIV_PAGE, 7 * 8 - 1, 0 };
	uint64_t rsp = PRIV_PAGE + 32 * 8, cs = 0;
	if (uc_mem_map(rr->uc, PRIV_PAGE, RR_PAGE, UC_PROT_READ | UC_PROT_EXEC) ||
	    uc_mem_write(rr->uc, PRIV_PAGE, page, sizeof page) ||
	    uc_reg_write(rr->uc, UC_X86_REG_GDTR, &gdtr) ||
	    uc_reg_write(rr->uc, UC_X86_REG_RSP, &rsp) ||
	    uc_emu_start(rr->uc, PRIV_PAGE + 0x200, entry, 0, 0))
		return -1;
	/* The block translated at entry as the stop of that run must not be
	 * reused as the program's first block. */
	uc_ctl_remove_cache(rr->uc, entry, entry + 1);
	uc_reg_read(rr->uc, UC_X86_REG_CS, &cs);
	return rd(rr, UC_X86_REG_RIP) == entry && rd(rr, UC_X86_REG_RSP) == sp &&
	       (cs & 0xffff) == USER_CS ? 0 : -1;
}

static int setup(struct rr *rr, uint64_t entry, uint64_t sp)
{
	/* Every register but rip/rsp is whatever the exec'ing program left
	 * (redox-abi.md §1 "Registers at entry"): distinct non-zero garbage,
	 * non-canonical so that using one as a pointer faults. */
	for (int i = 0; i < 16; i++)
		wr(rr, gpr[i], 0xBAD0000000000000ull | (uint64_t)(i + 1) * 0x0101010101ull);
	uint64_t rflags = 0x202;
	wr(rr, UC_X86_REG_RFLAGS, rflags);
	wr(rr, UC_X86_REG_RAX, 0);          /* close() returned 0 */
	wr(rr, UC_X86_REG_RCX, entry);      /* sysretq: rcx = rip, r11 = rflags */
	wr(rr, UC_X86_REG_R11, rflags);
	if (drop_to_cpl3(rr, entry, sp, rflags))
		return -1;
	wr(rr, UC_X86_REG_FS_BASE, 0);
	wr(rr, UC_X86_REG_GS_BASE, 0);
	/* Inherited, non-default FP control: round toward zero, FTZ+DAZ, and a
	 * 53-bit x87 precision, so a _start that skips its resets is caught. */
	uint64_t mxcsr = 0x7F80 | 0x8040, fcw = 0x0272;
	wr(rr, UC_X86_REG_MXCSR, mxcsr);
	wr(rr, UC_X86_REG_FPCW, fcw);
	uc_hook h;
	if (uc_hook_add(rr->uc, &h, UC_HOOK_INSN, on_syscall, rr, 1, 0, UC_X86_INS_SYSCALL) ||
	    uc_hook_add(rr->uc, &h, UC_HOOK_INSN, on_in, rr, 1, 0, UC_X86_INS_IN) ||
	    uc_hook_add(rr->uc, &h, UC_HOOK_INSN, on_out, rr, 1, 0, UC_X86_INS_OUT) ||
	    uc_hook_add(rr->uc, &h, UC_HOOK_INSN_INVALID, on_invalid, rr, 1, 0) ||
	    uc_hook_add(rr->uc, &h, UC_HOOK_INTR, on_intr, rr, 1, 0))
		return -1;
	return 0;
}

static uint64_t pc(struct rr *rr) { return rd(rr, UC_X86_REG_RIP); }
static uint64_t sp(struct rr *rr) { return rd(rr, UC_X86_REG_RSP); }
static uint64_t fp(struct rr *rr) { return rd(rr, UC_X86_REG_RBP); }

static int resume_after_stop(struct rr *rr)
{
	(void)rr;
	return 0;   /* hlt at CPL 3 is #GP, seen by on_intr */
}

static void get_env(struct rr *rr, uint64_t v[2])
{
	v[0] = rd(rr, UC_X86_REG_FS_BASE);
	v[1] = rd(rr, UC_X86_REG_GS_BASE);
}

static void set_env(struct rr *rr, const uint64_t v[2])
{
	wr(rr, UC_X86_REG_FS_BASE, v[0]);
	wr(rr, UC_X86_REG_GS_BASE, v[1]);
}

static void set_ret(struct rr *rr, uint64_t v) { wr(rr, UC_X86_REG_RAX, v); }
static uint64_t sig_archdep(struct rr *rr) { return rd(rr, UC_X86_REG_RFLAGS); }

/* A new thread's registers (docs/redox-run-threads.md "Registers"): the
 * kernel's new context has zeroed general registers, fsbase/gsbase 0 and a
 * zeroed FP save area (so MXCSR 0; XRSTOR gives the x87 its init state,
 * FCW 0x37F); the process manager sets ip, sp and, for fork, arg1 (rdi).
 * relibc's __relibc_internal_rlct_clone_ret loads MXCSR and FCW itself. */
static int thread_regs(struct rr *rr, uc_context *ctx, uint64_t ip, uint64_t sp, uint64_t arg1)
{
	uint64_t z = 0, fl = 0x202, fcw = 0x37F, xmm[2] = { 0, 0 };
	int err = 0;
	if (uc_context_save(rr->uc, ctx) != UC_ERR_OK)
		return -1;
	for (int i = 0; i < 16; i++)
		err |= uc_context_reg_write(ctx, gpr[i], &z);
	for (int i = 0; i < 16; i++)
		err |= uc_context_reg_write(ctx, UC_X86_REG_XMM0 + i, xmm);
	err |= uc_context_reg_write(ctx, UC_X86_REG_RDI, &arg1);
	err |= uc_context_reg_write(ctx, UC_X86_REG_RSP, &sp);
	err |= uc_context_reg_write(ctx, UC_X86_REG_RIP, &ip);
	err |= uc_context_reg_write(ctx, UC_X86_REG_RFLAGS, &fl);
	err |= uc_context_reg_write(ctx, UC_X86_REG_FS_BASE, &z);
	err |= uc_context_reg_write(ctx, UC_X86_REG_GS_BASE, &z);
	err |= uc_context_reg_write(ctx, UC_X86_REG_MXCSR, &z);
	err |= uc_context_reg_write(ctx, UC_X86_REG_FPCW, &fcw);
	return err ? -1 : 0;
}

static void dump(struct rr *rr, FILE *f)
{
	for (int i = 0; i < 16; i++)
		fprintf(f, "  %-3s %016" PRIx64 "%s", gpr_name[i], rd(rr, gpr[i]), i % 4 == 3 ? "\n" : "");
	fprintf(f, "  rip %016" PRIx64 "  rflags %08" PRIx64 "  fs_base %016" PRIx64 "\n",
		rd(rr, UC_X86_REG_RIP), rd(rr, UC_X86_REG_RFLAGS), rd(rr, UC_X86_REG_FS_BASE));
}

const struct rr_arch_ops rr_x86_64_ops = {
	.name = "x86_64", .uc_arch = UC_ARCH_X86, .uc_mode = UC_MODE_64,
	.setup = setup, .pc = pc, .sp = sp, .fp = fp, .get_env = get_env,
	.set_env = set_env, .dump = dump, .resume_after_stop = resume_after_stop,
	.sp_mod16_at_call = 8,
	.set_ret = set_ret, .sig_archdep = sig_archdep, .thread_regs = thread_regs,
	.reg_env = { UC_X86_REG_FS_BASE, UC_X86_REG_GS_BASE },
};
