/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/check_zones.c - what only a multi-VM arm64 system can
 * show, from the service VM (hvisor root zone 0):
 *   - zone_start / zone_list / zone_shutdown of the normal VM (zone 1),
 *     which reports its own hypercalls through the shared page and stops
 *     with PSCI CPU_OFF;
 *   - the upcall: the hypervisor raises a virtual IRQ in the service VM
 *     when another VM's vCPU stops; the handler acknowledges it;
 *   - a VM with no hypercall rights (zone 2): its HVCs raise UNDEFINED;
 *   - HVC from EL0 raises UNDEFINED in the guest's own EL1 vectors;
 *   - a data access outside the VM's memory: a stage-2 abort, turned
 *     into an external abort in the guest, and the hypervisor goes on.
 * The zone calls follow hvisor-tool's flow; the checks every architecture
 * shares are in ../hvisor_zones.c. The arm64 zone_config is 3136 bytes
 * (pinned hvisor v0.4, d3260d0); hvisor-tool's next layout (magic 0x06)
 * is 3296 bytes on arm64 (32 more for the UEFI block, 4 more per PCI
 * device entry).
 */
#include <hcall/abi/probe.h>
#include <hcall/hvisor.h>

#include "../guest.h"
#include "../hvisor_cfg.h"
#include "../hvisor_zones.h"
#include "../tap.h"
#include "arm64_guest.h"

#define SPEC_CONFIG_SIZE 3136u
#define SPEC_CONFIG_SIZE_MAGIC6 3296u
#define SPEC_IVC_ID 7u
#define SPEC_IVC_IRQ 40u

static hcall_hvisor_zone_config_t cfg __attribute__((aligned(16)));

/* A full config as hvisor-tool builds it from a zone's JSON: the zone's
 * RAM and the shared page, kernel and DTB inside the RAM, one ivc
 * channel in the shared page, a GICv3 tag and the name. */
static void set_cfg(uint32_t id, uint64_t base, uint64_t cpus, const char *name)
{
	struct hcall_hvisor_ivc_config *ivc;

	hvisor_cfg_init(&cfg, id, cpus, name);
	hvisor_cfg_ram(&cfg, base, base, GUEST_VM_SIZE);
	hvisor_cfg_ram(&cfg, GUEST_SHARED_BASE, GUEST_SHARED_BASE, GUEST_SHARED_SIZE);
	ivc = hvisor_cfg_ivc(&cfg, SPEC_IVC_ID, SPEC_IVC_IRQ, GUEST_SHARED_BASE, GUEST_SHARED_BASE);
	ivc->out_sec_size = 0x800;
	cfg.entry_point = base;
	cfg.kernel_load_paddr = base;
	cfg.kernel_size = GUEST_VM_SIZE - 0x1000;
	cfg.dtb_load_paddr = base + GUEST_VM_SIZE - 0x1000;
	cfg.dtb_size = 0x1000;
	cfg.arch_config.gic_version_tag = HCALL_HVISOR_GIC_V3;
}

static void normal_cfg(uint64_t cpus)
{
	set_cfg(GUEST_ZONE_NORMAL, GUEST_NORMAL_BASE, cpus, "normal");
}

static const struct hvisor_zone normal = {
	.cfg = &cfg,
	.set_cfg = normal_cfg,
	.id = GUEST_ZONE_NORMAL,
	.cpus = 1u << 1,
	.name = "normal",
	.root_cpus = 1u << 0,
	.config_size = SPEC_CONFIG_SIZE,
	.outside = 0x7ff00000ull,
	.ram_outside = 0x7fe00000ull,
};

static int64_t start(uint64_t size)
{
	return hvisor_zone_start(&normal, size);
}

/* Give the CPU to the other VMs until they idle or stop (WFI traps). */
static void yield(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
}

/* Every refusal leaves the zone stopped and the hypervisor answering. */
static void refused(void)
{
	tap_eq("zone_start with the magic-0x06 layout's size: -EINVAL",
	       (uint64_t)start(SPEC_CONFIG_SIZE_MAGIC6), (uint64_t)E_INVAL);
	normal_cfg(1u << 1);
	cfg.interrupts_bitmap[1] = 1u << 1;
	tap_eq("zone_start, an IRQ the glue cannot route: -EINVAL",
	       (uint64_t)start(sizeof(cfg)), (uint64_t)E_INVAL);
	normal_cfg(1u << 1);
	cfg.memory_regions[1].type = HCALL_HVISOR_MEM_TYPE_IO;
	tap_eq("zone_start, an IO region: -EINVAL", (uint64_t)start(sizeof(cfg)),
	       (uint64_t)E_INVAL);
	normal_cfg(1u << 1);
	cfg.entry_point = GUEST_NORMAL_BASE + GUEST_VM_SIZE;
	tap_eq("zone_start, entry outside the zone: -EINVAL", (uint64_t)start(sizeof(cfg)),
	       (uint64_t)E_INVAL);
	set_cfg(GUEST_ZONE_SERVICE, GUEST_NORMAL_BASE, 1u << 1, "normal");
	tap_eq("zone_start of the root zone itself: -EINVAL", (uint64_t)start(sizeof(cfg)),
	       (uint64_t)E_INVAL);
	set_cfg(7, GUEST_NORMAL_BASE, 1u << 1, "normal");
	tap_eq("zone_start of a zone id with no slot: -EINVAL", (uint64_t)start(sizeof(cfg)),
	       (uint64_t)E_INVAL);
	hvisor_zone_refused(&normal);
	tap_eq("hypervisor still answers after the refusals",
	       hcall_hvisor_call(HCALL_PROBE_HVISOR_ECHO, 0, 0).value, HCALL_PROBE_PATTERN(0));
}

