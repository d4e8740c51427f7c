/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/check_zones.c - the service VM manages the other
 * zones with hvisor's zone calls, and judges what they report in the
 * shared page (rv_guest.h): the normal zone's calls work except the
 * root-only ones (-EPERM), the no-rights zone's ecall comes back as an
 * illegal-instruction exception (scause 2), an access outside a zone's
 * memory faults, and the upcall (virtio_inject_irq) reaches a running
 * zone, which acknowledges it; a zone's virtio request raises the upcall
 * of the service VM, which acknowledges it too.
 * Error numbers from hvisor (negated Linux errno): EPERM 1, ENOENT 2,
 * EFAULT 14, EEXIST 17, EINVAL 22.
 */
#include <hcall/hvisor.h>

#include "../guest.h"
#include "../tap.h"
#include "rv_guest.h"

#define E_PERM (-1)
#define E_NOENT (-2)
#define E_FAULT (-14)
#define E_EXIST (-17)
#define E_INVAL (-22)
#define SPEC_ILLEGAL_INSN 2
#define SPEC_LOAD_ACCESS_FAULT 5
#define SPEC_STORE_ACCESS_FAULT 7
#define SPEC_SBI_MIN_VERSION 2 /* 0.2: the first with the base extension */

static struct hcall_hvisor_zone_config cfg __attribute__((aligned(16)));
static struct hcall_hvisor_zone_info info[8] __attribute__((aligned(16)));
static uint8_t virtio_page[4096] __attribute__((aligned(4096)));

/* Let the other zones run until `flag` is set (bounded: never a hang). */
static int wait_for(volatile uint64_t *flag, uint64_t want)
{
	unsigned i;

	for (i = 0; i < 64 && *flag < want; i++)
		rv_guest_yield();
	return *flag >= want;
}

static int zone_running(uint64_t id)
{
	struct hcall_result r = hcall_hvisor_zone_list((uint64_t)(uintptr_t)info, 8);
	uint64_t i;

	for (i = 0; i < r.value && i < 8; i++)
		if (info[i].zone_id == id)
			return (info[i].flags & HCALL_HVISOR_ZONE_RUNNING) != 0;
	return -1;
}

static struct hcall_result start(uint32_t id)
{
	cfg.zone_id = id;
	cfg.flags = 0;
	cfg.entry = cfg.mem_base = RV_G_RAM_BASE;
	cfg.mem_size = RV_G_RAM_SIZE;
	return hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg, sizeof(cfg));
}

