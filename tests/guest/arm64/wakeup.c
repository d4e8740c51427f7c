/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/wakeup.c - a wake-up event for a CPU that waits in WFI
 * (PSCI CPU_SUSPEND to a standby state), for the peer kernel on QEMU's
 * virt machine: the EL1 virtual timer (PPI 11, INTID 27) through the
 * GICv2 the device tree describes (distributor 0x08000000, CPU interface
 * 0x08010000). Interrupts stay masked in PSTATE: a pending interrupt ends
 * WFI whether or not it is taken, so no handler is needed.
 */
#include <stdint.h>

#include "arm64_guest.h"

#define GICD ((volatile uint32_t *)0x08000000ul)
#define GICC ((volatile uint32_t *)0x08010000ul)
#define GICD_CTLR (0x000 / 4)
#define GICD_ISENABLER0 (0x100 / 4)
#define GICC_CTLR (0x000 / 4)
#define GICC_PMR (0x004 / 4)
#define VTIMER_INTID 27u

void arm64_wakeup_arm(uint32_t ticks)
{
	GICD[GICD_CTLR] = 1;
	GICD[GICD_ISENABLER0] = 1u << VTIMER_INTID;
	GICC[GICC_PMR] = 0xF0;
	GICC[GICC_CTLR] = 1;
	__asm__ __volatile__("msr cntv_tval_el0, %0\n\t"
			     "msr cntv_ctl_el0, %1\n\t"
			     "isb"
			     :
			     : "r"((uint64_t)ticks), "r"((uint64_t)1)
			     : "memory");
}

void arm64_wakeup_disarm(void)
{
	__asm__ __volatile__("msr cntv_ctl_el0, %0\n\tisb" : : "r"((uint64_t)0) : "memory");
}
