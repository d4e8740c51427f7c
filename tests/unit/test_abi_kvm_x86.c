/* SPDX-License-Identifier: MIT */
/*
 * KVM x86 through the simulated transport. Register numbers (x86 encoding
 * order) and call numbers are written here from Linux's
 * Documentation/virt/kvm/x86/hypercalls.rst and kvm_para.h, not taken from
 * the headers' tables.
 */
#include <criterion/criterion.h>
#include <hcall/describe.h>
#include <hcall/kvm_x86.h>
#include <string.h>

#include "sim_x86.h"

/* Spec: number in rax, arguments in rbx, rcx, rdx, rsi; result in rax:
 * check_rax_call() (sim_x86.h). */

/* kvm_para.h */
#define NR_VAPIC_POLL_IRQ 1
#define NR_KICK_CPU 5
#define NR_CLOCK_PAIRING 9
#define NR_SEND_IPI 10
#define NR_SCHED_YIELD 11
#define NR_MAP_GPA_RANGE 12

TestSuite(kvm_x86, .init = sim_reset);

/* Without HCALL_X86_VMMCALL, KVM calls use VMCALL. */
Test(kvm_x86, vapic_poll_irq)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_kvm_x86_vapic_poll_irq()));
	check_rax_call(HCALL_TRAP_VMCALL, NR_VAPIC_POLL_IRQ, 0, 0, 0, 0, 0);
}

/* KVM_HC_FEATURES (3) is PPC's: an x86 KVM answers -KVM_ENOSYS (-1000),
 * which reads as not supported. */
Test(kvm_x86, features_is_ppc_only)
{
	sim_answer(RAX, (uint64_t)-1000);
	struct hcall_result r = hcall_kvm_x86_hc_features();
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	check_rax_call(HCALL_TRAP_VMCALL, 3, 0, 0, 0, 0, 0);
}

/* KICK_CPU: rbx = flags (reserved, 0), rcx = APIC ID. */
Test(kvm_x86, kick_cpu_flags_zero_apic_in_rcx)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_kvm_x86_kick_cpu(0x17)));
	check_rax_call(HCALL_TRAP_VMCALL, NR_KICK_CPU, 2, 0, 0x17, 0, 0);
}

/* The table says the same: slot 0 (rbx) reserved and named flags, the one
 * supplied argument in slot 1 (rcx). */
Test(kvm_x86, kick_cpu_descriptor_reserves_the_first_slot)
{
	const struct hcall_abi_desc *abi = hcall_abi_find("kvm_x86");
	const struct hcall_call_desc *c;

	cr_assert(abi);
	c = hcall_call_find(abi, NR_KICK_CPU);
	cr_assert(c);
	cr_assert_eq(c->nargs, 1);
	cr_assert_eq(c->nrsvd, 1);
	cr_assert_eq(hcall_call_nslots(c), 2);
	cr_assert(hcall_call_slot_reserved(c, 0));
	cr_assert(!hcall_call_slot_reserved(c, 1));
	cr_assert_eq(hcall_call_slot_arg(c, 0), -1);
	cr_assert_eq(hcall_call_slot_arg(c, 1), 0);
	cr_assert_eq(hcall_call_slot_arg(c, 2), -1);
	cr_assert_str_eq(c->rsvd_name, "flags");
	cr_assert(strstr(c->args[0], "apic_id"));
	/* a call without reserved arguments: every slot is supplied */
	c = hcall_call_find(abi, NR_SEND_IPI);
	cr_assert(c);
	cr_assert_eq(c->rsvd_mask, 0);
	cr_assert_eq(hcall_call_slot_arg(c, 3), 3);
	cr_assert_null(c->rsvd_name);
}

Test(kvm_x86, clock_pairing)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_kvm_x86_clock_pairing(0x7000, 0)));
	check_rax_call(HCALL_TRAP_VMCALL, NR_CLOCK_PAIRING, 2, 0x7000, 0, 0, 0);
}

Test(kvm_x86, send_ipi_returns_count)
{
	sim_answer(RAX, 3);
	struct hcall_result r = hcall_kvm_x86_send_ipi(0xf0, 0x1, 64, 0x4fd);
	check_rax_call(HCALL_TRAP_VMCALL, NR_SEND_IPI, 4, 0xf0, 0x1, 64, 0x4fd);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 3);
}

Test(kvm_x86, sched_yield)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_kvm_x86_sched_yield(9)));
	check_rax_call(HCALL_TRAP_VMCALL, NR_SCHED_YIELD, 1, 9, 0, 0, 0);
}

Test(kvm_x86, map_gpa_range)
{
	sim_answer(RAX, 0);
	/* 2M pages (bits 3:0 = 1), encrypted (bits 7:4 = 1). */
	cr_assert(hcall_ok(hcall_kvm_x86_map_gpa_range(0x200000, 4, 0x11)));
	check_rax_call(HCALL_TRAP_VMCALL, NR_MAP_GPA_RANGE, 3, 0x200000, 4, 0x11, 0);
}

/* The run-time conduit variants trap with the instruction they are given. */
Test(kvm_x86, on_variants_use_given_conduit)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_kvm_x86_sched_yield_on(HCALL_X86_CONDUIT_VMMCALL, 4)));
	check_rax_call(HCALL_TRAP_VMMCALL, NR_SCHED_YIELD, 1, 4, 0, 0, 0);

	sim_reset();
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_kvm_x86_kick_cpu_on(HCALL_X86_CONDUIT_VMMCALL, 2)));
	check_rax_call(HCALL_TRAP_VMMCALL, NR_KICK_CPU, 2, 0, 2, 0, 0);

	sim_reset();
	sim_answer(RAX, 1);
	struct hcall_result r = hcall_kvm_x86_send_ipi_on(HCALL_X86_CONDUIT_VMCALL, 1, 0, 0, 0xfd);
	check_rax_call(HCALL_TRAP_VMCALL, NR_SEND_IPI, 4, 1, 0, 0, 0xfd);
	cr_assert_eq(r.value, 1);
}

