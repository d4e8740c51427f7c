/* SPDX-License-Identifier: MIT */
/*
 * A recording simulated transport for the unit tests: it keeps the frame
 * the wrapper trapped with, and answers with a frame the test prepared.
 */
#ifndef HCALL_TEST_SIM_H
#define HCALL_TEST_SIM_H

#include <hcall/regs.h>
#include <string.h>

struct sim_log {
	int calls;
	enum hcall_trap trap;
	uint32_t imm;
	struct hcall_regs in;  /* what the guest trapped with */
	struct hcall_regs out; /* written over the frame before returning */
	uint32_t out_mask;     /* which registers of `out` to write */
};

static struct sim_log sim;

void hcall_sim_trap(enum hcall_trap trap, uint32_t imm, struct hcall_regs *regs)
{
	sim.calls++;
	sim.trap = trap;
	sim.imm = imm;
	sim.in = *regs;
	for (int i = 0; i < HCALL_NREGS; i++)
		if (sim.out_mask & (1u << i))
			regs->r[i] = sim.out.r[i];
}

static inline void sim_reset(void)
{
	memset(&sim, 0, sizeof(sim));
}

static inline void sim_answer(int reg, uint64_t value)
{
	sim.out.r[reg] = value;
	sim.out_mask |= 1u << reg;
}

#endif
