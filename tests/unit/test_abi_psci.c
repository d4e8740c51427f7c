/* SPDX-License-Identifier: MIT */
/*
 * PSCI through the simulated transport. Function IDs, argument registers
 * and error codes are written here from Arm DEN0022F.b (PSCI 1.3; the
 * ALP1 additions from the PSCI 1.3 alpha as Linux's RFC patches quote
 * them) and checked again against Debian's /usr/include/linux/psci.h
 * (package linux-libc-dev) for every ID that header defines. None of them
 * is taken from hcall's tables.
 */
#include <criterion/criterion.h>
#include <hcall/describe.h>
#include <hcall/psci.h>
#include <linux/psci.h>
#include <stdio.h>

#include "sim.h"

/* SMCCC: w0 = function ID, x1..x3 = arguments, x0 = result; HVC #0. */
#define SPEC_FID 0
#define SPEC_X1 1
#define SPEC_X2 2
#define SPEC_X3 3
#define SPEC_RET 0

/* DEN0022F.b table 5-1 (and ALP1 for the last two): SMC32 0x84000000 + n,
 * SMC64 0xC4000000 + n. */
#define S32(n) (0x84000000u + (n))
#define S64(n) (0xC4000000u + (n))

static const struct {
	const char *ident; /* hcall's name for it */
	uint32_t spec;     /* from the specification */
	uint32_t hcall;    /* hcall's number */
	long long debian;  /* Debian's linux/psci.h, or -1 where it has none */
} ids[] = {
	{ "VERSION", S32(0x0), HCALL_PSCI_VERSION, PSCI_0_2_FN_PSCI_VERSION },
	{ "CPU_SUSPEND", S64(0x1), HCALL_PSCI_CPU_SUSPEND, PSCI_0_2_FN64_CPU_SUSPEND },
	{ "CPU_SUSPEND_32", S32(0x1), HCALL_PSCI_CPU_SUSPEND_32, PSCI_0_2_FN_CPU_SUSPEND },
	{ "CPU_OFF", S32(0x2), HCALL_PSCI_CPU_OFF, PSCI_0_2_FN_CPU_OFF },
	{ "CPU_ON", S64(0x3), HCALL_PSCI_CPU_ON, PSCI_0_2_FN64_CPU_ON },
	{ "CPU_ON_32", S32(0x3), HCALL_PSCI_CPU_ON_32, PSCI_0_2_FN_CPU_ON },
	{ "AFFINITY_INFO", S64(0x4), HCALL_PSCI_AFFINITY_INFO, PSCI_0_2_FN64_AFFINITY_INFO },
	{ "AFFINITY_INFO_32", S32(0x4), HCALL_PSCI_AFFINITY_INFO_32, PSCI_0_2_FN_AFFINITY_INFO },
	{ "MIGRATE", S64(0x5), HCALL_PSCI_MIGRATE, PSCI_0_2_FN64_MIGRATE },
	{ "MIGRATE_32", S32(0x5), HCALL_PSCI_MIGRATE_32, PSCI_0_2_FN_MIGRATE },
	{ "MIGRATE_INFO_TYPE", S32(0x6), HCALL_PSCI_MIGRATE_INFO_TYPE, PSCI_0_2_FN_MIGRATE_INFO_TYPE },
	{ "MIGRATE_INFO_UP_CPU", S64(0x7), HCALL_PSCI_MIGRATE_INFO_UP_CPU, PSCI_0_2_FN64_MIGRATE_INFO_UP_CPU },
	{ "MIGRATE_INFO_UP_CPU_32", S32(0x7), HCALL_PSCI_MIGRATE_INFO_UP_CPU_32, PSCI_0_2_FN_MIGRATE_INFO_UP_CPU },
	{ "SYSTEM_OFF", S32(0x8), HCALL_PSCI_SYSTEM_OFF, PSCI_0_2_FN_SYSTEM_OFF },
	{ "SYSTEM_RESET", S32(0x9), HCALL_PSCI_SYSTEM_RESET, PSCI_0_2_FN_SYSTEM_RESET },
	{ "FEATURES", S32(0xA), HCALL_PSCI_FEATURES, PSCI_1_0_FN_PSCI_FEATURES },
	{ "CPU_FREEZE", S32(0xB), HCALL_PSCI_CPU_FREEZE, PSCI_1_0_FN_CPU_FREEZE },
	{ "CPU_DEFAULT_SUSPEND", S64(0xC), HCALL_PSCI_CPU_DEFAULT_SUSPEND, PSCI_1_0_FN64_CPU_DEFAULT_SUSPEND },
	{ "CPU_DEFAULT_SUSPEND_32", S32(0xC), HCALL_PSCI_CPU_DEFAULT_SUSPEND_32, PSCI_1_0_FN_CPU_DEFAULT_SUSPEND },
	{ "NODE_HW_STATE", S64(0xD), HCALL_PSCI_NODE_HW_STATE, PSCI_1_0_FN64_NODE_HW_STATE },
	{ "NODE_HW_STATE_32", S32(0xD), HCALL_PSCI_NODE_HW_STATE_32, PSCI_1_0_FN_NODE_HW_STATE },
	{ "SYSTEM_SUSPEND", S64(0xE), HCALL_PSCI_SYSTEM_SUSPEND, PSCI_1_0_FN64_SYSTEM_SUSPEND },
	{ "SYSTEM_SUSPEND_32", S32(0xE), HCALL_PSCI_SYSTEM_SUSPEND_32, PSCI_1_0_FN_SYSTEM_SUSPEND },
	{ "SET_SUSPEND_MODE", S32(0xF), HCALL_PSCI_SET_SUSPEND_MODE, PSCI_1_0_FN_SET_SUSPEND_MODE },
	{ "STAT_RESIDENCY", S64(0x10), HCALL_PSCI_STAT_RESIDENCY, PSCI_1_0_FN64_STAT_RESIDENCY },
	{ "STAT_RESIDENCY_32", S32(0x10), HCALL_PSCI_STAT_RESIDENCY_32, PSCI_1_0_FN_STAT_RESIDENCY },
	{ "STAT_COUNT", S64(0x11), HCALL_PSCI_STAT_COUNT, PSCI_1_0_FN64_STAT_COUNT },
	{ "STAT_COUNT_32", S32(0x11), HCALL_PSCI_STAT_COUNT_32, PSCI_1_0_FN_STAT_COUNT },
	{ "SYSTEM_RESET2", S64(0x12), HCALL_PSCI_SYSTEM_RESET2, PSCI_1_1_FN64_SYSTEM_RESET2 },
	{ "SYSTEM_RESET2_32", S32(0x12), HCALL_PSCI_SYSTEM_RESET2_32, PSCI_1_1_FN_SYSTEM_RESET2 },
	{ "MEM_PROTECT", S32(0x13), HCALL_PSCI_MEM_PROTECT, PSCI_1_1_FN_MEM_PROTECT },
	{ "MEM_PROTECT_CHECK_RANGE", S64(0x14), HCALL_PSCI_MEM_PROTECT_CHECK_RANGE,
	  PSCI_1_1_FN64_MEM_PROTECT_CHECK_RANGE },
	{ "MEM_PROTECT_CHECK_RANGE_32", S32(0x14), HCALL_PSCI_MEM_PROTECT_CHECK_RANGE_32,
	  PSCI_1_1_FN_MEM_PROTECT_CHECK_RANGE },
#ifdef PSCI_1_3_FN_SYSTEM_OFF2
	{ "SYSTEM_OFF2", S64(0x15), HCALL_PSCI_SYSTEM_OFF2, PSCI_1_3_FN64_SYSTEM_OFF2 },
	{ "SYSTEM_OFF2_32", S32(0x15), HCALL_PSCI_SYSTEM_OFF2_32, PSCI_1_3_FN_SYSTEM_OFF2 },
#else /* Debian 12's Linux 6.1 header predates PSCI 1.3 */
	{ "SYSTEM_OFF2", S64(0x15), HCALL_PSCI_SYSTEM_OFF2, -1 },
	{ "SYSTEM_OFF2_32", S32(0x15), HCALL_PSCI_SYSTEM_OFF2_32, -1 },
#endif
	/* PSCI 1.3 ALP1 only; no released Linux header has them. */
	{ "CLEAN_INV_MEMREGION", S64(0x16), HCALL_PSCI_CLEAN_INV_MEMREGION, -1 },
	{ "CLEAN_INV_MEMREGION_ATTRIBUTES", S32(0x17), HCALL_PSCI_CLEAN_INV_MEMREGION_ATTRIBUTES, -1 },
};
#define NIDS (sizeof(ids) / sizeof(ids[0]))

