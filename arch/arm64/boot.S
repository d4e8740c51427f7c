/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/boot.S - entry at EL2 (QEMU virt with virtualization=on).
 * _start (CPU 0): sets the stack and the EL2 vectors, clears .bss and
 * calls arm64_main(). arm64_secondary_entry (the other CPUs, started by
 * PSCI CPU_ON with x0 = the CPU's index): its own stack from
 * arm64_cpu_stacks (smp.c), the vectors, then arm64_secondary(x0).
 */
#define STACK_SIZE 0x4000	/* ARM64_STACK_SIZE in smp.h */

	.section .text.boot, "ax"
	.global _start
_start:
	mrs	x0, CurrentEL
	cmp	x0, #(2 << 2)
	b.ne	1f
	ldr	x0, =__stack_top
	mov	sp, x0
	ldr	x0, =arm64_vectors
	msr	vbar_el2, x0
	isb
	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
2:	cmp	x0, x1
	b.hs	3f
	str	xzr, [x0], #8
	b	2b
3:	bl	arm64_main
	/* arm64_main does not return */
1:	wfe
	b	1b

	.global arm64_secondary_entry
arm64_secondary_entry:
	mrs	x1, CurrentEL
	cmp	x1, #(2 << 2)
	b.ne	1b
	cmp	x0, #4		/* ARM64_MAX_CPUS */
	b.hs	1b
	ldr	x1, =arm64_cpu_stacks
	add	x2, x0, #1
	mov	x3, #STACK_SIZE
	madd	x1, x2, x3, x1
	mov	sp, x1
	ldr	x1, =arm64_vectors
	msr	vbar_el2, x1
	isb
	bl	arm64_secondary
	b	1b
