// SPDX-License-Identifier: MIT
/*
 * vmm_riscv64 - run a flat riscv64 guest under KVM: RAM at 0x80000000,
 * the guest entered there in VS-mode (KVM's default vCPU mode is S) with
 * a0 = hart ID 0 and translation off. The console is a byte store to
 * 0x10000000, outside RAM, so it exits as MMIO; SBI calls are answered by
 * KVM itself, and SRST reaches the VMM as a system event.
 *
 * usage: vmm_riscv64 GUEST.bin LABEL
 */
#include "vmm.h"

#define RAM_BASE 0x80000000UL
#define CONSOLE 0x10000000UL

#define CORE_REG(name) \
	(KVM_REG_RISCV | KVM_REG_SIZE_U64 | KVM_REG_RISCV_CORE | KVM_REG_RISCV_CORE_REG(name))

int main(int argc, char **argv)
{
	struct vm v;

	if (argc != 3)
		return 2;
	label = argv[2];
	v = vm_create(argv[1], RAM_BASE, 0);
	set_one_reg(&v, CORE_REG(regs.pc), RAM_BASE);
	set_one_reg(&v, CORE_REG(regs.a0), 0);
	return vm_run_mmio(&v, CONSOLE);
}
