/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/guest_va.h - reading guest memory by guest-virtual address,
 * through the guest's own page tables (for the #UD decode and the
 * Palacios calls that take guest-virtual pointers).
 */
#ifndef ARCH_X86_GUEST_VA_H
#define ARCH_X86_GUEST_VA_H

#include <stdint.h>

#include "hv.h"

/* Copy len bytes at guest-virtual va of the vCPU's current address space.
 * 0, or -HV_EFAULT if any byte is unmapped or outside the VM. */
int x86_guest_read_va(struct hv_vcpu *vcpu, uint64_t va, void *dst,
		      uint64_t len);

#endif /* ARCH_X86_GUEST_VA_H */
