/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/hvisor_zones.c - the root zone's checks of hvisor's zone
 * calls that every architecture shares (hvisor_zones.h).
 */
#include "hvisor_zones.h"

#include "guest.h"
#include "hvisor_cfg.h"
#include "tap.h"

#define UNKNOWN_ZONE 7u
#define LIST_MAX 8u
#define FILL 0xa5u

static struct hcall_hvisor_zone_info info[LIST_MAX] __attribute__((aligned(16)));
static struct hcall_hvisor_ivc_info ivc __attribute__((aligned(16)));
static uint64_t magic;

int64_t hvisor_zone_start(const struct hvisor_zone *z, uint64_t size)
{
	return hcall_hvisor_zone_start((uint64_t)(uintptr_t)z->cfg, size).code;
}

/* zone_list into info[0..count): the number listed, or the error. */
static int64_t list(uint64_t count)
{
	struct hcall_result r = hcall_hvisor_zone_list((uint64_t)(uintptr_t)info, count);

	return hcall_ok(r) ? (int64_t)r.value : r.code;
}

/* The entry for zone id among the n listed, or 0. */
static const struct hcall_hvisor_zone_info *listed(uint32_t id, int64_t n)
{
	for (int64_t i = 0; i < n && i < (int64_t)LIST_MAX; i++)
		if (info[i].zone_id == id)
			return &info[i];
	return 0;
}

static int named(const struct hcall_hvisor_zone_info *e, const char *name)
{
	unsigned i;

	for (i = 0; name[i]; i++)
		if (e->name[i] != name[i])
			return 0;
	return e->name[i] == 0;
}

uint64_t hvisor_zone_root(const struct hvisor_zone *z)
{
	const struct hcall_hvisor_zone_info *root;
	struct hcall_result r;
	int64_t n;

	tap_eq("zone_config is hvisor's size on this architecture", sizeof(*z->cfg),
	       z->config_size);
	tap_eq("zone_info is hvisor's size", sizeof(info[0]), SPEC_ZONE_INFO_SIZE);
	magic = 0;
	r = hcall_hvisor_config_check((uint64_t)(uintptr_t)&magic);
	guest_demo("hvisor", "config_check", r);
	tap_check(hcall_ok(r), "config_check succeeds");
	tap_eq("config_check writes hvisor v0.4's magic 0x5", magic, SPEC_MAGIC);
	tap_eq("config_check at an address outside the VM: -EFAULT",
	       (uint64_t)hcall_hvisor_config_check(z->outside).code, (uint64_t)E_FAULT);

	n = list(LIST_MAX);
	root = listed(0, n);
	tap_eq("zone_list: only the root zone runs", (uint64_t)n, 1);
	tap_check(root && root->cpus == z->root_cpus && !root->is_err,
		  "zone_list: the root zone holds its CPUs, no error");
	tap_eq("ivc_info of the root zone (no ivc config): -ENODEV",
	       (uint64_t)hcall_hvisor_ivc_info((uint64_t)(uintptr_t)&ivc).code, (uint64_t)E_NODEV);
	return magic;
}

void hvisor_zone_refused(const struct hvisor_zone *z)
{
	hcall_hvisor_zone_config_t *c = z->cfg;
	const struct hcall_hvisor_memory_region *first = &c->memory_regions[0];

	z->set_cfg(z->cpus);
	tap_eq("zone_start, config_size one short: -EINVAL",
	       (uint64_t)hvisor_zone_start(z, z->config_size - 1), (uint64_t)E_INVAL);
	tap_eq("zone_start, config_size one long: -EINVAL",
	       (uint64_t)hvisor_zone_start(z, z->config_size + 1), (uint64_t)E_INVAL);
	tap_eq("zone_start with a config outside the VM: -EFAULT",
	       (uint64_t)hcall_hvisor_zone_start(z->outside, z->config_size).code,
	       (uint64_t)E_FAULT);

	z->set_cfg(z->cpus);
	c->memory_regions[0].physical_start = z->ram_outside;
	tap_eq("zone_start, RAM outside the root zone's memory: -EINVAL",
	       (uint64_t)hvisor_zone_start(z, sizeof(*c)), (uint64_t)E_INVAL);
	/* One more page, inside the first region's memory but placed after
	 * it in the zone's: only the physical overlap is wrong. */
	z->set_cfg(z->cpus);
	hvisor_cfg_ram(c, first->physical_start + 0x1000, first->virtual_start + first->size, 0x1000);
	tap_eq("zone_start, regions overlapping physically: -EINVAL",
	       (uint64_t)hvisor_zone_start(z, sizeof(*c)), (uint64_t)E_INVAL);
	z->set_cfg(1ull << 40);
	tap_eq("zone_start, CPU 40 does not exist: -EINVAL",
	       (uint64_t)hvisor_zone_start(z, sizeof(*c)), (uint64_t)E_INVAL);
	z->set_cfg(1u << 0);
	tap_eq("zone_start, CPU 0 belongs to the running root zone: -EBUSY",
	       (uint64_t)hvisor_zone_start(z, sizeof(*c)), (uint64_t)E_BUSY);

	tap_check(list(LIST_MAX) == 1 && !listed(z->id, 1), "zone_list: nothing started");
}

