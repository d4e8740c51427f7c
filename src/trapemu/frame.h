/* SPDX-License-Identifier: MIT */
/*
 * src/trapemu/frame.h - the interrupted user context as the hv core's
 * register frame.
 *
 * The frame is indexed as in <hcall/regs.h>:
 *   arm64   x0..x30 are uc_mcontext.regs[0..30]; r[31] is unused (0).
 *   x86_64  ModRM order: rax rcx rdx rbx rsp rbp rsi rdi r8..r15 from
 *           gregs[REG_RAX], [REG_RCX] ... [REG_R15]; r[16..31] unused (0).
 * One file per architecture implements these (frame_<arch>.c).
 */
#ifndef TRAPEMU_FRAME_H
#define TRAPEMU_FRAME_H

#include <hcall/regs.h>
#include <ucontext.h>

/* Copy every general-purpose register of `uc` into `f`. */
void trapemu_frame_load(const ucontext_t *uc, struct hcall_regs *f);

/* Copy every general-purpose register of `f` back into `uc`. */
void trapemu_frame_store(ucontext_t *uc, const struct hcall_regs *f);

/* The PC of the instruction that raised the signal, and setting it. */
uint64_t trapemu_frame_pc(const ucontext_t *uc);
void trapemu_frame_set_pc(ucontext_t *uc, uint64_t pc);

#endif /* TRAPEMU_FRAME_H */
