/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/rv.h - the pieces of the riscv64 glue and how they connect.
 *   console.c   ns16550 output
 *   poweroff.c  exit status through the sifive_test device
 *   gstage.c    G-stage (Sv39x4) tables, one root per VM
 *   smp.c       the harts: bring-up, per-hart state, kicks (smp.h)
 *   vcpu.c      the per-vCPU CSR context, switching, exception injection
 *   trap.c      what rv_guest_vector (trap.S) calls: trap dispatch
 *   main.c      VM configuration, the core's arch ops, boot
 */
#ifndef HCALL_ARCH_RISCV_RV_H
#define HCALL_ARCH_RISCV_RV_H

#include <stdint.h>
#include "hv.h" /* hv/: the portable core contract */

/* console.c */
void rv_putc(char c);
void rv_puts(const char *s);
void rv_puthex(uint64_t v);
void rv_putdec(uint64_t v);

/* poweroff.c: code 0 = pass; anything else fails with a non-zero code. */
__attribute__((noreturn)) void rv_poweroff(int code);

/* gstage.c */
struct rv_gstage {
	uint64_t *root; /* 16 KiB Sv39x4 root table */
	unsigned vmid;
};
/* Give VM slot `vmid` its (empty) root table. 0 or -1. */
int rv_gstage_init(struct rv_gstage *g, unsigned vmid);
/* Map [gpa, gpa+size) to [hpa, ...) with HV_MEM_* flags; 4 KiB granules,
 * 2 MiB megapages where aligned. 0, or -1 (misaligned, out of tables). */
int rv_gstage_map(struct rv_gstage *g, uint64_t gpa, uint64_t hpa,
		  uint64_t size, uint32_t flags);
uint64_t rv_gstage_hgatp(const struct rv_gstage *g);

/* vcpu.c */
struct rv_vcpu {
	uint64_t sepc;
	uint64_t spp; /* sstatus.SPP: 1 = resume in VS, 0 = in VU */
	uint64_t vsstatus, vsie, vstvec, vsscratch, vsepc, vscause, vstval;
	uint64_t vsatp, hvip;
	uint64_t vstimecmp; /* Sstc: this vCPU's timer deadline */
	int fault_pending;
	uint64_t fault_cause, fault_tval;
	/* 0 once the vCPU went offline: the next switch to it starts it
	 * afresh at hv_vcpu.entry (SBI HSM hart_start, PSCI-style). */
	int started;
	/* From here on written by other harts too (atomics), and not cleared
	 * by rv_vcpu_reset. */
	uint64_t hvip_pending; /* VSSIP raised from another hart */
	uint64_t fence_req;    /* fences other harts asked of it */
	uint64_t fence_done;   /* ... of which done, on its hart */
};
extern struct hv rv_hv;
/* Fresh architectural state for a vCPU that starts at `entry` with
 * a0 = its hart ID and a1 = `a1`. */
void rv_vcpu_reset(struct hv_vcpu *v, uint64_t entry, uint64_t a1);
/* A vCPU left the hart for good (it went offline). */
void rv_vcpu_stopped(struct hv_vcpu *v);
/* Its VM (re)starts: the vCPU starts afresh, vCPU 0 with a1 = its
 * context ID (hvisor: the zone's DTB address). */
void rv_vcpu_vm_start(struct hv_vcpu *v);
/* The running vCPU takes in the VSSIP other harts raised for it and
 * does the fences they asked of it. */
void rv_vcpu_take_upcalls(struct hv_vcpu *v);
/* For SBI RFENCE from the running vCPU v: every vCPU of its VM in
 * `targets` (bit i = vCPU i) that runs on another hart flushes its
 * VS-stage TLB (VMID) and instruction cache there; returns once each has
 * (a vCPU not running flushes when it is loaded again). */
void rv_vcpu_fence_others(struct hv_vcpu *v, uint64_t targets);
/* Make `next` the running vCPU (saving the current one); returns its frame. */
struct hcall_regs *rv_vcpu_switch(struct hv_vcpu *next);
/* Queue an exception for the vCPU's next entry. */
void rv_vcpu_queue_fault(struct hv_vcpu *v, uint64_t cause, uint64_t tval);
/* Deliver a queued exception of the running vCPU (live CSRs). */
void rv_vcpu_deliver_fault(struct hv_vcpu *v);
/* Clear VSSIP of a vCPU, running or not. */
void rv_vcpu_clear_ipi(struct hv_vcpu *v);
/* Program a vCPU's VS timer (Sstc vstimecmp), running or not. */
void rv_vcpu_set_timer(struct hv_vcpu *v, uint64_t deadline);
/* The SBI service's hooks (sbi.c). */
extern const struct hv_sbi_glue rv_sbi_glue;
/* Raise VSSIP (the upcall) for a vCPU, running or not. */
void rv_vcpu_raise_upcall(struct hv_vcpu *v);

/* trap.c (the world switch's C side) and trap.S */
struct hcall_regs *rv_trap(struct hcall_regs *frame);
/* After hv_handle_ecall() answered `act`, not HV_RESUME, for the running
 * vCPU (trap.S). */
struct hcall_regs *rv_ecall_done(enum hv_action act);
/* This hart's next vCPU after `last` (NULL: any); waits for one while
 * another hart still runs some, powers off when none is left. */
struct hv_vcpu *rv_next_vcpu(struct hv_vcpu *last);
__attribute__((noreturn)) void rv_enter(struct hcall_regs *frame);
void rv_guest_vector(void);
void rv_hs_fault(void);

#endif /* HCALL_ARCH_RISCV_RV_H */
