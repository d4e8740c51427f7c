/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_kvm_x86.c - KVM x86 hypercalls through the real trap,
 * both VMMCALL and VMCALL (the latter reaches an SVM hypervisor as #UD,
 * which it decodes and emulates).
 *
 * Expected values come from KVM's documentation and code, written here
 * independently of <hcall/abi/kvm_x86.h>: number in rax, arguments in
 * rbx, rcx, rdx, rsi, result in rax, nothing else clobbered; unknown
 * number -KVM_ENOSYS (-1000); CPL > 0 gets -KVM_EPERM (-1).
 */
#include <hcall/abi/probe.h>
#include <hcall/kvm_x86.h>

#include "guest.h"
#include "tap.h"
#include "x86/x86_guest.h"

#define R_RAX 0
#define R_RCX 1
#define R_RDX 2
#define R_RBX 3
#define R_RSI 6
#define KVM_ENOSYS (-1000)
#define KVM_EPERM (-1)
#define KVM_EOPNOTSUPP (-95)

static struct hcall_regs frame __attribute__((aligned(16)));

static const char *conduit_name(int kind)
{
	return kind == X86_TRAP_VMCALL ? "VMCALL" : "VMMCALL";
}

static void fill(uint64_t in[16], unsigned salt)
{
	for (unsigned i = 0; i < 16; i++)
		in[i] = 0x5a00000000000000ull | ((uint64_t)salt << 32) | (i * 0x01010101u);
	in[4] = 0;
}

/* ECHO with every GPR loaded: the result register gets pattern 0, every
 * other register comes back as loaded, and DUMP shows the hypervisor saw
 * the number and arguments in the documented registers and every other
 * GPR as loaded. */
static void roles(int kind)
{
	uint64_t in[16], out[16];
	unsigned bad = 0, badframe = 0;

	fill(in, (unsigned)kind + 1);
	in[R_RAX] = HCALL_PROBE_X86_ECHO;
	x86_trap_all(kind, in, out);
	tap_puts("# conduit ");
	tap_puts(conduit_name(kind));
	tap_putc('\n');
	tap_eq("kvm result in rax", out[R_RAX], HCALL_PROBE_PATTERN(0));
	for (unsigned i = 1; i < 16; i++)
		if (i != 4 && out[i] != in[i]) {
			tap_note_hex("changed register", i);
			bad++;
		}
	tap_check(!bad, "kvm preserves every register but rax");

	uint64_t r = hcall_kvm_x86_call1_on((enum hcall_x86_conduit)(kind == X86_TRAP_VMCALL
			? HCALL_X86_CONDUIT_VMCALL : HCALL_X86_CONDUIT_VMMCALL),
			HCALL_PROBE_X86_DUMP, (uint64_t)(uintptr_t)&frame);
	if (!tap_eq("kvm probe DUMP returns 0", r, 0))
		return;
	tap_eq("kvm number in rax", frame.r[R_RAX], HCALL_PROBE_X86_ECHO);
	tap_eq("kvm arg0 in rbx", frame.r[R_RBX], in[R_RBX]);
	tap_eq("kvm arg1 in rcx", frame.r[R_RCX], in[R_RCX]);
	tap_eq("kvm arg2 in rdx", frame.r[R_RDX], in[R_RDX]);
	tap_eq("kvm arg3 in rsi", frame.r[R_RSI], in[R_RSI]);
	for (unsigned i = 0; i < 16; i++)
		if (i != 4 && frame.r[i] != in[i]) {
			tap_note_hex("frame differs at register", i);
			badframe++;
		}
	tap_check(!badframe, "hypervisor saw all 15 GPRs as loaded");
}

/* The header's raw call: the number and four arguments must land where
 * the documentation puts them (this is what catches a wrong register
 * role in <hcall/abi/kvm_x86.h>). */
