/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/start.S - EL1 entry of a bare-metal guest: stack,
 * vectors (VBAR_EL1), .bss, then guest_start() in C. x0 at entry (the
 * boot argument: hvisor passes the DTB's address) is kept in guest_boot_x0.
 */
	.section .text.boot, "ax"
	.global _start
_start:
	ldr	x1, =__stack_top
	mov	sp, x1
	ldr	x1, =guest_vectors
	msr	vbar_el1, x1
	isb
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	ldr	x1, =guest_boot_x0
	str	x0, [x1]
	bl	guest_start
3:	wfi
	b	3b

	.section .bss
	.balign 8
	.global guest_boot_x0
guest_boot_x0:
	.skip 8
