/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/kvm_arm64_android.h - KVM/arm64 vendor hypervisor services as
 * Android's kernels and pKVM protected guests (pvmfw) number them
 * (arch-neutral table).
 *
 * Source: the Android common kernel's Documentation/virt/kvm/arm/
 * hypercalls.rst and mmio-guard.rst, and pvmfw's hypervisor calls. The
 * same owner (6), UID and calls 0..4 as mainline (abi/kvm_arm64.h); from
 * function 5 on Android has its own calls where mainline reserves the
 * numbers or, at 7, has a different call:
 *   5 MMIO_GUARD_INFO    x0 = MMIO guard granule (no arguments)
 *   6 MMIO_GUARD_ENROLL  enable the guard (no arguments)
 *   7 MMIO_GUARD_MAP     x1 = IPA, x2 = index in MAIR_EL1 of the guest's
 *                        attribute for the region
 *   8 MMIO_GUARD_UNMAP   x1 = IPA
 *   9 MEM_RELINQUISH     x1 = IPA, x2/x3 reserved
 * The two sets never mix: a guest picks one header. The wrappers always
 * use HVC.
 */
#ifndef HCALL_ABI_KVM_ARM64_ANDROID_H
#define HCALL_ABI_KVM_ARM64_ANDROID_H

#include <hcall/abi/kvm_arm64.h>

/* Function numbers inside the vendor-hypervisor range. */
#define HCALL_KVM_ARM64_ANDROID_FN_FEATURES 0u
#define HCALL_KVM_ARM64_ANDROID_FN_PTP 1u
#define HCALL_KVM_ARM64_ANDROID_FN_HYP_MEMINFO 2u
#define HCALL_KVM_ARM64_ANDROID_FN_MEM_SHARE 3u
#define HCALL_KVM_ARM64_ANDROID_FN_MEM_UNSHARE 4u
#define HCALL_KVM_ARM64_ANDROID_FN_MMIO_GUARD_INFO 5u
#define HCALL_KVM_ARM64_ANDROID_FN_MMIO_GUARD_ENROLL 6u
#define HCALL_KVM_ARM64_ANDROID_FN_MMIO_GUARD_MAP 7u
#define HCALL_KVM_ARM64_ANDROID_FN_MMIO_GUARD_UNMAP 8u
#define HCALL_KVM_ARM64_ANDROID_FN_MEM_RELINQUISH 9u

/* Function IDs. */
#define HCALL_KVM_ARM64_ANDROID_CALL_UID 0x8600FF01u
#define HCALL_KVM_ARM64_ANDROID_FUNC_FEATURES 0x86000000u
#define HCALL_KVM_ARM64_ANDROID_PTP 0x86000001u
#define HCALL_KVM_ARM64_ANDROID_HYP_MEMINFO 0xC6000002u
#define HCALL_KVM_ARM64_ANDROID_MEM_SHARE 0xC6000003u
#define HCALL_KVM_ARM64_ANDROID_MEM_UNSHARE 0xC6000004u
#define HCALL_KVM_ARM64_ANDROID_MMIO_GUARD_INFO 0xC6000005u
#define HCALL_KVM_ARM64_ANDROID_MMIO_GUARD_ENROLL 0xC6000006u
#define HCALL_KVM_ARM64_ANDROID_MMIO_GUARD_MAP 0xC6000007u
#define HCALL_KVM_ARM64_ANDROID_MMIO_GUARD_UNMAP 0xC6000008u
#define HCALL_KVM_ARM64_ANDROID_MEM_RELINQUISH 0xC6000009u

