/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/frame.h - what the vector (trap.S) reads beside a vCPU's
 * frame: byte offsets, checked against the C structures in trap.c.
 */
#ifndef HCALL_ARCH_RISCV_FRAME_H
#define HCALL_ARCH_RISCV_FRAME_H

/* struct hv_vcpu: the vCPU itself, back from its frame (vcpu->regs). */
#define FRAME_VCPU 16

#endif /* HCALL_ARCH_RISCV_FRAME_H */
