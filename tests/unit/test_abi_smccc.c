/* SPDX-License-Identifier: MIT */
/*
 * Arm SMCCC through the simulated transport. Register numbers, function
 * IDs and error codes are written here from Arm DEN0028 (SMC Calling
 * Convention), not taken from the headers' tables.
 */
#include <criterion/criterion.h>
#include <hcall/smccc.h>

#include "sim.h"

/* DEN0028: w0 = function ID, arguments x1..x7, results x0..x3; the
 * conduit is HVC #0 or SMC #0. */
#define SPEC_IMM 0u
#define SPEC_FID 0
#define SPEC_ARG(n) (n)
#define SPEC_RES(n) (n)

static void check_call(enum hcall_trap trap, uint32_t fid, unsigned nargs,
		       const uint64_t *args)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, trap);
	cr_assert_eq(sim.imm, SPEC_IMM);
	cr_assert_eq(sim.in.r[SPEC_FID], fid, "fid %#llx",
		     (unsigned long long)sim.in.r[SPEC_FID]);
	for (unsigned i = 1; i <= 7; i++)
		cr_assert_eq(sim.in.r[SPEC_ARG(i)], i <= nargs ? args[i - 1] : 0,
			     "x%u", i);
}

static void answer(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	sim_answer(SPEC_RES(0), x0);
	sim_answer(SPEC_RES(1), x1);
	sim_answer(SPEC_RES(2), x2);
	sim_answer(SPEC_RES(3), x3);
}

TestSuite(smccc, .init = sim_reset);

Test(smccc, version)
{
	answer(0x10002, 0, 0, 0);
	struct hcall_result r = hcall_smccc_version();
	check_call(HCALL_TRAP_HVC, 0x80000000u, 0, NULL);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0x10002);
}

Test(smccc, arch_features)
{
	const uint64_t a[] = { 0x80008000u };
	answer(0, 0, 0, 0);
	struct hcall_result r = hcall_smccc_arch_features(0x80008000u);
	check_call(HCALL_TRAP_HVC, 0x80000001u, 1, a);
	cr_assert_eq(r.status, HCALL_OK);
}

Test(smccc, arch_soc_id)
{
	const uint64_t a[] = { 1 };
	answer(0x1234, 0, 0, 0);
	struct hcall_result r = hcall_smccc_arch_soc_id(1);
	check_call(HCALL_TRAP_HVC, 0x80000002u, 1, a);
	cr_assert_eq(r.value, 0x1234);
}

/* SMCCC_VERSION: major 1 is the only SMCCC there is; anything else did
 * not come from an SMCCC implementation. */
Test(smccc, version_sanity)
{
	static const struct {
		uint64_t x0;
		enum hcall_status st;
	} v[] = {
		{ 0x10000, HCALL_OK },
		{ 0x10005, HCALL_OK },
		{ 0xABCD000000010001ull, HCALL_OK }, /* w0 only */
		{ 0xFFFFFFFF, HCALL_E_NOT_SUPPORTED }, /* SMCCC 1.0 firmware */
		{ 0x0BADCA11, HCALL_E_UNKNOWN },
		{ 0x20000, HCALL_E_UNKNOWN },
		{ 0, HCALL_E_UNKNOWN },
	};
	for (unsigned i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		sim_reset();
		sim_answer(SPEC_RES(0), v[i].x0);
		struct hcall_result r = hcall_smccc_version();
		cr_assert_eq(r.status, v[i].st, "x0 %#llx", (unsigned long long)v[i].x0);
		cr_assert_eq(r.value, v[i].st == HCALL_OK ? (uint32_t)v[i].x0 : 0);
	}
}

/* DEN0028 1.5/1.6: ARCH_FEATURE_AVAILABILITY is SMC64 0xC0000003 (as
 * TF-A's handler answers it), x1 = register, bitmap in x1. */
