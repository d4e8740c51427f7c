/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/sbi_smp.S - where a hart started by the SBI HSM
 * extension begins (check_sbi_conformance.c): a0 = its hart ID, a1 = the
 * opaque value of hart_start. It gets a stack of its own and a trap
 * vector of its own (the runtime's vector and trap stack belong to the
 * boot hart), then runs sbi_secondary_main(hartid, opaque), which ends
 * in hart_stop.
 */
#define STACK 4096

	.section .text
	.align 2
	.globl sbi_secondary_entry
sbi_secondary_entry:
	la	sp, sbi_secondary_stack + STACK
	la	t0, sbi_secondary_trap
	csrw	stvec, t0
	csrw	sie, zero
	call	sbi_secondary_main
1:	wfi
	j	1b

/*
 * Non-retentive suspend (HSM hart_suspend, SUSP): the hart comes back at
 * sbi_resume_entry like a started one, a0 = hart ID, a1 = the opaque
 * value, here the struct sbi_resume_ctx that sbi_suspend_call saved.
 *
 * int64_t sbi_suspend_call(struct sbi_resume_ctx *ctx, uint64_t eid,
 *                          uint64_t fid, uint64_t type):
 * saves ra, sp, gp, tp, s0-s11 and stvec in ctx, then ecall(eid, fid,
 * a0 = type, a1 = sbi_resume_entry, a2 = ctx). If the call returns, its
 * error comes back (negative, or 0 for a retentive suspend); after a
 * resume, ctx->hartid and ctx->opaque hold a0/a1 and it returns 1.
 */
	.globl sbi_suspend_call
sbi_suspend_call:
	sd	ra, 0(a0)
	sd	sp, 8(a0)
	sd	gp, 16(a0)
	sd	tp, 24(a0)
	sd	s0, 32(a0)
	sd	s1, 40(a0)
	sd	s2, 48(a0)
	sd	s3, 56(a0)
	sd	s4, 64(a0)
	sd	s5, 72(a0)
	sd	s6, 80(a0)
	sd	s7, 88(a0)
	sd	s8, 96(a0)
	sd	s9, 104(a0)
	sd	s10, 112(a0)
	sd	s11, 120(a0)
	csrr	t0, stvec
	sd	t0, 128(a0)
	mv	t1, a0
	mv	a7, a1
	mv	a6, a2
	mv	a0, a3
	la	a1, sbi_resume_entry
	mv	a2, t1
	ecall
	ret

	.globl sbi_resume_entry
sbi_resume_entry:
	sd	a0, 136(a1)
	sd	a1, 144(a1)
	ld	t0, 128(a1)
	csrw	stvec, t0
	ld	ra, 0(a1)
	ld	sp, 8(a1)
	ld	gp, 16(a1)
	ld	tp, 24(a1)
	ld	s0, 32(a1)
	ld	s1, 40(a1)
	ld	s2, 48(a1)
	ld	s3, 56(a1)
	ld	s4, 64(a1)
	ld	s5, 72(a1)
	ld	s6, 80(a1)
	ld	s7, 88(a1)
	ld	s8, 96(a1)
	ld	s9, 104(a1)
	ld	s10, 112(a1)
	ld	s11, 120(a1)
	li	a0, 1
	ret

/* A hart that must leave: HSM hart_stop (a7 = "HSM", a6 = 1), no stack. */
	.globl sbi_stop_self
sbi_stop_self:
	li	a7, 0x48534D
	li	a6, 1
	ecall
3:	j	3b

/* Any trap on the started hart: record scause for the boot hart and park. */
	.align 2
sbi_secondary_trap:
	csrr	t0, scause
	la	t1, sbi_secondary_fault
	sd	t0, 0(t1)
	fence
2:	wfi
	j	2b

	.section .bss
	.align 4
sbi_secondary_stack:
	.space STACK
	.align 3
	.globl sbi_secondary_fault
sbi_secondary_fault:
	.space 8
