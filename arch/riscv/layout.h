/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/layout.h - the physical memory plan of the riscv64 hypervisor
 * on `qemu-system-riscv64 -machine virt -bios none` (128 MiB of RAM at
 * 0x80000000), shared by the hypervisor, the guests' linker scripts and
 * the system tests that load the guest images with `-device loader`.
 *
 * Every VM sees the same guest-physical picture, built by G-stage
 * translation:
 *   RV_GUEST_RAM_GPA  its own 2 MiB of RAM (the image is linked here; the
 *                     same address OpenSBI hands to an S-mode payload,
 *                     so one guest link works on both)
 *   RV_IVC_GPA        one 4 KiB page shared by all VMs (hvisor's ivc
 *                     shared memory), for results the zones report
 *   RV_UART_BASE      the ns16550 console, passed through
 * and nothing else: any other access is a guest-page fault. The service
 * VM (hvisor's root zone) also sees the zones' RAM at RV_ZONES_GPA; a zone
 * started with zone_start gets the regions its zone_config names.
 */
#ifndef HCALL_ARCH_RISCV_LAYOUT_H
#define HCALL_ARCH_RISCV_LAYOUT_H

#define RV_HV_BASE 0x80000000
#define RV_UART_BASE 0x10000000
#define RV_TEST_BASE 0x100000 /* sifive_test: exit status */

#define RV_GUEST_RAM_GPA 0x80200000
#define RV_GUEST_RAM_SIZE 0x200000
#define RV_IVC_GPA 0x90000000
#define RV_IVC_SIZE 0x1000
/* QEMU virt's virtio-mmio window. Not mapped: a normal zone's access
 * there is its virtio request, which the hypervisor turns into the
 * service VM's upcall (hvisor's flow), then faults like any other. */
#define RV_VIRTIO_GPA 0x10001000
#define RV_VIRTIO_SIZE 0x8000

/* Host-physical homes of the VMs' RAM (2 MiB aligned, for megapages). */
#define RV_VM0_RAM_HPA 0x80400000 /* service VM (hvisor root zone) */
#define RV_VM1_RAM_HPA 0x80600000 /* normal VM, started by zone_start */
#define RV_VM2_RAM_HPA 0x80800000 /* VM with no hypercall rights */
#define RV_IVC_HPA 0x80a00000
/* The zones' RAM (normal and norights), which the root zone also sees,
 * identity-mapped: the physical_start of their zone_config regions. */
#define RV_ZONES_GPA RV_VM1_RAM_HPA
#define RV_ZONES_SIZE 0x400000

/* Zone ids (= index in the core's VM table). */
#define RV_ZONE_SERVICE 0
#define RV_ZONE_NORMAL 1
#define RV_ZONE_NORIGHTS 2

#endif /* HCALL_ARCH_RISCV_LAYOUT_H */
