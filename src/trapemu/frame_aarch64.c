/* SPDX-License-Identifier: MIT */
/* src/trapemu/frame_aarch64.c - arm64 ucontext <-> frame (see frame.h). */
#define _GNU_SOURCE
#include "frame.h"

void trapemu_frame_load(const ucontext_t *uc, struct hcall_regs *f)
{
	for (int i = 0; i < 31; i++)
		f->r[i] = uc->uc_mcontext.regs[i];
	f->r[31] = 0;
}

void trapemu_frame_store(ucontext_t *uc, const struct hcall_regs *f)
{
	for (int i = 0; i < 31; i++)
		uc->uc_mcontext.regs[i] = f->r[i];
}

uint64_t trapemu_frame_pc(const ucontext_t *uc)
{
	return uc->uc_mcontext.pc;
}

void trapemu_frame_set_pc(ucontext_t *uc, uint64_t pc)
{
	uc->uc_mcontext.pc = pc;
}
