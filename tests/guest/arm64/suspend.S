/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/suspend.S - a PSCI power-down the caller survives.
 *
 * uint64_t arm64_suspend(uint64_t fid, uint64_t power_state, uint64_t system)
 *
 * Saves the callee-saved registers, sp and VBAR_EL1 in suspend_ctx and
 * makes the call: CPU_SUSPEND (system = 0: x1 = power_state, x2 = entry,
 * x3 = context ID) or SYSTEM_SUSPEND (system != 0: x1 = entry, x2 =
 * context ID), with entry = suspend_resume and context ID = &suspend_ctx.
 * If the call returns (an error, or a standby), the result is x0. If the
 * CPU powers down and wakes at the entry point, the registers come back
 * from suspend_ctx and the result is 1 when x0 held the context ID, 3
 * when it did not (DEN0022 5.4: the core starts at entry_point_address
 * with context_id in x0, its EL1 state reset).
 */
	.text
	.global arm64_suspend
arm64_suspend:
	adr	x9, suspend_ctx
	stp	x19, x20, [x9, #0]
	stp	x21, x22, [x9, #16]
	stp	x23, x24, [x9, #32]
	stp	x25, x26, [x9, #48]
	stp	x27, x28, [x9, #64]
	stp	x29, x30, [x9, #80]
	mov	x10, sp
	mrs	x11, vbar_el1
	stp	x10, x11, [x9, #96]
	adr	x10, suspend_resume
	cbnz	x2, 1f
	mov	x2, x10
	mov	x3, x9
	b	2f
1:	mov	x1, x10
	mov	x2, x9
2:	hvc	#0
	ret

suspend_resume:
	adr	x9, suspend_ctx
	mov	x12, #1
	cmp	x0, x9
	b.eq	3f
	mov	x12, #3
3:	ldp	x10, x11, [x9, #96]
	mov	sp, x10
	msr	vbar_el1, x11
	isb
	ldp	x19, x20, [x9, #0]
	ldp	x21, x22, [x9, #16]
	ldp	x23, x24, [x9, #32]
	ldp	x25, x26, [x9, #48]
	ldp	x27, x28, [x9, #64]
	ldp	x29, x30, [x9, #80]
	mov	x0, x12
	ret

	.data
	.balign 16
suspend_ctx:
	.skip	112
