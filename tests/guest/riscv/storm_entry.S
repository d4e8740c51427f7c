/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/storm_entry.S - where SBI HSM hart_start starts the
 * storm guest's other vCPUs (storm.c): a0 = the hart ID, a1 = the opaque
 * value. Each takes the stack of its hart ID from storm_stacks (cleared
 * once by vCPU 0's boot, never by these), installs storm_vector with its
 * slot in sscratch and calls storm_vcpu(opaque, hartid).
 *
 * storm_vector: the only trap a storm vCPU expects is the supervisor
 * software interrupt (an IPI): it clears sip.SSIP and counts it in the
 * vCPU's slot, touching t0 and t1 only (saved in the slot and sscratch).
 * Anything else is recorded in the slot (scause) and the vCPU parks, which
 * the coordinator sees as a vCPU that no longer answers.
 */
#define STACK 0x2000	/* STORM_STACK in storm.c */
#define SLOT 32		/* struct storm_slot in storm.c */

	.text
	.align 2
	.globl storm_secondary
storm_secondary:
	li	t0, 4
	bgeu	a0, t0, 2f
	la	sp, storm_stacks
	addi	t0, a0, 1
	li	t1, STACK
	mul	t0, t0, t1
	add	sp, sp, t0
	mv	s0, a0
	mv	s1, a1
	call	storm_install
	mv	a0, s1
	mv	a1, s0
	call	storm_vcpu
2:	wfi
	j	2b

/* storm_install(hart): sscratch = &storm_slots[hart], stvec = storm_vector. */
	.globl storm_install
storm_install:
	la	t0, storm_slots
	slli	t1, a0, 5
	add	t0, t0, t1
	csrw	sscratch, t0
	la	t0, storm_vector
	csrw	stvec, t0
	ret

	.align 2
storm_vector:
	csrrw	t0, sscratch, t0	/* t0 = slot, sscratch = t0 */
	sd	t1, 0(t0)
	csrr	t1, scause
	bgez	t1, 1f			/* an exception */
	slli	t1, t1, 1
	srli	t1, t1, 1
	addi	t1, t1, -1		/* 1: supervisor software interrupt */
	bnez	t1, 1f
	csrci	sip, 2
	ld	t1, 8(t0)
	addi	t1, t1, 1
	sd	t1, 8(t0)
	ld	t1, 0(t0)
	csrrw	t0, sscratch, t0
	sret
1:	csrr	t1, scause
	sd	t1, 16(t0)
	fence	rw, rw
3:	wfi
	j	3b
