/* SPDX-License-Identifier: MIT */
/*
 * bench/smp/entry.S - where PSCI CPU_ON starts the SMP bench guest's
 * vCPUs 1-3 (guest.c): the stack of its MPIDR Aff0 from bench_stacks,
 * then bench_vcpu(index).
 */
#define STACK 0x1000	/* BENCH_STACK in guest.c */

	.text
	.global bench_secondary
bench_secondary:
	mrs	x0, mpidr_el1
	and	x0, x0, #0xff
	cmp	x0, #4
	b.hs	2f
	ldr	x1, =bench_stacks
	add	x2, x0, #1
	mov	x3, #STACK
	madd	x1, x2, x3, x1
	mov	sp, x1
	bl	bench_vcpu
2:	wfi
	b	2b
