/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/smp.h - the physical harts of the HS-mode hypervisor.
 *
 * Every hart enters entry.S in M-mode at reset. Each sets up its own
 * M-mode CSRs; hart 0 boots the hypervisor while the others wait in WFI
 * (M-mode) until rv_smp_boot() releases them with a machine software
 * interrupt (CLINT MSIP). How many harts there are comes from the device
 * tree QEMU passes in a1.
 *
 * Each hart has its own HS stack and a struct rv_pcpu, kept in tp while
 * the hypervisor runs; the trap path finds it in slot 0 of the running
 * vCPU's frame (x0's slot, which no register is restored from).
 *
 * vCPUs are pinned: vCPU n of every VM runs on hart n % nharts
 * (hv_next_vcpu_on()), so a vCPU never runs on two harts. A hart with no
 * runnable vCPU sleeps in WFI until kicked. A kick is the other hart's
 * CLINT MSIP, which the M-mode shim turns into that hart's supervisor
 * software interrupt (sip.SSIP): a guest running there exits to HS, which
 * then takes in a pending upcall or leaves a vCPU that went offline.
 */
#ifndef HCALL_ARCH_RISCV_SMP_H
#define HCALL_ARCH_RISCV_SMP_H

#define RV_MAX_HARTS 4
#define RV_STACK_SIZE 16384
#define RV_CLINT_MSIP 0x2000000 /* CLINT: 4-byte MSIP register per hart */
#define RV_PCPU_HV 8            /* offsetof(struct rv_pcpu, hv), for trap.S */

#ifndef __ASSEMBLER__
#include <stdint.h>
#include "hv.h"

struct rv_pcpu {
	uint64_t stack_top;      /* offset 0: trap.S loads sp from here */
	struct hv *hv;           /* offset 8 (RV_PCPU_HV): what trap.S passes
				  * to the core, one load instead of a la */
	struct hv_vcpu *current; /* the vCPU whose state is live in this hart */
	unsigned hart;
	int alive;               /* set by the hart itself once it runs C */
};

extern struct rv_pcpu rv_pcpus[RV_MAX_HARTS];
/* Harts up; written once by hart 0 before any vCPU runs. */
extern unsigned rv_nharts;

static inline struct rv_pcpu *rv_this_cpu(void)
{
	struct rv_pcpu *p;

	__asm__("mv %0, tp" : "=r"(p));
	return p;
}

/* The hart vCPU v is pinned to. */
static inline unsigned rv_hart_of(const struct hv_vcpu *v)
{
	return rv_nharts > 1 ? v->id % rv_nharts : 0;
}

/* This hart's per-CPU state: tp = &rv_pcpus[hart]. */
void rv_smp_cpu_init(unsigned hart);
/* Release harts 1.. of the device tree at `fdt` (up to RV_MAX_HARTS);
 * each runs secondary_main(hart) once up. Returns the number of harts up. */
unsigned rv_smp_boot(const void *fdt, void (*secondary_main)(unsigned hart));
/* Interrupt hart `hart` (nothing if it is this one or does not exist). */
void rv_smp_kick(unsigned hart);
/* Interrupt every other hart. */
void rv_smp_kick_others(void);

/*
 * Pause for a moment: a wfi with this hart's own SSIP raised, which
 * returns at once on hardware and in QEMU. Under QEMU's single-threaded
 * round-robin TCG (-icount) it hands the host thread to the next hart, as
 * an idle hart would, so a hart that waits for another does not spin
 * through its time slice; with a thread per hart it is nothing. SSIP is
 * left raised: the caller clears it where a kick is taken in anyway
 * (rv_next_vcpu), or where none can be missed.
 */
static inline void rv_smp_pause(void)
{
	__asm__ __volatile__("csrsi sip, 2\n\twfi" ::: "memory");
}
#endif

#endif /* HCALL_ARCH_RISCV_SMP_H */
