/* SPDX-License-Identifier: MIT */
/*
 * examples/guest/x86_kvm.c - runs the KVM x86 example as the KVM VM
 * (VM 3) of the hcall x86_64 SVM hypervisor, in place of the conformance
 * suite.
 *
 * Expected values, from Linux Documentation/virt/kvm/x86/cpuid.rst and
 * hypercalls.rst, written here independently of <hcall/kvm_x86.h>: CPUID
 * 0x40000000 answers ebx:ecx:edx = "KVMKVMKVM\0\0\0" (0x4b4d564b,
 * 0x564b4d56, 0x0000004d), and KVM_HC_VAPIC_POLL_IRQ returns 0, so the
 * example returns 0.
 */
#include "examples.h"
#include "guest.h"
#include "tap.h"

static void run_examples(void)
{
	uint32_t a = 0x40000000u, b, c = 0, d;
	int ret;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	tap_check(b == 0x4b4d564bu && c == 0x564b4d56u && d == 0x4du,
		  "example kvm_x86_discover: CPUID 0x40000000 is KVM's signature");
	ret = example_kvm_x86_discover();
	guest_demo_value("kvm_x86", "example: CPUID signature, then VAPIC_POLL_IRQ (0 = ok)", ret);
	tap_eq("example kvm_x86_discover: KVM found and answered", (uint64_t)ret, 0);
}
GUEST_CHECK("examples", run_examples);
