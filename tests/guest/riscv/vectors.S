/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/vectors.S - the guest's trap vector and the user-mode
 * round trip behind guest_call_user().
 *
 * Every trap (from S/VS or U/VU) switches to a dedicated trap stack,
 * saves x1..x31 and sepc in a struct rv_guest_frame and calls
 * rv_guest_trap(); the handler may change the frame (sepc, a0...).
 */
#define FRAME 272 /* x0..x31, sepc, pad */

	.section .text
	.align 2
	.globl rv_guest_vector
rv_guest_vector:
	csrw	sscratch, sp
	la	sp, __trap_stack_top
	addi	sp, sp, -FRAME
	sd	x1, 8(sp)
	sd	x3, 24(sp)
	sd	x4, 32(sp)
	sd	x5, 40(sp)
	sd	x6, 48(sp)
	sd	x7, 56(sp)
	sd	x8, 64(sp)
	sd	x9, 72(sp)
	sd	x10, 80(sp)
	sd	x11, 88(sp)
	sd	x12, 96(sp)
	sd	x13, 104(sp)
	sd	x14, 112(sp)
	sd	x15, 120(sp)
	sd	x16, 128(sp)
	sd	x17, 136(sp)
	sd	x18, 144(sp)
	sd	x19, 152(sp)
	sd	x20, 160(sp)
	sd	x21, 168(sp)
	sd	x22, 176(sp)
	sd	x23, 184(sp)
	sd	x24, 192(sp)
	sd	x25, 200(sp)
	sd	x26, 208(sp)
	sd	x27, 216(sp)
	sd	x28, 224(sp)
	sd	x29, 232(sp)
	sd	x30, 240(sp)
	sd	x31, 248(sp)
	csrr	t0, sscratch
	sd	t0, 16(sp)
	csrr	t0, sepc
	sd	t0, 256(sp)
	mv	a0, sp
	call	rv_guest_trap
	ld	t0, 256(sp)
	csrw	sepc, t0
	ld	x1, 8(sp)
	ld	x3, 24(sp)
	ld	x4, 32(sp)
	ld	x5, 40(sp)
	ld	x6, 48(sp)
	ld	x7, 56(sp)
	ld	x8, 64(sp)
	ld	x9, 72(sp)
	ld	x10, 80(sp)
	ld	x11, 88(sp)
	ld	x12, 96(sp)
	ld	x13, 104(sp)
	ld	x14, 112(sp)
	ld	x15, 120(sp)
	ld	x16, 128(sp)
	ld	x17, 136(sp)
	ld	x18, 144(sp)
	ld	x19, 152(sp)
	ld	x20, 160(sp)
	ld	x21, 168(sp)
	ld	x22, 176(sp)
	ld	x23, 184(sp)
	ld	x24, 192(sp)
	ld	x25, 200(sp)
	ld	x26, 208(sp)
	ld	x27, 216(sp)
	ld	x28, 224(sp)
	ld	x29, 232(sp)
	ld	x30, 240(sp)
	ld	x31, 248(sp)
	ld	sp, 16(sp)
	sret

/*
 * uint64_t guest_call_user(uint64_t (*fn)(uint64_t), uint64_t arg):
 * run fn(arg) in U-mode (VU under the hypervisor) on the user stack. fn
 * returns to rv_user_exit, whose ecall the trap handler recognises and
 * answers with rv_user_resume(result) in S-mode.
 */
	.globl guest_call_user
guest_call_user:
	la	t0, rv_user_ctx
	sd	ra, 0(t0)
	sd	sp, 8(t0)
	sd	s0, 16(t0)
	sd	s1, 24(t0)
	sd	s2, 32(t0)
	sd	s3, 40(t0)
	sd	s4, 48(t0)
	sd	s5, 56(t0)
	sd	s6, 64(t0)
	sd	s7, 72(t0)
	sd	s8, 80(t0)
	sd	s9, 88(t0)
	sd	s10, 96(t0)
	sd	s11, 104(t0)
	sd	gp, 112(t0)
	sd	tp, 120(t0)
	csrr	t1, sstatus
	sd	t1, 128(t0)
	csrw	sepc, a0
	li	t1, (1 << 8)		/* sstatus.SPP = U */
	csrc	sstatus, t1
	mv	a0, a1
	la	ra, rv_user_exit
	la	sp, __user_stack_top
	sret

	.globl rv_user_exit
rv_user_exit:
	li	a7, 0x55535245		/* "USRE": back to the kernel */
	.globl rv_user_exit_ecall
rv_user_exit_ecall:
	ecall
1:	j	1b

/* rv_user_resume(result): return from guest_call_user (S-mode). */
	.globl rv_user_resume
rv_user_resume:
	la	t0, rv_user_ctx
	ld	ra, 0(t0)
	ld	sp, 8(t0)
	ld	s0, 16(t0)
	ld	s1, 24(t0)
	ld	s2, 32(t0)
	ld	s3, 40(t0)
	ld	s4, 48(t0)
	ld	s5, 56(t0)
	ld	s6, 64(t0)
	ld	s7, 72(t0)
	ld	s8, 80(t0)
	ld	s9, 88(t0)
	ld	s10, 96(t0)
	ld	s11, 104(t0)
	ld	gp, 112(t0)
	ld	tp, 120(t0)
	ld	t1, 128(t0)
	csrw	sstatus, t1
	ret

	.section .bss
	.align 3
rv_user_ctx:
	.space 136
