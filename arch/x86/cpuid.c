/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/cpuid.c - what a guest's CPUID returns (intercepted, exit 0x72).
 *
 * Every leaf is the host CPU's (QEMU's), with these changes:
 *   - CPUID.1:ECX bit 31, reserved for hypervisors, is set: the guest runs
 *     under one;
 *   - the APIC ID is the vCPU's index, not the physical CPU's (CPUID.1:EBX
 *     bits 31:24, and EDX of the topology leaves 0xB and 0x1F): the ID
 *     that KVM's KICK_CPU and SCHED_YIELD and ACRN's MSIs name;
 *   - a VM with KVM's hypercall ABI finds KVM's interface at 0x40000000,
 *     as Linux Documentation/virt/kvm/x86/cpuid.rst defines it: eax = the
 *     highest KVM leaf (0x40000001), ebx:ecx:edx = "KVMKVMKVM\0\0\0";
 *     0x40000001 eax = the features whose calls the core serves
 *     (KVM_FEATURE_PV_UNHALT, bit 7, for KICK_CPU; KVM_FEATURE_PV_SCHED_YIELD,
 *     bit 13; not SEND_IPI or MAP_GPA_RANGE, which answer -KVM_ENOSYS,
 *     hv/svc_kvm_x86.c), edx = 0 (no hints). The
 *     rest of the 0x400000xx range is 0 for that VM.
 * The instruction is 2 bytes (0f a2); QEMU's SVM has no next-RIP.
 */
#include "vm.h"
#include "vmcb.h"

#define CPUID_INSN_LEN 2
#define LEAF1_ECX_HYPERVISOR (1u << 31)
#define LEAF_X2APIC_TOPOLOGY 0xBu /* EDX: the x2APIC ID */
#define LEAF_V2_TOPOLOGY 0x1Fu
#define KVM_LEAF_BASE 0x40000000u
#define KVM_LEAF_FEATURES 0x40000001u
/* KVM_FEATURE_PV_UNHALT (7), KVM_FEATURE_PV_SCHED_YIELD (13) */
#define KVM_FEATURES ((1u << 7) | (1u << 13))

/* Registers in ModRM order: rax 0, rcx 1, rdx 2, rbx 3. */
#define R_AX 0
#define R_CX 1
#define R_DX 2
#define R_BX 3

static void host_cpuid(uint32_t leaf, uint32_t sub, uint32_t out[4])
{
	__asm__ volatile("cpuid"
			 : "=a"(out[R_AX]), "=b"(out[R_BX]), "=c"(out[R_CX]), "=d"(out[R_DX])
			 : "a"(leaf), "c"(sub));
}

/* Little-endian register contents of four signature bytes. */
static uint32_t sig4(const char *s)
{
	return (uint32_t)(uint8_t)s[0] | (uint32_t)(uint8_t)s[1] << 8 |
	       (uint32_t)(uint8_t)s[2] << 16 | (uint32_t)(uint8_t)s[3] << 24;
}

void x86_cpuid_exit(struct hv_vcpu *vcpu, void *vmcb)
{
	uint32_t leaf = (uint32_t)vcpu->regs.r[R_AX];
	uint32_t sub = (uint32_t)vcpu->regs.r[R_CX];
	uint32_t out[4] = { 0, 0, 0, 0 };
	int kvm = (vcpu->vm->abis & HV_ABI_BIT(HV_ABI_KVM_X86)) != 0;
	static const char kvm_sig[12] = "KVMKVMKVM\0\0";

	if (kvm && (leaf & 0xffffff00u) == KVM_LEAF_BASE) {
		if (leaf == KVM_LEAF_BASE) {
			out[R_AX] = KVM_LEAF_FEATURES;
			out[R_BX] = sig4(kvm_sig);
			out[R_CX] = sig4(kvm_sig + 4);
			out[R_DX] = sig4(kvm_sig + 8);
		} else if (leaf == KVM_LEAF_FEATURES) {
			out[R_AX] = KVM_FEATURES;
		}
	} else {
		host_cpuid(leaf, sub, out);
		if (leaf == 1) {
			out[R_CX] |= LEAF1_ECX_HYPERVISOR;
			out[R_BX] = (out[R_BX] & 0x00ffffffu) | vcpu->id << 24;
		}
		if (leaf == LEAF_X2APIC_TOPOLOGY || leaf == LEAF_V2_TOPOLOGY)
			out[R_DX] = vcpu->id;
	}
	/* CPUID writes the 32-bit registers: the upper halves become 0. */
	for (unsigned i = 0; i < 4; i++)
		vcpu->regs.r[i] = out[i];
	vmcb_w64(vmcb, VMCB_RIP, vmcb_r64(vmcb, VMCB_RIP) + CPUID_INSN_LEN);
}
