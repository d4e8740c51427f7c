/* SPDX-License-Identifier: MIT */
/*
 * hcall/kvm_arm64_android.h - guest calls to the KVM/arm64 vendor
 * hypervisor services as Android's kernels and pKVM number them.
 *
 * Use this header instead of the mainline calls of <hcall/kvm_arm64.h>
 * when the host is an Android kernel (pKVM protected guests, pvmfw):
 * from function 5 on the two sets differ (abi/kvm_arm64_android.h). The
 * UID, FUNC_FEATURES and PTP are the same calls and types.
 *
 * Always HVC. Reserved arguments are passed as 0 by the typed calls, and
 * a constant non-zero one fails to compile (checked against this table,
 * not the mainline one). Errors: the SMCCC codes.
 */
#ifndef HCALL_KVM_ARM64_ANDROID_H
#define HCALL_KVM_ARM64_ANDROID_H

#include <hcall/abi/kvm_arm64_android.h>
#include <hcall/kvm_arm64.h>

HCALL_BEGIN_DECLS

/* The raw call of this set: HVC, x1..x3, checked against this table. */
HCALL_INLINE struct hcall_smccc_ret
hcall_kvm_arm64_android_call3(uint32_t fid, uint64_t a1, uint64_t a2,
			      uint64_t a3)
{
	const uint32_t mask = hcall_kvm_arm64_android_reserved_mask(fid);

	HCALL_CHECK_RESERVED(mask, 1, a1);
	HCALL_CHECK_RESERVED(mask, 2, a2);
	HCALL_CHECK_RESERVED(mask, 3, a3);
	return hcall__smccc_trap3(HCALL_SMCCC_HVC, fid, a1, a2, a3);
}

/* Entry points of the generated wrappers. */
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_android_invoke3(uint32_t fid, int kind, uint64_t a1,
				uint64_t a2, uint64_t a3)
{
	return hcall_smccc_result(fid, kind,
				  hcall_kvm_arm64_android_call3(fid, a1, a2, a3).x0,
				  hcall_map_kvm_arm64_android_error);
}
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_android_invoke0(uint32_t fid, int kind)
{
	return hcall_kvm_arm64_android_invoke3(fid, kind, 0, 0, 0);
}
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_android_invoke1(uint32_t fid, int kind, uint64_t a1)
{
	return hcall_kvm_arm64_android_invoke3(fid, kind, a1, 0, 0);
}
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_android_invoke2(uint32_t fid, int kind, uint64_t a1,
				uint64_t a2)
{
	return hcall_kvm_arm64_android_invoke3(fid, kind, a1, a2, 0);
}

/*
 * The typed calls generated from the table (SMC64, HVC):
 *   hcall_kvm_arm64_android_hyp_meminfo(void)   value = granule
 *   hcall_kvm_arm64_android_mem_share(ipa), _mem_unshare(ipa)
 *   hcall_kvm_arm64_android_mmio_guard_info(void)  value = guard granule
 *   hcall_kvm_arm64_android_mmio_guard_enroll(void)
 *   hcall_kvm_arm64_android_mmio_guard_map(ipa, mair_index)
 *   hcall_kvm_arm64_android_mmio_guard_unmap(ipa)
 *   hcall_kvm_arm64_android_mem_relinquish(ipa)
 */
HCALL_KVM_ARM64_ANDROID_CALLS(HCALL_WRAPPER)

/* The calls shared with mainline: the same IDs, registers and types. */
HCALL_INLINE struct hcall_smccc_uid hcall_kvm_arm64_android_call_uid(void)
{
	return hcall_kvm_arm64_call_uid();
}
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_android_func_features(struct hcall_kvm_arm64_caps *caps)
{
	return hcall_kvm_arm64_func_features(caps);
}
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_android_ptp(uint32_t counter, struct hcall_kvm_arm64_ptp_time *t)
{
	return hcall_kvm_arm64_ptp(counter, t);
}

HCALL_END_DECLS

#endif /* HCALL_KVM_ARM64_ANDROID_H */
