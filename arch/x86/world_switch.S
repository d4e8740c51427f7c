/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/world_switch.S - the run loop: VMRUN, #VMEXIT, the exit
 * handler, VMRUN again (world_switch.h).
 *
 * VMRUN itself loads and saves only RAX, RSP and RIP (through the VMCB),
 * so every other GPR is loaded from regs.r[] before VMRUN and stored back
 * after #VMEXIT, and RAX and RSP are copied between the VMCB and regs.r[]
 * on each side. The host keeps nothing in registers across VMRUN: #VMEXIT
 * gives back the host's RAX, which is the VMCB's address and so the
 * vCPU's struct x86_vcpu, and `hv` stays on the stack.
 *
 * A VMMCALL (an Intel-style VMCALL comes as #UD, through C) goes from
 * here to the core's hv_handle_vmcall() with only what it needs:
 * vcpu->pc past the instruction, the vCPU out of the guest (guest_seq,
 * npt.h) and the CPL; rbx and r12, callee-saved, keep the vCPU and its
 * register file across the call. When the core answers HV_RESUME, RIP takes
 * vcpu->pc (ACRN's world switch may have changed it) and the vCPU enters
 * again at once unless its work word (vm.h) asks for more: an event or
 * upcall to inject, a TLB flush, what the last entry wrote to undo. Every
 * other exit, and every other answer, goes to C: x86_handle_exit() or
 * x86_after_hypercall() (exit.c) returns the vCPU to enter next, ready
 * (vm.h); the loop ends when it returns none.
 *
 * Interrupts: from its first VMRUN to its return, x86_run keeps GIF
 * clear and RFLAGS.IF set, which #VMEXIT preserves (it clears GIF and
 * gives back the host's RFLAGS of VMRUN), so neither VMRUN nor #VMEXIT
 * needs STI, CLI, CLGI or STGI. GIF holds every interrupt off while an
 * exit is handled; the SVM_EXIT_INTR exit opens it for the pending kicks
 * (exit.c). IF is set for VMRUN: with V_INTR_MASKING (vm.c) the host's IF,
 * not the guest's, lets a physical interrupt (a kick) end the guest's
 * run, so a guest with interrupts off cannot hold up a TLB shootdown
 * (npt.h). The rest of the host runs with GIF set and IF clear, and
 * takes interrupts only where it waits for one (smp.h).
 *
 * No VMSAVE/VMLOAD here: the host never uses the state they switch (FS,
 * GS, TR, LDTR, KernelGSBase, the SYSCALL and SYSENTER MSRs; smp.h finds
 * the CPU from the stack), so it stays in the CPU while the same vCPU
 * runs again, and moves only when the CPU turns to another vCPU
 * (x86_vcpu_switch_to() and x86_vcpu_leave(), vm.c).
 *
 * Built with HV_BENCH_FLOOR (the round-trip bench's floor image only,
 * bench/roundtrip), the exit path answers the floor trap of
 * bench/roundtrip/bench_floor.h itself once the registers are saved: it
 * steps over the VMMCALL and enters the guest again, the physical floor
 * of any hypercall.
 */
#include "vmcb.h"
#include "world_switch.h"
#ifdef HV_BENCH_FLOOR
#include "bench_floor.h"
#endif
#define G(i) (8 * (i))

	.text
	.globl x86_run
x86_run:
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	pushq %rdi              /* hv; the stack is 16-byte aligned from here */
	movq %rsi, %rdi
	call x86_vcpu_ready
	clgi
	sti

.Lenter:			/* rax = the struct x86_vcpu to enter */
	movq X86_VCPU_GPRS(%rax), %r12
.Lenter_gprs:			/* and r12 = its regs.r[] */
	movq G(0)(%r12), %rcx
	movq %rcx, VMCB_RAX(%rax)
	movq G(4)(%r12), %rcx
	movq %rcx, VMCB_RSP(%rax)
.Lload_gprs:			/* r12 = regs.r[] */
	movq G(1)(%r12), %rcx
	movq G(2)(%r12), %rdx
	movq G(3)(%r12), %rbx
	movq G(5)(%r12), %rbp
	movq G(6)(%r12), %rsi
	movq G(7)(%r12), %rdi
	movq G(8)(%r12), %r8
	movq G(9)(%r12), %r9
	movq G(10)(%r12), %r10
	movq G(11)(%r12), %r11
	movq G(13)(%r12), %r13
	movq G(14)(%r12), %r14
	movq G(15)(%r12), %r15
	movq G(12)(%r12), %r12
	vmrun %rax
	/* #VMEXIT: RAX, RSP and RIP are the host's again; GIF is clear,
	 * IF set. */

	pushq %r12
	movq X86_VCPU_GPRS(%rax), %r12
	movq %rcx, G(1)(%r12)
	movq %rdx, G(2)(%r12)
	movq %rbx, G(3)(%r12)
	movq %rbp, G(5)(%r12)
	movq %rsi, G(6)(%r12)
	movq %rdi, G(7)(%r12)
	movq %r8, G(8)(%r12)
	movq %r9, G(9)(%r12)
	movq %r10, G(10)(%r12)
	movq %r11, G(11)(%r12)
	movq %r13, G(13)(%r12)
	movq %r14, G(14)(%r12)
	movq %r15, G(15)(%r12)
	popq G(12)(%r12)
#ifdef HV_BENCH_FLOOR
	cmpq $SVM_EXIT_VMMCALL, VMCB_EXITCODE(%rax)
	jne 1f
	cmpq $HV_BENCH_FLOOR_RAX, VMCB_RAX(%rax)
	jne 1f
	addq $3, VMCB_RIP(%rax)
	jmp .Lload_gprs
1:
#endif
	movq VMCB_RAX(%rax), %rcx
	movq %rcx, G(0)(%r12)
	movq VMCB_RSP(%rax), %rcx
	movq %rcx, G(4)(%r12)
	movq (%rsp), %rdi
	/* VMMCALL, an instruction intercept, never interrupts an event's
	 * delivery: EXITINTINFO is clear, nothing to deliver again. */
	cmpq $SVM_EXIT_VMMCALL, VMCB_EXITCODE(%rax)
	jne .Lother

	/* Out of the guest (npt_guest_exit): only this CPU writes guest_seq,
	 * and an x86 store is a release. */
	incl X86_VCPU_SEQ(%rax)
	movq %rax, %rbx		/* callee-saved, as r12: the vCPU across the call */
	movq VMCB_RIP(%rax), %rcx
	addq $X86_HCALL_INSN_LEN, %rcx
	movq %rcx, X86_GPRS_PC(%r12)	/* vcpu->pc */
	movq X86_VCPU_VCPU(%rax), %rsi
	movzbl VMCB_CPL(%rax), %edx
	call hv_handle_vmcall
	testl %eax, %eax
	jnz .Lafter		/* anything but HV_RESUME */
	movq X86_GPRS_PC(%r12), %rcx
	movq %rcx, VMCB_RIP(%rbx)
	movq %rbx, %rax
	/* In the guest again (npt_guest_enter) before the one look at the
	 * work word: sequentially consistent, as npt.h requires. */
	lock incl X86_VCPU_SEQ(%rbx)
	cmpl $0, X86_VCPU_WORK(%rbx)
	je .Lenter_gprs
	movq %rbx, %rdi
	call x86_vcpu_prepare_entry
	jmp .Lenter

.Lafter:
	movq %rbx, %rdi
	movl %eax, %esi
	call x86_after_hypercall
	jmp .Lnext

.Lother:
	movq %rax, %rsi
	call x86_handle_exit
.Lnext:
	testq %rax, %rax
	jnz .Lenter

	cli
	stgi
	popq %rdi
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	ret

	.section .note.GNU-stack, "", @progbits
