/* SPDX-License-Identifier: MIT */
/*
 * src/trapemu/sim.c - the simulated-transport front end. Where the trap
 * cannot be taken in user mode (riscv64: ecall is a Linux system call),
 * programs built with HCALL_TRANSPORT_SIM hand their frame to
 * hcall_sim_trap(), and this routes it into the same core.
 */
#include "trapemu.h"

#include <signal.h>

void hcall_sim_trap(enum hcall_trap trap, uint32_t imm, struct hcall_regs *regs)
{
	struct hcall_regs f = *regs;

	switch (trapemu_dispatch(trap, imm, 0, &f)) {
	case TRAPEMU_DONE:
		*regs = f;
		break;
	case TRAPEMU_SKIP:
		break;
	case TRAPEMU_CRASH:
		/* No instruction to re-execute: die of the same signal. */
		signal(SIGILL, SIG_DFL);
		raise(SIGILL);
		break;
	}
}
