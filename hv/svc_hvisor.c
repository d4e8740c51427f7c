/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_hvisor.c - the hvisor hypercalls of the pinned hvisor v0.4 /
 * hvisor-tool pair (<hcall/abi/hvisor.h>, structures in
 * <hcall/abi/hvisor_layout.h>), with real zone bookkeeping.
 *
 * Zones are the VMs of the system. The root zone is the service VM: only
 * it may manage zones (class MGMT); any zone may ask for its ivc info and
 * the config magic (INFO). hvisor's CPU numbers are logical here: there
 * are HVISOR_NCPUS of them; the root zone holds 0..nvcpus-1, a started
 * zone the ones its config names, one vCPU per number in ascending order,
 * and no number belongs to two running zones. Which physical CPU runs a
 * vCPU is the glue's choice.
 *
 *   virtio_init(shm)       record the root zone's virtio page (4 KiB
 *                          aligned, writable, inside the root zone);
 *                          once: -EEXIST after that
 *   virtio_inject_irq()    raise the upcall interrupt in vCPU0 of every
 *                          other running zone; -ENOENT before virtio_init
 *   zone_start(cfg, size)  size must be the caller's architecture's
 *                          zone_config (-EINVAL, as hvisor); the config is
 *                          copied once, then checked, below; 0 on success
 *   zone_shutdown(id)      stop another running zone: -EINVAL for id 0, a
 *                          zone that does not run, or the caller (hvisor's
 *                          answers)
 *   zone_list(buf, count)  write min(count, zones) zone_info entries of
 *                          the running zones, never more; count is capped
 *                          before it is multiplied; returns the number
 *   ivc_info(buf)          the caller's packed ivc_info (from its config's
 *                          ivc_configs); -ENODEV with none, as hvisor
 *   config_check(buf)      write HCALL_HVISOR_CONFIG_MAGIC (8 bytes)
 *   clear_inject_irq()     withdraw the upcall virtio_inject_irq raised in
 *                          the other running zones where it was not yet
 *                          taken (what hvisor does on loongarch; on arm64,
 *                          riscv64 and x86_64 hvisor answers 0 and does
 *                          nothing); 0, or -ENOSYS if the glue cannot
 *                          withdraw an interrupt. Root zone only: hvisor
 *                          lets any zone call it, but it reaches into the
 *                          other zones
 *   virtio_get_irq(buf)    any zone, as hvisor. x86_64: write the 32-bit
 *                          number of the interrupt the root zone gets for
 *                          a zone's virtio request, which on hcall's x86
 *                          glue is the upcall vector itself
 *                          (HV_UPCALL_VECTOR, with no interrupt controller
 *                          between; hvisor's QEMU board names IOAPIC pin
 *                          6); 0. arm64 and riscv64: 0 and nothing
 *                          written, as hvisor (their root zones find the
 *                          interrupt in the device tree)
 * Buffers need no alignment (hvisor's have none); one that is not wholly
 * in the caller's memory gets -EFAULT and nothing is written.
 *
 * zone_start checks, in this order (hvisor itself trusts the root zone
 * and checks only the size and the zone id; each answer below is one of
 * hvisor's error codes):
 *   - zone_id: a zone slot of this hypervisor that is not running and is
 *     not the caller, else -EINVAL (hvisor: "already exists");
 *   - cpus: not empty, only CPUs that exist (-EINVAL), none held by a
 *     running zone (-EBUSY, as hvisor);
 *   - memory regions: 1..64 of type RAM, each non-empty, not wrapping,
 *     physically inside the root zone's memory, overlapping no other
 *     region physically or virtually (-EINVAL); at most HV_MAX_REGIONS of
 *     them (-ENOMEM). IO and VIRTIO regions are refused (-EINVAL): the
 *     glue passes no device through and forwards no virtio MMIO;
 *   - entry_point inside a region's guest-physical range; the kernel
 *     [kernel_load_paddr, +kernel_size) and DTB [dtb_load_paddr,
 *     +dtb_size) inside a region's physical range when their size is not
 *     0 (-EINVAL). The boot vCPU starts at entry_point with the DTB's
 *     guest-physical address where hvisor puts it (arm64 x0, riscv64 a1
 *     beside a0 = hart id), computed as hvisor does: from the region
 *     holding dtb_load_paddr, all ones if none does;
 *   - interrupts_bitmap empty, arch_config all zero except the GIC tag
 *     (0 or 1), no PCI buses or devices (-EINVAL): the glue routes no
 *     device interrupt and emulates no interrupt controller or PCI for a
 *     zone, so a config that asks for one is refused;
 *   - at most 2 ivc_configs, each control table and shared memory page
 *     inside the zone's memory (-EINVAL): ivc_info reports them.
 * Then the zone gets exactly those regions as its second-stage map, its
 * vCPUs, entry and name, and starts (the glue's vm_start).
 *
 * riscv: a failed call answers a0 = -1 (SBI_ERR_FAILED), a1 = -errno
 * (HV_CONV_ERR_IN_VALUE), as hvisor's sbi_hvisor_handler. Unlike hvisor,
 * an unknown code gets -ENOSYS, never a silent 0.
 */
#include <hcall/abi/hvisor.h>
#include <hcall/abi/probe.h>

#include "dispatcher.h"
#include "guest_mem.h"
#include "hv_string.h"
#include "lock.h"
#include "service.h"
#include "vm.h"

enum { HCALL_HVISOR_CALLS(HV_ENTRY_ARGS) };

#define PAGE 4096u
#define HVISOR_NCPUS 32u
/* hvisor's INVALID_ADDRESS: the boot register when no region holds the DTB. */
#define HVISOR_NO_DTB (~0ull)

/* Per-VM state. */
struct hvisor_vm {
	uint64_t virtio_shm; /* the root zone's virtio page, 0 = none */
	uint64_t cpus;       /* the CPUs the zone holds */
	uint64_t dtb_ipa;    /* the boot vCPU's x0 / a1 */
	char name[HCALL_HVISOR_NAME_MAXLEN];
	struct hcall_hvisor_ivc_info ivc; /* len = 0: no ivc configs */
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

/* vCPU0 of every running zone but the caller's, where virtio_inject_irq
 * raises the upcall, into targets[HV_MAX_VMS]; returns how many. */
static unsigned other_zones(struct hv_call *c, struct hv_vcpu **targets)
{
	unsigned i, n = 0;

	hv_lock(&c->hv->lock);
	for (i = 0; i < HV_MAX_VMS; i++)
		if (&c->hv->vms[i] != c->vm && c->hv->vms[i].state == HV_VM_RUNNING)
			targets[n++] = &c->hv->vms[i].vcpus[0];
	hv_unlock(&c->hv->lock);
	return n;
}

static void virtio_inject_irq(struct hv_call *c)
{
	struct hvisor_vm *z = c->state;
	struct hv_vcpu *targets[HV_MAX_VMS];
	unsigned i, n;
	uint64_t shm;

	hv_lock(&c->vm->lock);
	shm = z->virtio_shm;
	hv_unlock(&c->vm->lock);
	if (!shm) {
		hv_call_status(c, -HV_ENOENT);
		return;
	}
	n = other_zones(c, targets);
	for (i = 0; i < n; i++)
		c->hv->ops->upcall(targets[i], HV_UPCALL_VECTOR);
	hv_call_status(c, 0);
}

static void clear_inject_irq(struct hv_call *c)
{
	void (*withdraw)(struct hv_vcpu *) = c->hv->ops->upcall_withdraw;
	struct hv_vcpu *targets[HV_MAX_VMS];
	unsigned i, n;

	if (!withdraw) {
		hv_call_status(c, -HV_ENOSYS);
		return;
	}
	n = other_zones(c, targets);
	for (i = 0; i < n; i++)
		withdraw(targets[i]);
	hv_call_status(c, 0);
}

static void virtio_get_irq(struct hv_call *c)
{
	const uint32_t irq = HV_UPCALL_VECTOR;

	if (hv_call_conv(c)->arch == HCALL_ARCH_X86_64 &&
	    hv_copy_to_guest(c->vm, c->arg[0], &irq, sizeof(irq)))
		hv_call_status(c, -HV_EFAULT);
	else
		hv_call_status(c, 0);
}

static struct hvisor_vm *zone_state(struct hv_vm *vm)
{
	return hv_vm_state(vm, &hv_service_hvisor);
}

static int running(const struct hv_vm *vm)
{
	return vm->state == HV_VM_RUNNING || vm->state == HV_VM_PAUSED;
}

/* The CPUs held by running zones other than z. Caller holds hv->lock. */
static uint64_t cpus_held(struct hv *hv, const struct hv_vm *z)
{
	uint64_t held = 0;
	unsigned i;

	for (i = 0; i < HV_MAX_VMS; i++)
		if (&hv->vms[i] != z && running(&hv->vms[i]))
			held |= zone_state(&hv->vms[i])->cpus;
	return held;
}

static int overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

/* The region (index) whose physical range holds [pa, pa + len), or -1. */
static int region_of(const struct hcall_hvisor_memory_region *m, unsigned n,
		     uint64_t pa, uint64_t len)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (pa >= m[i].physical_start && len <= m[i].size &&
		    pa - m[i].physical_start <= m[i].size - len)
			return (int)i;
	return -1;
}

/* The same for a guest-physical range. */
static int region_of_ipa(const struct hcall_hvisor_memory_region *m, unsigned n,
			 uint64_t ipa, uint64_t len)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (ipa >= m[i].virtual_start && len <= m[i].size &&
		    ipa - m[i].virtual_start <= m[i].size - len)
			return (int)i;
	return -1;
}

static int all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i])
			return 0;
	return 1;
}