Test(smccc, arch_feature_availability)
{
	const uint64_t a[] = { 0x1E1100 }; /* SCR_EL3's encoding in TF-A */
	answer(0, 0x8000000000000123ull, 0, 0);
	struct hcall_result r = hcall_smccc_arch_feature_availability(0x1E1100);
	check_call(HCALL_TRAP_HVC, 0xC0000003u, 1, a);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0x8000000000000123ull);
	sim_reset();
	answer(0xFFFFFFFF, 0x55, 0, 0);
	r = hcall_smccc_arch_feature_availability(0x1E1100);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(r.value, 0);
}

/* ARCH_SOC_ID SMC64 (0xC0000002), type 2: the name in x1..x17, eight
 * bytes a register, first byte least significant. */
Test(smccc, arch_soc_id_name)
{
	static const char want[] = "hcall test SoC, a name longer than one register";
	char name[136];
	uint64_t w[17] = { 0 };

	for (unsigned i = 0; i < sizeof(want); i++)
		w[i / 8] |= (uint64_t)(uint8_t)want[i] << (8 * (i % 8));
	sim_answer(0, 0);
	for (unsigned i = 0; i < 17; i++)
		sim_answer((int)i + 1, w[i]);
	struct hcall_result r = hcall_smccc_arch_soc_id_name(name);
	cr_assert_eq(sim.in.r[0], 0xC0000002u);
	cr_assert_eq(sim.in.r[1], 2);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_str_eq(name, want);
	sim_reset();
	sim_answer(0, 0xFFFFFFFDu); /* INVALID_PARAMETER: no name */
	sim_answer(1, 0x4141414141414141ull);
	r = hcall_smccc_arch_soc_id_name(name);
	cr_assert_eq(r.status, HCALL_E_INVALID_PARAM);
	cr_assert_eq(name[0], 0);
}

/* SMCCC 1.3: bit 16 of a function ID is the SVE hint, not part of the
 * number; bits 23:17 stay zero. */
Test(smccc, sve_hint)
{
	cr_assert_eq(HCALL_SMCCC_SVE_HINT_BIT, 1u << 16);
	cr_assert(hcall_smccc_fid_has_sve_hint(0x84010000u));
	cr_assert(!hcall_smccc_fid_has_sve_hint(0x84000000u));
	cr_assert_eq(hcall_smccc_fid_without_sve_hint(0xC4010003u), 0xC4000003u);
	cr_assert_eq(hcall_smccc_fid_func(0x84010000u), 0);
	cr_assert_eq(hcall_smccc_fid_owner(0x84010000u), 4);
}

/* No conduit: nothing traps, x0 reads NOT_SUPPORTED. */
Test(smccc, no_conduit)
{
	struct hcall_smccc_ret r = hcall_smccc_conduit_call1(HCALL_SMCCC_NONE,
							     0x80000000u, 5);
	cr_assert_eq(sim.calls, 0);
	cr_assert_eq(r.x0, ~0ull);
	cr_assert_eq(r.x1, 0);
	r = hcall_smccc10_conduit_call7(HCALL_SMCCC_NONE, 0x80000000u, 1, 2, 3, 4,
					5, 6, 7);
	cr_assert_eq(sim.calls, 0);
	cr_assert_eq(r.x0, ~0ull);
}

/* The SMCCC 1.0-safe call binds x1..x7, unused ones zero. */
Test(smccc, v1_0_call)
{
	const uint64_t a[7] = { 1, 2, 3, 4, 5, 6, 7 };
	answer(0xa0, 0xa1, 0xa2, 0xa3);
	struct hcall_smccc_ret r = hcall_smccc10_call7(0x82000001u, 1, 2, 3, 4, 5, 6, 7);
	check_call(HCALL_TRAP_HVC, 0x82000001u, 7, a);
	cr_assert_eq(r.x0, 0xa0);
	cr_assert_eq(r.x3, 0xa3);
}

