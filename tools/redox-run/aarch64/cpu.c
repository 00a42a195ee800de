// SPDX-License-Identifier: MIT
#include <inttypes.h>
#include <signal.h>

#include "../rr.h"

/* Unicorn exception numbers seen by UC_HOOK_INTR (QEMU's EXCP_*). */
#define EXCP_UDEF 1
#define EXCP_SWI  2
#define EXCP_BKPT 7

static int xreg(int i)
{
	return i < 29 ? UC_ARM64_REG_X0 + i : i == 29 ? UC_ARM64_REG_X29 : UC_ARM64_REG_X30;
}

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

static void on_intr(uc_engine *uc, uint32_t intno, void *user)
{
	struct rr *rr = user;
	uint64_t pc = rd(rr, UC_ARM64_REG_PC);
	if (intno == EXCP_SWI) {
		/* svc #0: x8 = number, x0..x5 = args, result in x0; pc is already
		 * past the svc (redox-abi.md §3). */
		uint64_t a[6];
		for (int i = 0; i < 6; i++)
			a[i] = rd(rr, xreg(i));
		rr->in_syscall = 1;
		uint64_t r = rr_syscall(rr, rd(rr, UC_ARM64_REG_X8), a);
		rr->in_syscall = 0;
		wr(rr, UC_ARM64_REG_X0, r);
		/* The thread waits or ended: the scheduler goes on (sched.c). */
		if (rr->resched) {
			uc_emu_stop(uc);
			return;
		}
		/* A signal the guest sent itself: continue in its trampoline
		 * (signal.c); x0 is the saved arch register. */
		uint64_t pc = rd(rr, UC_ARM64_REG_PC);
		if (!rr->stop && rr_signal_deliver(rr, &pc, r)) {
			wr(rr, UC_ARM64_REG_PC, pc);
			rr->resume = 1;
		}
		if (rr->stop || rr->resume)
			uc_emu_stop(uc);
		return;
	}
	if (intno == EXCP_BKPT)
		rr_fault(rr, SIGTRAP, pc, 1, "breakpoint (brk)");
	else if (intno == EXCP_UDEF)
		rr_fault(rr, SIGILL, pc, 1, "undefined instruction");
	else
		rr_fault(rr, SIGILL, pc, 1, "exception %u", intno);
	uc_emu_stop(uc);
}

/* Privilege: Unicorn starts at EL1, where mrs sctlr_el1, msr daifset,
 * tlbi and eret all work. Like a kernel, we enter the program with eret
 * from EL1 to EL0t (Arm ARM D1.11 "Exception return"): SPSR_EL1 = 0
 * (EL0t, DAIF clear), ELR_EL1 = entry, SP_EL0 = sp; the eret runs from a
 * page above the 47-bit guest address space that is unmapped afterwards.
 * SCTLR_EL1 keeps Unicorn's reset value 0x00c50838: at EL0 wfi/wfe are
 * not trapped (nTWI/nTWE set), dc zva and mrs ctr_el0 are (DZE/UCT clear). */
#define PRIV_PAGE RR_STACK_TOP

static int drop_to_el0(struct rr *rr, uint64_t entry, uint64_t sp)
{
	uint32_t eret = 0xd69f03e0;
	uc_arm64_cp_reg spsr = { .crn = 4, .crm = 0, .op0 = 3, .op1 = 0, .op2 = 0, .val = 0 };
	uint64_t pstate = 1;
	if (uc_mem_map(rr->uc, PRIV_PAGE, RR_PAGE, UC_PROT_READ | UC_PROT_EXEC) ||
	    uc_mem_write(rr->uc, PRIV_PAGE, &eret, sizeof eret) ||
	    uc_reg_write(rr->uc, UC_ARM64_REG_CP_REG, &spsr) ||
	    uc_reg_write(rr->uc, UC_ARM64_REG_ELR_EL1, &entry) ||
	    uc_reg_write(rr->uc, UC_ARM64_REG_SP_EL0, &sp) ||
	    uc_emu_start(rr->uc, PRIV_PAGE, entry, 0, 0) ||
	    uc_ctl_remove_cache(rr->uc, entry, entry + 1) ||
	    uc_mem_unmap(rr->uc, PRIV_PAGE, RR_PAGE))
		return -1;
	uc_reg_read(rr->uc, UC_ARM64_REG_PSTATE, &pstate);
	return rd(rr, UC_ARM64_REG_PC) == entry && rd(rr, UC_ARM64_REG_SP) == sp &&
	       (pstate & 0xf) == 0 ? 0 : -1;
}

