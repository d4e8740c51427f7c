/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/vcpu.h - the EL2 glue's per-vCPU and per-VM state.
 *
 * The general-purpose registers live in struct hv_vcpu's frame
 * (regs.r[n] = xn, the vectors read and write them there). The rest of
 * the guest context, the guest PC and PSTATE included (ELR_EL2,
 * SPSR_EL2), stays in the CPU while the vCPU is loaded and is saved here
 * only when another vCPU is loaded: while loaded, it is read and written
 * in the system registers.
 */
#ifndef ARM64_VCPU_H
#define ARM64_VCPU_H

#include <hv/hv.h>
#include "stage2.h"
#include "sysreg.h"

#define HCR_GUEST (HCR_RW | HCR_VM | HCR_IMO | HCR_FMO | HCR_AMO | HCR_TSC | HCR_TWI)

/* The first four words are read by the vectors (frame.h). */
struct arm64_vcpu {
	int started;            /* architectural state initialised */
	int virq;               /* upcall pending: HCR_EL2.VI on entry */
	int vi;                 /* HCR_EL2.VI as written while loaded */
	unsigned s2_faults;     /* consecutive stage-2 faults (loop guard) */
	uint64_t elr, spsr;     /* ELR_EL2 / SPSR_EL2: the guest PC and PSTATE */
	uint64_t sp_el0, sp_el1, elr_el1, spsr_el1, esr_el1, far_el1;
	uint64_t vbar_el1, sctlr_el1, cpacr_el1, tcr_el1, ttbr0_el1, ttbr1_el1;
	uint64_t mair_el1, tpidr_el1, tpidr_el0, contextidr_el1, cntkctl_el1;
};

struct arm64_vm {
	struct arm64_s2 s2;
	int has_uart;           /* PL011 mapped into the VM */
	const uint8_t *image;   /* the embedded guest image, copied to its RAM */
	uint64_t image_size;
	/* The regions the stage-2 tables were last built from (nmapped 0:
	 * none yet); a start with the same regions keeps the tables. */
	struct hv_region mapped[HV_MAX_REGIONS];
	unsigned nmapped;
};

/* Save the loaded guest context to v / load v's context into the CPU
 * (HCR_EL2 included). */
void vcpu_save(struct hv_vcpu *v);
void vcpu_load(struct hv_vcpu *v);
/* Fresh architectural state: entry PC, x0 = context id, EL1h masked
 * (loaded by the next vcpu_load). */
void vcpu_reset(struct hv_vcpu *v, uint64_t entry, uint64_t x0);
/* HCR_EL2.VI for the loaded v: its upcall, if pending. */
void vcpu_write_vi(struct hv_vcpu *v);
/* Deliver a synchronous exception to the guest's EL1 vectors, as if the
 * instruction at `pc` had raised it (the vCPU must be loaded). */
void vcpu_inject_sync(struct hv_vcpu *v, uint64_t esr, uint64_t far, uint64_t pc);

#endif /* ARM64_VCPU_H */
