/* SPDX-License-Identifier: MIT */
/*
 * tests/user/check_acrn.c - ACRN hypercalls through the hv core with the
 * real VMCALL (under qemu-x86_64). Roles from ACRN's hypercall interface
 * (shared/seeds/acrn-hypercall-upcall.*): hypercall ID in r8, param1 in
 * rdi, param2 in rsi, result in rax.
 */
#include <hcall/abi/probe.h>
#include <hcall/acrn.h>

#include "guest.h"
#include "roles.h"
#include "tap.h"
#include "user.h"

#define CONV "acrn/vmcall"
#define SPEC_RSI 6
#define SPEC_RDI 7
#define SPEC_R8 8

static struct hcall_regs dump;

static void run(void)
{
	uint64_t before = user_trap_count();
	uint64_t rax;

	rax = hcall_acrn_call2(HCALL_PROBE_ACRN_ECHO, ROLE_ARG(0), ROLE_ARG(1));
	roles_eq(CONV, "the call reached the hv core", user_trap_count() - before, 1);
	roles_eq(CONV, "result in rax", rax, HCALL_PROBE_PATTERN(0));
	rax = hcall_acrn_call1(HCALL_PROBE_ACRN_DUMP, (uint64_t)(uintptr_t)&dump);
	roles_eq(CONV, "probe dump succeeds", rax, 0);
	{
		const struct role roles[] = {
			{ "hypercall ID in r8", SPEC_R8, HCALL_PROBE_ACRN_ECHO },
			{ "param1 in rdi", SPEC_RDI, ROLE_ARG(0) },
			{ "param2 in rsi", SPEC_RSI, ROLE_ARG(1) },
		};
		roles_check(CONV, &dump, roles, sizeof(roles) / sizeof(roles[0]));
	}
	tap_skip(CONV ": a call from ring 3 gets #GP(0)", USER_PRIV_SKIP);
}

GUEST_CHECK("acrn", run);
