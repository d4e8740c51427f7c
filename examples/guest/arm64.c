/* SPDX-License-Identifier: MIT */
/*
 * examples/guest/arm64.c - runs the arm64 examples as the service VM (the
 * hvisor root zone) of the hcall arm64 hypervisor, in place of the
 * conformance suite, and reports what they did as TAP checks and demo
 * rows. The machine is arch/arm64/layout.c's: zone 1 is the normal VM
 * image at 0x41200000, 2 MiB; it boots when started and records its run
 * in the shared page.
 *
 * Expected values: the Linux KVM/arm64 documentation (a protected guest
 * can share a granule of its own memory: MEM_SHARE returns 0) and hvisor's
 * zone_start (the root zone starts a configured zone, which then runs).
 */
#include "arm64/arm64_guest.h"
#include "examples.h"
#include "guest.h"
#include "tap.h"

/* Give the CPU to the other VMs until they idle or stop: a WFI traps to
 * the hypervisor, which runs the next vCPU. */
static void let_other_vms_run(void)
{
	guest_irq_enable();
	__asm__ __volatile__("wfi" ::: "memory");
	for (volatile int i = 0; i < 100; i++)
		;
	guest_irq_disable();
}

static void run_examples(void)
{
	int shared;
	int64_t zone;

	shared = example_kvm_arm64_mem_share();
	guest_demo_value("kvm_arm64", "example: discover, then MEM_SHARE a page (0 = shared)",
			 shared);
	tap_eq("example kvm_arm64_mem_share: KVM found, one page shared", (uint64_t)shared, 0);

	GUEST_SHARED->normal_runs = 0;
	zone = example_hvisor_start_zone(GUEST_ZONE_NORMAL, GUEST_NORMAL_BASE, GUEST_VM_SIZE,
					 GUEST_NORMAL_BASE);
	guest_demo_value("hvisor", "example: list, zone_start(zone 1), list (the zone id)",
			 zone);
	tap_eq("example hvisor_zones: zone_start returns zone 1", (uint64_t)zone, GUEST_ZONE_NORMAL);
	let_other_vms_run();
	tap_eq("example hvisor_zones: the started zone ran", GUEST_SHARED->normal_runs, 1);
}
GUEST_CHECK("examples", run_examples);
