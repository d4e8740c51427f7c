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
 * zone_start (the root zone starts a zone from hvisor-tool's JSON
 * description, zone_start answers 0, and the zone runs).
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

/* Zone 1 as hvisor-tool's JSON describes it: the normal VM's RAM (which
 * the root zone owns too) and the shared page, on CPU 1. */
static const char zone1_json[] =
	"{ \"name\": \"normal\", \"zone_id\": 1, \"cpus\": [1],\n"
	"  \"memory_regions\": [\n"
	"    { \"type\": \"ram\", \"physical_start\": \"0x41200000\",\n"
	"      \"virtual_start\": \"0x41200000\", \"size\": \"0x200000\" },\n"
	"    { \"type\": \"ram\", \"physical_start\": \"0x41600000\",\n"
	"      \"virtual_start\": \"0x41600000\", \"size\": \"0x1000\" } ],\n"
	"  \"interrupts\": [], \"ivc_configs\": [],\n"
	"  \"kernel_filepath\": \"guest-normal-arm64.bin\", \"dtb_filepath\": \"none\",\n"
	"  \"kernel_load_paddr\": \"0x41200000\", \"dtb_load_paddr\": \"0x413ff000\",\n"
	"  \"entry_point\": \"0x41200000\",\n"
	"  \"arch_config\": { \"gic_version\": \"v3\", \"gicd_base\": \"0\", \"gicd_size\": \"0\",\n"
	"                   \"gicr_base\": \"0\", \"gicr_size\": \"0\" },\n"
	"  \"pci_config\": [] }";

static void run_examples(void)
{
	int shared;
	int64_t zone;

	shared = example_kvm_arm64_mem_share();
	guest_demo_value("kvm_arm64", "example: discover, then MEM_SHARE a page (0 = shared)",
			 shared);
	tap_eq("example kvm_arm64_mem_share: KVM found, one page shared", (uint64_t)shared, 0);

	GUEST_SHARED->normal_runs = 0;
	zone = example_hvisor_start_zone(zone1_json, sizeof(zone1_json) - 1, 0x1000, 0);
	guest_demo_value("hvisor", "example: config_check, zone_start(zone 1 from JSON), list",
			 zone);
	tap_eq("example hvisor_zones: zone 1 started from its JSON description", (uint64_t)zone,
	       0);
	let_other_vms_run();
	tap_eq("example hvisor_zones: the started zone ran", GUEST_SHARED->normal_runs, 1);
}
GUEST_CHECK("examples", run_examples);
