/* SPDX-License-Identifier: MIT */
/*
 * ACRN through the simulated transport. Register numbers (x86 encoding
 * order), hypercall IDs and error numbers are written here from ACRN v3.3
 * (hypervisor/include/public/acrn_hv_defs.h, arch/x86/guest/vmcall.c,
 * common/trusty_hypercall.c, arch/x86/guest/trusty.c) and Linux's errno
 * values, not taken from the headers' tables.
 */
#include <criterion/criterion.h>
#include <hcall/acrn.h>
#include <hcall/describe.h>

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

#define TWO_ARG_CASE(test, call, id)                         \
	Test(acrn, test)                                     \
	{                                                    \
		sim_answer(RAX, 0);                          \
		cr_assert(hcall_ok(call(3, 0xabc000)));      \
		check(id, 2, 3, 0xabc000);                   \
	}

#define NO_ARG_CASE(test, call, id)                          \
	Test(acrn, test)                                     \
	{                                                    \
		sim_answer(RAX, 0);                          \
		cr_assert(hcall_ok(call()));                 \
		check(id, 0, 0, 0);                          \
	}

/* IDs: (0x80 << 24) | (group base + index), acrn_hv_defs.h of v3.3. */
ONE_ARG_CASE(get_api_version, hcall_acrn_get_api_version, 0x80000000u)
ONE_ARG_CASE(service_vm_offline_cpu, hcall_acrn_service_vm_offline_cpu, 0x80000001u)
ONE_ARG_CASE(set_callback_vector, hcall_acrn_set_callback_vector, 0x80000002u)
ONE_ARG_CASE(create_vm, hcall_acrn_create_vm, 0x80000010u)
ONE_ARG_CASE(destroy_vm, hcall_acrn_destroy_vm, 0x80000011u)
ONE_ARG_CASE(start_vm, hcall_acrn_start_vm, 0x80000012u)
ONE_ARG_CASE(pause_vm, hcall_acrn_pause_vm, 0x80000013u)
ONE_ARG_CASE(create_vcpu, hcall_acrn_create_vcpu, 0x80000014u)
ONE_ARG_CASE(reset_vm, hcall_acrn_reset_vm, 0x80000015u)
TWO_ARG_CASE(set_vcpu_regs, hcall_acrn_set_vcpu_regs, 0x80000016u)
TWO_ARG_CASE(inject_msi, hcall_acrn_inject_msi, 0x80000023u)
TWO_ARG_CASE(vm_intr_monitor, hcall_acrn_vm_intr_monitor, 0x80000024u)
TWO_ARG_CASE(set_irqline, hcall_acrn_set_irqline, 0x80000025u)
TWO_ARG_CASE(set_ioreq_buffer, hcall_acrn_set_ioreq_buffer, 0x80000030u)
TWO_ARG_CASE(notify_request_finish, hcall_acrn_notify_request_finish, 0x80000031u)
TWO_ARG_CASE(asyncio_assign, hcall_acrn_asyncio_assign, 0x80000032u)
TWO_ARG_CASE(asyncio_deassign, hcall_acrn_asyncio_deassign, 0x80000033u)
TWO_ARG_CASE(vm_gpa2hpa, hcall_acrn_vm_gpa2hpa, 0x80000041u)
ONE_ARG_CASE(vm_set_memory_regions, hcall_acrn_vm_set_memory_regions, 0x80000042u)
TWO_ARG_CASE(vm_write_protect_page, hcall_acrn_vm_write_protect_page, 0x80000043u)
TWO_ARG_CASE(setup_sbuf, hcall_acrn_setup_sbuf, 0x80000044u)
TWO_ARG_CASE(assign_ptdev, hcall_acrn_assign_ptdev, 0x80000050u)
TWO_ARG_CASE(deassign_ptdev, hcall_acrn_deassign_ptdev, 0x80000051u)
TWO_ARG_CASE(vm_pci_msix_remap, hcall_acrn_vm_pci_msix_remap, 0x80000052u)
TWO_ARG_CASE(set_ptdev_intr_info, hcall_acrn_set_ptdev_intr_info, 0x80000053u)
TWO_ARG_CASE(reset_ptdev_intr_info, hcall_acrn_reset_ptdev_intr_info, 0x80000054u)
TWO_ARG_CASE(assign_pcidev, hcall_acrn_assign_pcidev, 0x80000055u)
TWO_ARG_CASE(deassign_pcidev, hcall_acrn_deassign_pcidev, 0x80000056u)
TWO_ARG_CASE(assign_mmiodev, hcall_acrn_assign_mmiodev, 0x80000057u)
TWO_ARG_CASE(deassign_mmiodev, hcall_acrn_deassign_mmiodev, 0x80000058u)
TWO_ARG_CASE(add_vdev, hcall_acrn_add_vdev, 0x80000059u)
TWO_ARG_CASE(remove_vdev, hcall_acrn_remove_vdev, 0x8000005Au)
TWO_ARG_CASE(assign_pio_region, hcall_acrn_assign_pio_region, 0x8000005Bu)
TWO_ARG_CASE(deassign_pio_region, hcall_acrn_deassign_pio_region, 0x8000005Cu)
ONE_ARG_CASE(setup_hv_npk_log, hcall_acrn_setup_hv_npk_log, 0x80000061u)
TWO_ARG_CASE(profiling_ops, hcall_acrn_profiling_ops, 0x80000062u)
ONE_ARG_CASE(get_hw_info, hcall_acrn_get_hw_info, 0x80000063u)
NO_ARG_CASE(save_restore_sworld_ctx, hcall_acrn_save_restore_sworld_ctx, 0x80000072u)
TWO_ARG_CASE(pm_get_cpu_state, hcall_acrn_pm_get_cpu_state, 0x80000080u)