TestSuite(psci, .init = sim_reset);

/* Every number: the specification's, Debian's header's, hcall's. */
Test(psci, function_ids)
{
	unsigned debian = 0;

	for (unsigned i = 0; i < NIDS; i++) {
		cr_assert_eq(ids[i].hcall, ids[i].spec, "%s: hcall %#x, DEN0022 %#x",
			     ids[i].ident, ids[i].hcall, ids[i].spec);
		if (ids[i].debian < 0)
			continue;
		debian++;
		cr_assert_eq((uint32_t)ids[i].debian, ids[i].spec,
			     "%s: linux/psci.h %#llx, DEN0022 %#x", ids[i].ident,
			     ids[i].debian, ids[i].spec);
	}
	cr_assert_geq(debian, 33, "Debian's psci.h checked only %u IDs", debian);
}

/* The table has every function above and nothing else, and its names
 * are the ones above (so the CLI and docs list all of them). */
Test(psci, table_is_complete)
{
	const struct hcall_abi_desc *abi = hcall_abi_find("psci");

	cr_assert(abi);
	cr_assert_eq(abi->ncalls, NIDS, "table has %u rows, PSCI 1.3 + ALP1 has %zu",
		     abi->ncalls, NIDS);
	for (unsigned i = 0; i < NIDS; i++) {
		const struct hcall_call_desc *c = hcall_call_find(abi, ids[i].spec);
		char ident[64];

		cr_assert(c, "no row for %s %#x", ids[i].ident, ids[i].spec);
		snprintf(ident, sizeof(ident), "HCALL_PSCI_%s", ids[i].ident);
		cr_assert_str_eq(c->ident, ident);
	}
}

