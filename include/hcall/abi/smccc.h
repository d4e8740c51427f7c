/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/smccc.h - the Arm SMC Calling Convention (SMCCC 1.1 and 1.2):
 * function IDs, the architecture calls, register roles and error codes
 * (arch-neutral).
 *
 * Source: Arm DEN0028 (SMC Calling Convention), as used by Linux
 * include/linux/arm-smccc.h.
 *
 *   trap       hvc #0 (or smc #0; the immediate is always 0)
 *   x0 / w0    function ID
 *   SMCCC 1.1  arguments x1-x7, results x0-x3, x4-x17 preserved
 *   SMCCC 1.2  arguments x1-x17, results x0-x17
 *
 * A function ID is
 *   bit 31       1 = fast call, 0 = yielding (standard) call
 *   bit 30       1 = SMC64/HVC64, 0 = SMC32/HVC32
 *   bits 29:24   owning entity (HCALL_SMCCC_OWNER_*)
 *   bits 23:17   must be zero for fast calls
 *   bit 16       SMCCC 1.3 SVE hint: 1 = the caller holds no live SVE
 *                state the callee must preserve (0 before 1.3)
 *   bits 15:0    function number
 * For SMC32/HVC32 calls only the low 32 bits of the argument and result
 * registers are meaningful: the result is read from w0 and sign-extended
 * before it is compared with the (negative) error codes.
 *
 * PSCI (abi/psci.h) and the KVM vendor services (abi/kvm_arm64.h) are
 * SMCCC services: they reuse the register roles below.
 */
#ifndef HCALL_ABI_SMCCC_H
#define HCALL_ABI_SMCCC_H

#include <hcall/abi/desc.h>

/* ---- function IDs ------------------------------------------------------ */

#define HCALL_SMCCC_FAST_CALL_BIT 0x80000000u
#define HCALL_SMCCC_SMC64_BIT 0x40000000u
#define HCALL_SMCCC_OWNER_SHIFT 24
#define HCALL_SMCCC_OWNER_MASK 0x3Fu
#define HCALL_SMCCC_FUNC_MASK 0xFFFFu
#define HCALL_SMCCC_SVE_HINT_BIT 0x10000u

/* Owning entities (bits 29:24). */
#define HCALL_SMCCC_OWNER_ARCH 0u         /* Arm architecture calls */
#define HCALL_SMCCC_OWNER_CPU 1u          /* CPU service calls */
#define HCALL_SMCCC_OWNER_SIP 2u          /* silicon partner service calls */
#define HCALL_SMCCC_OWNER_OEM 3u          /* OEM service calls */
#define HCALL_SMCCC_OWNER_STANDARD 4u     /* standard secure services (PSCI) */
#define HCALL_SMCCC_OWNER_STANDARD_HYP 5u /* standard hypervisor services */
#define HCALL_SMCCC_OWNER_VENDOR_HYP 6u   /* vendor hypervisor services (KVM) */
#define HCALL_SMCCC_OWNER_TRUSTED_APP 48u /* trusted applications: 48..49 */
#define HCALL_SMCCC_OWNER_TRUSTED_APP_END 49u
#define HCALL_SMCCC_OWNER_TRUSTED_OS 50u  /* trusted OS: 50..63 */
#define HCALL_SMCCC_OWNER_TRUSTED_OS_END 63u

/*
 * A function ID as a constant expression, for tables and case labels.
 * fast: 1 fast / 0 yielding; smc64: 1 SMC64 / 0 SMC32.
 */
#define HCALL_SMCCC_FID(fast, smc64, owner, func)                     \
	(((fast) ? HCALL_SMCCC_FAST_CALL_BIT : 0u) |                  \
	 ((smc64) ? HCALL_SMCCC_SMC64_BIT : 0u) |                     \
	 (((uint32_t)(owner) & HCALL_SMCCC_OWNER_MASK)                \
	  << HCALL_SMCCC_OWNER_SHIFT) |                               \
	 ((uint32_t)(func) & HCALL_SMCCC_FUNC_MASK))

/*
 * Function-ID builders and decoders (arch-neutral, usable by the
 * hypervisor side too). With constant arguments they fold to a constant.
 */