static void wrapper_roles(int kind)
{
	const enum hcall_x86_conduit c = kind == X86_TRAP_VMCALL ? HCALL_X86_CONDUIT_VMCALL
								  : HCALL_X86_CONDUIT_VMMCALL;
	const uint64_t a[4] = { 0x6b00000000000001ull, 0x6b00000000000002ull,
				0x6b00000000000003ull, 0x6b00000000000004ull };

	tap_eq("kvm call4: result in rax",
	       hcall_kvm_x86_call4_on(c, HCALL_PROBE_X86_ECHO, a[0], a[1], a[2], a[3]),
	       HCALL_PROBE_PATTERN(0));
	if (!tap_eq("kvm probe DUMP returns 0",
		    hcall_kvm_x86_call1_on(c, HCALL_PROBE_X86_DUMP, (uint64_t)(uintptr_t)&frame), 0))
		return;
	tap_eq("kvm call4: number in rax", frame.r[R_RAX], HCALL_PROBE_X86_ECHO);
	tap_eq("kvm call4: arg0 in rbx", frame.r[R_RBX], a[0]);
	tap_eq("kvm call4: arg1 in rcx", frame.r[R_RCX], a[1]);
	tap_eq("kvm call4: arg2 in rdx", frame.r[R_RDX], a[2]);
	tap_eq("kvm call4: arg3 in rsi", frame.r[R_RSI], a[3]);
}

static uint64_t user_vapic_poll(uint64_t arg)
{
	(void)arg;
	return hcall_kvm_x86_call0(HCALL_KVM_X86_VAPIC_POLL_IRQ);
}

static void calls(void)
{
	struct hcall_result r;

	r = hcall_kvm_x86_vapic_poll_irq();
	tap_eq("kvm vapic_poll_irq = 0", (uint64_t)r.code, 0);
	guest_demo_value("kvm x86", "vapic_poll_irq (VMMCALL)", r.code);
	r = hcall_kvm_x86_vapic_poll_irq_on(HCALL_X86_CONDUIT_VMCALL);
	tap_eq("kvm vapic_poll_irq via VMCALL = 0", (uint64_t)r.code, 0);
	guest_demo_value("kvm x86", "vapic_poll_irq (VMCALL via #UD)", r.code);
	r = hcall_kvm_x86_kick_cpu(0);
	tap_eq("kvm kick_cpu = 0", (uint64_t)r.code, 0);
	r = hcall_kvm_x86_sched_yield(0);
	tap_eq("kvm sched_yield = 0", (uint64_t)r.code, 0);
	r = hcall_kvm_x86_clock_pairing(0x1000, 0);
	tap_eq("kvm clock_pairing = -EOPNOTSUPP (no TSC host clock)",
	       (uint64_t)r.code, (uint64_t)KVM_EOPNOTSUPP);
	guest_demo_value("kvm x86", "clock_pairing", r.code);
	r = hcall_kvm_x86_send_ipi(1, 0, 0, 0xf0);
	tap_eq("kvm send_ipi = -KVM_ENOSYS (PV_SEND_IPI not advertised)",
	       (uint64_t)r.code, (uint64_t)KVM_ENOSYS);
	tap_check(r.status == HCALL_E_NOT_SUPPORTED, "kvm -KVM_ENOSYS maps to E_NOT_SUPPORTED");
	r = hcall_kvm_x86_map_gpa_range(0x100000, 1, 0);
	tap_eq("kvm map_gpa_range = -KVM_ENOSYS (not advertised)",
	       (uint64_t)r.code, (uint64_t)KVM_ENOSYS);
	tap_eq("kvm unknown number 0x7777 = -KVM_ENOSYS",
	       hcall_kvm_x86_call0(0x7777), (uint64_t)KVM_ENOSYS);
	if (guest_need(GUEST_CAP_PRIVILEGE, "kvm call from ring 3 = -KVM_EPERM")) {
		r.code = (int64_t)guest_call_user(user_vapic_poll, 0);
		tap_eq("kvm call from ring 3 = -KVM_EPERM", (uint64_t)r.code,
		       (uint64_t)KVM_EPERM);
		guest_demo_value("kvm x86", "vapic_poll_irq from ring 3", r.code);
	}
	tap_eq("kvm DUMP to an address outside the VM = -KVM_EFAULT",
	       hcall_kvm_x86_call1(HCALL_PROBE_X86_DUMP, 0x40000000ull),
	       (uint64_t)-14);
}

static void run(void)
{
	roles(X86_TRAP_VMMCALL);
	wrapper_roles(X86_TRAP_VMMCALL);
	roles(X86_TRAP_VMCALL);
	wrapper_roles(X86_TRAP_VMCALL);
	calls();
}

GUEST_CHECK("kvm x86", run);
