/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_acrn.c - ACRN's hypercalls: the Service VM subset and the Trusty
 * calls.
 *
 * IDs are looked up by their low byte in a dense table and then compared
 * in full, so an ID with stray upper bits (which ACRN never checks) is
 * unknown. Answers (negated errno values, the ABI's list):
 *   unknown ID or a call hcall does not implement  -ENOTTY (current ACRN)
 *   outside the caller's permission set            -EINVAL (the seed's rule)
 *   bad guest address                              -EFAULT
 *   bad parameter or VM state                      -EINVAL; -EBUSY to
 *                                                  destroy a running VM
 * Service VM calls (class MGMT):
 *   GET_API_VERSION(gpa)     writes {1, 0}
 *   SET_CALLBACK_VECTOR(v)   0x20 <= v <= 0xFF, else -EINVAL; the upcall
 *                            (hv_notify_service_vm) then uses v
 *   CREATE_VM(gpa)           copies struct hcall_acrn_vm_creation once;
 *                            reserved fields must be 0; instantiates the
 *                            VM configured with that uuid (HV_VM_DEFINED
 *                            -> CREATED) and writes vmid and vcpu_num back
 *   START/PAUSE/RESET/DESTROY_VM(vmid)
 *                            only on VMs created this way, never the
 *                            caller: start from CREATED or PAUSED; pause a
 *                            running VM (pausing a paused one is 0); reset
 *                            a paused VM (back to CREATED); destroy a
 *                            VM that is not running (back to DEFINED)
 *   NOTIFY_REQUEST_FINISH(vmid, vcpu)
 *                            0 for an existing (VM, vCPU) pair. hcall's
 *                            hypervisors emulate no devices, so no I/O
 *                            request is ever pending: nothing to complete
 *   SERVICE_VM_OFFLINE_CPU, INJECT_MSI, SET_IRQLINE, SET_IOREQ_BUFFER,
 *   VM_SET_MEMORY_REGIONS    not implemented: -ENOTTY
 * Trusty calls (class TRUSTY), bookkeeping of the secure world only:
 *   INITIALIZE_TRUSTY(gpa)   copies the boot parameters once; the size
 *                            field must match, [base, base + mem_size)
 *                            must be the caller's memory with the entry in
 *                            it; once only (-EINVAL after)
 *   WORLD_SWITCH             flips the current world; -EINVAL before
 *                            INITIALIZE_TRUSTY
 *   SAVE_RESTORE_SWORLD_CTX  0 once initialised, else -EINVAL
 */
#include <hcall/abi/acrn.h>
#include <hcall/abi/probe.h>

#include "guest_mem.h"
#include "hv_string.h"
#include "lock.h"
#include "service.h"
#include "vm.h"

enum { HCALL_ACRN_CALLS(HV_ENTRY_ARGS) };

/* Per-VM state. uuid is set at creation and never changes; the rest is
 * under vm->lock. */
struct acrn_vm {
	uint8_t uuid[16];        /* CREATE_VM names a VM by this */
	uint32_t trusty;         /* TRUSTY_* bits */
	unsigned upcall_vector;  /* SET_CALLBACK_VECTOR's */
};
#define TRUSTY_READY 1u  /* INITIALIZE_TRUSTY done */
#define TRUSTY_SECURE 2u /* the secure world is current */

static struct acrn_vm *acrn_of(struct hv_vm *vm)
{
	return hv_vm_state(vm, &hv_service_acrn);
}

/* ACRN_<NAME> = raw code, from the ABI's error table. */
#define ACRN_ERR(name, raw, status) ACRN_##name = (raw),
enum { HCALL_ACRN_ERRORS(ACRN_ERR) };

#define API_MAJOR 1u
#define API_MINOR 0u
#define VECTOR_MIN 0x20u
#define VECTOR_MAX 0xFFu

/* Only ACRN's codes reach the guest. */
static int64_t acrn_code(int64_t e)
{
	switch (e) {
	case 0:
	case ACRN_EFAULT:
	case ACRN_FAILED:
	case ACRN_EINVAL:
		return e;
	default:
		return ACRN_EINVAL;
	}
}

static void get_api_version(struct hv_call *c)
{
	struct hcall_acrn_api_version v = { API_MAJOR, API_MINOR };

	hv_call_status(c, hv_copy_to_guest(c->vm, c->arg[0], &v, sizeof(v))
				  ? ACRN_EFAULT
				  : 0);
}

static void set_callback_vector(struct hv_call *c)
{
	uint64_t v = c->arg[0];

	if (v < VECTOR_MIN || v > VECTOR_MAX) {
		hv_call_status(c, ACRN_EINVAL);
		return;
	}
	hv_lock(&c->vm->lock);
	((struct acrn_vm *)c->state)->upcall_vector = (unsigned)v;
	hv_unlock(&c->vm->lock);
	hv_call_status(c, 0);
}

