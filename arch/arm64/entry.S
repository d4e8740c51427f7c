/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/entry.S - the EL2 vector table: a trap is handled in place.
 *
 * While a guest runs, the EL2 stack pointer sits 16 bytes below where
 * arm64_enter() left it, and that slot holds the running vCPU's frame
 * (struct hcall_regs *, regs.r[n] = xn). An exception from the guest
 * saves x0..x30 into the frame and calls C on the same stack:
 *
 *   struct hcall_regs *arm64_sync(struct hcall_regs *frame)   synchronous
 *   struct hcall_regs *arm64_irq(struct hcall_regs *frame)    IRQ, FIQ, SError
 *
 * (an HVC goes to the core's hv_handle_hvc() directly, below), which
 * return the frame to resume (the same one, or another vCPU's after
 * a switch, its EL2 state already loaded); the vector stores it in the
 * slot, loads x0..x30 from it and erets. There is no hypervisor context
 * to keep across a guest run: no callee-saved registers are saved, and
 * no system register is touched here.
 *
 * Exceptions taken at EL2 itself are hypervisor bugs: arm64_el2_fault()
 * reports and exits.
 *
 * Built with HV_BENCH_FLOOR (the round-trip bench's floor image only,
 * bench/roundtrip), the vector answers the floor trap of
 * bench/roundtrip/bench_floor.h itself: the frame saved, it is restored
 * and the guest resumed, which is the physical floor of any hypercall.
 */
#include "frame.h"
#ifdef HV_BENCH_FLOOR
#include "bench_floor.h"
#endif

	.text
/* void arm64_enter(struct hcall_regs *frame): run the vCPU of `frame`
 * (its EL2 state loaded) from a fresh slot below the current stack;
 * never returns. */
	.global arm64_enter
	.type arm64_enter, %function
arm64_enter:
	mov	x1, sp
	and	x1, x1, #~15
	sub	sp, x1, #16
	b	resume
	.size arm64_enter, . - arm64_enter

/* Save x2..x30 into the frame at x0 and x0/x1 from the stack (pushed by
 * the vector), leaving sp at the slot. */
.macro save_guest
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
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0, #0]
.endm

/*
 * Exits the vectors do not answer themselves go to C, which returns the
 * frame to resume: an HVC the core did not answer with a plain resume
 * (arm64_after_hvc), any other synchronous exit (arm64_sync).
 */
after_hvc:
	mov	w1, w0
	mov	x0, x19
	bl	arm64_after_hvc
	b	resume
other_sync:
	bl	arm64_sync
/* Resume the frame at x0: keep it in the slot, load x0..x30, eret. */
resume:
	str	x0, [sp]
	b	reload

/*
 * An HVC while no upcall is pending goes straight to the core, as
 * hypercall() in main.c would take it: x19 and x20, whose guest values
 * are in the frame, keep the frame and the vCPU's arm64_vcpu across the
 * call. The guest resumes at once if the core answered HV_RESUME and the
 * vCPU still runs with no upcall pending (its frame is still the slot's,
 * and the restore follows right here); anything else goes through
 * arm64_after_hvc(), and every other exit through arm64_sync().
 */
sync_exit:
	save_guest
	mrs	x1, esr_el2
#ifdef HV_BENCH_FLOOR
	movz	x3, #(HV_BENCH_FLOOR_ESR & 0xffff)
	movk	x3, #((HV_BENCH_FLOOR_ESR >> 16) & 0xffff), lsl #16
	cmp	x1, x3
	b.eq	reload		/* the floor trap: ELR_EL2 is already past the HVC */
#endif
	lsr	w2, w1, #26
	cmp	w2, #0x16	/* EC_HVC64 */
	b.ne	other_sync
	ldr	x20, [x0, #FRAME_VCPU_ARCH]
	ldr	w2, [x20, #A64_VIRQ]
	cbnz	w2, other_sync
	str	wzr, [x20, #A64_S2_FAULTS]
	mov	x19, x0
	and	w2, w1, #0xffff
	sub	x1, x0, #FRAME_VCPU
	adrp	x0, arm64_hv
	add	x0, x0, :lo12:arm64_hv
	bl	hv_handle_hvc
	cbnz	w0, after_hvc
	ldp	w2, w3, [x20, #A64_STARTED]	/* started, virq */
	cbz	w2, after_hvc
	cbnz	w3, after_hvc
	mov	x0, x19
/* Load x0..x30 from the frame at x0, the slot's, and eret. */
reload:
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

irq_exit:
	save_guest
	bl	arm64_irq
	b	resume

/* From the guest: x0/x1 pushed, x0 = the frame from the slot above. */
.macro lower target
	.balign 0x80
	stp	x0, x1, [sp, #-16]!
	ldr	x0, [sp, #16]
	b	\target
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
	lower sync_exit	/* lower EL, AArch64: +0x400 sync, +0x480 IRQ */
	lower irq_exit
	lower irq_exit	/* FIQ, SError: only kicks are expected (smp.h) */
	lower irq_exit
	current 4	/* lower EL, AArch32: never enabled (HCR_EL2.RW) */
	current 4
	current 4
	current 4
