/* SPDX-License-Identifier: MIT */
/*
 * hv/sbi_glue.h - what the SBI service (svc_sbi.c) needs from a riscv
 * glue beyond struct hv_arch_ops: the VS timer, fences and the console.
 *
 * The riscv glue registers its hooks once at boot (hv_sbi_set_glue); a
 * build without them (the other architectures, host tests that do not
 * set them) has no TIME, RFENCE or DBCN, and probe_extension says so.
 * Every hook runs on the calling vCPU's hart, with no lock held.
 */
#ifndef HV_SBI_GLUE_H
#define HV_SBI_GLUE_H

#include "hv.h"

/* The fences of SBI RFENCE a guest without the H extension can ask for. */
enum hv_sbi_fence {
	HV_SBI_FENCE_I = 0,          /* FENCE.I */
	HV_SBI_FENCE_VMA = 1,        /* SFENCE.VMA of [start, start + size) */
	HV_SBI_FENCE_VMA_ASID = 2,   /* ... for one ASID */
};

struct hv_sbi_glue {
	/* Raise vcpu's supervisor timer interrupt once time >= deadline,
	 * and clear a pending one now (SBI set_timer). */
	void (*set_timer)(struct hv_vcpu *vcpu, uint64_t deadline);
	/* Make `kind` take effect on every vCPU of vcpu's VM in `targets`
	 * (bit i = vCPU i): as the guest's own fence would on each. size
	 * all ones (or start 0 and size 0) means the whole address space. */
	void (*fence)(struct hv_vcpu *vcpu, uint64_t targets, enum hv_sbi_fence kind,
		      uint64_t start, uint64_t size, uint64_t asid);
	/* Write len bytes to the console (SBI DBCN, legacy putchar); len is
	 * at most HV_SBI_CONSOLE_CHUNK. */
	void (*console_write)(const char *buf, unsigned len);
	/* Clear the calling vCPU's pending supervisor software interrupt
	 * (legacy clear_ipi). */
	void (*clear_ipi)(struct hv_vcpu *vcpu);
	/* Start the calling vCPU afresh at vcpu->entry, a0 = its hart ID,
	 * a1 = vcpu->context_id, when it next runs (non-retentive suspend:
	 * HSM hart_suspend, SUSP). */
	void (*restart)(struct hv_vcpu *vcpu);
	/* Read the 64-bit word at guest virtual address va of the calling
	 * vCPU, through its own address translation and its VM's memory
	 * checks (legacy hart masks). 0, or -1 when va does not translate
	 * to readable VM memory. */
	int (*read_guest_ulong)(struct hv_vcpu *vcpu, uint64_t va, uint64_t *val);
};

/* Bytes the service copies out of the guest per console_write call. */
#define HV_SBI_CONSOLE_CHUNK 64u

/* Set (or, with NULL, clear) the glue's hooks; a NULL hook leaves its
 * extension out. */
void hv_sbi_set_glue(const struct hv_sbi_glue *glue);

#endif /* HV_SBI_GLUE_H */
