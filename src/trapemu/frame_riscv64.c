/* SPDX-License-Identifier: MIT */
/*
 * src/trapemu/frame_riscv64.c - riscv64 ucontext <-> frame (see frame.h).
 * glibc keeps x1..x31 in __gregs[1..31] and the pc in __gregs[0], so the
 * frame index is the x-register number. The SIGILL front end never sees a
 * riscv hypercall (ecall is a Linux system call in user mode); the mapping
 * keeps the front end the same on every architecture.
 */
#define _GNU_SOURCE
#include "frame.h"

void trapemu_frame_load(const ucontext_t *uc, struct hcall_regs *f)
{
	f->r[0] = 0; /* x0 is hard-wired zero */
	for (int i = 1; i < 32; i++)
		f->r[i] = uc->uc_mcontext.__gregs[i];
}

void trapemu_frame_store(ucontext_t *uc, const struct hcall_regs *f)
{
	for (int i = 1; i < 32; i++)
		uc->uc_mcontext.__gregs[i] = f->r[i];
}

uint64_t trapemu_frame_pc(const ucontext_t *uc)
{
	return uc->uc_mcontext.__gregs[REG_PC];
}

void trapemu_frame_set_pc(ucontext_t *uc, uint64_t pc)
{
	uc->uc_mcontext.__gregs[REG_PC] = pc;
}
