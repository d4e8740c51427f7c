// SPDX-License-Identifier: MIT
/*
 * vmm_arm64 - run a flat arm64 guest under KVM: RAM at 0x40000000, the
 * guest entered there at EL1 with the MMU off, PSCI 0.2+ enabled (without
 * KVM_ARM_VCPU_PSCI_0_2 KVM offers only PSCI 0.1). The console is a byte
 * store to 0x09000000, outside RAM, so it exits as MMIO.
 *
 * usage: vmm_arm64 GUEST.bin LABEL
 */
#include "vmm.h"

#define RAM_BASE 0x40000000UL
#define CONSOLE 0x09000000UL

int main(int argc, char **argv)
{
	struct kvm_vcpu_init init;
	struct vm v;

	if (argc != 3)
		return 2;
	label = argv[2];
	v = vm_create(argv[1], RAM_BASE, 0);
	xioctl(v.vm, KVM_ARM_PREFERRED_TARGET, &init, "KVM_ARM_PREFERRED_TARGET");
	init.features[0] |= 1u << KVM_ARM_VCPU_PSCI_0_2;
	xioctl(v.vcpu, KVM_ARM_VCPU_INIT, &init, "KVM_ARM_VCPU_INIT");
	/* KVM_ARM_VCPU_INIT leaves PSTATE at EL1h with DAIF masked. */
	set_one_reg(&v, KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE |
				KVM_REG_ARM_CORE_REG(regs.pc), RAM_BASE);
	return vm_run_mmio(&v, CONSOLE);
}
