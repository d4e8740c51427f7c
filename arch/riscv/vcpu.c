/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/vcpu.c - per-vCPU architectural state.
 *
 * Each hart runs the vCPUs pinned to it (smp.h) in turn. The running
 * vCPU's VS-level CSRs, sepc, hvip and its VM's hgatp are live in its
 * hart (rv_pcpu.current); the others wait in their struct rv_vcpu. The
 * GPRs always live in vcpu->regs (trap.S saves and restores them there).
 *
 * Only a vCPU's own hart touches its state, with two exceptions written
 * with atomics: another hart may raise its VSSIP (hvip_pending, then a
 * kick) or ask for a fresh start (started = 0: its VM started again).
 */
#include "csr.h"
#include "rv.h"
#include "smp.h"

static struct hv_vcpu *current(void)
{
	return rv_this_cpu()->current;
}

static struct rv_vcpu *ctx(struct hv_vcpu *v)
{
	return (struct rv_vcpu *)v->arch;
}

void rv_vcpu_reset(struct hv_vcpu *v, uint64_t entry, uint64_t a1)
{
	struct rv_vcpu *c = ctx(v);
	unsigned i;

	for (i = 0; i < HCALL_NREGS; i++)
		v->regs.r[i] = 0;
	/* Boot registers as on an SBI platform: a0 = hart id; a1 = the
	 * device tree's guest-physical address at VM start (hvisor: the
	 * zone_config's dtb_load_paddr as the zone sees it; 0 without one),
	 * the opaque value of SBI hart_start. */
	v->regs.r[10] = v->id;
	v->regs.r[11] = a1;
	/* The fence counters outlive a restart: another hart may be waiting
	 * on them (rv_vcpu_fence_others). A fresh start has no IPI pending. */
	__builtin_memset(c, 0, offsetof(struct rv_vcpu, hvip_pending));
	__atomic_store_n(&c->hvip_pending, 0, __ATOMIC_RELEASE);
	c->vstimecmp = ~0ull; /* no timer until the guest sets one */
	c->sepc = entry;
	c->spp = 1;
	__atomic_store_n(&c->started, 1, __ATOMIC_RELEASE);
	if (v == current()) {
		/* Restarting the running vCPU: reload its live state too. */
		rv_this_cpu()->current = 0;
		rv_vcpu_switch(v);
	}
}

void rv_vcpu_stopped(struct hv_vcpu *v)
{
	__atomic_store_n(&ctx(v)->started, 0, __ATOMIC_RELEASE);
}

void rv_vcpu_vm_start(struct hv_vcpu *v)
{
	rv_vcpu_stopped(v);
}

/* VSSIP raised by other harts since the vCPU's state was loaded. */
static uint64_t take_pending(struct rv_vcpu *c)
{
	if (!__atomic_load_n(&c->hvip_pending, __ATOMIC_RELAXED))
		return 0;
	return __atomic_exchange_n(&c->hvip_pending, 0, __ATOMIC_ACQ_REL);
}

/* The running vCPU c: the fences other harts asked of it. */
static void serve_fences(struct rv_vcpu *c)
{
	uint64_t req = __atomic_load_n(&c->fence_req, __ATOMIC_ACQUIRE);

	if (req == __atomic_load_n(&c->fence_done, __ATOMIC_RELAXED))
		return;
	hfence_vvma_all();
	__asm__ __volatile__("fence.i" ::: "memory");
	__atomic_store_n(&c->fence_done, req, __ATOMIC_RELEASE);
}

void rv_vcpu_take_upcalls(struct hv_vcpu *v)
{
	uint64_t p = take_pending(ctx(v));

	if (p)
		csr_set(CSR_HVIP, p);
	serve_fences(ctx(v));
}

/*
 * Ask each target running on another hart to fence, kick it, and wait
 * until it has or no longer runs there (its next load flushes: load_live).
 * While waiting, serve the fences asked of this hart's own vCPU, so two
 * vCPUs fencing each other at once both finish.
 */
