/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/trap.S - the world switch.
 *
 * While a guest runs, sscratch holds &vcpu->regs of the running vCPU
 * (struct hcall_regs: r[n] = xn, 8 bytes each) and stvec points at
 * rv_guest_vector. r[0], x0's slot, holds the hart's struct rv_pcpu
 * (vcpu.c writes it when the vCPU's state is loaded into the hart; smp.h).
 * A trap saves x1..x31 there and loads tp = that rv_pcpu and sp = its
 * stack. An ecall from VS-mode, a hypercall, goes from here to the core's
 * hv_handle_ecall() directly (below); anything else to rv_trap(frame)
 * (trap.c). Each C path returns the frame of the vCPU to run next (its
 * CSRs already loaded), and rv_resume restores it and srets.
 * While the hypervisor itself runs, sscratch is 0 (stvec stays here from
 * the hart's setup on), so a trap taken in HS-mode, a fault inside the
 * hypervisor, goes to rv_hs_vector and is reported instead of
 * corrupting a frame.
 *
 * Built with HV_BENCH_FLOOR (the round-trip bench's floor image only,
 * bench/roundtrip), the vector answers the floor trap of
 * bench/roundtrip/bench_floor.h itself once the frame is saved: it steps
 * over the ecall and restores the frame, the physical floor of any
 * hypercall.
 */
#include "csr.h"
#include "frame.h"
#include "smp.h"
#ifdef HV_BENCH_FLOOR
#include "bench_floor.h"
#endif

	.section .text
	.align 4
	.globl rv_guest_vector
rv_guest_vector:
	/* s0 = the frame from here to the sret: the C code keeps it. */
	csrrw	s0, sscratch, s0	/* s0 = frame, sscratch = guest s0 */
	beqz	s0, rv_hs_vector	/* from HS-mode itself */
	sd	x1, 8(s0)
	sd	x2, 16(s0)
	sd	x3, 24(s0)
	sd	x4, 32(s0)
	sd	x5, 40(s0)
	sd	x6, 48(s0)
	sd	x7, 56(s0)
	sd	x9, 72(s0)
	sd	x10, 80(s0)
	sd	x11, 88(s0)
	sd	x12, 96(s0)
	sd	x13, 104(s0)
	sd	x14, 112(s0)
	sd	x15, 120(s0)
	sd	x16, 128(s0)
	sd	x17, 136(s0)
	sd	x18, 144(s0)
	sd	x19, 152(s0)
	sd	x20, 160(s0)
	sd	x21, 168(s0)
	sd	x22, 176(s0)
	sd	x23, 184(s0)
	sd	x24, 192(s0)
	sd	x25, 200(s0)
	sd	x26, 208(s0)
	sd	x27, 216(s0)
	sd	x28, 224(s0)
	sd	x29, 232(s0)
	sd	x30, 240(s0)
	sd	x31, 248(s0)
	/* The guest's s0, and sscratch = 0 while HS-mode runs. */
	csrrw	t5, sscratch, zero
	sd	t5, 64(s0)
#ifdef HV_BENCH_FLOOR
	csrr	t0, scause
	li	t1, 10			/* ecall from VS-mode */
	bne	t0, t1, 1f
	ld	t1, 136(s0)		/* a7 */
	li	t2, HV_BENCH_FLOOR_EID
	bne	t1, t2, 1f
	csrr	t0, sepc
	addi	t0, t0, 4
	csrw	sepc, t0
	j	rv_resume
1:
#endif
	ld	tp, 0(s0)
	ld	sp, 0(tp)
	csrr	t0, scause
	li	t1, EXC_ECALL_VS
	bne	t0, t1, 2f
	/*
	 * A hypercall, as ecall() in trap.c would take it: sepc past the
	 * ecall, then the core. The frame is the running vCPU's
	 * (rv_resume was given rv_vcpu_switch()'s answer), so the vCPU is the
	 * structure around it. The guest resumes at once when the core
	 * answered HV_RESUME (an exception the core injected is already
	 * taken: main.c); any other answer goes through rv_ecall_done().
	 * The image is linked without relaxation (cross/), so the calls are
	 * jal, not the two-instruction `call`: the image is far smaller than
	 * jal's reach of 1 MiB, and a link that outgrew it would fail, not
	 * misbehave.
	 */
	csrr	t0, sepc
	addi	t0, t0, 4
	csrw	sepc, t0
	ld	a0, RV_PCPU_HV(tp)
	addi	a1, s0, -FRAME_VCPU
	li	a2, 0			/* from VS-mode, the guest kernel */
	jal	hv_handle_ecall
	bnez	a0, 3f
	/* fall through to resume the caller */

/* Load the guest registers of the frame at s0 (s0's own slot last) and
 * sret. */
	.globl rv_resume
rv_resume:
	csrw	sscratch, s0
	ld	x1, 8(s0)
	ld	x2, 16(s0)
	ld	x3, 24(s0)
	ld	x4, 32(s0)
	ld	x5, 40(s0)
	ld	x6, 48(s0)
	ld	x7, 56(s0)
	ld	x9, 72(s0)
	ld	x10, 80(s0)
	ld	x11, 88(s0)
	ld	x12, 96(s0)
	ld	x13, 104(s0)
	ld	x14, 112(s0)
	ld	x15, 120(s0)
	ld	x16, 128(s0)
	ld	x17, 136(s0)
	ld	x18, 144(s0)
	ld	x19, 152(s0)
	ld	x20, 160(s0)
	ld	x21, 168(s0)
	ld	x22, 176(s0)
	ld	x23, 184(s0)
	ld	x24, 192(s0)
	ld	x25, 200(s0)
	ld	x26, 208(s0)
	ld	x27, 216(s0)
	ld	x28, 224(s0)
	ld	x29, 232(s0)
	ld	x30, 240(s0)
	ld	x31, 248(s0)
	ld	x8, 64(s0)
	sret

3:	jal	rv_ecall_done		/* a0 = the answer */
	j	rv_enter
2:	mv	a0, s0
	jal	rv_trap
	/* fall through with a0 = the frame to resume */

/* rv_enter(struct hcall_regs *frame): run the vCPU of `frame`, its CSRs
 * loaded. */
	.globl rv_enter
rv_enter:
	mv	s0, a0
	j	rv_resume

/* A trap taken in HS-mode itself: report and stop (rv_hs_fault). */
	.align 4
	.globl rv_hs_vector
rv_hs_vector:
	la	sp, rv_fault_stack_top
	call	rv_hs_fault
1:	j	1b
