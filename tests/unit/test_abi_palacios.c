/* SPDX-License-Identifier: MIT */
/*
 * Palacios through the simulated transport. Register numbers (x86
 * encoding order) and call numbers are written here from the seed
 * (shared/seeds/palacios-hypercall.txt) and Palacios' vmm_hypercall.h,
 * not taken from the headers' tables.
 */
#include <criterion/criterion.h>
#include <hcall/palacios.h>

#include "sim_x86.h"

/* Seed: VMMCALL; number in rax, up to four arguments in rbx, rcx, rdx,
 * rsi; result in rax: check_rax_call() (sim_x86.h). */

TestSuite(palacios, .init = sim_reset);

/* Raw calls of every arity, default conduit VMMCALL. */
Test(palacios, raw_arities)
{
	for (int n = 0; n <= 4; n++) {
		sim_reset();
		sim_answer(RAX, 0);
		struct hcall_palacios_ret r;
		switch (n) {
		case 0: r = hcall_palacios_call0(0x42); break;
		case 1: r = hcall_palacios_call1(0x42, 11); break;
		case 2: r = hcall_palacios_call2(0x42, 11, 22); break;
		case 3: r = hcall_palacios_call3(0x42, 11, 22, 33); break;
		default: r = hcall_palacios_call4(0x42, 11, 22, 33, 44); break;
		}
		check_rax_call(HCALL_TRAP_VMMCALL, 0x42, n, 11, 22, 33, 44);
		cr_assert_eq(r.rax, 0);
	}
}

/* A call's extra results come back from rbx, rcx, rdx, rsi. */
Test(palacios, raw_returns_all_registers)
{
	sim_answer(RAX, 0);
	sim_answer(RBX, 0xb);
	sim_answer(RCX, 0xc);
	sim_answer(RDX, 0xd);
	sim_answer(RSI, 0x5);
	struct hcall_palacios_ret r = hcall_palacios_call1(7, 1);
	cr_assert_eq(r.rax, 0);
	cr_assert_eq(r.rbx, 0xb);
	cr_assert_eq(r.rcx, 0xc);
	cr_assert_eq(r.rdx, 0xd);
	cr_assert_eq(r.rsi, 0x5);
}

/* vmm_hypercall.h: TEST_HCALL 0x0001, SYMMOD_SYMS_HCALL 0x0600,
 * MEM_OFFSET_HCALL 0x1000 (rbx out), GUEST_INFO_HCALL 0x3000,
 * TELEMETRY_HCALL 0x3001, OS_DEBUG_HCALL 0xc0c0, TIME_CPUFREQ 0xd000
 * (rcx out). */
Test(palacios, test)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_test()));
	check_rax_call(HCALL_TRAP_VMMCALL, 0x0001, 0, 0, 0, 0, 0);
}

Test(palacios, symmod_syms)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_symmod_syms(0x1000, 0x200, 0x3000, 0x400)));
	check_rax_call(HCALL_TRAP_VMMCALL, 0x0600, 4, 0x1000, 0x200, 0x3000, 0x400);
}

Test(palacios, guest_info)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_guest_info()));
	check_rax_call(HCALL_TRAP_VMMCALL, 0x3000, 0, 0, 0, 0, 0);
}

Test(palacios, telemetry)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_telemetry()));
	check_rax_call(HCALL_TRAP_VMMCALL, 0x3001, 0, 0, 0, 0, 0);
}

Test(palacios, os_debug)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_os_debug(0x8000, 12, 1)));
	check_rax_call(HCALL_TRAP_VMMCALL, 0xc0c0, 3, 0x8000, 12, 1, 0);
}

Test(palacios, mem_offset_value_from_rbx)
{
	sim_answer(RAX, 0);
	sim_answer(RBX, 0x7f0000000000ull);
	struct hcall_result r = hcall_palacios_mem_offset();
	check_rax_call(HCALL_TRAP_VMMCALL, 0x1000, 0, 0, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0x7f0000000000ull);
}

Test(palacios, time_cpufreq_value_from_rcx)
{
	sim_answer(RAX, 0);
	sim_answer(RCX, 2400000);
	struct hcall_result r = hcall_palacios_time_cpufreq();
	check_rax_call(HCALL_TRAP_VMMCALL, 0xd000, 0, 0, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 2400000);
}

Test(palacios, failed_extra_result_is_not_a_value)
{
	sim_answer(RAX, (uint64_t)-1);
	sim_answer(RBX, 0x1234);
	struct hcall_result r = hcall_palacios_mem_offset();
	cr_assert_eq(r.status, HCALL_E_FAILED);
	cr_assert_eq(r.code, -1);
	cr_assert_eq(r.value, 0);
}

Test(palacios, on_variants_use_given_conduit)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_os_debug_on(HCALL_X86_CONDUIT_VMCALL, 1, 2, 0)));
	check_rax_call(HCALL_TRAP_VMCALL, 0xc0c0, 3, 1, 2, 0, 0);
	sim_reset();
	sim_answer(RAX, 0);
	sim_answer(RCX, 5);
	cr_assert_eq(hcall_palacios_time_cpufreq_on(HCALL_X86_CONDUIT_VMCALL).value, 5);
	check_rax_call(HCALL_TRAP_VMCALL, 0xd000, 0, 0, 0, 0, 0);
}

/* Palacios: rax = 0 on success, -1 on failure; nothing else. */
Test(palacios, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
	} cases[] = {
		{ 0, HCALL_OK },
		{ -1, HCALL_E_FAILED },
		{ -2, HCALL_E_UNKNOWN },
		{ 1, HCALL_E_UNKNOWN },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		sim_answer(RAX, (uint64_t)cases[i].raw);
		struct hcall_result r = hcall_palacios_test();
		cr_assert_eq(r.status, cases[i].st, "raw %lld", (long long)cases[i].raw);
		cr_assert_eq(r.code, cases[i].raw);
	}
}