void rv_vcpu_fence_others(struct hv_vcpu *v, uint64_t targets)
{
	struct hv_vm *vm = v->vm;
	uint64_t seq[HV_MAX_VCPUS] = { 0 };
	unsigned i;

	for (i = 0; i < vm->nvcpus && i < HV_MAX_VCPUS; i++) {
		struct hv_vcpu *t = &vm->vcpus[i];

		if (!((targets >> i) & 1) || t == v || rv_hart_of(t) == rv_hart_of(v))
			continue;
		seq[i] = __atomic_add_fetch(&ctx(t)->fence_req, 1, __ATOMIC_ACQ_REL);
		rv_smp_kick(rv_hart_of(t));
	}
	for (i = 0; i < vm->nvcpus && i < HV_MAX_VCPUS; i++) {
		struct hv_vcpu *t = &vm->vcpus[i];
		struct rv_pcpu *there = &rv_pcpus[rv_hart_of(t)];

		if (!seq[i])
			continue;
		while (__atomic_load_n(&ctx(t)->fence_done, __ATOMIC_ACQUIRE) < seq[i] &&
		       __atomic_load_n(&there->current, __ATOMIC_ACQUIRE) == t)
			serve_fences(ctx(v));
	}
}

static void save_live(struct rv_vcpu *c)
{
	uint64_t s;

	csr_read(CSR_SEPC, c->sepc);
	csr_read(CSR_SSTATUS, s);
	c->spp = (s & SSTATUS_SPP) ? 1 : 0;
	csr_read(CSR_VSSTATUS, c->vsstatus);
	csr_read(CSR_VSIE, c->vsie);
	csr_read(CSR_VSTVEC, c->vstvec);
	csr_read(CSR_VSSCRATCH, c->vsscratch);
	csr_read(CSR_VSEPC, c->vsepc);
	csr_read(CSR_VSCAUSE, c->vscause);
	csr_read(CSR_VSTVAL, c->vstval);
	csr_read(CSR_VSATP, c->vsatp);
	csr_read(CSR_HVIP, c->hvip);
	csr_read(CSR_VSTIMECMP, c->vstimecmp);
}

static void load_live(struct hv_vcpu *v)
{
	struct rv_vcpu *c = ctx(v);
	uint64_t fences = __atomic_load_n(&c->fence_req, __ATOMIC_ACQUIRE);

	/* x0's slot: how trap.S finds this hart (smp.h). */
	v->regs.r[0] = (uint64_t)(uintptr_t)rv_this_cpu();

	csr_write(CSR_HGATP, rv_gstage_hgatp((struct rv_gstage *)v->vm->arch));
	hfence_gvma_all();
	/* Every fence asked of it before this flush is done. */
	__atomic_store_n(&c->fence_done, fences, __ATOMIC_RELEASE);
	csr_write(CSR_SEPC, c->sepc);
	if (c->spp)
		csr_set(CSR_SSTATUS, SSTATUS_SPP);
	else
		csr_clear(CSR_SSTATUS, SSTATUS_SPP);
	/* Return to V=1 at the saved privilege; wfi traps (VTW) so an idle
	 * guest yields the hart instead of stalling it. */
	csr_set(CSR_HSTATUS, HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_VTW);
	csr_write(CSR_VSSTATUS, c->vsstatus);
	csr_write(CSR_VSIE, c->vsie);
	csr_write(CSR_VSTVEC, c->vstvec);
	csr_write(CSR_VSSCRATCH, c->vsscratch);
	csr_write(CSR_VSEPC, c->vsepc);
	csr_write(CSR_VSCAUSE, c->vscause);
	csr_write(CSR_VSTVAL, c->vstval);
	csr_write(CSR_VSATP, c->vsatp);
	csr_write(CSR_HVIP, c->hvip | take_pending(c));
	csr_write(CSR_VSTIMECMP, c->vstimecmp);
}

