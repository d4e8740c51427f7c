/* SPDX-License-Identifier: MIT */
/*
 * KVM/arm64 vendor hypervisor services, mainline set, through the
 * simulated transport. Function IDs, argument and result registers come
 * from mainline Linux Documentation/virt/kvm/arm/hypercalls.rst (Linux
 * 6.15: MMIO_GUARD 7, DISCOVER_IMPL_VER/CPUS 64/65; 5, 6, 8.. reserved for
 * pKVM) and ptp_kvm.rst, written here independently of the headers'
 * tables.
 */
#include <criterion/criterion.h>
/* Firmware calls of this file go through SMC; the KVM vendor calls must
 * still use HVC (hypercalls.rst), which every check_call() below asserts. */
#define HCALL_SMCCC_CONDUIT_SMC
#include <hcall/describe.h>
#include <hcall/kvm_arm64.h>

#include "sim.h"

/* SMCCC 1.1 over HVC #0: w0 = function ID, R1..R3 = x1..x3,
 * R0..R3 results = x0..x3. */
#define SPEC_FID 0
#define SPEC_R(n) (n)

static void check_call(uint32_t fid, uint64_t x1, uint64_t x2, uint64_t x3)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, HCALL_TRAP_HVC);
	cr_assert_eq(sim.imm, 0);
	cr_assert_eq(sim.in.r[SPEC_FID], fid, "fid %#llx", (unsigned long long)sim.in.r[SPEC_FID]);
	cr_assert_eq(sim.in.r[SPEC_R(1)], x1);
	cr_assert_eq(sim.in.r[SPEC_R(2)], x2);
	cr_assert_eq(sim.in.r[SPEC_R(3)], x3);
}

/* The UID 28b46fb6-2ec5-11e9-a9ca-4b564d003a74 as its 16 bytes, packed
 * four per register with the first byte least significant. */
static uint32_t uid_word(unsigned i)
{
	static const uint8_t b[16] = { 0x28, 0xb4, 0x6f, 0xb6, 0x2e, 0xc5,
				       0x11, 0xe9, 0xa9, 0xca, 0x4b, 0x56,
				       0x4d, 0x00, 0x3a, 0x74 };
	return (uint32_t)b[4 * i] | (uint32_t)b[4 * i + 1] << 8 |
	       (uint32_t)b[4 * i + 2] << 16 | (uint32_t)b[4 * i + 3] << 24;
}

TestSuite(kvm_arm64, .init = sim_reset);

/* The define took effect: a raw default-conduit call is an SMC. */
Test(kvm_arm64, default_conduit_is_smc_here)
{
	(void)hcall_smccc_call0(0x80000000u);
	cr_assert_eq(sim.trap, HCALL_TRAP_SMC);
}

Test(kvm_arm64, detect_kvm_uid)
{
	for (unsigned i = 0; i < 4; i++)
		sim_answer(SPEC_R(i), uid_word(i));
	cr_assert_eq(hcall_kvm_arm64_detect(), 1);
	check_call(0x8600FF01u, 0, 0, 0);
	cr_assert_eq(uid_word(0), 0xb66fb428u); /* Linux ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_0 */
}

Test(kvm_arm64, detect_other_uid)
{
	for (unsigned i = 0; i < 4; i++)
		sim_answer(SPEC_R(i), uid_word(i));
	sim_answer(SPEC_R(3), uid_word(3) ^ 1);
	cr_assert_eq(hcall_kvm_arm64_detect(), 0);
	sim_reset();
	sim_answer(SPEC_R(0), 0xFFFFFFFFu); /* NOT_SUPPORTED */
	cr_assert_eq(hcall_kvm_arm64_detect(), 0);
}

