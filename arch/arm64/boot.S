/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/boot.S - entry at EL2 (QEMU virt with virtualization=on).
 * Sets the stack and the EL2 vectors, clears .bss and calls arm64_main().
 */
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