static void check_call(uint32_t fid, uint64_t x1, uint64_t x2, uint64_t x3)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, HCALL_TRAP_HVC);
	cr_assert_eq(sim.imm, 0);
	cr_assert_eq(sim.in.r[SPEC_FID], fid, "fid %#llx, want %#x",
		     (unsigned long long)sim.in.r[SPEC_FID], fid);
	cr_assert_eq(sim.in.r[SPEC_X1], x1, "x1 of %#x", fid);
	cr_assert_eq(sim.in.r[SPEC_X2], x2, "x2 of %#x", fid);
	cr_assert_eq(sim.in.r[SPEC_X3], x3, "x3 of %#x", fid);
	for (int i = 4; i < 8; i++)
		cr_assert_eq(sim.in.r[i], 0, "x%d", i);
}

#define A1 0x1111111111111111ull
#define A2 0x2222222222222222ull
#define A3 0x3333333333333333ull
#define W1 0x11111111u
#define W2 0x22222222u
#define W3 0x33333333u

/* Each call through its typed wrapper: ID and argument registers (the
 * argument order of DEN0022 section 5). */
#define CALL(expr, fid, x1, x2, x3)                       \
	do {                                              \
		sim_reset();                              \
		sim_answer(SPEC_RET, 0);                  \
		r = (expr);                               \
		check_call(fid, x1, x2, x3);              \
		cr_assert_eq(r.status, HCALL_OK, #expr);  \
	} while (0)

Test(psci, every_wrapper)
{
	struct hcall_result r;

	/* answer 0x10003 (1.3) for VERSION */
	sim_answer(SPEC_RET, 0x10003);
	r = hcall_psci_version();
	check_call(S32(0), 0, 0, 0);
	cr_assert_eq(r.value, 0x10003);
	CALL(hcall_psci_cpu_suspend(W1, A2, A3), S64(1), W1, A2, A3);
	CALL(hcall_psci_cpu_suspend_32(W1, W2, W3), S32(1), W1, W2, W3);
	CALL(hcall_psci_cpu_off(), S32(2), 0, 0, 0);
	CALL(hcall_psci_cpu_on(A1, A2, A3), S64(3), A1, A2, A3);
	CALL(hcall_psci_cpu_on_32(W1, W2, W3), S32(3), W1, W2, W3);
	CALL(hcall_psci_affinity_info(A1, 2), S64(4), A1, 2, 0);
	CALL(hcall_psci_affinity_info_32(W1, 3), S32(4), W1, 3, 0);
	CALL(hcall_psci_migrate(A1), S64(5), A1, 0, 0);
	CALL(hcall_psci_migrate_32(W1), S32(5), W1, 0, 0);
	CALL(hcall_psci_migrate_info_type(), S32(6), 0, 0, 0);
	CALL(hcall_psci_migrate_info_up_cpu(), S64(7), 0, 0, 0);
	CALL(hcall_psci_migrate_info_up_cpu_32(), S32(7), 0, 0, 0);
	CALL(hcall_psci_system_off(), S32(8), 0, 0, 0);
	CALL(hcall_psci_system_reset(), S32(9), 0, 0, 0);
	CALL(hcall_psci_features(S64(1)), S32(0xA), S64(1), 0, 0);
	CALL(hcall_psci_cpu_freeze(), S32(0xB), 0, 0, 0);
	CALL(hcall_psci_cpu_default_suspend(A1, A2), S64(0xC), A1, A2, 0);
	CALL(hcall_psci_cpu_default_suspend_32(W1, W2), S32(0xC), W1, W2, 0);
	CALL(hcall_psci_node_hw_state(A1, 1), S64(0xD), A1, 1, 0);
	CALL(hcall_psci_node_hw_state_32(W1, 1), S32(0xD), W1, 1, 0);
	CALL(hcall_psci_system_suspend(A1, A2), S64(0xE), A1, A2, 0);
	CALL(hcall_psci_system_suspend_32(W1, W2), S32(0xE), W1, W2, 0);
	CALL(hcall_psci_set_suspend_mode(1), S32(0xF), 1, 0, 0);
	CALL(hcall_psci_stat_residency(A1, W2), S64(0x10), A1, W2, 0);
	CALL(hcall_psci_stat_residency_32(W1, W2), S32(0x10), W1, W2, 0);
	CALL(hcall_psci_stat_count(A1, W2), S64(0x11), A1, W2, 0);
	CALL(hcall_psci_stat_count_32(W1, W2), S32(0x11), W1, W2, 0);
	CALL(hcall_psci_system_reset2(0x80000001u, A2), S64(0x12), 0x80000001u, A2, 0);
	CALL(hcall_psci_system_reset2_32(0, W2), S32(0x12), 0, W2, 0);
	CALL(hcall_psci_mem_protect(1), S32(0x13), 1, 0, 0);
	CALL(hcall_psci_mem_protect_check_range(A1, A2), S64(0x14), A1, A2, 0);
	CALL(hcall_psci_mem_protect_check_range_32(W1, W2), S32(0x14), W1, W2, 0);
	CALL(hcall_psci_system_off2(1, A2), S64(0x15), 1, A2, 0);
	CALL(hcall_psci_system_off2_32(1, W2), S32(0x15), 1, W2, 0);
	CALL(hcall_psci_clean_inv_memregion(A1, A2, 1), S64(0x16), A1, A2, 1);
	CALL(hcall_psci_clean_inv_memregion_attributes(4), S32(0x17), 4, 0, 0);
}

/* The 32-bit arguments of the SMC32 forms are truncated by the type, so
 * the upper half of the register is zero. */
Test(psci, smc32_arguments_are_32_bit)
{
	struct hcall_result r;

	CALL(hcall_psci_cpu_on_32((uint32_t)A1, (uint32_t)0xAAAABBBBCCCCDDDDull, 0),
	     S32(3), (uint32_t)A1, 0xCCCCDDDDu, 0);
}

/* DEN0022 return codes; TIMEOUT, RATE_LIMITED and BUSY are ALP1's. */
static const struct {
	int64_t raw;
	enum hcall_status st;
} codes[] = {
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
	{ -10, HCALL_E_BUSY },
	{ -11, HCALL_E_BUSY },
	{ -12, HCALL_E_BUSY },
	{ -13, HCALL_E_UNKNOWN },
};

Test(psci, errors_map)
{
	cr_assert_eq(PSCI_RET_SUCCESS, 0);
	cr_assert_eq(PSCI_RET_NOT_SUPPORTED, -1);
	cr_assert_eq(PSCI_RET_INVALID_PARAMS, -2);
	cr_assert_eq(PSCI_RET_DENIED, -3);
	cr_assert_eq(PSCI_RET_ALREADY_ON, -4);
	cr_assert_eq(PSCI_RET_ON_PENDING, -5);
	cr_assert_eq(PSCI_RET_INTERNAL_FAILURE, -6);
	cr_assert_eq(PSCI_RET_NOT_PRESENT, -7);
	cr_assert_eq(PSCI_RET_DISABLED, -8);
	cr_assert_eq(PSCI_RET_INVALID_ADDRESS, -9);
	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		cr_assert_eq(hcall_map_psci_error(codes[i].raw), codes[i].st, "raw %lld",
			     (long long)codes[i].raw);
	}
}