Test(kvm_arm64, func_features_bitmap)
{
	struct hcall_kvm_arm64_caps c;

	sim_answer(SPEC_R(0), (1u << 0) | (1u << 1) | (1u << 9));
	sim_answer(SPEC_R(1), 1u << (40 - 32));
	sim_answer(SPEC_R(2), 0);
	sim_answer(SPEC_R(3), 1u << (127 - 96));
	struct hcall_result r = hcall_kvm_arm64_func_features(&c);
	check_call(0x86000000u, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert(hcall_kvm_arm64_caps_has(&c, 0));
	cr_assert(hcall_kvm_arm64_caps_has(&c, 1));
	cr_assert(hcall_kvm_arm64_caps_has(&c, 9));
	cr_assert(hcall_kvm_arm64_caps_has(&c, 40));
	cr_assert(hcall_kvm_arm64_caps_has(&c, 127));
	cr_assert(!hcall_kvm_arm64_caps_has(&c, 2));
	cr_assert(!hcall_kvm_arm64_caps_has(&c, 64));
	cr_assert(!hcall_kvm_arm64_caps_has(&c, 128));
	cr_assert(!hcall_kvm_arm64_caps_has(&c, 0xFFFFFFFFu));
}

Test(kvm_arm64, func_features_not_supported)
{
	struct hcall_kvm_arm64_caps c;

	sim_answer(SPEC_R(0), 0xFFFFFFFFu);
	sim_answer(SPEC_R(1), 0xFFFFFFFFu);
	struct hcall_result r = hcall_kvm_arm64_func_features(&c);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(r.code, -1);
	for (unsigned f = 0; f < 128; f++)
		cr_assert(!hcall_kvm_arm64_caps_has(&c, f));
}

/* ptp_kvm.rst: 0x86000001, R1 = counter (0 virtual, 1 physical);
 * R0:R1 wall clock upper:lower, R2:R3 counter upper:lower. */
Test(kvm_arm64, ptp)
{
	struct hcall_kvm_arm64_ptp_time t;

	sim_answer(SPEC_R(0), 0x1);
	sim_answer(SPEC_R(1), 0x2);
	sim_answer(SPEC_R(2), 0x3);
	sim_answer(SPEC_R(3), 0x4);
	struct hcall_result r = hcall_kvm_arm64_ptp(1, &t);
	check_call(0x86000001u, 1, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(t.wall_ns, 0x100000002ull);
	cr_assert_eq(t.counter, 0x300000004ull);

	sim_reset();
	sim_answer(SPEC_R(0), 0xFFFFFFFFu);
	r = hcall_kvm_arm64_ptp(0, &t);
	check_call(0x86000001u, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(t.wall_ns, 0);
	cr_assert_eq(t.counter, 0);
}

Test(kvm_arm64, hyp_meminfo)
{
	sim_answer(SPEC_R(0), 4096);
	struct hcall_result r = hcall_kvm_arm64_hyp_meminfo();
	check_call(0xC6000002u, 0, 0, 0); /* R1..R3 reserved, zero */
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 4096);
}

/* The calls taking an IPA in R1 with R2, R3 reserved. */
Test(kvm_arm64, ipa_calls)
{
	static const struct {
		uint32_t fid;
		struct hcall_result (*fn)(uint64_t);
	} calls[] = {
		{ 0xC6000003u, hcall_kvm_arm64_mem_share },
		{ 0xC6000004u, hcall_kvm_arm64_mem_unshare },
		{ 0xC6000007u, hcall_kvm_arm64_mmio_guard },
	};
	for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		sim_reset();
		sim_answer(SPEC_R(0), 0);
		struct hcall_result r = calls[i].fn(0x80042000u);
		check_call(calls[i].fid, 0x80042000u, 0, 0);
		cr_assert_eq(r.status, HCALL_OK);
	}
}

/* DISCOVER_IMPL_VER (0xC6000040): R1 = version, R2 = count. */
Test(kvm_arm64, discover_impl_ver)
{
	struct hcall_kvm_arm64_impl_ver v;

	sim_answer(SPEC_R(0), 0);
	sim_answer(SPEC_R(1), 0x10000);
	sim_answer(SPEC_R(2), 3);
	struct hcall_result r = hcall_kvm_arm64_discover_impl_ver(&v);
	check_call(0xC6000040u, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(v.version, 0x10000);
	cr_assert_eq(v.count, 3);
	sim_reset();
	sim_answer(SPEC_R(0), (uint64_t)-1);
	sim_answer(SPEC_R(2), 3);
	r = hcall_kvm_arm64_discover_impl_ver(&v);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(v.count, 0);
}

/* DISCOVER_IMPL_CPUS (0xC6000041): R1 = index; R1..R3 = MIDR, REVIDR,
 * AIDR. */
Test(kvm_arm64, discover_impl_cpus)
{
	struct hcall_kvm_arm64_impl_cpu c;

	sim_answer(SPEC_R(0), 0);
	sim_answer(SPEC_R(1), 0x410FD034);
	sim_answer(SPEC_R(2), 0x5);
	sim_answer(SPEC_R(3), 0x6);
	struct hcall_result r = hcall_kvm_arm64_discover_impl_cpus(2, &c);
	check_call(0xC6000041u, 2, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(c.midr, 0x410FD034);
	cr_assert_eq(c.revidr, 5);
	cr_assert_eq(c.aidr, 6);
	sim_reset();
	sim_answer(SPEC_R(0), (uint64_t)-3);
	r = hcall_kvm_arm64_discover_impl_cpus(99, &c);
	cr_assert_eq(r.status, HCALL_E_INVALID_PARAM);
	cr_assert_eq(c.midr, 0);
}

/* The mainline set: exactly these IDs, none of Android's. */
Test(kvm_arm64, mainline_set)
{
	static const uint32_t want[] = { 0x8600FF01u, 0x86000000u, 0x86000001u,
					 0xC6000002u, 0xC6000003u, 0xC6000004u,
					 0xC6000007u, 0xC6000040u, 0xC6000041u };
	const struct hcall_abi_desc *abi = hcall_abi_find("kvm_arm64");

	cr_assert(abi);
	cr_assert_eq(abi->ncalls, sizeof(want) / sizeof(want[0]));
	for (unsigned i = 0; i < abi->ncalls; i++)
		cr_assert(hcall_call_find(abi, want[i]), "%#x", want[i]);
	cr_assert_null(hcall_call_find(abi, 0xC6000005u));
	cr_assert_null(hcall_call_find(abi, 0xC6000009u));
	/* 7 is MMIO_GUARD with x2, x3 reserved (not Android's MAIR index) */
	cr_assert_eq(hcall_smccc_reserved_mask(0xC6000007u), (1u << 2) | (1u << 3));
}

/* SMCCC codes from 64-bit calls: x0 is a full int64. */
Test(kvm_arm64, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
	} cases[] = {
		{ -1, HCALL_E_NOT_SUPPORTED },
		{ -2, HCALL_E_NOT_REQUIRED },
		{ -3, HCALL_E_INVALID_PARAM },
		{ -4, HCALL_E_UNKNOWN },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		sim_answer(SPEC_R(0), (uint64_t)cases[i].raw);
		struct hcall_result r = hcall_kvm_arm64_mem_share(0x1000);
		cr_assert_eq(r.status, cases[i].st);
		cr_assert_eq(r.code, cases[i].raw);
		sim_reset();
		sim_answer(SPEC_R(0), (uint64_t)cases[i].raw);
		r = hcall_kvm_arm64_hyp_meminfo();
		cr_assert_eq(r.status, cases[i].st);
		cr_assert_eq(r.value, 0);
	}
	/* An SMC64 result is not truncated: 0xFFFFFFFF is a granule size. */
	sim_reset();
	sim_answer(SPEC_R(0), 0xFFFFFFFFu);
	cr_assert_eq(hcall_kvm_arm64_hyp_meminfo().status, HCALL_OK);
}
