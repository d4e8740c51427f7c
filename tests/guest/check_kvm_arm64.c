/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_kvm_arm64.c - the KVM/arm64 vendor hypervisor services
 * through the real HVC.
 *
 * Expected values from Linux Documentation/virt/kvm/arm/hypercalls.rst
 * (shared/seeds/kvm-arm64-hypercalls.rst.txt), written independently of
 * the headers: Call UID 0x8600FF01 answers 28b46fb6-2ec5-11e9-a9ca-
 * 4b564d003a74 as w0 = 0xb66fb428, w1 = 0xe911c52e, w2 = 0x564bcaa9,
 * w3 = 0x743a004d; FUNC_FEATURES (0x86000000) bit 0 is always set; the
 * memory calls answer SMCCC codes (0, NOT_SUPPORTED -1,
 * INVALID_PARAMETER -3).
 */
#include <hcall/kvm_arm64.h>

#include "guest.h"
#include "tap.h"

#define SPEC_INVALID_PARAMETER (-3)

static uint8_t granule[4096] __attribute__((aligned(4096)));

static int documented(struct hcall_result r)
{
	return hcall_ok(r) || r.status == HCALL_E_NOT_SUPPORTED ||
	       r.status == HCALL_E_INVALID_PARAM || r.status == HCALL_E_DENIED;
}

static void check_kvm_arm64(void)
{
	struct hcall_smccc_ret uid = hcall_smccc_call0(0x8600FF01u);
	struct hcall_kvm_arm64_caps caps;
	struct hcall_kvm_arm64_ptp_time t;
	struct hcall_result r;
	uint64_t ipa = (uint64_t)(uintptr_t)granule;
	volatile uint64_t nonzero = 5;

	tap_check((uint32_t)uid.x0 == 0xb66fb428u && (uint32_t)uid.x1 == 0xe911c52eu &&
		  (uint32_t)uid.x2 == 0x564bcaa9u && (uint32_t)uid.x3 == 0x743a004du,
		  "KVM vendor Call UID is 28b46fb6-2ec5-11e9-a9ca-4b564d003a74");
	tap_check(hcall_kvm_arm64_detect() == 1, "hcall_kvm_arm64_detect finds KVM");
	r = hcall_kvm_arm64_func_features(&caps);
	tap_check(hcall_ok(r) && hcall_kvm_arm64_caps_has(&caps, 0),
		  "FUNC_FEATURES lists function 0");
	r = hcall_kvm_arm64_ptp(0, &t);
	tap_check(documented(r), "PTP answers a documented result");
	r = hcall_kvm_arm64_hyp_meminfo();
	guest_demo("kvm_arm64", "HYP_MEMINFO", r);
	tap_check(hcall_ok(r) ? r.value == 4096 : documented(r),
		  "HYP_MEMINFO: the 4 KiB granule (or a documented error)");
	r = hcall_kvm_arm64_mem_share(ipa);
	guest_demo("kvm_arm64", "MEM_SHARE(own page)", r);
	tap_check(documented(r), "MEM_SHARE of an own granule answers");
	r = hcall_kvm_arm64_mem_unshare(ipa);
	tap_check(documented(r), "MEM_UNSHARE of an own granule answers");
	r = hcall_kvm_arm64_mem_share(0x100000);
	guest_demo("kvm_arm64", "MEM_SHARE(outside the VM)", r);
	tap_check(!hcall_ok(r) && documented(r), "MEM_SHARE outside the VM fails");
	r = hcall_kvm_arm64_mem_share(ipa + 8);
	tap_check(!hcall_ok(r) && documented(r), "MEM_SHARE of a misaligned address fails");
	r = hcall_kvm_arm64_mmio_guard(0x09000000);
	tap_check(documented(r), "MMIO_GUARD answers");
	{
		struct hcall_smccc_ret raw = hcall_smccc_call2(0xC6000003u, ipa, nonzero);
		tap_eq("MEM_SHARE with a non-zero reserved x2: INVALID_PARAMETER", raw.x0,
		       (uint64_t)SPEC_INVALID_PARAMETER);
	}
}
GUEST_CHECK("kvm_arm64", check_kvm_arm64);
