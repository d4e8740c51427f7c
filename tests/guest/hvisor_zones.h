/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/hvisor_zones.h - the root zone's checks of hvisor's zone
 * calls that are the same on every architecture (hvisor_zones.c), used by
 * arm64/check_zones.c, riscv/check_zones.c and, on x86_64,
 * check_hvisor.c. Each of those keeps its machine (addresses, the config
 * it builds, how its zones boot and report) and the checks only it has.
 *
 * The flow is hvisor-tool's (tools/hvisor.c and driver/hvisor.c at
 * b17d9dd): CONFIG_CHECK, zone_start with a full zone_config, zone_list
 * into 56-byte entries, ivc_info, virtio, zone_shutdown. The numbers are
 * the pinned hvisor v0.4's (d3260d0), written here: CONFIG_MAGIC_VERSION
 * 0x5; zone_start answers 0; errors are HvErrorNum negated.
 */
#ifndef HCALL_TEST_HVISOR_ZONES_H
#define HCALL_TEST_HVISOR_ZONES_H

#include <hcall/hvisor.h>
#include <stdint.h>

#define E_PERM (-1)
#define E_NOENT (-2)
#define E_FAULT (-14)
#define E_BUSY (-16)
#define E_EXIST (-17)
#define E_NODEV (-19)
#define E_INVAL (-22)
#define SPEC_MAGIC 0x5u
#define SPEC_ZONE_INFO_SIZE 56u

/* The zone a root zone starts, and what its machine looks like. */
struct hvisor_zone {
	hcall_hvisor_zone_config_t *cfg;
	/* Fill *cfg with a config hvisor-tool could build for the zone, on
	 * the CPUs `cpus`; zone_start accepts it when those are free. */
	void (*set_cfg)(uint64_t cpus);
	uint32_t id;
	uint64_t cpus;        /* CPUs the zone runs on */
	const char *name;     /* the name set_cfg gives it */
	uint64_t root_cpus;   /* the root zone's CPUs */
	uint32_t config_size; /* hvisor's zone_config size on this architecture */
	uint64_t outside;     /* an address outside the root zone's memory */
	uint64_t ram_outside; /* a RAM region's start outside the root zone's memory */
};

/* zone_start of *z->cfg with config_size `size`: 0 or the error. */
int64_t hvisor_zone_start(const struct hvisor_zone *z, uint64_t size);

/* Before any zone starts: the layout sizes, CONFIG_CHECK (returns the
 * magic it wrote), zone_list with only the root zone, the root zone's
 * ivc_info. */
uint64_t hvisor_zone_root(const struct hvisor_zone *z);

/* The refusals every architecture shares (config size, config and RAM
 * outside the root zone, overlapping regions, CPUs), then zone_list: the
 * zone never started. */
void hvisor_zone_refused(const struct hvisor_zone *z);

/* zone_start of the zone (answers 0), then what zone_list and zone_start
 * say of it while it runs; 1 if it started. */
int hvisor_zone_started(const struct hvisor_zone *z);

/* VIRTIO_INIT on the root zone's own page, and VIRTIO_INJECT_IRQ before
 * it (the calls of hvisor-tool's virtio back end). */
void hvisor_zone_virtio_init(void *page);

/* zone_shutdown: of the root zone and an unknown one (refused), of the
 * zone (it leaves zone_list), and of it again once stopped. */
void hvisor_zone_shutdown(const struct hvisor_zone *z);

#endif /* HCALL_TEST_HVISOR_ZONES_H */