static int uuid_set(const uint8_t *u)
{
	unsigned i;

	for (i = 0; i < 16; i++)
		if (u[i])
			return 1;
	return 0;
}

static int uuid_eq(const uint8_t *a, const uint8_t *b)
{
	unsigned i;

	for (i = 0; i < 16; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static void create_vm(struct hv_call *c)
{
	struct hcall_acrn_vm_creation cv;
	struct hv_vm *t = NULL;
	unsigned i;

	/* The struct is written back: check both ways before deciding. */
	if (!hv_guest_range(c->vm, c->arg[0], sizeof(cv), HV_MEM_READ | HV_MEM_WRITE) ||
	    hv_copy_from_guest(c->vm, &cv, c->arg[0], sizeof(cv))) {
		hv_call_status(c, ACRN_EFAULT);
		return;
	}
	if (cv.reserved0 || cv.reserved1 || !uuid_set(cv.name)) {
		hv_call_status(c, ACRN_EINVAL);
		return;
	}
	hv_lock(&c->hv->lock);
	for (i = 0; i < HV_MAX_VMS; i++)
		if (c->hv->vms[i].state == HV_VM_DEFINED &&
		    uuid_eq(acrn_of(&c->hv->vms[i])->uuid, cv.name)) {
			t = &c->hv->vms[i];
			hv_vm_set_state(t, HV_VM_CREATED);
			break;
		}
	hv_unlock(&c->hv->lock);
	if (!t) {
		hv_call_status(c, ACRN_EINVAL);
		return;
	}
	cv.vmid = (uint16_t)t->id;
	cv.vcpu_num = (uint16_t)t->nvcpus;
	hv_call_status(c, hv_copy_to_guest(c->vm, c->arg[0], &cv, sizeof(cv))
				  ? ACRN_EFAULT
				  : 0);
}

/* A VM the service VM manages through ACRN calls, under hv->lock. */
static struct hv_vm *managed(struct hv_call *c, uint64_t vmid)
{
	struct hv_vm *t = hv_vm_by_id(c->hv, vmid);

	if (!t || t == c->vm || !uuid_set(acrn_of(t)->uuid) || t->state == HV_VM_DEFINED)
		return NULL;
	return t;
}

enum lifecycle { START, PAUSE, RESET, DESTROY };

static int64_t lifecycle_locked(struct hv_call *c, struct hv_vm *t, enum lifecycle op)
{
	int64_t st;

	switch (op) {
	case START:
		if (t->state != HV_VM_CREATED && t->state != HV_VM_PAUSED)
			return ACRN_EINVAL;
		return hv_vm_start_locked(c->hv, t);
	case PAUSE:
		if (t->state == HV_VM_PAUSED)
			return 0;
		return hv_vm_pause_locked(t);
	case RESET:
		if (t->state != HV_VM_PAUSED)
			return ACRN_EINVAL;
		st = hv_vm_stop_locked(c->hv, t);
		if (!st)
			hv_vm_set_state(t, HV_VM_CREATED);
		return st;
	case DESTROY:
		if (t->state == HV_VM_RUNNING)
			return ACRN_FAILED;
		if (t->state == HV_VM_PAUSED)
			hv_vm_stop_locked(c->hv, t);
		hv_vm_set_state(t, HV_VM_DEFINED);
		hv_lock(&t->lock);
		acrn_of(t)->trusty = 0;
		hv_unlock(&t->lock);
		return 0;
	}
	return ACRN_EINVAL;
}

static void lifecycle(struct hv_call *c, enum lifecycle op)
{
	struct hv_vm *t;
	int64_t st;

	hv_lock(&c->hv->lock);
	t = managed(c, c->arg[0]);
	st = t ? lifecycle_locked(c, t, op) : ACRN_EINVAL;
	hv_unlock(&c->hv->lock);
	hv_call_status(c, acrn_code(st));
}

static void start_vm(struct hv_call *c)
{
	lifecycle(c, START);
}

static void pause_vm(struct hv_call *c)
{
	lifecycle(c, PAUSE);
}

static void reset_vm(struct hv_call *c)
{
	lifecycle(c, RESET);
}

static void destroy_vm(struct hv_call *c)
{
	lifecycle(c, DESTROY);
}

static void notify_request_finish(struct hv_call *c)
{
	struct hv_vm *t;
	int64_t st;

	hv_lock(&c->hv->lock);
	t = managed(c, c->arg[0]);
	st = t && c->arg[1] < t->nvcpus ? 0 : ACRN_EINVAL;
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

static void initialize_trusty(struct hv_call *c)
{
	struct acrn_vm *a = c->state;
	struct hcall_acrn_trusty_boot_param bp;
	uint64_t base, entry;
	int64_t st = 0;

	if (hv_copy_from_guest(c->vm, &bp, c->arg[0], sizeof(bp))) {
		hv_call_status(c, ACRN_EFAULT);
		return;
	}
	base = ((uint64_t)bp.base_addr_high << 32) | bp.base_addr;
	entry = ((uint64_t)bp.entry_point_high << 32) | bp.entry_point;
	if (bp.size_of_this_struct != sizeof(bp) || !bp.mem_size ||
	    !hv_vm_owns(c->vm, base, bp.mem_size) || entry < base ||
	    entry - base >= bp.mem_size)
		st = ACRN_EINVAL;
	hv_lock(&c->vm->lock);
	if (!st && (a->trusty & TRUSTY_READY))
		st = ACRN_EINVAL;
	if (!st)
		a->trusty = TRUSTY_READY;
	hv_unlock(&c->vm->lock);
	hv_call_status(c, st);
}

static void world_switch(struct hv_call *c)
{
	struct acrn_vm *a = c->state;
	int64_t st = ACRN_EINVAL;

	hv_lock(&c->vm->lock);
	if (a->trusty & TRUSTY_READY) {
		a->trusty ^= TRUSTY_SECURE;
		st = 0;
	}
	hv_unlock(&c->vm->lock);
	hv_call_status(c, st);
}

static void save_restore_sworld_ctx(struct hv_call *c)
{
	struct acrn_vm *a = c->state;
	uint32_t trusty;

	hv_lock(&c->vm->lock);
	trusty = a->trusty;
	hv_unlock(&c->vm->lock);
	hv_call_status(c, (trusty & TRUSTY_READY) ? 0 : ACRN_EINVAL);
}

#define IDX(id) ((id) & 0xFFu)
#define ACRN_N 256u /* indexed by the ID's low byte */

static const struct hv_entry table[ACRN_N] = {
	[IDX(HCALL_ACRN_GET_API_VERSION)] =
		HV_ENTRY(ACRN, GET_API_VERSION, get_api_version, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_SET_CALLBACK_VECTOR)] =
		HV_ENTRY(ACRN, SET_CALLBACK_VECTOR, set_callback_vector, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_CREATE_VM)] = HV_ENTRY(ACRN, CREATE_VM, create_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_DESTROY_VM)] = HV_ENTRY(ACRN, DESTROY_VM, destroy_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_START_VM)] = HV_ENTRY(ACRN, START_VM, start_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_PAUSE_VM)] = HV_ENTRY(ACRN, PAUSE_VM, pause_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_RESET_VM)] = HV_ENTRY(ACRN, RESET_VM, reset_vm, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_NOTIFY_REQUEST_FINISH)] =
		HV_ENTRY(ACRN, NOTIFY_REQUEST_FINISH, notify_request_finish, HV_PERM_MGMT),
	[IDX(HCALL_ACRN_INITIALIZE_TRUSTY)] =
		HV_ENTRY(ACRN, INITIALIZE_TRUSTY, initialize_trusty, HV_PERM_TRUSTY),
	[IDX(HCALL_ACRN_WORLD_SWITCH)] =
		HV_ENTRY(ACRN, WORLD_SWITCH, world_switch, HV_PERM_TRUSTY),
	[IDX(HCALL_ACRN_SAVE_RESTORE_SWORLD_CTX)] =
		HV_ENTRY(ACRN, SAVE_RESTORE_SWORLD_CTX, save_restore_sworld_ctx, HV_PERM_TRUSTY),
};

