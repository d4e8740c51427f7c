/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/smp.h - the physical CPUs of the EL2 hypervisor.
 *
 * CPU 0 boots at _start; arm64_main() starts the others through the
 * machine's PSCI CPU_ON (an SMC at EL2: QEMU virt with virtualization=on
 * has no EL3 and answers PSCI itself). Each CPU has its own EL2 stack,
 * its own EL2 system registers (vectors, VTCR, CPTR, VPIDR) and a struct
 * arm64_pcpu behind TPIDR_EL2.
 *
 * vCPUs are pinned: vCPU n of every VM runs on CPU n % ncpus
 * (hv_next_vcpu_on()), so a vCPU never runs on two CPUs. A CPU with no
 * runnable vCPU sleeps in WFI. Another CPU's attention is drawn with an
 * SGI through the GICv2 (smp_kick): it wakes an idle CPU to look for a
 * vCPU again, and makes the vCPU running there exit to EL2, which then
 * sees a pending upcall or that its vCPU went offline.
 */
#ifndef ARM64_SMP_H
#define ARM64_SMP_H

#include <hv/hv.h>
#include "sysreg.h"

#define ARM64_MAX_CPUS 4
#define ARM64_STACK_SIZE 0x4000

struct arm64_pcpu {
	unsigned id;
	volatile int alive;     /* set by the CPU itself once it runs C */
	struct hv_vcpu *loaded; /* the vCPU whose context the CPU holds */
};

extern struct arm64_pcpu arm64_pcpus[ARM64_MAX_CPUS];
/* CPUs up; written once by CPU 0 before any vCPU runs. */
extern unsigned arm64_ncpus;

static inline struct arm64_pcpu *this_cpu(void)
{
	return (struct arm64_pcpu *)(uintptr_t)read_sysreg(tpidr_el2);
}

/* The CPU vCPU v is pinned to. */
static inline unsigned smp_cpu_of(const struct hv_vcpu *v)
{
	return arm64_ncpus > 1 ? v->id % arm64_ncpus : 0;
}

/* This CPU's EL2 state and GIC CPU interface; TPIDR_EL2 = &arm64_pcpus[cpu]. */
void smp_cpu_init(unsigned cpu);
/* Start CPUs 1..ARM64_MAX_CPUS-1 until the firmware refuses one; each
 * runs secondary_main(cpu) once up. Returns the number of CPUs up. */
unsigned smp_boot(void (*secondary_main)(unsigned cpu));
/* Interrupt CPU `cpu` (nothing if it is this one). */
void smp_kick(unsigned cpu);
/* Interrupt every other CPU. */
void smp_kick_others(void);
/* Acknowledge the kicks pending on this CPU. */
void smp_ack(void);

#endif /* ARM64_SMP_H */
