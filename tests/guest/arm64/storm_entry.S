/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/storm_entry.S - where PSCI CPU_ON starts the storm
 * guest's other vCPUs (storm.c): x0 = the context id. Each vCPU takes the
 * stack of its MPIDR Aff0 from storm_stacks (cleared once by vCPU 0's
 * boot, never by these), sets its own VBAR_EL1 and calls
 * storm_vcpu(ctx, index).
 */
#define STACK 0x2000	/* STORM_STACK in storm.c */

	.text
	.global storm_secondary
storm_secondary:
	mrs	x1, mpidr_el1
	and	x1, x1, #0xff
	cmp	x1, #4
	b.hs	2f
	ldr	x2, =storm_stacks
	add	x3, x1, #1
	mov	x4, #STACK
	madd	x2, x3, x4, x2
	mov	sp, x2
	ldr	x2, =guest_vectors
	msr	vbar_el1, x2
	isb
	bl	storm_vcpu
2:	wfi
	b	2b
