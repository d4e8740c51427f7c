/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/layout.h - the machine the hypervisor builds: which VMs exist,
 * where their RAM is, which embedded image each boots, and the hypervisor's
 * own exit codes.
 */
#ifndef ARM64_LAYOUT_H
#define ARM64_LAYOUT_H

#include <hv/hv.h>

/* Guest RAM, above the hypervisor image in the virt machine's RAM. The
 * guests' linker scripts use the same addresses (tests/guest/arm64). */
#define LAYOUT_SERVICE_BASE 0x41000000ull
#define LAYOUT_NORMAL_BASE 0x41200000ull
#define LAYOUT_NORIGHTS_BASE 0x41400000ull
#define LAYOUT_VM_SIZE 0x200000ull
/* One page mapped into every VM that asks for it: how the VMs without a
 * console or hypercall rights report to the service VM. */
#define LAYOUT_SHARED_BASE 0x41600000ull
#define LAYOUT_SHARED_SIZE 0x1000ull
#define LAYOUT_UART_BASE 0x09000000ull
/* The zones' RAM (normal and norights), which the root zone owns too, as
 * hvisor's root zone owns the memory it starts zones in. */
#define LAYOUT_ZONES_BASE LAYOUT_NORMAL_BASE
#define LAYOUT_ZONES_SIZE (2 * LAYOUT_VM_SIZE)

/* Hypervisor exit codes of its own (the service VM's status otherwise). */
#define HV_EXIT_RESET 1
#define HV_EXIT_NO_VCPU 120
#define HV_EXIT_BUG 121

struct layout_vm {
	const char *name;
	enum hv_role role;
	uint32_t abis;
	uint32_t caps;  /* HV_CAP_* */
	uint64_t base, size;
	int start;      /* boots at power-on; otherwise waits for zone_start */
	int shared;     /* maps the shared page */
	int uart;       /* maps the PL011 */
	/* The embedded image copied into the VM's RAM at each start, or
	 * NULL: the boot loader has loaded it there (layout_loaded.c). */
	const uint8_t *image, *image_end;
	unsigned nvcpus; /* 0 means 1; vCPU n runs on CPU n % ncpus (smp.h) */
	int zones;      /* owns the zones' RAM (the hvisor root zone) */
};

extern const struct layout_vm layout_vms[];
extern const unsigned layout_nvms;

#endif /* ARM64_LAYOUT_H */
