/* SPDX-License-Identifier: MIT */
/*
 * TRNG (Arm DEN0098) and PV time (Arm DEN0057A) through the simulated
 * transport. Function IDs, registers and error codes written here from
 * the specifications (TF-A trng_svc.h and Linux arm-smccc.h agree).
 */
#include <criterion/criterion.h>
#include <hcall/describe.h>
#include <hcall/pvtime.h>
#include <hcall/trng.h>

#include "sim.h"

static void answer(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	sim_answer(0, x0);
	sim_answer(1, x1);
	sim_answer(2, x2);
	sim_answer(3, x3);
}

static void check_call(enum hcall_trap trap, uint32_t fid, uint64_t x1)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, trap);
	cr_assert_eq(sim.imm, 0);
	cr_assert_eq(sim.in.r[0], fid, "fid %#llx", (unsigned long long)sim.in.r[0]);
	cr_assert_eq(sim.in.r[1], x1);
	for (int i = 2; i < 8; i++)
		cr_assert_eq(sim.in.r[i], 0, "x%d", i);
}

TestSuite(trng, .init = sim_reset);

Test(trng, version_features)
{
	answer(0x10000, 0, 0, 0);
	struct hcall_result r = hcall_trng_version();
	check_call(HCALL_TRAP_HVC, 0x84000050u, 0);
	cr_assert_eq(r.value, 0x10000);
	sim_reset();
	answer(0, 0, 0, 0);
	r = hcall_trng_features(0xC4000053u);
	check_call(HCALL_TRAP_HVC, 0x84000051u, 0xC4000053u);
	cr_assert_eq(r.status, HCALL_OK);
	sim_reset();
	answer(0xFFFFFFFF, 0, 0, 0);
	r = hcall_trng_version();
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
}

Test(trng, get_uuid)
{
	struct hcall_smccc_uid u;

	answer(0xb66fb428, 0xe911c52e, 0x564bcaa9, 0x743a004d);
	struct hcall_result r = hcall_trng_get_uuid(&u);
	check_call(HCALL_TRAP_HVC, 0x84000052u, 0);
	cr_assert_eq(r.status, HCALL_OK, "bit 31 of w0 set is a UUID, not an error");
	cr_assert_eq(u.w[0], 0xb66fb428u);
	cr_assert_eq(u.w[3], 0x743a004du);
	sim_reset();
	answer(0xFFFFFFFF, 1, 2, 3);
	r = hcall_trng_get_uuid(&u);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(u.w[1], 0);
}

/* RND32: w1 = bits 95:64, w2 = 63:32, w3 = 31:0. */
Test(trng, rnd32)
{
	struct hcall_trng_entropy e;

	answer(0, 0xAAAAAAAA, 0xBBBBBBBB, 0xCCCCCCCC);
	struct hcall_result r = hcall_trng_rnd32(96, &e);
	check_call(HCALL_TRAP_HVC, 0x84000053u, 96);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(e.bits[0], 0xBBBBBBBBCCCCCCCCull);
	cr_assert_eq(e.bits[1], 0xAAAAAAAAull);
	cr_assert_eq(e.bits[2], 0);
}

/* RND64: x1 = bits 191:128, x2 = 127:64, x3 = 63:0; status from w0. */
Test(trng, rnd64)
{
	struct hcall_trng_entropy e;

	answer(0xFFFFFFFF00000000ull, 1, 2, 3);
	struct hcall_result r = hcall_trng_rnd64(192, &e);
	check_call(HCALL_TRAP_HVC, 0xC4000053u, 192);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(e.bits[0], 3);
	cr_assert_eq(e.bits[1], 2);
	cr_assert_eq(e.bits[2], 1);
}

/* DEN0098 errors: NOT_SUPPORTED -1, INVALID_PARAMETERS -2, NO_ENTROPY -3. */
Test(trng, errors)
{
	static const struct {
		uint32_t w0;
		int64_t code;
		enum hcall_status st;
	} c[] = {
		{ 0xFFFFFFFF, -1, HCALL_E_NOT_SUPPORTED },
		{ 0xFFFFFFFE, -2, HCALL_E_INVALID_PARAM },
		{ 0xFFFFFFFD, -3, HCALL_E_BUSY },
		{ 0xFFFFFFFC, -4, HCALL_E_UNKNOWN },
	};
	struct hcall_trng_entropy e;

	for (unsigned i = 0; i < 4; i++) {
		sim_reset();
		answer(c[i].w0, 0x11, 0x22, 0x33);
		struct hcall_result r = hcall_trng_rnd64(0, &e);
		cr_assert_eq(r.status, c[i].st);
		cr_assert_eq(r.code, c[i].code);
		cr_assert_eq(e.bits[0] | e.bits[1] | e.bits[2], 0, "no entropy on error");
	}
}

Test(trng, table)
{
	const struct hcall_abi_desc *t = hcall_abi_find("trng");

	cr_assert(t);
	cr_assert_eq(t->ncalls, 5);
	cr_assert(hcall_call_find(t, 0x84000050u));
	cr_assert(hcall_call_find(t, 0x84000051u));
	cr_assert(hcall_call_find(t, 0x84000052u));
	cr_assert(hcall_call_find(t, 0x84000053u));
	cr_assert(hcall_call_find(t, 0xC4000053u));
}

TestSuite(pvtime, .init = sim_reset);

/* PV time: HVC always, SMC64 results in x0. */
Test(pvtime, calls)
{
	answer(0, 0, 0, 0);
	struct hcall_result r = hcall_pvtime_features(0xC5000021u);
	check_call(HCALL_TRAP_HVC, 0xC5000020u, 0xC5000021u);
	cr_assert_eq(r.status, HCALL_OK);
	sim_reset();
	answer(0x80001000ull, 0, 0, 0);
	r = hcall_pvtime_st();
	check_call(HCALL_TRAP_HVC, 0xC5000021u, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0x80001000ull);
	sim_reset();
	answer((uint64_t)-1, 0, 0, 0);
	r = hcall_pvtime_st();
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(sizeof(struct hcall_pvtime_stolen), 64);
	cr_assert_eq(__builtin_offsetof(struct hcall_pvtime_stolen, stolen_time), 8);
	const struct hcall_abi_desc *t = hcall_abi_find("pvtime");
	cr_assert(t && t->ncalls == 2);
}
