/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/npt.h - a VM's nested page tables (AMD NPT) and the TLB
 * shootdown that makes a change to them visible on every CPU.
 *
 * A VM's tables cover guest-physical 0 .. 1 GiB (the range its boot page
 * tables identity-map): one PML4, one PDPT, one PD of 2 MiB entries, and
 * NPT_TABLES 4 KiB page tables for the 2 MiB ranges mapped page by page.
 * At a start the VM's own 2 MiB block is one large page at 0; the core's
 * stage2 op (hv.h, ACRN's SET_MEMORY_REGIONS and WRITE_PROTECT_PAGE)
 * maps, unmaps and protects 4 KiB pages, splitting a large page when a
 * change covers only part of it. A page table whose pages are all
 * unmapped again is given back.
 *
 * TLBs: every VM has its own ASID. A change marks each of the VM's vCPUs
 * (X86_WORK_FLUSH, vm.h), whose next entry then asks VMRUN for a TLB flush
 * (TLB_CONTROL); it kicks (smp.h) the CPU of every vCPU that is inside
 * the guest and waits until that vCPU has left it. So once the change
 * returns, no CPU uses a stale translation: a vCPU that was in the guest
 * flushes when it enters again, one that enters later sees its mark. A
 * vCPU counts as in the guest (guest_seq odd) from just before its
 * entry's last check for work until its exit handler starts; it
 * publishes that before the check, and the change marks before it looks
 * (both sequentially consistent), so one of the two sees the other. vCPUs
 * are pinned, so a vCPU's flush is its CPU's. A kick ends a guest's run
 * even while the guest has interrupts off (V_INTR_MASKING, vm.c).
 */
#ifndef ARCH_X86_NPT_H
#define ARCH_X86_NPT_H

#include <stdint.h>

#include "hv.h"

#define NPT_TABLES 8                 /* 4 KiB page tables per VM */
#define NPT_COVER (512ull << 21)     /* guest-physical bytes the tables map */

struct x86_vm;

/* The map a start gives: the VM's memory at 0 as one 2 MiB page. */
void npt_reset(struct x86_vm *xv);
/* Unmap everything (a stopped VM) and flush it from every CPU. */
void npt_unmap_all(struct hv_vm *vm);

/* hv_arch_ops.stage2 and stage2_query (hv.h), under hv->lock. */
int x86_stage2(struct hv_vm *vm, enum hv_stage2_op op, uint64_t gpa,
	       uint64_t size, uint64_t hpa, uint32_t flags);
int x86_stage2_query(struct hv_vm *vm, uint64_t gpa, uint64_t *hpa);

/* A vCPU's guest_seq: odd from before its entry's check for work (the
 * check must follow), even again when its exit is handled. */
static inline void npt_guest_enter(uint32_t *seq)
{
	/* Only the vCPU's own CPU writes it: an increment, one LOCK ADD. */
	__atomic_fetch_add(seq, 1, __ATOMIC_SEQ_CST);
}
static inline void npt_guest_exit(uint32_t *seq)
{
	__atomic_fetch_add(seq, 1, __ATOMIC_RELEASE);
}

#endif /* ARCH_X86_NPT_H */
