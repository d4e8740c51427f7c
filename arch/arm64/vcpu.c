/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/vcpu.c - guest EL1 context switch and exception injection.
 */
#include "vcpu.h"
#include "sysreg.h"

#define SCTLR_EL1_RESET 0x30d00800ull /* RES1 bits, MMU and caches off */
#define CPACR_EL1_FPEN (3ull << 20)

static struct arm64_vcpu *av(struct hv_vcpu *v)
{
	return (struct arm64_vcpu *)v->arch;
}

void vcpu_save(struct hv_vcpu *v)
{
	struct arm64_vcpu *a = av(v);

	a->sp_el0 = read_sysreg(sp_el0);
	a->sp_el1 = read_sysreg(sp_el1);
	a->elr_el1 = read_sysreg(elr_el1);
	a->spsr_el1 = read_sysreg(spsr_el1);
	a->esr_el1 = read_sysreg(esr_el1);
	a->far_el1 = read_sysreg(far_el1);
	a->vbar_el1 = read_sysreg(vbar_el1);
	a->sctlr_el1 = read_sysreg(sctlr_el1);
	a->cpacr_el1 = read_sysreg(cpacr_el1);
	a->tcr_el1 = read_sysreg(tcr_el1);
	a->ttbr0_el1 = read_sysreg(ttbr0_el1);
	a->ttbr1_el1 = read_sysreg(ttbr1_el1);
	a->mair_el1 = read_sysreg(mair_el1);
	a->tpidr_el1 = read_sysreg(tpidr_el1);
	a->tpidr_el0 = read_sysreg(tpidr_el0);
	a->contextidr_el1 = read_sysreg(contextidr_el1);
	a->cntkctl_el1 = read_sysreg(cntkctl_el1);
	a->elr = read_sysreg(elr_el2);
	a->spsr = read_sysreg(spsr_el2);
}

void vcpu_write_vi(struct hv_vcpu *v)
{
	struct arm64_vcpu *a = av(v);

	a->vi = a->virq;
	write_sysreg(hcr_el2, HCR_GUEST | (a->vi ? HCR_VI : 0));
}

void vcpu_load(struct hv_vcpu *v)
{
	struct arm64_vcpu *a = av(v);
	struct arm64_vm *vm = (struct arm64_vm *)v->vm->arch;

	write_sysreg(sp_el0, a->sp_el0);
	write_sysreg(sp_el1, a->sp_el1);
	write_sysreg(elr_el1, a->elr_el1);
	write_sysreg(spsr_el1, a->spsr_el1);
	write_sysreg(esr_el1, a->esr_el1);
	write_sysreg(far_el1, a->far_el1);
	write_sysreg(vbar_el1, a->vbar_el1);
	write_sysreg(sctlr_el1, a->sctlr_el1);
	write_sysreg(cpacr_el1, a->cpacr_el1);
	write_sysreg(tcr_el1, a->tcr_el1);
	write_sysreg(ttbr0_el1, a->ttbr0_el1);
	write_sysreg(ttbr1_el1, a->ttbr1_el1);
	write_sysreg(mair_el1, a->mair_el1);
	write_sysreg(tpidr_el1, a->tpidr_el1);
	write_sysreg(tpidr_el0, a->tpidr_el0);
	write_sysreg(contextidr_el1, a->contextidr_el1);
	write_sysreg(cntkctl_el1, a->cntkctl_el1);
	/* PSCI names vCPUs by MPIDR Aff0 = vcpu id; bit 31 is RES1. */
	write_sysreg(vmpidr_el2, (1ull << 31) | v->id);
	write_sysreg(vttbr_el2, s2_vttbr(&vm->s2));
	write_sysreg(elr_el2, a->elr);
	write_sysreg(spsr_el2, a->spsr);
	vcpu_write_vi(v);
	isb();
}

void vcpu_reset(struct hv_vcpu *v, uint64_t entry, uint64_t x0)
{
	struct arm64_vcpu *a = av(v);
	unsigned i;

	for (i = 0; i < HCALL_NREGS; i++)
		v->regs.r[i] = 0;
	v->regs.r[0] = x0;
	*a = (struct arm64_vcpu){ 0 };
	a->elr = entry;
	a->spsr = SPSR_EL1H_MASKED;
	a->sctlr_el1 = SCTLR_EL1_RESET;
	a->cpacr_el1 = CPACR_EL1_FPEN;
	a->started = 1;
}

void vcpu_inject_sync(struct hv_vcpu *v, uint64_t esr, uint64_t far, uint64_t pc)
{
	uint64_t vbar = read_sysreg(vbar_el1);
	uint64_t spsr = read_sysreg(spsr_el2);
	uint64_t off;

	(void)v; /* loaded: its PSTATE and PC are SPSR_EL2 and ELR_EL2 */
	if ((spsr & SPSR_MODE_MASK) == SPSR_MODE_EL0T)
		off = 0x400;            /* lower EL, AArch64 */
	else if (spsr & 1)
		off = 0x200;            /* current EL, SP_EL1 */
	else
		off = 0x000;            /* current EL, SP_EL0 */
	write_sysreg(elr_el1, pc);
	write_sysreg(spsr_el1, spsr);
	write_sysreg(esr_el1, esr);
	write_sysreg(far_el1, far);
	write_sysreg(elr_el2, vbar + off);
	write_sysreg(spsr_el2, SPSR_EL1H_MASKED);
}