/* IDs carry a service group in bits 15:8; the full ID is compared. */
static const struct hv_entry *lookup(uint64_t ext, uint64_t nr)
{
	(void)ext; /* one number space */
	return hv_entry_at(table, ACRN_N, nr & 0xFFu, nr);
}

static void vm_init(struct hv_vm *vm, void *state, const struct hv_vm_config *cfg)
{
	struct acrn_vm *a = state;

	(void)vm;
	hv_memcpy(a->uuid, cfg->uuid, sizeof(a->uuid));
	a->upcall_vector = HV_UPCALL_VECTOR;
}

static unsigned upcall_vector(const struct hv_vm *vm, const void *state)
{
	(void)vm;
	return ((const struct acrn_vm *)state)->upcall_vector;
}

static const struct hcall_conv_desc conv = HCALL_ACRN_CONV;
static const struct hv_conv convs[] = { { &conv, 0 } };

const struct hv_service hv_service_acrn = {
	.name = "acrn",
	.abi = HV_ABI_ACRN,
	.convs = convs,
	.nconvs = 1,
	.lookup = lookup,
	.nr_mask = ~0ull,
	.errs = { ACRN_ENOTTY, ACRN_EINVAL, ACRN_EINVAL, ACRN_EFAULT },
	.probe = { 0, HCALL_PROBE_ACRN_ECHO, HCALL_PROBE_ACRN_DUMP },
	.state_size = sizeof(struct acrn_vm),
	.vm_init = vm_init,
	.upcall_vector = upcall_vector,
};
