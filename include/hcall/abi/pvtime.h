/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/pvtime.h - Arm paravirtualized time for arm64 (stolen time),
 * arch-neutral table.
 *
 * Source: Arm DEN0057A, numbers as in Linux include/linux/arm-smccc.h
 * (ARM_SMCCC_HV_PV_TIME_*) and Documentation/virt/kvm/arm/pvtime.rst. An
 * SMCCC service of the standard hypervisor owner (5), issued with HVC:
 *
 *   PV_TIME_FEATURES  0xC5000020  x1 = function ID; x0 = 0 or NOT_SUPPORTED
 *   PV_TIME_ST        0xC5000021  x0 = IPA of this vCPU's stolen-time
 *                                 structure, or NOT_SUPPORTED
 *
 * Discovery: SMCCC ARCH_FEATURES(PV_TIME_FEATURES), then
 * PV_TIME_FEATURES(PV_TIME_ST). The structure (64 bytes, little endian):
 * revision (u32, 0), attributes (u32, 0), stolen_time (u64, ns).
 */
#ifndef HCALL_ABI_PVTIME_H
#define HCALL_ABI_PVTIME_H

#include <hcall/abi/smccc.h>

#define HCALL_PVTIME_FEATURES 0xC5000020u
#define HCALL_PVTIME_ST 0xC5000021u

#define HCALL_PVTIME_CALLS(X)                                                  \
	X(PVTIME, pvtime, FEATURES, features, VALUE, 1, 0,                     \
	  (uint32_t, pv_fid), _, _, _,                                         \
	  "is the paravirtualized-time function pv_fid implemented")          \
	X(PVTIME, pvtime, ST, st, VALUE, 0, 0, _, _, _, _,                     \
	  "IPA of the calling vCPU's stolen-time structure")

/* The stolen-time structure (DEN0057A 3.2). */
struct hcall_pvtime_stolen {
	uint32_t revision;    /* 0 */
	uint32_t attributes;  /* 0 */
	uint64_t stolen_time; /* ns this vCPU did not run while runnable */
	uint8_t reserved[48];
};

HCALL_STATIC_ASSERT(sizeof(struct hcall_pvtime_stolen) == 64,
		    "the stolen-time structure is 64 bytes");

/* Register roles: those of SMCCC 1.1. */
#define HCALL_PVTIME_CONV_ARM64 \
	HCALL_SMCCC11_CONV("pvtime/arm64", HCALL_TRAP_HVC)

/* Errors: the SMCCC codes. */
#define HCALL_PVTIME_ERRORS HCALL_SMCCC_ERRORS_1_1

HCALL_DEFINE_ERROR_MAP(hcall_map_pvtime_error, HCALL_PVTIME_ERRORS)

HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 1, HCALL_SMCCC_OWNER_STANDARD_HYP,
				    0x21) == HCALL_PVTIME_ST,
		    "PV_TIME_ST is fast SMC64 standard-hypervisor function 0x21");

#endif /* HCALL_ABI_PVTIME_H */
