/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/smccc_reserved.h - which argument registers of a known SMCCC
 * function ID are reserved-must-be-zero, generated from every SMCCC-family
 * table (SMCCC arch calls, PSCI, TRNG, PV time, the mainline KVM vendor
 * services; Android's KVM set, whose function 7 has another shape, has
 * hcall_kvm_arm64_android_reserved_mask()).
 *
 * Bit n of the mask stands for argument register xn (n = 1..7). The guest
 * raw layer uses it to reject a constant non-zero reserved argument at
 * compile time; a hypervisor can use it to check the frame at run time.
 */
#ifndef HCALL_ABI_SMCCC_RESERVED_H
#define HCALL_ABI_SMCCC_RESERVED_H

#include <hcall/abi/kvm_arm64.h>
#include <hcall/abi/psci.h>
#include <hcall/abi/pvtime.h>
#include <hcall/abi/smccc.h>
#include <hcall/abi/trng.h>

/* Argument slot i is register x(i+1). */
#define HCALL__SMCCC_RSVD_CASE(ABI, abi, NAME, name, kind, nargs, nrsvd, a1, \
			       a2, a3, a4, summary)                          \
	case HCALL_##ABI##_##NAME:                                           \
		return (uint32_t)HCALL_RSVD_MASK(nargs, nrsvd) << 1;

/*
 * hcall_smccc_reserved_mask - the reserved-must-be-zero argument registers
 * of function ID fid (bit n = xn); 0 for IDs no table knows.
 */
HCALL_INLINE uint32_t hcall_smccc_reserved_mask(uint32_t fid)
{
	switch (fid) {
		HCALL_SMCCC_CALLS(HCALL__SMCCC_RSVD_CASE)
		HCALL_PSCI_CALLS(HCALL__SMCCC_RSVD_CASE)
		HCALL_TRNG_CALLS(HCALL__SMCCC_RSVD_CASE)
		HCALL_PVTIME_CALLS(HCALL__SMCCC_RSVD_CASE)
		HCALL_KVM_ARM64_CALLS(HCALL__SMCCC_RSVD_CASE)
	default:
		return 0;
	}
}

#endif /* HCALL_ABI_SMCCC_RESERVED_H */