#define HCALL_KVM_ARM64_ANDROID_CALLS(X)                                       \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, CALL_UID, call_uid, CUSTOM, 0, \
	  0, _, _, _, _, "vendor-hypervisor Call UID in w0..w3 (KVM's UID)")   \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, FUNC_FEATURES, func_features,  \
	  CUSTOM, 0, 0, _, _, _, _,                                            \
	  "bitmap of the functions 0..127 available, in w0..w3")               \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, PTP, ptp, CUSTOM, 1, 0,        \
	  (uint32_t, counter), _, _, _,                                        \
	  "wall-clock ns (w0:w1) and counter (w2:w3) sampled together")        \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, HYP_MEMINFO, hyp_meminfo,      \
	  VALUE, 0, 3, _, _, _, _, "memory protection granule in bytes")       \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, MEM_SHARE, mem_share, STATUS,  \
	  1, 2, (uint64_t, ipa), _, _, _,                                      \
	  "share the granule at ipa with the host")                            \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, MEM_UNSHARE, mem_unshare,      \
	  STATUS, 1, 2, (uint64_t, ipa), _, _, _,                              \
	  "revoke the host's access to the granule at ipa")                    \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, MMIO_GUARD_INFO,               \
	  mmio_guard_info, VALUE, 0, 0, _, _, _, _,                            \
	  "MMIO guard granule in bytes")                                       \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, MMIO_GUARD_ENROLL,             \
	  mmio_guard_enroll, STATUS, 0, 0, _, _, _, _,                         \
	  "enable the MMIO guard for this VM")                                 \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, MMIO_GUARD_MAP,                \
	  mmio_guard_map, STATUS, 2, 0, (uint64_t, ipa),                       \
	  (uint64_t, mair_index), _, _,                                        \
	  "allow MMIO accesses to the granule at ipa, with the attribute at "  \
	  "MAIR_EL1 index mair_index")                                         \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, MMIO_GUARD_UNMAP,              \
	  mmio_guard_unmap, STATUS, 1, 0, (uint64_t, ipa), _, _, _,            \
	  "forbid MMIO accesses to the granule at ipa again")                  \
	X(KVM_ARM64_ANDROID, kvm_arm64_android, MEM_RELINQUISH,                \
	  mem_relinquish, STATUS, 1, 2, (uint64_t, ipa), _, _, _,              \
	  "give the granule at ipa back to the host (before freeing it)")

#define HCALL_KVM_ARM64_ANDROID_CONV_ARM64 \
	HCALL_SMCCC11_CONV("kvm-arm64-android/arm64", HCALL_TRAP_HVC)

/* Errors: the SMCCC codes. */
#define HCALL_KVM_ARM64_ANDROID_ERRORS HCALL_SMCCC_ERRORS_1_1

HCALL_DEFINE_ERROR_MAP(hcall_map_kvm_arm64_android_error,
		       HCALL_KVM_ARM64_ANDROID_ERRORS)

/* Arguments nargs+1 .. nargs+nrsvd are the reserved ones (bit n = xn). */
#define HCALL__KVM_ANDROID_RSVD_CASE(ABI, abi, NAME, name, kind, nargs,      \
				     nrsvd, a1, a2, a3, a4, summary)         \
	case HCALL_##ABI##_##NAME:                                           \
		return HCALL_RSVD_MASK(nargs, nrsvd) << 1;

/* hcall_kvm_arm64_android_reserved_mask - as hcall_smccc_reserved_mask(),
 * for this table. */
HCALL_INLINE uint32_t hcall_kvm_arm64_android_reserved_mask(uint32_t fid)
{
	switch (fid) {
		HCALL_KVM_ARM64_ANDROID_CALLS(HCALL__KVM_ANDROID_RSVD_CASE)
	default:
		return 0;
	}
}

HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 1, HCALL_SMCCC_OWNER_VENDOR_HYP,
				    HCALL_KVM_ARM64_ANDROID_FN_MEM_RELINQUISH) ==
			    HCALL_KVM_ARM64_ANDROID_MEM_RELINQUISH,
		    "MEM_RELINQUISH is fast SMC64 vendor-hyp function 9");

#endif /* HCALL_ABI_KVM_ARM64_ANDROID_H */
