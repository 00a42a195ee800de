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
	(void)uc;
	uint64_t a[6] = { rd(rr, UC_X86_REG_RDI), rd(rr, UC_X86_REG_RSI), rd(rr, UC_X86_REG_RDX),
			  rd(rr, UC_X86_REG_R10), rd(rr, UC_X86_REG_R8), rd(rr, UC_X86_REG_R9) };
	uint64_t r = rr_syscall(rr, rd(rr, UC_X86_REG_RAX), a);
	wr(rr, UC_X86_REG_RAX, r);
	/* Unicorn leaves rcx/r11 alone; sysretq hardware does not (redox-abi.md §3).
	 * Here rip is still the syscall instruction and Unicorn adds its length
	 * after the hook returns. */
	wr(rr, UC_X86_REG_RCX, rd(rr, UC_X86_REG_RIP) + 2);
	wr(rr, UC_X86_REG_R11, rd(rr, UC_X86_REG_RFLAGS));
	if (rr->stop)
		uc_emu_stop(uc);
}

/* rdfsbase/rdgsbase/wrfsbase/wrgsbase: F3 [REX] 0F AE /0../3 with mod = 3.
 * Unicorn 2.0.1 rejects them whatever CR4.FSGSBASE says; Redox enables it. */
static bool on_invalid(uc_engine *uc, void *user)
{
	struct rr *rr = user;
	uint64_t rip = rd(rr, UC_X86_REG_RIP);
	uint8_t b[5];
	if (uc_mem_read(uc, rip, b, sizeof b) == UC_ERR_OK && b[0] == 0xF3) {
		unsigned rex = 0, i = 1;
		if ((b[1] & 0xF0) == 0x40)
			rex = b[i++];
		if (b[i] == 0x0F && b[i + 1] == 0xAE && (b[i + 2] >> 6) == 3 && ((b[i + 2] >> 3) & 7) < 4) {
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
	rr_fault(rr, SIGILL, rip, 1, "invalid instruction");
	return false;
}

static void on_intr(uc_engine *uc, uint32_t intno, void *user)
{
	struct rr *rr = user;
	uint64_t rip = rd(rr, UC_X86_REG_RIP);
	switch (intno) {
	case 3: rr_fault(rr, SIGTRAP, rip - 1, 1, "breakpoint (int3)"); break;
	case 0: rr_fault(rr, SIGFPE, rip, 1, "divide error"); break;
	case 6: rr_fault(rr, SIGILL, rip, 1, "invalid instruction"); break;
	case 13: rr_fault(rr, SIGSEGV, rip, 1, "general protection fault"); break;
	default: rr_fault(rr, SIGILL, rip, 1, "interrupt %u", intno); break;
	}
	uc_emu_stop(uc);
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
	wr(rr, UC_X86_REG_RSP, sp);
	wr(rr, UC_X86_REG_RIP, entry);
	wr(rr, UC_X86_REG_FS_BASE, 0);
	wr(rr, UC_X86_REG_GS_BASE, 0);
	/* Inherited, non-default FP control: round toward zero, FTZ+DAZ, and a
	 * 53-bit x87 precision, so a _start that skips its resets is caught. */
	uint64_t mxcsr = 0x7F80 | 0x8040, fcw = 0x0272;
	wr(rr, UC_X86_REG_MXCSR, mxcsr);
	wr(rr, UC_X86_REG_FPCW, fcw);
	uc_hook h;
	if (uc_hook_add(rr->uc, &h, UC_HOOK_INSN, on_syscall, rr, 1, 0, UC_X86_INS_SYSCALL) ||
	    uc_hook_add(rr->uc, &h, UC_HOOK_INSN_INVALID, on_invalid, rr, 1, 0) ||
	    uc_hook_add(rr->uc, &h, UC_HOOK_INTR, on_intr, rr, 1, 0))
		return -1;
	return 0;
}

static uint64_t pc(struct rr *rr) { return rd(rr, UC_X86_REG_RIP); }
static uint64_t sp(struct rr *rr) { return rd(rr, UC_X86_REG_RSP); }
static uint64_t fp(struct rr *rr) { return rd(rr, UC_X86_REG_RBP); }

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
	.set_env = set_env, .dump = dump, .sp_mod16_at_call = 8,
};
