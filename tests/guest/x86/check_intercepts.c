/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/x86/check_intercepts.c - the intercepts the hypervisor
 * relies on are forced on (the lesson of CVE-2021-3656, where a nested
 * guest could clear them): a guest that tries the SVM instructions gets
 * #UD instead of running a nested hypervisor, and a guest cannot read or
 * rewrite EFER (which holds SVME) because every MSR access is
 * intercepted and answered with #GP(0).
 *
 * Expected vectors from the AMD64 manual: #UD is 6, #GP is 13 with error
 * code 0. The guest runs with EFER.SVME set (the VMCB requires it), so
 * without the intercepts these instructions would execute.
 */
#include "guest.h"
#include "tap.h"
#include "x86/x86_guest.h"

#define SPEC_UD 6
#define SPEC_GP 13
#define SPEC_MSR_EFER 0xC0000080u

/* 4 KiB-aligned scratch a VMRUN/VMLOAD/VMSAVE would read as a VMCB. */
static uint8_t fake_vmcb[4096] __attribute__((aligned(4096)));

static void expect_ud(const char *name, void (*op)(void))
{
	guest_expect_fault();
	op();
	enum guest_fault f = guest_fault_taken();
	tap_check(f == GUEST_FAULT_UNDEF && guest_x86_fault_vector() == SPEC_UD, name);
}

static void op_vmrun(void)
{
	__asm__ __volatile__("vmrun" : : "a"((uint64_t)(uintptr_t)fake_vmcb) : "memory");
}

static void op_vmload(void)
{
	__asm__ __volatile__("vmload" : : "a"((uint64_t)(uintptr_t)fake_vmcb) : "memory");
}

static void op_vmsave(void)
{
	__asm__ __volatile__("vmsave" : : "a"((uint64_t)(uintptr_t)fake_vmcb) : "memory");
}

static void op_stgi(void)
{
	__asm__ __volatile__("stgi" : : : "memory");
}

static void op_clgi(void)
{
	__asm__ __volatile__("clgi" : : : "memory");
}

static void run(void)
{
	uint32_t lo = 0, hi = 0;

	expect_ud("guest VMRUN: #UD (nested SVM refused, VMRUN intercepted)", op_vmrun);
	expect_ud("guest VMLOAD: #UD", op_vmload);
	expect_ud("guest VMSAVE: #UD", op_vmsave);
	expect_ud("guest STGI: #UD", op_stgi);
	expect_ud("guest CLGI: #UD", op_clgi);

	guest_expect_fault();
	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(SPEC_MSR_EFER));
	tap_check(guest_fault_taken() == GUEST_FAULT_GP && guest_x86_fault_vector() == SPEC_GP &&
			  guest_x86_fault_error_code() == 0,
		  "guest RDMSR EFER: #GP(0) (every MSR intercepted)");
	guest_expect_fault();
	__asm__ __volatile__("wrmsr" : : "a"(0u), "d"(0u), "c"(SPEC_MSR_EFER));
	tap_check(guest_fault_taken() == GUEST_FAULT_GP && guest_x86_fault_vector() == SPEC_GP,
		  "guest WRMSR EFER (clearing SVME): #GP(0)");
	(void)lo;
	(void)hi;
}

GUEST_CHECK("x86 intercepts", run);
