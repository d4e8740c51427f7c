/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/start.S - guest kernel entry (VS-mode under the hcall
 * hypervisor, S-mode on OpenSBI): a0 = hart id, a1 = boot argument.
 *
 * Only the first hart to arrive boots. A later one (firmware should
 * never send one here, but OpenSBI v1.1 can: see
 * check_sbi_conformance.c) is counted in rv_late_hart_count, with its
 * hart ID in rv_late_hart_id, and spins without touching memory until
 * rv_late_hart_release holds an address to jump to (a0 = its hart ID).
 */
	.section .text.boot, "ax"
	.globl _start
_start:
	lla	t0, rv_boot_claimed
	li	t1, 1
	amoswap.w t1, t1, (t0)
	bnez	t1, rv_late_hart
	la	sp, __stack_top
	la	t0, rv_guest_vector
	csrw	stvec, t0
	csrw	sie, zero
	mv	s0, a0
	mv	s1, a1
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	mv	a0, s0
	mv	a1, s1
	call	guest_start
3:	j	3b

rv_late_hart:
	lla	t0, rv_late_hart_id
	sd	a0, 0(t0)
	fence	w, w
	lla	t0, rv_late_hart_count
	li	t1, 1
	amoadd.w zero, t1, (t0)
	lla	t0, rv_late_hart_release
4:	ld	t1, 0(t0)
	beqz	t1, 4b
	jr	t1

	.section .data
	.align 3
rv_boot_claimed:
	.word 0
	.globl rv_late_hart_count
rv_late_hart_count:
	.word 0
	.globl rv_late_hart_id
rv_late_hart_id:
	.dword 0
	.globl rv_late_hart_release
rv_late_hart_release:
	.dword 0
