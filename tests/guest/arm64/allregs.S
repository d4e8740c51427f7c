/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/allregs.S - a trap with every general-purpose register
 * under the test's control.
 *
 *   void arm64_trap_hvc0(const uint64_t in[31], uint64_t out[31]);
 *   void arm64_trap_hvc_hvisor(const uint64_t in[31], uint64_t out[31]);
 *   void arm64_trap_smc0(const uint64_t in[31], uint64_t out[31]);
 *
 * Load x0..x30 from in[], execute `hvc #0` / `hvc #0x4856` / `smc #0`,
 * store x0..x30 to out[]. The callee-saved registers and the pointers are
 * kept on the stack, so no register is left out of the check.
 */
.macro trapfn name, insn
	.global \name
	.type \name, %function
\name:
	stp	x29, x30, [sp, #-112]!
	stp	x19, x20, [sp, #16]
	stp	x21, x22, [sp, #32]
	stp	x23, x24, [sp, #48]
	stp	x25, x26, [sp, #64]
	stp	x27, x28, [sp, #80]
	str	x1, [sp, #96]
	mov	x30, x0
	ldp	x0, x1, [x30, #0]
	ldp	x2, x3, [x30, #16]
	ldp	x4, x5, [x30, #32]
	ldp	x6, x7, [x30, #48]
	ldp	x8, x9, [x30, #64]
	ldp	x10, x11, [x30, #80]
	ldp	x12, x13, [x30, #96]
	ldp	x14, x15, [x30, #112]
	ldp	x16, x17, [x30, #128]
	ldp	x18, x19, [x30, #144]
	ldp	x20, x21, [x30, #160]
	ldp	x22, x23, [x30, #176]
	ldp	x24, x25, [x30, #192]
	ldp	x26, x27, [x30, #208]
	ldp	x28, x29, [x30, #224]
	ldr	x30, [x30, #240]
	\insn
	str	x30, [sp, #-16]!
	ldr	x30, [sp, #(16 + 96)]
	stp	x0, x1, [x30, #0]
	stp	x2, x3, [x30, #16]
	stp	x4, x5, [x30, #32]
	stp	x6, x7, [x30, #48]
	stp	x8, x9, [x30, #64]
	stp	x10, x11, [x30, #80]
	stp	x12, x13, [x30, #96]
	stp	x14, x15, [x30, #112]
	stp	x16, x17, [x30, #128]
	stp	x18, x19, [x30, #144]
	stp	x20, x21, [x30, #160]
	stp	x22, x23, [x30, #176]
	stp	x24, x25, [x30, #192]
	stp	x26, x27, [x30, #208]
	stp	x28, x29, [x30, #224]
	ldr	x0, [sp], #16
	str	x0, [x30, #240]
	ldp	x19, x20, [sp, #16]
	ldp	x21, x22, [sp, #32]
	ldp	x23, x24, [sp, #48]
	ldp	x25, x26, [sp, #64]
	ldp	x27, x28, [sp, #80]
	ldp	x29, x30, [sp], #112
	ret
	.size \name, . - \name
.endm

	.text
	trapfn arm64_trap_hvc0, "hvc #0"
	trapfn arm64_trap_hvc_hvisor, "hvc #0x4856"
	trapfn arm64_trap_smc0, "smc #0"