/* hcall_smccc_fid - fast (1) or yielding (0), SMC64 (1) or SMC32 (0). */
HCALL_INLINE uint32_t hcall_smccc_fid(int fast, int smc64, uint32_t owner,
				      uint32_t func)
{
	return HCALL_SMCCC_FID(fast, smc64, owner, func);
}

/* Fast SMC32 / fast SMC64 / yielding SMC32 / yielding SMC64 IDs. */
HCALL_INLINE uint32_t hcall_smccc_fast32(uint32_t owner, uint32_t func)
{
	return HCALL_SMCCC_FID(1, 0, owner, func);
}
HCALL_INLINE uint32_t hcall_smccc_fast64(uint32_t owner, uint32_t func)
{
	return HCALL_SMCCC_FID(1, 1, owner, func);
}
HCALL_INLINE uint32_t hcall_smccc_yielding32(uint32_t owner, uint32_t func)
{
	return HCALL_SMCCC_FID(0, 0, owner, func);
}
HCALL_INLINE uint32_t hcall_smccc_yielding64(uint32_t owner, uint32_t func)
{
	return HCALL_SMCCC_FID(0, 1, owner, func);
}

/* The fields of a function ID. */
HCALL_INLINE int hcall_smccc_fid_is_fast(uint32_t fid)
{
	return (fid & HCALL_SMCCC_FAST_CALL_BIT) != 0;
}
HCALL_INLINE int hcall_smccc_fid_is_smc64(uint32_t fid)
{
	return (fid & HCALL_SMCCC_SMC64_BIT) != 0;
}
HCALL_INLINE uint32_t hcall_smccc_fid_owner(uint32_t fid)
{
	return (fid >> HCALL_SMCCC_OWNER_SHIFT) & HCALL_SMCCC_OWNER_MASK;
}
HCALL_INLINE uint32_t hcall_smccc_fid_func(uint32_t fid)
{
	return fid & HCALL_SMCCC_FUNC_MASK;
}

/* The SVE hint (bit 16): is it set, and the ID without it (the ID a
 * callee dispatches on). */
HCALL_INLINE int hcall_smccc_fid_has_sve_hint(uint32_t fid)
{
	return (fid & HCALL_SMCCC_SVE_HINT_BIT) != 0;
}
HCALL_INLINE uint32_t hcall_smccc_fid_without_sve_hint(uint32_t fid)
{
	return fid & ~HCALL_SMCCC_SVE_HINT_BIT;
}

/* Major and minor of an SMCCC_VERSION / PSCI_VERSION result. */
HCALL_INLINE uint32_t hcall_smccc_version_major(uint32_t v)
{
	return (v >> 16) & 0x7FFFu;
}
HCALL_INLINE uint32_t hcall_smccc_version_minor(uint32_t v)
{
	return v & 0xFFFFu;
}

/* The function numbers every service owner implements (DEN0028 6.2). */
#define HCALL_SMCCC_FUNC_CALL_COUNT 0xFF00u /* deprecated */
#define HCALL_SMCCC_FUNC_CALL_UID 0xFF01u
#define HCALL_SMCCC_FUNC_REVISION 0xFF03u

/* SMCCC_VERSION results: major in bits 30:16, minor in bits 15:0. */
#define HCALL_SMCCC_VERSION_1_0 0x10000u
#define HCALL_SMCCC_VERSION_1_1 0x10001u
#define HCALL_SMCCC_VERSION_1_2 0x10002u
#define HCALL_SMCCC_VERSION_1_3 0x10003u

/* ARCH_SOC_ID types (argument of ARCH_SOC_ID). The name (type 2) exists
 * only in the SMC64 form, as 136 bytes in x1..x17 (SMCCC 1.2 registers). */
#define HCALL_SMCCC_SOC_ID_VERSION 0u
#define HCALL_SMCCC_SOC_ID_REVISION 1u
#define HCALL_SMCCC_SOC_ID_NAME 2u
#define HCALL_SMCCC_SOC_NAME_LEN 136u

/* ARCH_FEATURE_AVAILABILITY register encodings (x1), as TF-A defines them
 * (the system-register encoding of the EL3 register). */