/* v3.3 defines 43 IDs: every one has a row, and the rows are exactly
 * these numbers. */
Test(acrn, every_id_of_v3_3)
{
	static const uint64_t ids[] = {
		0x80000000, 0x80000001, 0x80000002, 0x80000010, 0x80000011,
		0x80000012, 0x80000013, 0x80000014, 0x80000015, 0x80000016,
		0x80000023, 0x80000024, 0x80000025, 0x80000030, 0x80000031,
		0x80000032, 0x80000033, 0x80000041, 0x80000042, 0x80000043,
		0x80000044, 0x80000050, 0x80000051, 0x80000052, 0x80000053,
		0x80000054, 0x80000055, 0x80000056, 0x80000057, 0x80000058,
		0x80000059, 0x8000005A, 0x8000005B, 0x8000005C, 0x80000061,
		0x80000062, 0x80000063, 0x80000070, 0x80000071, 0x80000072,
		0x80000080, 0x80000090, 0x80000091,
	};
	const struct hcall_abi_desc *abi = hcall_abi_find("acrn");

	cr_assert(abi);
	cr_assert_eq(abi->ncalls, sizeof(ids) / sizeof(ids[0]));
	for (unsigned i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		cr_assert(hcall_call_find(abi, ids[i]), "ID 0x%llx has no row",
			  (unsigned long long)ids[i]);
}

/*
 * WORLD_SWITCH (trusty.c switch_world/copy_smc_param): rdi, rsi, rdx, rbx
 * go to the other world; the other world's come back. The simulated
 * hypervisor plays the other world.
 */
Test(acrn, world_switch_carries_four_registers)
{
	struct hcall_acrn_world_regs regs = { 0x11, 0x22, 0x33, 0x44 };
	struct hcall_result r;

	sim_answer(RAX, 0);
	sim_answer(RDI, 0xa1);
	sim_answer(RSI, 0xa2);
	sim_answer(RDX, 0xa3);
	sim_answer(RBX, 0xa4);
	r = hcall_acrn_world_switch(&regs);
	cr_assert(hcall_ok(r));
	cr_assert_eq(sim.in.r[R8], 0x80000071u);
	cr_assert_eq(sim.in.r[RDI], 0x11);
	cr_assert_eq(sim.in.r[RSI], 0x22);
	cr_assert_eq(sim.in.r[RDX], 0x33);
	cr_assert_eq(sim.in.r[RBX], 0x44);
	cr_assert_eq(regs.rdi, 0xa1);
	cr_assert_eq(regs.rsi, 0xa2);
	cr_assert_eq(regs.rdx, 0xa3);
	cr_assert_eq(regs.rbx, 0xa4);
}

/* -EPERM (-1) when the secure world is not active
 * (trusty_hypercall.c hcall_world_switch). */
Test(acrn, world_switch_null_regs_and_eperm)
{
	sim_answer(RAX, (uint64_t)-1);
	struct hcall_result r = hcall_acrn_world_switch(NULL);
	cr_assert_eq(r.code, -1);
	cr_assert_eq(r.status, HCALL_E_FAILED);
	cr_assert_eq(sim.in.r[RDI], 0);
	cr_assert_eq(sim.in.r[RBX], 0);
}

/* INITIALIZE_TRUSTY: param1 = rdi = boot parameters; comes back through
 * the secure world's first switch with its four registers. */
Test(acrn, initialize_trusty_returns_secure_world_registers)
{
	struct hcall_acrn_world_regs out = { 0, 0, 0, 0 };

	sim_answer(RAX, 0);
	sim_answer(RDI, 0x5001);
	sim_answer(RSI, 0x5002);
	sim_answer(RDX, 0x5003);
	sim_answer(RBX, 0x5004);
	cr_assert(hcall_ok(hcall_acrn_initialize_trusty(0x7000, &out)));
	cr_assert_eq(sim.in.r[R8], 0x80000070u);
	cr_assert_eq(sim.in.r[RDI], 0x7000);
	cr_assert_eq(out.rdi, 0x5001);
	cr_assert_eq(out.rsi, 0x5002);
	cr_assert_eq(out.rdx, 0x5003);
	cr_assert_eq(out.rbx, 0x5004);
	sim_reset();
	sim_answer(RAX, (uint64_t)-14); /* -EFAULT: parameters unusable */
	cr_assert_eq(hcall_acrn_initialize_trusty(0x7000, NULL).status,
		     HCALL_E_INVALID_ADDRESS);
}

/* SWITCH_EE (optee.c): REE -> TEE carries rax, rcx, rdx, rbx, rsi, rdi. */
Test(acrn, switch_ee_carries_six_registers)
{
	struct hcall_acrn_ee_regs regs = { 1, 2, 3, 4, 5, 6 };

	sim_answer(RAX, 0);
	sim_answer(RCX, 0x12);
	sim_answer(RDX, 0x13);
	sim_answer(RBX, 0x14);
	sim_answer(RSI, 0x15);
	sim_answer(RDI, 0x16);
	cr_assert(hcall_ok(hcall_acrn_switch_ee(&regs)));
	cr_assert_eq(sim.in.r[R8], 0x80000091u);
	cr_assert_eq(sim.in.r[RAX], 1);
	cr_assert_eq(sim.in.r[RCX], 2);
	cr_assert_eq(sim.in.r[RDX], 3);
	cr_assert_eq(sim.in.r[RBX], 4);
	cr_assert_eq(sim.in.r[RSI], 5);
	cr_assert_eq(sim.in.r[RDI], 6);
	cr_assert_eq(regs.rax, 0);
	cr_assert_eq(regs.rcx, 0x12);
	cr_assert_eq(regs.rdi, 0x16);
}

/* TEE_VCPU_BOOT_DONE: rdi = 1 starts the REE (optee.c). */
Test(acrn, tee_vcpu_boot_done)
{
	struct hcall_acrn_ee_regs out;

	sim_answer(RAX, 0x99);
	sim_answer(RDI, 0x77);
	hcall_acrn_tee_vcpu_boot_done(1, &out);
	cr_assert_eq(sim.in.r[R8], 0x80000090u);
	cr_assert_eq(sim.in.r[RDI], 1);
	cr_assert_eq(out.rax, 0x99);
	cr_assert_eq(out.rdi, 0x77);
}

/* The upcall vector (HYPERVISOR_CALLBACK_HSM_VECTOR 0xF3) and the
 * irqline packing {gsi, op} (struct acrn_irqline_ops by value). */
Test(acrn, upcall_vector_and_irqline)
{
	cr_assert_eq(HCALL_ACRN_UPCALL_VECTOR, 0xF3);
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_acrn_set_callback_vector(HCALL_ACRN_UPCALL_VECTOR)));
	check(0x80000002u, 1, 0xF3, 0);
	cr_assert_eq(hcall_acrn_irqline(9, 2), 0x0000000200000009ull);
	/* PMCMD masks: vmid 31:24, vcpu 23:16, state 15:8, type 7:0 */
	cr_assert_eq(hcall_acrn_pm_cmd(2, 1, 3, 1), 0x02010301ull);
}

