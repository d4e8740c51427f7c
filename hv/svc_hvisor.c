/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_hvisor.c - the hvisor hypercalls (<hcall/abi/hvisor.h>), with
 * real zone bookkeeping.
 *
 * Zones are the VMs of the system. The root zone is the service VM: only
 * it may manage zones (class MGMT); any zone may ask for its ivc info.
 * Unlike hvisor, an unknown code gets -ENOSYS, never a silent 0.
 *
 *   virtio_init(shm)       record the root zone's virtio page (4 KiB
 *                          aligned, writable, inside the root zone);
 *                          once: -EEXIST after that
 *   virtio_inject_irq()    raise the upcall interrupt in vCPU0 of every
 *                          other running zone; -ENOENT before virtio_init
 *   zone_start(cfg, size)  copy the config once (size must be exactly
 *                          sizeof(struct hcall_hvisor_zone_config), 8-byte
 *                          aligned), then check it: the zone slot exists
 *                          and is not the caller, flags 0, mem_base/size
 *                          inside the zone's configured memory, entry
 *                          inside that range. Returns the zone id.
 *   zone_shutdown(id)      stop another running zone
 *   zone_list(buf, count)  write min(count, zones) entries, the whole
 *                          buffer checked first (8-byte aligned); returns
 *                          the number written
 *   ivc_info(buf)          hcall's hypervisors configure no ivc channels:
 *                          writes a struct with len = 0
 *
 * Errors: -EFAULT (address outside the caller, or straddling regions),
 * -EINVAL (misaligned, bad field), -E2BIG (config size), -ENOENT (no such
 * zone), -EEXIST (already running), -EPERM (not permitted), -ENOSYS.
 */
#include <hcall/abi/hvisor.h>
#include <hcall/abi/probe.h>

#include "guest_mem.h"
#include "hv_string.h"
#include "lock.h"
#include "service.h"
#include "vm.h"

enum { HCALL_HVISOR_CALLS(HV_ENTRY_ARGS) };

#define PAGE 4096u

/* Per-VM state: the root zone's virtio page (virtio_init), 0 = none. */
struct hvisor_vm {
	uint64_t virtio_shm;
};

static void virtio_init(struct hv_call *c)
{
	struct hvisor_vm *z = c->state;
	uint64_t shm = c->arg[0];
	int64_t st = 0;

	if (shm % PAGE)
		st = -HV_EINVAL;
	else if (!hv_guest_range(c->vm, shm, PAGE, HV_MEM_READ | HV_MEM_WRITE))
		st = -HV_EFAULT;
	hv_lock(&c->vm->lock);
	if (!st && z->virtio_shm)
		st = -HV_EEXIST;
	if (!st)
		z->virtio_shm = shm;
	hv_unlock(&c->vm->lock);
	hv_call_status(c, st);
}

static void virtio_inject_irq(struct hv_call *c)
{
	struct hvisor_vm *z = c->state;
	struct hv_vcpu *targets[HV_MAX_VMS];
	unsigned i, n = 0;
	int64_t st = 0;
	uint64_t shm;

	hv_lock(&c->vm->lock);
	shm = z->virtio_shm;
	hv_unlock(&c->vm->lock);
	hv_lock(&c->hv->lock);
	if (!shm)
		st = -HV_ENOENT;
	else
		for (i = 0; i < HV_MAX_VMS; i++)
			if (&c->hv->vms[i] != c->vm &&
			    c->hv->vms[i].state == HV_VM_RUNNING)
				targets[n++] = &c->hv->vms[i].vcpus[0];
	hv_unlock(&c->hv->lock);
	for (i = 0; i < n; i++)
		c->hv->ops->upcall(targets[i], HV_UPCALL_VECTOR);
	hv_call_status(c, st);
}

static int64_t zone_start_locked(struct hv_call *c,
				 const struct hcall_hvisor_zone_config *cfg)
{
	struct hv_vm *z = hv_vm_by_id(c->hv, cfg->zone_id);

	if (!z || z->state == HV_VM_DEFINED)
		return -HV_ENOENT;
	if (z == c->vm || cfg->flags)
		return -HV_EINVAL;
	if (z->state == HV_VM_RUNNING || z->state == HV_VM_PAUSED)
		return -HV_EEXIST;
	if (!cfg->mem_size || !hv_vm_owns(z, cfg->mem_base, cfg->mem_size) ||
	    cfg->entry < cfg->mem_base || cfg->entry - cfg->mem_base >= cfg->mem_size)
		return -HV_EINVAL;
	z->entry = cfg->entry;
	hv_strlcpy(z->name, cfg->name, sizeof(z->name) < HCALL_HVISOR_NAME_LEN
						 ? sizeof(z->name)
						 : HCALL_HVISOR_NAME_LEN);
	return hv_vm_start_locked(c->hv, z);
}

