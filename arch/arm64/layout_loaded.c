/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/layout_loaded.c - the layout of hv-arm64-loaded.elf: one VM
 * whose image is not embedded but loaded by the boot loader, so the
 * hypervisor can run any EL1 guest linked at LAYOUT_SERVICE_BASE:
 *
 *   qemu-system-aarch64 -machine virt,virtualization=on -cpu cortex-a57 \
 *     -nographic -kernel hv-arm64-loaded.elf \
 *     -device loader,file=guest.bin,addr=0x41000000
 *
 * The VM ("guest") is the service VM (its PSCI SYSTEM_OFF powers the
 * machine off) with SMCCC, PSCI and the vendor services, the PL011, its
 * 2 MiB of RAM and nothing else: no hvisor calls, no shared page, no probe.
 * Linked instead of layout.c (tests/conform/meson.build).
 */
#include "layout.h"

const struct layout_vm layout_vms[] = {
	{ .name = "guest", .role = HV_ROLE_SERVICE, .abis = HV_ABI_BIT(HV_ABI_SMCCC),
	  .caps = 0, .base = LAYOUT_SERVICE_BASE, .size = LAYOUT_VM_SIZE,
	  .start = 1, .shared = 0, .uart = 1, .image = 0, .image_end = 0 },
};

const unsigned layout_nvms = sizeof(layout_vms) / sizeof(layout_vms[0]);
