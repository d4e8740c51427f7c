/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/vectors.S - the guest's EL1 vector table, and the
 * switch to EL0 for guest_call_user().
 *
 * Every entry saves x0..x30, ELR_EL1 and SPSR_EL1 in a frame on the EL1
 * stack and calls guest_trap(frame, index) (index = entry 0..15: +0x200 is
 * 4 = current EL sync, +0x280 is 5 = current EL IRQ, +0x400 is 8 = lower
 * EL sync). guest_trap may change the frame; the exit restores it.
 */
#define FRAME 272

.macro entry idx
	.balign 0x80
	sub	sp, sp, #FRAME
	stp	x0, x1, [sp, #0]
	mov	x1, #\idx
	b	trap_common
.endm

	.text
	.balign 0x800
	.global guest_vectors
guest_vectors:
	entry 0
	entry 1
	entry 2
	entry 3
	entry 4
	entry 5
	entry 6
	entry 7
	entry 8
	entry 9
	entry 10
	entry 11
	entry 12
	entry 13
	entry 14
	entry 15

trap_common:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x2, elr_el1
	mrs	x3, spsr_el1
	stp	x30, x2, [sp, #240]
	str	x3, [sp, #256]
	mov	x0, sp
	bl	guest_trap
	ldp	x30, x2, [sp, #240]
	ldr	x3, [sp, #256]
	msr	elr_el1, x2
	msr	spsr_el1, x3
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	add	sp, sp, #FRAME
	eret

/*
 * uint64_t guest_call_user(uint64_t (*fn)(uint64_t), uint64_t arg)
 * Runs fn(arg) at EL0 (DAIF masked) on the user stack. fn returns into
 * user_exit, whose SVC brings guest_trap() back to guest_user_return
 * at EL1 with the result in x0.
 */
	.global guest_call_user
	.type guest_call_user, %function
guest_call_user:
	ldr	x2, =user_ctx
	mov	x3, sp
	stp	x19, x20, [x2, #0]
	stp	x21, x22, [x2, #16]
	stp	x23, x24, [x2, #32]
	stp	x25, x26, [x2, #48]
	stp	x27, x28, [x2, #64]
	stp	x29, x30, [x2, #80]
	str	x3, [x2, #96]
	msr	elr_el1, x0
	mov	x3, #0x3c0		/* EL0t, D A I F masked */
	msr	spsr_el1, x3
	ldr	x3, =__user_stack_top
	msr	sp_el0, x3
	mov	x0, x1
	ldr	x30, =user_exit
	eret
	.size guest_call_user, . - guest_call_user

user_exit:
	svc	#0
	b	user_exit

	.global guest_user_return
guest_user_return:
	ldr	x2, =user_ctx
	ldp	x19, x20, [x2, #0]
	ldp	x21, x22, [x2, #16]
	ldp	x23, x24, [x2, #32]
	ldp	x25, x26, [x2, #48]
	ldp	x27, x28, [x2, #64]
	ldp	x29, x30, [x2, #80]
	ldr	x3, [x2, #96]
	mov	sp, x3
	ret

	.bss
	.balign 16
user_ctx:
	.space 112
