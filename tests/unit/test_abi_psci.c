/* SPDX-License-Identifier: MIT */
/*
 * PSCI through the simulated transport. Function IDs, argument registers
 * and error codes are written here from Arm DEN0022 (PSCI) and Linux
 * include/uapi/linux/psci.h, not taken from the headers' tables.
 */
#include <criterion/criterion.h>
#include <hcall/psci.h>

#include "sim.h"

/* SMCCC: w0 = function ID, x1..x3 = arguments, x0 = result; HVC #0. */
#define SPEC_FID 0
#define SPEC_X1 1
#define SPEC_X2 2
#define SPEC_X3 3
#define SPEC_RET 0

static void check_call(uint32_t fid, uint64_t x1, uint64_t x2, uint64_t x3)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, HCALL_TRAP_HVC);
	cr_assert_eq(sim.imm, 0);
	cr_assert_eq(sim.in.r[SPEC_FID], fid);
	cr_assert_eq(sim.in.r[SPEC_X1], x1);
	cr_assert_eq(sim.in.r[SPEC_X2], x2);
	cr_assert_eq(sim.in.r[SPEC_X3], x3);
	for (int i = 4; i < 8; i++)
		cr_assert_eq(sim.in.r[i], 0, "x%d", i);
}

TestSuite(psci, .init = sim_reset);

Test(psci, version)
{
	sim_answer(SPEC_RET, 0x10001);
	struct hcall_result r = hcall_psci_version();
	check_call(0x84000000u, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0x10001);
}

Test(psci, cpu_off)
{
	sim_answer(SPEC_RET, (uint64_t)-3); /* DENIED */
	struct hcall_result r = hcall_psci_cpu_off();
	check_call(0x84000002u, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_E_DENIED);
}

Test(psci, cpu_on)
{
	sim_answer(SPEC_RET, 0);
	struct hcall_result r = hcall_psci_cpu_on(0x101, 0x40080000, 0xc0ffee);
	check_call(0xC4000003u, 0x101, 0x40080000, 0xc0ffee);
	cr_assert_eq(r.status, HCALL_OK);
}

Test(psci, affinity_info)
{
	sim_answer(SPEC_RET, 1); /* OFF */
	struct hcall_result r = hcall_psci_affinity_info(0x2, 0);
	check_call(0xC4000004u, 2, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 1);
}

Test(psci, system_off)
{
	hcall_psci_system_off();
	check_call(0x84000008u, 0, 0, 0);
}

Test(psci, system_reset)
{
	hcall_psci_system_reset();
	check_call(0x84000009u, 0, 0, 0);
}

Test(psci, features)
{
	sim_answer(SPEC_RET, 0x2);
	struct hcall_result r = hcall_psci_features(0xC4000003u);
	check_call(0x8400000Au, 0xC4000003u, 0, 0);
	cr_assert_eq(r.value, 2);
}

/* DEN0022 return codes. CPU_ON is SMC64: x0 is a full 64-bit value. */
Test(psci, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
	} cases[] = {
		{ 0, HCALL_OK },
		{ -1, HCALL_E_NOT_SUPPORTED },
		{ -2, HCALL_E_INVALID_PARAM },
		{ -3, HCALL_E_DENIED },
		{ -4, HCALL_E_ALREADY },
		{ -5, HCALL_E_BUSY },
		{ -6, HCALL_E_FAILED },
		{ -7, HCALL_E_NOT_SUPPORTED },
		{ -8, HCALL_E_DENIED },
		{ -9, HCALL_E_INVALID_ADDRESS },
		{ -10, HCALL_E_UNKNOWN },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		sim_answer(SPEC_RET, (uint64_t)cases[i].raw);
		struct hcall_result r = hcall_psci_cpu_on(1, 0x1000, 0);
		cr_assert_eq(r.status, cases[i].st, "raw %lld", (long long)cases[i].raw);
		cr_assert_eq(r.code, cases[i].raw);
		/* The same code from an SMC32 call, in w0 only. */
		sim_reset();
		sim_answer(SPEC_RET, (uint32_t)cases[i].raw);
		r = hcall_psci_cpu_off();
		cr_assert_eq(r.status, cases[i].st, "w0 raw %lld", (long long)cases[i].raw);
		cr_assert_eq(r.code, cases[i].raw);
	}
}