Test(smccc, workarounds)
{
	hcall_smccc_arch_workaround_1();
	check_call(HCALL_TRAP_HVC, 0x80008000u, 0, NULL);
	sim_reset();
	const uint64_t a[] = { 1 };
	hcall_smccc_arch_workaround_2(1);
	check_call(HCALL_TRAP_HVC, 0x80007FFFu, 1, a);
	sim_reset();
	hcall_smccc_arch_workaround_3();
	check_call(HCALL_TRAP_HVC, 0x80003FFFu, 0, NULL);
	sim_reset();
	hcall_smccc_arch_workaround_4();
	check_call(HCALL_TRAP_HVC, 0x80000004u, 0, NULL);
}

/* SMCCC 1.7 cache maintenance (0xC0000005/6, as Linux's patches and
 * illumos's smccc.h number them): x1 = base, x2 = size, x3 = flags;
 * RATE_LIMITED -4 and BUSY -5 mean "call again". */
Test(smccc, clean_inv_memregion)
{
	const uint64_t a[] = { 0x880000000ull, 0x200000, 1 };
	answer(0xFFFFFFFC, 0, 0, 0);
	struct hcall_result r = hcall_smccc_arch_clean_inv_memregion(0x880000000ull, 0x200000, 1);
	check_call(HCALL_TRAP_HVC, 0xC0000005u, 3, a);
	cr_assert_eq(r.status, HCALL_E_BUSY);
	cr_assert_eq(r.code, -4);
	sim_reset();
	answer(0x00000000FFFFFFFBull, 0, 0, 0);
	r = hcall_smccc_arch_clean_inv_memregion(0, 0x1000, 0);
	cr_assert_eq(r.status, HCALL_E_BUSY);
	cr_assert_eq(r.code, -5);
	sim_reset();
	answer(0, 7, 250, 1000);
	struct hcall_smccc_memregion_attrs at;
	r = hcall_smccc_arch_clean_inv_memregion_attributes(&at);
	check_call(HCALL_TRAP_HVC, 0xC0000006u, 0, NULL);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(at.latency_us, 250);
	cr_assert_eq(at.rate_limit, 1000);
	sim_reset();
	answer(0xFFFFFFFF, 7, 250, 1000);
	r = hcall_smccc_arch_clean_inv_memregion_attributes(&at);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(at.latency_us, 0);
}

/* The architecture-call IDs, from DEN0028 (and TF-A's arm_arch_svc.h). */
Test(smccc, arch_ids)
{
	cr_assert_eq(HCALL_SMCCC_VERSION, 0x80000000u);
	cr_assert_eq(HCALL_SMCCC_ARCH_FEATURES, 0x80000001u);
	cr_assert_eq(HCALL_SMCCC_ARCH_SOC_ID, 0x80000002u);
	cr_assert_eq(HCALL_SMCCC_ARCH_SOC_ID_64, 0xC0000002u);
	cr_assert_eq(HCALL_SMCCC_ARCH_FEATURE_AVAILABILITY, 0xC0000003u);
	cr_assert_eq(HCALL_SMCCC_ARCH_WORKAROUND_1, 0x80008000u);
	cr_assert_eq(HCALL_SMCCC_ARCH_WORKAROUND_2, 0x80007FFFu);
	cr_assert_eq(HCALL_SMCCC_ARCH_WORKAROUND_3, 0x80003FFFu);
	cr_assert_eq(HCALL_SMCCC_ARCH_WORKAROUND_4, 0x80000004u);
	cr_assert_eq(HCALL_SMCCC_SOC_ID_NAME, 2);
	cr_assert_eq(HCALL_SMCCC_ARCH_CLEAN_INV_MEMREGION, 0xC0000005u);
	cr_assert_eq(HCALL_SMCCC_ARCH_CLEAN_INV_MEMREGION_ATTRIBUTES, 0xC0000006u);
}

