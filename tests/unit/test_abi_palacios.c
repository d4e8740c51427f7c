/* SPDX-License-Identifier: MIT */
/*
 * Palacios through the simulated transport. Register numbers (x86
 * encoding order), call numbers and results are written here from
 * PeterDinda/palacios at b8836aa7 (vmm_hypercall.h hcall_id_t,
 * vmm_hypercall.c v3_handle_hypercall and hcall_test, vmm_time.c,
 * lnx_virtio_balloon.c, vmm_hvm.c, vnet_guest_iface.c), not taken from
 * the headers' tables.
 *
 * The simulated hypervisor leaves every register it is not told to
 * answer as the guest loaded it, which is what Palacios does with rax
 * after a successful call since 002d46c7.
 */
#include <criterion/criterion.h>
#include <hcall/describe.h>
#include <hcall/palacios.h>

#include "sim_x86.h"

#define RDI_ 7
#define R8_ 8
#define PAL_FAIL ((uint64_t)-1) /* v3_handle_hypercall: rax = -1 */

TestSuite(palacios, .init = sim_reset);

/* Raw calls of every arity, default conduit VMMCALL. */
Test(palacios, raw_arities)
{
	for (int n = 0; n <= 4; n++) {
		sim_reset();
		struct hcall_palacios_ret r;
		switch (n) {
		case 0: r = hcall_palacios_call0(0x42); break;
		case 1: r = hcall_palacios_call1(0x42, 11); break;
		case 2: r = hcall_palacios_call2(0x42, 11, 22); break;
		case 3: r = hcall_palacios_call3(0x42, 11, 22, 33); break;
		default: r = hcall_palacios_call4(0x42, 11, 22, 33, 44); break;
		}
		check_rax_call(HCALL_TRAP_VMMCALL, 0x42, n, 11, 22, 33, 44);
		cr_assert_eq(r.rax, 0x42); /* untouched */
	}
}

/* hcall_test (vmm_hypercall.c): rbx = 0x1111, rcx = 0x2222,
 * rdx = 0x3333, rsi = 0x4444, rdi = 0x5555; rax untouched. */
Test(palacios, test_writes_five_registers_rdi_included)
{
	sim_answer(RBX, 0x1111);
	sim_answer(RCX, 0x2222);
	sim_answer(RDX, 0x3333);
	sim_answer(RSI, 0x4444);
	sim_answer(RDI_, 0x5555);
	struct hcall_palacios_ret r = hcall_palacios_call0(0x0001);
	check_rax_call(HCALL_TRAP_VMMCALL, 0x0001, 0, 0, 0, 0, 0);
	cr_assert_eq(r.rax, 0x0001);
	cr_assert_eq(r.rbx, 0x1111);
	cr_assert_eq(r.rcx, 0x2222);
	cr_assert_eq(r.rdx, 0x3333);
	cr_assert_eq(r.rsi, 0x4444);
	cr_assert_eq(r.rdi, 0x5555);
	sim_reset();
	cr_assert(hcall_ok(hcall_palacios_test()));
	check_rax_call(HCALL_TRAP_VMMCALL, 0x0001, 0, 0, 0, 0, 0);
}

/* Results at the pinned commit: rax untouched (= the number) is success;
 * -1 is failure; 0 is success (handlers that write it; Palacios < 2012). */
Test(palacios, results_as_current_palacios_returns_them)
{
	struct hcall_result r;

	r = hcall_palacios_guest_info(); /* no answer: rax keeps 0x3000 */
	cr_assert_eq(sim.in.r[RAX], 0x3000);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.code, 0);

	sim_reset();
	sim_answer(RAX, PAL_FAIL); /* unregistered since 4d1d8fad */
	r = hcall_palacios_telemetry();
	cr_assert_eq(r.status, HCALL_E_FAILED);
	cr_assert_eq(r.code, -1);

	sim_reset();
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_os_debug(0x8000, 12, 1)));
	check_rax_call(HCALL_TRAP_VMMCALL, 0xc0c0, 3, 0x8000, 12, 1, 0);

	sim_reset();
	sim_answer(RAX, 0x3001); /* another call's number is not success */
	r = hcall_palacios_guest_info();
	cr_assert_eq(r.status, HCALL_E_UNKNOWN);
	cr_assert_eq(r.code, 0x3001);
}

/* The 14 numbers of hcall_id_t, each a table row. */
Test(palacios, every_number_of_hcall_id_t)
{
	static const uint64_t nrs[] = { 0x0001, 0x0535, 0x0536, 0x0600, 0x1000,
					0x3000, 0x3001, 0xba00, 0xba01, 0xc0c0,
					0xd000, 0xd001, 0xe000, 0xf00d };
	const struct hcall_abi_desc *abi = hcall_abi_find("palacios");

	cr_assert(abi);
	cr_assert_eq(abi->ncalls, sizeof(nrs) / sizeof(nrs[0]));
	for (unsigned i = 0; i < sizeof(nrs) / sizeof(nrs[0]); i++)
		cr_assert(hcall_call_find(abi, nrs[i]), "0x%llx has no row",
			  (unsigned long long)nrs[i]);
}

Test(palacios, symcall_ret_and_err)
{
	cr_assert(hcall_ok(hcall_palacios_symcall_ret()));
	check_rax_call(HCALL_TRAP_VMMCALL, 0x0535, 0, 0, 0, 0, 0);
	sim_reset();
	cr_assert(hcall_ok(hcall_palacios_symcall_err(7)));
	check_rax_call(HCALL_TRAP_VMMCALL, 0x0536, 1, 7, 0, 0, 0); /* rbx: error */
}