/*
 * Every status and 32-bit value comes from w0, sign-extended, whatever
 * x0's upper half holds: a firmware that writes only w0 (x0 =
 * 0x00000000fffffff7) means -9, INVALID_ADDRESS, for an SMC64 call too.
 */
Test(psci, results_from_w0)
{
	static const uint64_t uppers[] = { 0, 0xFFFFFFFF00000000ull, 0xDEADBEEF00000000ull };

	for (unsigned u = 0; u < 3; u++) {
		for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
			uint64_t x0 = uppers[u] | (uint32_t)codes[i].raw;
			struct hcall_result r;

			sim_reset();
			sim_answer(SPEC_RET, x0);
			r = hcall_psci_cpu_on(1, 0x1000, 0); /* SMC64 */
			cr_assert_eq(r.status, codes[i].st, "cpu_on x0 %#llx",
				     (unsigned long long)x0);
			cr_assert_eq(r.code, codes[i].raw);
			sim_reset();
			sim_answer(SPEC_RET, x0);
			r = hcall_psci_cpu_off(); /* SMC32 */
			cr_assert_eq(r.status, codes[i].st);
			cr_assert_eq(r.code, codes[i].raw);
			sim_reset();
			sim_answer(SPEC_RET, x0);
			r = hcall_psci_affinity_info(1, 0); /* SMC64, VALUE */
			cr_assert_eq(r.status, codes[i].st);
			cr_assert_eq(r.code, codes[i].raw);
		}
		/* A value: AFFINITY_INFO 1 (OFF) with garbage above it. */
		sim_reset();
		sim_answer(SPEC_RET, uppers[u] | 1);
		struct hcall_result r = hcall_psci_affinity_info(1, 0);
		cr_assert_eq(r.status, HCALL_OK);
		cr_assert_eq(r.value, 1);
	}
}