Test(acrn, raw_returns_rax)
{
	sim_answer(RAX, 0x5a5a);
	cr_assert_eq(hcall_acrn_call2(0x80FFFF00u, 7, 8), 0x5a5a);
	check(0x80FFFF00u, 2, 7, 8);
}

/* v3.3's answers: -1 (the usual `ret = -1`, and -EPERM: the same
 * number), EIO 5, EACCES 13, EFAULT 14, ENODEV 19, EINVAL 22 (copy_gpa
 * failures), ENOTTY 25 (unknown, unpermitted, no such VM). */
Test(acrn, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
	} cases[] = {
		{ -1, HCALL_E_FAILED },          { -5, HCALL_E_FAILED },
		{ -13, HCALL_E_DENIED },         { -14, HCALL_E_INVALID_ADDRESS },
		{ -19, HCALL_E_INVALID_PARAM },  { -22, HCALL_E_INVALID_PARAM },
		{ -25, HCALL_E_NOT_SUPPORTED },  { -16, HCALL_E_UNKNOWN },
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

/* CREATE_VM: 0 with vmid 0xFFFF (ACRN_INVALID_VMID) is a failure. */
Test(acrn, create_vm_invalid_vmid_is_failure)
{
	struct hcall_acrn_vm_creation cv;
	struct hcall_result r;

	memset(&cv, 0, sizeof(cv));
	sim_answer(RAX, 0);
	cv.vmid = 0xFFFF;
	r = hcall_acrn_create_vm_result(hcall_acrn_create_vm(0x1000), &cv);
	cr_assert_eq(r.status, HCALL_E_FAILED);
	cr_assert_eq(r.code, -1);
	cv.vmid = 1;
	sim_reset();
	sim_answer(RAX, 0);
	r = hcall_acrn_create_vm_result(hcall_acrn_create_vm(0x1000), &cv);
	cr_assert(hcall_ok(r));
	sim_reset();
	sim_answer(RAX, (uint64_t)-22);
	r = hcall_acrn_create_vm_result(hcall_acrn_create_vm(0x1000), &cv);
	cr_assert_eq(r.code, -22);
}

/* Guest-memory layouts the hypervisor relies on, from acrn_common.h and
 * acrn_hv_defs.h of v3.3 (tests/oracle/acrn.c checks them against Linux's
 * header as well). */
Test(acrn, struct_layouts)
{
	cr_assert_eq(sizeof(struct hcall_acrn_api_version), 8);
	cr_assert_eq(offsetof(struct hcall_acrn_api_version, minor), 4);
	cr_assert_eq(sizeof(struct hcall_acrn_vm_creation), 48);
	cr_assert_eq(offsetof(struct hcall_acrn_vm_creation, name), 8);
	cr_assert_eq(sizeof(((struct hcall_acrn_vm_creation *)0)->name), 16);
	cr_assert_eq(offsetof(struct hcall_acrn_vm_creation, vm_flag), 24);
	cr_assert_eq(offsetof(struct hcall_acrn_set_regions, regions_gpa), 16);
	cr_assert_eq(sizeof(struct hcall_acrn_memory_region), 32);
	/* 16 slots of 256 bytes: one 4 KiB page */
	cr_assert_eq(sizeof(struct hcall_acrn_io_request), 256);
	cr_assert_eq(sizeof(struct hcall_acrn_io_request_buffer), 4096);
	cr_assert_eq(offsetof(struct hcall_acrn_io_request, reqs), 64);
	cr_assert_eq(offsetof(struct hcall_acrn_io_request, processed), 136);
	cr_assert_eq(offsetof(struct hcall_acrn_io_request, reqs.pio_request.value), 88);
	/* wp_data: u8 set + 56-bit pad, then gpa */
	cr_assert_eq(offsetof(struct hcall_acrn_wp_data, gpa), 8);
	cr_assert_eq(offsetof(struct hcall_acrn_vcpu_regs, vcpu_regs), 8);
	cr_assert_eq(offsetof(struct hcall_acrn_regs, gdt), 128);
	cr_assert_eq(offsetof(struct hcall_acrn_regs, rip), 160);
	cr_assert_eq(offsetof(struct hcall_acrn_regs, cs_sel), 268);
	cr_assert_eq(offsetof(struct hcall_acrn_regs, tr_sel), 282);
	cr_assert_eq(sizeof(struct hcall_acrn_intr_monitor), 8 + 48 * 8);
	cr_assert_eq(sizeof(struct hcall_acrn_hw_info), 8);
	cr_assert_eq(sizeof(struct hcall_acrn_sbuf_param), 16);
	cr_assert_eq(offsetof(struct hcall_acrn_sbuf_param, gpa), 8);
}

/* MEM_TYPE_* and MR_* (acrn_hv_defs.h). */
Test(acrn, memory_flags)
{
	cr_assert_eq(HCALL_ACRN_MR_ADD, 0);
	cr_assert_eq(HCALL_ACRN_MR_DEL, 2);
	cr_assert_eq(HCALL_ACRN_MR_MODIFY, 3);
	cr_assert_eq(HCALL_ACRN_MEM_TYPE_WB, 0x40);
	cr_assert_eq(HCALL_ACRN_MEM_TYPE_WT, 0x80);
	cr_assert_eq(HCALL_ACRN_MEM_TYPE_UC, 0x100);
	cr_assert_eq(HCALL_ACRN_MEM_TYPE_WC, 0x200);
	cr_assert_eq(HCALL_ACRN_MEM_TYPE_WP, 0x400);
	cr_assert_eq(HCALL_ACRN_MEM_TYPE_MASK, 0x7C0);
	cr_assert_eq(HCALL_ACRN_MEM_ACCESS_RWX, 7);
	cr_assert_eq(HCALL_ACRN_INVALID_VMID, 0xFFFF);
}
