/* SPDX-License-Identifier: MIT */
/*
 * RISC-V SBI through the simulated transport. Register numbers, IDs and
 * error codes are written here from the SBI specification (v3.0), not
 * taken from the headers' tables.
 */
#include <criterion/criterion.h>
#include <hcall/sbi.h>

#include "sim.h"

/* ecall; a7 (x17) = EID, a6 (x16) = FID, a0..a5 (x10..x15) = arguments;
 * a0 = error, a1 = value. */
#define SPEC_EID 17
#define SPEC_FID 16
#define SPEC_ARG(n) (10 + (n))
#define SPEC_ERR 10
#define SPEC_VAL 11

static void check_call(uint64_t eid, uint64_t fid, unsigned nargs,
		       const uint64_t *args)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, HCALL_TRAP_ECALL);
	cr_assert_eq(sim.imm, 0);
	cr_assert_eq(sim.in.r[SPEC_EID], eid, "eid %#llx", (unsigned long long)sim.in.r[SPEC_EID]);
	cr_assert_eq(sim.in.r[SPEC_FID], fid);
	for (unsigned i = 0; i < 6; i++)
		cr_assert_eq(sim.in.r[SPEC_ARG(i)], i < nargs ? args[i] : 0, "a%u", i);
}

static void answer(int64_t err, uint64_t val)
{
	sim_answer(SPEC_ERR, (uint64_t)err);
	sim_answer(SPEC_VAL, val);
}

TestSuite(sbi, .init = sim_reset);

/* Base extension 0x10: FIDs 0..6. */
Test(sbi, base_calls)
{
	static const struct {
		uint64_t fid;
		struct hcall_result (*fn)(void);
	} calls[] = {
		{ 0, hcall_sbi_base_get_spec_version },
		{ 1, hcall_sbi_base_get_impl_id },
		{ 2, hcall_sbi_base_get_impl_version },
		{ 4, hcall_sbi_base_get_mvendorid },
		{ 5, hcall_sbi_base_get_marchid },
		{ 6, hcall_sbi_base_get_mimpid },
	};
	for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		sim_reset();
		answer(0, 0x1000 + i);
		struct hcall_result r = calls[i].fn();
		check_call(0x10, calls[i].fid, 0, NULL);
		cr_assert_eq(r.status, HCALL_OK);
		cr_assert_eq(r.value, 0x1000 + i);
	}
}

Test(sbi, probe_extension)
{
	const uint64_t a[] = { 0x53525354 };
	answer(0, 1);
	struct hcall_result r = hcall_sbi_base_probe_extension(0x53525354);
	check_call(0x10, 3, 1, a);
	cr_assert_eq(r.value, 1);

	sim_reset();
	answer(0, 1);
	cr_assert_eq(hcall_sbi_probe(0x53525354), 1);
	check_call(0x10, 3, 1, a);
	sim_reset();
	answer(0, 0);
	cr_assert_eq(hcall_sbi_probe(0x53525354), 0);
	sim_reset();
	answer(-2, 1); /* an error never counts as present */
	cr_assert_eq(hcall_sbi_probe(0x53525354), 0);
}

/* SRST "SRST" = 0x53525354, FID 0: a0 = type, a1 = reason. */
Test(sbi, srst_system_reset)
{
	const uint64_t a[] = { 1, 1 }; /* cold reboot, system failure */
	answer(-3, 0);
	struct hcall_result r = hcall_sbi_srst_system_reset(1, 1);
	check_call(0x53525354, 0, 2, a);
	cr_assert_eq(r.status, HCALL_E_INVALID_PARAM);
}

/* Legacy console_putchar: a7 = 0x01, a0 = ch; result in a0 only. */
Test(sbi, legacy_console_putchar)
{
	sim_answer(SPEC_ERR, 0);
	sim_answer(SPEC_VAL, 0x5555); /* a1 is not a legacy result */
	struct hcall_result r = hcall_sbi_legacy_console_putchar('h');
	cr_assert_eq(sim.trap, HCALL_TRAP_ECALL);
	cr_assert_eq(sim.in.r[SPEC_EID], 0x01);
	cr_assert_eq(sim.in.r[SPEC_ARG(0)], 'h');
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0);
	sim_reset();
	sim_answer(SPEC_ERR, (uint64_t)-2);
	cr_assert_eq(hcall_sbi_legacy_console_putchar('x').status, HCALL_E_NOT_SUPPORTED);
}

Test(sbi, raw_arities)
{
	const uint64_t a[6] = { 0x10, 0x11, 0x12, 0x13, 0x14, 0x15 };
	struct hcall_sbi_ret r;

	for (unsigned n = 0; n <= 6; n++) {
		sim_reset();
		answer(-7, 0xabc);
		switch (n) {
		case 0: r = hcall_sbi_call0(0x0A000000, 9); break;
		case 1: r = hcall_sbi_call1(0x0A000000, 9, a[0]); break;
		case 2: r = hcall_sbi_call2(0x0A000000, 9, a[0], a[1]); break;
		case 3: r = hcall_sbi_call3(0x0A000000, 9, a[0], a[1], a[2]); break;
		case 4: r = hcall_sbi_call4(0x0A000000, 9, a[0], a[1], a[2], a[3]); break;
		case 5: r = hcall_sbi_call5(0x0A000000, 9, a[0], a[1], a[2], a[3], a[4]); break;
		default: r = hcall_sbi_call6(0x0A000000, 9, a[0], a[1], a[2], a[3], a[4], a[5]); break;
		}
		check_call(0x0A000000, 9, n, a);
		cr_assert_eq(r.error, -7);
		cr_assert_eq(r.value, 0xabc);
	}
}

/* SBI v3.0 error codes. */
Test(sbi, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
	} cases[] = {
		{ 0, HCALL_OK },
		{ -1, HCALL_E_FAILED },
		{ -2, HCALL_E_NOT_SUPPORTED },
		{ -3, HCALL_E_INVALID_PARAM },
		{ -4, HCALL_E_DENIED },
		{ -5, HCALL_E_INVALID_ADDRESS },
		{ -6, HCALL_E_ALREADY },
		{ -7, HCALL_E_ALREADY },
		{ -8, HCALL_E_ALREADY_STOPPED },
		{ -9, HCALL_E_NO_MEMORY },
		{ -10, HCALL_E_INVALID_PARAM },
		{ -11, HCALL_E_INVALID_PARAM },
		{ -12, HCALL_E_BUSY },
		{ -13, HCALL_E_FAILED },
		{ -14, HCALL_E_DENIED },
		{ -15, HCALL_E_UNKNOWN },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		answer(cases[i].raw, 77);
		struct hcall_result r = hcall_sbi_base_get_impl_id();
		cr_assert_eq(r.status, cases[i].st, "raw %lld", (long long)cases[i].raw);
		cr_assert_eq(r.code, cases[i].raw);
		cr_assert_eq(r.value, cases[i].raw ? 0 : 77);
	}
}
