/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_psci.c - PSCI through the real HVC.
 *
 * Expected values from Arm DEN0022 (PSCI), written here independently of
 * the headers: PSCI_VERSION 0x84000000, PSCI_FEATURES 0x8400000A,
 * AFFINITY_INFO64 0xC4000004, CPU_ON64 0xC4000003; NOT_SUPPORTED -1,
 * INVALID_PARAMETERS -2; AFFINITY_INFO answers 0 (ON) for the caller.
 * CPU_OFF and SYSTEM_OFF end a vCPU or the run: the normal VM calls
 * CPU_OFF (arm64/normal.c), guest_exit() calls SYSTEM_OFF.
 */
#include <hcall/psci.h>

#include "guest.h"
#include "tap.h"

#define SPEC_PSCI_VERSION 0x84000000u
#define SPEC_PSCI_FEATURES 0x8400000Au
#define SPEC_SMCCC_VERSION 0x80000000u
#define SPEC_NOT_SUPPORTED ((uint64_t)-1)
#define SPEC_INVALID_PARAMETERS ((uint64_t)-2)

static uint64_t sext32(uint64_t v)
{
	return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
}

static void check_psci(void)
{
	struct hcall_smccc_ret raw = hcall_smccc_call0(SPEC_PSCI_VERSION);
	struct hcall_result r;
	uint64_t mpidr;

#ifdef GUEST_PEER
	tap_eq("PSCI_VERSION is 1.1 (0x10001)", raw.x0, 0x10001);
#else
	tap_check(raw.x0 >= 0x10000 && raw.x0 <= 0x10003, "PSCI_VERSION is 1.x");
#endif
	r = hcall_psci_version();
	guest_demo("psci", "VERSION", r);
	tap_check(hcall_ok(r) && r.value == raw.x0, "hcall_psci_version agrees with the raw call");
	r = hcall_psci_features(SPEC_PSCI_VERSION);
	tap_check(hcall_ok(r), "PSCI_FEATURES(PSCI_VERSION) >= 0");
	r = hcall_psci_features(SPEC_SMCCC_VERSION);
	guest_demo("psci", "FEATURES(SMCCC_VERSION)", r);
#ifdef GUEST_PEER
	tap_eq("PSCI_FEATURES(SMCCC_VERSION) = NOT_SUPPORTED", sext32((uint64_t)r.code),
	       SPEC_NOT_SUPPORTED);
#else
	tap_check(hcall_ok(r), "PSCI_FEATURES(SMCCC_VERSION) >= 0 (SMCCC 1.1 present)");
#endif
	__asm__ __volatile__("mrs %0, mpidr_el1" : "=r"(mpidr));
	r = hcall_psci_affinity_info(mpidr & 0xff, 0);
	tap_check(hcall_ok(r) && r.value == 0, "AFFINITY_INFO(self) = ON");
	r = hcall_psci_cpu_on(0x7f, 0x40080000, 0);
	tap_eq("CPU_ON of a non-existent CPU: INVALID_PARAMETERS", sext32((uint64_t)r.code),
	       SPEC_INVALID_PARAMETERS);
	tap_skip("psci system_reset", "resetting would end the run before the plan");
}
GUEST_CHECK("psci", check_psci);
