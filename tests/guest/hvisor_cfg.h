/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/hvisor_cfg.h - an hvisor zone_config put together as
 * hvisor-tool fills one from a zone's JSON (tools/hvisor.c at b17d9dd):
 * id, CPUs and name, RAM regions, ivc channels. The guests that start
 * zones (the zone checks, the storms) add their machine's addresses and
 * whatever else their zones need.
 */
#ifndef HCALL_TEST_HVISOR_CFG_H
#define HCALL_TEST_HVISOR_CFG_H

#include <hcall/hvisor.h>
#include <stdint.h>

/* An empty config of zone id on `cpus` (bit n: CPU n), named `name`. */
static inline void hvisor_cfg_init(hcall_hvisor_zone_config_t *c, uint32_t id, uint64_t cpus,
				   const char *name)
{
	unsigned i;

	__builtin_memset(c, 0, sizeof(*c));
	c->zone_id = id;
	c->cpus = cpus;
	for (i = 0; name[i] && i < sizeof(c->name); i++)
		c->name[i] = name[i];
}

/* One more RAM region: `size` bytes of the root zone's memory at pa,
 * which the zone sees at va. */
static inline struct hcall_hvisor_memory_region *
hvisor_cfg_ram(hcall_hvisor_zone_config_t *c, uint64_t pa, uint64_t va, uint64_t size)
{
	struct hcall_hvisor_memory_region *m = &c->memory_regions[c->num_memory_regions++];

	m->type = HCALL_HVISOR_MEM_TYPE_RAM;
	m->physical_start = pa;
	m->virtual_start = va;
	m->size = size;
	return m;
}

/* One more ivc channel between two peers: its control table and shared
 * memory at the zone's addresses ct and shm, its interrupt irq. */
static inline struct hcall_hvisor_ivc_config *
hvisor_cfg_ivc(hcall_hvisor_zone_config_t *c, uint32_t id, uint32_t irq, uint64_t ct, uint64_t shm)
{
	struct hcall_hvisor_ivc_config *v = &c->ivc_configs[c->num_ivc_configs++];

	v->ivc_id = id;
	v->control_table_ipa = ct;
	v->shared_mem_ipa = shm;
	v->interrupt_num = irq;
	v->max_peers = 2;
	return v;
}

#endif /* HCALL_TEST_HVISOR_CFG_H */
