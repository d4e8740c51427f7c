/* SPDX-License-Identifier: MIT */
/*
 * ACRN through the simulated transport. Register numbers (x86 encoding
 * order) and hypercall IDs are written here from the seed
 * (shared/seeds/acrn-hypercall-upcall.rst) and ACRN's acrn_hv_defs.h,
 * not taken from the headers' tables.
 */
#include <criterion/criterion.h>
#include <hcall/acrn.h>

#include "sim.h"
#include "x86_regs.h"

/* Spec: VMCALL; id in r8, param1 in rdi, param2 in rsi; result in rax. */

static void check(uint64_t id, int nargs, uint64_t p1, uint64_t p2)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, HCALL_TRAP_VMCALL);
	cr_assert_eq(sim.imm, 0);
	cr_assert_eq(sim.in.r[R8], id, "id 0x%llx", (unsigned long long)sim.in.r[R8]);
	cr_assert_eq(sim.in.r[RDI], nargs > 0 ? p1 : 0);
	cr_assert_eq(sim.in.r[RSI], nargs > 1 ? p2 : 0);
	/* Nothing else is set up. */
	cr_assert_eq(sim.in.r[RAX], 0);
	cr_assert_eq(sim.in.r[RBX], 0);
	cr_assert_eq(sim.in.r[RCX], 0);
	cr_assert_eq(sim.in.r[RDX], 0);
}

TestSuite(acrn, .init = sim_reset);

#define ONE_ARG_CASE(test, call, id)                         \
	Test(acrn, test)                                     \
	{                                                    \
		sim_answer(RAX, 0);                          \
		cr_assert(hcall_ok(call(0x1234)));           \
		check(id, 1, 0x1234, 0);                     \
	}

/* IDs: (0x80 << 24) | (group base + index). */
ONE_ARG_CASE(get_api_version, hcall_acrn_get_api_version, 0x80000000u)
ONE_ARG_CASE(service_vm_offline_cpu, hcall_acrn_service_vm_offline_cpu, 0x80000001u)
ONE_ARG_CASE(set_callback_vector, hcall_acrn_set_callback_vector, 0x80000002u)
ONE_ARG_CASE(create_vm, hcall_acrn_create_vm, 0x80000010u)
ONE_ARG_CASE(destroy_vm, hcall_acrn_destroy_vm, 0x80000011u)
ONE_ARG_CASE(start_vm, hcall_acrn_start_vm, 0x80000012u)
ONE_ARG_CASE(pause_vm, hcall_acrn_pause_vm, 0x80000013u)
ONE_ARG_CASE(reset_vm, hcall_acrn_reset_vm, 0x80000015u)
ONE_ARG_CASE(vm_set_memory_regions, hcall_acrn_vm_set_memory_regions, 0x80000042u)
ONE_ARG_CASE(initialize_trusty, hcall_acrn_initialize_trusty, 0x80000070u)

#define TWO_ARG_CASE(test, call, id)                         \
	Test(acrn, test)                                     \
	{                                                    \
		sim_answer(RAX, 0);                          \
		cr_assert(hcall_ok(call(3, 0xabc000)));      \
		check(id, 2, 3, 0xabc000);                   \
	}

TWO_ARG_CASE(inject_msi, hcall_acrn_inject_msi, 0x80000023u)
TWO_ARG_CASE(set_irqline, hcall_acrn_set_irqline, 0x80000025u)
TWO_ARG_CASE(set_ioreq_buffer, hcall_acrn_set_ioreq_buffer, 0x80000030u)
TWO_ARG_CASE(notify_request_finish, hcall_acrn_notify_request_finish, 0x80000031u)

Test(acrn, world_switch)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_acrn_world_switch()));
	check(0x80000071u, 0, 0, 0);
}

Test(acrn, save_restore_sworld_ctx)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_acrn_save_restore_sworld_ctx()));
	check(0x80000072u, 0, 0, 0);
}

/* The upcall vector of the seed, and the irqline packing {gsi, op}. */
Test(acrn, upcall_vector_and_irqline)
{
	cr_assert_eq(HCALL_ACRN_UPCALL_VECTOR, 0xF3);
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_acrn_set_callback_vector(HCALL_ACRN_UPCALL_VECTOR)));
	check(0x80000002u, 1, 0xF3, 0);
	cr_assert_eq(hcall_acrn_irqline(9, 2), 0x0000000200000009ull);
}

Test(acrn, raw_returns_rax)
{
	sim_answer(RAX, 0x5a5a);
	cr_assert_eq(hcall_acrn_call2(0x80FFFF00u, 7, 8), 0x5a5a);
	check(0x80FFFF00u, 2, 7, 8);
}

/* Negated Linux errno values: EPERM 1, EIO 5, ENOMEM 12, EFAULT 14,
 * EBUSY 16, ENODEV 19, EINVAL 22 (the seed's answer to an unpermitted
 * call), ENOTTY 25 (current ACRN's answer to an unpermitted call). */
Test(acrn, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
	} cases[] = {
		{ -1, HCALL_E_DENIED },         { -5, HCALL_E_FAILED },
		{ -12, HCALL_E_NO_MEMORY },     { -14, HCALL_E_INVALID_ADDRESS },
		{ -16, HCALL_E_BUSY },          { -19, HCALL_E_INVALID_PARAM },
		{ -22, HCALL_E_INVALID_PARAM }, { -25, HCALL_E_NOT_SUPPORTED },
		{ -1000, HCALL_E_UNKNOWN },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		sim_answer(RAX, (uint64_t)cases[i].raw);
		struct hcall_result r = hcall_acrn_start_vm(1);
		cr_assert_eq(r.status, cases[i].st, "raw %lld", (long long)cases[i].raw);
		cr_assert_eq(r.code, cases[i].raw);
		cr_assert_eq(r.value, 0);
	}
}

/* Guest-memory layouts: sizes and offsets the hypervisor core relies on. */
Test(acrn, struct_layouts)
{
	cr_assert_eq(sizeof(struct hcall_acrn_api_version), 8);
	cr_assert_eq(offsetof(struct hcall_acrn_api_version, minor), 4);
	cr_assert_eq(sizeof(struct hcall_acrn_vm_creation), 48);
	cr_assert_eq(offsetof(struct hcall_acrn_vm_creation, uuid), 8);
	cr_assert_eq(offsetof(struct hcall_acrn_vm_creation, vm_flag), 24);
	cr_assert_eq(offsetof(struct hcall_acrn_set_regions, regions_gpa), 16);
	cr_assert_eq(sizeof(struct hcall_acrn_memory_region), 32);
}
