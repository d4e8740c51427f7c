/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/entry.S - reset entry: the minimal M-mode shim, then HS-mode.
 *
 * QEMU starts the image in M-mode at its ELF entry (`-bios none`). The
 * shim opens PMP (else the mret itself faults), delegates every exception
 * and supervisor interrupt that HS-mode or the guest handles, and drops
 * to HS-mode. Every hart runs this: hart 0 goes on to boot the
 * hypervisor (a0 = the device tree QEMU passed in a1); the others wait
 * in WFI until rv_smp_boot() (smp.c) sets rv_harts_go and sends them a
 * machine software interrupt, then enter HS-mode at hs_secondary with
 * a0 = their hart ID (smp.h).
 *
 * At run time M-mode does one thing: a machine software interrupt (a
 * kick, CLINT MSIP, written by another hart in HS-mode) is cleared and
 * becomes this hart's supervisor software interrupt (mip.SSIP). Any other
 * trap into M-mode is a hypervisor bug and ends QEMU with a failure
 * status through the sifive_test device. See README.md for why this boot
 * path was chosen over OpenSBI.
 */
#include "csr.h"
#include "layout.h"
#include "smp.h"

/* Exceptions M-mode delegates to HS: all but ecall from HS/M (9, 11),
 * which cannot happen here (the hypervisor makes no SBI calls). */
#define MEDELEG_ALL 0xf0b5ff
/* Supervisor software, timer, external (the VS ones are delegated by
 * hardware when the H extension is present). */
#define MIDELEG_S 0x222

	.section .text.entry, "ax"
	.globl _start
_start:
	mv	s1, a1			/* QEMU's device tree */
	csrr	s0, mhartid
	li	t0, RV_MAX_HARTS
	bgeu	s0, t0, park		/* more harts than the hypervisor uses */
	/* mscratch = this hart's M-mode scratch: {saved t1, &its MSIP} */
	la	t0, rv_m_scratch
	slli	t1, s0, 4
	add	t0, t0, t1
	li	t1, RV_CLINT_MSIP
	slli	t2, s0, 2
	add	t1, t1, t2
	sd	t1, 8(t0)
	csrw	mscratch, t0
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
	li	t0, 8			/* mie.MSIE: kicks */
	csrs	mie, t0
	bnez	s0, m_wait
	la	t0, hs_start
m_to_hs:
	csrw	mepc, t0
	/* mstatus.MPP = S (01), MPV = 0 */
	li	t0, (3 << 11)
	csrc	mstatus, t0
	li	t0, (1 << 11)
	csrs	mstatus, t0
	li	t0, 1
	slli	t0, t0, 39
	csrc	mstatus, t0
	mv	a0, s0
	mret

	/* A secondary hart: wait for the release, clear the MSIP that woke
	 * it (else it would be taken at once in HS), go to HS-mode. */
m_wait:
	wfi
	la	t0, rv_harts_go
	lw	t0, 0(t0)
	beqz	t0, m_wait
	csrr	t0, mscratch
	ld	t0, 8(t0)
	sw	zero, 0(t0)
	la	t0, hs_secondary
	j	m_to_hs

park:
	wfi
	j	park

	/* M-mode trap: a kick becomes SSIP; anything else fails. */
	.align 4
m_trap:
	csrrw	t0, mscratch, t0
	sd	t1, 0(t0)
	csrr	t1, mcause
	bgez	t1, m_fail		/* an exception */
	ld	t1, 8(t0)
	sw	zero, 0(t1)		/* clear this hart's MSIP */
	csrsi	mip, 2			/* SSIP: HS-mode sees the kick */
	ld	t1, 0(t0)
	csrrw	t0, mscratch, t0
	mret

	/* Unexpected M-mode trap: fail with code 0x4d ('M'), never 0. */
m_fail:
	li	t0, RV_TEST_BASE
	li	t1, (0x4d << 16) | 0x3333
	sw	t1, 0(t0)
1:	j	1b

	/* HS-mode from here on. */
hs_start:
	la	sp, rv_hv_stacks + RV_STACK_SIZE
	la	t0, rv_hs_vector
	csrw	stvec, t0
	la	t0, __bss_start
	la	t1, __bss_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:	mv	a0, s1
	call	rv_main
	j	park

	/* A secondary hart in HS-mode, a0 = its hart ID: its own stack. */
hs_secondary:
	la	sp, rv_hv_stacks
	addi	t0, a0, 1
	li	t1, RV_STACK_SIZE
	mul	t0, t0, t1
	add	sp, sp, t0
	la	t0, rv_hs_vector
	csrw	stvec, t0
	call	rv_secondary
	j	park

	.section .data
	.align 4
rv_m_scratch:
	.space 16 * RV_MAX_HARTS
