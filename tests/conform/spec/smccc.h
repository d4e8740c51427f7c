/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/spec/smccc.h - what Arm DEN0028 (SMC Calling Convention,
 * issues B to E: SMCCC 1.1 to 1.4) requires of the calling convention and
 * of the Arm Architecture Calls, as data for the arm64 conformance guest.
 * Written from the specification, not from any implementation.
 *
 * Discovery, as DEN0028 prescribes it: SMCCC_VERSION exists from 1.1 on,
 * and a caller finds out whether it may call it through
 * PSCI_FEATURES(SMCCC_VERSION); NOT_SUPPORTED there means SMCCC 1.0.
 * SMCCC_ARCH_FEATURES is mandatory from 1.1 on, and the optional Arm
 * Architecture Calls are probed with it.
 */
#ifndef KIT_SPEC_SMCCC_H
#define KIT_SPEC_SMCCC_H

#include <stdint.h>

#include "call.h"

/* Return codes ("Return codes" of the Arm Architecture Calls). */
#define SMCCC_SUCCESS 0
#define SMCCC_NOT_SUPPORTED (-1)
#define SMCCC_NOT_REQUIRED (-2)
#define SMCCC_INVALID_PARAMETER (-3)
/* "Unknown Function Identifier": W0 = 0xFFFFFFFF for any ID not implemented. */
#define SMCCC_UNKNOWN_FID 0xFFFFFFFFu

static const struct spec_name spec_smccc_errors[] = {
	{ SMCCC_SUCCESS, "SUCCESS" },
	{ SMCCC_NOT_SUPPORTED, "NOT_SUPPORTED" },
	{ SMCCC_NOT_REQUIRED, "NOT_REQUIRED" },
	{ SMCCC_INVALID_PARAMETER, "INVALID_PARAMETER" },
};

#define SMCCC_VERSION 0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define SMCCC_ARCH_SOC_ID 0x80000002u
#define SMCCC_ARCH_WORKAROUND_1 0x80008000u
#define SMCCC_ARCH_WORKAROUND_2 0x80007FFFu
#define SMCCC_ARCH_WORKAROUND_3 0x80003FFFu
/* An Arm Architecture Call function number no issue assigns. */
#define SMCCC_ARCH_UNASSIGNED 0x80000100u

/* SMCCC_VERSION: major in bits 30:16, minor in 15:0, bit 31 zero. */
#define SMCCC_VER(major, minor) (((uint32_t)(major) << 16) | (minor))

/* Registers an AArch64 caller may rely on across a fast call
 * ("Register use in AArch64 SMC and HVC calls"): X18-X30 and SP always;
 * X4-X17 too from SMCCC 1.1 on (1.0 left them unpredictable), unless the
 * function returns results in them (none of the calls used here does). */
#define SMCCC_PRESERVED_ALWAYS_FIRST 18
#define SMCCC_PRESERVED_11_FIRST 4
#define SMCCC_PRESERVED_11_LAST 17
#define SMCCC_SECTION_REGS "DEN0028 2 Register use in AArch64 SMC and HVC calls"

#define SMCCC_ROW(fn, what, id, need, probe, a0, how, want, sect) \
	{ fn, what, id, 0, probe, need, { { ARG_VAL, (a0) }, { ARG_VAL, 0 }, { ARG_VAL, 0 } }, \
	  { { how, want }, { EXP_ANY, 0 } }, sect }

/*
 * Calls with a result the specification fixes. ROW_IF_PRESENT rows run
 * when SMCCC_ARCH_FEATURES(probe) is >= 0 (probe 0: the row's own ID);
 * with SMCCC 1.0 (no ARCH_FEATURES) they are skipped.
 */
static const struct spec_call spec_smccc_calls[] = {
	SMCCC_ROW("(unassigned IDs)", "unassigned Arm Architecture Call 0x80000100: W0 = 0xFFFFFFFF",
		  SMCCC_ARCH_UNASSIGNED, ROW_ALWAYS, 0, 0, EXP_EQ32, (int32_t)SMCCC_UNKNOWN_FID,
		  "DEN0028 Unknown Function Identifier"),
	SMCCC_ROW("SMCCC_VERSION", "returns a version: bit 31 clear", SMCCC_VERSION,
		  ROW_IF_PRESENT, SMCCC_ARCH_FEATURES, 0, EXP_GE0, 0, "DEN0028 7 SMCCC_VERSION"),
	SMCCC_ROW("SMCCC_ARCH_FEATURES", "ARCH_FEATURES(unassigned 0x80000100) returns NOT_SUPPORTED",
		  SMCCC_ARCH_FEATURES, ROW_IF_PRESENT, SMCCC_ARCH_FEATURES, SMCCC_ARCH_UNASSIGNED,
		  EXP_EQ32, SMCCC_NOT_SUPPORTED, "DEN0028 7 SMCCC_ARCH_FEATURES"),
	SMCCC_ROW("SMCCC_ARCH_SOC_ID", "SoC_ID_type 0 (version): bit 31 clear", SMCCC_ARCH_SOC_ID,
		  ROW_IF_PRESENT, 0, 0, EXP_GE0, 0, "DEN0028 7 SMCCC_ARCH_SOC_ID"),
	SMCCC_ROW("SMCCC_ARCH_SOC_ID", "SoC_ID_type 1 (revision): bit 31 clear", SMCCC_ARCH_SOC_ID,
		  ROW_IF_PRESENT, 0, 1, EXP_GE0, 0, "DEN0028 7 SMCCC_ARCH_SOC_ID"),
	SMCCC_ROW("SMCCC_ARCH_SOC_ID", "SoC_ID_type 2 (undefined): INVALID_PARAMETER",
		  SMCCC_ARCH_SOC_ID, ROW_IF_PRESENT, 0, 2, EXP_EQ32, SMCCC_INVALID_PARAMETER,
		  "DEN0028 7 SMCCC_ARCH_SOC_ID"),
	SMCCC_ROW("SMCCC_ARCH_WORKAROUND_1", "returns to the caller", SMCCC_ARCH_WORKAROUND_1,
		  ROW_IF_PRESENT, 0, 0, EXP_ANY, 0, "DEN0028 7 SMCCC_ARCH_WORKAROUND_1"),
	SMCCC_ROW("SMCCC_ARCH_WORKAROUND_3", "returns to the caller", SMCCC_ARCH_WORKAROUND_3,
		  ROW_IF_PRESENT, 0, 0, EXP_ANY, 0, "DEN0028 7 SMCCC_ARCH_WORKAROUND_3"),
};

/* The optional Arm Architecture Calls, probed with SMCCC_ARCH_FEATURES:
 * its result for each must be one DEN0028 defines for that call. */
static const struct {
	const char *fn;
	uint32_t fid;
	const char *section;
} spec_smccc_optional[] = {
	{ "SMCCC_ARCH_SOC_ID", SMCCC_ARCH_SOC_ID, "DEN0028 7 SMCCC_ARCH_SOC_ID" },
	{ "SMCCC_ARCH_WORKAROUND_1", SMCCC_ARCH_WORKAROUND_1, "DEN0028 7 SMCCC_ARCH_WORKAROUND_1" },
	{ "SMCCC_ARCH_WORKAROUND_2", SMCCC_ARCH_WORKAROUND_2, "DEN0028 7 SMCCC_ARCH_WORKAROUND_2" },
	{ "SMCCC_ARCH_WORKAROUND_3", SMCCC_ARCH_WORKAROUND_3, "DEN0028 7 SMCCC_ARCH_WORKAROUND_3" },
};

#endif /* KIT_SPEC_SMCCC_H */
