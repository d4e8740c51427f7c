/* SPDX-License-Identifier: MIT */
/*
 * Core pieces: configuration checks, guest-memory copies, the
 * speculation clamp, scheduling hand-off.
 */
#include "harness.h"
#include "nospec.h"

TestSuite(core, .init = NULL);

Test(core, init_needs_every_op)
{
	struct hv_arch_ops bad = ops;

	bad.upcall = NULL;
	cr_assert_eq(hv_init(&H, &bad), -22);
	cr_assert_eq(hv_init(&H, NULL), -22);
}

Test(core, config_checks)
{
	struct hv_vm_config c;

	setup_arch(HCALL_ARCH_X86_64);
	memset(&c, 0, sizeof(c));
	c.nvcpus = 1;
	c.abis = HV_ABI_BIT(HV_ABI_KVM_X86) | HV_ABI_BIT(HV_ABI_ACRN);
	cr_assert_null(hv_vm_create(&H, &c)); /* two x86 ABIs */
	c.abis = 0;
	c.nvcpus = HV_MAX_VCPUS + 1;
	cr_assert_null(hv_vm_create(&H, &c));
	c.nvcpus = 1;
	c.regions[0] = (struct hv_region){ R0, MEM_SIZE, mem[0][0], HV_MEM_READ };
	c.regions[1] = (struct hv_region){ R0 + 0x1000, MEM_SIZE, mem[0][1], HV_MEM_READ };
	c.nregions = 2;
	cr_assert_null(hv_vm_create(&H, &c)); /* overlap */
	c.regions[1].gpa = ~0ull - 0x10;
	cr_assert_null(hv_vm_create(&H, &c)); /* wraps */
	c.nregions = 1;
	cr_assert_not_null(hv_vm_create(&H, &c));
	cr_assert_eq(H.nvms, 1);
	fk.start_ret = -5;
	c.start = 1;
	cr_assert_null(hv_vm_create(&H, &c)); /* glue refused */
	cr_assert_eq(H.nvms, 1); /* the failed VM's slot is not counted */
}

Test(core, guest_copies)
{
	struct hv_vm *vm;
	uint8_t buf[32];

	setup_arch(HCALL_ARCH_ARM64);
	vm = make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_SMCCC), 1);
	vm->regions[1].flags = HV_MEM_READ; /* read-only region */
	memset(buf, 0x11, sizeof(buf));
	cr_assert_eq(hv_copy_to_guest(vm, R0 + 8, buf, 32), 0);
	cr_assert_eq(mem[0][0][8], 0x11);
	cr_assert_eq(hv_copy_to_guest(vm, R1, buf, 32), -14);
	cr_assert_eq(hv_copy_from_guest(vm, buf, R1, 32), 0);
	cr_assert_eq(hv_copy_from_guest(vm, buf, R0 + MEM_SIZE - 16, 32), -14);
	cr_assert_eq(hv_copy_from_guest(vm, buf, ~0ull - 8, 32), -14);
	cr_assert_eq(hv_copy_from_guest(vm, buf, R0, ~0ull), -14);
	cr_assert_eq(hv_copy_from_guest(vm, buf, R0 - 1, 2), -14);
	cr_assert_eq(hv_copy_from_guest(vm, buf, 0x1234, 0), 0); /* nothing to copy */
}

Test(core, nospec_clamp)
{
	cr_assert_eq(hv_index_nospec(0, 4), 0);
	cr_assert_eq(hv_index_nospec(3, 4), 3);
	cr_assert_eq(hv_index_nospec(4, 4), 0);
	cr_assert_eq(hv_index_nospec(~0ull, 4), 0);
	cr_assert_eq(hv_index_nospec(1ull << 63, 4), 0);
	cr_assert_eq(hv_index_nospec(255, 256), 255);
}

Test(core, next_vcpu_round_robin)
{
	struct hv_vm *a, *b;

	setup_arch(HCALL_ARCH_ARM64);
	a = make_vm(0, HV_ROLE_SERVICE, HV_ABI_BIT(HV_ABI_SMCCC), 1);
	b = make_vm(1, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_SMCCC), 1);
	cr_assert_eq(hv_next_vcpu(&H, &a->vcpus[0]), &b->vcpus[0]);
	cr_assert_eq(hv_next_vcpu(&H, &b->vcpus[0]), &a->vcpus[0]);
	cr_assert_eq(hv_next_vcpu(&H, NULL), &a->vcpus[0]);
	a->vcpus[0].online = 0;
	b->state = HV_VM_PAUSED;
	cr_assert_null(hv_next_vcpu(&H, NULL));
}

Test(core, no_service_vm_no_upcall)
{
	setup_arch(HCALL_ARCH_ARM64);
	make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_SMCCC), 1);
	hv_notify_service_vm(&H);
	cr_assert_eq(fk.upcalls, 0);
}

Test(core, acrn_vm_started_at_boot_and_failed_start_frees_the_slot)
{
	struct hv_vm_config c;
	struct hv_vm *vm;

	setup_arch(HCALL_ARCH_X86_64);
	memset(&c, 0, sizeof(c));
	c.nvcpus = 1;
	c.uuid[0] = 1;
	c.start = 1;
	vm = hv_vm_create(&H, &c);
	cr_assert_not_null(vm);
	cr_assert_eq(vm->state, HV_VM_RUNNING); /* started, still ACRN-managed */
	fk.start_ret = -5;
	cr_assert_null(hv_vm_create(&H, &c));
	cr_assert_eq(H.vms[1].state, HV_VM_EMPTY); /* nothing left behind */
}

/* Policy step 0 and the trap decode (hv/dispatch.c): a vCPU of no VM, or
 * of a VM that is not running, gets nothing done or written and stops;
 * a trap instruction the core does not know is UNDEFINED. */
Test(core, trap_edges)
{
	struct hv_vcpu lone;
	struct hv_vm *vm;
	struct hv_vcpu *v;

	setup_arch(HCALL_ARCH_ARM64);
	memset(&lone, 0, sizeof(lone));
	poison(&lone);
	cr_assert_eq(hv_handle_trap(&H, &lone, HCALL_TRAP_HVC, 0, 0), HV_VCPU_OFF);
	cr_assert_eq(hv_handle_hvc(&H, &lone, 0), HV_VCPU_OFF);
	cr_assert_eq(fk.faults, 0);
	assert_untouched_except(&lone, 0, 0);

	vm = make_vm(0, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_SMCCC), 1);
	v = &vm->vcpus[0];
	poison(v);
	cr_assert_eq(hv_handle_trap(&H, v, (enum hcall_trap)0, 0, 0), HV_INJECTED);
	cr_assert_eq(hv_handle_trap(&H, v, (enum hcall_trap)99, 0, 0), HV_INJECTED);
	cr_assert_eq(fk.faults, 2);
	cr_assert_eq(fk.last_fault, HV_FAULT_UNDEF);
	assert_untouched_except(v, 0, 0);

	cr_assert_eq(hv_vm_stop(&H, vm), 0);
	cr_assert_eq(hv_handle_trap(&H, v, (enum hcall_trap)99, 0, 0), HV_VCPU_OFF);
	cr_assert_eq(hv_handle_hvc(&H, v, 0), HV_VCPU_OFF);
	cr_assert_eq(fk.faults, 2);
	assert_untouched_except(v, 0, 0);
}