int hvisor_zone_started(const struct hvisor_zone *z)
{
	const struct hcall_hvisor_zone_info *e;
	struct hcall_result r;
	int64_t n;

	z->set_cfg(z->cpus);
	r = hcall_hvisor_zone_start((uint64_t)(uintptr_t)z->cfg, sizeof(*z->cfg));
	guest_demo("hvisor", "zone_start", r);
	if (!tap_check(hcall_ok(r) && r.value == 0 && r.code == 0, "zone_start answers 0"))
		return 0;
	tap_eq("zone_start of a running zone: -EINVAL",
	       (uint64_t)hvisor_zone_start(z, sizeof(*z->cfg)), (uint64_t)E_INVAL);

	n = list(LIST_MAX);
	e = listed(z->id, n);
	tap_eq("zone_list: two zones run", (uint64_t)n, 2);
	tap_check(e && e->cpus == z->cpus && !e->is_err && named(e, z->name),
		  "zone_list: the zone, its CPUs and its name, no error");
	/* Never more than count entries: the second one stays untouched. */
	__builtin_memset(info, FILL, sizeof(info));
	tap_eq("zone_list with count 1 answers 1", (uint64_t)list(1), 1);
	tap_eq("zone_list with count 1 writes 56 bytes, no more",
	       ((const uint8_t *)info)[SPEC_ZONE_INFO_SIZE], FILL);
	tap_eq("zone_list with a count whose size overflows: 2",
	       (uint64_t)list(0x0492492492492493ull), 2);
	return 1;
}

void hvisor_zone_virtio_init(void *page)
{
	tap_eq("virtio_inject_irq before virtio_init: -ENOENT",
	       (uint64_t)hcall_hvisor_virtio_inject_irq().code, (uint64_t)E_NOENT);
	tap_check(hcall_ok(hcall_hvisor_virtio_init((uint64_t)(uintptr_t)page)),
		  "virtio_init on an own page succeeds");
	tap_eq("virtio_init twice: -EEXIST",
	       (uint64_t)hcall_hvisor_virtio_init((uint64_t)(uintptr_t)page).code,
	       (uint64_t)E_EXIST);
}

void hvisor_zone_shutdown(const struct hvisor_zone *z)
{
	struct hcall_result r;
	int64_t n;

	tap_eq("zone_shutdown(0), the root zone: -EINVAL",
	       (uint64_t)hcall_hvisor_zone_shutdown(0).code, (uint64_t)E_INVAL);
	tap_eq("zone_shutdown of an unknown zone: -EINVAL",
	       (uint64_t)hcall_hvisor_zone_shutdown(UNKNOWN_ZONE).code, (uint64_t)E_INVAL);
	r = hcall_hvisor_zone_shutdown(z->id);
	guest_demo("hvisor", "zone_shutdown", r);
	tap_check(hcall_ok(r), "zone_shutdown of the zone succeeds");
	n = list(LIST_MAX);
	tap_check(n == 1 && !listed(z->id, n), "zone_list: the zone is gone");
	tap_eq("zone_shutdown of a stopped zone: -EINVAL",
	       (uint64_t)hcall_hvisor_zone_shutdown(z->id).code, (uint64_t)E_INVAL);
}
