/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/layout.c - the three VMs of the arm64 image:
 *   service   the hvisor root zone and Jailhouse root cell: every ABI
 *             and the probe; runs the conformance suite and manages the
 *             other two, whose RAM it owns too (it names it in their
 *             zone_config);
 *   normal    a zone (and Jailhouse cell) the service VM starts, lists
 *             and stops;
 *   norights  a zone with no hypercall rights at all (HVC is UNDEFINED).
 * Zone ids are the slots here (0, 1, 2). A zone started with zone_start
 * gets the memory its zone_config names, not the size here.
 */
#include "layout.h"

extern const uint8_t guest_service_start[], guest_service_end[];
extern const uint8_t guest_normal_start[], guest_normal_end[];
extern const uint8_t guest_norights_start[], guest_norights_end[];

const struct layout_vm layout_vms[] = {
	{ "service", HV_ROLE_SERVICE,
	  HV_ABI_BIT(HV_ABI_HVISOR) | HV_ABI_BIT(HV_ABI_SMCCC) | HV_ABI_BIT(HV_ABI_JAILHOUSE),
	  HV_CAP_PROBE, LAYOUT_SERVICE_BASE, LAYOUT_VM_SIZE, 1, 1, 1,
	  guest_service_start, guest_service_end, 1, 1 },
	{ "normal", HV_ROLE_NORMAL,
	  HV_ABI_BIT(HV_ABI_HVISOR) | HV_ABI_BIT(HV_ABI_SMCCC) | HV_ABI_BIT(HV_ABI_JAILHOUSE), 0,
	  LAYOUT_NORMAL_BASE, LAYOUT_VM_SIZE, 0, 1, 1,
	  guest_normal_start, guest_normal_end, 1, 0 },
	{ "norights", HV_ROLE_NORMAL, 0, 0,
	  LAYOUT_NORIGHTS_BASE, LAYOUT_VM_SIZE, 0, 1, 0,
	  guest_norights_start, guest_norights_end, 1, 0 },
};

const unsigned layout_nvms = sizeof(layout_vms) / sizeof(layout_vms[0]);
