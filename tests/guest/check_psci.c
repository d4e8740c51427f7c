/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_psci.c - PSCI through the real HVC.
 *
 * Expected values from Arm DEN0022F.b (PSCI), written here independently
 * of the headers: PSCI_VERSION 0x84000000, PSCI_FEATURES 0x8400000A,
 * CPU_SUSPEND64 0xC4000001, AFFINITY_INFO64 0xC4000004, CPU_ON64
 * 0xC4000003, MIGRATE 0x84000005 / 0xC4000005, MIGRATE_INFO_TYPE
 * 0x84000006; SUCCESS 0, NOT_SUPPORTED -1, INVALID_PARAMETERS -2;
 * AFFINITY_INFO answers 0 (ON) for the caller; with no Trusted OS,
 * MIGRATE_INFO_TYPE answers 2 and MIGRATE is NOT_SUPPORTED; CPU_SUSPEND
 * to a standby state (power_state 0: standby, level 0) returns SUCCESS
 * once the CPU wakes. CPU_OFF and SYSTEM_OFF end a vCPU or the run: the
 * normal VM calls CPU_OFF (arm64/normal.c), guest_exit() calls SYSTEM_OFF.
 *
 * With GUEST_PEER the answers are QEMU's own PSCI 1.1 firmware's (QEMU
 * 7.2, measured): SMCCC 1.0 (PSCI_FEATURES(SMCCC_VERSION) and
 * SMCCC_VERSION are NOT_SUPPORTED), CPU_SUSPEND is a WFI that the virtual
 * timer ends. On hcall's hypervisor the same checks run against its
 * virtual PSCI, plus the power-down states (CPU_SUSPEND type 1,
 * SYSTEM_SUSPEND), which must resume at the entry point with x0 = the
 * context ID.
 */
#include <hcall/psci.h>

#include "guest.h"
#include "tap.h"
#ifdef GUEST_PEER
#include "arm64/arm64_guest.h"
#endif

#define SPEC_PSCI_VERSION 0x84000000u
#define SPEC_PSCI_FEATURES 0x8400000Au
#define SPEC_CPU_SUSPEND64 0xC4000001u
#define SPEC_SMCCC_VERSION 0x80000000u
#define SPEC_SUCCESS 0
#define SPEC_NOT_SUPPORTED ((uint64_t)-1)
#define SPEC_INVALID_PARAMETERS ((uint64_t)-2)
#define SPEC_TOS_NOT_PRESENT_MP 2
#define SPEC_SMCCC_1_0 0x10000u
#define SPEC_STANDBY_LEVEL0 0u

static uint64_t sext32(uint64_t v)
{
	return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
}

/* The checks that hold for any PSCI 1.x without a Trusted OS. */
static void psci_1x_no_tos(void)
{
	struct hcall_result r;

	r = hcall_psci_migrate_info_type();
	guest_demo("psci", "MIGRATE_INFO_TYPE", r);
	tap_check(hcall_ok(r) && r.value == SPEC_TOS_NOT_PRESENT_MP,
		  "MIGRATE_INFO_TYPE = 2 (no Trusted OS to migrate)");
	r = hcall_psci_migrate(0);
	tap_eq("MIGRATE (SMC64) = NOT_SUPPORTED", sext32((uint64_t)r.code), SPEC_NOT_SUPPORTED);
	r = hcall_psci_migrate_32(0);
	tap_eq("MIGRATE (SMC32) = NOT_SUPPORTED", sext32((uint64_t)r.code), SPEC_NOT_SUPPORTED);
	r = hcall_psci_features(SPEC_CPU_SUSPEND64);
	guest_demo("psci", "FEATURES(CPU_SUSPEND)", r);
	tap_check(r.status == HCALL_OK && r.code == SPEC_SUCCESS,
		  "PSCI_FEATURES(CPU_SUSPEND) = SUCCESS");
}

#if !defined(GUEST_PEER) && !defined(USER_PLAN_ARM64_SERVICE)
/* tests/guest/arm64/suspend.S */
uint64_t arm64_suspend(uint64_t fid, uint64_t power_state, uint64_t system);

#define SPEC_CPU_SUSPEND_POWERDOWN (1u << 16) /* type bit, level 0 */
#define SPEC_SYSTEM_SUSPEND64 0xC400000Eu

/* Power-down states: the vCPU wakes at the entry point with x0 = the
 * context ID. */
static void powerdown(void)
{
	tap_eq("CPU_SUSPEND power-down wakes at the entry point with x0 = context ID",
	       arm64_suspend(SPEC_CPU_SUSPEND64, SPEC_CPU_SUSPEND_POWERDOWN, 0), 1);
	tap_eq("SYSTEM_SUSPEND (the VM's only vCPU) wakes at the entry point with x0 = context ID",
	       arm64_suspend(SPEC_SYSTEM_SUSPEND64, 0, 1), 1);
}
#endif

static void check_psci(void)
{
	struct hcall_smccc_ret raw = hcall_smccc_call0(SPEC_PSCI_VERSION);
	struct hcall_smccc_discovery d;
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
	r = hcall_smccc_discover(HCALL_SMCCC_HVC, &d);
	guest_demo("smccc", "discover(HVC)", r);
#ifdef GUEST_PEER
	tap_check(hcall_ok(r) && d.smccc_version == SPEC_SMCCC_1_0 &&
			  d.conduit == HCALL_SMCCC_HVC && d.psci_version == 0x10001,
		  "SMCCC discovery: 1.0 over HVC (PSCI 1.1)");
#else
	tap_check(hcall_ok(r) && d.smccc_version >= 0x10001 && d.conduit == HCALL_SMCCC_HVC,
		  "SMCCC discovery: 1.1 or later over HVC");
#endif
	__asm__ __volatile__("mrs %0, mpidr_el1" : "=r"(mpidr));
	r = hcall_psci_affinity_info(mpidr & 0xff, 0);
	tap_check(hcall_ok(r) && r.value == 0, "AFFINITY_INFO(self) = ON");
	r = hcall_psci_cpu_on(0x7f, 0x40080000, 0);
	tap_eq("CPU_ON of a non-existent CPU: INVALID_PARAMETERS", sext32((uint64_t)r.code),
	       SPEC_INVALID_PARAMETERS);
	psci_1x_no_tos();
#ifdef GUEST_PEER
	/* 62500 ticks: 1 ms of QEMU's 62.5 MHz counter. */
	arm64_wakeup_arm(62500);
#endif
	r = hcall_psci_cpu_suspend(SPEC_STANDBY_LEVEL0, 0, 0);
#ifdef GUEST_PEER
	arm64_wakeup_disarm();
#endif
	guest_demo("psci", "CPU_SUSPEND(standby)", r);
	tap_check(r.status == HCALL_OK && r.code == SPEC_SUCCESS,
		  "CPU_SUSPEND to standby returns SUCCESS after the wake-up");
#if defined(USER_PLAN_ARM64_SERVICE)
	tap_skip("CPU_SUSPEND and SYSTEM_SUSPEND power-down",
		 "user mode: the process's vCPU cannot be restarted at an entry point");
	tap_skip("SYSTEM_SUSPEND power-down", "user mode: as above");
#elif !defined(GUEST_PEER)
	powerdown();
#endif
	tap_skip("psci system_reset", "resetting would end the run before the plan");
}
GUEST_CHECK("psci", check_psci);