#define HCALL_SMCCC_FEAT_AVAIL_SCR_EL3 0x1E1100u
#define HCALL_SMCCC_FEAT_AVAIL_CPTR_EL3 0x1E1140u
#define HCALL_SMCCC_FEAT_AVAIL_MDCR_EL3 0x1E1320u
#define HCALL_SMCCC_FEAT_AVAIL_MPAM3_EL3 0x1EA500u

/* ---- architecture calls (owner 0, fast) ------------------------------------ */

#define HCALL_SMCCC_VERSION 0x80000000u
#define HCALL_SMCCC_ARCH_FEATURES 0x80000001u
#define HCALL_SMCCC_ARCH_SOC_ID 0x80000002u
#define HCALL_SMCCC_ARCH_SOC_ID_64 0xC0000002u      /* SMCCC 1.4: the name */
#define HCALL_SMCCC_ARCH_FEATURE_AVAILABILITY 0xC0000003u /* SMCCC 1.5 */
#define HCALL_SMCCC_ARCH_WORKAROUND_1 0x80008000u /* CVE-2017-5715 */
#define HCALL_SMCCC_ARCH_WORKAROUND_2 0x80007FFFu /* CVE-2018-3639 */
#define HCALL_SMCCC_ARCH_WORKAROUND_3 0x80003FFFu /* CVE-2022-23960 */
#define HCALL_SMCCC_ARCH_WORKAROUND_4 0x80000004u /* CVE-2024-7881 */
/* SMCCC 1.7: cache clean and invalidate of a physical range (what PSCI
 * 1.3's alpha had as CLEAN_INV_MEMREGION), as Linux's cache-maintenance
 * patches and illumos call them; flags bit 0 = dry run. */
#define HCALL_SMCCC_ARCH_CLEAN_INV_MEMREGION 0xC0000005u
#define HCALL_SMCCC_ARCH_CLEAN_INV_MEMREGION_ATTRIBUTES 0xC0000006u
#define HCALL_SMCCC_CLEAN_INV_FLAG_DRY_RUN 0x1u

/*
 * The table (format: hcall/abi/desc.h). The workarounds have no defined
 * result, so they are CUSTOM and their wrappers return nothing.
 * SMCCC_VERSION is CUSTOM: its wrapper also rejects a major version no
 * SMCCC release has. ARCH_SOC_ID_64 (the name, x1..x17) and
 * ARCH_FEATURE_AVAILABILITY (the bitmap in x1) read more than x0.
 */
#define HCALL_SMCCC_CALLS(X)                                                   \
	X(SMCCC, smccc, VERSION, version, CUSTOM, 0, 0, _, _, _, _,            \
	  "SMCCC version implemented (major << 16 | minor), SMCCC >= 1.1; a "  \
	  "major other than 1 reads as E_UNKNOWN")                             \
	X(SMCCC, smccc, ARCH_FEATURES, arch_features, VALUE, 1, 0,             \
	  (uint32_t, fid), _, _, _,                                            \
	  "is the function fid implemented; >= 0 yes (function-specific "      \
	  "flags), NOT_SUPPORTED no")                                          \
	X(SMCCC, smccc, ARCH_SOC_ID, arch_soc_id, VALUE, 1, 0,                 \
	  (uint32_t, soc_id_type), _, _, _,                                    \
	  "SoC version (type 0) or revision (type 1), SMCCC >= 1.2")           \
	X(SMCCC, smccc, ARCH_SOC_ID_64, arch_soc_id_64, CUSTOM, 1, 0,          \
	  (uint32_t, soc_id_type), _, _, _,                                    \
	  "SoC name (type 2): 136 bytes in x1..x17, SMCCC >= 1.4")             \
	X(SMCCC, smccc, ARCH_FEATURE_AVAILABILITY, arch_feature_availability,  \
	  CUSTOM, 1, 0, (uint64_t, reg), _, _, _,                              \
	  "which features of an EL3 control register (x1) firmware enabled: "  \
	  "bitmap in x1, SMCCC >= 1.5")                                        \
	X(SMCCC, smccc, ARCH_WORKAROUND_1, arch_workaround_1, CUSTOM, 0, 0,    \
	  _, _, _, _, "branch-predictor invalidation (Spectre v2); no result") \
	X(SMCCC, smccc, ARCH_WORKAROUND_2, arch_workaround_2, CUSTOM, 1, 0,    \
	  (uint32_t, enable), _, _, _,                                         \
	  "enable/disable the SSBD mitigation (Spectre v4); no result")        \
	X(SMCCC, smccc, ARCH_WORKAROUND_3, arch_workaround_3, CUSTOM, 0, 0,    \
	  _, _, _, _, "branch-history invalidation (Spectre-BHB); no result")  \
	X(SMCCC, smccc, ARCH_WORKAROUND_4, arch_workaround_4, CUSTOM, 0, 0,    \
	  _, _, _, _, "CVE-2024-7881 mitigation; no result")                  \
	X(SMCCC, smccc, ARCH_CLEAN_INV_MEMREGION, arch_clean_inv_memregion,    \
	  STATUS, 3, 0, (uint64_t, base), (uint64_t, size), (uint64_t, flags), \
	  _, "clean and invalidate the caches for a physical range, SMCCC "    \
	  ">= 1.7; RATE_LIMITED and BUSY ask for a retry")                     \
	X(SMCCC, smccc, ARCH_CLEAN_INV_MEMREGION_ATTRIBUTES,                   \
	  arch_clean_inv_memregion_attributes, CUSTOM, 0, 0, _, _, _, _,       \
	  "CLEAN_INV_MEMREGION's attributes in x1..x3 (x2 latency in us, x3 "  \
	  "rate limit per s), SMCCC >= 1.7")

