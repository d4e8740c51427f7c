/* SPDX-License-Identifier: MIT */
/*
 * An out-of-tree hypervisor embedding hcall's core, built against an
 * installed hcall (pkg-config `hcall-hv`, CMake `hcall::hv`): the way a
 * hypervisor writer starts, before any hardware. The "architecture" is a
 * fake arm64: its ops only record what the core asks for, and a trap is
 * a register frame filled by hand and handed to hv_handle_trap(), as the
 * real glue does after saving the guest's registers on an HVC exit.
 *
 * Expected values are the specifications': SMCCC DEN0028 (PSCI_VERSION
 * is function ID 0x84000000, an unknown function ID answers
 * NOT_SUPPORTED = -1 in w0) and PSCI DEN0022 (the version is
 * major << 16 | minor, major >= 1 for PSCI 1.x). A VM with no hypercall
 * rights gets the undefined-instruction exception.
 *
 * Exit status 0 when every answer is right.
 */
#include <hv.h>

#include <stdio.h>
#include <string.h>

#define SPEC_PSCI_VERSION 0x84000000u
#define SPEC_SIP_UNKNOWN 0x8200ff00u /* SiP owner, a function nobody has */
#define SPEC_NOT_SUPPORTED (-1)

static struct hv hv; /* large (the handler registry): static storage */
static int faults, last_fault = -1;

/* ---- the fake architecture ------------------------------------------- */

static void inject_fault(struct hv_vcpu *vcpu, enum hv_fault fault)
{
	(void)vcpu;
	faults++;
	last_fault = (int)fault;
}

static void upcall(struct hv_vcpu *vcpu, unsigned vector)
{
	(void)vcpu;
	(void)vector;
}

static int vm_start(struct hv_vm *vm)
{
	(void)vm;
	return 0; /* a real glue builds the stage-2 tables here */
}

static void vm_stop(struct hv_vm *vm)
{
	(void)vm;
}

static const struct hv_arch_ops fake_arm64 = {
	.arch = HCALL_ARCH_ARM64,
	.inject_fault = inject_fault,
	.upcall = upcall,
	.vm_start = vm_start,
	.vm_stop = vm_stop,
};

/* One HVC #0 from EL1 with x0 = fid; returns x0 after the core. */
static uint64_t hvc(struct hv_vcpu *vcpu, uint64_t fid, enum hv_action *action)
{
	memset(&vcpu->regs, 0, sizeof(vcpu->regs));
	vcpu->regs.r[0] = fid;
	*action = hv_handle_trap(&hv, vcpu, HCALL_TRAP_HVC, 0, 0);
	return vcpu->regs.r[0];
}

static struct hv_vm *vm(const char *name, uint32_t abis, uint8_t *ram, uint64_t size)
{
	struct hv_vm_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.name = name;
	cfg.role = HV_ROLE_NORMAL;
	cfg.abis = abis;
	cfg.nvcpus = 1;
	cfg.regions[0].gpa = 0x40000000;
	cfg.regions[0].size = size;
	cfg.regions[0].host = ram;
	cfg.regions[0].flags = HV_MEM_READ | HV_MEM_WRITE;
	cfg.nregions = 1;
	cfg.start = 1;
	return hv_vm_create(&hv, &cfg);
}

int main(void)
{
	static uint8_t ram_a[4096], ram_b[4096];
	struct hv_vm *guest, *norights;
	enum hv_action action;
	uint64_t x0;
	int bad = 0;

	if (hv_init(&hv, &fake_arm64) ||
	    !(guest = vm("guest", HV_ABI_BIT(HV_ABI_SMCCC), ram_a, sizeof(ram_a))) ||
	    !(norights = vm("no-rights", 0, ram_b, sizeof(ram_b)))) {
		puts("FAIL: hv_init or hv_vm_create");
		return 1;
	}

	x0 = hvc(&guest->vcpus[0], SPEC_PSCI_VERSION, &action);
	printf("PSCI_VERSION: x0 = 0x%llx (PSCI %u.%u), action %d\n",
	       (unsigned long long)x0, (unsigned)(x0 >> 16) & 0x7fff,
	       (unsigned)x0 & 0xffff, (int)action);
	if (action != HV_RESUME || (x0 >> 16) < 1 || (x0 >> 31)) {
		puts("FAIL: want a resume and PSCI 1.x");
		bad = 1;
	}

	x0 = hvc(&guest->vcpus[0], SPEC_SIP_UNKNOWN, &action);
	printf("unknown SiP function: w0 = %d, action %d\n", (int)(int32_t)x0, (int)action);
	if (action != HV_RESUME || (int32_t)x0 != SPEC_NOT_SUPPORTED) {
		puts("FAIL: want a resume and NOT_SUPPORTED (-1)");
		bad = 1;
	}

	x0 = hvc(&norights->vcpus[0], SPEC_PSCI_VERSION, &action);
	printf("VM without rights: action %d, faults injected %d (kind %d)\n",
	       (int)action, faults, last_fault);
	if (action != HV_INJECTED || faults != 1 || last_fault != HV_FAULT_UNDEF) {
		puts("FAIL: want the undefined-instruction exception, injected once");
		bad = 1;
	}

	puts(bad ? "embedder: FAIL" : "embedder: every answer as the specifications say");
	return bad;
}
