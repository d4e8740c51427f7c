/* SPDX-License-Identifier: MIT */
/*
 * The compile-time conduit: with HCALL_X86_VMMCALL defined, KVM and
 * Palacios calls trap with VMMCALL, and ACRN still with VMCALL (ACRN is
 * VMCALL-only).
 */
#define HCALL_X86_VMMCALL 1
#include <criterion/criterion.h>
#include <hcall/hcall.h>

#include "sim.h"
#include "x86_regs.h"

TestSuite(x86_conduit, .init = sim_reset);

Test(x86_conduit, kvm_uses_vmmcall)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_kvm_x86_vapic_poll_irq()));
	cr_assert_eq(sim.trap, HCALL_TRAP_VMMCALL);
	cr_assert_eq(sim.in.r[RAX], 1);
}

Test(x86_conduit, palacios_uses_vmmcall)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_palacios_test()));
	cr_assert_eq(sim.trap, HCALL_TRAP_VMMCALL);
}

Test(x86_conduit, acrn_stays_vmcall)
{
	sim_answer(RAX, 0);
	cr_assert(hcall_ok(hcall_acrn_world_switch(NULL)));
	cr_assert_eq(sim.trap, HCALL_TRAP_VMCALL);
	cr_assert_eq(sim.in.r[R8], 0x80000071u);
}
