/* SPDX-License-Identifier: MIT */
/*
 * tests/user/check_kvm_x86.c - KVM x86 hypercalls through the hv core with
 * the real VMCALL and VMMCALL (under qemu-x86_64). Roles from Linux's KVM
 * hypercall documentation: number in rax, arguments in rbx, rcx, rdx, rsi,
 * result in rax; an unknown number answers -KVM_ENOSYS (-1000).
 */
#include <hcall/abi/probe.h>
#include <hcall/kvm_x86.h>

#include "guest.h"
#include "roles.h"
#include "tap.h"
#include "user.h"

#define SPEC_RAX 0
#define SPEC_RCX 1
#define SPEC_RDX 2
#define SPEC_RBX 3
#define SPEC_RSI 6
#define SPEC_KVM_ENOSYS ((uint64_t)-1000)

static struct hcall_regs dump;

static void check_conduit(const char *conv, enum hcall_x86_conduit conduit)
{
	uint64_t before = user_trap_count();
	uint64_t rax;

	rax = hcall_kvm_x86_call4_on(conduit, HCALL_PROBE_X86_ECHO, ROLE_ARG(0),
				     ROLE_ARG(1), ROLE_ARG(2), ROLE_ARG(3));
	roles_eq(conv, "the call reached the hv core", user_trap_count() - before, 1);
	roles_eq(conv, "result in rax", rax, HCALL_PROBE_PATTERN(0));
	rax = hcall_kvm_x86_call1_on(conduit, HCALL_PROBE_X86_DUMP,
				     (uint64_t)(uintptr_t)&dump);
	roles_eq(conv, "probe dump succeeds", rax, 0);
	{
		const struct role roles[] = {
			{ "number in rax", SPEC_RAX, HCALL_PROBE_X86_ECHO },
			{ "arg0 in rbx", SPEC_RBX, ROLE_ARG(0) },
			{ "arg1 in rcx", SPEC_RCX, ROLE_ARG(1) },
			{ "arg2 in rdx", SPEC_RDX, ROLE_ARG(2) },
			{ "arg3 in rsi", SPEC_RSI, ROLE_ARG(3) },
		};
		roles_check(conv, &dump, roles, sizeof(roles) / sizeof(roles[0]));
	}
	rax = hcall_kvm_x86_call0_on(conduit, 0x7777);
	roles_eq(conv, "an unknown number is -KVM_ENOSYS", rax, SPEC_KVM_ENOSYS);
}

static void run(void)
{
	check_conduit("kvm_x86/vmcall", HCALL_X86_CONDUIT_VMCALL);
	check_conduit("kvm_x86/vmmcall", HCALL_X86_CONDUIT_VMMCALL);
	tap_skip("kvm_x86: a call from CPL 3 answers -KVM_EPERM", USER_PRIV_SKIP);
}

GUEST_CHECK("kvm_x86", run);
