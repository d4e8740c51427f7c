/* SPDX-License-Identifier: MIT */
/*
 * hv/vcpu.c - vCPU power state transitions (see vcpu.h).
 */
#include "vcpu.h"
#include "guest_mem.h"
#include "lock.h"
#include "nospec.h"
#include "service.h"

struct hv_vcpu *hv_vcpu_by_index(struct hv_vm *vm, uint64_t idx)
{
	if (idx >= vm->nvcpus)
		return NULL;
	return &vm->vcpus[hv_index_nospec(idx, vm->nvcpus)];
}

int hv_vcpu_power_on(struct hv_vcpu *t, uint64_t entry, uint64_t context)
{
	int ret = 0;

	if (!hv_guest_range(t->vm, entry, 4, HV_MEM_EXEC))
		return -HV_EFAULT;
	hv_lock(&t->vm->lock);
	if (t->online) {
		ret = -HV_EEXIST;
	} else {
		t->entry = entry;
		t->context_id = context;
		__atomic_store_n(&t->online, 1, __ATOMIC_RELEASE);
	}
	hv_unlock(&t->vm->lock);
	return ret;
}

int hv_vcpu_set_resume(struct hv_vcpu *v, uint64_t entry, uint64_t context)
{
	if (!hv_guest_range(v->vm, entry, 4, HV_MEM_EXEC))
		return -HV_EFAULT;
	hv_lock(&v->vm->lock);
	v->entry = entry;
	v->context_id = context;
	hv_unlock(&v->vm->lock);
	return 0;
}

void hv_vcpu_power_off(struct hv_vcpu *v)
{
	hv_lock(&v->vm->lock);
	__atomic_store_n(&v->online, 0, __ATOMIC_RELEASE);
	hv_unlock(&v->vm->lock);
}

int hv_vcpu_is_on(struct hv_vcpu *v)
{
	/* With acquire: the entry and context written before it are seen. */
	return __atomic_load_n(&v->online, __ATOMIC_ACQUIRE);
}

int hv_vcpu_others_on(struct hv_vcpu *v)
{
	unsigned i;
	int others = 0;

	hv_lock(&v->vm->lock);
	for (i = 0; i < v->vm->nvcpus; i++)
		if (&v->vm->vcpus[i] != v && v->vm->vcpus[i].online)
			others = 1;
	hv_unlock(&v->vm->lock);
	return others;
}

void hv_call_vcpu_start(struct hv_call *c, struct hv_vcpu *t, uint64_t entry,
			uint64_t context, const struct hv_vcpu_start_errors *e)
{
	int ret = t ? hv_vcpu_power_on(t, entry, context) : -HV_EINVAL;

	switch (ret) {
	case 0:
		hv_call_status(c, 0);
		c->action = HV_SWITCH;
		break;
	case -HV_EFAULT:
		hv_call_status(c, e->bad_entry);
		break;
	case -HV_EEXIST:
		hv_call_status(c, e->already_on);
		break;
	default:
		hv_call_status(c, e->no_such_vcpu);
		break;
	}
}

void hv_call_vcpu_stop(struct hv_call *c)
{
	hv_vcpu_power_off(c->vcpu);
	hv_call_status(c, 0);
	c->action = HV_VCPU_OFF;
}
