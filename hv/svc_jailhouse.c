/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_jailhouse.c - Jailhouse's hypercalls (<hcall/abi/jailhouse.h>),
 * with cells mapped onto the core's VMs.
 *
 * The root cell is the service VM; every other VM with the Jailhouse ABI
 * is a cell the root cell may create, start, shut down and destroy. A
 * cell's ID is its VM id; its logical CPU n is vCPU n % HV_MAX_VCPUS of
 * VM n / HV_MAX_VCPUS. What Jailhouse reserves for the root cell (class
 * MGMT here) answers -EPERM to any other cell, as Jailhouse does.
 *
 *   DISABLE               -EBUSY while a cell exists (Jailhouse's rule);
 *                         otherwise -EPERM: hcall's hypervisors cannot hand
 *                         the machine back to the root cell
 *   CELL_CREATE(cfg)      copies the description's header once: signature
 *                         "JHCLL" and revision 14, else -EINVAL; its name
 *                         must be a configured VM with the Jailhouse ABI,
 *                         not running, whose id is the header's id (else
 *                         -EINVAL); -EEXIST if that cell exists; -ENOMEM if
 *                         the header is not in the root cell's memory (as
 *                         Jailhouse, which fails to map it). The cell is
 *                         created shut down.
 *   CELL_START(id)        (re)starts the cell's VM at its entry point
 *   CELL_SET_LOADABLE(id) stops the cell's VM (shut down)
 *   CELL_DESTROY(id)      stops it and forgets the cell
 *                         these three: -ENOENT for no such cell, -EINVAL
 *                         for the root cell's own id
 *   HYPERVISOR_GET_INFO   memory and remap pools: 0 pages, 0 used (the
 *                         core allocates nothing at run time); NUM_CELLS:
 *                         the root cell and the created cells; other
 *                         types -EINVAL
 *   CELL_GET_STATE(id)    RUNNING or SHUT_DOWN; the root cell RUNNING;
 *                         -ENOENT for no such cell
 *   CPU_GET_INFO(cpu, t)  -EINVAL for no such CPU; -EPERM for another
 *                         cell's CPU unless the caller is the root cell;
 *                         state: RUNNING (the core has no failed CPUs);
 *                         statistics: -EINVAL (the core keeps none)
 *   DEBUG_CONSOLE_PUTC(c) the character on the cell's console (the glue's
 *                         console_putc); -EPERM without one
 * Unknown codes: -ENOSYS. A caller at CPL > 0 on x86: -EPERM (Jailhouse's
 * vcpu_handle_hypercall answers so instead of a fault).
 */
#include <hcall/abi/jailhouse.h>
#include <hcall/abi/probe.h>

#include "dispatcher.h"
#include "guest_mem.h"
#include "hv_string.h"
#include "lock.h"
#include "service.h"
#include "vm.h"

enum { HCALL_JAILHOUSE_CALLS(HV_ENTRY_ARGS) };

/* JH_<NAME> = raw code, from the ABI's error table. */
#define JH_ERR(name, raw, status) JH_##name = (raw),
enum { HCALL_JAILHOUSE_ERRORS(JH_ERR) };

/* Per-VM state, under vm->lock. */
struct jailhouse_vm {
	uint32_t created; /* a cell made by CELL_CREATE, not destroyed since */
};

static struct jailhouse_vm *cell_of(struct hv_vm *vm)
{
	return hv_vm_state(vm, &hv_service_jailhouse);
}

static int is_cell(struct hv_vm *vm)
{
	int created;

	if (!(vm->abis & HV_ABI_BIT(HV_ABI_JAILHOUSE)))
		return 0;
	hv_lock(&vm->lock);
	created = cell_of(vm)->created != 0;
	hv_unlock(&vm->lock);
	return created;
}

static void set_created(struct hv_vm *vm, uint32_t created)
{
	hv_lock(&vm->lock);
	cell_of(vm)->created = created;
	hv_unlock(&vm->lock);
}

/* The number of created cells. Caller holds hv->lock. */
static unsigned cells_locked(struct hv *hv)
{
	unsigned i, n = 0;

	for (i = 0; i < HV_MAX_VMS; i++)
		if (hv->vms[i].state != HV_VM_EMPTY && is_cell(&hv->vms[i]))
			n++;
	return n;
}

static void disable(struct hv_call *c)
{
	unsigned n;

	hv_lock(&c->hv->lock);
	n = cells_locked(c->hv);
	hv_unlock(&c->hv->lock);
	hv_call_status(c, n ? JH_EBUSY : JH_EPERM);
}

