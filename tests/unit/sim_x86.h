/* SPDX-License-Identifier: MIT */
/*
 * The check shared by the x86 conventions that take the call number in
 * rax and up to four arguments in rbx, rcx, rdx, rsi: KVM x86
 * (Documentation/virt/kvm/x86/hypercalls.rst) and Palacios (the seed).
 * Include after <criterion/criterion.h>.
 */
#ifndef HCALL_TEST_SIM_X86_H
#define HCALL_TEST_SIM_X86_H

#include "sim.h"
#include "x86_regs.h"

/* The last trap was the only one, with `trap`, number `nr` in rax, the
 * call's `nargs` arguments a0.. in rbx, rcx, rdx, rsi in that order, and
 * zeros (untouched) in the argument registers it does not take and in
 * rdi and r8. */
static inline void check_rax_call(enum hcall_trap trap, uint64_t nr, int nargs,
				  uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	const int arg_regs[4] = { RBX, RCX, RDX, RSI };
	const uint64_t args[4] = { a0, a1, a2, a3 };

	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, trap);
	cr_assert_eq(sim.imm, 0);
	cr_assert_eq(sim.in.r[RAX], nr);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(sim.in.r[arg_regs[i]], i < nargs ? args[i] : 0,
			     "argument %d", i);
	cr_assert_eq(sim.in.r[RDI], 0);
	cr_assert_eq(sim.in.r[R8], 0);
}

#endif
