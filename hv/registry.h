/* SPDX-License-Identifier: MIT */
/*
 * hv/registry.h - handlers added at run time (hv_register_hypercall).
 */
#ifndef HV_REGISTRY_H
#define HV_REGISTRY_H

#include "hv.h"

/* Whether vm may have a handler registered for abi: most VMs have none
 * for most ABIs, and a lookup then needs no table walk. A count that
 * registrations change under hv->lock and this reads without it, so a
 * call racing a registration may miss it, as it may miss it in the
 * table. */
static inline int hv_registry_any(const struct hv_vm *vm, enum hv_abi abi)
{
	return (unsigned)abi < HV_ABI_COUNT &&
	       __atomic_load_n(&vm->nregistered[abi], __ATOMIC_RELAXED) != 0;
}

/* The handler of (vm, abi, nr), or 0 if none; takes no lock (registry.c). */
int hv_registry_find(struct hv *hv, const struct hv_vm *vm, enum hv_abi abi,
		     uint64_t nr, hv_handler_fn *fn, void **priv);

/* Drop every handler of VM `vm_id`. Caller holds hv->lock. */
void hv_registry_purge_locked(struct hv *hv, unsigned vm_id);

#endif /* HV_REGISTRY_H */
