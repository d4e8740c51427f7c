/* SPDX-License-Identifier: MIT */
/*
 * bench/smp/riscv/entry.S - where SBI HSM hart_start starts the riscv SMP
 * bench guest's vCPUs 1-3 (guest.c), a0 = the hart ID: the stack of that
 * hart ID from bench_stacks, then bench_vcpu(hart ID).
 */
#define STACK 0x1000	/* BENCH_STACK in guest.c */

	.text
	.align 2
	.globl bench_secondary
bench_secondary:
	li	t0, 4
	bgeu	a0, t0, 2f
	la	sp, bench_stacks
	addi	t0, a0, 1
	li	t1, STACK
	mul	t0, t0, t1
	add	sp, sp, t0
	call	bench_vcpu
2:	wfi
	j	2b
