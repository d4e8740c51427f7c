/* SPDX-License-Identifier: MIT */
/*
 * hcall/psci.h - guest calls to the Arm Power State Coordination Interface.
 *
 * PSCI is an SMCCC 1.1 service: w0 = function ID, x1..x3 = arguments,
 * x0 = result (x0..x3 may change, x4..x17 are preserved). 32-bit results
 * are sign-extended before they are mapped.
 *
 * Conduit: HCALL_PSCI_CONDUIT, by default the SMCCC default conduit (HVC,
 * or SMC with HCALL_SMCCC_CONDUIT_SMC; see <hcall/smccc.h>). A guest of a
 * hypervisor uses HVC; firmware-backed PSCI at EL1 without EL2 uses SMC.
 * Define HCALL_PSCI_CONDUIT to HCALL_SMCCC_SMC to pick SMC for PSCI only.
 *
 * Numbers, table and errors: <hcall/abi/psci.h>.
 */
#ifndef HCALL_PSCI_H
#define HCALL_PSCI_H

#include <hcall/abi/psci.h>
#include <hcall/smccc.h>

HCALL_BEGIN_DECLS

#ifndef HCALL_PSCI_CONDUIT
#define HCALL_PSCI_CONDUIT HCALL_SMCCC_DEFAULT_CONDUIT
#endif

/* Entry points of the generated wrappers (PSCI conduit, PSCI errors). */
HCALL_INLINE struct hcall_result hcall_psci_invoke0(uint32_t fid, int kind)
{
	return hcall_smccc_result(
		fid, kind, hcall_smccc_conduit_call0(HCALL_PSCI_CONDUIT, fid).x0,
		hcall_map_psci_error);
}
HCALL_INLINE struct hcall_result hcall_psci_invoke1(uint32_t fid, int kind,
						    uint64_t a1)
{
	return hcall_smccc_result(
		fid, kind,
		hcall_smccc_conduit_call1(HCALL_PSCI_CONDUIT, fid, a1).x0,
		hcall_map_psci_error);
}
HCALL_INLINE struct hcall_result hcall_psci_invoke2(uint32_t fid, int kind,
						    uint64_t a1, uint64_t a2)
{
	return hcall_smccc_result(
		fid, kind,
		hcall_smccc_conduit_call2(HCALL_PSCI_CONDUIT, fid, a1, a2).x0,
		hcall_map_psci_error);
}
HCALL_INLINE struct hcall_result hcall_psci_invoke3(uint32_t fid, int kind,
						    uint64_t a1, uint64_t a2,
						    uint64_t a3)
{
	return hcall_smccc_result(
		fid, kind,
		hcall_smccc_conduit_call3(HCALL_PSCI_CONDUIT, fid, a1, a2, a3).x0,
		hcall_map_psci_error);
}

/*
 * The typed calls, one per table row (errors: HCALL_PSCI_ERRORS):
 *   hcall_psci_version(void)                  value = major << 16 | minor
 *   hcall_psci_cpu_off(void)                  returns only on error (DENIED)
 *   hcall_psci_cpu_on(mpidr, entry, context)  x1, x2, x3; ALREADY_ON,
 *                                             ON_PENDING, INVALID_ADDRESS...
 *   hcall_psci_affinity_info(affinity, lvl)   value = HCALL_PSCI_AFFINITY_*
 *   hcall_psci_system_off(void)               does not return on success
 *   hcall_psci_system_reset(void)             does not return on success
 *   hcall_psci_features(psci_fid)             value = feature flags
 */
HCALL_PSCI_CALLS(HCALL_WRAPPER)

HCALL_END_DECLS

#endif /* HCALL_PSCI_H */
