/* SPDX-License-Identifier: MIT */
/*
 * tests/user/x86_guest.c - tests/guest/x86/x86_guest.h in user mode. The
 * faults are those the core injected (through the emulator's fault hook);
 * no interrupt reaches a process, so the interrupt counters stay 0 and
 * the checks that wait for one need GUEST_CAP_VMS. x86_trap_all is the
 * system guests' own, tests/guest/x86/trap_all.S.
 */
#include "user.h"
#include "x86/x86_guest.h"

#define VEC_UD 6
#define VEC_GP 13

/* No hypervisor boots this process: no boot rdx. */
uint64_t guest_x86_boot_ncpus;

static unsigned fault_vector;

void user_arch_fault(enum hv_fault fault)
{
	fault_vector = fault == HV_FAULT_GP0 ? VEC_GP : VEC_UD;
}

unsigned guest_x86_fault_vector(void)
{
	return fault_vector;
}

/* #GP(0): the only error code the core injects. */
uint64_t guest_x86_fault_error_code(void)
{
	return 0;
}

/* A Linux process runs at CPL 3, whatever the core was told. */
unsigned guest_x86_fault_cpl(void)
{
	return 3;
}

void guest_x86_on_interrupt(void (*fn)(unsigned vector))
{
	(void)fn; /* never called: see the file comment */
}

unsigned guest_x86_interrupts(unsigned vector)
{
	(void)vector;
	return 0;
}

void guest_x86_wait_for_interrupt(void)
{
}
