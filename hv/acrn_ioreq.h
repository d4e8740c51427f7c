/* SPDX-License-Identifier: MIT */
/*
 * hv/acrn_ioreq.h - ACRN's device-model path, between the architecture
 * glue and hv/svc_acrn.c.
 *
 * A VM whose request buffer the Service VM registered (SET_IOREQ_BUFFER)
 * has its port I/O to emulated devices, and its accesses to guest-physical
 * memory it has no mapping for (MMIO) or no write access to (a page the
 * Service VM write-protected), handed to the Service VM: the glue
 * posts the access with hv_acrn_io_request(), which writes a struct
 * hcall_acrn_io_request into the vCPU's slot of the buffer, marks it
 * PENDING and raises the upcall on the Service VM's vCPU0; the vCPU then
 * waits. The Service VM emulates, marks the slot COMPLETE and calls
 * NOTIFY_REQUEST_FINISH; hv_acrn_io_poll() then hands the glue the value
 * read, and the vCPU resumes.
 */
#ifndef HV_ACRN_IOREQ_H
#define HV_ACRN_IOREQ_H

#include "hv.h"

/*
 * Post a port access of `size` bytes (1, 2 or 4) by vcpu: a read if
 * is_in, else a write of `value`. 0: posted, the vCPU must wait for
 * hv_acrn_io_poll(); -1: the VM has no request buffer (or this vCPU
 * already waits), nothing was posted.
 */
int hv_acrn_io_request(struct hv *hv, struct hv_vcpu *vcpu, uint64_t port,
		       unsigned size, int is_in, uint64_t value);

/*
 * The same for a memory access the glue emulates: `size` bytes (1, 2, 4
 * or 8) at guest-physical gpa, a read if is_read, else a write of value;
 * wp: a write to a page mapped read-only (ACRN's type WP, else MMIO).
 */
int hv_acrn_mmio_request(struct hv *hv, struct hv_vcpu *vcpu, uint64_t gpa,
			 unsigned size, int is_read, uint64_t value, int wp);

/* 1 if vcpu's request was completed (*value: what a read returns), then
 * it is forgotten; 0 while it is still pending. */
int hv_acrn_io_poll(struct hv_vcpu *vcpu, uint64_t *value);

#endif