/* The zone_config fields every architecture shares, and the tail. */
struct zone_view {
	const struct hcall_hvisor_zone_config_riscv64 *c; /* common prefix */
	const void *arch;
	size_t arch_size;
	uint64_t num_pci_bus, num_pci_devs;
};

static int arch_ok(enum hcall_arch arch, const union hcall_hvisor_zone_config_any *u,
		   struct zone_view *v)
{
	v->c = &u->riscv64;
	switch (arch) {
	case HCALL_ARCH_ARM64: {
		const struct hcall_hvisor_arch_config_arm64 *a = &u->arm64.arch_config;

		v->num_pci_bus = u->arm64.num_pci_bus;
		v->num_pci_devs = u->arm64.num_pci_devs;
		/* AArch64 EL1 only; the GIC tag must name a variant. */
		return !a->is_aarch32 && a->gic_version_tag <= HCALL_HVISOR_GIC_V3 &&
		       all_zero(&a->gic, sizeof(a->gic));
	}
	case HCALL_ARCH_RISCV64:
		v->num_pci_bus = u->riscv64.num_pci_bus;
		v->num_pci_devs = u->riscv64.num_pci_devs;
		return all_zero(&u->riscv64.arch_config, sizeof(u->riscv64.arch_config));
	case HCALL_ARCH_X86_64:
		v->num_pci_bus = u->x86_64.num_pci_bus;
		v->num_pci_devs = u->x86_64.num_pci_devs;
		return all_zero(&u->x86_64.arch_config, sizeof(u->x86_64.arch_config));
	default:
		return 0;
	}
}

