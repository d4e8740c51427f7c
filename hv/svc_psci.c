/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_psci.c - virtual PSCI 1.1 for guests (SMCCC owner 4).
 *
 * A vCPU is named by MPIDR Aff0 = its index in the VM; the other affinity
 * fields must be 0, and bits outside the affinity fields too.
 *
 *   VERSION            1.1 (0x10001)
 *   FEATURES(fid)      0 for an implemented PSCI function the caller may
 *                      make and for SMCCC_VERSION (SMCCC 1.1 is there);
 *                      NOT_SUPPORTED otherwise
 *   CPU_ON(t, e, ctx)  INVALID_PARAMETERS (no such vCPU), ALREADY_ON,
 *                      INVALID_ADDRESS (entry not executable memory of the
 *                      VM); on success the vCPU goes online at e with
 *                      x0 = ctx, and the glue is asked to switch
 *   CPU_OFF            the calling vCPU goes offline
 *   AFFINITY_INFO(t,l) 0 on / 1 off; level != 0 or no such vCPU:
 *                      INVALID_PARAMETERS
 *   SYSTEM_OFF         the service VM powers the machine off; any other
 *                      VM only stops itself
 *   SYSTEM_RESET       the service VM resets the machine; any other VM
 *                      stops itself (its service VM may start it again)
 */
#include <hcall/abi/psci.h>

#include "guest_mem.h"
#include "lock.h"
#include "smccc.h"
#include "vm.h"

enum { HCALL_PSCI_CALLS(HV_ENTRY_ARGS) };

/* PSCI_<NAME> = raw code, from the ABI's error table. */
#define PSCI_ERR(name, raw, status) PSCI_##name = (raw),
enum { HCALL_PSCI_ERRORS(PSCI_ERR) };

/* MPIDR affinity fields: Aff3 (39:32), Aff2 (23:16), Aff1 (15:8), Aff0. */
#define MPIDR_AFF0 0xFFull
#define MPIDR_AFF_ALL 0xFF00FFFFFFull

static struct hv_vcpu *target(struct hv_vm *vm, uint64_t mpidr)
{
	uint64_t id = mpidr & MPIDR_AFF0;

	if ((mpidr & ~MPIDR_AFF0) || id >= vm->nvcpus)
		return NULL;
	return &vm->vcpus[hv_index_nospec(id, vm->nvcpus)];
}

static void version(struct hv_call *c)
{
	hv_call_ok(c, HCALL_PSCI_VERSION_1_1);
}

static void features(struct hv_call *c)
{
	uint32_t fid = (uint32_t)c->arg[0];
	const struct hv_entry *e = hv_psci_lookup(fid);

	if (fid == HCALL_SMCCC_VERSION || (e && hv_call_permitted(c->vm, e)))
		hv_call_status(c, 0);
	else
		hv_call_status(c, PSCI_NOT_SUPPORTED);
}

static void cpu_on(struct hv_call *c)
{
	struct hv_vcpu *t = target(c->vm, c->arg[0]);
	int64_t st = 0;

	if (!t)
		st = PSCI_INVALID_PARAMETERS;
	else if (!hv_guest_range(c->vm, c->arg[1], 4, HV_MEM_EXEC))
		st = PSCI_INVALID_ADDRESS;
	hv_lock(&c->vm->lock);
	if (!st && t->online)
		st = PSCI_ALREADY_ON;
	if (!st) {
		t->entry = c->arg[1];
		t->context_id = c->arg[2];
		t->online = 1;
	}
	hv_unlock(&c->vm->lock);
	hv_call_status(c, st);
	if (!st)
		c->action = HV_SWITCH;
}

static void cpu_off(struct hv_call *c)
{
	hv_lock(&c->vm->lock);
	c->vcpu->online = 0;
	hv_unlock(&c->vm->lock);
	hv_call_status(c, 0);
	c->action = HV_VCPU_OFF;
}

static void affinity_info(struct hv_call *c)
{
	struct hv_vcpu *t = target(c->vm, c->arg[0]);
	int on;

	if (!t || (uint32_t)c->arg[1] != 0) {
		hv_call_status(c, PSCI_INVALID_PARAMETERS);
		return;
	}
	hv_lock(&c->vm->lock);
	on = t->online;
	hv_unlock(&c->vm->lock);
	hv_call_ok(c, on ? HCALL_PSCI_AFFINITY_ON : HCALL_PSCI_AFFINITY_OFF);
}

/* Power action of a VM: the service VM owns the machine. */
static void vm_power(struct hv_call *c, enum hv_action machine)
{
	hv_call_status(c, 0);
	if (c->vm->role == HV_ROLE_SERVICE) {
		c->hv->exit_code = 0;
		c->action = machine;
		return;
	}
	hv_vm_stop(c->hv, c->vm);
	c->action = HV_VCPU_OFF;
}

static void system_off(struct hv_call *c)
{
	vm_power(c, HV_SYSTEM_OFF);
}

static void system_reset(struct hv_call *c)
{
	vm_power(c, HV_SYSTEM_RESET);
}

#define PSCI_N 32u

static const struct hv_entry table[PSCI_N] = {
	[HCALL_PSCI_VERSION & 0x1F] = HV_ENTRY(PSCI, VERSION, version, HV_PERM_INFO),
	[HCALL_PSCI_CPU_OFF & 0x1F] = HV_ENTRY(PSCI, CPU_OFF, cpu_off, HV_PERM_INFO),
	[HCALL_PSCI_CPU_ON & 0x1F] = HV_ENTRY(PSCI, CPU_ON, cpu_on, HV_PERM_INFO),
	[HCALL_PSCI_AFFINITY_INFO & 0x1F] =
		HV_ENTRY(PSCI, AFFINITY_INFO, affinity_info, HV_PERM_INFO),
	[HCALL_PSCI_SYSTEM_OFF & 0x1F] = HV_ENTRY(PSCI, SYSTEM_OFF, system_off, HV_PERM_INFO),
	[HCALL_PSCI_SYSTEM_RESET & 0x1F] =
		HV_ENTRY(PSCI, SYSTEM_RESET, system_reset, HV_PERM_INFO),
	[HCALL_PSCI_FEATURES & 0x1F] = HV_ENTRY(PSCI, FEATURES, features, HV_PERM_INFO),
};

const struct hv_entry *hv_psci_lookup(uint32_t fid)
{
	return hv_entry_at(table, PSCI_N, fid & HCALL_SMCCC_FUNC_MASK, fid);
}
