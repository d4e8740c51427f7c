/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/riscv/start.S - entry of the riscv64 conformance guest
 * (S-mode on an SBI firmware, VS-mode under a hypervisor): a0 = hart id.
 * Also the trap vector (every trap is unexpected) and the
 * register-preservation probe.
 */
	.section .text.boot, "ax"
	.globl	_start
_start:
	la	sp, __stack_top
	la	t0, kit_trap_entry
	csrw	stvec, t0
	csrw	sie, zero
	csrci	sstatus, 2		/* SIE off: no interrupt is taken */
	mv	s0, a0
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	mv	a0, s0
	call	kit_main
3:	wfi
	j	3b

/* HSM hart_start target: a0 = hart id, a1 = opaque, satp = 0. */
	.globl	kit_secondary_entry
	.balign	4
kit_secondary_entry:
	la	sp, __secondary_stack_top
	la	t0, kit_trap_entry
	csrw	stvec, t0
	csrw	sie, zero
	call	kit_secondary
1:	wfi
	j	1b

	.balign	4
kit_trap_entry:
	la	sp, __stack_top
	call	kit_trap
1:	j	1b

/*
 * void kit_regcheck(uint64_t r[33]): x1..x31 = r[1..31] except sp (x2),
 * then one ecall; r[n] = xn afterwards, r[0] = sp before, r[32] = sp after.
 */
	.globl	kit_regcheck
kit_regcheck:
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
	la	t0, kit_regcheck_ptr
	sd	a0, 0(t0)
	sd	sp, 0(a0)
	ld	x1, 8(a0)
	ld	x3, 24(a0)
	ld	x4, 32(a0)
	ld	x5, 40(a0)
	ld	x6, 48(a0)
	ld	x7, 56(a0)
	ld	x8, 64(a0)
	ld	x9, 72(a0)
	ld	x11, 88(a0)
	ld	x12, 96(a0)
	ld	x13, 104(a0)
	ld	x14, 112(a0)
	ld	x15, 120(a0)
	ld	x16, 128(a0)
	ld	x17, 136(a0)
	ld	x18, 144(a0)
	ld	x19, 152(a0)
	ld	x20, 160(a0)
	ld	x21, 168(a0)
	ld	x22, 176(a0)
	ld	x23, 184(a0)
	ld	x24, 192(a0)
	ld	x25, 200(a0)
	ld	x26, 208(a0)
	ld	x27, 216(a0)
	ld	x28, 224(a0)
	ld	x29, 232(a0)
	ld	x30, 240(a0)
	ld	x31, 248(a0)
	ld	x10, 80(a0)
	ecall
	addi	sp, sp, -16
	sd	a0, 0(sp)
	sd	a1, 8(sp)
	la	a0, kit_regcheck_ptr
	ld	a0, 0(a0)
	sd	x1, 8(a0)
	sd	x3, 24(a0)
	sd	x4, 32(a0)
	sd	x5, 40(a0)
	sd	x6, 48(a0)
	sd	x7, 56(a0)
	sd	x8, 64(a0)
	sd	x9, 72(a0)
	sd	x12, 96(a0)
	sd	x13, 104(a0)
	sd	x14, 112(a0)
	sd	x15, 120(a0)
	sd	x16, 128(a0)
	sd	x17, 136(a0)
	sd	x18, 144(a0)
	sd	x19, 152(a0)
	sd	x20, 160(a0)
	sd	x21, 168(a0)
	sd	x22, 176(a0)
	sd	x23, 184(a0)
	sd	x24, 192(a0)
	sd	x25, 200(a0)
	sd	x26, 208(a0)
	sd	x27, 216(a0)
	sd	x28, 224(a0)
	sd	x29, 232(a0)
	sd	x30, 240(a0)
	sd	x31, 248(a0)
	ld	t0, 0(sp)
	ld	t1, 8(sp)
	sd	t0, 80(a0)
	sd	t1, 88(a0)
	addi	sp, sp, 16
	sd	sp, 256(a0)
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

	.data
	.balign	8
kit_regcheck_ptr:
	.dword	0
