/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_kvm_x86.c - the KVM x86 hypercalls, with KVM's error codes.
 *
 * A caller at CPL != 0 gets -KVM_EPERM (KVM's rule: HV_SVC_PRIV_DENIED),
 * an unknown number -KVM_ENOSYS.
 *
 *   VAPIC_POLL_IRQ       0 (the exit itself is the point)
 *   KICK_CPU(flags, id)  0, as KVM: vCPUs of hcall's hypervisors do not
 *                        halt in the hypervisor, so there is nothing to
 *                        wake. flags (rbx) is reserved in the table, so a
 *                        non-zero one gets -KVM_EINVAL like every reserved
 *                        argument (KVM itself ignores it; Linux sends 0)
 *   SCHED_YIELD(id)      0, as KVM: a yield is a hint
 *   CLOCK_PAIRING        -KVM_EOPNOTSUPP, KVM's answer when the host clock
 *                        is not TSC based (hcall keeps no wall clock)
 *   SEND_IPI, MAP_GPA_RANGE
 *                        -KVM_ENOSYS, KVM's answer when the feature is not
 *                        advertised (hcall advertises neither)
 */
#include <hcall/abi/kvm_x86.h>
#include <hcall/abi/probe.h>

#include "service.h"

enum { HCALL_KVM_X86_CALLS(HV_ENTRY_ARGS) };

static void ok(struct hv_call *c)
{
	hv_call_status(c, 0);
}

static void eopnotsupp(struct hv_call *c)
{
	hv_call_status(c, -HCALL_KVM_X86_EOPNOTSUPP);
}

static void enosys(struct hv_call *c)
{
	hv_call_status(c, -HCALL_KVM_X86_ENOSYS);
}

#define KVM_X86_N (HCALL_KVM_X86_MAP_GPA_RANGE + 1u)

static const struct hv_entry table[KVM_X86_N] = {
	[HCALL_KVM_X86_VAPIC_POLL_IRQ] = HV_ENTRY(KVM_X86, VAPIC_POLL_IRQ, ok, HV_PERM_INFO),
	[HCALL_KVM_X86_KICK_CPU] = HV_ENTRY(KVM_X86, KICK_CPU, ok, HV_PERM_INFO),
	[HCALL_KVM_X86_CLOCK_PAIRING] =
		HV_ENTRY(KVM_X86, CLOCK_PAIRING, eopnotsupp, HV_PERM_INFO),
	[HCALL_KVM_X86_SEND_IPI] = HV_ENTRY(KVM_X86, SEND_IPI, enosys, HV_PERM_INFO),
	[HCALL_KVM_X86_SCHED_YIELD] = HV_ENTRY(KVM_X86, SCHED_YIELD, ok, HV_PERM_INFO),
	[HCALL_KVM_X86_MAP_GPA_RANGE] = HV_ENTRY(KVM_X86, MAP_GPA_RANGE, enosys, HV_PERM_INFO),
};

static const struct hv_entry *lookup(uint64_t ext, uint64_t nr)
{
	(void)ext; /* one number space */
	return hv_entry_at(table, KVM_X86_N, nr, nr);
}

static const struct hcall_conv_desc conv = HCALL_KVM_X86_CONV;
static const struct hv_conv convs[] = { { &conv, 0 } };

const struct hv_service hv_service_kvm_x86 = {
	.name = "kvm_x86",
	.abi = HV_ABI_KVM_X86,
	.convs = convs,
	.nconvs = 1,
	.lookup = lookup,
	.nr_mask = ~0ull,
	.errs = { -HCALL_KVM_X86_ENOSYS, -HCALL_KVM_X86_EPERM, -HCALL_KVM_X86_EINVAL,
		  -HCALL_KVM_X86_EFAULT },
	.probe = { 0, HCALL_PROBE_X86_ECHO, HCALL_PROBE_X86_DUMP },
	.quirks = HV_SVC_PRIV_DENIED,
};
