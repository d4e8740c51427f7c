/* SPDX-License-Identifier: MIT */
/*
 * tests/user/check_smccc.c - Arm SMCCC (with PSCI and the KVM vendor
 * services) through the hv core, with the real HVC #0 and SMC #0.
 * Register roles are written here from the SMCCC specification (DEN0028:
 * w0 = function ID, arguments x1-x7 (1.2: x1-x17), results x0-x3
 * (1.2: x0-x17)) and the KVM/arm64 hypercall seed, not read from the
 * ABI table.
 */
#include <hcall/abi/probe.h>
#include <hcall/smccc.h>

#include "guest.h"
#include "roles.h"
#include "tap.h"
#include "user.h"

#define SPEC_SMCCC_VERSION 0x80000000u
#define SPEC_PSCI_VERSION 0x84000000u
#define SPEC_VENDOR_HYP_CALL_UID 0x8600FF01u
#define SPEC_SIP_UNKNOWN 0x82000F00u /* fast SMC32, SiP owner, unused */
#define SPEC_NOT_SUPPORTED 0xFFFFFFFFu

static struct hcall_regs dump;
static struct hcall_smccc12_regs regs12;

/* x1..x7 of a dumped SMCCC 1.1 call carried the seven arguments. */
static void check_args(const char *conv, unsigned nargs)
{
	static const char *const what[] = {
		"arg1 in x1", "arg2 in x2", "arg3 in x3", "arg4 in x4",
		"arg5 in x5", "arg6 in x6", "arg7 in x7", "arg8 in x8",
		"arg9 in x9", "arg10 in x10", "arg11 in x11", "arg12 in x12",
		"arg13 in x13", "arg14 in x14", "arg15 in x15",
		"arg16 in x16", "arg17 in x17",
	};
	struct role roles[18];

	roles[0].what = "function ID in x0";
	roles[0].idx = 0;
	roles[0].want = HCALL_PROBE_SMCCC_ECHO;
	for (unsigned i = 1; i <= nargs; i++) {
		roles[i].what = what[i - 1];
		roles[i].idx = i;
		roles[i].want = ROLE_ARG(i);
	}
	roles_check(conv, &dump, roles, nargs + 1);
}

static void dump_frame(const char *conv)
{
	struct hcall_smccc_ret r;

	r = hcall_smccc_call1(HCALL_PROBE_SMCCC_DUMP, (uint64_t)(uintptr_t)&dump);
	roles_eq(conv, "probe dump succeeds", r.x0, 0);
}

static void check_conduit(const char *conv, enum hcall_smccc_conduit conduit)
{
	uint64_t before = user_trap_count();
	struct hcall_smccc_ret r;

	r = hcall_smccc_conduit_call7(conduit, HCALL_PROBE_SMCCC_ECHO,
				      ROLE_ARG(1), ROLE_ARG(2), ROLE_ARG(3),
				      ROLE_ARG(4), ROLE_ARG(5), ROLE_ARG(6),
				      ROLE_ARG(7));
	roles_eq(conv, "the call reached the hv core", user_trap_count() - before, 1);
	roles_eq(conv, "result 0 in x0", r.x0, HCALL_PROBE_PATTERN(0));
	roles_eq(conv, "result 1 in x1", r.x1, HCALL_PROBE_PATTERN(1));
	roles_eq(conv, "result 2 in x2", r.x2, HCALL_PROBE_PATTERN(2));
	roles_eq(conv, "result 3 in x3", r.x3, HCALL_PROBE_PATTERN(3));
	dump_frame(conv);
	check_args(conv, 7);
}

static void check_smccc12(void)
{
	const char *conv = "smccc1.2/hvc";

	regs12.x[0] = HCALL_PROBE_SMCCC_ECHO;
	for (unsigned i = 1; i < 18; i++)
		regs12.x[i] = ROLE_ARG(i);
	hcall_smccc12_call(&regs12, &regs12);
	roles_eq(conv, "result 0 in x0", regs12.x[0], HCALL_PROBE_PATTERN(0));
	dump_frame(conv);
	check_args(conv, 17);
}

static void check_services(void)
{
	struct hcall_smccc_ret r;

	r = hcall_smccc_call0(SPEC_SMCCC_VERSION);
	roles_eq("smccc", "SMCCC_VERSION is 1.1 or later",
		 (uint32_t)r.x0 >= 0x10001u && !((uint32_t)r.x0 >> 31), 1);
	r = hcall_smccc_call0(SPEC_PSCI_VERSION);
	roles_eq("psci", "PSCI_VERSION is 1.0 or later",
		 (uint32_t)r.x0 >= 0x10000u && !((uint32_t)r.x0 >> 31), 1);
	/* KVM/arm64 UID 28b46fb6-2ec5-11e9-a9ca-4b564d003a74, packed as
	 * four little-endian 32-bit words in w0..w3. */
	r = hcall_smccc_call0(SPEC_VENDOR_HYP_CALL_UID);
	roles_eq("kvm_arm64", "vendor UID word 0 in w0", (uint32_t)r.x0, 0xb66fb428u);
	roles_eq("kvm_arm64", "vendor UID word 1 in w1", (uint32_t)r.x1, 0xe911c52eu);
	roles_eq("kvm_arm64", "vendor UID word 2 in w2", (uint32_t)r.x2, 0x564bcaa9u);
	roles_eq("kvm_arm64", "vendor UID word 3 in w3", (uint32_t)r.x3, 0x743a004du);
	r = hcall_smccc_call0(SPEC_SIP_UNKNOWN);
	roles_eq("smccc", "an unknown function ID is NOT_SUPPORTED (-1)",
		 (uint32_t)r.x0, SPEC_NOT_SUPPORTED);
	tap_skip("smccc: HVC from EL0 is UNDEFINED", USER_PRIV_SKIP);
}

static void run(void)
{
	check_conduit("smccc/hvc", HCALL_SMCCC_HVC);
	check_conduit("smccc/smc", HCALL_SMCCC_SMC);
	check_smccc12();
	check_services();
}

GUEST_CHECK("smccc", run);
