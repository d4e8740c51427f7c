/* SPDX-License-Identifier: MIT */
/*
 * bench/smp/layout.c - the one VM of the SMP bench image: the bench
 * guest (guest.c) with four vCPUs, SMCCC rights and the console, at the
 * service VM's address (its PSCI SYSTEM_OFF ends the run).
 */
#include "layout.h"

extern const uint8_t guest_benchsmp_start[], guest_benchsmp_end[];

const struct layout_vm layout_vms[] = {
	{ .name = "bench-smp", .role = HV_ROLE_SERVICE, .abis = HV_ABI_BIT(HV_ABI_SMCCC),
	  .caps = 0, .base = LAYOUT_SERVICE_BASE, .size = LAYOUT_VM_SIZE,
	  .start = 1, .shared = 0, .uart = 1,
	  .image = guest_benchsmp_start, .image_end = guest_benchsmp_end, .nvcpus = 4 },
};

const unsigned layout_nvms = sizeof(layout_vms) / sizeof(layout_vms[0]);
