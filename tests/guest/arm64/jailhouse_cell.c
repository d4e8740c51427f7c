/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/jailhouse_cell.c - how the root cell's Jailhouse check
 * (check_jailhouse.c) sees the cell it manages on arm64: the normal VM
 * (slot 1), which leaves its answers in the shared page (normal.c).
 */
#include "../guest.h"
#include "arm64_guest.h"

struct guest_jailhouse_report;
const volatile struct guest_jailhouse_report *guest_jailhouse_guest(void);
void guest_jailhouse_yield(void);

const volatile struct guest_jailhouse_report *guest_jailhouse_guest(void)
{
	return (const volatile struct guest_jailhouse_report *)&GUEST_SHARED->jailhouse;
}

/* Let the started cell run until it switches itself off; its vCPU going
 * off raises the upcall, taken and acknowledged with IRQs unmasked. */
void guest_jailhouse_yield(void)
{
	guest_irq_enable();
	__asm__ __volatile__("wfi" ::: "memory");
	for (volatile int i = 0; i < 100; i++)
		;
	guest_irq_disable();
}
