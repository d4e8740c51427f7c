/* SPDX-License-Identifier: MIT */
/*
 * KVM x86: find KVM through the CPUID hypervisor leaves (signature
 * "KVMKVMKVM\0\0\0" at 0x40000000 or above), read its feature bits, then
 * make a hypercall. The calls trap with the compile-time conduit of
 * <hcall/arch/x86.h>: VMCALL, as Linux uses, unless HCALL_X86_VMMCALL is
 * defined (KVM emulates the other vendor's instruction; a program that
 * must choose at run time uses hcall_x86_detect_conduit() and the _on()
 * calls).
 */
#include <hcall/kvm_x86.h>

#include "examples.h"
#include "guest_env.h"

int example_kvm_x86_discover(void)
{
	uint32_t base = hcall_kvm_x86_cpuid_base();
	uint32_t features;
	struct hcall_result r;

	if (!base) {
		/* Not KVM: its hypercall numbers would mean something else. */
		env_puts("no KVM signature in the CPUID hypervisor leaves\n");
		return -1;
	}
	features = hcall_kvm_x86_features(base);
	env_puts("KVM at CPUID base ");
	env_put_hex(base);
	env_puts(", features ");
	env_put_hex(features);
	env_puts("\n");

	/* KVM_HC_VAPIC_POLL_IRQ (rax = 1, no arguments) exists on every KVM
	 * and always returns 0; only CPL 0 may call (-KVM_EPERM otherwise). */
	r = hcall_kvm_x86_vapic_poll_irq();
	env_puts("vapic_poll_irq: ");
	env_puts(hcall_status_str(r.status));
	env_puts("\n");
	if (!hcall_ok(r))
		return -1;

	if (hcall_kvm_x86_has_feature(features, HCALL_KVM_X86_FEATURE_PV_SCHED_YIELD)) {
		/* Yield to the vCPU with APIC ID 0, e.g. a lock holder. */
		r = hcall_kvm_x86_sched_yield(0);
		env_puts("sched_yield(0): ");
		env_puts(hcall_status_str(r.status));
		env_puts("\n");
	}
	return 0;
}
