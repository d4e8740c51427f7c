/* SPDX-License-Identifier: MIT */
/*
 * hv/vm.c - the VM model: creation from a static configuration and the
 * lifecycle transitions (see vm.h for the state machine).
 */
#include "vm.h"
#include "dispatch.h"
#include "guest_mem.h"
#include "hv_string.h"
#include "lock.h"
#include "registry.h"
#include "service.h"

uint32_t hv_role_perms(enum hv_role role)
{
	switch (role) {
	case HV_ROLE_SERVICE:
		return HV_PERM_INFO | HV_PERM_MGMT | HV_PERM_MEMSHARE | HV_PERM_CUSTOM;
	case HV_ROLE_TRUSTY:
		return HV_PERM_INFO | HV_PERM_TRUSTY | HV_PERM_MEMSHARE | HV_PERM_CUSTOM;
	case HV_ROLE_NORMAL:
		break;
	}
	return HV_PERM_INFO | HV_PERM_MEMSHARE | HV_PERM_CUSTOM;
}

int hv_vm_owns(const struct hv_vm *vm, uint64_t gpa, uint64_t size)
{
	return hv_guest_range(vm, gpa, size, 0) != NULL;
}

/* Two conventions of the image's architecture that would claim the same
 * trap (same instruction and immediate, neither told apart by a
 * selector): a VM
 * cannot have both ABIs, since nothing in the trap would say which one
 * the guest meant (VMCALL/VMMCALL carry no selector). Fallback
 * conventions (any immediate, or for every VM) never conflict. */
static int traps_overlap(uint8_t a, uint8_t b)
{
	/* A VMCALL convention also takes VMMCALL (a VM's routes, dispatch.c). */
	if (a == HCALL_TRAP_VMCALL && b == HCALL_TRAP_VMMCALL)
		return 1;
	if (b == HCALL_TRAP_VMCALL && a == HCALL_TRAP_VMMCALL)
		return 1;
	return a == b;
}

static int convs_clash(const struct hv_conv *a, const struct hv_conv *b,
		       enum hcall_arch arch)
{
	const uint32_t loose = HV_CONV_SELECTOR | HV_CONV_ANY_IMM | HV_CONV_EVERY_VM;

	return !((a->flags | b->flags) & loose) && a->desc->arch == arch &&
	       b->desc->arch == arch && traps_overlap(a->desc->trap, b->desc->trap) &&
	       a->desc->imm == b->desc->imm;
}

static int abis_ok(uint32_t abis, enum hcall_arch arch)
{
	unsigned i, j, k, l;

	for (i = 0; i < HV_ABI_COUNT; i++)
		for (j = i + 1; j < HV_ABI_COUNT; j++) {
			const struct hv_service *a = hv_services[i], *b = hv_services[j];

			if (!(abis & HV_ABI_BIT(i)) || !(abis & HV_ABI_BIT(j)))
				continue;
			for (k = 0; k < a->nconvs; k++)
				for (l = 0; l < b->nconvs; l++)
					if (convs_clash(&a->convs[k], &b->convs[l], arch))
						return 0;
		}
	return 1;
}

static int config_ok(const struct hv_vm_config *cfg, enum hcall_arch arch)
{
	unsigned i, j;

	if (!cfg || cfg->nvcpus == 0 || cfg->nvcpus > HV_MAX_VCPUS ||
	    cfg->nregions > HV_MAX_REGIONS || cfg->role > HV_ROLE_TRUSTY ||
	    (cfg->abis & ~HV_ABI_ALL) || !abis_ok(cfg->abis, arch) ||
	    (cfg->caps & ~HV_CAP_ALL) || (cfg->perms & ~HV_PERM_ALL))
		return 0;
	for (i = 0; i < cfg->nregions; i++) {
		const struct hv_region *r = &cfg->regions[i];

		if (!r->size || !r->host || r->gpa + r->size < r->gpa)
			return 0;
		/* Regions of one VM must not overlap in guest-physical space. */
		for (j = 0; j < i; j++) {
			const struct hv_region *o = &cfg->regions[j];

			if (r->gpa < o->gpa + o->size && o->gpa < r->gpa + r->size)
				return 0;
		}
	}
	return 1;
}

struct hv_vm *hv_vm_create_locked(struct hv *hv, const struct hv_vm_config *cfg)
{
	struct hv_vm *vm = NULL;
	unsigned i;

