/* SPDX-License-Identifier: MIT */
/*
 * hcall/pvtime.h - guest calls for Arm paravirtualized time (DEN0057A):
 * where the hypervisor publishes this vCPU's stolen time.
 *
 * SMCCC 1.1 calls of the standard hypervisor owner (5), always through
 * HVC (they are hypervisor calls, whatever the SMCCC default conduit).
 * Discovery: SMCCC ARCH_FEATURES(HCALL_PVTIME_FEATURES) >= 0, then
 * hcall_pvtime_features(HCALL_PVTIME_ST) >= 0.
 *
 * Numbers, table, the stolen-time structure: <hcall/abi/pvtime.h>.
 */
#ifndef HCALL_PVTIME_H
#define HCALL_PVTIME_H

#include <hcall/abi/pvtime.h>
#include <hcall/smccc.h>

HCALL_BEGIN_DECLS

/* Entry points of the generated wrappers: HVC, SMC64 results (x0). */
HCALL_INLINE struct hcall_result hcall_pvtime_invoke0(uint32_t fid, int kind)
{
	return hcall_smccc_result(
		fid, kind, hcall_smccc_conduit_call0(HCALL_SMCCC_HVC, fid).x0,
		hcall_map_pvtime_error);
}
HCALL_INLINE struct hcall_result hcall_pvtime_invoke1(uint32_t fid, int kind,
						      uint64_t a1)
{
	return hcall_smccc_result(
		fid, kind,
		hcall_smccc_conduit_call1(HCALL_SMCCC_HVC, fid, a1).x0,
		hcall_map_pvtime_error);
}

/*
 *   hcall_pvtime_features(fid)    value >= 0: fid is implemented
 *   hcall_pvtime_st(void)         value = IPA of struct hcall_pvtime_stolen
 */
HCALL_PVTIME_CALLS(HCALL_WRAPPER)

HCALL_END_DECLS

#endif /* HCALL_PVTIME_H */
