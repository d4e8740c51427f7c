/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/kvm_arm64.h - KVM/arm64 vendor-specific hypervisor services
 * (arch-neutral table).
 *
 * Source: Linux Documentation/virt/kvm/arm/hypercalls.rst
 * (shared/seeds/kvm-arm64-hypercalls.rst.txt), ptp_kvm.rst, and
 * include/linux/arm-smccc.h for the numbers.
 *
 * SMCCC 1.1 calls of the vendor-hypervisor owner (6), issued with HVC.
 * The services are present when the owner's Call UID (0x8600FF01) returns
 * 28b46fb6-2ec5-11e9-a9ca-4b564d003a74 in w0..w3. The UID's 16 bytes, in
 * the order the string spells them, are packed four per register, first
 * byte in the least significant byte (Linux ARM_SMCCC_VENDOR_HYP_UID_KVM_REG_*):
 *   w0 = 0xb66fb428  (28 b4 6f b6)
 *   w1 = 0xe911c52e  (2e c5 11 e9)
 *   w2 = 0x564bcaa9  (a9 ca 4b 56)
 *   w3 = 0x743a004d  (4d 00 3a 74)
 *
 * Function numbers (bit positions in the FUNC_FEATURES bitmap):
 *   0 FEATURES, 1 PTP, 2 HYP_MEMINFO, 3 MEM_SHARE, 4 MEM_UNSHARE,
 *   5..8 MMIO_GUARD_INFO/ENROLL/MAP/UNMAP, 9 MEM_RELINQUISH.
 * The MMIO guard numbers are those of the Android common kernel and pKVM
 * guests (pvmfw). Mainline Linux (>= 6.13) keeps 5, 6 and 8 reserved and
 * calls 7 "MMIO_GUARD" with the MAP shape (x1 = IPA, x2 and x3 zero), so
 * hcall_kvm_arm64_mmio_guard_map() is correct for both.
 */
#ifndef HCALL_ABI_KVM_ARM64_H
#define HCALL_ABI_KVM_ARM64_H

#include <hcall/abi/smccc.h>

/* Function numbers inside the vendor-hypervisor range. */
#define HCALL_KVM_ARM64_FN_FEATURES 0u
#define HCALL_KVM_ARM64_FN_PTP 1u
#define HCALL_KVM_ARM64_FN_HYP_MEMINFO 2u
#define HCALL_KVM_ARM64_FN_MEM_SHARE 3u
#define HCALL_KVM_ARM64_FN_MEM_UNSHARE 4u
#define HCALL_KVM_ARM64_FN_MMIO_GUARD_INFO 5u
#define HCALL_KVM_ARM64_FN_MMIO_GUARD_ENROLL 6u
#define HCALL_KVM_ARM64_FN_MMIO_GUARD_MAP 7u
#define HCALL_KVM_ARM64_FN_MMIO_GUARD_UNMAP 8u
#define HCALL_KVM_ARM64_FN_MEM_RELINQUISH 9u
#define HCALL_KVM_ARM64_NUM_FUNCS 128u

/* Function IDs. */
#define HCALL_KVM_ARM64_CALL_UID 0x8600FF01u
#define HCALL_KVM_ARM64_FUNC_FEATURES 0x86000000u
#define HCALL_KVM_ARM64_PTP 0x86000001u
#define HCALL_KVM_ARM64_HYP_MEMINFO 0xC6000002u
#define HCALL_KVM_ARM64_MEM_SHARE 0xC6000003u
#define HCALL_KVM_ARM64_MEM_UNSHARE 0xC6000004u
#define HCALL_KVM_ARM64_MMIO_GUARD_INFO 0xC6000005u
#define HCALL_KVM_ARM64_MMIO_GUARD_ENROLL 0xC6000006u
#define HCALL_KVM_ARM64_MMIO_GUARD_MAP 0xC6000007u
#define HCALL_KVM_ARM64_MMIO_GUARD_UNMAP 0xC6000008u
#define HCALL_KVM_ARM64_MEM_RELINQUISH 0xC6000009u

/* The KVM UID as returned in w0..w3. */
#define HCALL_KVM_ARM64_UID_W0 0xb66fb428u
#define HCALL_KVM_ARM64_UID_W1 0xe911c52eu
#define HCALL_KVM_ARM64_UID_W2 0x564bcaa9u
#define HCALL_KVM_ARM64_UID_W3 0x743a004du

/* PTP counter selector (x1). */
#define HCALL_KVM_ARM64_PTP_VIRT_COUNTER 0u
#define HCALL_KVM_ARM64_PTP_PHYS_COUNTER 1u

