/* SPDX-License-Identifier: MIT */
/*
 * tests/user/rv_guest.c - tests/guest/riscv/rv_guest.h in user mode, where
 * every call goes through the simulated transport (see plan.c).
 */
#include <hcall/transport.h>

#include "riscv/rv_guest.h"
#include "user.h"

#define SPEC_ILLEGAL_INSN 2 /* scause of an illegal instruction */

uint64_t rv_guest_boot_a1;
volatile uint64_t rv_guest_fault_cause;
volatile uint64_t rv_guest_fault_tval;
volatile unsigned rv_guest_irq_count; /* no interrupt reaches a process */

/* The core's injected exception, as a VS-mode guest's scause shows it. */
void user_arch_fault(enum hv_fault fault)
{
	(void)fault; /* both kinds are an illegal instruction on riscv */
	rv_guest_fault_cause = SPEC_ILLEGAL_INSN;
	rv_guest_fault_tval = 0;
}

/*
 * x1..x31 from in[] into the frame, one simulated ecall, the frame back
 * into out[]: the same view of every register as the system suite's
 * rv_allregs.S, of the core's write-back rather than of the instruction.
 */
void rv_trap_all(const uint64_t in[32], uint64_t out[32])
{
	struct hcall_regs f;
	unsigned i;

	f.r[0] = 0; /* x0 */
	for (i = 1; i < 32; i++)
		f.r[i] = in[i];
	hcall_sim_trap(HCALL_TRAP_ECALL, 0, &f);
	out[0] = 0;
	for (i = 1; i < 32; i++)
		out[i] = f.r[i];
}