/* SYMMOD (vmm_symmod.c): rbx = table (guest-virtual), rcx = symbol count;
 * an entry is {u32 name_gva, u32 value}. */
Test(palacios, symmod_syms_count)
{
	cr_assert(hcall_ok(hcall_palacios_symmod_syms(0x1000, 3)));
	check_rax_call(HCALL_TRAP_VMMCALL, 0x0600, 2, 0x1000, 3, 0, 0);
	cr_assert_eq(sizeof(struct hcall_palacios_symbol_def32), 8);
	cr_assert_eq(offsetof(struct hcall_palacios_symbol_def32, value), 4);
}

/* TIME_CPUFREQ (vmm_time.c handle_cpufreq_hcall): rbx = guest_cpu_freq
 * (kHz); rax untouched. rcx is not the answer. */
Test(palacios, time_cpufreq_value_from_rbx)
{
	sim_answer(RBX, 2400000);
	sim_answer(RCX, 0xdead);
	struct hcall_result r = hcall_palacios_time_cpufreq();
	check_rax_call(HCALL_TRAP_VMMCALL, 0xd000, 0, 0, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 2400000);
}

Test(palacios, time_rdhtsc_value_from_rbx)
{
	sim_answer(RBX, 0x123456789ull);
	struct hcall_result r = hcall_palacios_time_rdhtsc();
	check_rax_call(HCALL_TRAP_VMMCALL, 0xd001, 0, 0, 0, 0, 0);
	cr_assert_eq(r.value, 0x123456789ull);
}

Test(palacios, mem_offset_value_from_rbx)
{
	sim_answer(RBX, 0x7f0000000000ull);
	struct hcall_result r = hcall_palacios_mem_offset();
	check_rax_call(HCALL_TRAP_VMMCALL, 0x1000, 0, 0, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0x7f0000000000ull);
}

Test(palacios, failed_extra_result_is_not_a_value)
{
	sim_answer(RAX, PAL_FAIL);
	sim_answer(RBX, 0x1234);
	struct hcall_result r = hcall_palacios_time_cpufreq();
	cr_assert_eq(r.status, HCALL_E_FAILED);
	cr_assert_eq(r.code, -1);
	cr_assert_eq(r.value, 0);
}

/* Balloon (lnx_virtio_balloon.c): START reads the target from rcx;
 * QUERY writes requested pages to rcx, allocated to rdx. */
Test(palacios, balloon)
{
	uint64_t allocated = 0;

	cr_assert(hcall_ok(hcall_palacios_balloon_start(512)));
	check_rax_call(HCALL_TRAP_VMMCALL, 0xba00, 2, 0, 512, 0, 0);
	sim_reset();
	sim_answer(RCX, 100);
	sim_answer(RDX, 60);
	struct hcall_result r = hcall_palacios_balloon_query(&allocated);
	check_rax_call(HCALL_TRAP_VMMCALL, 0xba01, 0, 0, 0, 0, 0);
	cr_assert_eq(r.value, 100);
	cr_assert_eq(allocated, 60);
}

/* HVM (vmm_hvm.c): rbx must be 0x6464646464646464, rcx the command. */
Test(palacios, hvm)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_hvm(0x0, 0, 0)));
	check_rax_call(HCALL_TRAP_VMMCALL, 0xf00d, 4, 0x6464646464646464ull, 0, 0, 0);
	sim_reset();
	sim_answer(RAX, 3); /* 0xf: get HRT state returns it in rax */
	struct hcall_result r = hcall_palacios_hvm(0xf, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 3);
	sim_reset();
	sim_answer(RAX, PAL_FAIL);
	cr_assert_eq(hcall_palacios_hvm(0x1, 0, 0).status, HCALL_E_FAILED);
}

/* VNET (vnet_guest_iface.c): rcx src MAC, rdx dst MAC, rsi header, rdi
 * length, r8 recv; rax = 0 or -1. */
Test(palacios, vnet_header_query)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_vnet_header_query(0x10, 0x20, 0x30, 64, 1)));
	cr_assert_eq(sim.in.r[RAX], 0xe000);
	cr_assert_eq(sim.in.r[RBX], 0);
	cr_assert_eq(sim.in.r[RCX], 0x10);
	cr_assert_eq(sim.in.r[RDX], 0x20);
	cr_assert_eq(sim.in.r[RSI], 0x30);
	cr_assert_eq(sim.in.r[RDI_], 64);
	cr_assert_eq(sim.in.r[R8_], 1);
}

Test(palacios, on_variants_use_given_conduit)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_os_debug_on(HCALL_X86_CONDUIT_VMCALL, 1, 2, 0)));
	check_rax_call(HCALL_TRAP_VMCALL, 0xc0c0, 3, 1, 2, 0, 0);
	sim_reset();
	sim_answer(RBX, 5);
	cr_assert_eq(hcall_palacios_time_cpufreq_on(HCALL_X86_CONDUIT_VMCALL).value, 5);
	check_rax_call(HCALL_TRAP_VMCALL, 0xd000, 0, 0, 0, 0, 0);
}

/* rax after a call: the number or 0 = OK, -1 = failed, nothing else. */
Test(palacios, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
		int64_t code;
	} cases[] = {
		{ 0x0001, HCALL_OK, 0 },
		{ 0, HCALL_OK, 0 },
		{ -1, HCALL_E_FAILED, -1 },
		{ -2, HCALL_E_UNKNOWN, -2 },
		{ 2, HCALL_E_UNKNOWN, 2 },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		sim_answer(RAX, (uint64_t)cases[i].raw);
		struct hcall_result r = hcall_palacios_test();
		cr_assert_eq(r.status, cases[i].st, "raw %lld", (long long)cases[i].raw);
		cr_assert_eq(r.code, cases[i].code);
	}
}