/* Every arity binds its arguments to x1..xN and nothing else. */
Test(smccc, raw_arities)
{
	const uint64_t a[7] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77 };
	const uint32_t fid = 0xC2000010u; /* a SiP SMC64 call */
	struct hcall_smccc_ret r;

	for (unsigned n = 0; n <= 7; n++) {
		sim_reset();
		answer(0xa0, 0xa1, 0xa2, 0xa3);
		switch (n) {
		case 0: r = hcall_smccc_call0(fid); break;
		case 1: r = hcall_smccc_call1(fid, a[0]); break;
		case 2: r = hcall_smccc_call2(fid, a[0], a[1]); break;
		case 3: r = hcall_smccc_call3(fid, a[0], a[1], a[2]); break;
		case 4: r = hcall_smccc_call4(fid, a[0], a[1], a[2], a[3]); break;
		case 5: r = hcall_smccc_call5(fid, a[0], a[1], a[2], a[3], a[4]); break;
		case 6: r = hcall_smccc_call6(fid, a[0], a[1], a[2], a[3], a[4], a[5]); break;
		default: r = hcall_smccc_call7(fid, a[0], a[1], a[2], a[3], a[4], a[5], a[6]); break;
		}
		check_call(HCALL_TRAP_HVC, fid, n, a);
		cr_assert_eq(r.x0, 0xa0);
		cr_assert_eq(r.x1, 0xa1);
		cr_assert_eq(r.x2, 0xa2);
		cr_assert_eq(r.x3, 0xa3);
	}
}

Test(smccc, smc_conduit)
{
	const uint64_t a[] = { 5, 6 };
	hcall_smccc_conduit_call2(HCALL_SMCCC_SMC, 0x84000000u, 5, 6);
	check_call(HCALL_TRAP_SMC, 0x84000000u, 2, a);
}

/* SMCCC 1.2: x0..x17 in and out. */
Test(smccc, v1_2_all_registers)
{
	struct hcall_smccc12_regs in, out;

	for (unsigned i = 0; i < 18; i++) {
		in.x[i] = 0x1000 + i;
		sim_answer((int)i, 0x2000 + i);
	}
	hcall_smccc12_call(&in, &out);
	cr_assert_eq(sim.trap, HCALL_TRAP_HVC);
	for (unsigned i = 0; i < 18; i++) {
		cr_assert_eq(sim.in.r[i], 0x1000 + i, "x%u in", i);
		cr_assert_eq(out.x[i], 0x2000 + i, "x%u out", i);
	}
	cr_assert_eq(sim.in.r[18], 0, "x18 is not part of SMCCC 1.2");
}

/* Function IDs: bit 31 fast, bit 30 SMC64, owner 29:24, number 15:0. */
Test(smccc, fid_builders)
{
	static const struct {
		uint32_t owner, id;
	} owners[] = {
		{ HCALL_SMCCC_OWNER_ARCH, 0x80000000u },
		{ HCALL_SMCCC_OWNER_CPU, 0x81000000u },
		{ HCALL_SMCCC_OWNER_SIP, 0x82000000u },
		{ HCALL_SMCCC_OWNER_OEM, 0x83000000u },
		{ HCALL_SMCCC_OWNER_STANDARD, 0x84000000u },
		{ HCALL_SMCCC_OWNER_STANDARD_HYP, 0x85000000u },
		{ HCALL_SMCCC_OWNER_VENDOR_HYP, 0x86000000u },
		{ HCALL_SMCCC_OWNER_TRUSTED_APP, 0xB0000000u },
		{ HCALL_SMCCC_OWNER_TRUSTED_APP_END, 0xB1000000u },
		{ HCALL_SMCCC_OWNER_TRUSTED_OS, 0xB2000000u },
		{ HCALL_SMCCC_OWNER_TRUSTED_OS_END, 0xBF000000u },
	};
	for (unsigned i = 0; i < sizeof(owners) / sizeof(owners[0]); i++) {
		uint32_t o = owners[i].owner, id = owners[i].id;
		cr_assert_eq(hcall_smccc_fast32(o, 0x12), id | 0x12);
		cr_assert_eq(hcall_smccc_fast64(o, 0x12), id | 0x40000000u | 0x12);
		cr_assert_eq(hcall_smccc_yielding32(o, 7), (id & ~0x80000000u) | 7);
		cr_assert_eq(hcall_smccc_yielding64(o, 7),
			     (id & ~0x80000000u) | 0x40000000u | 7);
		cr_assert_eq(hcall_smccc_fid(1, 0, o, 0xFF01), id | 0xFF01);
		cr_assert_eq(hcall_smccc_fid_owner(id), o);
	}
	cr_assert_eq(hcall_smccc_fid_func(0xC4000003u), 3);
	cr_assert(hcall_smccc_fid_is_fast(0x84000000u));
	cr_assert(!hcall_smccc_fid_is_fast(0x04000000u));
	cr_assert(hcall_smccc_fid_is_smc64(0xC4000003u));
	cr_assert(!hcall_smccc_fid_is_smc64(0x84000002u));
	cr_assert_eq(hcall_smccc_version_major(0x10002), 1);
	cr_assert_eq(hcall_smccc_version_minor(0x10002), 2);
}

