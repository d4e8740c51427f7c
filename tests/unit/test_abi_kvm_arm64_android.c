/* SPDX-License-Identifier: MIT */
/*
 * KVM/arm64 vendor hypervisor services as Android's kernels and pKVM
 * number them, through the simulated transport. IDs and registers from
 * the Android common kernel's hypercalls.rst and mmio-guard.rst
 * (MMIO_GUARD_INFO 0xC6000005, ENROLL 0xC6000006, MAP 0xC6000007 with
 * x1 = IPA and x2 = MAIR_EL1 index, UNMAP 0xC6000008 with x1 = IPA,
 * MEM_RELINQUISH 0xC6000009 with x1 = IPA, x2/x3 reserved), written here.
 */
#include <criterion/criterion.h>
#include <hcall/describe.h>
#include <hcall/kvm_arm64_android.h>

#include "sim.h"

static void check_call(uint32_t fid, uint64_t x1, uint64_t x2, uint64_t x3)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, HCALL_TRAP_HVC);
	cr_assert_eq(sim.imm, 0);
	cr_assert_eq(sim.in.r[0], fid, "fid %#llx", (unsigned long long)sim.in.r[0]);
	cr_assert_eq(sim.in.r[1], x1);
	cr_assert_eq(sim.in.r[2], x2);
	cr_assert_eq(sim.in.r[3], x3);
}

TestSuite(kvm_android, .init = sim_reset);

Test(kvm_android, mmio_guard)
{
	struct hcall_result r;

	sim_answer(0, 4096);
	r = hcall_kvm_arm64_android_mmio_guard_info();
	check_call(0xC6000005u, 0, 0, 0);
	cr_assert_eq(r.value, 4096);
	sim_reset();
	sim_answer(0, 0);
	r = hcall_kvm_arm64_android_mmio_guard_enroll();
	check_call(0xC6000006u, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	sim_reset();
	sim_answer(0, 0);
	r = hcall_kvm_arm64_android_mmio_guard_map(0x09000000u, 1);
	check_call(0xC6000007u, 0x09000000u, 1, 0);
	cr_assert_eq(r.status, HCALL_OK);
	sim_reset();
	sim_answer(0, (uint64_t)-1);
	r = hcall_kvm_arm64_android_mmio_guard_unmap(0x09000000u);
	check_call(0xC6000008u, 0x09000000u, 0, 0);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
}

Test(kvm_android, memory)
{
	struct hcall_result r;

	sim_answer(0, 0);
	r = hcall_kvm_arm64_android_mem_relinquish(0x80042000u);
	check_call(0xC6000009u, 0x80042000u, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	sim_reset();
	sim_answer(0, (uint64_t)-3);
	r = hcall_kvm_arm64_android_mem_share(0x80042000u);
	check_call(0xC6000003u, 0x80042000u, 0, 0);
	cr_assert_eq(r.status, HCALL_E_INVALID_PARAM);
	sim_reset();
	sim_answer(0, 0);
	r = hcall_kvm_arm64_android_mem_unshare(0x80042000u);
	check_call(0xC6000004u, 0x80042000u, 0, 0);
	sim_reset();
	sim_answer(0, 4096);
	r = hcall_kvm_arm64_android_hyp_meminfo();
	check_call(0xC6000002u, 0, 0, 0);
	cr_assert_eq(r.value, 4096);
}

/* The shared calls and the UID are the mainline ones. */
Test(kvm_android, shared)
{
	struct hcall_kvm_arm64_caps caps;

	sim_answer(0, (1u << 5) | (1u << 9) | 1u);
	sim_answer(1, 0);
	sim_answer(2, 0);
	sim_answer(3, 0);
	struct hcall_result r = hcall_kvm_arm64_android_func_features(&caps);
	check_call(0x86000000u, 0, 0, 0);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert(hcall_kvm_arm64_caps_has(&caps, HCALL_KVM_ARM64_ANDROID_FN_MMIO_GUARD_INFO));
	cr_assert(hcall_kvm_arm64_caps_has(&caps, HCALL_KVM_ARM64_ANDROID_FN_MEM_RELINQUISH));
}

/* The set as a table: Android's 7 takes a MAIR index in x2 (not
 * reserved), its 9 reserves x2/x3; the mainline table keeps neither. */
Test(kvm_android, table)
{
	const struct hcall_abi_desc *a = hcall_abi_find("kvm_arm64_android");
	const struct hcall_abi_desc *m = hcall_abi_find("kvm_arm64");

	cr_assert(a && m);
	cr_assert_eq(a->ncalls, 11);
	const struct hcall_call_desc *map = hcall_call_find(a, 0xC6000007u);
	cr_assert(map);
	cr_assert_eq(map->nargs, 2);
	cr_assert_eq(map->nrsvd, 0);
	cr_assert_str_eq(map->name, "mmio_guard_map");
	cr_assert_str_eq(hcall_call_find(m, 0xC6000007u)->name, "mmio_guard");
	cr_assert_eq(hcall_kvm_arm64_android_reserved_mask(0xC6000007u), 0);
	cr_assert_eq(hcall_kvm_arm64_android_reserved_mask(0xC6000009u), (1u << 2) | (1u << 3));
	cr_assert_null(hcall_call_find(m, 0xC6000009u));
}
