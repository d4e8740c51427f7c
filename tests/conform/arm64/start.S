/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/arm64/start.S - entry of the arm64 conformance guest, its
 * EL1 exception vectors, the secondary-CPU entry for PSCI CPU_ON, and the
 * register-preservation probe.
 *
 * The guest runs at EL1. Entered at EL2 (a machine with virtualization
 * on and no hypervisor, e.g. QEMU virt,virtualization=on running its PSCI
 * over SMC), it first makes EL2 transparent (no traps, no stage 2) and
 * drops to EL1h.
 */
#include "conduit.h"

	.macro	drop_to_el1 label
	mrs	x9, CurrentEL
	lsr	x9, x9, #2
	cmp	x9, #2
	b.ne	\label
	mov	x9, #(1 << 31)		/* HCR_EL2.RW: EL1 is AArch64 */
	msr	hcr_el2, x9
	mov	x9, #0x33ff		/* CPTR_EL2: no FP/SIMD traps */
	msr	cptr_el2, x9
	mov	x9, #3			/* CNTHCTL_EL2: EL1 timer access */
	msr	cnthctl_el2, x9
	msr	cntvoff_el2, xzr
	mrs	x9, midr_el1
	msr	vpidr_el2, x9
	mrs	x9, mpidr_el1
	msr	vmpidr_el2, x9
	ldr	x9, =0x30d00800		/* SCTLR_EL1: RES1 bits, MMU and caches off */
	msr	sctlr_el1, x9
	mov	x9, #0x3c5		/* EL1h, DAIF masked */
	msr	spsr_el2, x9
	adr	x9, \label
	msr	elr_el2, x9
	eret
	.endm

	.section .text.boot, "ax"
	.global	_start
_start:
	mrs	x9, CurrentEL
	lsr	x19, x9, #2		/* kept for the banner */
	drop_to_el1 1f
1:	ldr	x1, =__stack_top
	mov	sp, x1
	ldr	x1, =kit_vectors
	msr	vbar_el1, x1
	isb
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
2:	cmp	x1, x2
	b.hs	3f
	str	xzr, [x1], #8
	b	2b
3:	mov	x0, x19
	bl	kit_main
4:	wfi
	b	4b

/* PSCI CPU_ON entry: x0 = context_id. */
	.global	kit_secondary_entry
	.balign	8
kit_secondary_entry:
	mov	x19, x0
	drop_to_el1 1f
1:	ldr	x1, =__secondary_stack_top
	mov	sp, x1
	ldr	x1, =kit_vectors
	msr	vbar_el1, x1
	isb
	mov	x0, x19
	bl	kit_secondary
2:	wfi
	b	2b

/* EL1 vectors: every exception is unexpected; report it and stop. */
	.macro	vec idx
	.balign	0x80
	mov	x0, #\idx
	b	kit_exception_entry
	.endm
	.text
	.balign	0x800
	.global	kit_vectors
kit_vectors:
	.irp	i, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vec	\i
	.endr
kit_exception_entry:
	ldr	x1, =__stack_top
	mov	sp, x1
	b	kit_exception

/*
 * void kit_regcheck(uint64_t r[33]): x0..x30 = r[0..30], then one call
 * through the conduit; r[0..30] = x0..x30 afterwards, r[31] = SP before,
 * r[32] = SP after.
 */
	.global	kit_regcheck
kit_regcheck:
	stp	x29, x30, [sp, #-96]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	adrp	x1, kit_regcheck_ptr
	str	x0, [x1, :lo12:kit_regcheck_ptr]
	mov	x1, sp
	str	x1, [x0, #248]
	ldp	x18, x19, [x0, #144]
	ldp	x20, x21, [x0, #160]
	ldp	x22, x23, [x0, #176]
	ldp	x24, x25, [x0, #192]
	ldp	x26, x27, [x0, #208]
	ldp	x28, x29, [x0, #224]
	ldr	x30, [x0, #240]
	ldp	x2, x3, [x0, #16]
	ldp	x4, x5, [x0, #32]
	ldp	x6, x7, [x0, #48]
	ldp	x8, x9, [x0, #64]
	ldp	x10, x11, [x0, #80]
	ldp	x12, x13, [x0, #96]
	ldp	x14, x15, [x0, #112]
	ldp	x16, x17, [x0, #128]
	ldp	x0, x1, [x0]
	KIT_CONDUIT_INSN
	stp	x0, x1, [sp, #-16]!
	adrp	x0, kit_regcheck_ptr
	ldr	x0, [x0, :lo12:kit_regcheck_ptr]
	stp	x2, x3, [x0, #16]
	stp	x4, x5, [x0, #32]
	stp	x6, x7, [x0, #48]
	stp	x8, x9, [x0, #64]
	stp	x10, x11, [x0, #80]
	stp	x12, x13, [x0, #96]
	stp	x14, x15, [x0, #112]
	stp	x16, x17, [x0, #128]
	stp	x18, x19, [x0, #144]
	stp	x20, x21, [x0, #160]
	stp	x22, x23, [x0, #176]
	stp	x24, x25, [x0, #192]
	stp	x26, x27, [x0, #208]
	stp	x28, x29, [x0, #224]
	str	x30, [x0, #240]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0]
	mov	x1, sp
	str	x1, [x0, #256]
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #96
	ret

	.data
	.balign	8
kit_regcheck_ptr:
	.quad	0
