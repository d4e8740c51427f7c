/* SPDX-License-Identifier: MIT */
/*
 * hcall/psci.h - guest calls to the Arm Power State Coordination Interface.
 *
 * PSCI is an SMCCC service: w0 = function ID, x1..x3 = arguments,
 * x0 = result. Every status and every 32-bit value is read from w0,
 * sign-extended, whatever the upper half of x0 holds; the MPIDR of
 * MIGRATE_INFO_UP_CPU and the 64-bit counters of STAT_RESIDENCY /
 * STAT_COUNT are read from x0.
 *
 * The wrappers bind only x0..x3 and assume an SMCCC >= 1.1 callee, which
 * preserves x4..x17. Before that is known (PSCI 0.2 and 1.0 firmware may
 * be SMCCC 1.0), use hcall_smccc_discover(), or define HCALL_SMCCC_1_0
 * before the first include to make every call 1.0-safe (<hcall/smccc.h>).
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

/* Entry points of the generated wrappers: PSCI conduit, result in w0,
 * PSCI errors. */
HCALL_INLINE struct hcall_result hcall_psci_invoke0(uint32_t fid, int kind)
{
	return hcall_smccc_result32(
		kind, hcall_smccc_conduit_call0(HCALL_PSCI_CONDUIT, fid).x0,
		hcall_map_psci_error);
}
HCALL_INLINE struct hcall_result hcall_psci_invoke1(uint32_t fid, int kind,
						    uint64_t a1)
{
	return hcall_smccc_result32(
		kind, hcall_smccc_conduit_call1(HCALL_PSCI_CONDUIT, fid, a1).x0,
		hcall_map_psci_error);
}
HCALL_INLINE struct hcall_result hcall_psci_invoke2(uint32_t fid, int kind,
						    uint64_t a1, uint64_t a2)
{
	return hcall_smccc_result32(
		kind,
		hcall_smccc_conduit_call2(HCALL_PSCI_CONDUIT, fid, a1, a2).x0,
		hcall_map_psci_error);
}
HCALL_INLINE struct hcall_result hcall_psci_invoke3(uint32_t fid, int kind,
						    uint64_t a1, uint64_t a2,
						    uint64_t a3)
{
	return hcall_smccc_result32(
		kind,
		hcall_smccc_conduit_call3(HCALL_PSCI_CONDUIT, fid, a1, a2, a3).x0,
		hcall_map_psci_error);
}

/*
 * The typed calls, one per table row (errors: HCALL_PSCI_ERRORS); the
 * SMC32 form of a call has the suffix _32 and 32-bit arguments:
 *   hcall_psci_cpu_suspend(state, entry, ctx)  standby: SUCCESS on wake-up;
 *                                       power-down: resumes at entry
 *   hcall_psci_cpu_off(void)            returns only on error (DENIED)
 *   hcall_psci_cpu_on(mpidr, entry, ctx)
 *   hcall_psci_affinity_info(aff, lvl)  value = HCALL_PSCI_AFFINITY_*
 *   hcall_psci_migrate(mpidr), hcall_psci_migrate_info_type(void)
 *   hcall_psci_system_off/system_reset(void)  do not return on success
 *   hcall_psci_features(psci_fid)       value = feature flags
 *   hcall_psci_cpu_freeze(void), hcall_psci_cpu_default_suspend(e, ctx)
 *   hcall_psci_node_hw_state(mpidr, lvl)  value = HCALL_PSCI_HW_*
 *   hcall_psci_system_suspend(entry, ctx)
 *   hcall_psci_set_suspend_mode(mode)
 *   hcall_psci_system_reset2(type, cookie), hcall_psci_system_off2(t, c)
 *   hcall_psci_mem_protect(enable)      value = previous state
 *   hcall_psci_mem_protect_check_range(base, length)
 *   hcall_psci_clean_inv_memregion*()   PSCI 1.3 ALP1 only
 */