static void zone_start(struct hv_call *c)
{
	struct hcall_hvisor_zone_config cfg;
	int64_t st;

	if (c->arg[1] != sizeof(cfg)) {
		hv_call_status(c, c->arg[1] > sizeof(cfg) ? -HV_E2BIG : -HV_EINVAL);
		return;
	}
	if (c->arg[0] % 8) {
		hv_call_status(c, -HV_EINVAL);
		return;
	}
	/* One copy; everything below reads the copy. */
	if (hv_copy_from_guest(c->vm, &cfg, c->arg[0], sizeof(cfg))) {
		hv_call_status(c, -HV_EFAULT);
		return;
	}
	cfg.name[sizeof(cfg.name) - 1] = 0;
	hv_lock(&c->hv->lock);
	st = zone_start_locked(c, &cfg);
	hv_unlock(&c->hv->lock);
	if (st)
		hv_call_status(c, st);
	else
		hv_call_ok(c, cfg.zone_id);
}

static void zone_shutdown(struct hv_call *c)
{
	struct hv_vm *z;
	int64_t st;

	hv_lock(&c->hv->lock);
	z = hv_vm_by_id(c->hv, c->arg[0]);
	if (!z || z->state == HV_VM_DEFINED)
		st = -HV_ENOENT;
	else if (z == c->vm || z->role == HV_ROLE_SERVICE)
		st = -HV_EPERM;
	else
		st = hv_vm_stop_locked(c->hv, z);
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

static void zone_list(struct hv_call *c)
{
	struct hcall_hvisor_zone_info info[HV_MAX_VMS];
	uint64_t addr = c->arg[0], count = c->arg[1], n = 0, i;

	hv_memset(info, 0, sizeof(info));
	hv_lock(&c->hv->lock);
	for (i = 0; i < HV_MAX_VMS; i++) {
		const struct hv_vm *z = &c->hv->vms[i];
		unsigned v;

		if (z->state == HV_VM_EMPTY || z->state == HV_VM_DEFINED)
			continue;
		info[n].zone_id = z->id;
		info[n].flags = z->state == HV_VM_RUNNING ? HCALL_HVISOR_ZONE_RUNNING : 0;
		for (v = 0; v < z->nvcpus; v++)
			info[n].cpus |= 1ull << v;
		hv_strlcpy(info[n].name, z->name, sizeof(info[n].name));
		n++;
	}
	hv_unlock(&c->hv->lock);
	/* count is capped before it is multiplied: no overflow. */
	if (count < n)
		n = count;
	if (!n) {
		hv_call_ok(c, 0);
		return;
	}
	if (addr % 8) {
		hv_call_status(c, -HV_EINVAL);
		return;
	}
	if (hv_copy_to_guest(c->vm, addr, info, n * sizeof(info[0]))) {
		hv_call_status(c, -HV_EFAULT);
		return;
	}
	hv_call_ok(c, n);
}

static void ivc_info(struct hv_call *c)
{
	struct hcall_hvisor_ivc_info info;

	hv_memset(&info, 0, sizeof(info));
	if (c->arg[0] % 8)
		hv_call_status(c, -HV_EINVAL);
	else if (hv_copy_to_guest(c->vm, c->arg[0], &info, sizeof(info)))
		hv_call_status(c, -HV_EFAULT);
	else
		hv_call_status(c, 0);
}

#define HVISOR_N (HCALL_HVISOR_IVC_INFO + 1u)

static const struct hv_entry table[HVISOR_N] = {
	[HCALL_HVISOR_VIRTIO_INIT] = HV_ENTRY(HVISOR, VIRTIO_INIT, virtio_init, HV_PERM_MGMT),
	[HCALL_HVISOR_VIRTIO_INJECT_IRQ] =
		HV_ENTRY(HVISOR, VIRTIO_INJECT_IRQ, virtio_inject_irq, HV_PERM_MGMT),
	[HCALL_HVISOR_ZONE_START] = HV_ENTRY(HVISOR, ZONE_START, zone_start, HV_PERM_MGMT),
	[HCALL_HVISOR_ZONE_SHUTDOWN] =
		HV_ENTRY(HVISOR, ZONE_SHUTDOWN, zone_shutdown, HV_PERM_MGMT),
	[HCALL_HVISOR_ZONE_LIST] = HV_ENTRY(HVISOR, ZONE_LIST, zone_list, HV_PERM_MGMT),
	[HCALL_HVISOR_IVC_INFO] = HV_ENTRY(HVISOR, IVC_INFO, ivc_info, HV_PERM_INFO),
};

static const struct hv_entry *lookup(uint64_t ext, uint64_t nr)
{
	(void)ext; /* one number space */
	return hv_entry_at(table, HVISOR_N, nr, nr);
}

static const struct hcall_conv_desc conv_arm64 = HCALL_HVISOR_CONV_ARM64;
static const struct hcall_conv_desc conv_riscv = HCALL_HVISOR_CONV_RISCV;

static const struct hv_conv convs[] = {
	{ &conv_arm64, 0 },
	{ &conv_riscv, HV_CONV_SELECTOR },
};

const struct hv_service hv_service_hvisor = {
	.name = "hvisor",
	.abi = HV_ABI_HVISOR,
	.convs = convs,
	.nconvs = sizeof(convs) / sizeof(convs[0]),
	.lookup = lookup,
	.nr_mask = ~0ull,
	.errs = { -HV_ENOSYS, -HV_EPERM, -HV_EINVAL, -HV_EFAULT },
	.probe = { 0, HCALL_PROBE_HVISOR_ECHO, HCALL_PROBE_HVISOR_DUMP },
	.state_size = sizeof(struct hvisor_vm),
};