	if (!config_ok(cfg, hv->ops->arch))
		return NULL;
	for (i = 0; i < HV_MAX_VMS; i++)
		if (hv->vms[i].state == HV_VM_EMPTY) {
			vm = &hv->vms[i];
			break;
		}
	if (!vm)
		return NULL;
	hv_memset(vm, 0, sizeof(*vm));
	vm->id = i;
	vm->hv = hv;
	vm->role = cfg->role;
	hv_vm_set_state(vm, HV_VM_CREATED);
	hv_strlcpy(vm->name, cfg->name, sizeof(vm->name));
	vm->abis = cfg->abis;
	vm->caps = cfg->caps;
	vm->perms = cfg->perms ? cfg->perms : hv_role_perms(cfg->role);
	for (i = 0; i < cfg->nregions; i++)
		vm->regions[i] = cfg->regions[i];
	vm->nregions = cfg->nregions;
	vm->nvcpus = cfg->nvcpus;
	for (i = 0; i < cfg->nvcpus; i++) {
		vm->vcpus[i].vm = vm;
		vm->vcpus[i].id = i;
	}
	vm->entry = cfg->entry;
	/* An ACRN VM not started at boot waits for CREATE_VM. */
	for (i = 0; i < sizeof(cfg->uuid) && !cfg->start; i++)
		if (cfg->uuid[i])
			hv_vm_set_state(vm, HV_VM_DEFINED);
	hv_lock_init(&vm->lock);
	hv_routes_init(vm);
	for (i = 0; i < HV_ABI_COUNT; i++)
		if (hv_services[i]->vm_init)
			hv_services[i]->vm_init(vm, hv_vm_state(vm, hv_services[i]), cfg);
	if (vm->id >= hv->nvms)
		hv->nvms = vm->id + 1;
	return vm;
}

int hv_vm_start_locked(struct hv *hv, struct hv_vm *vm)
{
	unsigned i;
	int ret;

	switch (vm->state) {
	case HV_VM_RUNNING:
		return -HV_EEXIST;
	case HV_VM_EMPTY:
	case HV_VM_DEFINED:
		return -HV_EINVAL;
	case HV_VM_PAUSED:
		hv_vm_set_state(vm, HV_VM_RUNNING);
		return 0;
	case HV_VM_CREATED:
	case HV_VM_STOPPED:
		break;
	}
	ret = hv->ops->vm_start(vm);
	if (ret)
		return ret < 0 ? ret : -HV_EIO;
	hv_lock(&vm->lock);
	for (i = 0; i < vm->nvcpus; i++) {
		vm->vcpus[i].entry = i == 0 ? vm->entry : 0;
		vm->vcpus[i].context_id = 0;
		__atomic_store_n(&vm->vcpus[i].online, i == 0, __ATOMIC_RELEASE);
	}
	for (i = 0; i < HV_ABI_COUNT; i++)
		if (hv_services[i]->vm_start)
			hv_services[i]->vm_start(vm, hv_vm_state(vm, hv_services[i]));
	hv_unlock(&vm->lock);
	hv_vm_set_state(vm, HV_VM_RUNNING);
	return 0;
}

int hv_vm_stop_locked(struct hv *hv, struct hv_vm *vm)
{
	unsigned i;

	if (vm->state != HV_VM_RUNNING && vm->state != HV_VM_PAUSED)
		return -HV_EINVAL;
	hv_lock(&vm->lock);
	for (i = 0; i < vm->nvcpus; i++)
		__atomic_store_n(&vm->vcpus[i].online, 0, __ATOMIC_RELEASE);
	hv_unlock(&vm->lock);
	hv_vm_set_state(vm, HV_VM_STOPPED);
	hv->ops->vm_stop(vm);
	return 0;
}

int hv_vm_pause_locked(struct hv_vm *vm)
{
	enum hv_vm_state was = vm->state;

	if (was == HV_VM_EMPTY || was == HV_VM_DEFINED)
		return -HV_EINVAL;
	hv_vm_set_state(vm, HV_VM_PAUSED);
	if (was == HV_VM_RUNNING && vm->hv->ops->vm_pause)
		vm->hv->ops->vm_pause(vm);
	return 0;
}

int hv_vm_destroy_locked(struct hv *hv, struct hv_vm *vm)
{
	unsigned id = vm->id;

	switch (vm->state) {
	case HV_VM_RUNNING:
		return -HV_EBUSY;
	case HV_VM_EMPTY:
		return -HV_EINVAL;
	case HV_VM_PAUSED:
		hv_vm_stop_locked(hv, vm);
		break;
	case HV_VM_DEFINED:
	case HV_VM_CREATED:
	case HV_VM_STOPPED:
		break;
	}
	hv_registry_purge_locked(hv, id);
	hv_memset(vm, 0, sizeof(*vm));
	vm->id = id;
	vm->hv = hv;
	hv_vm_set_state(vm, HV_VM_EMPTY);
	/* The table's high-water mark drops to the highest slot still used. */
	while (hv->nvms && hv->vms[hv->nvms - 1].state == HV_VM_EMPTY)
		hv->nvms--;
	return 0;
}