/* The copy of the config being started (3 KiB: not on the stack). */
static union hcall_hvisor_zone_config_any zone_cfg;

/* What zone_start changes in a zone, kept to undo a start that fails. */
struct zone_layout {
	struct hv_region regions[HV_MAX_REGIONS];
	unsigned nregions, nvcpus;
	uint64_t entry;
	char name[sizeof(((struct hv_vm *)0)->name)];
	struct hvisor_vm state;
};

static void zone_save(struct hv_vm *z, struct zone_layout *l)
{
	hv_memcpy(l->regions, z->regions, sizeof(l->regions));
	l->nregions = z->nregions;
	l->nvcpus = z->nvcpus;
	l->entry = z->entry;
	hv_memcpy(l->name, z->name, sizeof(l->name));
	l->state = *zone_state(z);
}

static void zone_restore(struct hv_vm *z, const struct zone_layout *l)
{
	hv_memcpy(z->regions, l->regions, sizeof(l->regions));
	z->nregions = l->nregions;
	z->nvcpus = l->nvcpus;
	z->entry = l->entry;
	hv_memcpy(z->name, l->name, sizeof(l->name));
	*zone_state(z) = l->state;
}

static int64_t zone_start_locked(struct hv_call *c, enum hcall_arch arch)
{
	struct zone_layout saved;
	struct hv_region regions[HV_MAX_REGIONS];
	const struct hcall_hvisor_memory_region *m;
	struct hcall_hvisor_ivc_info ivc;
	struct zone_view v;
	struct hvisor_vm *zs;
	struct hv_vm *z;
	uint64_t dtb_ipa = HVISOR_NO_DTB;
	unsigned i, j, n, ncpu = 0;
	int r;

	if (!arch_ok(arch, &zone_cfg, &v))
		return -HV_EINVAL;
	z = hv_vm_by_id(c->hv, v.c->zone_id);
	if (!z || z == c->vm || z->state == HV_VM_EMPTY || z->state == HV_VM_DEFINED ||
	    running(z))
		return -HV_EINVAL;
	if (!v.c->cpus || (v.c->cpus >> HVISOR_NCPUS))
		return -HV_EINVAL;
	if (v.c->cpus & cpus_held(c->hv, z))
		return -HV_EBUSY;
	for (i = 0; i < HVISOR_NCPUS; i++)
		ncpu += (v.c->cpus >> i) & 1u;
	if (ncpu > HV_MAX_VCPUS)
		return -HV_EINVAL; /* more vCPUs than a VM has */

	n = v.c->num_memory_regions;
	m = v.c->memory_regions;
	if (!n || n > HCALL_HVISOR_MAX_MEMORY_REGIONS)
		return -HV_EINVAL;
	for (i = 0; i < n; i++) {
		if (m[i].type != HCALL_HVISOR_MEM_TYPE_RAM || !m[i].size ||
		    m[i].physical_start + m[i].size < m[i].physical_start ||
		    m[i].virtual_start + m[i].size < m[i].virtual_start ||
		    !hv_guest_range(c->vm, m[i].physical_start, m[i].size,
				    HV_MEM_READ | HV_MEM_WRITE))
			return -HV_EINVAL;
		for (j = 0; j < i; j++)
			if (overlap(m[i].physical_start, m[i].size, m[j].physical_start,
				    m[j].size) ||
			    overlap(m[i].virtual_start, m[i].size, m[j].virtual_start,
				    m[j].size))
				return -HV_EINVAL;
	}
	if (n > HV_MAX_REGIONS)
		return -HV_ENOMEM;
	if (region_of_ipa(m, n, v.c->entry_point, 1) < 0 ||
	    (v.c->kernel_size &&
	     region_of(m, n, v.c->kernel_load_paddr, v.c->kernel_size) < 0) ||
	    (v.c->dtb_size && region_of(m, n, v.c->dtb_load_paddr, v.c->dtb_size) < 0))
		return -HV_EINVAL;
	if (!all_zero(v.c->interrupts_bitmap, sizeof(v.c->interrupts_bitmap)) ||
	    v.num_pci_bus || v.num_pci_devs)
		return -HV_EINVAL;
	if (v.c->num_ivc_configs > HCALL_HVISOR_MAX_IVC_CONFIGS)
		return -HV_EINVAL;
	hv_memset(&ivc, 0, sizeof(ivc));
	for (i = 0; i < v.c->num_ivc_configs; i++) {
		const struct hcall_hvisor_ivc_config *k = &v.c->ivc_configs[i];

		if (region_of_ipa(m, n, k->control_table_ipa, PAGE) < 0 ||
		    region_of_ipa(m, n, k->shared_mem_ipa, PAGE) < 0)
			return -HV_EINVAL;
		ivc.ivc_ids[i] = k->ivc_id;
		ivc.ivc_ct_ipas[i] = k->control_table_ipa;
		ivc.ivc_shmem_ipas[i] = k->shared_mem_ipa;
		ivc.ivc_irqs[i] = k->interrupt_num;
	}
	ivc.len = v.c->num_ivc_configs;
	/* As hvisor's zone_create: the region holding dtb_load_paddr, whatever
	 * dtb_size says; the regions do not overlap, so there is one at most. */
	r = region_of(m, n, v.c->dtb_load_paddr, 1);
	if (r >= 0) {
		const struct hcall_hvisor_memory_region *d = &m[hv_index_nospec((uint64_t)r, n)];

		dtb_ipa = d->virtual_start + (v.c->dtb_load_paddr - d->physical_start);
	}

	/* Checked: the zone becomes what the config says, and goes back to
	 * what it was if the glue cannot start it. */
	zone_save(z, &saved);
	for (i = 0; i < n; i++) {
		const struct hv_region *root = hv_guest_range(c->vm, m[i].physical_start,
							      m[i].size, 0);

		regions[i].gpa = m[i].virtual_start;
		regions[i].size = m[i].size;
		regions[i].host = root->host + (m[i].physical_start - root->gpa);
		regions[i].flags = HV_MEM_READ | HV_MEM_WRITE | HV_MEM_EXEC;
	}
	for (i = 0; i < n; i++)
		z->regions[i] = regions[i];
	z->nregions = n;
	z->nvcpus = ncpu;
	z->entry = v.c->entry_point;
	zs = zone_state(z);
	zs->cpus = v.c->cpus;
	zs->dtb_ipa = dtb_ipa;
	zs->ivc = ivc;
	hv_memcpy(zs->name, v.c->name, sizeof(zs->name));
	hv_memcpy(z->name, v.c->name, sizeof(z->name) - 1);
	z->name[sizeof(z->name) - 1] = 0;
	r = hv_vm_start_locked(c->hv, z);
	if (r)
		zone_restore(z, &saved);
	return r;
}