HCALL_PSCI_CALLS(HCALL_WRAPPER)

/*
 * hcall_psci_version - PSCI_VERSION (0x84000000): value = major << 16 |
 * minor. An answer that is no PSCI version (a major above 1, or 0.x other
 * than 0.2) did not come from PSCI firmware: E_UNKNOWN, with the raw
 * answer in code. KVM's hyp stub, reached by an HVC that the kernel's
 * conduit would have sent as SMC, answers 0x0BADCA11.
 */
HCALL_INLINE struct hcall_result hcall_psci_version(void)
{
	struct hcall_result r = hcall_psci_invoke0(HCALL_PSCI_VERSION,
						   HCALL_RK_VALUE);

	if (hcall_ok(r) && !hcall_psci_version_known((uint32_t)r.value))
		return hcall_smccc_unexpected((int64_t)r.value);
	return r;
}

/*
 * A 64-bit result: an error when w0 is negative (the MPIDR-based and
 * counter values below never set bit 31 of a real answer in the forms
 * that use this), else value = x0.
 */
HCALL_INLINE struct hcall_result hcall_psci__value64(uint64_t x0)
{
	struct hcall_result r;

	if ((int32_t)(uint32_t)x0 < 0)
		return hcall_smccc_result32(HCALL_RK_VALUE, x0,
					    hcall_map_psci_error);
	r.status = HCALL_OK;
	r.code = 0;
	r.value = x0;
	return r;
}

/*
 * hcall_psci_migrate_info_up_cpu(_32) - MIGRATE_INFO_UP_CPU: value = the
 * MPIDR (affinity fields; bit 31 is never set) of the CPU a uniprocessor
 * Trusted OS runs on. UNDEFINED unless MIGRATE_INFO_TYPE said 0 or 1.
 */
HCALL_INLINE struct hcall_result hcall_psci_migrate_info_up_cpu(void)
{
	return hcall_psci__value64(
		hcall_smccc_conduit_call0(HCALL_PSCI_CONDUIT,
					  HCALL_PSCI_MIGRATE_INFO_UP_CPU).x0);
}
HCALL_INLINE struct hcall_result hcall_psci_migrate_info_up_cpu_32(void)
{
	return hcall_psci__value64(
		(uint32_t)hcall_smccc_conduit_call0(
			HCALL_PSCI_CONDUIT, HCALL_PSCI_MIGRATE_INFO_UP_CPU_32).x0);
}

/*
 * hcall_psci_stat_residency / hcall_psci_stat_count - SMC64 forms:
 * value = the 64-bit counter in x0. A negative x0 is an error
 * (NOT_SUPPORTED); a w0-only -1 reads as the count 0xFFFFFFFF.
 */
HCALL_INLINE struct hcall_result hcall_psci__counter64(uint64_t x0)
{
	struct hcall_result r;

	if ((int64_t)x0 < 0) {
		r.status = hcall_map_psci_error((int64_t)x0);
		r.code = (int64_t)x0;
		r.value = 0;
		return r;
	}
	r.status = HCALL_OK;
	r.code = 0;
	r.value = x0;
	return r;
}
HCALL_INLINE struct hcall_result hcall_psci_stat_residency(uint64_t target_mpidr,
							   uint32_t power_state)
{
	return hcall_psci__counter64(
		hcall_smccc_conduit_call2(HCALL_PSCI_CONDUIT,
					  HCALL_PSCI_STAT_RESIDENCY,
					  target_mpidr, power_state).x0);
}
HCALL_INLINE struct hcall_result hcall_psci_stat_count(uint64_t target_mpidr,
						       uint32_t power_state)
{
	return hcall_psci__counter64(
		hcall_smccc_conduit_call2(HCALL_PSCI_CONDUIT,
					  HCALL_PSCI_STAT_COUNT, target_mpidr,
					  power_state).x0);
}

HCALL_END_DECLS

#endif /* HCALL_PSCI_H */
