/* SPDX-License-Identifier: MIT */
/*
 * hv/guest_mem.h - checks on guest-physical ranges, for services that
 * must validate an address before deciding anything (MEM_SHARE).
 * Copies go through hv_copy_from_guest()/hv_copy_to_guest() in hv.h.
 */
#ifndef HV_GUEST_MEM_H
#define HV_GUEST_MEM_H

#include "hv.h"

/*
 * The region of `vm` that holds all of [gpa, gpa + len) with every flag in
 * `access` (HV_MEM_*), or NULL: out of the VM, wrapping past 2^64, or
 * straddling two regions (a range must lie in one region, even when two
 * regions are adjacent, since their host copies need not be). len > 0.
 */
const struct hv_region *hv_guest_range(const struct hv_vm *vm, uint64_t gpa,
				       uint64_t len, uint32_t access);

#endif /* HV_GUEST_MEM_H */
