/* SPDX-License-Identifier: MIT */
/*
 * hv/registry.h - handlers added at run time (hv_register_hypercall).
 */
#ifndef HV_REGISTRY_H
#define HV_REGISTRY_H

#include "hv.h"

/* The handler of (vm, abi, nr), copied out under hv->lock, or 0 if none. */
int hv_registry_find(struct hv *hv, const struct hv_vm *vm, enum hv_abi abi,
		     uint64_t nr, hv_handler_fn *fn, void **priv);

/* Drop every handler of VM `vm_id`. Caller holds hv->lock. */
void hv_registry_purge_locked(struct hv *hv, unsigned vm_id);

/* Whether (abi, nr) may be registered for vm (dispatch.c): 0, -HV_EEXIST
 * (the core implements it) or -HV_EINVAL (no such ABI, or a number its
 * traps cannot carry). */
int hv_number_check(const struct hv_vm *vm, enum hv_abi abi, uint64_t nr);

#endif /* HV_REGISTRY_H */
