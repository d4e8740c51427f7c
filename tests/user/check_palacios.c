/* SPDX-License-Identifier: MIT */
/*
 * tests/user/check_palacios.c - Palacios hypercalls through the hv core
 * with the real VMMCALL (under qemu-x86_64). Roles from the Palacios seed
 * (shared/seeds/palacios-hypercall.txt): number in rax, up to four
 * arguments in rbx, rcx, rdx, rsi, return value in rax.
 */
#include <hcall/abi/probe.h>
#include <hcall/palacios.h>

#include "guest.h"
#include "roles.h"
#include "tap.h"
#include "user.h"

#define CONV "palacios/vmmcall"
#define SPEC_RAX 0
#define SPEC_RCX 1
#define SPEC_RDX 2
#define SPEC_RBX 3
#define SPEC_RSI 6

static struct hcall_regs dump;

static void run(void)
{
	uint64_t before = user_trap_count();
	struct hcall_palacios_ret r;

	r = hcall_palacios_call4_on(HCALL_X86_CONDUIT_VMMCALL, HCALL_PROBE_X86_ECHO,
				    ROLE_ARG(0), ROLE_ARG(1), ROLE_ARG(2),
				    ROLE_ARG(3));
	roles_eq(CONV, "the call reached the hv core", user_trap_count() - before, 1);
	roles_eq(CONV, "result in rax", r.rax, HCALL_PROBE_PATTERN(0));
	r = hcall_palacios_call1_on(HCALL_X86_CONDUIT_VMMCALL, HCALL_PROBE_X86_DUMP,
				    (uint64_t)(uintptr_t)&dump);
	roles_eq(CONV, "probe dump succeeds", r.rax, 0);
	{
		const struct role roles[] = {
			{ "number in rax", SPEC_RAX, HCALL_PROBE_X86_ECHO },
			{ "arg0 in rbx", SPEC_RBX, ROLE_ARG(0) },
			{ "arg1 in rcx", SPEC_RCX, ROLE_ARG(1) },
			{ "arg2 in rdx", SPEC_RDX, ROLE_ARG(2) },
			{ "arg3 in rsi", SPEC_RSI, ROLE_ARG(3) },
		};
		roles_check(CONV, &dump, roles, sizeof(roles) / sizeof(roles[0]));
	}
	tap_skip(CONV ": a call from CPL 3 is refused", USER_PRIV_SKIP);
}

GUEST_CHECK("palacios", run);
