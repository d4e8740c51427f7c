/* SPDX-License-Identifier: MIT */
/*
 * tests/user/plan.c - the VMs of each user-mode program. The process is
 * the VM whose checks it runs, configured as the system hypervisor
 * configures that VM (arch/arm64/layout.c, arch/riscv/main.c,
 * arch/x86/main.c): same role, ABIs and capabilities, and the same other VMs
 * in the same slots, so the calls that name them (zone lists, ACRN
 * CREATE_VM by uuid) get the same answers. The other VMs never run here.
 */
#include "user.h"

#include <stddef.h>

#define ABI(a) HV_ABI_BIT(HV_ABI_##a)
#define OTHER_MEM_SIZE 65536u

static uint8_t other_mem[2][OTHER_MEM_SIZE] __attribute__((aligned(4096)));
static struct hv_vm_config others[2];

/* Unused by the plans without other VMs. */
__attribute__((unused)) static void other(unsigned i, const char *name, enum hv_role role, uint32_t abis,
		  uint32_t caps, const char *uuid)
{
	struct hv_vm_config *c = &others[i];

	c->name = name;
	c->role = role;
	c->abis = abis;
	c->caps = caps;
	c->nvcpus = 1;
	c->regions[0].gpa = (uint64_t)(uintptr_t)other_mem[i];
	c->regions[0].size = OTHER_MEM_SIZE;
	c->regions[0].host = other_mem[i];
	c->regions[0].flags = HV_MEM_READ | HV_MEM_WRITE;
	c->nregions = 1;
	if (uuid) /* 16 characters: ACRN's CREATE_VM names the VM by them */
		for (unsigned k = 0; k < 16; k++)
			c->uuid[k] = (uint8_t)uuid[k];
}

static void self(struct trapemu_options *opt, const char *name, enum hv_role role,
		 uint32_t abis, uint32_t caps, unsigned nothers)
{
	opt->name = name;
	opt->role = role;
	opt->abis = abis;
	opt->caps = caps;
	opt->others = nothers ? others : NULL;
	opt->nothers = nothers;
}

#if defined(USER_PLAN_ARM64_SERVICE)
const char user_plan_note[] = "user mode, arm64 under qemu-aarch64, as the service VM: "
	"real HVC/SMC at EL0 -> SIGILL -> trap emulator -> hv core";
void user_plan(struct trapemu_options *opt)
{
	self(opt, "service", HV_ROLE_SERVICE, ABI(HVISOR) | ABI(SMCCC), HV_CAP_PROBE, 2);
	other(0, "normal", HV_ROLE_NORMAL, ABI(HVISOR) | ABI(SMCCC), 0, NULL);
	other(1, "norights", HV_ROLE_NORMAL, 0, 0, NULL);
}
#elif defined(USER_PLAN_RISCV_SERVICE)
const char user_plan_note[] = "user mode, riscv64 under qemu-riscv64, as the service VM: "
	"ecall is a Linux system call here, so every call goes through the "
	"SIMULATED transport (HCALL_TRANSPORT_SIM) into the same hv core; "
	"the real ecall is checked by the system suite";
void user_plan(struct trapemu_options *opt)
{
	self(opt, "service", HV_ROLE_SERVICE, ABI(HVISOR) | ABI(SBI), HV_CAP_PROBE, 2);
	other(0, "normal", HV_ROLE_NORMAL, ABI(HVISOR) | ABI(SBI), HV_CAP_PROBE, NULL);
	other(1, "norights", HV_ROLE_NORMAL, 0, 0, NULL);
}
#elif defined(USER_PLAN_ACRN_SERVICE)
const char user_plan_note[] = "user mode, x86_64 under qemu-x86_64, as the ACRN Service VM: "
	"real VMCALL/VMMCALL -> SIGILL -> trap emulator -> hv core";
void user_plan(struct trapemu_options *opt)
{
	self(opt, "service", HV_ROLE_SERVICE, ABI(ACRN), HV_CAP_PROBE, 2);
	other(0, "normal", HV_ROLE_NORMAL, 0, 0, "hcall-x86-normal");
	other(1, "trusty", HV_ROLE_TRUSTY, ABI(ACRN), HV_CAP_PROBE, "hcall-x86-trusty");
}
#elif defined(USER_PLAN_ACRN_TRUSTY)
const char user_plan_note[] = "user mode, x86_64 under qemu-x86_64, as the ACRN Trusty VM: "
	"real VMCALL/VMMCALL -> SIGILL -> trap emulator -> hv core";
void user_plan(struct trapemu_options *opt)
{
	self(opt, "trusty", HV_ROLE_TRUSTY, ABI(ACRN), HV_CAP_PROBE, 0);
}
#elif defined(USER_PLAN_ACRN_NORIGHTS)
const char user_plan_note[] = "user mode, x86_64 under qemu-x86_64, as a VM without "
	"hypercall rights: real VMCALL/VMMCALL -> SIGILL -> trap emulator -> hv core";
void user_plan(struct trapemu_options *opt)
{
	self(opt, "normal", HV_ROLE_NORMAL, 0, 0, 0);
}
#elif defined(USER_PLAN_KVM_X86)
const char user_plan_note[] = "user mode, x86_64 under qemu-x86_64, as a KVM x86 VM: "
	"real VMCALL/VMMCALL -> SIGILL -> trap emulator -> hv core";
void user_plan(struct trapemu_options *opt)
{
	self(opt, "kvm", HV_ROLE_NORMAL, ABI(KVM_X86), HV_CAP_PROBE, 0);
}
#elif defined(USER_PLAN_PALACIOS)
const char user_plan_note[] = "user mode, x86_64 under qemu-x86_64, as a Palacios VM: "
	"real VMMCALL -> SIGILL -> trap emulator -> hv core";
void user_plan(struct trapemu_options *opt)
{
	self(opt, "palacios", HV_ROLE_NORMAL, ABI(PALACIOS), HV_CAP_PROBE, 0);
}
#else
#error "tests/user: build with -DUSER_PLAN_<NAME> (see tests/user/meson.build)"
#endif
