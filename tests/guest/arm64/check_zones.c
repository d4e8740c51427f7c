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
 * Errors are the hvisor documentation's negated errno values.
 */
#include <hcall/abi/probe.h>
#include <hcall/hvisor.h>

#include "../guest.h"
#include "../tap.h"
#include "arm64_guest.h"

#define E_PERM (-1)
#define E_NOENT (-2)
#define E_FAULT (-14)
#define E_INVAL (-22)

static struct hcall_hvisor_zone_config cfg __attribute__((aligned(16)));
static struct hcall_hvisor_zone_info zones[8] __attribute__((aligned(16)));

static int zone_flags(uint32_t id, uint64_t n, uint32_t *flags)
{
	for (uint64_t i = 0; i < n; i++)
		if (zones[i].zone_id == id) {
			*flags = zones[i].flags;
			return 1;
		}
	return 0;
}

static void set_cfg(uint32_t id, uint64_t base, const char *name)
{
	unsigned i;

	cfg.zone_id = id;
	cfg.flags = 0;
	cfg.entry = base;
	cfg.mem_base = base;
	cfg.mem_size = GUEST_VM_SIZE;
	for (i = 0; name[i] && i < sizeof(cfg.name) - 1; i++)
		cfg.name[i] = name[i];
	cfg.name[i] = 0;
}

/* Give the CPU to the other VMs until they idle or stop (WFI traps). */
static void yield(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
}

static void normal_vm(void)
{
	struct guest_shared *sh = GUEST_SHARED;
	struct hcall_result r;
	uint32_t flags = 0;
	uint64_t n;

	r = hcall_hvisor_zone_list((uint64_t)(uintptr_t)zones, 8);
	guest_demo("hvisor", "zone_list (zones known)", r);
	n = r.value;
	tap_check(hcall_ok(r) && zone_flags(GUEST_ZONE_SERVICE, n, &flags) &&
			  (flags & HCALL_HVISOR_ZONE_RUNNING),
		  "zone_list shows the root zone running");
	tap_check(zone_flags(GUEST_ZONE_NORMAL, n, &flags) && !(flags & HCALL_HVISOR_ZONE_RUNNING),
		  "zone_list shows zone 1 not running before zone_start");

	set_cfg(GUEST_ZONE_NORMAL, GUEST_NORMAL_BASE, "normal");
	cfg.flags = 1;
	r = hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg, sizeof(cfg));
	tap_eq("zone_start with non-zero flags: -EINVAL", (uint64_t)r.code, (uint64_t)E_INVAL);
	cfg.flags = 0;
	r = hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg, sizeof(cfg) - 8);
	tap_eq("zone_start with a short config size: -EINVAL", (uint64_t)r.code, (uint64_t)E_INVAL);
	r = hcall_hvisor_zone_start(GUEST_NORMAL_BASE, sizeof(cfg));
	guest_demo("hvisor", "zone_start(config outside the VM)", r);
	tap_eq("zone_start with a config outside the VM: -EFAULT", (uint64_t)r.code,
	       (uint64_t)E_FAULT);

	guest_irq_count = 0;
	r = hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg, sizeof(cfg));
	tap_check(hcall_ok(r) && r.value == GUEST_ZONE_NORMAL, "zone_start(zone 1) returns its id");
	guest_demo("hvisor", "zone_start(zone 1)", r);
	r = hcall_hvisor_zone_list((uint64_t)(uintptr_t)zones, 8);
	tap_check(hcall_ok(r) && zone_flags(GUEST_ZONE_NORMAL, r.value, &flags) &&
			  (flags & HCALL_HVISOR_ZONE_RUNNING),
		  "zone_list shows zone 1 running");

	guest_irq_enable();
	yield();
	for (volatile int i = 0; i < 100; i++)
		;
	guest_irq_disable();
	tap_eq("normal VM ran once", sh->normal_runs, 1);
	tap_eq("normal VM: its ivc_info returned 0", sh->normal_ivc, 0);
	tap_check(sh->normal_smccc == 0x10001 || sh->normal_smccc == 0x10002,
		  "normal VM: its SMCCC_VERSION answered 1.1/1.2");
	tap_eq("normal VM: zone_list is not permitted (-EPERM)", sh->normal_perm, (uint64_t)E_PERM);
	tap_eq("upcall: one virtual IRQ received and acknowledged", guest_irq_count, 1);

	r = hcall_hvisor_zone_shutdown(GUEST_ZONE_NORMAL);
	guest_demo("hvisor", "zone_shutdown(zone 1)", r);
	tap_check(hcall_ok(r), "zone_shutdown(zone 1) succeeds");
	r = hcall_hvisor_zone_list((uint64_t)(uintptr_t)zones, 8);
	tap_check(hcall_ok(r) && zone_flags(GUEST_ZONE_NORMAL, r.value, &flags) &&
			  !(flags & HCALL_HVISOR_ZONE_RUNNING),
		  "zone_list shows zone 1 stopped");
	r = hcall_hvisor_zone_shutdown(GUEST_ZONE_SERVICE);
	tap_eq("zone_shutdown of the root zone: -EPERM", (uint64_t)r.code, (uint64_t)E_PERM);
	r = hcall_hvisor_zone_shutdown(7);
	tap_eq("zone_shutdown of a missing zone: -ENOENT", (uint64_t)r.code, (uint64_t)E_NOENT);
}

static void norights_vm(void)
{
	struct guest_shared *sh = GUEST_SHARED;
	struct hcall_result r;

	set_cfg(GUEST_ZONE_NORIGHTS, GUEST_NORIGHTS_BASE, "norights");
	r = hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg, sizeof(cfg));
	tap_check(hcall_ok(r) && r.value == GUEST_ZONE_NORIGHTS, "zone_start(zone 2, no rights)");
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
	v = *(volatile uint64_t *)(uintptr_t)GUEST_NORMAL_BASE;
	f = guest_fault_taken();
	tap_eq("read of another VM's memory: abort in the guest", f, GUEST_FAULT_OTHER);
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
