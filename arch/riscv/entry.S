/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/entry.S - reset entry: the minimal M-mode shim, then HS-mode.
 *
 * QEMU starts the image in M-mode at its ELF entry (`-bios none`). The
 * shim opens PMP (else the mret itself faults), delegates every exception
 * and supervisor interrupt that HS-mode or the guest handles, parks the
 * other harts and drops to HS-mode. After that M-mode is never entered
 * again: a trap into it is a hypervisor bug and ends QEMU with a failure
 * status through the sifive_test device. See README.md for why this boot
 * path was chosen over OpenSBI.
 */
#include "csr.h"
#include "layout.h"

/* Exceptions M-mode delegates to HS: all but ecall from HS/M (9, 11),
 * which cannot happen here (the hypervisor makes no SBI calls). */
#define MEDELEG_ALL 0xf0b5ff
/* Supervisor software, timer, external (the VS ones are delegated by
 * hardware when the H extension is present). */
#define MIDELEG_S 0x222

	.section .text.entry, "ax"
	.globl _start
_start:
	csrr	t0, mhartid
	bnez	t0, park
	la	t0, m_trap
	csrw	mtvec, t0
	li	t0, -1
	csrw	pmpaddr0, t0
	li	t0, 0x1f		/* TOR/NAPOT, R W X */
	csrw	pmpcfg0, t0
	li	t0, MEDELEG_ALL
	csrw	medeleg, t0
	li	t0, MIDELEG_S
	csrw	mideleg, t0
	li	t0, 7
	csrw	mcounteren, t0
	/* Sstc: S and HS (and, through henvcfg, VS) may use the timer
	 * compare CSRs; menvcfg is CSR 0x30a. */
	li	t0, 1
	slli	t0, t0, 63
	csrs	0x30a, t0
	/* mstatus.MPP = S (01), MPV = 0 */
	li	t0, (3 << 11)
	csrc	mstatus, t0
	li	t0, (1 << 11)
	csrs	mstatus, t0
	li	t0, 1
	slli	t0, t0, 39
	csrc	mstatus, t0
	la	t0, hs_start
	csrw	mepc, t0
	mret

park:
	wfi
	j	park

	/* Unexpected M-mode trap: fail with code 0x4d ('M'), never 0. */
	.align 4
m_trap:
	li	t0, RV_TEST_BASE
	li	t1, (0x4d << 16) | 0x3333
	sw	t1, 0(t0)
1:	j	1b

	/* HS-mode from here on. */
hs_start:
	la	sp, rv_hv_stack_top
	la	t0, rv_hs_vector
	csrw	stvec, t0
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	call	rv_main
	j	park
