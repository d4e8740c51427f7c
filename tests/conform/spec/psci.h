/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/spec/psci.h - what Arm DEN0022 (Power State Coordination
 * Interface, issue D.b / PSCI 1.1, numbers unchanged up to 1.3) requires
 * of each function, as data for the arm64 conformance guest.
 *
 * Written from the specification, not from any implementation (hcall's
 * own tables in include/hcall/abi/ are deliberately not used here). The
 * function IDs also match Linux's include/uapi/linux/psci.h.
 *
 * "section" names where DEN0022 says it: chapter 5 describes each
 * function under its own name; the table of function IDs and of which
 * functions are mandatory is at the start of that chapter ("Function
 * IDs"/"Function implementation requirements"); return codes are in the
 * "Return error codes" table.
 */
#ifndef KIT_SPEC_PSCI_H
#define KIT_SPEC_PSCI_H

#include <stdint.h>

#include "call.h"

/* Return codes (DEN0022 "Return error codes"). */
#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED (-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_DENIED (-3)
#define PSCI_ALREADY_ON (-4)
#define PSCI_ON_PENDING (-5)
#define PSCI_INTERNAL_FAILURE (-6)
#define PSCI_NOT_PRESENT (-7)
#define PSCI_DISABLED (-8)
#define PSCI_INVALID_ADDRESS (-9)

static const struct spec_name spec_psci_errors[] = {
	{ PSCI_SUCCESS, "SUCCESS" },
	{ PSCI_NOT_SUPPORTED, "NOT_SUPPORTED" },
	{ PSCI_INVALID_PARAMETERS, "INVALID_PARAMETERS" },
	{ PSCI_DENIED, "DENIED" },
	{ PSCI_ALREADY_ON, "ALREADY_ON" },
	{ PSCI_ON_PENDING, "ON_PENDING" },
	{ PSCI_INTERNAL_FAILURE, "INTERNAL_FAILURE" },
	{ PSCI_NOT_PRESENT, "NOT_PRESENT" },
	{ PSCI_DISABLED, "DISABLED" },
	{ PSCI_INVALID_ADDRESS, "INVALID_ADDRESS" },
};

/* Function IDs: SMC32 0x84000000 + n, SMC64 0xC4000000 + n. */
#define PSCI_FN32(n) (0x84000000u + (n))
#define PSCI_FN64(n) (0xC4000000u + (n))

#define PSCI_VERSION PSCI_FN32(0x00)
#define PSCI_CPU_SUSPEND_64 PSCI_FN64(0x01)
#define PSCI_CPU_OFF PSCI_FN32(0x02)
#define PSCI_CPU_ON_64 PSCI_FN64(0x03)
#define PSCI_AFFINITY_INFO_64 PSCI_FN64(0x04)
#define PSCI_MIGRATE_INFO_TYPE PSCI_FN32(0x06)
#define PSCI_SYSTEM_OFF PSCI_FN32(0x08)
#define PSCI_SYSTEM_RESET PSCI_FN32(0x09)
#define PSCI_FEATURES PSCI_FN32(0x0A)
#define PSCI_NODE_HW_STATE_64 PSCI_FN64(0x0D)
/* Function number 0x1F of the PSCI range is not assigned by any issue. */
#define PSCI_UNASSIGNED_32 PSCI_FN32(0x1F)
#define PSCI_UNASSIGNED_64 PSCI_FN64(0x1F)

/* PSCI_VERSION: major in bits 30:16, minor in 15:0, bit 31 zero. */
#define PSCI_VER(major, minor) (((uint32_t)(major) << 16) | (minor))

/* AFFINITY_INFO results ("AFFINITY_INFO"). */
#define PSCI_AFF_ON 0
#define PSCI_AFF_OFF 1
#define PSCI_AFF_ON_PENDING 2
/* NODE_HW_STATE results ("NODE_HW_STATE"). */
#define PSCI_HW_ON 0
/* MIGRATE_INFO_TYPE results: 0 uniprocessor migrate-capable Trusted OS,
 * 1 uniprocessor not migrate-capable, 2 none or multiprocessor. */
#define PSCI_MIGRATE_TYPE_MAX 2
/* MPIDR affinity fields Aff3 (39:32), Aff2..Aff0 (23:0). */
#define PSCI_MPIDR_AFF_MASK 0xFF00FFFFFFull

/* How a function must be present for an AArch64 caller. */
enum spec_need {
	SPEC_MANDATORY, /* "Mandatory" in the requirements table */
	SPEC_OPTIONAL,  /* "Optional": probe with PSCI_FEATURES first */
};

/* What PSCI_FEATURES returns for an implemented function: CPU_SUSPEND
 * returns feature flags (bit 1 StateID format, bit 0 OS-initiated mode;
 * bits 31:2 zero); every other function 0. */
enum spec_psci_flags {
	SPEC_FLAGS_ZERO,
	SPEC_FLAGS_CPU_SUSPEND,
	SPEC_FLAGS_BITMASK, /* SYSTEM_OFF2: the supported types, bit 31 clear */
};

struct spec_psci_fn {
	const char *name;
	uint32_t fid;
	uint32_t since;   /* first PSCI version that defines it */
	enum spec_need need;
	enum spec_psci_flags flags;
	const char *section;
};

/*
 * Every function of PSCI up to 1.3 (SYSTEM_OFF2 is 1.3's, DEN0022 issue
 * F). For the functions with an SMC32 and an SMC64 ID, an AArch64 caller passes 64-bit addresses and MPIDRs through
 * the SMC64 ID, so the kit requires that one where the function is
 * mandatory and probes the SMC32 one (an AArch64-only implementation may
 * leave it out).
 */
static const struct spec_psci_fn spec_psci_fns[] = {
	{ "PSCI_VERSION", PSCI_FN32(0x00), PSCI_VER(0, 2), SPEC_MANDATORY, SPEC_FLAGS_ZERO,
	  "DEN0022 5 PSCI_VERSION; requirements table" },
	{ "CPU_SUSPEND (SMC64)", PSCI_FN64(0x01), PSCI_VER(0, 2), SPEC_MANDATORY, SPEC_FLAGS_CPU_SUSPEND,
	  "DEN0022 5 CPU_SUSPEND, PSCI_FEATURES; requirements table" },
	{ "CPU_SUSPEND (SMC32)", PSCI_FN32(0x01), PSCI_VER(0, 2), SPEC_OPTIONAL, SPEC_FLAGS_CPU_SUSPEND,
	  "DEN0022 5 CPU_SUSPEND, PSCI_FEATURES" },
	{ "CPU_OFF", PSCI_FN32(0x02), PSCI_VER(0, 2), SPEC_MANDATORY, SPEC_FLAGS_ZERO,
	  "DEN0022 5 CPU_OFF; requirements table" },
	{ "CPU_ON (SMC64)", PSCI_FN64(0x03), PSCI_VER(0, 2), SPEC_MANDATORY, SPEC_FLAGS_ZERO,
	  "DEN0022 5 CPU_ON; requirements table" },
	{ "CPU_ON (SMC32)", PSCI_FN32(0x03), PSCI_VER(0, 2), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 CPU_ON" },
	{ "AFFINITY_INFO (SMC64)", PSCI_FN64(0x04), PSCI_VER(0, 2), SPEC_MANDATORY, SPEC_FLAGS_ZERO,
	  "DEN0022 5 AFFINITY_INFO; requirements table" },
	{ "AFFINITY_INFO (SMC32)", PSCI_FN32(0x04), PSCI_VER(0, 2), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 AFFINITY_INFO" },
	{ "MIGRATE (SMC64)", PSCI_FN64(0x05), PSCI_VER(0, 2), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 MIGRATE" },
	{ "MIGRATE_INFO_TYPE", PSCI_FN32(0x06), PSCI_VER(0, 2), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 MIGRATE_INFO_TYPE" },
	{ "MIGRATE_INFO_UP_CPU (SMC64)", PSCI_FN64(0x07), PSCI_VER(0, 2), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 MIGRATE_INFO_UP_CPU" },
	{ "SYSTEM_OFF", PSCI_FN32(0x08), PSCI_VER(0, 2), SPEC_MANDATORY, SPEC_FLAGS_ZERO,
	  "DEN0022 5 SYSTEM_OFF; requirements table" },
	{ "SYSTEM_RESET", PSCI_FN32(0x09), PSCI_VER(0, 2), SPEC_MANDATORY, SPEC_FLAGS_ZERO,
	  "DEN0022 5 SYSTEM_RESET; requirements table" },
	{ "PSCI_FEATURES", PSCI_FN32(0x0A), PSCI_VER(1, 0), SPEC_MANDATORY, SPEC_FLAGS_ZERO,
	  "DEN0022 5 PSCI_FEATURES; requirements table" },
	{ "CPU_FREEZE", PSCI_FN32(0x0B), PSCI_VER(1, 0), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 CPU_FREEZE" },
	{ "CPU_DEFAULT_SUSPEND (SMC64)", PSCI_FN64(0x0C), PSCI_VER(1, 0), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 CPU_DEFAULT_SUSPEND" },
	{ "NODE_HW_STATE (SMC64)", PSCI_FN64(0x0D), PSCI_VER(1, 0), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 NODE_HW_STATE" },
	{ "SYSTEM_SUSPEND (SMC64)", PSCI_FN64(0x0E), PSCI_VER(1, 0), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 SYSTEM_SUSPEND" },
	{ "PSCI_SET_SUSPEND_MODE", PSCI_FN32(0x0F), PSCI_VER(1, 0), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 PSCI_SET_SUSPEND_MODE" },
	{ "PSCI_STAT_RESIDENCY (SMC64)", PSCI_FN64(0x10), PSCI_VER(1, 0), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 PSCI_STAT_RESIDENCY" },
	{ "PSCI_STAT_COUNT (SMC64)", PSCI_FN64(0x11), PSCI_VER(1, 0), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 PSCI_STAT_COUNT" },
	{ "SYSTEM_RESET2 (SMC64)", PSCI_FN64(0x12), PSCI_VER(1, 1), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 SYSTEM_RESET2" },
	{ "MEM_PROTECT", PSCI_FN32(0x13), PSCI_VER(1, 1), SPEC_OPTIONAL, SPEC_FLAGS_ZERO,
	  "DEN0022 5 MEM_PROTECT" },
	{ "MEM_PROTECT_CHECK_RANGE (SMC64)", PSCI_FN64(0x14), PSCI_VER(1, 1), SPEC_OPTIONAL,
	  SPEC_FLAGS_ZERO, "DEN0022 5 MEM_PROTECT_CHECK_RANGE" },
	{ "SYSTEM_OFF2 (SMC64)", PSCI_FN64(0x15), PSCI_VER(1, 3), SPEC_OPTIONAL, SPEC_FLAGS_BITMASK,
	  "DEN0022F 5 SYSTEM_OFF2" },
	{ "SYSTEM_OFF2 (SMC32)", PSCI_FN32(0x15), PSCI_VER(1, 3), SPEC_OPTIONAL, SPEC_FLAGS_BITMASK,
	  "DEN0022F 5 SYSTEM_OFF2" },
};

/*
 * Calls with a result the specification fixes. Arguments: ARG_SELF is the
 * caller's own MPIDR affinity, ARG_NO_CPU an MPIDR no system has
 * (0xFF00FFFFFF), ARG_ENTRY an address of the guest's code. Optional
 * rows are probed with PSCI_FEATURES(probe or id) first.
 */
#define PSCI_ROW(fn, what, id, need, a0, a1, a2, how, want, sect) \
	{ fn, what, id, 0, 0, need, { a0, a1, a2 }, { { how, want }, { EXP_ANY, 0 } }, sect }
#define V(x) { ARG_VAL, (x) }
#define SELF { ARG_SELF, 0 }
#define NOCPU { ARG_NO_CPU, 0 }
#define ENTRY { ARG_ENTRY, 0 }

static const struct spec_call spec_psci_calls[] = {
	PSCI_ROW("PSCI_VERSION", "returns a version: bit 31 clear", PSCI_VERSION, ROW_ALWAYS,
		 V(0), V(0), V(0), EXP_GE0, 0, "DEN0022 5 PSCI_VERSION"),
	PSCI_ROW("(unassigned IDs)", "unassigned SMC32 PSCI ID 0x8400001F returns NOT_SUPPORTED",
		 PSCI_UNASSIGNED_32, ROW_ALWAYS, V(0), V(0), V(0), EXP_EQ32, PSCI_NOT_SUPPORTED,
		 "DEN0022 Return error codes; DEN0028 Unknown Function Identifier"),
	PSCI_ROW("(unassigned IDs)", "unassigned SMC64 PSCI ID 0xC400001F returns NOT_SUPPORTED",
		 PSCI_UNASSIGNED_64, ROW_ALWAYS, V(0), V(0), V(0), EXP_EQ32, PSCI_NOT_SUPPORTED,
		 "DEN0022 Return error codes; DEN0028 Unknown Function Identifier"),
	PSCI_ROW("PSCI_FEATURES", "PSCI_FEATURES(unassigned 0x8400001F) returns NOT_SUPPORTED",
		 PSCI_FEATURES, ROW_IF_PRESENT, V(PSCI_UNASSIGNED_32), V(0), V(0), EXP_EQ,
		 PSCI_NOT_SUPPORTED, "DEN0022 5 PSCI_FEATURES"),
	PSCI_ROW("AFFINITY_INFO (SMC64)", "the calling CPU, level 0, is ON",
		 PSCI_AFFINITY_INFO_64, ROW_ALWAYS, SELF, V(0), V(0), EXP_EQ, PSCI_AFF_ON,
		 "DEN0022 5 AFFINITY_INFO"),
	PSCI_ROW("AFFINITY_INFO (SMC64)", "a CPU that does not exist: INVALID_PARAMETERS",
		 PSCI_AFFINITY_INFO_64, ROW_ALWAYS, NOCPU, V(0), V(0), EXP_EQ,
		 PSCI_INVALID_PARAMETERS, "DEN0022 5 AFFINITY_INFO"),
	PSCI_ROW("AFFINITY_INFO (SMC32)", "the calling CPU, level 0, is ON",
		 PSCI_FN32(0x04), ROW_IF_PRESENT, SELF, V(0), V(0), EXP_EQ, PSCI_AFF_ON,
		 "DEN0022 5 AFFINITY_INFO"),
	PSCI_ROW("CPU_ON (SMC64)", "the calling CPU (already on): ALREADY_ON",
		 PSCI_CPU_ON_64, ROW_ALWAYS, SELF, ENTRY, V(0), EXP_EQ, PSCI_ALREADY_ON,
		 "DEN0022 5 CPU_ON"),
	PSCI_ROW("CPU_ON (SMC64)", "a CPU that does not exist: INVALID_PARAMETERS",
		 PSCI_CPU_ON_64, ROW_ALWAYS, NOCPU, ENTRY, V(0), EXP_EQ, PSCI_INVALID_PARAMETERS,
		 "DEN0022 5 CPU_ON"),
	PSCI_ROW("MIGRATE_INFO_TYPE", "returns 0, 1 or 2", PSCI_MIGRATE_INFO_TYPE, ROW_IF_PRESENT,
		 V(0), V(0), V(0), EXP_0_TO, PSCI_MIGRATE_TYPE_MAX, "DEN0022 5 MIGRATE_INFO_TYPE"),
	PSCI_ROW("NODE_HW_STATE (SMC64)", "the calling CPU, level 0, is HW_ON",
		 PSCI_NODE_HW_STATE_64, ROW_IF_PRESENT, SELF, V(0), V(0), EXP_EQ, PSCI_HW_ON,
		 "DEN0022 5 NODE_HW_STATE"),
};

#undef V
#undef SELF
#undef NOCPU
#undef ENTRY

#endif /* KIT_SPEC_PSCI_H */
