/* SPDX-License-Identifier: MIT */
/*
 * Guest memory is fetched once, then validated (the lesson of
 * CVE-2021-29657, a double fetch). This test links the core with
 * hv_copy_from_guest() wrapped (-Wl,--wrap): right after the core copies a
 * guest structure, the wrapper rewrites that structure in guest memory the
 * way another vCPU racing the call could. A core that validated one read
 * and used a second would see the rewritten values; the core must act on
 * the snapshot only, and fetch the structure exactly once.
 *
 * Layout and numbers from hvisor v0.4 (d3260d0) and hvisor-tool b17d9dd:
 * zone_start x0 = 2, x1 = config address, x2 = size; the arm64
 * zone_config is 3136 bytes: zone_id @0, cpus @8, num_memory_regions @16,
 * regions @24 (type, physical_start @8, virtual_start @16, size @24),
 * entry_point @2288, name @2328.
 */
#include "harness.h"

#define HV_IMM 0x4856u
#define ZONE_START 2
#define CONFIG_SIZE 3136

int __real_hv_copy_from_guest(struct hv_vm *vm, void *dst, uint64_t gpa, uint64_t len);

static int fetches;
static uint8_t *race_target;          /* guest bytes to rewrite after a fetch */
static uint8_t race_bytes[CONFIG_SIZE];

int __wrap_hv_copy_from_guest(struct hv_vm *vm, void *dst, uint64_t gpa, uint64_t len);
int __wrap_hv_copy_from_guest(struct hv_vm *vm, void *dst, uint64_t gpa, uint64_t len)
{
	int r = __real_hv_copy_from_guest(vm, dst, gpa, len);

	fetches++;
	if (race_target)
		memcpy(race_target, race_bytes, sizeof(race_bytes));
	return r;
}

static struct hv_vm *svc, *zone;

static void setup(void)
{
	setup_arch(HCALL_ARCH_ARM64);
	svc = make_vm(0, HV_ROLE_SERVICE, HV_ABI_BIT(HV_ABI_HVISOR), 1);
	zone = make_vm(1, HV_ROLE_NORMAL, HV_ABI_BIT(HV_ABI_HVISOR), 0);
	fetches = 0;
	race_target = NULL;
}

TestSuite(double_fetch, .init = setup);

/* Zone id on CPU 2 (the root zone holds 0 and 1), one RAM region: the service VM's R0 (physical) at
 * guest-physical R0, `size` bytes. */
static void config(uint8_t *p, uint32_t id, uint64_t entry, uint64_t base, uint64_t size)
{
	uint64_t cpus = 4, ram = 0;
	uint32_t one = 1;

	memset(p, 0, CONFIG_SIZE);
	memcpy(p + 0, &id, 4);
	memcpy(p + 8, &cpus, 8);
	memcpy(p + 16, &one, 4);
	memcpy(p + 24, &ram, 4);
	memcpy(p + 24 + 8, &base, 8);
	memcpy(p + 24 + 16, &base, 8);
	memcpy(p + 24 + 24, &size, 8);
	memcpy(p + 2288, &entry, 8);
	memcpy(p + 2328, "snapshot", 9);
}

static uint64_t zone_start(uint64_t gpa)
{
	struct hv_vcpu *v = &svc->vcpus[0];

	poison(v);
	v->regs.r[0] = ZONE_START;
	v->regs.r[1] = gpa;
	v->regs.r[2] = CONFIG_SIZE;
	cr_assert_eq(hv_handle_trap(&H, v, HCALL_TRAP_HVC, HV_IMM, 0), HV_RESUME);
	return v->regs.r[0];
}

Test(double_fetch, valid_then_rewritten_invalid_uses_the_snapshot)
{
	uint8_t *cfg = mem[0][1]; /* the service VM's region 1, gpa R1 */

	config(cfg, 1, R0 + 0x200, R0, MEM_SIZE);
	/* After the fetch: an entry outside the zone, twice the root's
	 * memory, a CPU that does not exist, another name. Every one of
	 * these would be refused. */
	config(race_bytes, 1, R1 + 0x10, R0, 2ull * MEM_SIZE);
	race_bytes[8] = 0xff;
	memcpy(race_bytes + 2328, "rewritten", 10);
	race_target = cfg;

	cr_assert_eq(zone_start(R1), 0, "zone_start must succeed on the snapshot");
	cr_assert_eq(fetches, 1, "the config must be fetched exactly once");
	cr_assert_eq(zone->state, HV_VM_RUNNING);
	cr_assert_eq(zone->entry, R0 + 0x200, "entry must come from the snapshot");
	cr_assert_str_eq(zone->name, "snapshot");
}

Test(double_fetch, invalid_then_rewritten_valid_is_refused)
{
	uint8_t *cfg = mem[0][1];

	/* Invalid when fetched (entry outside the zone's memory); made valid
	 * right after. Validation must judge what was fetched. */
	config(cfg, 1, R1 + 0x10, R0, MEM_SIZE);
	config(race_bytes, 1, R0 + 0x200, R0, MEM_SIZE);
	race_target = cfg;

	cr_assert_eq((int64_t)zone_start(R1), -22, "-EINVAL for the fetched config");
	cr_assert_eq(fetches, 1);
	cr_assert_neq(zone->state, HV_VM_RUNNING);
}