#define HCALL_KVM_ARM64_CALLS(X)                                               \
	X(KVM_ARM64, kvm_arm64, CALL_UID, call_uid, CUSTOM, 0, 0, _, _, _, _,  \
	  "vendor-hypervisor Call UID in w0..w3; KVM answers "                 \
	  "28b46fb6-2ec5-11e9-a9ca-4b564d003a74")                              \
	X(KVM_ARM64, kvm_arm64, FUNC_FEATURES, func_features, CUSTOM, 0, 0,    \
	  _, _, _, _,                                                          \
	  "bitmap of the KVM functions 0..127 available, in w0..w3")           \
	X(KVM_ARM64, kvm_arm64, PTP, ptp, CUSTOM, 1, 0, (uint32_t, counter),   \
	  _, _, _,                                                             \
	  "wall-clock ns (w0:w1) and counter (w2:w3) sampled together")        \
	X(KVM_ARM64, kvm_arm64, HYP_MEMINFO, hyp_meminfo, VALUE, 0, 3,         \
	  _, _, _, _, "memory protection granule in bytes (protected guests)") \
	X(KVM_ARM64, kvm_arm64, MEM_SHARE, mem_share, STATUS, 1, 2,            \
	  (uint64_t, ipa), _, _, _,                                            \
	  "share the granule at ipa with the host")                            \
	X(KVM_ARM64, kvm_arm64, MEM_UNSHARE, mem_unshare, STATUS, 1, 2,        \
	  (uint64_t, ipa), _, _, _,                                            \
	  "revoke the host's access to the granule at ipa")                    \
	X(KVM_ARM64, kvm_arm64, MMIO_GUARD_INFO, mmio_guard_info, VALUE, 0, 3, \
	  _, _, _, _, "MMIO guard granule in bytes")                           \
	X(KVM_ARM64, kvm_arm64, MMIO_GUARD_ENROLL, mmio_guard_enroll, STATUS,  \
	  0, 3, _, _, _, _, "enable the MMIO guard for this VM")               \
	X(KVM_ARM64, kvm_arm64, MMIO_GUARD_MAP, mmio_guard_map, STATUS, 1, 2,  \
	  (uint64_t, ipa), _, _, _,                                            \
	  "allow MMIO accesses to the granule at ipa")                         \
	X(KVM_ARM64, kvm_arm64, MMIO_GUARD_UNMAP, mmio_guard_unmap, STATUS, 1, \
	  2, (uint64_t, ipa), _, _, _,                                         \
	  "forbid MMIO accesses to the granule at ipa again")                  \
	X(KVM_ARM64, kvm_arm64, MEM_RELINQUISH, mem_relinquish, STATUS, 1, 2,  \
	  (uint64_t, ipa), _, _, _,                                            \
	  "give the granule at ipa back to the host (before freeing it)")

/* Register roles: those of SMCCC 1.1. */
#define HCALL_KVM_ARM64_ARM64_REG_FID HCALL_SMCCC_ARM64_REG_FID
#define HCALL_KVM_ARM64_ARM64_REG_ARG1 HCALL_SMCCC_ARM64_REG_ARG1
#define HCALL_KVM_ARM64_ARM64_REG_ARG2 HCALL_SMCCC_ARM64_REG_ARG2
#define HCALL_KVM_ARM64_ARM64_REG_ARG3 HCALL_SMCCC_ARM64_REG_ARG3
#define HCALL_KVM_ARM64_ARM64_REG_RES0 HCALL_SMCCC_ARM64_REG_RES0
#define HCALL_KVM_ARM64_ARM64_REG_RES1 HCALL_SMCCC_ARM64_REG_RES1
#define HCALL_KVM_ARM64_ARM64_REG_RES2 HCALL_SMCCC_ARM64_REG_RES2
#define HCALL_KVM_ARM64_ARM64_REG_RES3 HCALL_SMCCC_ARM64_REG_RES3

#define HCALL_KVM_ARM64_CONV_ARM64 \
	HCALL_SMCCC11_CONV("kvm-arm64/arm64", HCALL_TRAP_HVC)

/* Errors: the SMCCC codes. */
#define HCALL_KVM_ARM64_ERRORS HCALL_SMCCC_ERRORS

HCALL_DEFINE_ERROR_MAP(hcall_map_kvm_arm64_error, HCALL_KVM_ARM64_ERRORS)

HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 1, HCALL_SMCCC_OWNER_VENDOR_HYP,
				    HCALL_KVM_ARM64_FN_MEM_RELINQUISH) ==
			    HCALL_KVM_ARM64_MEM_RELINQUISH,
		    "MEM_RELINQUISH is fast SMC64 vendor-hyp function 9");
HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 0, HCALL_SMCCC_OWNER_VENDOR_HYP,
				    HCALL_SMCCC_FUNC_CALL_UID) ==
			    HCALL_KVM_ARM64_CALL_UID,
		    "Call UID is fast SMC32 vendor-hyp function 0xFF01");

#endif /* HCALL_ABI_KVM_ARM64_H */
