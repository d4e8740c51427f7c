// SPDX-License-Identifier: MIT OR GPL-2.0-only
/*
 * hcall_demo - a Linux kernel module that makes hypercalls through the
 * hcall guest headers and logs what came back.
 *
 * The headers are freestanding: under __KERNEL__ they take their integer
 * types from <linux/types.h> and need nothing else from the kernel. The
 * architecture files choose the conduit the way the kernel itself does
 * (arm64: the kernel's SMCCC conduit; x86: VMCALL or VMMCALL from CPUID)
 * and cross-check hcall's answers with the kernel's own view.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

#include "hcall_demo.h"

bool hcall_demo_default_conduit;
module_param_named(default_conduit, hcall_demo_default_conduit, bool, 0444);
MODULE_PARM_DESC(default_conduit,
		 "arm64: also call PSCI_VERSION through hcall's compile-time default conduit (HVC), to show what answers there");

void hcall_demo_report(const char *name, struct hcall_result r)
{
	pr_info("%s: status=%s code=%lld value=%#llx\n", name,
		hcall_status_name(r.status), (long long)r.code,
		(unsigned long long)r.value);
}

static int __init hcall_demo_init(void)
{
	int ret;

	pr_info("start\n");
	ret = hcall_demo_arch_probe();
	pr_info("done: %d\n", ret);
	return ret;
}

static void __exit hcall_demo_exit(void)
{
}

module_init(hcall_demo_init);
module_exit(hcall_demo_exit);

MODULE_LICENSE("Dual MIT/GPL");
MODULE_DESCRIPTION("hcall guest headers in a kernel module: hypervisor and firmware discovery");
