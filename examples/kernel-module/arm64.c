// SPDX-License-Identifier: MIT OR GPL-2.0-only
/*
 * arm64: PSCI and SMCCC discovery, and the KVM vendor services, through
 * the conduit the kernel uses.
 *
 * hcall's typed PSCI/SMCCC wrappers use a conduit fixed at compile time
 * (HVC unless HCALL_SMCCC_CONDUIT_SMC). A kernel module must not guess: at
 * EL1 under a hypervisor PSCI is reached with HVC, but on a machine whose
 * firmware owns PSCI (EL3, or QEMU's virt with virtualization=on, where
 * Linux or KVM owns EL2) it is SMC, and an HVC there reaches whatever runs
 * at EL2 instead: the kernel's hyp stub, at EL2 while nVHE KVM runs no VM,
 * answers 0x0BADCA11, which reads as a plausible "PSCI 2989.51729". So this module takes the conduit from the
 * kernel: arm_smccc_1_1_get_conduit() when the firmware has SMCCC 1.1, else
 * the PSCI node's "method", which is what the kernel's PSCI driver used,
 * and makes every call through hcall's run-time conduit calls, in their
 * SMCCC 1.0-safe form (firmware older than SMCCC 1.1 may change x4..x17;
 * QEMU's PSCI is such firmware).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/arm-smccc.h>
#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/string.h>

#include <hcall/kvm_arm64.h>
#include <hcall/psci.h>

#include "hcall_demo.h"

static const char *const conduit_names[] = {
	[SMCCC_CONDUIT_NONE] = "none",
	[SMCCC_CONDUIT_SMC] = "smc",
	[SMCCC_CONDUIT_HVC] = "hvc",
};

static const struct of_device_id psci_nodes[] = {
	{ .compatible = "arm,psci" },
	{ .compatible = "arm,psci-0.2" },
	{ .compatible = "arm,psci-1.0" },
	{}
};

/* The PSCI node's "method" as a kernel conduit, or NONE. */
static enum arm_smccc_conduit psci_dt_method(void)
{
	enum arm_smccc_conduit c = SMCCC_CONDUIT_NONE;
	struct device_node *np = of_find_matching_node(NULL, psci_nodes);
	const char *method;

	if (np && !of_property_read_string(np, "method", &method)) {
		if (!strcmp(method, "hvc"))
			c = SMCCC_CONDUIT_HVC;
		else if (!strcmp(method, "smc"))
			c = SMCCC_CONDUIT_SMC;
	}
	of_node_put(np);
	return c;
}

/* The kernel's conduit as hcall's. */
static enum hcall_smccc_conduit to_hcall(enum arm_smccc_conduit c)
{
	switch (c) {
	case SMCCC_CONDUIT_SMC:
		return HCALL_SMCCC_SMC;
	case SMCCC_CONDUIT_HVC:
		return HCALL_SMCCC_HVC;
	default:
		return HCALL_SMCCC_NONE;
	}
}

/*
 * One call with one argument through conduit c, its 32-bit result mapped
 * with the PSCI error codes (a superset of SMCCC's). The SMCCC 1.0-safe
 * form: below SMCCC 1.1 the firmware may change x4..x17 (QEMU's PSCI,
 * for one, is SMCCC 1.0).
 */
static struct hcall_result call1(enum hcall_smccc_conduit c, u32 fid, u64 a1)
{
	return hcall_smccc_result32(HCALL_RK_VALUE,
				    hcall_smccc10_conduit_call7(c, fid, a1, 0, 0, 0, 0, 0, 0).x0,
				    hcall_map_psci_error);
}

static void report_kvm_services(enum hcall_smccc_conduit c)
{
	struct hcall_smccc_ret r =
		hcall_smccc10_conduit_call7(c, HCALL_KVM_ARM64_CALL_UID, 0, 0, 0, 0, 0, 0, 0);
	struct hcall_smccc_uid uid = {
		{ (u32)r.x0, (u32)r.x1, (u32)r.x2, (u32)r.x3 }
	};
	int kvm = hcall_smccc_uid_equal(uid, hcall_kvm_arm64_uid());

	pr_info("vendor_uid: w0=%#x kvm=%d\n", uid.w[0], kvm);
	if (!kvm)
		return;
	r = hcall_smccc_conduit_call0(c, HCALL_KVM_ARM64_FUNC_FEATURES);
	pr_info("kvm_func_features: w0=%#x w1=%#x w2=%#x w3=%#x\n",
		(u32)r.x0, (u32)r.x1, (u32)r.x2, (u32)r.x3);
}

static void report_discovery(const char *name, enum hcall_smccc_conduit c)
{
	struct hcall_smccc_discovery d;
	struct hcall_result r = hcall_smccc_discover(c, &d);

	pr_info("%s: status=%s code=%lld value=%#llx conduit=%s psci=%#x smccc=%#x\n",
		name, hcall_status_name(r.status), (long long)r.code,
		(unsigned long long)r.value,
		d.conduit == HCALL_SMCCC_SMC ? "smc" :
		d.conduit == HCALL_SMCCC_HVC ? "hvc" : "none",
		d.psci_version, d.smccc_version);
}

int hcall_demo_arch_probe(void)
{
	enum arm_smccc_conduit kernel = arm_smccc_1_1_get_conduit();
	enum arm_smccc_conduit method = psci_dt_method();
	enum arm_smccc_conduit use = kernel != SMCCC_CONDUIT_NONE ? kernel : method;
	enum hcall_smccc_conduit c = to_hcall(use);

	pr_info("conduit: kernel_smccc_1_1=%s psci_method=%s using=%s\n",
		conduit_names[kernel], conduit_names[method], conduit_names[use]);
	pr_info("kernel_smccc_version: value=%#x\n", arm_smccc_get_version());
	if (c == HCALL_SMCCC_NONE) {
		pr_info("no conduit: the kernel knows no PSCI or SMCCC firmware\n");
		return 0;
	}

	/* hcall's own DEN0028 discovery through the kernel's conduit. */
	report_discovery("discover", c);
	hcall_demo_report("psci_version", call1(c, HCALL_PSCI_VERSION, 0));
	hcall_demo_report("psci_features_smccc_version",
			  call1(c, HCALL_PSCI_FEATURES, HCALL_SMCCC_VERSION));
	hcall_demo_report("psci_features_system_off",
			  call1(c, HCALL_PSCI_FEATURES, HCALL_PSCI_SYSTEM_OFF));
	hcall_demo_report("psci_features_unknown",
			  call1(c, HCALL_PSCI_FEATURES, 0x8400001Fu));
	hcall_demo_report("smccc_version", call1(c, HCALL_SMCCC_VERSION, 0));
	report_kvm_services(c);

	/*
	 * What a module that ignores the kernel's conduit would see: the
	 * typed PSCI_VERSION and the discovery through hcall's compile-time
	 * default (HVC). Where the kernel's conduit is SMC, that HVC goes
	 * to whatever owns EL2, and hcall must not take its answer for PSCI.
	 */
	if (hcall_demo_default_conduit) {
		hcall_demo_report("psci_version_default_conduit", hcall_psci_version());
		report_discovery("discover_default_conduit", HCALL_SMCCC_DEFAULT_CONDUIT);
	}
	return 0;
}
