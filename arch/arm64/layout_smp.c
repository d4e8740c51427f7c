/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/layout_smp.c - the layout of hv-arm64-smp.elf: one VM with
 * four vCPUs, the SMP storm guest (tests/guest/arm64/storm.c), run with
 * -smp 4 so that vCPU n has physical CPU n to itself (smp.h). It is the
 * service VM (SMCCC, PSCI and the vendor services, the PL011) at the
 * service VM's address. Linked instead of layout.c
 * (tests/guest/arm64/meson.build).
 */
#include "layout.h"

extern const uint8_t guest_storm_start[], guest_storm_end[];

const struct layout_vm layout_vms[] = {
	{ .name = "storm", .role = HV_ROLE_SERVICE, .abis = HV_ABI_BIT(HV_ABI_SMCCC),
	  .caps = 0, .base = LAYOUT_SERVICE_BASE, .size = LAYOUT_VM_SIZE,
	  .start = 1, .shared = 0, .uart = 1,
	  .image = guest_storm_start, .image_end = guest_storm_end, .nvcpus = 4 },
};

const unsigned layout_nvms = sizeof(layout_vms) / sizeof(layout_vms[0]);