/* ---- register roles ---------------------------------------------------------- */

#define HCALL_SMCCC_ARM64_IMM 0
#define HCALL_SMCCC_ARM64_REG_FID HCALL_ARM64_X0
#define HCALL_SMCCC_ARM64_REG_ARG1 HCALL_ARM64_X1
#define HCALL_SMCCC_ARM64_REG_ARG2 HCALL_ARM64_X2
#define HCALL_SMCCC_ARM64_REG_ARG3 HCALL_ARM64_X3
#define HCALL_SMCCC_ARM64_REG_ARG4 HCALL_ARM64_X4
#define HCALL_SMCCC_ARM64_REG_ARG5 HCALL_ARM64_X5
#define HCALL_SMCCC_ARM64_REG_ARG6 HCALL_ARM64_X6
#define HCALL_SMCCC_ARM64_REG_ARG7 HCALL_ARM64_X7
#define HCALL_SMCCC_ARM64_REG_RES0 HCALL_ARM64_X0
#define HCALL_SMCCC_ARM64_REG_RES1 HCALL_ARM64_X1
#define HCALL_SMCCC_ARM64_REG_RES2 HCALL_ARM64_X2
#define HCALL_SMCCC_ARM64_REG_RES3 HCALL_ARM64_X3
/* SMCCC 1.2: x1..x17 carry arguments, x0..x17 results. */
#define HCALL_SMCCC12_ARM64_NREGS 18

#define HCALL__SMCCC_R(n) HCALL_REG_IDX(HCALL_ARM64_X##n)

/* SMCCC 1.1: name a conduit (HCALL_TRAP_HVC or HCALL_TRAP_SMC). */
#define HCALL_SMCCC11_CONV(name, trap)                                      \
	{ name, HCALL_ARCH_ARM64, trap, HCALL_SMCCC_ARM64_IMM,              \
	  HCALL_REG_NONE, 0, HCALL_REG_IDX(HCALL_SMCCC_ARM64_REG_FID), 7,   \
	  { HCALL__SMCCC_R(1), HCALL__SMCCC_R(2), HCALL__SMCCC_R(3),        \
	    HCALL__SMCCC_R(4), HCALL__SMCCC_R(5), HCALL__SMCCC_R(6),        \
	    HCALL__SMCCC_R(7) },                                            \
	  4,                                                                \
	  { HCALL__SMCCC_R(0), HCALL__SMCCC_R(1), HCALL__SMCCC_R(2),        \
	    HCALL__SMCCC_R(3) },                                            \
	  HCALL_REG_NONE, 0xFu }

