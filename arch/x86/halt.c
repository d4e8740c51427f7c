/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/halt.c - a vCPU's HLT, and the KVM paravirtual calls that end
 * or hand over a wait: KICK_CPU (the glue's unhalt op) and SCHED_YIELD
 * (its yield_to op), as Linux's KVM gives them meaning.
 *
 * HLT blocks the vCPU; its physical CPU runs its other vCPUs meanwhile,
 * or sleeps. What ends the halt is what ends it on a real CPU under KVM:
 * with RFLAGS.IF set, an interrupt (the upcall); whatever IF says, a
 * KICK_CPU (KVM delivers it as APIC_DM_REMRD, which sets pv_unhalted and
 * wakes the vCPU). A kick that comes while the vCPU is not halted is
 * kept, and its next HLT returns at once: the pv spinlock's waiter may be
 * kicked between deciding to halt and halting (Linux kvm_wait()).
 *
 * A yield makes the physical CPU run the target next, when the target is
 * pinned to that CPU and can run: the caller's vCPU then waits its turn
 * in the CPU's round robin. A target elsewhere runs already, or will
 * when its own CPU gets to it: KVM too does nothing then.
 */
#include "smp.h"
#include "vm.h"
#include "vmcb.h"

#define RFLAGS_IF (1ull << 9)
#define HLT_LEN 1

void x86_halt(struct hv_vcpu *vcpu, void *vmcb)
{
	struct x86_vcpu *xc = x86_vcpu_of(vcpu);

	vmcb_w64(vmcb, VMCB_RIP, vmcb_r64(vmcb, VMCB_RIP) + HLT_LEN);
	/* Past the HLT, the STI shadow before it no longer applies. */
	vmcb_w64(vmcb, VMCB_INT_SHADOW, 0);
	xc->halted = (vmcb_r64(vmcb, VMCB_RFLAGS) & RFLAGS_IF) ? X86_HALT_IRQ : X86_HALT_KICK;
}

/* Called by the vCPU's own CPU only, so `halted` needs no atomics; the
 * kick and the upcall come from any CPU. */
int x86_halt_ends(struct x86_vcpu *xc)
{
	if (__atomic_exchange_n(&xc->unhalt, 0, __ATOMIC_ACQ_REL))
		return 1;
	return xc->halted == X86_HALT_IRQ &&
	       (__atomic_load_n(&xc->work, __ATOMIC_ACQUIRE) & X86_WORK_UPCALL);
}

void x86_unhalt(struct hv_vcpu *vcpu)
{
	struct x86_vcpu *xc = x86_vcpu_of(vcpu);

	if (!xc)
		return; /* its VM never started: no vCPU to wake */
	__atomic_store_n(&xc->unhalt, 1, __ATOMIC_RELEASE);
	smp_kick(smp_cpu_of(vcpu));
}

int x86_yield_to(struct hv_vcpu *from, struct hv_vcpu *to)
{
	struct x86_pcpu *c = &x86_pcpus[x86_this_cpu()];

	(void)from; /* runs on this CPU: its turn comes in the round robin */
	if (smp_cpu_of(to) != c->id || !x86_vcpu_runnable(to))
		return 0;
	c->yield_to = to;
	return 1;
}

struct hv_vcpu *x86_take_yield(void)
{
	struct x86_pcpu *c = &x86_pcpus[x86_this_cpu()];
	struct hv_vcpu *to = c->yield_to;

	c->yield_to = 0;
	return to && x86_vcpu_runnable(to) ? to : 0;
}