static void normal_zone(void)
{
	struct rv_zone_report *z = &RV_SHARED->zone[RV_G_ZONE_NORMAL];
	struct hcall_result r;

	r = hcall_hvisor_zone_list((uint64_t)(uintptr_t)info, 8);
	guest_demo("hvisor", "zone_list (zones known)", r);
	tap_eq("zone_list: three zones configured", r.value, 3);
	tap_eq("zone_list: zone 0 is the root zone", info[0].zone_id, 0);
	tap_eq("normal zone not running before zone_start",
	       (uint64_t)zone_running(RV_G_ZONE_NORMAL), 0);
	r = hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg, sizeof(cfg) + 8);
	tap_eq("zone_start with a too large size: -E2BIG", (uint64_t)r.code, (uint64_t)-7);
	r = hcall_hvisor_zone_start(0x80000000, sizeof(cfg));
	guest_demo("hvisor", "zone_start(config outside the VM)", r);
	tap_eq("zone_start with a config outside the VM: -EFAULT", (uint64_t)r.code,
	       (uint64_t)E_FAULT);
	rv_guest_irq_enable(); /* for the upcall the zone's virtio request raises */
	r = start(RV_G_ZONE_NORMAL);
	guest_demo("hvisor", "zone_start(zone 1)", r);
	tap_check(hcall_ok(r), "zone_start(normal) succeeds");
	tap_eq("zone_start returns the zone id", r.value, RV_G_ZONE_NORMAL);
	tap_eq("zone_start of a running zone: -EEXIST", (uint64_t)start(RV_G_ZONE_NORMAL).code,
	       (uint64_t)E_EXIST);
	tap_eq("zone_list shows the normal zone running",
	       (uint64_t)zone_running(RV_G_ZONE_NORMAL), 1);
	if (!tap_check(wait_for(&z->done, 1), "normal zone ran and reported"))
		return;
	tap_eq("normal zone: its hvisor ecall did not fault", z->ecall_cause, 0);
	tap_eq("normal zone: ivc_info succeeds", (uint64_t)z->ivc_error, 0);
	tap_eq("normal zone: zone_start is root-only (-EPERM)",
	       (uint64_t)z->start_error, (uint64_t)E_PERM);
	tap_eq("normal zone: SBI base answers", (uint64_t)z->sbi_error, 0);
	tap_check(z->sbi_value >= SPEC_SBI_MIN_VERSION, "normal zone: SBI spec version >= 0.2");
	tap_eq("normal zone: load outside its memory faults",
	       z->outside_cause, SPEC_LOAD_ACCESS_FAULT);
	tap_eq("normal zone: its virtio-mmio store faults (no device model)",
	       z->virtio_cause, SPEC_STORE_ACCESS_FAULT);
	if (tap_check(rv_guest_irq_count >= 1, "the upcall reached the service VM")) {
		uint64_t sip;
		__asm__ __volatile__("csrr %0, sip" : "=r"(sip));
		tap_eq("the service VM acknowledged it (sip.SSIP clear)", (sip >> 1) & 1, 0);
	}
	rv_guest_irq_disable();

	r = hcall_hvisor_virtio_inject_irq();
	tap_eq("virtio_inject_irq before virtio_init: -ENOENT", (uint64_t)r.code,
	       (uint64_t)E_NOENT);
	r = hcall_hvisor_virtio_init((uint64_t)(uintptr_t)virtio_page);
	tap_check(hcall_ok(r), "virtio_init on an own page succeeds");
	r = hcall_hvisor_virtio_init((uint64_t)(uintptr_t)virtio_page);
	tap_eq("virtio_init twice: -EEXIST", (uint64_t)r.code, (uint64_t)E_EXIST);
	r = hcall_hvisor_virtio_inject_irq();
	tap_check(hcall_ok(r), "virtio_inject_irq succeeds");
	if (tap_check(wait_for(&z->irq_count, 1), "the upcall reached the normal zone"))
		tap_eq("the normal zone acknowledged it (sip.SSIP clear)", z->irq_pending, 0);

	tap_eq("zone_shutdown of the root zone itself: -EPERM",
	       (uint64_t)hcall_hvisor_zone_shutdown(RV_G_ZONE_SERVICE).code, (uint64_t)E_PERM);
	tap_eq("zone_shutdown of an unknown zone: -ENOENT",
	       (uint64_t)hcall_hvisor_zone_shutdown(7).code, (uint64_t)E_NOENT);
	r = hcall_hvisor_zone_shutdown(RV_G_ZONE_NORMAL);
	tap_check(hcall_ok(r), "zone_shutdown(normal) succeeds");
	tap_eq("zone_list shows the normal zone stopped",
	       (uint64_t)zone_running(RV_G_ZONE_NORMAL), 0);
}

static void norights_zone(void)
{
	struct rv_zone_report *z = &RV_SHARED->zone[RV_G_ZONE_NORIGHTS];
	struct hcall_result r = start(RV_G_ZONE_NORIGHTS);

	tap_check(hcall_ok(r), "zone_start(no-rights zone) succeeds");
	if (!tap_check(wait_for(&z->done, 1), "no-rights zone ran and reported"))
		return;
	tap_eq("no-rights zone: ecall gets an illegal-instruction exception (scause 2)",
	       z->ecall_cause, SPEC_ILLEGAL_INSN);
	tap_eq("no-rights zone: load outside its memory faults",
	       z->outside_cause, SPEC_LOAD_ACCESS_FAULT);
	tap_check(hcall_ok(hcall_hvisor_zone_shutdown(RV_G_ZONE_NORIGHTS)),
		  "zone_shutdown(no-rights zone) succeeds");
}

static void check_zones(void)
{
	unsigned i;

	if (!guest_need(GUEST_CAP_VMS, "hvisor zones: the normal and no-rights zones run and report"))
		return;
	for (i = 0; i < 3; i++)
		RV_SHARED->zone[i] = (struct rv_zone_report){ 0 };
	RV_SHARED->magic = RV_SHARED_MAGIC;
	normal_zone();
	norights_zone();
}
GUEST_CHECK("hvisor-zones", check_zones);
