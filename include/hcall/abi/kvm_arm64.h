/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/kvm_arm64.h - KVM/arm64 vendor-specific hypervisor services as
 * mainline Linux defines them (arch-neutral table).
 *
 * Source: Linux Documentation/virt/kvm/arm/hypercalls.rst and ptp_kvm.rst,
 * numbers as in include/linux/arm-smccc.h (ARM_SMCCC_KVM_FUNC_*). Android's
 * pKVM numbering of the same range differs from function 5 on; it is a
 * separate table, abi/kvm_arm64_android.h, and the two never mix.
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
 *   5 and 6 reserved for pKVM, 7 MMIO_GUARD, 8..63 reserved for pKVM,
 *   64 DISCOVER_IMPL_VER, 65 DISCOVER_IMPL_CPUS (Linux 6.15),
 *   127 FEATURES_2.
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
#define HCALL_KVM_ARM64_FN_MMIO_GUARD 7u
#define HCALL_KVM_ARM64_FN_DISCOVER_IMPL_VER 64u
#define HCALL_KVM_ARM64_FN_DISCOVER_IMPL_CPUS 65u
#define HCALL_KVM_ARM64_FN_FEATURES_2 127u
#define HCALL_KVM_ARM64_NUM_FUNCS 128u

/* Function IDs. */
#define HCALL_KVM_ARM64_CALL_UID 0x8600FF01u
#define HCALL_KVM_ARM64_FUNC_FEATURES 0x86000000u
#define HCALL_KVM_ARM64_PTP 0x86000001u
#define HCALL_KVM_ARM64_HYP_MEMINFO 0xC6000002u
#define HCALL_KVM_ARM64_MEM_SHARE 0xC6000003u
#define HCALL_KVM_ARM64_MEM_UNSHARE 0xC6000004u
#define HCALL_KVM_ARM64_MMIO_GUARD 0xC6000007u
#define HCALL_KVM_ARM64_DISCOVER_IMPL_VER 0xC6000040u
#define HCALL_KVM_ARM64_DISCOVER_IMPL_CPUS 0xC6000041u

/* The KVM UID as returned in w0..w3. */
#define HCALL_KVM_ARM64_UID_W0 0xb66fb428u
#define HCALL_KVM_ARM64_UID_W1 0xe911c52eu
#define HCALL_KVM_ARM64_UID_W2 0x564bcaa9u
#define HCALL_KVM_ARM64_UID_W3 0x743a004du

/* PTP counter selector (x1). */
#define HCALL_KVM_ARM64_PTP_VIRT_COUNTER 0u
#define HCALL_KVM_ARM64_PTP_PHYS_COUNTER 1u

/* DISCOVER_IMPL_VER's version (x1, SMCCC_VERSION format). */
#define HCALL_KVM_ARM64_DISCOVER_IMPL_VER_1_0 0x10000u

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
	X(KVM_ARM64, kvm_arm64, MMIO_GUARD, mmio_guard, STATUS, 1, 2,          \
	  (uint64_t, ipa), _, _, _,                                            \
	  "have the granule at ipa handled as MMIO by the host (pKVM)")        \
	X(KVM_ARM64, kvm_arm64, DISCOVER_IMPL_VER, discover_impl_ver, CUSTOM,  \
	  0, 0, _, _, _, _,                                                    \
	  "target CPU implementations: version (x1) and count (x2)")           \
	X(KVM_ARM64, kvm_arm64, DISCOVER_IMPL_CPUS, discover_impl_cpus,        \
	  CUSTOM, 1, 2, (uint64_t, index), _, _, _,                            \
	  "MIDR (x1), REVIDR (x2), AIDR (x3) of implementation index")

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
#define HCALL_KVM_ARM64_ERRORS HCALL_SMCCC_ERRORS_1_1

HCALL_DEFINE_ERROR_MAP(hcall_map_kvm_arm64_error, HCALL_KVM_ARM64_ERRORS)

/*
 * The errors each call can return, as hypercalls.rst lists them
 * (X(abi, ABI, NAME, error names...)); a call not listed may answer any
 * error above.
 */
#define HCALL_KVM_ARM64_CALL_ERRORS(X)                                     \
	X(kvm_arm64, KVM_ARM64, HYP_MEMINFO, INVALID_PARAMETER)            \
	X(kvm_arm64, KVM_ARM64, MEM_SHARE, INVALID_PARAMETER)              \
	X(kvm_arm64, KVM_ARM64, MEM_UNSHARE, INVALID_PARAMETER)

HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 1, HCALL_SMCCC_OWNER_VENDOR_HYP,
				    HCALL_KVM_ARM64_FN_DISCOVER_IMPL_CPUS) ==
			    HCALL_KVM_ARM64_DISCOVER_IMPL_CPUS,
		    "DISCOVER_IMPL_CPUS is fast SMC64 vendor-hyp function 65");
HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 0, HCALL_SMCCC_OWNER_VENDOR_HYP,
				    HCALL_SMCCC_FUNC_CALL_UID) ==
			    HCALL_KVM_ARM64_CALL_UID,
		    "Call UID is fast SMC32 vendor-hyp function 0xFF01");

#endif /* HCALL_ABI_KVM_ARM64_H */
