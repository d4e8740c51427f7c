/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/vcpu.c - per-vCPU architectural state.
 *
 * One physical hart runs every vCPU in turn. The running vCPU's VS-level
 * CSRs, sepc, hvip and its VM's hgatp are live in the hart; the others
 * wait in their struct rv_vcpu. The GPRs always live in vcpu->regs
 * (trap.S saves and restores them there).
 */
#include "csr.h"
#include "rv.h"

struct hv_vcpu *rv_current;

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
	 * zone id at VM start (where firmware would pass the device tree),
	 * the opaque value of SBI hart_start. */
	v->regs.r[10] = v->id;
	v->regs.r[11] = a1;
	*c = (struct rv_vcpu){ 0 };
	c->vstimecmp = ~0ull; /* no timer until the guest sets one */
	c->sepc = entry;
	c->spp = 1;
	c->started = 1;
	if (v == rv_current) {
		/* Restarting the running vCPU: reload its live state too. */
		rv_current = 0;
		rv_vcpu_switch(v);
	}
}

void rv_vcpu_stopped(struct hv_vcpu *v)
{
	ctx(v)->started = 0;
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

	csr_write(CSR_HGATP, rv_gstage_hgatp((struct rv_gstage *)v->vm->arch));
	hfence_gvma_all();
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
	csr_write(CSR_HVIP, c->hvip);
	csr_write(CSR_VSTIMECMP, c->vstimecmp);
}

struct hcall_regs *rv_vcpu_switch(struct hv_vcpu *next)
{
	if (!ctx(next)->started)
		rv_vcpu_reset(next, next->entry ? next->entry : next->vm->entry,
			      next->context_id);
	if (next != rv_current) {
		if (rv_current)
			save_live(ctx(rv_current));
		rv_current = next;
		load_live(next);
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
	if (v == rv_current)
		csr_write(CSR_VSTIMECMP, deadline);
	else
		ctx(v)->vstimecmp = deadline;
}

void rv_vcpu_clear_ipi(struct hv_vcpu *v)
{
	if (v == rv_current)
		csr_clear(CSR_HVIP, 1ul << IRQ_VSSI);
	else
		ctx(v)->hvip &= ~(1ul << IRQ_VSSI);
}

void rv_vcpu_raise_upcall(struct hv_vcpu *v)
{
	if (v == rv_current)
		csr_set(CSR_HVIP, 1ul << IRQ_VSSI);
	else
		ctx(v)->hvip |= 1ul << IRQ_VSSI;
}