/* The reserved argument registers of the mainline KVM calls
 * (hypercalls.rst): HYP_MEMINFO x1..x3, MEM_SHARE/UNSHARE/MMIO_GUARD
 * x2..x3, DISCOVER_IMPL_CPUS x2..x3. Android's 9 is not mainline's. */
Test(smccc, reserved_masks)
{
	cr_assert_eq(hcall_smccc_reserved_mask(0xC6000002u), (1u << 1) | (1u << 2) | (1u << 3));
	cr_assert_eq(hcall_smccc_reserved_mask(0xC6000003u), (1u << 2) | (1u << 3));
	cr_assert_eq(hcall_smccc_reserved_mask(0xC6000004u), (1u << 2) | (1u << 3));
	cr_assert_eq(hcall_smccc_reserved_mask(0xC6000007u), (1u << 2) | (1u << 3));
	cr_assert_eq(hcall_smccc_reserved_mask(0xC6000041u), (1u << 2) | (1u << 3));
	cr_assert_eq(hcall_smccc_reserved_mask(0xC6000009u), 0);
	cr_assert_eq(hcall_smccc_reserved_mask(0xC4000003u), 0);
	cr_assert_eq(hcall_smccc_reserved_mask(0x82001234u), 0);
}

/* DEN0028: SUCCESS 0, NOT_SUPPORTED -1, NOT_REQUIRED -2,
 * INVALID_PARAMETER -3, returned in w0 by these SMC32 calls. */
Test(smccc, errors_map)
{
	static const struct {
		uint64_t w0;
		int64_t code;
		enum hcall_status st;
	} cases[] = {
		{ 0xFFFFFFFFu, -1, HCALL_E_NOT_SUPPORTED },
		{ 0xFFFFFFFEu, -2, HCALL_E_NOT_REQUIRED },
		{ 0xFFFFFFFDu, -3, HCALL_E_INVALID_PARAM },
		{ 0xFFFFFFF0u, -16, HCALL_E_UNKNOWN },
		/* upper half garbage: a 32-bit result ignores it */
		{ 0xDEADBEEFFFFFFFFFull, -1, HCALL_E_NOT_SUPPORTED },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		sim_answer(SPEC_RES(0), cases[i].w0);
		struct hcall_result r = hcall_smccc_arch_features(0x12345678u);
		cr_assert_eq(r.status, cases[i].st, "w0 %#llx", (unsigned long long)cases[i].w0);
		cr_assert_eq(r.code, cases[i].code);
		cr_assert_eq(r.value, 0);
	}
	sim_reset();
	sim_answer(SPEC_RES(0), 0);
	cr_assert_eq(hcall_smccc_arch_features(0x80008000u).status, HCALL_OK);
}

Test(smccc, call_uid)
{
	answer(0x11111111, 0x22222222, 0x33333333, 0x44444444);
	struct hcall_smccc_uid u = hcall_smccc_call_uid(0x8200FF01u);
	check_call(HCALL_TRAP_HVC, 0x8200FF01u, 0, NULL);
	cr_assert_eq(u.w[0], 0x11111111u);
	cr_assert_eq(u.w[3], 0x44444444u);
}
