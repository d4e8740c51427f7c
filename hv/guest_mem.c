/* SPDX-License-Identifier: MIT */
/*
 * hv/guest_mem.c - the one place the core touches guest memory.
 *
 * Every guest pointer and length is checked against the calling VM's own
 * regions before a byte moves: ownership (the range is in one region of
 * that VM), overflow (gpa + len does not wrap) and the access flags.
 * Services copy guest structures in once and validate the copy, so a
 * guest vCPU changing the bytes mid-call cannot change what was checked.
 */
#include "guest_mem.h"
#include "hv_string.h"

const struct hv_region *hv_guest_range(const struct hv_vm *vm, uint64_t gpa,
				       uint64_t len, uint32_t access)
{
	unsigned i, n;

	if (!vm || !len)
		return NULL;
	n = vm->nregions < HV_MAX_REGIONS ? vm->nregions : HV_MAX_REGIONS;
	for (i = 0; i < n; i++) {
		const struct hv_region *r = &vm->regions[i];

		if ((r->flags & access) != access || !r->host)
			continue;
		/* gpa in [r->gpa, r->gpa + size - len], without overflow. */
		if (gpa >= r->gpa && len <= r->size &&
		    gpa - r->gpa <= r->size - len)
			return r;
	}
	return NULL;
}

int hv_copy_from_guest(struct hv_vm *vm, void *dst, uint64_t gpa, uint64_t len)
{
	const struct hv_region *r;

	if (!len)
		return 0;
	r = hv_guest_range(vm, gpa, len, HV_MEM_READ);
	if (!r || !dst)
		return -HV_EFAULT;
	hv_memcpy(dst, r->host + (gpa - r->gpa), (size_t)len);
	return 0;
}

int hv_copy_to_guest(struct hv_vm *vm, uint64_t gpa, const void *src, uint64_t len)
{
	const struct hv_region *r;

	if (!len)
		return 0;
	r = hv_guest_range(vm, gpa, len, HV_MEM_WRITE);
	if (!r || !src)
		return -HV_EFAULT;
	hv_memcpy(r->host + (gpa - r->gpa), src, (size_t)len);
	return 0;
}
