// SPDX-License-Identifier: MIT
// Test entry: record every register exactly as redox-run left it
// (redox-abi.md §1 "Registers at entry"), then call cmain(original sp).
// d31 holds x0 while x0 addresses the save area, so nothing is lost.
	.text
	.globl _start
	.type _start, %function
_start:
	.cfi_startproc
	.cfi_undefined x30
	fmov d31, x0
	adrp x0, entry_regs
	add x0, x0, :lo12:entry_regs
	stp x1, x2, [x0, #8]
	stp x3, x4, [x0, #24]
	stp x5, x6, [x0, #40]
	stp x7, x8, [x0, #56]
	stp x9, x10, [x0, #72]
	stp x11, x12, [x0, #88]
	stp x13, x14, [x0, #104]
	stp x15, x16, [x0, #120]
	stp x17, x18, [x0, #136]
	stp x19, x20, [x0, #152]
	stp x21, x22, [x0, #168]
	stp x23, x24, [x0, #184]
	stp x25, x26, [x0, #200]
	stp x27, x28, [x0, #216]
	stp x29, x30, [x0, #232]
	fmov x1, d31
	str x1, [x0]
	mov x1, sp
	str x1, [x0, #248]
	adrp x0, entry_fpctl
	add x0, x0, :lo12:entry_fpctl
	mrs x1, fpcr
	str x1, [x0]
	mrs x1, tpidr_el0
	adrp x0, entry_tp
	str x1, [x0, :lo12:entry_tp]
	mov x0, sp
	and x1, x0, #~15
	mov sp, x1
	mov x29, #0
	mov x30, #0
	bl cmain
	udf #0
	.cfi_endproc
	.size _start, . - _start

	.globl _start_misaligned
	.type _start_misaligned, %function
_start_misaligned:
	mov x0, sp
	and x1, x0, #~15
	sub x1, x1, #8
	mov sp, x1
	mov x29, #0
	mov x30, #0
	bl cmain
	udf #0
	.size _start_misaligned, . - _start_misaligned

	.globl fault_store
	.type fault_store, %function
fault_store:
	mov x1, #1
	str x1, [x0]
	ret
	.size fault_store, . - fault_store

	.globl trap_insn
	.type trap_insn, %function
trap_insn:
	udf #0
	.size trap_insn, . - trap_insn

	.globl brk_insn
	.type brk_insn, %function
brk_insn:
	brk #0
	ret
	.size brk_insn, . - brk_insn

// aarch64 svc clobbers nothing but x0: out[0..3] = x1, x9, x16, x30 after a
// yield with sentinels in them.
	.globl clobber_probe
	.type clobber_probe, %function
clobber_probe:
	stp x29, x30, [sp, #-16]!
	mov x10, x0
	mov x8, #0x9E
	mov x1, #0x1111
	mov x9, #0x2222
	mov x16, #0x3333
	mov x30, #0x4444
	svc #0
	stp x1, x9, [x10]
	stp x16, x30, [x10, #16]
	ldp x29, x30, [sp], #16
	ret
	.size clobber_probe, . - clobber_probe

	.globl spin
	.type spin, %function
spin:
	b spin
	.size spin, . - spin

// Privileged instructions (issue 14): each is UNDEFINED at EL0 (SIGILL);
// wfi is a hint there and returns.
	.irp name, currentel, sctlr, daifset, tlbi, eret, wfi
	.globl priv_\name
	.type priv_\name, %function
	.endr
priv_currentel:	mrs x0, currentel
	ret
priv_sctlr:	mrs x0, sctlr_el1
	ret
priv_daifset:	msr daifset, #2
	ret
priv_tlbi:	tlbi vmalle1
	ret
priv_eret:	eret
priv_wfi:	wfi
	ret

	.section .note.GNU-stack,"",%progbits