static void normal_vm(void)
{
	struct guest_shared *sh = GUEST_SHARED;
	struct hcall_result r;

	hvisor_zone_root(&normal);
	refused();

	guest_irq_count = 0;
	if (!hvisor_zone_started(&normal))
		return;
	r = hcall_hvisor_zone_list(GUEST_SERVICE_BASE + GUEST_VM_SIZE - SPEC_ZONE_INFO_SIZE, 2);
	tap_eq("zone_list, 2 entries into the last 56 bytes: -EFAULT", (uint64_t)r.code,
	       (uint64_t)E_FAULT);
	r = hcall_hvisor_zone_list(GUEST_SERVICE_BASE + GUEST_VM_SIZE - SPEC_ZONE_INFO_SIZE, 1);
	tap_check(hcall_ok(r) && r.value == 1, "zone_list, 1 entry into the last 56 bytes");

	guest_irq_enable();
	yield();
	for (volatile int i = 0; i < 100; i++)
		;
	guest_irq_disable();
	tap_eq("normal VM ran once", sh->normal_runs, 1);
	tap_eq("normal VM: started with x0 = its DTB address", sh->normal_x0,
	       GUEST_NORMAL_BASE + GUEST_VM_SIZE - 0x1000);
	tap_eq("normal VM: its ivc_info returned 0", sh->normal_ivc, 0);
	tap_eq("normal VM: ivc_info len 1", sh->normal_ivc_len, 1);
	tap_eq("normal VM: ivc_info control table", sh->normal_ivc_ct, GUEST_SHARED_BASE);
	tap_eq("normal VM: ivc_info id and irq", sh->normal_ivc_id,
	       SPEC_IVC_ID | (uint64_t)SPEC_IVC_IRQ << 32);
	tap_eq("normal VM: ivc_info into its last 56 bytes: 0", sh->normal_ivc_end, 0);
	tap_eq("normal VM: ivc_info 48 bytes before its end: -EFAULT", sh->normal_ivc_past,
	       (uint64_t)E_FAULT);
	tap_check(sh->normal_smccc == 0x10001 || sh->normal_smccc == 0x10002,
		  "normal VM: its SMCCC_VERSION answered 1.1/1.2");
	tap_eq("normal VM: zone_list is not permitted (-EPERM)", sh->normal_perm, (uint64_t)E_PERM);
	tap_eq("upcall: one virtual IRQ received and acknowledged", guest_irq_count, 1);
	hvisor_zone_shutdown(&normal);
}

static void norights_vm(void)
{
	struct guest_shared *sh = GUEST_SHARED;
	struct hcall_result r;

	/* CPU 1 is free again once zone 1 stopped. */
	set_cfg(GUEST_ZONE_NORIGHTS, GUEST_NORIGHTS_BASE, 1u << 1, "norights");
	r = hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg, sizeof(cfg));
	tap_check(hcall_ok(r), "zone_start(zone 2, no rights) on zone 1's CPU");
	yield();
	tap_eq("no-rights VM ran once", sh->norights_runs, 1);
	tap_eq("no-rights VM: hvc #0x4856 raised UNDEFINED", sh->norights_fault, GUEST_FAULT_UNDEF);
	tap_eq("no-rights VM: hvc #0 raised UNDEFINED", sh->norights_fault0, GUEST_FAULT_UNDEF);
	r = hcall_hvisor_zone_shutdown(GUEST_ZONE_NORIGHTS);
	tap_check(hcall_ok(r), "zone_shutdown(zone 2) succeeds");
}

static uint64_t user_hvc(uint64_t code)
{
	register uint64_t x0 __asm__("x0") = code;
	__asm__ __volatile__("hvc #0x4856" : "+r"(x0) : : "memory");
	return x0;
}

static void el0(void)
{
	enum guest_fault f;
	uint64_t v;

	guest_expect_fault();
	v = guest_call_user(user_hvc, HCALL_PROBE_HVISOR_ECHO);
	f = guest_fault_taken();
	tap_eq("HVC from EL0 raises UNDEFINED at EL1", f, GUEST_FAULT_UNDEF);
	tap_check(v != HCALL_PROBE_PATTERN(0), "HVC from EL0 never reached the hypervisor");
}

static void stage2(void)
{
	enum guest_fault f;
	uint64_t v;

	guest_expect_fault();
	v = *(volatile uint64_t *)(uintptr_t)0x40080000ull; /* the hypervisor's image */
	f = guest_fault_taken();
	tap_eq("read of the hypervisor's memory: abort in the guest", f, GUEST_FAULT_OTHER);
	guest_expect_fault();
	*(volatile uint64_t *)(uintptr_t)0x7ff00000ull = 1; /* RAM nobody mapped */
	f = guest_fault_taken();
	tap_eq("write outside every VM: abort in the guest", f, GUEST_FAULT_OTHER);
	tap_eq("hypervisor still answers after the aborts",
	       hcall_hvisor_call(HCALL_PROBE_HVISOR_ECHO, 0, 0).value, HCALL_PROBE_PATTERN(0));
	(void)v;
}

static void check_zones(void)
{
	struct guest_shared *sh = GUEST_SHARED;

	if (guest_need(GUEST_CAP_VMS, "zones: the normal and no-rights VMs run and report")) {
		sh->normal_runs = sh->norights_runs = 0;
		sh->norights_fault = sh->norights_fault0 = 0xff;
		normal_vm();
		norights_vm();
	}
	if (guest_need(GUEST_CAP_PRIVILEGE, "zones: HVC from EL0 raises UNDEFINED at EL1"))
		el0();
	if (guest_need(GUEST_CAP_MEMORY_MAP, "zones: accesses outside the VM abort in the guest"))
		stage2();
}
GUEST_CHECK("zones", check_zones);
