/* SPDX-License-Identifier: MIT */
/*
 * examples/guest/riscv.c - runs the riscv64 examples in place of the
 * conformance suite, and reports what they did as TAP checks and demo
 * rows. Two images are built from it:
 *   - the service VM (hvisor root zone) of the hcall riscv hypervisor,
 *     which also starts zone 1 (the zone image of tests/guest/riscv,
 *     loaded at host-physical 0x80600000, seen at guest-physical
 *     0x80200000 like every VM's RAM: arch/riscv/layout.h);
 *   - GUEST_PEER: a plain S-mode kernel on QEMU's OpenSBI v1.1, where
 *     only the SBI probe runs.
 *
 * Expected SBI answers: under hcall, the base extension and SRST and
 * nothing else of the list (hv/svc_sbi.c's documented set); on OpenSBI
 * v1.1, at least the base extension, HSM and SRST (the probes recorded
 * in FACTS.md beside the repository).
 */
#include "examples.h"
#include "guest.h"
#include "riscv/rv_guest.h"
#include "tap.h"

#if !defined(GUEST_PEER)
/* Zone 1 as hvisor-tool's JSON describes it: its RAM where the root zone
 * sees it (0x80600000) at the address its image is linked at, the shared
 * page, on CPU 1. */
static const char zone1_json[] =
	"{ \"name\": \"zone\", \"zone_id\": 1, \"cpus\": [2],\n"
	"  \"memory_regions\": [\n"
	"    { \"type\": \"ram\", \"physical_start\": \"0x80600000\",\n"
	"      \"virtual_start\": \"0x80200000\", \"size\": \"0x200000\" },\n"
	"    { \"type\": \"ram\", \"physical_start\": \"0x90000000\",\n"
	"      \"virtual_start\": \"0x90000000\", \"size\": \"0x1000\" } ],\n"
	"  \"interrupts\": [], \"ivc_configs\": [],\n"
	"  \"kernel_filepath\": \"guest-zone-riscv64.bin\", \"dtb_filepath\": \"zone.dtb\",\n"
	"  \"kernel_load_paddr\": \"0x80600000\", \"dtb_load_paddr\": \"0x807ff000\",\n"
	"  \"entry_point\": \"0x80200000\",\n"
	"  \"arch_config\": { \"plic_base\": \"0\", \"plic_size\": \"0\",\n"
	"                   \"aplic_base\": \"0\", \"aplic_size\": \"0\" },\n"
	"  \"pci_config\": [] }";

static void run_hvisor_zones(void)
{
	struct rv_zone_report *z = &RV_SHARED->zone[RV_G_ZONE_NORMAL];
	int64_t zone;

	/* hvisor-tool copies the DTB file to dtb_load_paddr; the zone image
	 * finds its zone id in this stand-in, at the address hvisor passes
	 * in a1 (rv_guest.h). */
	rv_dtb_standin_write(0x807ff000ull, RV_G_ZONE_NORMAL);
	z->runs = 0;
	zone = example_hvisor_start_zone(zone1_json, sizeof(zone1_json) - 1, 0x1000,
					 sizeof(struct rv_dtb_standin));
	guest_demo_value("hvisor", "example: config_check, zone_start(zone 1 from JSON), list",
			 zone);
	tap_eq("example hvisor_zones: zone 1 started from its JSON description", (uint64_t)zone,
	       0);
	/* A WFI traps to the hypervisor, which runs the next vCPU. */
	for (unsigned i = 0; i < 64 && z->runs == 0; i++)
		rv_guest_yield();
	tap_eq("example hvisor_zones: the started zone ran", z->runs, 1);
	tap_eq("example hvisor_zones: with a1 = its DTB's address", z->boot_a1, 0x803ff000ull);
}
#endif

static void run_examples(void)
{
	int found = example_sbi_probe();

	guest_demo_value("sbi", "example: probe of 12 extensions (how many present)", found);
#if defined(GUEST_PEER)
	tap_check(found >= 3, "example sbi_probe: OpenSBI offers at least base, HSM and SRST");
#else
	tap_eq("example sbi_probe: hcall offers base, TIME, IPI, RFENCE, HSM, SRST, DBCN, SUSP",
	       (uint64_t)found, 8);
	run_hvisor_zones();
#endif
}
GUEST_CHECK("examples", run_examples);
