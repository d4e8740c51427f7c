/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/norights.c - a VM with no hypercall rights (hvisor
 * zone 2). Both of its HVCs must raise UNDEFINED in its own EL1 vectors;
 * it records what it saw in the shared page and idles (WFI hands the CPU
 * back). It has no console: it must not print.
 */
#include "../guest.h"
#include "arm64_guest.h"

void guest_main(void)
{
	struct guest_shared *sh = GUEST_SHARED;
	register uint64_t x0 __asm__("x0");

	sh->norights_runs++;
	guest_expect_fault();
	x0 = 4; /* hvisor zone_list, which a rightful root zone could call */
	__asm__ __volatile__("hvc #0x4856" : "+r"(x0) : : "memory");
	sh->norights_fault = guest_fault_taken();
	guest_expect_fault();
	x0 = 0x80000000u; /* SMCCC_VERSION */
	__asm__ __volatile__("hvc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
	sh->norights_fault0 = guest_fault_taken();
	for (;;)
		__asm__ __volatile__("wfi");
}
