/* SPDX-License-Identifier: MIT */
/*
 * hv/core.c - the system: initialisation, the VM table, scheduling
 * hand-off and the service-VM notification.
 */
#include "call.h"
#include "hv_string.h"
#include "lock.h"
#include "vm.h"

int hv_init(struct hv *hv, const struct hv_arch_ops *ops)
{
	unsigned i;

	if (!hv || !ops || !ops->inject_fault || !ops->upcall || !ops->vm_start ||
	    !ops->vm_stop || !ops->log)
		return -HV_EINVAL;
	hv_memset(hv, 0, sizeof(*hv));
	hv->ops = ops;
	hv_lock_init(&hv->lock);
	for (i = 0; i < HV_MAX_VMS; i++) {
		hv->vms[i].id = i;
		hv->vms[i].state = HV_VM_EMPTY;
	}
	return 0;
}

struct hv_vm *hv_vm_create(struct hv *hv, const struct hv_vm_config *cfg)
{
	struct hv_vm *vm;
	int ret = 0;

	if (!hv || !hv->ops)
		return NULL;
	hv_lock(&hv->lock);
	vm = hv_vm_create_locked(hv, cfg);
	if (vm && cfg->start)
		ret = hv_vm_start_locked(hv, vm);
	if (vm && ret) {
		hv_vm_destroy_locked(hv, vm);
		vm = NULL;
	}
	hv_unlock(&hv->lock);
	return vm;
}

struct hv_vm *hv_vm_by_id(struct hv *hv, uint64_t id)
{
	if (id >= HV_MAX_VMS || hv->vms[id].state == HV_VM_EMPTY)
		return NULL;
	return &hv->vms[id];
}

static int runnable(const struct hv_vcpu *v)
{
	return v->online && v->vm->state == HV_VM_RUNNING;
}

struct hv_vcpu *hv_next_vcpu(struct hv *hv, struct hv_vcpu *current)
{
	unsigned start = 0, n = HV_MAX_VMS * HV_MAX_VCPUS, k;
	struct hv_vcpu *found = NULL;

	if (current && current->vm)
		start = current->vm->id * HV_MAX_VCPUS + current->id + 1;
	hv_lock(&hv->lock);
	/* Round robin over every slot, the current vCPU last. */
	for (k = 0; k < n && !found; k++) {
		unsigned s = (start + k) % n;
		struct hv_vm *vm = &hv->vms[s / HV_MAX_VCPUS];
		struct hv_vcpu *v = &vm->vcpus[s % HV_MAX_VCPUS];

		if (vm->state == HV_VM_RUNNING && s % HV_MAX_VCPUS < vm->nvcpus &&
		    runnable(v))
			found = v;
	}
	hv_unlock(&hv->lock);
	return found;
}

/* The running service VM, or NULL. Caller holds hv->lock. */
static struct hv_vm *service_vm_locked(struct hv *hv)
{
	unsigned i;

	for (i = 0; i < HV_MAX_VMS; i++)
		if (hv->vms[i].state == HV_VM_RUNNING &&
		    hv->vms[i].role == HV_ROLE_SERVICE)
			return &hv->vms[i];
	return NULL;
}

void hv_notify_service_vm(struct hv *hv)
{
	struct hv_vm *vm;
	unsigned vector = 0;

	hv_lock(&hv->lock);
	vm = service_vm_locked(hv);
	if (vm)
		vector = vm->upcall_vector;
	hv_unlock(&hv->lock);
	/* ACRN: the upcall goes to the service VM's vCPU0. */
	if (vm)
		hv->ops->upcall(&vm->vcpus[0], vector);
}