/* PSCI_VERSION: 0.2 and 1.x are versions; anything else is not PSCI. */
Test(psci, version_sanity)
{
	static const struct {
		uint64_t x0;
		enum hcall_status st;
	} v[] = {
		{ 0x00002, HCALL_OK },     { 0x10000, HCALL_OK },
		{ 0x10001, HCALL_OK },     { 0x10003, HCALL_OK },
		{ 0xFFFFFFFF00010001ull, HCALL_OK },
		{ 0x0BADCA11, HCALL_E_UNKNOWN }, /* KVM's hyp stub */
		{ 0x20000, HCALL_E_UNKNOWN },    /* no PSCI 2.0 */
		{ 0x00001, HCALL_E_UNKNOWN },    /* 0.1 has no PSCI_VERSION */
		{ 0xFFFFFFFF, HCALL_E_NOT_SUPPORTED },
	};
	for (unsigned i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		sim_reset();
		sim_answer(SPEC_RET, v[i].x0);
		struct hcall_result r = hcall_psci_version();
		cr_assert_eq(r.status, v[i].st, "x0 %#llx", (unsigned long long)v[i].x0);
		if (v[i].st == HCALL_OK)
			cr_assert_eq(r.value, (uint32_t)v[i].x0);
		else
			cr_assert_eq(r.value, 0);
		if (v[i].st == HCALL_E_UNKNOWN)
			cr_assert_eq(r.code, (int64_t)v[i].x0, "raw answer kept");
	}
}

