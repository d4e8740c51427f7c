// SPDX-License-Identifier: MIT OR GPL-2.0-only
/*
 * x86_64: hypervisor detection through hcall, checked against the kernel's
 * own, and the KVM hypercalls when running on KVM.
 *
 * Features: the kernel's kvm_para_has_feature() cannot be used from a
 * module (kvm_arch_para_features() is not exported), so the feature bits
 * come from hcall's read of CPUID; kvm_para_available() (exported) is the
 * kernel's answer to "is this KVM", logged beside hcall's.
 *
 * Conduit: hcall_x86_detect_conduit() picks VMMCALL on AMD/Hygon and VMCALL
 * elsewhere, the choice the kernel's KVM_HYPERCALL alternative makes from
 * X86_FEATURE_VMMCALL; the module logs both.
 *
 * Confidential guests: in a TDX guest a raw VMCALL does not reach the
 * hypervisor (the TDX module reflects it into the guest as an exception);
 * the kernel's kvm_hypercall*() go through TDG.VP.VMCALL instead. hcall
 * emits the raw instruction, so this module makes no KVM call there. In an
 * SEV-ES or SEV-SNP guest VMMCALL raises #VC, and the kernel's #VC handler
 * forwards it to the hypervisor through the GHCB, so the call works from
 * kernel code.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/kvm_para.h>
#include <asm/cpufeature.h>
#include <asm/hypervisor.h>

#include <hcall/kvm_x86.h>

#include "hcall_demo.h"

static const char *conduit_name(enum hcall_x86_conduit c)
{
	return c == HCALL_X86_CONDUIT_VMMCALL ? "vmmcall" : "vmcall";
}

/* The identity leaf 0x40000000 as printable text (NULs become '.'). */
static void report_hv_leaf(void)
{
	struct hcall_x86_cpuid r = hcall_x86_cpuid(HCALL_X86_CPUID_HV_BASE, 0);
	char sig[13];
	int i;

	hcall_x86_sig_copy(r.ebx, r.ecx, r.edx, sig);
	for (i = 0; i < 12; i++)
		if (sig[i] < 0x20 || sig[i] > 0x7e)
			sig[i] = '.';
	pr_info("hv_leaf: signature=%s max_leaf=%#x\n", sig, r.eax);
}

int hcall_demo_arch_probe(void)
{
	enum hcall_x86_conduit conduit = hcall_x86_detect_conduit();
	bool tdx = cpu_feature_enabled(X86_FEATURE_TDX_GUEST);
	u32 base, features;

	pr_info("hypervisor: hcall=%d kernel=%d\n",
		hcall_x86_hypervisor_present(),
		boot_cpu_has(X86_FEATURE_HYPERVISOR));
	if (hcall_x86_hypervisor_present())
		report_hv_leaf();
	pr_info("conduit: hcall=%s kernel=%s\n", conduit_name(conduit),
		boot_cpu_has(X86_FEATURE_VMMCALL) ? "vmmcall" : "vmcall");

	base = hcall_kvm_x86_cpuid_base();
	features = hcall_kvm_x86_features(base);
	pr_info("kvm: base=%#x features=%#x kernel_available=%d\n", base,
		features, kvm_para_available());
	if (!base)
		return 0;
	if (tdx) {
		pr_info("kvm_calls: skipped: TDX guest, a raw VMCALL does not reach the host\n");
		return 0;
	}
	/* An unknown number: KVM answers -KVM_ENOSYS (-1000). */
	hcall_demo_report("kvm_unknown",
			  hcall_kvm_x86_result(HCALL_RK_STATUS,
					       hcall_kvm_x86_call0_on(conduit, 0x7fff)));
	if (hcall_kvm_x86_has_feature(features, KVM_FEATURE_PV_SCHED_YIELD))
		hcall_demo_report("kvm_sched_yield",
				  hcall_kvm_x86_sched_yield_on(conduit, 0));
	else
		pr_info("kvm_sched_yield: skipped: no KVM_FEATURE_PV_SCHED_YIELD\n");
	return 0;
}
