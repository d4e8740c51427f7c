/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/sbi_smp.S - where a hart started by the SBI HSM
 * extension begins (check_sbi_conformance.c): a0 = its hart ID, a1 = the
 * opaque value of hart_start. It gets a stack of its own and a trap
 * vector of its own (the runtime's vector and trap stack belong to the
 * boot hart), then runs sbi_secondary_main(hartid, opaque), which ends
 * in hart_stop.
 */
#define STACK 4096

	.section .text
	.align 2
	.globl sbi_secondary_entry
sbi_secondary_entry:
	la	sp, sbi_secondary_stack + STACK
	la	t0, sbi_secondary_trap
	csrw	stvec, t0
	csrw	sie, zero
	call	sbi_secondary_main
1:	wfi
	j	1b

/* A hart that must leave: HSM hart_stop (a7 = "HSM", a6 = 1), no stack. */
	.globl sbi_stop_self
sbi_stop_self:
	li	a7, 0x48534D
	li	a6, 1
	ecall
3:	j	3b

/* Any trap on the started hart: record scause for the boot hart and park. */
	.align 2
sbi_secondary_trap:
	csrr	t0, scause
	la	t1, sbi_secondary_fault
	sd	t0, 0(t1)
	fence
2:	wfi
	j	2b

	.section .bss
	.align 4
sbi_secondary_stack:
	.space STACK
	.align 3
	.globl sbi_secondary_fault
sbi_secondary_fault:
	.space 8
