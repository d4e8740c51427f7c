/* SPDX-License-Identifier: MIT */
/*
 * hv/core.c - the system: initialisation, the VM table, scheduling
 * hand-off, stopping a VM for the glue and the service-VM notification.
 */
#include "dispatch.h"
#include "hv_string.h"
#include "lock.h"
#include "service.h"
#include "vcpu.h"
#include "vm.h"

/* Each service's slice of a VM's svc_state, 16-byte aligned. 0, or
 * -HV_ENOMEM if the services need more than HV_SVC_STATE_SIZE. */
static int place_states(struct hv *hv)
{
	size_t off = 0;
	unsigned i;

	for (i = 0; i < HV_ABI_COUNT; i++) {
		hv->svc_off[i] = (uint16_t)off;
		off += (hv_services[i]->state_size + 15u) & ~(size_t)15u;
		if (off > HV_SVC_STATE_SIZE)
			return -HV_ENOMEM;
	}
	return 0;
}

int hv_init(struct hv *hv, const struct hv_arch_ops *ops)
{
	unsigned i;

	if (!hv || !ops || !ops->inject_fault || !ops->upcall || !ops->vm_start ||
	    !ops->vm_stop)
		return -HV_EINVAL;
	hv_memset(hv, 0, sizeof(*hv));
	hv->ops = ops;
	hv_lock_init(&hv->lock);
	for (i = 0; i < HV_MAX_VMS; i++) {
		hv->vms[i].id = i;
		hv->vms[i].hv = hv;
		hv_vm_set_state(&hv->vms[i], HV_VM_EMPTY);
	}
	/* Too many conventions for one trap (raise HV_MAX_ROUTES), or one
	 * whose result registers the dispatcher cannot address. */
	if (!hv_routes_fit(ops->arch))
		return -HV_ENOMEM;
	return place_states(hv);
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
	struct hv_vm *vm;

	if (id >= HV_MAX_VMS)
		return NULL;
	vm = &hv->vms[hv_index_nospec(id, HV_MAX_VMS)];
	return vm->state == HV_VM_EMPTY ? NULL : vm;
}

int hv_vm_stop(struct hv *hv, struct hv_vm *vm)
{
	int ret;

	hv_lock(&hv->lock);
	ret = hv_vm_stop_locked(hv, vm);
	hv_unlock(&hv->lock);
	return ret;
}

struct hv_vcpu *hv_next_vcpu(struct hv *hv, struct hv_vcpu *current)
{
	return hv_next_vcpu_on(hv, current, 0, 1);
}

struct hv_vcpu *hv_next_vcpu_on(struct hv *hv, struct hv_vcpu *current,
				unsigned cpu, unsigned ncpus)
{
	unsigned start = 0, n = HV_MAX_VMS * HV_MAX_VCPUS, k;
	struct hv_vcpu *found = NULL;

	if (current && current->vm)
		start = current->vm->id * HV_MAX_VCPUS + current->id + 1;
	/* Round robin over every slot, the current vCPU last. No lock: the
	 * answer may change the moment it is given, with one as without
	 * (hv.h), and an idle CPU looks here on every guest WFI. A RUNNING
	 * state read with acquire orders the VM's creation before nvcpus. */
	for (k = 0; k < n && !found; k++) {
		unsigned s = (start + k) % n;
		struct hv_vm *vm = &hv->vms[s / HV_MAX_VCPUS];
		struct hv_vcpu *v = &vm->vcpus[s % HV_MAX_VCPUS];

		if (hv_vm_get_state(vm) == HV_VM_RUNNING && s % HV_MAX_VCPUS < vm->nvcpus &&
		    (ncpus <= 1 || v->id % ncpus == cpu) && hv_vcpu_is_on(v))
			found = v;
	}
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

/* The service VM's upcall vector: the first of its services that sets
 * one, else the default. Caller holds hv->lock. */
static unsigned upcall_vector_locked(struct hv_vm *vm)
{
	unsigned i, vector = HV_UPCALL_VECTOR;

	hv_lock(&vm->lock);
	for (i = 0; i < HV_ABI_COUNT; i++)
		if ((vm->abis & HV_ABI_BIT(i)) && hv_services[i]->upcall_vector) {
			vector = hv_services[i]->upcall_vector(
				vm, hv_vm_state(vm, hv_services[i]));
			break;
		}
	hv_unlock(&vm->lock);
	return vector;
}

void hv_notify_service_vm(struct hv *hv)
{
	struct hv_vm *vm;
	unsigned vector = 0;

	hv_lock(&hv->lock);
	vm = service_vm_locked(hv);
	if (vm)
		vector = upcall_vector_locked(vm);
	hv_unlock(&hv->lock);
	/* ACRN: the upcall goes to the service VM's vCPU0. */
	if (vm)
		hv->ops->upcall(&vm->vcpus[0], vector);
}
