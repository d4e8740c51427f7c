/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/world_switch.S - enter a guest with VMRUN and come back.
 *
 *   void svm_world_switch(uint64_t vmcb_pa, uint64_t gprs[16]);
 *
 * gprs[] is the guest's register file in ModRM order (rax 0, rcx 1, rdx 2,
 * rbx 3, rsp 4, rbp 5, rsi 6, rdi 7, r8..r15 8..15). VMRUN itself loads and
 * saves only RAX, RSP and RIP (through the VMCB), so every other GPR is
 * loaded from gprs[] before VMRUN and stored back after #VMEXIT; slots 0
 * and 4 are the VMCB's business and the C side copies them.
 *
 * Built with HV_BENCH_FLOOR (the round-trip bench's floor image only,
 * bench/roundtrip), the exit path answers the floor trap of
 * bench/roundtrip/bench_floor.h itself once the registers are saved: it
 * steps over the VMMCALL and enters the guest again, the physical floor
 * of any hypercall.
 */
#ifdef HV_BENCH_FLOOR
#include "bench_floor.h"
#endif
#define G(i) (8 * (i))
#define VMCB_EXITCODE 0x070
#define VMCB_RIP 0x578
#define VMCB_RAX 0x5F8
#define SVM_EXIT_VMMCALL 0x81

	.text
	.globl svm_world_switch
svm_world_switch:
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	pushq %rsi              /* gprs */
	pushq %rdi              /* VMCB physical address */

.Lload_guest:			/* rsi = gprs */
	movq G(1)(%rsi), %rcx
	movq G(2)(%rsi), %rdx
	movq G(3)(%rsi), %rbx
	movq G(5)(%rsi), %rbp
	movq G(7)(%rsi), %rdi
	movq G(8)(%rsi), %r8
	movq G(9)(%rsi), %r9
	movq G(10)(%rsi), %r10
	movq G(11)(%rsi), %r11
	movq G(12)(%rsi), %r12
	movq G(13)(%rsi), %r13
	movq G(14)(%rsi), %r14
	movq G(15)(%rsi), %r15
	movq G(6)(%rsi), %rsi
	movq (%rsp), %rax

	clgi
	vmrun %rax
	/* #VMEXIT: RAX, RSP and RIP are the host's again; GIF is 0. */

	pushq %rdi              /* guest rdi */
	movq 16(%rsp), %rdi     /* gprs */
	movq %rcx, G(1)(%rdi)
	movq %rdx, G(2)(%rdi)
	movq %rbx, G(3)(%rdi)
	movq %rbp, G(5)(%rdi)
	movq %rsi, G(6)(%rdi)
	movq %r8, G(8)(%rdi)
	movq %r9, G(9)(%rdi)
	movq %r10, G(10)(%rdi)
	movq %r11, G(11)(%rdi)
	movq %r12, G(12)(%rdi)
	movq %r13, G(13)(%rdi)
	movq %r14, G(14)(%rdi)
	movq %r15, G(15)(%rdi)
	popq %rax
	movq %rax, G(7)(%rdi)
#ifdef HV_BENCH_FLOOR
	movq (%rsp), %rax       /* VMCB (identity-mapped) */
	cmpq $SVM_EXIT_VMMCALL, VMCB_EXITCODE(%rax)
	jne 1f
	cmpq $HV_BENCH_FLOOR_RAX, VMCB_RAX(%rax)
	jne 1f
	addq $3, VMCB_RIP(%rax)
	movq %rdi, %rsi
	jmp .Lload_guest
1:
#endif
	stgi

	addq $16, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	ret

	.section .note.GNU-stack, "", @progbits
