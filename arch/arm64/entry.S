/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/entry.S - the EL2 vector table and the world switch.
 *
 * uint64_t arm64_run(struct hcall_regs *regs)
 *   Saves the hypervisor's callee-saved registers and `regs` on the EL2
 *   stack, loads guest x0..x30 from regs->r[0..30] and erets (ELR_EL2,
 *   SPSR_EL2 and SP_EL1 are set by the caller). The next exception from
 *   the guest stores x0..x30 back into regs->r[] and returns here with the
 *   exit kind: 0 synchronous, 1 IRQ, 2 FIQ, 3 SError.
 *
 * Exceptions taken at EL2 itself are hypervisor bugs: arm64_el2_fault()
 * reports and exits.
 *
 * Built with HV_BENCH_FLOOR (the round-trip bench's floor image only,
 * bench/roundtrip), the exit path answers the floor trap of
 * bench/roundtrip/bench_floor.h itself: the frame saved, it is restored
 * and the guest resumed, which is the physical floor of any hypercall.
 */
#ifdef HV_BENCH_FLOOR
#include "bench_floor.h"
#endif
#define FRAME 112	/* x19..x30 and the regs pointer, 16-byte aligned */

	.text
	.global arm64_run
	.type arm64_run, %function
arm64_run:
	sub	sp, sp, #FRAME
	stp	x19, x20, [sp, #0]
	stp	x21, x22, [sp, #16]
	stp	x23, x24, [sp, #32]
	stp	x25, x26, [sp, #48]
	stp	x27, x28, [sp, #64]
	stp	x29, x30, [sp, #80]
	str	x0, [sp, #96]
/* Load guest x0..x30 from the frame at x0 and enter the guest. */
load_guest:
	ldp	x2, x3, [x0, #16]
	ldp	x4, x5, [x0, #32]
	ldp	x6, x7, [x0, #48]
	ldp	x8, x9, [x0, #64]
	ldp	x10, x11, [x0, #80]
	ldp	x12, x13, [x0, #96]
	ldp	x14, x15, [x0, #112]
	ldp	x16, x17, [x0, #128]
	ldp	x18, x19, [x0, #144]
	ldp	x20, x21, [x0, #160]
	ldp	x22, x23, [x0, #176]
	ldp	x24, x25, [x0, #192]
	ldp	x26, x27, [x0, #208]
	ldp	x28, x29, [x0, #224]
	ldr	x30, [x0, #240]
	ldp	x0, x1, [x0, #0]
	eret
	.size arm64_run, . - arm64_run

/* Entered with the guest's x0/x1 pushed and the exit kind in x1. */
guest_exit:
	ldr	x0, [sp, #(16 + 96)]
	stp	x2, x3, [x0, #16]
	stp	x4, x5, [x0, #32]
	stp	x6, x7, [x0, #48]
	stp	x8, x9, [x0, #64]
	stp	x10, x11, [x0, #80]
	stp	x12, x13, [x0, #96]
	stp	x14, x15, [x0, #112]
	stp	x16, x17, [x0, #128]
	stp	x18, x19, [x0, #144]
	stp	x20, x21, [x0, #160]
	stp	x22, x23, [x0, #176]
	stp	x24, x25, [x0, #192]
	stp	x26, x27, [x0, #208]
	stp	x28, x29, [x0, #224]
	str	x30, [x0, #240]
	mov	x2, x1
	ldp	x3, x4, [sp], #16
	stp	x3, x4, [x0, #0]
#ifdef HV_BENCH_FLOOR
	cbnz	x2, 1f
	mrs	x3, esr_el2
	movz	x4, #(HV_BENCH_FLOOR_ESR & 0xffff)
	movk	x4, #((HV_BENCH_FLOOR_ESR >> 16) & 0xffff), lsl #16
	cmp	x3, x4
	b.eq	load_guest	/* the floor trap: ELR_EL2 is already past the HVC */
1:
#endif
	mov	x0, x2
	ldp	x19, x20, [sp, #0]
	ldp	x21, x22, [sp, #16]
	ldp	x23, x24, [sp, #32]
	ldp	x25, x26, [sp, #48]
	ldp	x27, x28, [sp, #64]
	ldp	x29, x30, [sp, #80]
	add	sp, sp, #FRAME
	ret

.macro lower kind
	.balign 0x80
	stp	x0, x1, [sp, #-16]!
	mov	x1, #\kind
	b	guest_exit
.endm

.macro current kind
	.balign 0x80
	mov	x0, #\kind
	mrs	x1, esr_el2
	mrs	x2, elr_el2
	mrs	x3, far_el2
	b	arm64_el2_fault
.endm

	.balign 0x800
	.global arm64_vectors
arm64_vectors:
	current 0	/* current EL, SP_EL0 */
	current 1
	current 2
	current 3
	current 0	/* current EL, SP_ELx */
	current 1
	current 2
	current 3
	lower 0		/* lower EL, AArch64: +0x400 sync, +0x480 IRQ */
	lower 1
	lower 2
	lower 3
	current 4	/* lower EL, AArch32: never enabled (HCR_EL2.RW) */
	current 4
	current 4
	current 4