/* The 64-bit results: MPIDR and the counters. */
Test(psci, results_64bit)
{
	struct hcall_result r;

	sim_answer(SPEC_RET, 0xFF00000102ull); /* Aff3 0xFF, Aff1 1, Aff0 2 */
	r = hcall_psci_migrate_info_up_cpu();
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0xFF00000102ull);
	sim_reset();
	sim_answer(SPEC_RET, 0xFFFFFFFF); /* NOT_SUPPORTED in w0 */
	r = hcall_psci_migrate_info_up_cpu();
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	sim_reset();
	sim_answer(SPEC_RET, 0x100000000ull); /* 2^32 us: a counter, not a code */
	r = hcall_psci_stat_residency(0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0x100000000ull);
	sim_reset();
	sim_answer(SPEC_RET, (uint64_t)-1);
	r = hcall_psci_stat_count(0, 0);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
}

/* Constants written from DEN0022 and compared with Linux's. */
Test(psci, constants)
{
	cr_assert_eq(HCALL_PSCI_AFFINITY_ON_PENDING, PSCI_0_2_AFFINITY_LEVEL_ON_PENDING);
	cr_assert_eq(HCALL_PSCI_TOS_NOT_PRESENT_MP, PSCI_0_2_TOS_MP);
	cr_assert_eq(HCALL_PSCI_TOS_NOT_PRESENT_MP, 2);
	cr_assert_eq(HCALL_PSCI_RESET2_VENDOR_BIT, PSCI_1_1_RESET_TYPE_VENDOR_START);
	cr_assert_eq(HCALL_PSCI_RESET2_SYSTEM_WARM_RESET, 0);
	cr_assert_eq(HCALL_PSCI_POWER_STATE_TYPE_BIT, PSCI_0_2_POWER_STATE_TYPE_MASK);
	cr_assert_eq(HCALL_PSCI_POWER_STATE_TYPE_BIT, 1u << 16);
	cr_assert_eq(HCALL_PSCI_EXT_POWER_STATE_TYPE_BIT, PSCI_1_0_EXT_POWER_STATE_TYPE_MASK);
	cr_assert_eq(HCALL_PSCI_FEATURE_CPU_SUSPEND_EXT_FORMAT,
		     PSCI_1_0_FEATURES_CPU_SUSPEND_PF_MASK);
	cr_assert_eq(HCALL_PSCI_OFF2_HIBERNATE_OFF, 1); /* F.b: BIT(0) */
}