/* The raw layer returns rax unchanged, including error codes. */
Test(kvm_x86, raw_returns_rax)
{
	sim_answer(RAX, (uint64_t)-1000);
	cr_assert_eq(hcall_kvm_x86_call4(0x55, 1, 2, 3, 4), (uint64_t)-1000);
	check_rax_call(HCALL_TRAP_VMCALL, 0x55, 4, 1, 2, 3, 4);
}

/* kvm_para.h: KVM_ENOSYS 1000, and errno values EPERM 1, E2BIG 7,
 * EFAULT 14, EINVAL 22, EOPNOTSUPP 95; returned negated. */
Test(kvm_x86, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
	} cases[] = {
		{ -1000, HCALL_E_NOT_SUPPORTED }, { -1, HCALL_E_DENIED },
		{ -7, HCALL_E_TOO_BIG },          { -14, HCALL_E_INVALID_ADDRESS },
		{ -22, HCALL_E_INVALID_PARAM },   { -95, HCALL_E_NOT_SUPPORTED },
		{ -38, HCALL_E_UNKNOWN },         { -9999, HCALL_E_UNKNOWN },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		sim_answer(RAX, (uint64_t)cases[i].raw);
		struct hcall_result r = hcall_kvm_x86_sched_yield(1);
		cr_assert_eq(r.status, cases[i].st, "raw %lld", (long long)cases[i].raw);
		cr_assert_eq(r.code, cases[i].raw);
		cr_assert_eq(r.value, 0);
		/* A VALUE call maps negative values the same way. */
		sim_reset();
		sim_answer(RAX, (uint64_t)cases[i].raw);
		r = hcall_kvm_x86_send_ipi(1, 0, 0, 0);
		cr_assert_eq(r.status, cases[i].st, "raw %lld", (long long)cases[i].raw);
	}
}

/* Conduit choice from CPUID facts: SVM means VMMCALL, VMX means VMCALL,
 * otherwise AMD/Hygon mean VMMCALL and anything else VMCALL. */
static struct hcall_x86_cpu_ids ids(const char *vendor, uint32_t leaf1_ecx,
				    uint32_t ext1_ecx)
{
	struct hcall_x86_cpu_ids r;
	memcpy(r.vendor, vendor, 12);
	r.vendor[12] = 0;
	r.leaf1_ecx = leaf1_ecx;
	r.ext1_ecx = ext1_ecx;
	return r;
}

Test(kvm_x86, conduit_from_cpuid)
{
	struct hcall_x86_cpu_ids c;
	c = ids("AuthenticAMD", 0, 1u << 2); /* CPUID.80000001h:ECX[2] SVM */
	cr_assert_eq(hcall_x86_conduit_from_ids(&c), HCALL_X86_CONDUIT_VMMCALL);
	c = ids("GenuineIntel", 1u << 5, 0); /* CPUID.1:ECX[5] VMX */
	cr_assert_eq(hcall_x86_conduit_from_ids(&c), HCALL_X86_CONDUIT_VMCALL);
	c = ids("AuthenticAMD", 1u << 31, 0); /* guest: bits hidden */
	cr_assert_eq(hcall_x86_conduit_from_ids(&c), HCALL_X86_CONDUIT_VMMCALL);
	c = ids("HygonGenuine", 1u << 31, 0);
	cr_assert_eq(hcall_x86_conduit_from_ids(&c), HCALL_X86_CONDUIT_VMMCALL);
	c = ids("GenuineIntel", 1u << 31, 0);
	cr_assert_eq(hcall_x86_conduit_from_ids(&c), HCALL_X86_CONDUIT_VMCALL);
	c = ids("GenuineIntel", 0, 1u << 2); /* SVM bit wins */
	cr_assert_eq(hcall_x86_conduit_from_ids(&c), HCALL_X86_CONDUIT_VMMCALL);
}

/* "KVMKVMKVM\0\0\0" as CPUID returns it: ebx = "KVMK", ecx = "VMKV",
 * edx = "M\0\0\0", little-endian. */
Test(kvm_x86, signature_compare)
{
	cr_assert(hcall_x86_sig_eq(0x4b4d564bu, 0x564b4d56u, 0x0000004du,
				   HCALL_KVM_X86_SIGNATURE));
	cr_assert_not(hcall_x86_sig_eq(0x4b4d564bu, 0x564b4d56u, 0x0000004eu,
				       HCALL_KVM_X86_SIGNATURE));
	cr_assert(hcall_kvm_x86_has_feature(1u << 13, 13));
	cr_assert_not(hcall_kvm_x86_has_feature(1u << 13, 12));
	cr_assert_not(hcall_kvm_x86_has_feature(0xffffffffu, 32));
}

/* On the build machine CPUID really runs: whatever it reports, the
 * discovery helpers answer without faulting and agree with each other. */
Test(kvm_x86, discovery_runs)
{
	uint32_t base = hcall_kvm_x86_cpuid_base();
	cr_assert(base == 0 || (base >= 0x40000000u && base < 0x40010000u &&
				(base & 0xffu) == 0));
	cr_assert_eq(hcall_kvm_x86_present(), base != 0);
	if (base == 0)
		cr_assert_eq(hcall_kvm_x86_features(base), 0);
	enum hcall_x86_conduit c = hcall_x86_detect_conduit();
	cr_assert(c == HCALL_X86_CONDUIT_VMCALL || c == HCALL_X86_CONDUIT_VMMCALL);
}