static int setup(struct rr *rr, uint64_t entry, uint64_t sp)
{
	/* x0 = 0 (close's result); x1..x30 are left over from the exec'ing
	 * program (redox-abi.md §1), so fill them with distinct garbage. */
	for (int i = 1; i <= 30; i++)
		wr(rr, xreg(i), 0xBAD0000000000000ull | (uint64_t)i * 0x0101010101ull);
	wr(rr, UC_ARM64_REG_X0, 0);
	/* FP/SIMD at EL0 and EL1 (CPACR_EL1.FPEN = 0b11), as Redox allows. */
	wr(rr, UC_ARM64_REG_CPACR_EL1, 3u << 20);
	if (drop_to_el0(rr, entry, sp))
		return -1;
	/* Inherited FPCR: flush-to-zero and round toward zero. */
	wr(rr, UC_ARM64_REG_FPCR, (1u << 24) | (3u << 22));
	wr(rr, UC_ARM64_REG_TPIDR_EL0, 0);
	wr(rr, UC_ARM64_REG_TPIDRRO_EL0, 0);
	uc_hook h;
	if (uc_hook_add(rr->uc, &h, UC_HOOK_INTR, on_intr, rr, 1, 0))
		return -1;
	return 0;
}

static uint64_t pc(struct rr *rr) { return rd(rr, UC_ARM64_REG_PC); }
static uint64_t sp(struct rr *rr) { return rd(rr, UC_ARM64_REG_SP); }
static uint64_t fp(struct rr *rr) { return rd(rr, UC_ARM64_REG_X29); }

/* wfi ends uc_emu_start (QEMU halts the CPU until an interrupt that never
 * comes); at EL0 with SCTLR_EL1.nTWI set it is a hint, so go on. */
static int resume_after_stop(struct rr *rr)
{
	uint64_t pc = rd(rr, UC_ARM64_REG_PC);
	uint32_t insn;
	return pc >= 4 && rr_vm_check(rr, pc - 4, 4, RR_PROT_X) &&
	       uc_mem_read(rr->uc, pc - 4, &insn, 4) == UC_ERR_OK && insn == 0xd503207f;
}

static void get_env(struct rr *rr, uint64_t v[2])
{
	v[0] = rd(rr, UC_ARM64_REG_TPIDR_EL0);
	v[1] = rd(rr, UC_ARM64_REG_TPIDRRO_EL0);
}

static void set_env(struct rr *rr, const uint64_t v[2])
{
	wr(rr, UC_ARM64_REG_TPIDR_EL0, v[0]);
	wr(rr, UC_ARM64_REG_TPIDRRO_EL0, v[1]);
}

static void set_ret(struct rr *rr, uint64_t v) { wr(rr, UC_ARM64_REG_X0, v); }
static uint64_t sig_archdep(struct rr *rr) { return rd(rr, UC_ARM64_REG_X0); }

/* A new thread's registers (docs/redox-run-threads.md "Registers"): the
 * kernel's new context has zeroed x0-x30, tpidr_el0/tpidrro_el0 0 and a
 * zeroed FP save area (v0-v31, FPCR, FPSR); the process manager sets pc, sp
 * and, for fork, arg1 (x0). */
static int thread_regs(struct rr *rr, uc_context *ctx, uint64_t ip, uint64_t sp, uint64_t arg1)
{
	uint64_t z = 0, v[2] = { 0, 0 };
	int err = 0;
	if (uc_context_save(rr->uc, ctx) != UC_ERR_OK)
		return -1;
	for (int i = 0; i <= 30; i++)
		err |= uc_context_reg_write(ctx, xreg(i), &z);
	for (int i = 0; i < 32; i++)
		err |= uc_context_reg_write(ctx, UC_ARM64_REG_V0 + i, v);
	err |= uc_context_reg_write(ctx, UC_ARM64_REG_X0, &arg1);
	err |= uc_context_reg_write(ctx, UC_ARM64_REG_SP, &sp);
	err |= uc_context_reg_write(ctx, UC_ARM64_REG_PC, &ip);
	err |= uc_context_reg_write(ctx, UC_ARM64_REG_TPIDR_EL0, &z);
	err |= uc_context_reg_write(ctx, UC_ARM64_REG_TPIDRRO_EL0, &z);
	err |= uc_context_reg_write(ctx, UC_ARM64_REG_FPCR, &z);
	err |= uc_context_reg_write(ctx, UC_ARM64_REG_FPSR, &z);
	return err ? -1 : 0;
}

static void dump(struct rr *rr, FILE *f)
{
	for (int i = 0; i <= 30; i++)
		fprintf(f, "  x%-2d %016" PRIx64 "%s", i, rd(rr, xreg(i)), i % 4 == 3 ? "\n" : "");
	fprintf(f, "\n  sp  %016" PRIx64 "  pc  %016" PRIx64 "  tpidr_el0 %016" PRIx64 "\n",
		rd(rr, UC_ARM64_REG_SP), rd(rr, UC_ARM64_REG_PC), rd(rr, UC_ARM64_REG_TPIDR_EL0));
}

const struct rr_arch_ops rr_aarch64_ops = {
	.name = "aarch64", .uc_arch = UC_ARCH_ARM64, .uc_mode = UC_MODE_ARM,
	.setup = setup, .pc = pc, .sp = sp, .fp = fp, .get_env = get_env,
	.set_env = set_env, .dump = dump, .resume_after_stop = resume_after_stop,
	.sp_mod16_at_call = 0,
	.set_ret = set_ret, .sig_archdep = sig_archdep, .thread_regs = thread_regs,
	.reg_env = { UC_ARM64_REG_TPIDR_EL0, UC_ARM64_REG_TPIDRRO_EL0 },
};
