/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_kvm_x86.c - the KVM x86 hypercalls, with KVM's error codes.
 *
 * A caller at CPL != 0 gets -KVM_EPERM (KVM's rule: HV_SVC_PRIV_DENIED),
 * an unknown number -KVM_ENOSYS.
 *
 *   VAPIC_POLL_IRQ       0 (the exit itself is the point)
 *   KICK_CPU(flags, id)  0; the vCPU whose APIC ID is id (its index in
 *                        the VM) leaves HLT, or its next HLT returns at
 *                        once (the glue's unhalt), and then the caller
 *                        yields to it as SCHED_YIELD does. An id naming
 *                        no vCPU is ignored, with 0. flags (rbx) is
 *                        reserved in the table, so a non-zero one gets
 *                        -KVM_EINVAL like every reserved argument (KVM
 *                        itself ignores it; Linux sends 0)
 *   SCHED_YIELD(id)      0; if the vCPU with APIC ID id is another vCPU
 *                        that can run now on the caller's physical CPU,
 *                        that CPU runs it next (the glue's yield_to);
 *                        else nothing (for KVM too it is a hint)
 *     Both as Linux 6.6 (arch/x86/kvm/x86.c kvm_emulate_hypercall:
 *     KICK_CPU is kvm_pv_kick_cpu_op(a1) then kvm_sched_yield(a1),
 *     SCHED_YIELD is kvm_sched_yield(a0); lapic.c: the kick's
 *     APIC_DM_REMRD sets pv_unhalted): always 0; an unknown APIC ID, or a
 *     yield to oneself, does nothing. The x86 glue advertises both
 *     features (KVM_FEATURE_PV_UNHALT, KVM_FEATURE_PV_SCHED_YIELD);
 *     without them KVM answers -KVM_ENOSYS.
 *   CLOCK_PAIRING        -KVM_EOPNOTSUPP, KVM's answer when the host clock
 *                        is not TSC based (hcall keeps no wall clock)
 *   SEND_IPI, MAP_GPA_RANGE
 *                        -KVM_ENOSYS, KVM's answer when the feature is not
 *                        advertised (hcall advertises neither)
 */
#include <hcall/abi/kvm_x86.h>
#include <hcall/abi/probe.h>

#include "dispatcher.h"
#include "service.h"
#include "vcpu.h"

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

/* The vCPU of the caller's VM with this APIC ID: x86 glue gives vCPU n
 * APIC ID n. NULL if none (a guest-chosen number, checked). */
static struct hv_vcpu *by_apic_id(struct hv_call *c, uint64_t apic_id)
{
	return hv_vcpu_by_index(c->vm, apic_id);
}

/* kvm_sched_yield(): to another vCPU that can run on this CPU now. */
static void yield_to(struct hv_call *c, struct hv_vcpu *t)
{
	if (t && t != c->vcpu && c->hv->ops->yield_to && c->hv->ops->yield_to(c->vcpu, t))
		c->action = HV_SWITCH;
}

static void kick_cpu(struct hv_call *c)
{
	struct hv_vcpu *t = by_apic_id(c, c->arg[1]); /* rcx; rbx is the flags */

	if (t && c->hv->ops->unhalt)
		c->hv->ops->unhalt(t);
	yield_to(c, t);
	hv_call_status(c, 0);
}

static void sched_yield(struct hv_call *c)
{
	yield_to(c, by_apic_id(c, c->arg[0]));
	hv_call_status(c, 0);
}

#define KVM_X86_N (HCALL_KVM_X86_MAP_GPA_RANGE + 1u)

static const struct hv_entry table[KVM_X86_N] = {
	[HCALL_KVM_X86_VAPIC_POLL_IRQ] = HV_ENTRY(KVM_X86, VAPIC_POLL_IRQ, ok, HV_PERM_INFO),
	[HCALL_KVM_X86_KICK_CPU] = HV_ENTRY(KVM_X86, KICK_CPU, kick_cpu, HV_PERM_INFO),
	[HCALL_KVM_X86_CLOCK_PAIRING] =
		HV_ENTRY(KVM_X86, CLOCK_PAIRING, eopnotsupp, HV_PERM_INFO),
	[HCALL_KVM_X86_SEND_IPI] = HV_ENTRY(KVM_X86, SEND_IPI, enosys, HV_PERM_INFO),
	[HCALL_KVM_X86_SCHED_YIELD] = HV_ENTRY(KVM_X86, SCHED_YIELD, sched_yield, HV_PERM_INFO),
	[HCALL_KVM_X86_MAP_GPA_RANGE] = HV_ENTRY(KVM_X86, MAP_GPA_RANGE, enosys, HV_PERM_INFO),
};

/* Inlined in the dispatcher. */
static inline __attribute__((always_inline)) const struct hv_entry *lookup(uint64_t ext,
									  uint64_t nr)
{
	(void)ext; /* one number space */
	return hv_entry_at(table, KVM_X86_N, nr, nr);
}

static const struct hcall_conv_desc conv = HCALL_KVM_X86_CONV;
static const struct hv_conv convs[] = { { &conv, 0 } };

/* The service's dispatcher, instantiated over its constant description. */
static enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r)
{
	return hv_dispatch(hv, vcpu, r, &hv_service_kvm_x86, lookup);
}

const struct hv_service hv_service_kvm_x86 = {
	.name = "kvm_x86",
	.abi = HV_ABI_KVM_X86,
	.convs = convs,
	.nconvs = 1,
	.lookup = lookup,
	.dispatch = dispatch,
	.nr_mask = ~0ull,
	.errs = { -HCALL_KVM_X86_ENOSYS, -HCALL_KVM_X86_EPERM, -HCALL_KVM_X86_EINVAL,
		  -HCALL_KVM_X86_EFAULT },
	.probe = { 0, HCALL_PROBE_X86_ECHO, HCALL_PROBE_X86_DUMP },
	.quirks = HV_SVC_PRIV_DENIED,
};
