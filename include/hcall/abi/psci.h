/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/psci.h - the Arm Power State Coordination Interface table
 * (arch-neutral).
 *
 * Source: Arm DEN0022 (PSCI), numbers as in Linux include/uapi/linux/psci.h.
 * PSCI is an SMCCC service of the standard secure owner (4): the function
 * ID goes in w0, arguments in x1..x3, the result in x0 (see abi/smccc.h).
 * Calls whose arguments are addresses or MPIDRs use the SMC64 IDs
 * (0xC4...), the others the SMC32 IDs (0x84...).
 */
#ifndef HCALL_ABI_PSCI_H
#define HCALL_ABI_PSCI_H

#include <hcall/abi/smccc.h>

/* Function IDs. */
#define HCALL_PSCI_VERSION 0x84000000u
#define HCALL_PSCI_CPU_OFF 0x84000002u
#define HCALL_PSCI_CPU_ON 0xC4000003u       /* SMC64 */
#define HCALL_PSCI_AFFINITY_INFO 0xC4000004u /* SMC64 */
#define HCALL_PSCI_SYSTEM_OFF 0x84000008u
#define HCALL_PSCI_SYSTEM_RESET 0x84000009u
#define HCALL_PSCI_FEATURES 0x8400000Au

#define HCALL_PSCI_CALLS(X)                                                    \
	X(PSCI, psci, VERSION, version, VALUE, 0, 0, _, _, _, _,               \
	  "PSCI version implemented (major << 16 | minor)")                    \
	X(PSCI, psci, CPU_OFF, cpu_off, STATUS, 0, 0, _, _, _, _,              \
	  "power down the calling CPU; returns only on failure")               \
	X(PSCI, psci, CPU_ON, cpu_on, STATUS, 3, 0, (uint64_t, target_mpidr),  \
	  (uint64_t, entry_point), (uint64_t, context_id), _,                  \
	  "start the CPU target_mpidr at entry_point with x0 = context_id")    \
	X(PSCI, psci, AFFINITY_INFO, affinity_info, VALUE, 2, 0,               \
	  (uint64_t, target_affinity), (uint32_t, lowest_affinity_level), _, _, \
	  "state of an affinity instance: 0 on, 1 off, 2 on pending")          \
	X(PSCI, psci, SYSTEM_OFF, system_off, STATUS, 0, 0, _, _, _, _,        \
	  "power the system off; does not return on success")                  \
	X(PSCI, psci, SYSTEM_RESET, system_reset, STATUS, 0, 0, _, _, _, _,    \
	  "reset the system; does not return on success")                      \
	X(PSCI, psci, FEATURES, features, VALUE, 1, 0, (uint32_t, psci_fid),   \
	  _, _, _,                                                             \
	  "is the PSCI function psci_fid implemented; >= 0 its feature flags")

/* AFFINITY_INFO results. */
#define HCALL_PSCI_AFFINITY_ON 0
#define HCALL_PSCI_AFFINITY_OFF 1
#define HCALL_PSCI_AFFINITY_ON_PENDING 2

/* PSCI_VERSION values. */
#define HCALL_PSCI_VERSION_0_2 0x00002u
#define HCALL_PSCI_VERSION_1_0 0x10000u
#define HCALL_PSCI_VERSION_1_1 0x10001u

/* Register roles: those of SMCCC 1.1. */
#define HCALL_PSCI_ARM64_REG_FID HCALL_SMCCC_ARM64_REG_FID
#define HCALL_PSCI_ARM64_REG_ARG1 HCALL_SMCCC_ARM64_REG_ARG1
#define HCALL_PSCI_ARM64_REG_ARG2 HCALL_SMCCC_ARM64_REG_ARG2
#define HCALL_PSCI_ARM64_REG_ARG3 HCALL_SMCCC_ARM64_REG_ARG3
#define HCALL_PSCI_ARM64_REG_RET HCALL_SMCCC_ARM64_REG_RES0

#define HCALL_PSCI_CONV_ARM64 HCALL_SMCCC11_CONV("psci/arm64", HCALL_TRAP_HVC)
#define HCALL_PSCI_CONV_ARM64_SMC \
	HCALL_SMCCC11_CONV("psci/arm64-smc", HCALL_TRAP_SMC)

/* Errors (all PSCI versions). */
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
	X(INVALID_ADDRESS, -9, E_INVALID_ADDRESS)

HCALL_DEFINE_ERROR_MAP(hcall_map_psci_error, HCALL_PSCI_ERRORS)

HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 1, HCALL_SMCCC_OWNER_STANDARD, 3) ==
			    HCALL_PSCI_CPU_ON,
		    "CPU_ON is a fast SMC64 standard-service call, number 3");

#endif /* HCALL_ABI_PSCI_H */
