/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/rv_allregs.S - rv_trap_all(in, out): an ecall with
 * every register x1..x31 set from in[], and every register after it
 * stored to out[], so a check sees exactly which registers the call read
 * and changed. The out pointer waits in sscratch across the ecall.
 */
	.section .text
	.globl rv_trap_all
rv_trap_all:
	addi	sp, sp, -128
	sd	ra, 0(sp)
	sd	gp, 8(sp)
	sd	tp, 16(sp)
	sd	s0, 24(sp)
	sd	s1, 32(sp)
	sd	s2, 40(sp)
	sd	s3, 48(sp)
	sd	s4, 56(sp)
	sd	s5, 64(sp)
	sd	s6, 72(sp)
	sd	s7, 80(sp)
	sd	s8, 88(sp)
	sd	s9, 96(sp)
	sd	s10, 104(sp)
	sd	s11, 112(sp)
	la	t0, saved_sp
	sd	sp, 0(t0)
	csrw	sscratch, a1
	mv	t6, a0
	ld	x1, 8(t6)
	ld	x2, 16(t6)
	ld	x3, 24(t6)
	ld	x4, 32(t6)
	ld	x5, 40(t6)
	ld	x6, 48(t6)
	ld	x7, 56(t6)
	ld	x8, 64(t6)
	ld	x9, 72(t6)
	ld	x10, 80(t6)
	ld	x11, 88(t6)
	ld	x12, 96(t6)
	ld	x13, 104(t6)
	ld	x14, 112(t6)
	ld	x15, 120(t6)
	ld	x16, 128(t6)
	ld	x17, 136(t6)
	ld	x18, 144(t6)
	ld	x19, 152(t6)
	ld	x20, 160(t6)
	ld	x21, 168(t6)
	ld	x22, 176(t6)
	ld	x23, 184(t6)
	ld	x24, 192(t6)
	ld	x25, 200(t6)
	ld	x26, 208(t6)
	ld	x27, 216(t6)
	ld	x28, 224(t6)
	ld	x29, 232(t6)
	ld	x30, 240(t6)
	ld	t6, 248(t6)
	ecall
	csrrw	t6, sscratch, t6
	sd	x1, 8(t6)
	sd	x2, 16(t6)
	sd	x3, 24(t6)
	sd	x4, 32(t6)
	sd	x5, 40(t6)
	sd	x6, 48(t6)
	sd	x7, 56(t6)
	sd	x8, 64(t6)
	sd	x9, 72(t6)
	sd	x10, 80(t6)
	sd	x11, 88(t6)
	sd	x12, 96(t6)
	sd	x13, 104(t6)
	sd	x14, 112(t6)
	sd	x15, 120(t6)
	sd	x16, 128(t6)
	sd	x17, 136(t6)
	sd	x18, 144(t6)
	sd	x19, 152(t6)
	sd	x20, 160(t6)
	sd	x21, 168(t6)
	sd	x22, 176(t6)
	sd	x23, 184(t6)
	sd	x24, 192(t6)
	sd	x25, 200(t6)
	sd	x26, 208(t6)
	sd	x27, 216(t6)
	sd	x28, 224(t6)
	sd	x29, 232(t6)
	sd	x30, 240(t6)
	csrr	t5, sscratch
	sd	t5, 248(t6)
	la	t0, saved_sp
	ld	sp, 0(t0)
	ld	ra, 0(sp)
	ld	gp, 8(sp)
	ld	tp, 16(sp)
	ld	s0, 24(sp)
	ld	s1, 32(sp)
	ld	s2, 40(sp)
	ld	s3, 48(sp)
	ld	s4, 56(sp)
	ld	s5, 64(sp)
	ld	s6, 72(sp)
	ld	s7, 80(sp)
	ld	s8, 88(sp)
	ld	s9, 96(sp)
	ld	s10, 104(sp)
	ld	s11, 112(sp)
	addi	sp, sp, 128
	ret

	.section .bss
	.align 3
saved_sp:
	.space 8
