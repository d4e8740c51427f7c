/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/psci.h - the Arm Power State Coordination Interface table
 * (arch-neutral).
 *
 * Source: Arm DEN0022F.b (PSCI 1.3), numbers as in Linux
 * include/uapi/linux/psci.h. PSCI is an SMCCC service of the standard
 * secure owner (4): the function ID goes in w0, arguments in x1..x3, the
 * result in x0 (see abi/smccc.h).
 *
 * Widths. A function whose arguments can be addresses or MPIDRs exists as
 * an SMC64 ID (0xC4...) and an SMC32 ID (0x84...). The SMC64 form keeps
 * the plain name (CPU_ON, hcall_psci_cpu_on), the SMC32 form has the
 * suffix _32 (CPU_ON_32, hcall_psci_cpu_on_32); functions with one width
 * have one name. Every PSCI result is a 32-bit signed value in w0, except
 * the MPIDR of MIGRATE_INFO_UP_CPU and the 64-bit counters of
 * STAT_RESIDENCY / STAT_COUNT, so the wrappers read w0 sign-extended,
 * whatever the upper half of x0 holds.
 *
 * PSCI 1.3 ALP1. The alpha release of PSCI 1.3 (DEN0022F.a ALP1) also had
 * CLEAN_INV_MEMREGION (SMC64, 0x16), CLEAN_INV_MEMREGION_ATTRIBUTES
 * (SMC32, 0x17) and the errors TIMEOUT -10, RATE_LIMITED -11, BUSY -12
 * (Linux's PSCI 1.3 RFC patches carried them). The final 1.3 (F.b)
 * dropped all of them; the cache operation moved to the SMCCC
 * architecture calls (DEN0028 1.7). They are kept here, marked ALP1, so
 * a firmware built to the alpha can be called and its codes read.
 */
#ifndef HCALL_ABI_PSCI_H
#define HCALL_ABI_PSCI_H

#include <hcall/abi/smccc.h>

/* Function IDs: 0x84000000 + n (SMC32), 0xC4000000 + n (SMC64). */
#define HCALL_PSCI_VERSION 0x84000000u
#define HCALL_PSCI_CPU_SUSPEND 0xC4000001u
#define HCALL_PSCI_CPU_SUSPEND_32 0x84000001u
#define HCALL_PSCI_CPU_OFF 0x84000002u
#define HCALL_PSCI_CPU_ON 0xC4000003u
#define HCALL_PSCI_CPU_ON_32 0x84000003u
#define HCALL_PSCI_AFFINITY_INFO 0xC4000004u
#define HCALL_PSCI_AFFINITY_INFO_32 0x84000004u
#define HCALL_PSCI_MIGRATE 0xC4000005u
#define HCALL_PSCI_MIGRATE_32 0x84000005u
#define HCALL_PSCI_MIGRATE_INFO_TYPE 0x84000006u
#define HCALL_PSCI_MIGRATE_INFO_UP_CPU 0xC4000007u
#define HCALL_PSCI_MIGRATE_INFO_UP_CPU_32 0x84000007u
#define HCALL_PSCI_SYSTEM_OFF 0x84000008u
#define HCALL_PSCI_SYSTEM_RESET 0x84000009u
#define HCALL_PSCI_FEATURES 0x8400000Au
#define HCALL_PSCI_CPU_FREEZE 0x8400000Bu
#define HCALL_PSCI_CPU_DEFAULT_SUSPEND 0xC400000Cu
#define HCALL_PSCI_CPU_DEFAULT_SUSPEND_32 0x8400000Cu
#define HCALL_PSCI_NODE_HW_STATE 0xC400000Du
#define HCALL_PSCI_NODE_HW_STATE_32 0x8400000Du
#define HCALL_PSCI_SYSTEM_SUSPEND 0xC400000Eu
#define HCALL_PSCI_SYSTEM_SUSPEND_32 0x8400000Eu
#define HCALL_PSCI_SET_SUSPEND_MODE 0x8400000Fu
#define HCALL_PSCI_STAT_RESIDENCY 0xC4000010u
#define HCALL_PSCI_STAT_RESIDENCY_32 0x84000010u
#define HCALL_PSCI_STAT_COUNT 0xC4000011u
#define HCALL_PSCI_STAT_COUNT_32 0x84000011u
#define HCALL_PSCI_SYSTEM_RESET2 0xC4000012u
#define HCALL_PSCI_SYSTEM_RESET2_32 0x84000012u
#define HCALL_PSCI_MEM_PROTECT 0x84000013u
#define HCALL_PSCI_MEM_PROTECT_CHECK_RANGE 0xC4000014u
#define HCALL_PSCI_MEM_PROTECT_CHECK_RANGE_32 0x84000014u
#define HCALL_PSCI_SYSTEM_OFF2 0xC4000015u
#define HCALL_PSCI_SYSTEM_OFF2_32 0x84000015u
#define HCALL_PSCI_CLEAN_INV_MEMREGION 0xC4000016u            /* ALP1 */
#define HCALL_PSCI_CLEAN_INV_MEMREGION_ATTRIBUTES 0x84000017u /* ALP1 */

/*
 * The table (format: hcall/abi/desc.h). VERSION is CUSTOM: its wrapper
 * also rejects a version no PSCI release has. The MPIDR and counter
 * results are CUSTOM: they are 64-bit values, not 32-bit codes.
 */
#define HCALL_PSCI_CALLS(X)                                                    \
	X(PSCI, psci, VERSION, version, CUSTOM, 0, 0, _, _, _, _,              \
	  "PSCI version implemented (major << 16 | minor); a major no PSCI "   \
	  "release has reads as E_UNKNOWN")                                    \
	X(PSCI, psci, CPU_SUSPEND, cpu_suspend, STATUS, 3, 0,                  \
	  (uint32_t, power_state), (uint64_t, entry_point),                    \
	  (uint64_t, context_id), _,                                           \
	  "suspend the calling CPU; a power-down state resumes at "            \
	  "entry_point with x0 = context_id")                                  \
	X(PSCI, psci, CPU_SUSPEND_32, cpu_suspend_32, STATUS, 3, 0,            \
	  (uint32_t, power_state), (uint32_t, entry_point),                    \
	  (uint32_t, context_id), _, "CPU_SUSPEND, SMC32 form")                \
	X(PSCI, psci, CPU_OFF, cpu_off, STATUS, 0, 0, _, _, _, _,              \
	  "power down the calling CPU; returns only on failure")               \
	X(PSCI, psci, CPU_ON, cpu_on, STATUS, 3, 0, (uint64_t, target_mpidr),  \
	  (uint64_t, entry_point), (uint64_t, context_id), _,                  \
	  "start the CPU target_mpidr at entry_point with x0 = context_id")    \
	X(PSCI, psci, CPU_ON_32, cpu_on_32, STATUS, 3, 0,                      \
	  (uint32_t, target_mpidr), (uint32_t, entry_point),                   \
	  (uint32_t, context_id), _, "CPU_ON, SMC32 form")                     \
	X(PSCI, psci, AFFINITY_INFO, affinity_info, VALUE, 2, 0,               \
	  (uint64_t, target_affinity), (uint32_t, lowest_affinity_level), _, _, \
	  "state of an affinity instance: 0 on, 1 off, 2 on pending")          \
	X(PSCI, psci, AFFINITY_INFO_32, affinity_info_32, VALUE, 2, 0,         \
	  (uint32_t, target_affinity), (uint32_t, lowest_affinity_level), _, _, \
	  "AFFINITY_INFO, SMC32 form")                                         \
	X(PSCI, psci, MIGRATE, migrate, STATUS, 1, 0, (uint64_t, target_mpidr), \
	  _, _, _, "move a uniprocessor Trusted OS to the CPU target_mpidr")   \
	X(PSCI, psci, MIGRATE_32, migrate_32, STATUS, 1, 0,                    \
	  (uint32_t, target_mpidr), _, _, _, "MIGRATE, SMC32 form")            \
	X(PSCI, psci, MIGRATE_INFO_TYPE, migrate_info_type, VALUE, 0, 0, _, _, \
	  _, _,                                                                \
	  "Trusted OS migration type: 0 UP migratable, 1 UP not migratable, "  \
	  "2 none or MP")                                                      \
	X(PSCI, psci, MIGRATE_INFO_UP_CPU, migrate_info_up_cpu, CUSTOM, 0, 0,  \
	  _, _, _, _, "MPIDR of the CPU the uniprocessor Trusted OS runs on")  \
	X(PSCI, psci, MIGRATE_INFO_UP_CPU_32, migrate_info_up_cpu_32, CUSTOM,  \
	  0, 0, _, _, _, _, "MIGRATE_INFO_UP_CPU, SMC32 form")                 \
	X(PSCI, psci, SYSTEM_OFF, system_off, STATUS, 0, 0, _, _, _, _,        \
	  "power the system off; does not return on success")                  \
	X(PSCI, psci, SYSTEM_RESET, system_reset, STATUS, 0, 0, _, _, _, _,    \
	  "reset the system; does not return on success")                      \
	X(PSCI, psci, FEATURES, features, VALUE, 1, 0, (uint32_t, psci_fid),   \
	  _, _, _,                                                             \
	  "is the PSCI function psci_fid implemented; >= 0 its feature flags") \
	X(PSCI, psci, CPU_FREEZE, cpu_freeze, STATUS, 0, 0, _, _, _, _,        \
	  "put the calling CPU in an implementation-defined low-power state")  \
	X(PSCI, psci, CPU_DEFAULT_SUSPEND, cpu_default_suspend, STATUS, 2, 0,  \
	  (uint64_t, entry_point), (uint64_t, context_id), _, _,               \
	  "suspend the calling CPU to the platform's default state")           \
	X(PSCI, psci, CPU_DEFAULT_SUSPEND_32, cpu_default_suspend_32, STATUS,  \
	  2, 0, (uint32_t, entry_point), (uint32_t, context_id), _, _,         \
	  "CPU_DEFAULT_SUSPEND, SMC32 form")                                   \
	X(PSCI, psci, NODE_HW_STATE, node_hw_state, VALUE, 2, 0,               \
	  (uint64_t, target_mpidr), (uint32_t, power_level), _, _,             \
	  "hardware state of a power-domain node: 0 on, 1 off, 2 standby")     \
	X(PSCI, psci, NODE_HW_STATE_32, node_hw_state_32, VALUE, 2, 0,         \
	  (uint32_t, target_mpidr), (uint32_t, power_level), _, _,             \
	  "NODE_HW_STATE, SMC32 form")                                         \
	X(PSCI, psci, SYSTEM_SUSPEND, system_suspend, STATUS, 2, 0,            \
	  (uint64_t, entry_point), (uint64_t, context_id), _, _,               \
	  "suspend the system to RAM; resumes at entry_point")                 \
	X(PSCI, psci, SYSTEM_SUSPEND_32, system_suspend_32, STATUS, 2, 0,      \
	  (uint32_t, entry_point), (uint32_t, context_id), _, _,               \
	  "SYSTEM_SUSPEND, SMC32 form")                                        \
	X(PSCI, psci, SET_SUSPEND_MODE, set_suspend_mode, STATUS, 1, 0,        \
	  (uint32_t, mode), _, _, _,                                           \
	  "CPU_SUSPEND mode: 0 platform-coordinated, 1 OS-initiated")          \
	X(PSCI, psci, STAT_RESIDENCY, stat_residency, CUSTOM, 2, 0,            \
	  (uint64_t, target_mpidr), (uint32_t, power_state), _, _,             \
	  "microseconds spent in power_state since cold boot")                 \
	X(PSCI, psci, STAT_RESIDENCY_32, stat_residency_32, VALUE, 2, 0,       \
	  (uint32_t, target_mpidr), (uint32_t, power_state), _, _,             \
	  "STAT_RESIDENCY, SMC32 form (a 32-bit count)")                       \
	X(PSCI, psci, STAT_COUNT, stat_count, CUSTOM, 2, 0,                    \
	  (uint64_t, target_mpidr), (uint32_t, power_state), _, _,             \
	  "times power_state was entered since cold boot")                     \
	X(PSCI, psci, STAT_COUNT_32, stat_count_32, VALUE, 2, 0,               \
	  (uint32_t, target_mpidr), (uint32_t, power_state), _, _,             \
	  "STAT_COUNT, SMC32 form (a 32-bit count)")                           \
	X(PSCI, psci, SYSTEM_RESET2, system_reset2, STATUS, 2, 0,              \
	  (uint32_t, reset_type), (uint64_t, cookie), _, _,                    \
	  "architectural warm reset (type 0) or a vendor reset (bit 31 set)")  \
	X(PSCI, psci, SYSTEM_RESET2_32, system_reset2_32, STATUS, 2, 0,        \
	  (uint32_t, reset_type), (uint32_t, cookie), _, _,                    \
	  "SYSTEM_RESET2, SMC32 form")                                         \
	X(PSCI, psci, MEM_PROTECT, mem_protect, VALUE, 1, 0,                   \
	  (uint32_t, enable), _, _, _,                                         \
	  "enable (1) or disable (0) memory protection; value = previous "     \
	  "state")                                                             \
	X(PSCI, psci, MEM_PROTECT_CHECK_RANGE, mem_protect_check_range,        \
	  STATUS, 2, 0, (uint64_t, base), (uint64_t, length), _, _,            \
	  "is [base, base + length) protected by MEM_PROTECT")                 \
	X(PSCI, psci, MEM_PROTECT_CHECK_RANGE_32, mem_protect_check_range_32,  \
	  STATUS, 2, 0, (uint32_t, base), (uint32_t, length), _, _,            \
	  "MEM_PROTECT_CHECK_RANGE, SMC32 form")                               \
	X(PSCI, psci, SYSTEM_OFF2, system_off2, STATUS, 2, 0,                  \
	  (uint32_t, off_type), (uint64_t, cookie), _, _,                      \
	  "power off with a type (1 hibernate-off; 0 also accepted), PSCI "    \
	  "1.3")                                                               \
	X(PSCI, psci, SYSTEM_OFF2_32, system_off2_32, STATUS, 2, 0,            \
	  (uint32_t, off_type), (uint32_t, cookie), _, _,                      \
	  "SYSTEM_OFF2, SMC32 form")                                           \
	X(PSCI, psci, CLEAN_INV_MEMREGION, clean_inv_memregion, STATUS, 3, 0,  \
	  (uint64_t, base), (uint64_t, size), (uint64_t, flags), _,            \
	  "clean and invalidate caches for a region (PSCI 1.3 ALP1 only)")     \
	X(PSCI, psci, CLEAN_INV_MEMREGION_ATTRIBUTES,                          \
	  clean_inv_memregion_attributes, VALUE, 1, 0, (uint32_t, attribute),  \
	  _, _, _,                                                             \
	  "an attribute of CLEAN_INV_MEMREGION (PSCI 1.3 ALP1 only)")

/* AFFINITY_INFO results. */
#define HCALL_PSCI_AFFINITY_ON 0
#define HCALL_PSCI_AFFINITY_OFF 1
#define HCALL_PSCI_AFFINITY_ON_PENDING 2

/* NODE_HW_STATE results. */
#define HCALL_PSCI_HW_ON 0
#define HCALL_PSCI_HW_OFF 1
#define HCALL_PSCI_HW_STANDBY 2

/* MIGRATE_INFO_TYPE results. */
#define HCALL_PSCI_TOS_UP_MIGRATE 0
#define HCALL_PSCI_TOS_UP_NO_MIGRATE 1
#define HCALL_PSCI_TOS_NOT_PRESENT_MP 2

/* SET_SUSPEND_MODE modes. */
#define HCALL_PSCI_SUSPEND_MODE_PC 0u
#define HCALL_PSCI_SUSPEND_MODE_OSI 1u

/* SYSTEM_RESET2 types: bit 31 set = vendor-specific. */
#define HCALL_PSCI_RESET2_SYSTEM_WARM_RESET 0u
#define HCALL_PSCI_RESET2_VENDOR_BIT 0x80000000u

/* SYSTEM_OFF2 type (F.b: 0 must be accepted as the same request). */
#define HCALL_PSCI_OFF2_HIBERNATE_OFF 0x1u

/*
 * CPU_SUSPEND power_state, original format (PSCI_FEATURES(CPU_SUSPEND)
 * bit 1 clear): state ID 15:0, type bit 16 (1 power-down), power level
 * 25:24. Extended format (bit 1 set): state ID 27:0, type bit 30.
 */
#define HCALL_PSCI_POWER_STATE_TYPE_BIT (1u << 16)
#define HCALL_PSCI_POWER_STATE_LEVEL_SHIFT 24
#define HCALL_PSCI_EXT_POWER_STATE_TYPE_BIT (1u << 30)

/* PSCI_FEATURES(CPU_SUSPEND) flags: bit 0 OS-initiated mode supported,
 * bit 1 extended power_state format. */
#define HCALL_PSCI_FEATURE_CPU_SUSPEND_OSI (1u << 0)
#define HCALL_PSCI_FEATURE_CPU_SUSPEND_EXT_FORMAT (1u << 1)

/* PSCI_VERSION values. */
#define HCALL_PSCI_VERSION_0_2 0x00002u
#define HCALL_PSCI_VERSION_1_0 0x10000u
#define HCALL_PSCI_VERSION_1_1 0x10001u
#define HCALL_PSCI_VERSION_1_2 0x10002u
#define HCALL_PSCI_VERSION_1_3 0x10003u

/*
 * hcall_psci_version_known - 1 when v (a non-negative PSCI_VERSION
 * answer) is a version some PSCI release has: 0.2 or 1.x. Anything else
 * did not come from a PSCI implementation; KVM's hyp stub, for one,
 * answers an HVC it does not handle with 0x0BADCA11.
 */
HCALL_INLINE int hcall_psci_version_known(uint32_t v)
{
	return v == HCALL_PSCI_VERSION_0_2 || (v >> 16) == 1u;
}

/* Register roles: those of SMCCC 1.1. */
#define HCALL_PSCI_ARM64_REG_FID HCALL_SMCCC_ARM64_REG_FID
#define HCALL_PSCI_ARM64_REG_ARG1 HCALL_SMCCC_ARM64_REG_ARG1
#define HCALL_PSCI_ARM64_REG_ARG2 HCALL_SMCCC_ARM64_REG_ARG2
#define HCALL_PSCI_ARM64_REG_ARG3 HCALL_SMCCC_ARM64_REG_ARG3
#define HCALL_PSCI_ARM64_REG_RET HCALL_SMCCC_ARM64_REG_RES0

#define HCALL_PSCI_CONV_ARM64 HCALL_SMCCC11_CONV("psci/arm64", HCALL_TRAP_HVC)
#define HCALL_PSCI_CONV_ARM64_SMC \
	HCALL_SMCCC11_CONV("psci/arm64-smc", HCALL_TRAP_SMC)

/* Errors (PSCI 0.2 to 1.3; -10 to -12 from 1.3 ALP1 only). */
#define HCALL_PSCI_ERRORS(X)                            \
	X(SUCCESS, 0, OK)                               \
	X(NOT_SUPPORTED, -1, E_NOT_SUPPORTED)           \
	X(INVALID_PARAMETERS, -2, E_INVALID_PARAM)      \
	X(DENIED, -3, E_DENIED)                         \
	X(ALREADY_ON, -4, E_ALREADY)                    \
	X(ON_PENDING, -5, E_BUSY)                       \
	X(INTERNAL_FAILURE, -6, E_FAILED)               \
	X(NOT_PRESENT, -7, E_NOT_SUPPORTED)             \
	X(DISABLED, -8, E_DENIED)                       \
	X(INVALID_ADDRESS, -9, E_INVALID_ADDRESS)       \
	X(TIMEOUT, -10, E_BUSY)                         \
	X(RATE_LIMITED, -11, E_BUSY)                    \
	X(BUSY, -12, E_BUSY)

HCALL_DEFINE_ERROR_MAP(hcall_map_psci_error, HCALL_PSCI_ERRORS)

/*
 * The errors each call can return, as DEN0022 lists them per function
 * (X(abi, ABI, NAME, error names...); NONE: the call cannot fail). A call
 * not listed may answer any error above. The CLI and docs read this.
 */
#define HCALL_PSCI_CALL_ERRORS(X)                                          \
	X(psci, PSCI, VERSION, NONE)                                       \
	X(psci, PSCI, CPU_OFF, DENIED)                                     \
	X(psci, PSCI, CPU_ON, INVALID_PARAMETERS, INVALID_ADDRESS,         \
	  ALREADY_ON, ON_PENDING, INTERNAL_FAILURE)                        \
	X(psci, PSCI, AFFINITY_INFO, INVALID_PARAMETERS, DISABLED)         \
	X(psci, PSCI, SYSTEM_OFF, NONE)                                    \
	X(psci, PSCI, SYSTEM_RESET, NONE)                                  \
	X(psci, PSCI, FEATURES, NOT_SUPPORTED)

HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 1, HCALL_SMCCC_OWNER_STANDARD, 3) ==
			    HCALL_PSCI_CPU_ON,
		    "CPU_ON is a fast SMC64 standard-service call, number 3");
HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 0, HCALL_SMCCC_OWNER_STANDARD, 0x15) ==
			    HCALL_PSCI_SYSTEM_OFF2_32,
		    "SYSTEM_OFF2 is PSCI function 0x15");

#endif /* HCALL_ABI_PSCI_H */
