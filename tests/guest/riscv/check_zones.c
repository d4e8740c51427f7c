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
 * The zone calls follow hvisor-tool's flow; the checks every architecture
 * shares are in ../hvisor_zones.c. Numbers from the pinned hvisor v0.4
 * (d3260d0), written here: the riscv64 zone_config is 3080 bytes;
 * CLEAR_INJECT_IRQ (20) answers 0, VIRTIO_GET_IRQ (86) answers 0 and
 * writes nothing on riscv64 (src/arch/riscv64/hypercall.rs); an error
 * is a0 = -1 (SBI_ERR_FAILED) with a1 = HvErrorNum negated.
 */
#include <hcall/hvisor.h>

#include "../guest.h"
#include "../hvisor_cfg.h"
#include "../hvisor_zones.h"
#include "../tap.h"
#include "rv_guest.h"

#define SPEC_FAILED (-1)
#define SPEC_SENTINEL 0x5eed5eed5eed5eedull
#define SPEC_CONFIG_SIZE 3080u
#define SPEC_IVC_ID 3u
#define SPEC_IVC_IRQ 33u
#define SPEC_ILLEGAL_INSN 2
#define SPEC_INSN_ECALL 0x00000073u
#define SPEC_LOAD_ACCESS_FAULT 5
#define SPEC_STORE_ACCESS_FAULT 7
#define SPEC_SBI_MIN_VERSION 2 /* 0.2: the first with the base extension */
/* hvisor v0.4 boots a zone's first hart with a1 = dtb_load_paddr seen
 * through the config's region (zone.rs: virtual_start + dtb_load_paddr -
 * physical_start): set_cfg's DTB is the RAM's last page, the RAM at the
 * image's link address. */
#define SPEC_DTB_IPA (0x80200000ull + 0x200000ull - 0x1000ull)

static hcall_hvisor_zone_config_t cfg __attribute__((aligned(16)));
static uint8_t virtio_page[4096] __attribute__((aligned(4096)));
static uint64_t magic;

/* Let the other zones run until `flag` is set (bounded: never a hang). */
static int wait_for(volatile uint64_t *flag, uint64_t want)
{
	unsigned i;

	for (i = 0; i < 64 && *flag < want; i++)
		rv_guest_yield();
	return *flag >= want;
}

/* A full config as hvisor-tool builds it: the zone's RAM (which the root
 * zone sees at ram_pa) at the address its image is linked at, the shared
 * page, one ivc channel in it, kernel and DTB inside the RAM, the name.
 * As hvisor-tool loads the DTB file there, the root zone writes the
 * device-tree stand-in (rv_guest.h) at dtb_load_paddr. */
static void set_cfg(uint32_t id, uint64_t ram_pa, uint64_t cpus)
{
	rv_dtb_standin_write(ram_pa + RV_G_DTB_OFFSET, id);

	hvisor_cfg_init(&cfg, id, cpus, "zone");
	hvisor_cfg_ram(&cfg, ram_pa, RV_G_RAM_BASE, RV_G_RAM_SIZE);
	hvisor_cfg_ram(&cfg, RV_G_SHARED_BASE, RV_G_SHARED_BASE, RV_G_SHARED_SIZE);
	hvisor_cfg_ivc(&cfg, SPEC_IVC_ID, SPEC_IVC_IRQ, RV_G_SHARED_BASE, RV_G_SHARED_BASE);
	cfg.entry_point = RV_G_RAM_BASE;
	cfg.kernel_load_paddr = ram_pa;
	cfg.kernel_size = RV_G_RAM_SIZE - 0x1000;
	cfg.dtb_load_paddr = ram_pa + RV_G_RAM_SIZE - 0x1000;
	cfg.dtb_size = 0x1000;
}

static void normal_cfg(uint64_t cpus)
{
	set_cfg(RV_G_ZONE_NORMAL, RV_G_NORMAL_RAM_PA, cpus);
}

/* The root zone's two vCPUs hold CPUs 0 and 1. */
static const struct hvisor_zone normal = {
	.cfg = &cfg,
	.set_cfg = normal_cfg,
	.id = RV_G_ZONE_NORMAL,
	.cpus = 1u << 2,
	.name = "zone",
	.root_cpus = 3,
	.config_size = SPEC_CONFIG_SIZE,
	.outside = 0x80000000ull,
	.ram_outside = RV_G_NORIGHTS_RAM_PA + 0x200000,
};

static void refused(void)
{
	struct hcall_hvisor_ret raw;

	normal_cfg(1u << 2);
	raw = hcall_hvisor_call(HCALL_HVISOR_ZONE_START, (uint64_t)(uintptr_t)&cfg,
				SPEC_CONFIG_SIZE + 1);
	tap_check((int64_t)raw.error == SPEC_FAILED && (int64_t)raw.value == E_INVAL,
		  "zone_start, config_size one long: a0 = -1, a1 = -EINVAL");
	cfg.arch_config.plic_base = 0xc000000;
	tap_eq("zone_start, a PLIC the glue does not emulate: -EINVAL",
	       (uint64_t)hvisor_zone_start(&normal, sizeof(cfg)), (uint64_t)E_INVAL);
	hvisor_zone_refused(&normal);
}

