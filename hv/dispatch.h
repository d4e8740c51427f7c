/* SPDX-License-Identifier: MIT */
/*
 * hv/dispatch.h - what the rest of the core asks the dispatcher.
 */
#ifndef HV_DISPATCH_H
#define HV_DISPATCH_H

#include "hv.h"

/* True if the core serves arch (hv_arch_served) and the services'
 * conventions of one trap instruction fit in a VM's routes
 * (HV_MAX_ROUTES) on arch, each with its result registers consecutive
 * and a separate error register right below them, a selector only where
 * the trap has no immediate, and one selector register per trap. */
int hv_routes_fit(enum hcall_arch arch);

/* Compute vm->routes from vm->abis and the services' conventions (at
 * creation, before any vCPU of the VM runs). */
void hv_routes_init(struct hv_vm *vm);

/* Whether (abi, nr) may be registered for vm: 0, -HV_EEXIST (the core
 * implements it) or -HV_EINVAL (no such ABI, or a number its traps cannot
 * carry). */
int hv_number_check(const struct hv_vm *vm, enum hv_abi abi, uint64_t nr);

#endif /* HV_DISPATCH_H */
