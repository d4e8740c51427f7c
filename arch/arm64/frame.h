/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/frame.h - what the vectors (entry.S) read beside a vCPU's
 * frame: byte offsets, checked against the C structures in main.c.
 */
#ifndef ARM64_FRAME_H
#define ARM64_FRAME_H

/* struct hv_vcpu: its `arch` pointer, from the frame (vcpu->regs); the
 * vCPU itself, back from the frame. */
#define FRAME_VCPU_ARCH 288
#define FRAME_VCPU 16

/* struct arm64_vcpu: its first words. */
#define A64_STARTED 0
#define A64_VIRQ 4
#define A64_S2_FAULTS 12

#endif /* ARM64_FRAME_H */
