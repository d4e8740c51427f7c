/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/start.S - guest kernel entry (VS-mode under the hcall
 * hypervisor, S-mode on OpenSBI): a0 = hart id, a1 = boot argument.
 */
	.section .text.boot, "ax"
	.globl _start
_start:
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
