/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/world_switch.h - what world_switch.S and the C glue share.
 *
 * world_switch.S reaches a vCPU through its struct x86_vcpu (vm.h), whose
 * first page is the VMCB (identity-mapped: its address is also the
 * physical address VMRUN takes) and whose X86_VCPU_GPRS field points at
 * the guest's register file, struct hv_vcpu's regs.r[]. Its VMMCALL path
 * also uses the vCPU's struct hv_vcpu, its work word and guest_seq, and
 * struct hv_vcpu's pc, X86_GPRS_PC bytes past regs.r[] (vm.c checks every
 * offset at compile time).
 */
#ifndef ARCH_X86_WORLD_SWITCH_H
#define ARCH_X86_WORLD_SWITCH_H

#define X86_VCPU_VMCB 0
#define X86_VCPU_GPRS 4096
#define X86_VCPU_VCPU 4104
#define X86_VCPU_WORK 4112
#define X86_VCPU_SEQ 4116
#define X86_GPRS_PC 256
/* VMCALL and VMMCALL: QEMU's SVM has no next-RIP to give it. */
#define X86_HCALL_INSN_LEN 3

#ifndef __ASSEMBLER__
struct hv;
struct hv_vcpu;

/*
 * Run `first` (a vCPU x86_pick_next() chose) on this CPU until
 * x86_handle_exit() or x86_after_hypercall() (exit.c) finds nothing left
 * to run here. One call per burst of
 * guest execution: the host's callee-saved registers are saved here, not
 * on every VMRUN. Between #VMEXIT and the next VMRUN the guest's register
 * file is whole in regs.r[] (RAX and RSP copied from the VMCB), in ModRM
 * order: rax 0, rcx 1, rdx 2, rbx 3, rsp 4, rbp 5, rsi 6, rdi 7, r8..r15.
 */
void x86_run(struct hv *hv, struct hv_vcpu *first);
#endif

#endif /* ARCH_X86_WORLD_SWITCH_H */