/* SMCCC 1.2: x1..x17 in, x0..x17 out. */
#define HCALL_SMCCC12_CONV(name, trap)                                      \
	{ name, HCALL_ARCH_ARM64, trap, HCALL_SMCCC_ARM64_IMM,              \
	  HCALL_REG_NONE, 0, HCALL_REG_IDX(HCALL_SMCCC_ARM64_REG_FID), 17,  \
	  { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 },    \
	  18,                                                               \
	  { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 }, \
	  HCALL_REG_NONE, 0x3FFFFu }

#define HCALL_SMCCC_CONV_ARM64 HCALL_SMCCC11_CONV("smccc/arm64", HCALL_TRAP_HVC)
#define HCALL_SMCCC_CONV_ARM64_SMC \
	HCALL_SMCCC11_CONV("smccc/arm64-smc", HCALL_TRAP_SMC)
#define HCALL_SMCCC12_CONV_ARM64 \
	HCALL_SMCCC12_CONV("smccc-1.2/arm64", HCALL_TRAP_HVC)

/* ---- errors ---------------------------------------------------------------- */

#define HCALL_SMCCC_RET_SUCCESS 0
#define HCALL_SMCCC_RET_NOT_SUPPORTED (-1)
#define HCALL_SMCCC_RET_NOT_REQUIRED (-2)
#define HCALL_SMCCC_RET_INVALID_PARAMETER (-3)

/* The codes of SMCCC 1.1 to 1.6, which the SMCCC-based services (KVM's
 * vendor calls, PV time) reuse. */
#define HCALL_SMCCC_ERRORS_1_1(X)               \
	X(SUCCESS, 0, OK)                       \
	X(NOT_SUPPORTED, -1, E_NOT_SUPPORTED)   \
	X(NOT_REQUIRED, -2, E_NOT_REQUIRED)     \
	X(INVALID_PARAMETER, -3, E_INVALID_PARAM)

/* The arch calls' codes: SMCCC 1.7 adds RATE_LIMITED and BUSY, for the
 * cache-maintenance calls. */
#define HCALL_SMCCC_ERRORS(X)                   \
	HCALL_SMCCC_ERRORS_1_1(X)               \
	X(RATE_LIMITED, -4, E_BUSY)             \
	X(BUSY, -5, E_BUSY)

HCALL_DEFINE_ERROR_MAP(hcall_map_smccc_error, HCALL_SMCCC_ERRORS)

/*
 * The errors each call can return, as DEN0028 lists them per function
 * (X(abi, ABI, NAME, error names...); NONE: the call cannot fail; the
 * ARCH_WORKAROUND calls return nothing). A call not listed may answer any
 * error above.
 */
#define HCALL_SMCCC_CALL_ERRORS(X)                                         \
	X(smccc, SMCCC, VERSION, NOT_SUPPORTED)                            \
	X(smccc, SMCCC, ARCH_FEATURES, NOT_SUPPORTED, NOT_REQUIRED)        \
	X(smccc, SMCCC, ARCH_SOC_ID, NOT_SUPPORTED, INVALID_PARAMETER)     \
	X(smccc, SMCCC, ARCH_WORKAROUND_1, NONE)                           \
	X(smccc, SMCCC, ARCH_WORKAROUND_2, NONE)                           \
	X(smccc, SMCCC, ARCH_WORKAROUND_3, NONE)                           \
	X(smccc, SMCCC, ARCH_WORKAROUND_4, NONE)                           \
	X(smccc, SMCCC, ARCH_CLEAN_INV_MEMREGION, NOT_SUPPORTED,           \
	  INVALID_PARAMETER, RATE_LIMITED, BUSY)

HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 0, HCALL_SMCCC_OWNER_ARCH, 0) ==
			    HCALL_SMCCC_VERSION,
		    "SMCCC_VERSION is a fast SMC32 arch call, number 0");
HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 0, HCALL_SMCCC_OWNER_ARCH, 0x8000) ==
			    HCALL_SMCCC_ARCH_WORKAROUND_1,
		    "ARCH_WORKAROUND_1 is arch call 0x8000");

#endif /* HCALL_ABI_SMCCC_H */