static void normal_zone(void)
{
	struct rv_zone_report *z = &RV_SHARED->zone[RV_G_ZONE_NORMAL];
	struct hcall_result r;
	uint64_t irqs, loops;

	hvisor_zone_root(&normal);
	tap_eq("SBI probe lists hvisor's EID 0x114514", (uint64_t)hcall_hvisor_probe(), 1);
	magic = SPEC_SENTINEL;
	r = hcall_hvisor_virtio_get_irq((uint64_t)(uintptr_t)&magic);
	tap_check(hcall_ok(r) && r.value == 0 && magic == SPEC_SENTINEL,
		  "virtio_get_irq answers 0 and writes nothing, as hvisor on riscv64");
	refused();

	rv_guest_irq_enable(); /* for the upcall the zone's virtio request raises */
	if (!hvisor_zone_started(&normal))
		return;
	if (!tap_check(wait_for(&z->done, 1), "normal zone ran and reported"))
		return;
	tap_eq("normal zone: a1 at boot is its config's DTB address", z->boot_a1, SPEC_DTB_IPA);
	tap_eq("normal zone: its hvisor ecall did not fault", z->ecall_cause, 0);
	tap_eq("normal zone: ivc_info answers a0 = 0", (uint64_t)z->ivc_error, 0);
	tap_eq("normal zone: ivc_info len 1", z->ivc_len, 1);
	tap_eq("normal zone: ivc_info id and irq", z->ivc_id,
	       SPEC_IVC_ID | (uint64_t)SPEC_IVC_IRQ << 32);
	tap_eq("normal zone: ivc_info into its last 56 bytes: 0", (uint64_t)z->ivc_end_error, 0);
	tap_check(z->ivc_past_error == SPEC_FAILED && z->ivc_past_value == E_FAULT,
		  "normal zone: ivc_info 48 bytes before its end: a0 = -1, a1 = -EFAULT");
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

	hvisor_zone_virtio_init(virtio_page);
	/* CLEAR_INJECT_IRQ withdraws it before the zone runs again. */
	irqs = z->irq_count;
	loops = z->loops;
	tap_check(hcall_ok(hcall_hvisor_virtio_inject_irq()), "virtio_inject_irq, then at once");
	r = hcall_hvisor_clear_inject_irq();
	guest_demo("hvisor", "clear_inject_irq", r);
	tap_check(hcall_ok(r) && r.value == 0, "clear_inject_irq answers a0 = 0, a1 = 0");
	tap_check(wait_for(&z->loops, loops + 2) && z->irq_count == irqs,
		  "the zone ran on and never took the withdrawn upcall");
	r = hcall_hvisor_virtio_inject_irq();
	tap_check(hcall_ok(r), "virtio_inject_irq succeeds");
	if (tap_check(wait_for(&z->irq_count, irqs + 1), "the upcall reached the normal zone"))
		tap_eq("the normal zone acknowledged it (sip.SSIP clear)", z->irq_pending, 0);

	hvisor_zone_shutdown(&normal);
}

static void norights_zone(void)
{
	struct rv_zone_report *z = &RV_SHARED->zone[RV_G_ZONE_NORIGHTS];
	struct hcall_result r;

	/* CPU 1 is free again once the normal zone stopped. */
	set_cfg(RV_G_ZONE_NORIGHTS, RV_G_NORIGHTS_RAM_PA, 1u << 2);
	cfg.num_ivc_configs = 0;
	r = hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg, sizeof(cfg));
	tap_check(hcall_ok(r), "zone_start(no-rights zone) on the normal zone's CPU");
	if (!tap_check(wait_for(&z->done, 1), "no-rights zone ran and reported"))
		return;
	tap_eq("no-rights zone: a1 at boot is its config's DTB address", z->boot_a1,
	       SPEC_DTB_IPA);
	tap_eq("no-rights zone: ecall gets an illegal-instruction exception (scause 2)",
	       z->ecall_cause, SPEC_ILLEGAL_INSN);
	/* Privileged spec: an illegal-instruction fault may leave the
	 * instruction's bits in stval; ecall is 0x00000073 (unprivileged
	 * spec, SYSTEM opcode, funct12 0). The fault is the ecall's own, so
	 * it is taken at the ecall: the next instruction still runs. */
	tap_eq("no-rights zone: its stval is the ecall's encoding", z->ecall_tval,
	       SPEC_INSN_ECALL);
	tap_eq("no-rights zone: the fault is taken at the ecall (sepc), not after it",
	       z->ecall_next_ran, 1);
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
