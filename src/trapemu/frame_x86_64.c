/* SPDX-License-Identifier: MIT */
/* src/trapemu/frame_x86_64.c - x86_64 ucontext <-> frame (see frame.h). */
#define _GNU_SOURCE
#include "frame.h"

/* gregs[] index of frame register i: the instruction-encoding order. */
static const int x86_greg[16] = {
	REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
	REG_R8,  REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};

void trapemu_frame_load(const ucontext_t *uc, struct hcall_regs *f)
{
	for (int i = 0; i < HCALL_NREGS; i++)
		f->r[i] = i < 16 ? (uint64_t)uc->uc_mcontext.gregs[x86_greg[i]] : 0;
}

void trapemu_frame_store(ucontext_t *uc, const struct hcall_regs *f)
{
	for (int i = 0; i < 16; i++)
		uc->uc_mcontext.gregs[x86_greg[i]] = (greg_t)f->r[i];
}

uint64_t trapemu_frame_pc(const ucontext_t *uc)
{
	return (uint64_t)uc->uc_mcontext.gregs[REG_RIP];
}

void trapemu_frame_set_pc(ucontext_t *uc, uint64_t pc)
{
	uc->uc_mcontext.gregs[REG_RIP] = (greg_t)pc;
}
