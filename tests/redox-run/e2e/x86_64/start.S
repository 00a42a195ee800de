// SPDX-License-Identifier: MIT
// Test entry: record every register exactly as redox-run left it
// (redox-abi.md §1 "Registers at entry"), then call cmain(original sp).
	.text
	.globl _start
	.type _start, @function
_start:
	.cfi_startproc
	.cfi_undefined rip
	mov %rax, entry_regs+0(%rip)
	mov %rcx, entry_regs+8(%rip)
	mov %rdx, entry_regs+16(%rip)
	mov %rbx, entry_regs+24(%rip)
	mov %rsp, entry_regs+32(%rip)
	mov %rbp, entry_regs+40(%rip)
	mov %rsi, entry_regs+48(%rip)
	mov %rdi, entry_regs+56(%rip)
	mov %r8, entry_regs+64(%rip)
	mov %r9, entry_regs+72(%rip)
	mov %r10, entry_regs+80(%rip)
	mov %r11, entry_regs+88(%rip)
	mov %r12, entry_regs+96(%rip)
	mov %r13, entry_regs+104(%rip)
	mov %r14, entry_regs+112(%rip)
	mov %r15, entry_regs+120(%rip)
	stmxcsr entry_fpctl(%rip)
	fnstcw entry_fpctl+8(%rip)
	// Redox sets CR4.FSGSBASE; Unicorn 2.0.1 needs redox-run to emulate this.
	rdfsbase %rax
	mov %rax, entry_tp(%rip)
	mov %rsp, %rdi
	and $-16, %rsp
	xor %ebp, %ebp
	call cmain
	ud2
	.cfi_endproc
	.size _start, . - _start

// Same, but enters cmain with a misaligned stack (for --check-abi).
	.globl _start_misaligned
	.type _start_misaligned, @function
_start_misaligned:
	mov %rsp, %rdi
	and $-16, %rsp
	sub $8, %rsp
	xor %ebp, %ebp
	call cmain
	ud2
	.size _start_misaligned, . - _start_misaligned

	.globl fault_store
	.type fault_store, @function
fault_store:
	movq $1, (%rdi)
	ret
	.size fault_store, . - fault_store

	.globl trap_insn
	.type trap_insn, @function
trap_insn:
	ud2
	.size trap_insn, . - trap_insn

	.globl brk_insn
	.type brk_insn, @function
brk_insn:
	int3
	ret
	.size brk_insn, . - brk_insn

// Redox's syscall clobbers rcx (= return rip) and r11 (= rflags); report
// what they hold after a yield: out[0] = rcx, out[1] = address after the
// syscall, out[2] = r11, out[3] = rflags.
	.globl clobber_probe
	.type clobber_probe, @function
clobber_probe:
	push %rbx
	mov $0x9E, %eax
	mov $0x1111, %rcx
	mov $0x2222, %r11
	syscall
1:	mov %rcx, 0(%rdi)
	lea 1b(%rip), %rbx
	mov %rbx, 8(%rdi)
	mov %r11, 16(%rdi)
	pushfq
	pop %rbx
	mov %rbx, 24(%rdi)
	pop %rbx
	ret
	.size clobber_probe, . - clobber_probe

	.globl spin
	.type spin, @function
spin:
	jmp spin
	.size spin, . - spin

// Privileged instructions (issue 14): each faults at CPL 3 (#GP, SIGSEGV).
	.irp name, cli, hlt, wrmsr, movcr3, inb, outb, lgdt
	.globl priv_\name
	.type priv_\name, @function
	.endr
priv_cli:	cli
	ret
priv_hlt:	hlt
	ret
priv_wrmsr:	xor %eax, %eax
	mov $0xC0000100, %ecx   // IA32_FS_BASE
	xor %edx, %edx
	wrmsr
	ret
priv_movcr3:	mov %cr3, %rax
	ret
priv_inb:	in $0x40, %al
	ret
priv_outb:	out %al, $0x80
	ret
priv_lgdt:	lgdt (%rsp)
	ret

	.section .note.GNU-stack,"",@progbits
