/* SPDX-License-Identifier: MIT */
/*
 * hv/vm.h - VM lifecycle transitions shared by the hvisor and ACRN
 * services. Every function here expects hv->lock held; they call the
 * glue's vm_start/vm_stop under it.
 *
 *   CREATED --start--> RUNNING --pause--> PAUSED --start--> RUNNING
 *   RUNNING/PAUSED --stop--> STOPPED --start--> RUNNING
 *   DEFINED/CREATED/PAUSED/STOPPED --destroy--> EMPTY
 *   ACRN VMs (with a uuid) start as DEFINED; CREATE_VM makes them CREATED
 *   and DESTROY_VM returns them to DEFINED (acrn side, svc_acrn.c).
 */
#ifndef HV_VM_H
#define HV_VM_H

#include "hv.h"

/*
 * A VM's state is written under hv->lock, and read there too, except on
 * the trap path, which reads it without a lock to refuse the calls of a
 * VM that is not running. So it is always stored atomically, and read
 * atomically where no lock is held.
 */
static inline void hv_vm_set_state(struct hv_vm *vm, enum hv_vm_state state)
{
	__atomic_store_n(&vm->state, state, __ATOMIC_RELEASE);
}

static inline enum hv_vm_state hv_vm_get_state(const struct hv_vm *vm)
{
	return __atomic_load_n(&vm->state, __ATOMIC_ACQUIRE);
}

/* Start (or resume) vm. 0, -HV_EEXIST (running), -HV_EINVAL (empty) or
 * the glue's error. Starting a stopped or created VM puts vCPU0 online at
 * vm->entry and the others offline. */
int hv_vm_start_locked(struct hv *hv, struct hv_vm *vm);

/* Stop vm (vCPUs off, glue's vm_stop). 0 or -HV_EINVAL (not running or
 * paused). */
int hv_vm_stop_locked(struct hv *hv, struct hv_vm *vm);

/* Pause vm: a created, running or stopped VM becomes PAUSED, and a
 * paused one stays so (0); the vCPUs of a running one leave the guest
 * (the glue's vm_pause) and are not run again. -HV_EINVAL for an empty
 * or powered-off slot. */
int hv_vm_pause_locked(struct hv_vm *vm);

/* Free a VM that is not running (any state but RUNNING and EMPTY).
 * 0, -HV_EBUSY (running) or -HV_EINVAL (empty slot). */
int hv_vm_destroy_locked(struct hv *hv, struct hv_vm *vm);

/* Create a VM from cfg in a free slot. NULL if cfg is invalid or the
 * table is full. */
struct hv_vm *hv_vm_create_locked(struct hv *hv, const struct hv_vm_config *cfg);

/* A VM's default permission set for its role. */
uint32_t hv_role_perms(enum hv_role role);

/* True if [gpa, gpa + size) lies inside one of vm's regions. */
int hv_vm_owns(const struct hv_vm *vm, uint64_t gpa, uint64_t size);

#endif /* HV_VM_H */
