/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/layout_smp.c - the layout of hv-arm64-smp.elf, run with
 * -smp 4 so that vCPU n of each VM runs on physical CPU n (smp.h):
 *   storm  the service VM (hvisor, SMCCC with PSCI and the vendor
 *          services, the PL011, the shared page) with four vCPUs: the SMP
 *          storm guest (tests/guest/arm64/storm.c);
 *   zone2  hvisor zone 1, two vCPUs (tests/guest/arm64/zone2.S), which
 *          the storm guest starts and stops.
 * Linked instead of layout.c (tests/guest/arm64/meson.build).
 */
#include "layout.h"

extern const uint8_t guest_storm_start[], guest_storm_end[];
extern const uint8_t guest_zone2_start[], guest_zone2_end[];

const struct layout_vm layout_vms[] = {
	{ .name = "storm", .role = HV_ROLE_SERVICE,
	  .abis = HV_ABI_BIT(HV_ABI_HVISOR) | HV_ABI_BIT(HV_ABI_SMCCC),
	  .caps = 0, .base = LAYOUT_SERVICE_BASE, .size = LAYOUT_VM_SIZE,
	  .start = 1, .shared = 1, .uart = 1,
	  .image = guest_storm_start, .image_end = guest_storm_end, .nvcpus = 4,
	  .zones = 1 },
	{ .name = "zone2", .role = HV_ROLE_NORMAL, .abis = HV_ABI_BIT(HV_ABI_SMCCC),
	  .caps = 0, .base = LAYOUT_NORMAL_BASE, .size = LAYOUT_VM_SIZE,
	  .start = 0, .shared = 1, .uart = 0,
	  .image = guest_zone2_start, .image_end = guest_zone2_end, .nvcpus = 2 },
};

const unsigned layout_nvms = sizeof(layout_vms) / sizeof(layout_vms[0]);
