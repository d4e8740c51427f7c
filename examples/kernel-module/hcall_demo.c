// SPDX-License-Identifier: MIT OR GPL-2.0-only
/*
 * hcall_demo - a Linux kernel module that uses the hcall guest headers.
 *
 * On load it looks for KVM's CPUID signature and, when running on KVM,
 * yields to vCPU 0 with KVM_HC_SCHED_YIELD through the conduit CPUID
 * names (VMCALL on Intel, VMMCALL on AMD). It shows that the headers build
 * inside the kernel: no libc, the kernel's own integer types (hcall/types.h
 * takes them from <linux/types.h> under __KERNEL__), the kernel's flags.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include <hcall/hcall.h>

static int __init hcall_demo_init(void)
{
	uint32_t base = hcall_kvm_x86_cpuid_base();
	uint32_t features;
	enum hcall_x86_conduit conduit;
	struct hcall_result r;

	if (base == 0) {
		pr_info("hcall_demo: no KVM signature at CPUID 0x40000000+; nothing to call\n");
		return 0;
	}
	features = hcall_kvm_x86_features(base);
	if (!hcall_kvm_x86_has_feature(features, HCALL_KVM_X86_FEATURE_PV_SCHED_YIELD)) {
		pr_info("hcall_demo: KVM at 0x%x without PV_SCHED_YIELD\n", base);
		return 0;
	}
	conduit = hcall_x86_detect_conduit();
	r = hcall_kvm_x86_sched_yield_on(conduit, 0);
	pr_info("hcall_demo: KVM_HC_SCHED_YIELD(0) via %s: %s (raw %lld)\n",
		conduit == HCALL_X86_CONDUIT_VMMCALL ? "vmmcall" : "vmcall",
		hcall_status_str(r.status), (long long)r.code);
	return 0;
}

static void __exit hcall_demo_exit(void)
{
}

module_init(hcall_demo_init);
module_exit(hcall_demo_exit);

/* This file is MIT OR GPL-2.0-only (its SPDX line); "Dual MIT/GPL" is how
 * the kernel spells that, so loading it does not taint the kernel. */
MODULE_LICENSE("Dual MIT/GPL");
MODULE_DESCRIPTION("hcall guest header demo: one KVM x86 hypercall");