struct hcall_regs *rv_vcpu_switch(struct hv_vcpu *next)
{
	struct rv_pcpu *cpu = rv_this_cpu();
	struct rv_vcpu *c = ctx(next);

	if (!__atomic_load_n(&c->started, __ATOMIC_ACQUIRE)) {
		/* a1: at VM start the DTB address the core set in vCPU 0's
		 * context_id; otherwise the opaque value of hart_start (or
		 * suspend). */
		rv_vcpu_reset(next, next->entry ? next->entry : next->vm->entry,
			      next->context_id);
	}
	if (next != cpu->current) {
		if (cpu->current)
			save_live(ctx(cpu->current));
		__atomic_store_n(&cpu->current, next, __ATOMIC_RELEASE);
		load_live(next);
	} else {
		/* A kick may have been taken by the idle loop's clear. */
		rv_vcpu_take_upcalls(next);
	}
	if (ctx(next)->fault_pending)
		rv_vcpu_deliver_fault(next);
	return &next->regs;
}

void rv_vcpu_queue_fault(struct hv_vcpu *v, uint64_t cause, uint64_t tval)
{
	struct rv_vcpu *c = ctx(v);

	c->fault_pending = 1;
	c->fault_cause = cause;
	c->fault_tval = tval;
}

/*
 * Take the exception into the guest as the hardware would for a trap
 * delegated to VS: vsepc/vscause/vstval, vsstatus.SPP = the privilege the
 * guest was at, SPIE = SIE, SIE = 0, and resume at vstvec (exceptions
 * always go to the base address).
 */
void rv_vcpu_deliver_fault(struct hv_vcpu *v)
{
	struct rv_vcpu *c = ctx(v);
	uint64_t sstatus, vsstatus, sepc, vstvec;

	c->fault_pending = 0;
	csr_read(CSR_SSTATUS, sstatus);
	csr_read(CSR_VSSTATUS, vsstatus);
	csr_read(CSR_SEPC, sepc);
	csr_read(CSR_VSTVEC, vstvec);
	vsstatus &= ~(SSTATUS_SPP | SSTATUS_SPIE);
	if (sstatus & SSTATUS_SPP)
		vsstatus |= SSTATUS_SPP;
	if (vsstatus & SSTATUS_SIE)
		vsstatus |= SSTATUS_SPIE;
	vsstatus &= ~SSTATUS_SIE;
	csr_write(CSR_VSSTATUS, vsstatus);
	csr_write(CSR_VSEPC, sepc);
	csr_write(CSR_VSCAUSE, c->fault_cause);
	csr_write(CSR_VSTVAL, c->fault_tval);
	csr_write(CSR_SEPC, vstvec & ~3ull);
	csr_set(CSR_SSTATUS, SSTATUS_SPP);
}

void rv_vcpu_set_timer(struct hv_vcpu *v, uint64_t deadline)
{
	if (v == current())
		csr_write(CSR_VSTIMECMP, deadline);
	else
		ctx(v)->vstimecmp = deadline;
}

void rv_vcpu_clear_ipi(struct hv_vcpu *v)
{
	__atomic_fetch_and(&ctx(v)->hvip_pending, ~(1ul << IRQ_VSSI), __ATOMIC_ACQ_REL);
	if (v == current())
		csr_clear(CSR_HVIP, 1ul << IRQ_VSSI);
	else
		ctx(v)->hvip &= ~(1ul << IRQ_VSSI);
}

/* Running here: at once. Elsewhere: pending, and its hart is kicked so a
 * running guest exits to take it in (trap.c) and an idle hart looks again. */
void rv_vcpu_raise_upcall(struct hv_vcpu *v)
{
	if (v == current()) {
		csr_set(CSR_HVIP, 1ul << IRQ_VSSI);
		return;
	}
	__atomic_fetch_or(&ctx(v)->hvip_pending, 1ul << IRQ_VSSI, __ATOMIC_ACQ_REL);
	rv_smp_kick(rv_hart_of(v));
}
