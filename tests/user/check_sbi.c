/* SPDX-License-Identifier: MIT */
/*
 * tests/user/check_sbi.c - the RISC-V SBI convention through the hv core.
 * In user mode this goes through the SIMULATED transport: ecall is a Linux
 * system call under qemu-riscv64, so it cannot be trapped; the system
 * suite checks the real ecall. Roles from the SBI specification: a7 = EID,
 * a6 = FID, a0-a5 = arguments; a0 = error, a1 = value.
 */
#include <hcall/abi/probe.h>
#include <hcall/sbi.h>

#include "guest.h"
#include "roles.h"
#include "tap.h"
#include "user.h"

#define CONV "sbi/riscv64 (simulated transport)"
#define SPEC_A0 10
#define SPEC_A6 16
#define SPEC_A7 17
#define SPEC_BASE_EID 0x10
#define SPEC_BASE_GET_SPEC_VERSION 0
#define SPEC_BASE_PROBE_EXTENSION 3
#define SPEC_ERR_NOT_SUPPORTED (-2)

static struct hcall_regs dump;

static void check_roles(void)
{
	static const char *const what[6] = {
		"arg0 in a0", "arg1 in a1", "arg2 in a2",
		"arg3 in a3", "arg4 in a4", "arg5 in a5",
	};
	uint64_t before = user_trap_count();
	struct hcall_sbi_ret r;
	struct role roles[8];

	r = hcall_sbi_call6(HCALL_PROBE_SBI_EID, HCALL_PROBE_SBI_FID_ECHO,
			    ROLE_ARG(0), ROLE_ARG(1), ROLE_ARG(2), ROLE_ARG(3),
			    ROLE_ARG(4), ROLE_ARG(5));
	roles_eq(CONV, "the call reached the hv core", user_trap_count() - before, 1);
	roles_eq(CONV, "probe echo error in a0", (uint64_t)r.error, 0);
	roles_eq(CONV, "probe echo value in a1", r.value, HCALL_PROBE_PATTERN(1));
	r = hcall_sbi_call1(HCALL_PROBE_SBI_EID, HCALL_PROBE_SBI_FID_DUMP,
			    (uint64_t)(uintptr_t)&dump);
	roles_eq(CONV, "probe dump succeeds", (uint64_t)r.error, 0);

	roles[0].what = "extension ID in a7";
	roles[0].idx = SPEC_A7;
	roles[0].want = HCALL_PROBE_SBI_EID;
	roles[1].what = "function ID in a6";
	roles[1].idx = SPEC_A6;
	roles[1].want = HCALL_PROBE_SBI_FID_ECHO;
	for (unsigned i = 0; i < 6; i++) {
		roles[2 + i].what = what[i];
		roles[2 + i].idx = SPEC_A0 + i;
		roles[2 + i].want = ROLE_ARG(i);
	}
	roles_check(CONV, &dump, roles, 8);
}

static void check_base(void)
{
	struct hcall_sbi_ret r;

	r = hcall_sbi_call0(SPEC_BASE_EID, SPEC_BASE_GET_SPEC_VERSION);
	roles_eq(CONV, "base get_spec_version succeeds", (uint64_t)r.error, 0);
	roles_eq(CONV, "spec version has bit 31 clear", r.value >> 31, 0);
	r = hcall_sbi_call1(SPEC_BASE_EID, SPEC_BASE_PROBE_EXTENSION, SPEC_BASE_EID);
	roles_eq(CONV, "base probe_extension(base) succeeds", (uint64_t)r.error, 0);
	roles_eq(CONV, "base extension is present", r.value != 0, 1);
	r = hcall_sbi_call0(0x0B000000u, 0);
	roles_eq(CONV, "an unknown extension is SBI_ERR_NOT_SUPPORTED",
		 (uint64_t)r.error, (uint64_t)SPEC_ERR_NOT_SUPPORTED);
	tap_skip(CONV ": an ecall from VU-mode never reaches the hypervisor",
		 USER_PRIV_SKIP);
}

static void run(void)
{
	check_roles();
	check_base();
}

GUEST_CHECK("sbi", run);
