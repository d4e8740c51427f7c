/* SPDX-License-Identifier: MIT */
/*
 * tests/user/check_hvisor.c - the hvisor convention through the hv core.
 * Register numbers and codes are written here from the hvisor seed
 * (shared/seeds/hvisor-hypercall.md), the probe numbers from
 * <hcall/abi/probe.h>; they are not read from the ABI table.
 */
#include <hcall/abi/probe.h>
#include <hcall/hvisor.h>

#include "guest.h"
#include "roles.h"
#include "tap.h"
#include "user.h"

#if HCALL_TARGET_ARM64
/* hvc #0x4856, x0 = code, x1 = arg0, x2 = arg1; x0 = result. */
#define CONV "hvisor/arm64"
#define SPEC_CODE 0
#define SPEC_ARG0 1
#define SPEC_ARG1 2
#else
/* ecall, a7 = 0x114514, a0 = code, a1 = arg0, a2 = arg1;
 * a0 = error, a1 = value. */
#define CONV "hvisor/riscv64 (simulated transport)"
#define SPEC_EID 17
#define SPEC_CODE 10
#define SPEC_ARG0 11
#define SPEC_ARG1 12
#endif

#define SPEC_ZONE_LIST 4
#define SPEC_EFAULT (-14)
#define SPEC_ENOSYS (-38)

static struct hcall_regs dump;
static struct hcall_hvisor_zone_info zones[4];

/* The status of a raw result: x0 on arm64, a0 on riscv. */
static int64_t raw_status(struct hcall_hvisor_ret r)
{
	return (int64_t)r.error;
}

static void check_roles(void)
{
	const uint64_t a0 = ROLE_ARG(0), a1 = ROLE_ARG(1);
	uint64_t before = user_trap_count();
	struct hcall_hvisor_ret r;

	r = hcall_hvisor_call(HCALL_PROBE_HVISOR_ECHO, a0, a1);
	roles_eq(CONV, "the call reached the hv core", user_trap_count() - before, 1);
#if HCALL_TARGET_ARM64
	roles_eq(CONV, "probe echo result in x0", r.value, HCALL_PROBE_PATTERN(0));
#else
	roles_eq(CONV, "probe echo error in a0", r.error, 0);
	roles_eq(CONV, "probe echo value in a1", r.value, HCALL_PROBE_PATTERN(1));
#endif
	r = hcall_hvisor_call(HCALL_PROBE_HVISOR_DUMP, (uint64_t)(uintptr_t)&dump, 0);
	roles_eq(CONV, "probe dump succeeds", (uint64_t)raw_status(r), 0);
	{
		const struct role roles[] = {
#if HCALL_TARGET_ARM64
			{ "code in x0", SPEC_CODE, HCALL_PROBE_HVISOR_ECHO },
			{ "arg0 in x1", SPEC_ARG0, a0 },
			{ "arg1 in x2", SPEC_ARG1, a1 },
#else
			{ "extension 0x114514 in a7", SPEC_EID, 0x114514 },
			{ "code in a0", SPEC_CODE, HCALL_PROBE_HVISOR_ECHO },
			{ "arg0 in a1", SPEC_ARG0, a0 },
			{ "arg1 in a2", SPEC_ARG1, a1 },
#endif
		};
		roles_check(CONV, &dump, roles, sizeof(roles) / sizeof(roles[0]));
	}
}

static void check_wrappers(void)
{
	struct hcall_result res;
	struct hcall_hvisor_ret r;

	/* The process is the root zone "root" (id 0, running); zone1 (id 1)
	 * is configured and not started. */
	res = hcall_hvisor_zone_list((uint64_t)(uintptr_t)zones, 4);
	roles_eq(CONV, "zone_list succeeds", res.status, HCALL_OK);
	roles_eq(CONV, "zone_list returns two zones", res.value, 2);
	roles_eq(CONV, "zone_list[0] is zone 0", zones[0].zone_id, 0);
	roles_eq(CONV, "zone_list[0] is running", zones[0].flags & 1u, 1);
	roles_eq(CONV, "zone_list[0] is named root",
		 zones[0].name[0] == 'r' && zones[0].name[1] == 'o' &&
			 zones[0].name[2] == 'o' && zones[0].name[3] == 't' &&
			 zones[0].name[4] == 0, 1);
	roles_eq(CONV, "zone_list[1] is zone 1", zones[1].zone_id, 1);
	roles_eq(CONV, "zone_list[1] is not running", zones[1].flags & 1u, 0);

	/* A buffer outside the VM's memory: -EFAULT. */
	r = hcall_hvisor_call(SPEC_ZONE_LIST, 0x10, 4);
	roles_eq(CONV, "zone_list to an unmapped address is -EFAULT",
		 (uint64_t)raw_status(r), (uint64_t)SPEC_EFAULT);
	res = hcall_hvisor_zone_list(0x10, 4);
	roles_eq(CONV, "typed zone_list maps -EFAULT to E_INVALID_ADDRESS",
		 res.status, HCALL_E_INVALID_ADDRESS);

	/* An unknown code: -ENOSYS from hcall's core. */
	r = hcall_hvisor_call(0x7777, 0, 0);
	roles_eq(CONV, "an unknown code is -ENOSYS", (uint64_t)raw_status(r),
		 (uint64_t)SPEC_ENOSYS);

	tap_skip(CONV ": a call from user privilege is refused", USER_PRIV_SKIP);
}

static void run(void)
{
	check_roles();
	check_wrappers();
}

GUEST_CHECK("hvisor", run);
