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
static void run_hvisor_zones(void)
{
	struct rv_zone_report *z = &RV_SHARED->zone[RV_G_ZONE_NORMAL];
	int64_t zone;

	z->runs = 0;
	zone = example_hvisor_start_zone(RV_G_ZONE_NORMAL, RV_G_RAM_BASE, RV_G_RAM_SIZE,
					 RV_G_RAM_BASE);
	guest_demo_value("hvisor", "example: list, zone_start(zone 1), list (the zone id)",
			 zone);
	tap_eq("example hvisor_zones: zone_start returns zone 1", (uint64_t)zone,
	       RV_G_ZONE_NORMAL);
	/* A WFI traps to the hypervisor, which runs the next vCPU. */
	for (unsigned i = 0; i < 64 && z->runs == 0; i++)
		rv_guest_yield();
	tap_eq("example hvisor_zones: the started zone ran", z->runs, 1);
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