static void zone_start(struct hv_call *c)
{
	enum hcall_arch arch = (enum hcall_arch)hv_call_conv(c)->arch;
	uint64_t size = hcall_hvisor_zone_config_size(arch);
	int64_t st;

	if (!size || c->arg[1] != size) {
		hv_call_status(c, -HV_EINVAL);
		return;
	}
	hv_lock(&c->hv->lock);
	/* One copy; everything below reads the copy. */
	hv_memset(&zone_cfg, 0, sizeof(zone_cfg));
	if (hv_copy_from_guest(c->vm, &zone_cfg, c->arg[0], size))
		st = -HV_EFAULT;
	else
		st = zone_start_locked(c, arch);
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

static void zone_shutdown(struct hv_call *c)
{
	struct hv_vm *z;
	int64_t st;

	hv_lock(&c->hv->lock);
	z = c->arg[0] ? hv_vm_by_id(c->hv, c->arg[0]) : NULL;
	if (!z || z == c->vm || z->role == HV_ROLE_SERVICE || !running(z))
		st = -HV_EINVAL;
	else
		st = hv_vm_stop_locked(c->hv, z);
	hv_unlock(&c->hv->lock);
	hv_call_status(c, st);
}

static void zone_list(struct hv_call *c)
{
	struct hcall_hvisor_zone_info info[HV_MAX_VMS];
	uint64_t addr = c->arg[0], count = c->arg[1], n = 0, i;

	if (!addr) {
		hv_call_status(c, -HV_EINVAL); /* hvisor: "zones is null" */
		return;
	}
	hv_memset(info, 0, sizeof(info));
	hv_lock(&c->hv->lock);
	for (i = 0; i < HV_MAX_VMS; i++) {
		struct hv_vm *z = &c->hv->vms[i];
		const struct hvisor_vm *zs;

		if (!running(z))
			continue;
		zs = zone_state(z);
		info[n].zone_id = z->id;
		info[n].cpus = zs->cpus;
		if (zs->name[0])
			hv_memcpy(info[n].name, zs->name, sizeof(info[n].name));
		else
			hv_strlcpy(info[n].name, z->name, sizeof(info[n].name));
		n++;
	}
	hv_unlock(&c->hv->lock);
	/* count is capped before it is multiplied: no overflow. */
	if (count < n)
		n = count;
	if (n && hv_copy_to_guest(c->vm, addr, info, n * sizeof(info[0]))) {
		hv_call_status(c, -HV_EFAULT);
		return;
	}
	hv_call_ok(c, n);
}

static void ivc_info(struct hv_call *c)
{
	struct hcall_hvisor_ivc_info info;

	hv_lock(&c->hv->lock);
	info = ((struct hvisor_vm *)c->state)->ivc;
	hv_unlock(&c->hv->lock);
	if (!info.len)
		hv_call_status(c, -HV_ENODEV);
	else if (hv_copy_to_guest(c->vm, c->arg[0], &info, sizeof(info)))
		hv_call_status(c, -HV_EFAULT);
	else
		hv_call_status(c, 0);
}

static void config_check(struct hv_call *c)
{
	const uint64_t magic = HCALL_HVISOR_CONFIG_MAGIC;

	if (hv_copy_to_guest(c->vm, c->arg[0], &magic, sizeof(magic)))
		hv_call_status(c, -HV_EFAULT);
	else
		hv_call_status(c, 0);
}

/* The root zone holds CPUs 0..nvcpus-1 from boot. */
static void vm_init(struct hv_vm *vm, void *state, const struct hv_vm_config *cfg)
{
	struct hvisor_vm *zs = state;

	(void)cfg;
	if (vm->role == HV_ROLE_SERVICE)
		zs->cpus = (1ull << vm->nvcpus) - 1;
}

/* The boot vCPU's x0 (arm64) or a1 (riscv64): the DTB's guest-physical
 * address (HVISOR_NO_DTB if no region holds it); 0 for a VM started at
 * boot, whose vm_init leaves dtb_ipa 0. */
static void vm_start(struct hv_vm *vm, void *state)
{
	vm->vcpus[0].context_id = ((struct hvisor_vm *)state)->dtb_ipa;
}

/* Numbers below HVISOR_LOW at their number; VIRTIO_GET_IRQ (86), the one
 * number past them, in the last slot. */
#define HVISOR_LOW 32u
#define HVISOR_N (HVISOR_LOW + 1u)
_Static_assert(HCALL_HVISOR_CLEAR_INJECT_IRQ < HVISOR_LOW &&
		       HCALL_HVISOR_VIRTIO_GET_IRQ >= HVISOR_LOW,
	       "one slot per hvisor call");

static const struct hv_entry table[HVISOR_N] = {
	[HCALL_HVISOR_VIRTIO_INIT] = HV_ENTRY(HVISOR, VIRTIO_INIT, virtio_init, HV_PERM_MGMT),
	[HCALL_HVISOR_VIRTIO_INJECT_IRQ] =
		HV_ENTRY(HVISOR, VIRTIO_INJECT_IRQ, virtio_inject_irq, HV_PERM_MGMT),
	[HCALL_HVISOR_ZONE_START] = HV_ENTRY(HVISOR, ZONE_START, zone_start, HV_PERM_MGMT),
	[HCALL_HVISOR_ZONE_SHUTDOWN] =
		HV_ENTRY(HVISOR, ZONE_SHUTDOWN, zone_shutdown, HV_PERM_MGMT),
	[HCALL_HVISOR_ZONE_LIST] = HV_ENTRY(HVISOR, ZONE_LIST, zone_list, HV_PERM_MGMT),
	[HCALL_HVISOR_IVC_INFO] = HV_ENTRY(HVISOR, IVC_INFO, ivc_info, HV_PERM_INFO),
	[HCALL_HVISOR_CONFIG_CHECK] =
		HV_ENTRY(HVISOR, CONFIG_CHECK, config_check, HV_PERM_INFO),
	[HCALL_HVISOR_CLEAR_INJECT_IRQ] =
		HV_ENTRY(HVISOR, CLEAR_INJECT_IRQ, clear_inject_irq, HV_PERM_MGMT),
	[HVISOR_LOW] = HV_ENTRY(HVISOR, VIRTIO_GET_IRQ, virtio_get_irq, HV_PERM_INFO),
};

/* Inlined in the dispatcher. */
static inline __attribute__((always_inline)) const struct hv_entry *lookup(uint64_t ext,
									  uint64_t nr)
{
	uint64_t idx = nr < HVISOR_LOW                     ? nr
		       : nr == HCALL_HVISOR_VIRTIO_GET_IRQ ? HVISOR_LOW
							   : HVISOR_N;

	(void)ext; /* one number space */
	return hv_entry_at(table, HVISOR_N, idx, nr);
}

static const struct hcall_conv_desc conv_arm64 = HCALL_HVISOR_CONV_ARM64;
static const struct hcall_conv_desc conv_riscv = HCALL_HVISOR_CONV_RISCV;
static const struct hcall_conv_desc conv_x86 = HCALL_HVISOR_CONV_X86;

static const struct hv_conv convs[] = {
	{ &conv_arm64, 0 },
	{ &conv_riscv, HV_CONV_SELECTOR | HV_CONV_ERR_IN_VALUE },
	{ &conv_x86, 0 },
};

/* The service's dispatcher, instantiated over its constant description. */
static enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r)
{
	return hv_dispatch(hv, vcpu, r, &hv_service_hvisor, lookup);
}

const struct hv_service hv_service_hvisor = {
	.name = "hvisor",
	.abi = HV_ABI_HVISOR,
	.convs = convs,
	.nconvs = sizeof(convs) / sizeof(convs[0]),
	.lookup = lookup,
	.dispatch = dispatch,
	.nr_mask = ~0ull,
	.errs = { -HV_ENOSYS, -HV_EPERM, -HV_EINVAL, -HV_EFAULT },
	.probe = { 0, HCALL_PROBE_HVISOR_ECHO, HCALL_PROBE_HVISOR_DUMP },
	.state_size = sizeof(struct hvisor_vm),
	.vm_init = vm_init,
	.vm_start = vm_start,
};
