/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/smp.c - physical CPU bring-up and kicks (see smp.h).
 *
 * PSCI CPU_ON (DEN0022, SMC64 0xC4000003): x1 = the target's MPIDR with
 * only the affinity fields (QEMU refuses bit 31, which MPIDR_EL1 reads as
 * 1), x2 = the entry, x3 = a context id the new CPU gets in x0. QEMU virt
 * numbers CPU n with Aff0 = n for up to 8 CPUs (GICv2).
 *
 * Kicks are SGI 1 through the virt machine's GICv2: distributor at
 * 0x08000000, CPU interface at 0x08010000. SGIs are per-CPU (banked)
 * interrupts, so each CPU enables its own. With HCR_EL2.IMO set while a
 * guest runs, the SGI is taken to EL2 whatever the guest's PSTATE.I is.
 */
#include "smp.h"
#include "console.h"

#define PSCI_CPU_ON_64 0xC4000003ull
#define PSCI_SUCCESS 0

#define GICD ((volatile uint32_t *)0x08000000ul)
#define GICC ((volatile uint32_t *)0x08010000ul)
#define GICD_CTLR (0x000 / 4)
#define GICD_ISENABLER0 (0x100 / 4)
#define GICD_IPRIORITYR0 (0x400 / 4)
#define GICD_SGIR (0xF00 / 4)
#define GICC_CTLR (0x00 / 4)
#define GICC_PMR (0x04 / 4)
#define GICC_IAR (0x0C / 4)
#define GICC_EOIR (0x10 / 4)
#define GIC_SPURIOUS 1020u
#define SGI_KICK 1u

#define BRINGUP_SPINS 100000000ul

struct arm64_pcpu arm64_pcpus[ARM64_MAX_CPUS];
unsigned arm64_ncpus = 1;
/* The secondary CPUs' EL2 stacks (CPU 0 uses the one in hv.ld). */
uint8_t arm64_cpu_stacks[ARM64_MAX_CPUS][ARM64_STACK_SIZE] __attribute__((aligned(16)));

/* boot.S: sets the stack and vectors of CPU x0, calls arm64_secondary(x0). */
void arm64_secondary_entry(void);
void arm64_secondary(unsigned cpu);

static void (*secondary_fn)(unsigned cpu);

static int64_t psci_cpu_on(uint64_t mpidr, uint64_t entry, uint64_t ctx)
{
	register uint64_t x0 __asm__("x0") = PSCI_CPU_ON_64;
	register uint64_t x1 __asm__("x1") = mpidr;
	register uint64_t x2 __asm__("x2") = entry;
	register uint64_t x3 __asm__("x3") = ctx;

	/* SMCCC 1.0 firmware may change x4-x17 too. */
	__asm__ __volatile__("smc #0"
			     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
			     :
			     : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
			       "x12", "x13", "x14", "x15", "x16", "x17", "memory");
	return (int64_t)(int32_t)x0;
}

void smp_cpu_init(unsigned cpu)
{
	struct arm64_pcpu *c = &arm64_pcpus[cpu];

	c->id = cpu;
	write_sysreg(tpidr_el2, (uint64_t)(uintptr_t)c);
	if (cpu == 0)
		GICD[GICD_CTLR] = 1;
	GICD[GICD_IPRIORITYR0] = 0; /* SGIs 0-3 at the highest priority */
	GICD[GICD_ISENABLER0] = 1u << SGI_KICK;
	GICC[GICC_PMR] = 0xF0;
	GICC[GICC_CTLR] = 1;
	isb();
}

void arm64_secondary(unsigned cpu)
{
	if (cpu == 0 || cpu >= ARM64_MAX_CPUS)
		for (;;)
			__asm__ __volatile__("wfe");
	secondary_fn(cpu);
}

unsigned smp_boot(void (*secondary_main)(unsigned cpu))
{
	unsigned cpu;

	secondary_fn = secondary_main;
	for (cpu = 1; cpu < ARM64_MAX_CPUS; cpu++) {
		unsigned long spins = 0;
		int64_t ret = psci_cpu_on(cpu, (uint64_t)(uintptr_t)arm64_secondary_entry, cpu);

		if (ret != PSCI_SUCCESS)
			break; /* no such CPU: INVALID_PARAMETERS */
		while (!__atomic_load_n(&arm64_pcpus[cpu].alive, __ATOMIC_ACQUIRE))
			if (++spins == BRINGUP_SPINS) {
				con_puts("hv: CPU ");
				con_dec(cpu);
				con_puts(" did not come up\n");
				return cpu;
			}
	}
	return cpu;
}

void smp_kick(unsigned cpu)
{
	if (cpu >= arm64_ncpus || cpu == this_cpu()->id)
		return;
	__asm__ __volatile__("dsb ish" ::: "memory"); /* the news before the SGI */
	GICD[GICD_SGIR] = (1u << (16 + cpu)) | SGI_KICK;
}

void smp_kick_others(void)
{
	unsigned cpu;

	for (cpu = 0; cpu < arm64_ncpus; cpu++)
		smp_kick(cpu);
}

void smp_ack(void)
{
	for (;;) {
		uint32_t iar = GICC[GICC_IAR];

		if ((iar & 0x3ff) >= GIC_SPURIOUS)
			return;
		GICC[GICC_EOIR] = iar;
	}
}
