/* SPDX-License-Identifier: MIT */
/*
 * tests/user/arm64_guest.c - tests/guest/arm64/arm64_guest.h in user mode.
 * No virtual IRQ reaches a process, so the counter stays 0; the checks
 * that wait for one need GUEST_CAP_VMS.
 */
#include "arm64/arm64_guest.h"
#include "user.h"

volatile unsigned guest_irq_count;

void user_arch_fault(enum hv_fault fault)
{
	(void)fault; /* guest_fault_taken() says all an arm64 check reads */
}