static int64_t create_locked(struct hv_call *c, const struct hcall_jailhouse_cell_desc *d)
{
	struct hv_vm *t = hv_vm_by_id(c->hv, d->id);

	if (!t || t == c->vm || !(t->abis & HV_ABI_BIT(HV_ABI_JAILHOUSE)) ||
	    hv_strncmp(t->name, d->name, sizeof(d->name)) != 0)
		return JH_EINVAL;
	if (is_cell(t))
		return JH_EEXIST;
	if (t->state != HV_VM_CREATED && t->state != HV_VM_STOPPED)
		return JH_EBUSY;
	set_created(t, 1);
	return 0;
}

static void cell_create(struct hv_call *c)
{
	struct hcall_jailhouse_cell_desc d;
	int64_t st;

	/* One copy; everything below reads the copy. */
	if (hv_copy_from_guest(c->vm, &d, c->arg[0], sizeof(d))) {
		hv_call_status(c, JH_ENOMEM);
		return;
	}
	d.name[sizeof(d.name) - 1] = 0;
	if (hv_memcmp(d.signature, HCALL_JAILHOUSE_CELL_DESC_SIGNATURE, sizeof(d.signature)) ||
	    d.revision != HCALL_JAILHOUSE_CONFIG_REVISION) {
		hv_call_status(c, JH_EINVAL);
		return;
	}
	hv_lock(&c->hv->lock);
	st = create_locked(c, &d);
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

enum op { START, SET_LOADABLE, DESTROY };

/* The cell `id` for a management call, or an error. Caller holds hv->lock. */
static int64_t target_locked(struct hv_call *c, uint64_t id, struct hv_vm **t)
{
	*t = hv_vm_by_id(c->hv, id);
	if (*t == c->vm)
		return JH_EINVAL; /* the root cell cannot be managed */
	if (!*t || !is_cell(*t))
		return JH_ENOENT;
	return 0;
}

static void manage(struct hv_call *c, enum op op)
{
	struct hv_vm *t;
	int64_t st;

	hv_lock(&c->hv->lock);
	st = target_locked(c, c->arg[0], &t);
	if (!st && (t->state == HV_VM_RUNNING || t->state == HV_VM_PAUSED))
		st = hv_vm_stop_locked(c->hv, t);
	if (!st && op == START)
		st = hv_vm_start_locked(c->hv, t) ? JH_EINVAL : 0;
	if (!st && op == DESTROY)
		set_created(t, 0);
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

static void cell_start(struct hv_call *c)
{
	manage(c, START);
}

static void cell_set_loadable(struct hv_call *c)
{
	manage(c, SET_LOADABLE);
}

static void cell_destroy(struct hv_call *c)
{
	manage(c, DESTROY);
}

static void hypervisor_get_info(struct hv_call *c)
{
	unsigned n;

	switch (c->arg[0]) {
	case HCALL_JAILHOUSE_INFO_MEM_POOL_SIZE:
	case HCALL_JAILHOUSE_INFO_MEM_POOL_USED:
	case HCALL_JAILHOUSE_INFO_REMAP_POOL_SIZE:
	case HCALL_JAILHOUSE_INFO_REMAP_POOL_USED:
		hv_call_ok(c, 0);
		return;
	case HCALL_JAILHOUSE_INFO_NUM_CELLS:
		hv_lock(&c->hv->lock);
		n = cells_locked(c->hv);
		hv_unlock(&c->hv->lock);
		hv_call_ok(c, 1 + n); /* the root cell and the others */
		return;
	default:
		hv_call_status(c, JH_EINVAL);
	}
}

static void cell_get_state(struct hv_call *c)
{
	struct hv_vm *t;
	int64_t st;

	hv_lock(&c->hv->lock);
	t = hv_vm_by_id(c->hv, c->arg[0]);
	if (t == c->vm)
		st = HCALL_JAILHOUSE_CELL_RUNNING;
	else if (!t || !is_cell(t))
		st = JH_ENOENT;
	else
		st = t->state == HV_VM_RUNNING ? HCALL_JAILHOUSE_CELL_RUNNING
					       : HCALL_JAILHOUSE_CELL_SHUT_DOWN;
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

static void cpu_get_info(struct hv_call *c)
{
	uint64_t cpu = c->arg[0];
	struct hv_vm *t;
	int64_t st = HCALL_JAILHOUSE_CPU_RUNNING;

	hv_lock(&c->hv->lock);
	t = cpu / HV_MAX_VCPUS < HV_MAX_VMS ? hv_vm_by_id(c->hv, cpu / HV_MAX_VCPUS) : NULL;
	if (!t || cpu % HV_MAX_VCPUS >= t->nvcpus)
		st = JH_EINVAL;
	else if (t != c->vm && c->vm->role != HV_ROLE_SERVICE)
		st = JH_EPERM;
	else if (c->arg[1] != HCALL_JAILHOUSE_CPU_INFO_STATE)
		st = JH_EINVAL;
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

static void debug_console_putc(struct hv_call *c)
{
	if (!c->hv->ops->console_putc) {
		hv_call_status(c, JH_EPERM);
		return;
	}
	c->hv->ops->console_putc(c->vm, (char)c->arg[0]);
	hv_call_status(c, 0);
}

#define JAILHOUSE_N (HCALL_JAILHOUSE_DEBUG_CONSOLE_PUTC + 1u)

static const struct hv_entry table[JAILHOUSE_N] = {
	[HCALL_JAILHOUSE_DISABLE] = HV_ENTRY(JAILHOUSE, DISABLE, disable, HV_PERM_MGMT),
	[HCALL_JAILHOUSE_CELL_CREATE] =
		HV_ENTRY(JAILHOUSE, CELL_CREATE, cell_create, HV_PERM_MGMT),
	[HCALL_JAILHOUSE_CELL_START] = HV_ENTRY(JAILHOUSE, CELL_START, cell_start, HV_PERM_MGMT),
	[HCALL_JAILHOUSE_CELL_SET_LOADABLE] =
		HV_ENTRY(JAILHOUSE, CELL_SET_LOADABLE, cell_set_loadable, HV_PERM_MGMT),
	[HCALL_JAILHOUSE_CELL_DESTROY] =
		HV_ENTRY(JAILHOUSE, CELL_DESTROY, cell_destroy, HV_PERM_MGMT),
	[HCALL_JAILHOUSE_HYPERVISOR_GET_INFO] =
		HV_ENTRY(JAILHOUSE, HYPERVISOR_GET_INFO, hypervisor_get_info, HV_PERM_INFO),
	[HCALL_JAILHOUSE_CELL_GET_STATE] =
		HV_ENTRY(JAILHOUSE, CELL_GET_STATE, cell_get_state, HV_PERM_MGMT),
	[HCALL_JAILHOUSE_CPU_GET_INFO] =
		HV_ENTRY(JAILHOUSE, CPU_GET_INFO, cpu_get_info, HV_PERM_INFO),
	[HCALL_JAILHOUSE_DEBUG_CONSOLE_PUTC] =
		HV_ENTRY(JAILHOUSE, DEBUG_CONSOLE_PUTC, debug_console_putc, HV_PERM_INFO),
};

/* Inlined in the dispatcher. */
static inline __attribute__((always_inline)) const struct hv_entry *lookup(uint64_t ext,
									  uint64_t nr)
{
	(void)ext; /* one number space */
	return hv_entry_at(table, JAILHOUSE_N, nr, nr);
}

static const struct hcall_conv_desc conv_arm64 = HCALL_JAILHOUSE_CONV_ARM64;
static const struct hcall_conv_desc conv_x86 = HCALL_JAILHOUSE_CONV_X86;

static const struct hv_conv convs[] = {
	{ &conv_arm64, 0 },
	{ &conv_x86, 0 },
};

/* The service's dispatcher, instantiated over its constant description. */
static enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r)
{
	return hv_dispatch(hv, vcpu, r, &hv_service_jailhouse, lookup);
}

const struct hv_service hv_service_jailhouse = {
	.name = "jailhouse",
	.abi = HV_ABI_JAILHOUSE,
	.convs = convs,
	.nconvs = sizeof(convs) / sizeof(convs[0]),
	.lookup = lookup,
	.dispatch = dispatch,
	.nr_mask = ~0ull,
	.errs = { JH_ENOSYS, JH_EPERM, JH_EINVAL, JH_EINVAL },
	.probe = { 0, HCALL_PROBE_JAILHOUSE_ECHO, HCALL_PROBE_JAILHOUSE_DUMP },
	.quirks = HV_SVC_PRIV_DENIED,
	.state_size = sizeof(struct jailhouse_vm),
};
