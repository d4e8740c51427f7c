/* SPDX-License-Identifier: MIT */
/*
 * The core on arm64: hvisor (v0.4 d3260d0 with hvisor-tool b17d9dd: hvc
 * #0x4856, x0 code, x1/x2 args, x0 result; the arm64 zone_config is 3136
 * bytes, zone_info 56, ivc_info 56, offsets below from src/config.rs and
 * include/zone_config.h), SMCCC 1.1 (DEN0028: w0 function ID, x1-x7 args, x0-x3 results),
 * PSCI 1.1 (DEN0022) and the KVM vendor services (seed:
 * kvm-arm64-hypercalls.rst). Numbers are written here from those texts.
 */
#include "harness.h"

/* hvisor codes (HyperCallCode) and errno values (HvErrorNum). */
#define HV_IMM 0x4856u
#define ZONE_START 2
#define ZONE_SHUTDOWN 3
#define ZONE_LIST 4
#define IVC_INFO 5
#define CONFIG_CHECK 6
#define VIRTIO_INIT 0
#define VIRTIO_INJECT_IRQ 1
#define CLEAR_INJECT_IRQ 20
#define VIRTIO_GET_IRQ 86
#define E_PERM (-1)
#define E_NOMEM (-12)
#define E_FAULT (-14)
#define E_BUSY (-16)
#define E_NODEV (-19)
#define E_INVAL (-22)
#define E_NOSYS (-38)
#define CFG_SIZE 3136u
#define INFO_SIZE 56u
/* SMCCC / PSCI / KVM function IDs. */
#define SMCCC_VERSION 0x80000000u
#define SMCCC_ARCH_FEATURES 0x80000001u
#define SMCCC_WORKAROUND_1 0x80008000u
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_SUSPEND 0x84000001u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON 0xC4000003u
#define PSCI_AFFINITY_INFO 0xC4000004u
#define PSCI_SYSTEM_OFF 0x84000008u
#define PSCI_FEATURES 0x8400000Au
#define KVM_UID 0x8600FF01u
#define KVM_FEATURES 0x86000000u
#define KVM_MEMINFO 0xC6000002u
#define KVM_SHARE 0xC6000003u
#define KVM_UNSHARE 0xC6000004u
#define KVM_RELINQUISH 0xC6000009u
#define NOT_SUPPORTED ((uint64_t)-1)
#define INVALID_PARAMETER ((uint64_t)-3)
/* probe.h's documented numbers and pattern */
#define PROBE_ECHO 0xC6004843u
#define PROBE_DUMP 0xC6004844u
#define PATTERN(i) (0x9e0b5a5a00000000ull | (0xa0u + (i)))

#define ABIS (HV_ABI_BIT(HV_ABI_HVISOR) | HV_ABI_BIT(HV_ABI_SMCCC))

static struct hv_vm *svc, *zone;
static struct hv_vcpu *cpu;

static void setup(void)
{
	setup_arch(HCALL_ARCH_ARM64);
	svc = make_vm_caps(0, HV_ROLE_SERVICE, ABIS, HV_CAP_PROBE, 1);
	zone = make_vm(1, HV_ROLE_NORMAL, ABIS, 0);
	cpu = &svc->vcpus[0];
	poison(cpu);
}

TestSuite(arm64, .init = setup);

static uint64_t hvisor(struct hv_vcpu *v, uint64_t code, uint64_t a0, uint64_t a1)
{
	poison(v);
	v->regs.r[0] = code;
	v->regs.r[1] = a0;
	v->regs.r[2] = a1;
	cr_assert_eq(trap(v, HCALL_TRAP_HVC, HV_IMM), HV_RESUME);
	/* only x0 is a result; x1.. keep their values */
	assert_untouched_except(v, 1u << 0, 0x6);
	return v->regs.r[0];
}

static enum hv_action smccc(struct hv_vcpu *v, uint32_t fid, uint64_t a1, uint64_t a2,
			    uint64_t a3)
{
	enum hv_action a;

	poison(v);
	v->regs.r[0] = fid;
	v->regs.r[1] = a1;
	v->regs.r[2] = a2;
	v->regs.r[3] = a3;
	a = trap(v, HCALL_TRAP_HVC, 0);
	/* x0-x3 are results, x4 upwards preserved (SMCCC 1.1) */
	assert_untouched_except(v, 0xF, 0);
	return a;
}

/* Where a guest-physical address of the service VM is in the test's memory. */
static uint8_t *svc_mem(uint64_t gpa)
{
	return mem[0][gpa >= R1] + (gpa - (gpa >= R1 ? R1 : R0));
}

static void put64(uint8_t *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

/*
 * An arm64 zone_config at gpa: zone id, CPU bitmap, one RAM region of the
 * service VM's R0 upper half (physical R0 + 0x8000) at guest-physical R0,
 * entry R0 + 0x100, the kernel at its start, a DTB in its last 4 KiB, name
 * "zone1", GIC tag 1. Offsets: zone_id 0, cpus 8, num_memory_regions 16,
 * regions 24 (32 each: type 0, physical_start 8, virtual_start 16, size
 * 24), interrupts_bitmap 2072, num_ivc_configs 2200, ivc_configs 2208 (40
 * each), entry_point 2288, kernel_load_paddr 2296, kernel_size 2304,
 * dtb_load_paddr 2312, dtb_size 2320, name 2328, arch_config 2360
 * (is_aarch32 0, gic tag 8), num_pci_bus 2448, num_pci_devs 2872.
 */
static uint8_t *put_config(uint64_t gpa, uint32_t id, uint64_t cpus)
{
	uint8_t *p = svc_mem(gpa);

	memset(p, 0, CFG_SIZE);
	put32(p + 0, id);
	put64(p + 8, cpus);
	put32(p + 16, 1);
	put32(p + 24, 0);                 /* MEM_TYPE_RAM */
	put64(p + 24 + 8, R0 + 0x8000);   /* physical_start */
	put64(p + 24 + 16, R0);           /* virtual_start */
	put64(p + 24 + 24, 0x8000);       /* size */
	put64(p + 2288, R0 + 0x100);      /* entry_point */
	put64(p + 2296, R0 + 0x8000);     /* kernel_load_paddr */
	put64(p + 2304, 0x1000);          /* kernel_size */
	put64(p + 2312, R0 + 0xF000);     /* dtb_load_paddr */
	put64(p + 2320, 0x100);           /* dtb_size */
	memcpy(p + 2328, "zone1", 6);
	put64(p + 2360 + 8, 1);           /* GICv3 */
	return p;
}

/* A second RAM region, physical pa, guest-physical ipa. */
static void put_region(uint8_t *p, unsigned i, uint32_t type, uint64_t pa, uint64_t ipa,
		       uint64_t size)
{
	put32(p + 16, i + 1);
	put32(p + 24 + 32 * i, type);
	put64(p + 24 + 32 * i + 8, pa);
	put64(p + 24 + 32 * i + 16, ipa);
	put64(p + 24 + 32 * i + 24, size);
}

Test(arm64, hvisor_unknown_code_is_enosys)
{
	cr_assert_eq((int64_t)hvisor(cpu, 99, 0, 0), E_NOSYS);
	cr_assert_eq((int64_t)hvisor(cpu, 0x100000002ull, 0, 0), E_NOSYS);
}

Test(arm64, config_check)
{
	uint64_t magic = 0;

	cr_assert_eq(hvisor(cpu, CONFIG_CHECK, R1 + 3, 0), 0);
	memcpy(&magic, svc_mem(R1 + 3), 8);
	cr_assert_eq(magic, 5);
	cr_assert_eq((int64_t)hvisor(cpu, CONFIG_CHECK, R1 + MEM_SIZE - 4, 0), E_FAULT);
	cr_assert_eq((int64_t)hvisor(cpu, CONFIG_CHECK, 0x10, 0), E_FAULT);
}

Test(arm64, zone_lifecycle)
{
	put_config(R1, 1, 1u << 2);
	cr_assert_eq(hvisor(cpu, ZONE_START, R1, CFG_SIZE), 0);
	cr_assert_eq(fk.starts, 2); /* service at boot, then zone 1 */
	cr_assert_eq(zone->state, HV_VM_RUNNING);
	cr_assert_eq(zone->entry, R0 + 0x100);
	cr_assert_eq(zone->nregions, 1);
	cr_assert_eq(zone->regions[0].gpa, R0);
	cr_assert_eq(zone->regions[0].size, 0x8000);
	cr_assert_eq(zone->regions[0].host, mem[0][0] + 0x8000);
	cr_assert_eq(zone->nvcpus, 1);
	cr_assert(zone->vcpus[0].online);
	cr_assert_eq(zone->vcpus[0].context_id, R0 + 0x7000); /* the DTB's IPA */
	cr_assert_str_eq(zone->name, "zone1");
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);

	/* zone_list: 56-byte entries {u32 id, u64 cpus @8, name[32] @16,
	 * u8 is_err @48}, running zones only */
	memset(svc_mem(R1 + 0x1000), 0xAA, 3 * INFO_SIZE);
	cr_assert_eq(hvisor(cpu, ZONE_LIST, R1 + 0x1000, 8), 2);
	uint32_t id;
	uint64_t cpus;
	const uint8_t *e = svc_mem(R1 + 0x1000 + INFO_SIZE);
	memcpy(&id, e, 4);
	memcpy(&cpus, e + 8, 8);
	cr_assert_eq(id, 1);
	cr_assert_eq(cpus, 4);
	cr_assert_str_eq((const char *)e + 16, "zone1");
	cr_assert_eq(e[48], 0);
	memcpy(&cpus, svc_mem(R1 + 0x1000 + 8), 8);
	cr_assert_eq(cpus, 3, "the service VM holds CPUs 0 and 1");
	cr_assert_eq(svc_mem(R1 + 0x1000)[2 * INFO_SIZE], 0xAA, "no third entry");
	cr_assert_eq(hvisor(cpu, ZONE_LIST, R1 + 0x1000, 1), 1);
	cr_assert_eq(hvisor(cpu, ZONE_LIST, R1 + 0x1000, 0), 0);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_LIST, 0, 1), E_INVAL);

	cr_assert_eq(hvisor(cpu, ZONE_SHUTDOWN, 1, 0), 0);
	cr_assert_eq(fk.stops, 1);
	cr_assert_eq(zone->state, HV_VM_STOPPED);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_SHUTDOWN, 1, 0), E_INVAL);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_SHUTDOWN, 0, 0), E_INVAL);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_SHUTDOWN, 7, 0), E_INVAL);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_SHUTDOWN, ~0ull, 0), E_INVAL);
	/* and again after a stop, on the CPU it gave back */
	cr_assert_eq(hvisor(cpu, ZONE_START, R1, CFG_SIZE), 0);
}

/* CLEAR_INJECT_IRQ (20) withdraws the upcall VIRTIO_INJECT_IRQ raised in
 * vCPU0 of each other running zone (hvisor: the injected virtio interrupt
 * of every other CPU, src/hypercall/mod.rs), answers 0, and is the root
 * zone's; VIRTIO_GET_IRQ (86) on arm64 answers 0 and writes nothing
 * (src/arch/aarch64/hypercall.rs). */
Test(arm64, clear_inject_irq_and_virtio_get_irq)
{
	put_config(R1, 1, 1u << 2);
	cr_assert_eq(hvisor(cpu, ZONE_START, R1, CFG_SIZE), 0);
	cr_assert_eq(hvisor(cpu, VIRTIO_INIT, R1 + 0x2000, 0), 0);
	cr_assert_eq(hvisor(cpu, VIRTIO_INJECT_IRQ, 0, 0), 0);
	cr_assert_eq(fk.upcall_vcpu, &zone->vcpus[0]);
	cr_assert_eq(hvisor(cpu, CLEAR_INJECT_IRQ, 0, 0), 0);
	cr_assert_eq(fk.withdrawals, 1, "one other zone runs");
	cr_assert_eq(fk.withdraw_vcpu, &zone->vcpus[0]);
	cr_assert_eq((int64_t)hvisor(&zone->vcpus[0], CLEAR_INJECT_IRQ, 0, 0), E_PERM);
	cr_assert_eq(fk.withdrawals, 1);
	cr_assert_eq(hvisor(cpu, ZONE_SHUTDOWN, 1, 0), 0);
	cr_assert_eq(hvisor(cpu, CLEAR_INJECT_IRQ, 0, 0), 0);
	cr_assert_eq(fk.withdrawals, 1, "no other zone runs");

	memset(svc_mem(R1 + 0x3000), 0xAA, 8);
	cr_assert_eq(hvisor(cpu, VIRTIO_GET_IRQ, R1 + 0x3000, 0), 0);
	cr_assert_eq(svc_mem(R1 + 0x3000)[0], 0xAA, "nothing written on arm64");
	cr_assert_eq(hvisor(cpu, VIRTIO_GET_IRQ, 0x10, 0), 0, "the address is not read");
}

/* Without the glue's withdraw op there is nothing CLEAR_INJECT_IRQ can do. */
Test(arm64, clear_inject_irq_without_glue_support)
{
	struct hv_arch_ops no_withdraw = ops;

	no_withdraw.upcall_withdraw = NULL;
	H.ops = &no_withdraw;
	cr_assert_eq((int64_t)hvisor(cpu, CLEAR_INJECT_IRQ, 0, 0), E_NOSYS);
	H.ops = &ops;
}

/* A start the glue refuses changes nothing in the zone: not its memory,
 * vCPUs, entry point or name (they were once written before the start
 * and left behind when it failed). */
Test(arm64, zone_start_refused_by_the_glue_changes_nothing)
{
	struct hv_vm before = *zone;

	put_config(R1, 1, 1u << 2);
	fk.start_ret = -12;
	cr_assert_lt((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), 0);
	cr_assert_eq(zone->state, HV_VM_CREATED);
	cr_assert_eq(zone->nregions, before.nregions);
	cr_assert_eq(memcmp(zone->regions, before.regions, sizeof(before.regions)), 0);
	cr_assert_eq(zone->nvcpus, before.nvcpus);
	cr_assert_eq(zone->entry, before.entry);
	cr_assert_str_eq(zone->name, before.name);
	fk.start_ret = 0;
	cr_assert_eq(hvisor(cpu, ZONE_START, R1, CFG_SIZE), 0);
}

Test(arm64, zone_start_bad_pointers)
{
	put_config(R1, 1, 1u << 2);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, 0x1000, CFG_SIZE), E_FAULT); /* outside */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1 + MEM_SIZE - 32, CFG_SIZE), E_FAULT);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, ~0ull - 7, CFG_SIZE), E_FAULT); /* wraps */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE - 1), E_INVAL);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE + 1), E_INVAL);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, 3296), E_INVAL); /* magic 0x06's */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, ~0ull), E_INVAL);
	cr_assert_eq(zone->state, HV_VM_CREATED);
	/* no alignment rule */
	put_config(R1 + 4, 1, 1u << 2);
	cr_assert_eq(hvisor(cpu, ZONE_START, R1 + 4, CFG_SIZE), 0);
}

Test(arm64, zone_start_bad_config)
{
	uint8_t *p;

	p = put_config(R1, 1, 1ull << 40); /* no CPU 40 */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 0); /* no CPU */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 1); /* the service VM's CPU */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_BUSY);
	p = put_config(R1, 1, 1u << 2);
	put_region(p, 0, 0, 0x1000, R0, 0x1000); /* not the root zone's memory */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	put_region(p, 1, 0, R0 + 0x9000, R1, 0x1000); /* physically overlapping */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	put_region(p, 1, 0, R1, R0 + 0x4000, 0x1000); /* virtually overlapping */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	put_region(p, 1, 1 /* IO */, R1, R1, 0x1000);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	for (unsigned i = 1; i < 5; i++)
		put_region(p, i, 0, R1 + 0x1000 * i, R1 + 0x1000 * i, 0x1000);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_NOMEM); /* 5 > 4 */
	p = put_config(R1, 1, 1u << 2);
	put32(p + 16, 65);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	put64(p + 2288, R0 + 0x8000); /* entry outside */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	put64(p + 2304, 0x8001); /* kernel past the region */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	put32(p + 2072 + 4, 1); /* IRQ 32 */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	p[2360] = 1; /* is_aarch32 */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	put64(p + 2360 + 8, 2); /* no such GIC variant */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	put64(p + 2448, 1); /* a PCI bus */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	p = put_config(R1, 1, 1u << 2);
	put32(p + 2200, 3); /* three ivc configs */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	put_config(R1, 0, 1u << 2); /* the caller itself */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	put_config(R1, 6, 1u << 2); /* no such zone */
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_START, R1, CFG_SIZE), E_INVAL);
	cr_assert_eq(fk.starts, 1);
	cr_assert_eq(zone->state, HV_VM_CREATED);
}

Test(arm64, zone_list_buffer_checks)
{
	put_config(R1, 1, 1u << 2);
	cr_assert_eq(hvisor(cpu, ZONE_START, R1, CFG_SIZE), 0);
	/* two zones run: 112 bytes needed; counts whose size overflows are capped */
	cr_assert_eq(hvisor(cpu, ZONE_LIST, R1, 1ull << 62), 2);
	cr_assert_eq(hvisor(cpu, ZONE_LIST, R1, 0x0492492492492493ull), 2);
	memset(svc_mem(R1 + MEM_SIZE - INFO_SIZE), 0, INFO_SIZE);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_LIST, R1 + MEM_SIZE - INFO_SIZE, 2), E_FAULT);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_LIST, R0 + MEM_SIZE - INFO_SIZE, 2), E_FAULT);
	cr_assert_eq((int64_t)hvisor(cpu, ZONE_LIST, 0x2000, 2), E_FAULT);
	/* nothing written on failure */
	for (unsigned i = 0; i < INFO_SIZE; i++)
		cr_assert_eq(mem[0][1][MEM_SIZE - INFO_SIZE + i], 0);
	cr_assert_eq(hvisor(cpu, ZONE_LIST, R1 + MEM_SIZE - INFO_SIZE, 1), 1);
	cr_assert_eq(hvisor(cpu, ZONE_LIST, R1 + 2, 2), 2); /* no alignment rule */
}

Test(arm64, normal_zone_is_denied_management)
{
	struct hv_vcpu *z;
	uint8_t *p;

	cr_assert_eq(hvisor(cpu, ZONE_START, 0, 0) != 0, 1);
	/* zone 1 with an ivc channel in its memory: control table and shared
	 * memory at R0 + 0x1000 (guest-physical), ivc id 7, irq 40 */
	p = put_config(R1, 1, 1u << 2);
	put32(p + 2200, 1);
	put32(p + 2208, 7);
	put64(p + 2208 + 8, R0 + 0x1000);
	put64(p + 2208 + 16, R0 + 0x1000);
	put32(p + 2208 + 32, 40);
	cr_assert_eq(hvisor(cpu, ZONE_START, R1, CFG_SIZE), 0);
	z = &zone->vcpus[0];
	PRIV(z) = 0;
	cr_assert_eq((int64_t)hvisor(z, ZONE_LIST, R0, 1), E_PERM);
	cr_assert_eq((int64_t)hvisor(z, ZONE_SHUTDOWN, 0, 0), E_PERM);
	cr_assert_eq((int64_t)hvisor(z, ZONE_START, R0, CFG_SIZE), E_PERM);
	/* ivc_info is for any zone: hvisor's packed 56 bytes {u64 len, u64
	 * ct[2] @8, u64 shmem[2] @24, u32 ids[2] @40, u32 irqs[2] @48} */
	memset(mem[0][0] + 0x8000 + 0x2001, 0xAA, 64);
	cr_assert_eq(hvisor(z, IVC_INFO, R0 + 0x2001, 0), 0);
	const uint8_t *b = mem[0][0] + 0x8000 + 0x2001;
	uint64_t len, ct;
	uint32_t ivc_id, irq;
	memcpy(&len, b, 8);
	memcpy(&ct, b + 8, 8);
	memcpy(&ivc_id, b + 40, 4);
	memcpy(&irq, b + 48, 4);
	cr_assert_eq(len, 1);
	cr_assert_eq(ct, R0 + 0x1000);
	cr_assert_eq(ivc_id, 7);
	cr_assert_eq(irq, 40);
	cr_assert_eq(b[56], 0xAA, "56 bytes, no more");
	cr_assert_eq(hvisor(z, IVC_INFO, R0 + 0x8000 - 56, 0), 0); /* its last 56 bytes */
	cr_assert_eq((int64_t)hvisor(z, IVC_INFO, R0 + 0x8000 - 48, 0), E_FAULT);
	cr_assert_eq((int64_t)hvisor(z, IVC_INFO, 0x40, 0), E_FAULT);
	/* the zone cannot write into the service VM's memory it was not given */
	cr_assert_eq((int64_t)hvisor(z, IVC_INFO, R1, 0), E_FAULT);
	/* the service VM has no ivc config */
	cr_assert_eq((int64_t)hvisor(cpu, IVC_INFO, R1, 0), E_NODEV);
}

Test(arm64, no_rights_vm_gets_undef_registers_untouched)
{
	struct hv_vm *none = make_vm(2, HV_ROLE_NORMAL, 0, 1);
	struct hv_vcpu *v = &none->vcpus[0];

	poison(v);
	cr_assert_eq(trap(v, HCALL_TRAP_HVC, HV_IMM), HV_INJECTED);
	cr_assert_eq(trap(v, HCALL_TRAP_HVC, 0), HV_INJECTED);
	cr_assert_eq(trap(v, HCALL_TRAP_SMC, 0), HV_INJECTED);
	cr_assert_eq(fk.faults, 3);
	cr_assert_eq(fk.last_fault, HV_FAULT_UNDEF);
	cr_assert_eq(fk.fault_vcpu, v);
	assert_untouched_except(v, 0, 0);
}

Test(arm64, user_mode_caller_gets_undef)
{
	poison(cpu);
	PRIV(cpu) = 1;
	cr_assert_eq(trap(cpu, HCALL_TRAP_HVC, HV_IMM), HV_INJECTED);
	cr_assert_eq(trap(cpu, HCALL_TRAP_HVC, 0), HV_INJECTED);
	cr_assert_eq(fk.last_fault, HV_FAULT_UNDEF);
	assert_untouched_except(cpu, 0, 0);
}

Test(arm64, other_immediate_answers_all_ones_in_x0)
{
	poison(cpu);
	cr_assert_eq(trap(cpu, HCALL_TRAP_HVC, 1), HV_RESUME);
	cr_assert_eq(cpu->regs.r[0], ~0ull);
	assert_untouched_except(cpu, 1, 0);
	poison(cpu);
	cr_assert_eq(trap(cpu, HCALL_TRAP_SMC, HV_IMM), HV_RESUME); /* hvisor is HVC only */
	cr_assert_eq(cpu->regs.r[0], ~0ull);
	/* a wrong trap kind for the architecture */
	cr_assert_eq(trap(cpu, HCALL_TRAP_ECALL, 0), HV_INJECTED);
}

Test(arm64, smccc_version_and_unknown)
{
	smccc(cpu, SMCCC_VERSION, 0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0x10001);
	for (int i = 1; i < 4; i++)
		cr_assert_eq(cpu->regs.r[i], 0);
	smccc(cpu, 0x8000FFFEu, 0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
	for (int i = 1; i < 4; i++)
		cr_assert_eq(cpu->regs.r[i], 0);
	smccc(cpu, 0x04000000u, 0, 0, 0); /* yielding call */
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
	smccc(cpu, 0x80010000u, 0, 0, 0); /* bits 23:16 set */
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
	smccc(cpu, 0x83000000u, 0, 0, 0); /* OEM owner */
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
	smccc(cpu, 0xC4000000u, 0, 0, 0); /* PSCI_VERSION with the SMC64 bit */
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
	/* w0: upper half of x0 ignored */
	smccc(cpu, 0, 0, 0, 0);
	cpu->regs.r[0] = 0xFFFFFFFF00000000ull | SMCCC_VERSION;
	trap(cpu, HCALL_TRAP_HVC, 0);
	cr_assert_eq(cpu->regs.r[0], 0x10001);
}

Test(arm64, smccc_arch_features)
{
	smccc(cpu, SMCCC_ARCH_FEATURES, PSCI_CPU_ON, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	smccc(cpu, SMCCC_ARCH_FEATURES, KVM_UID, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	smccc(cpu, SMCCC_ARCH_FEATURES, SMCCC_WORKAROUND_1, 0, 0);
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
	smccc(cpu, SMCCC_ARCH_FEATURES, 0x12345678u, 0, 0);
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
}

Test(arm64, smc_conduit_works_too)
{
	poison(cpu);
	cpu->regs.r[0] = PSCI_VERSION;
	cr_assert_eq(trap(cpu, HCALL_TRAP_SMC, 0), HV_RESUME);
	cr_assert_eq(cpu->regs.r[0], 0x10001);
}

Test(arm64, kvm_uid_and_features)
{
	smccc(cpu, KVM_UID, 0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0xb66fb428u);
	cr_assert_eq(cpu->regs.r[1], 0xe911c52eu);
	cr_assert_eq(cpu->regs.r[2], 0x564bcaa9u);
	cr_assert_eq(cpu->regs.r[3], 0x743a004du);
	smccc(cpu, KVM_FEATURES, 0, 0, 0);
	/* FEATURES 0, HYP_MEMINFO 2, MEM_SHARE 3, MEM_UNSHARE 4 (mainline
	 * Linux's set: no Android MEM_RELINQUISH 9, no MMIO guard) */
	cr_assert_eq(cpu->regs.r[0], (1u << 0) | (1u << 2) | (1u << 3) | (1u << 4));
	cr_assert_eq(cpu->regs.r[1], 0);
	cr_assert_eq(cpu->regs.r[2], 0);
	cr_assert_eq(cpu->regs.r[3], 0);
	smccc(cpu, 0x86000001u, 0, 0, 0); /* PTP: not implemented, not advertised */
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
}

Test(arm64, hyp_meminfo_and_reserved_args)
{
	smccc(cpu, KVM_MEMINFO, 0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 4096);
	for (int i = 1; i < 4; i++)
		cr_assert_eq(cpu->regs.r[i], 0);
	smccc(cpu, KVM_MEMINFO, 1, 0, 0);
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);
	smccc(cpu, KVM_MEMINFO, 0, 0, 1ull << 40);
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);
	smccc(cpu, KVM_SHARE, R0, 5, 0);
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);
}

Test(arm64, mem_share_state_machine)
{
	smccc(cpu, KVM_SHARE, R0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	smccc(cpu, KVM_SHARE, R0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);
	smccc(cpu, KVM_UNSHARE, R0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	smccc(cpu, KVM_UNSHARE, R0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);
	smccc(cpu, KVM_SHARE, R0 + 8, 0, 0); /* misaligned */
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);
	smccc(cpu, KVM_SHARE, 0x1000, 0, 0); /* not the VM's */
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);
	smccc(cpu, KVM_SHARE, R0 + MEM_SIZE, 0, 0); /* just past the region */
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);
	smccc(cpu, KVM_SHARE, 0xFFFFFFFFFFFFF000ull, 0, 0);
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);

	/* Android's MEM_RELINQUISH and MMIO guard calls are not mainline
	 * KVM's: NOT_SUPPORTED, and the page is untouched. */
	memset(mem[0][1] + 0x1000, 0x5c, 4096);
	smccc(cpu, KVM_SHARE, R1 + 0x1000, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	smccc(cpu, KVM_RELINQUISH, R1 + 0x1000, 0, 0);
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
	cr_assert_eq(mem[0][1][0x1000], 0x5c);
	smccc(cpu, 0xC6000007u, 0x09000000u, 0, 0); /* MMIO_GUARD */
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
	smccc(cpu, KVM_UNSHARE, R1 + 0x1000, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
}

Test(arm64, psci)
{
	struct hv_vcpu *v1 = &svc->vcpus[1];

	smccc(cpu, PSCI_VERSION, 0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0x10001);
	smccc(cpu, PSCI_FEATURES, PSCI_CPU_ON, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	smccc(cpu, PSCI_FEATURES, SMCCC_VERSION, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	/* DEN0022: CPU_SUSPEND's flags, 0 = original power_state format,
	 * no OS-initiated mode; both widths are there. */
	smccc(cpu, PSCI_FEATURES, PSCI_CPU_SUSPEND, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	smccc(cpu, PSCI_FEATURES, 0xC4000001u, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	smccc(cpu, PSCI_FEATURES, 0x84000005u, 0, 0); /* MIGRATE: optional, absent */
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
	smccc(cpu, PSCI_FEATURES, 0xC4000015u, 0, 0); /* SYSTEM_OFF2 (1.3) */
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);

	smccc(cpu, PSCI_AFFINITY_INFO, 1, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 1); /* OFF */
	smccc(cpu, PSCI_AFFINITY_INFO, 0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0); /* ON */
	smccc(cpu, PSCI_AFFINITY_INFO, 1, 1, 0);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-2);
	smccc(cpu, PSCI_AFFINITY_INFO, 0x100, 0, 0); /* Aff1 = 1: no such CPU */
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-2);

	cr_assert_eq(smccc(cpu, PSCI_CPU_ON, 5, R0, 0), HV_RESUME);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-2); /* INVALID_PARAMETERS */
	smccc(cpu, PSCI_CPU_ON, 1, R1, 0);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-9); /* not executable: INVALID_ADDRESS */
	smccc(cpu, PSCI_CPU_ON, 1, 0x1000, 0);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-9);
	cr_assert_eq(smccc(cpu, PSCI_CPU_ON, 1, R0 + 0x200, 0x77), HV_SWITCH);
	cr_assert_eq(cpu->regs.r[0], 0);
	cr_assert(v1->online);
	cr_assert_eq(v1->entry, R0 + 0x200);
	cr_assert_eq(v1->context_id, 0x77);
	smccc(cpu, PSCI_CPU_ON, 1, R0, 0);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-4); /* ALREADY_ON */
	smccc(cpu, PSCI_AFFINITY_INFO, 1, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	cr_assert_eq(hv_next_vcpu(&H, cpu), v1);

	cr_assert_eq(smccc(v1, PSCI_CPU_OFF, 0, 0, 0), HV_VCPU_OFF);
	cr_assert(!v1->online);
	cr_assert_eq(hv_next_vcpu(&H, v1), cpu);

	cr_assert_eq(smccc(cpu, PSCI_SYSTEM_OFF, 0, 0, 0), HV_SYSTEM_OFF);
	cr_assert_eq(H.exit_code, 0);
}

/* PSCI 1.1 beyond the original calls: DEN0022 sections 5.4, 5.8, 5.15,
 * 5.19 and the numbers of table 5-1, written here. */
Test(arm64, psci_1_1)
{
	struct hv_vcpu *v1 = &svc->vcpus[1];

	smccc(cpu, 0x84000006u, 0, 0, 0); /* MIGRATE_INFO_TYPE */
	cr_assert_eq(cpu->regs.r[0], 2);
	smccc(cpu, 0xC4000005u, 0, 0, 0); /* MIGRATE */
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);

	/* CPU_SUSPEND standby (type 0, level 0): yields, SUCCESS */
	cr_assert_eq(smccc(cpu, 0xC4000001u, 0x0, 0, 0), HV_SWITCH);
	cr_assert_eq(cpu->regs.r[0], 0);
	cr_assert(cpu->online);
	/* level 1 or bits outside the original format: INVALID_PARAMETERS */
	smccc(cpu, 0xC4000001u, 1u << 24, 0, 0);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-2);
	smccc(cpu, 0xC4000001u, 1u << 30, 0, 0);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-2);
	/* power-down: the entry point must be executable memory of the VM */
	smccc(cpu, 0xC4000001u, 1u << 16, R1, 0x55);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-9);
	cr_assert_eq(smccc(cpu, 0xC4000001u, 1u << 16, R0 + 0x300, 0x55), HV_VCPU_OFF);
	cr_assert(cpu->online, "a suspended vCPU stays on");
	cr_assert_eq(cpu->entry, R0 + 0x300, "it wakes at the entry point");
	cr_assert_eq(cpu->context_id, 0x55, "with x0 = the context ID");
	/* the SMC32 form takes 32-bit arguments */
	cr_assert_eq(smccc(cpu, 0x84000001u, 1u << 16, 0xFFFFFFFF00000000ull | (R0 + 0x400),
			   0xAB00000066ull), HV_VCPU_OFF);
	cr_assert_eq(cpu->entry, R0 + 0x400);
	cr_assert_eq(cpu->context_id, 0x66);

	/* SYSTEM_SUSPEND: DENIED while another vCPU is on */
	smccc(cpu, PSCI_CPU_ON, 1, R0 + 0x200, 0);
	cr_assert(v1->online);
	smccc(cpu, 0xC400000Eu, R0 + 0x500, 7, 0);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-3);
	smccc(v1, PSCI_CPU_OFF, 0, 0, 0);
	cr_assert_eq(smccc(cpu, 0xC400000Eu, R0 + 0x500, 7, 0), HV_VCPU_OFF);
	cr_assert_eq(cpu->entry, R0 + 0x500);
	cr_assert_eq(cpu->context_id, 7);

	/* SYSTEM_RESET2: only the architectural warm reset (type 0) */
	smccc(cpu, 0xC4000012u, 0x80000000u, 0, 0);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-2);
	smccc(cpu, 0xC4000012u, 1, 0, 0);
	cr_assert_eq(cpu->regs.r[0], (uint64_t)-2);
	cr_assert_eq(smccc(cpu, 0xC4000012u, 0, 0, 0), HV_SYSTEM_RESET);

	/* TRNG with no entropy source: NOT_SUPPORTED */
	smccc(cpu, 0x84000050u, 0, 0, 0);
	cr_assert_eq(cpu->regs.r[0], NOT_SUPPORTED);
}

Test(arm64, psci_system_off_of_a_guest_stops_only_it)
{
	put_config(R1, 1, 1u << 2);
	cr_assert_eq(hvisor(cpu, ZONE_START, R1, CFG_SIZE), 0);
	cr_assert_eq(smccc(&zone->vcpus[0], PSCI_SYSTEM_OFF, 0, 0, 0), HV_VCPU_OFF);
	cr_assert_eq(zone->state, HV_VM_STOPPED);
	cr_assert_eq(svc->state, HV_VM_RUNNING);
}

Test(arm64, probe_echo_and_dump)
{
	struct hcall_regs got;

	smccc(cpu, PROBE_ECHO, 0x11, 0x22, 0x33);
	for (int i = 0; i < 4; i++)
		cr_assert_eq(cpu->regs.r[i], PATTERN(i));
	cr_assert_eq(cpu->probe.r[1], 0x11);
	cr_assert_eq(cpu->probe.r[7], POISON + 7);
	smccc(cpu, PROBE_DUMP, R1 + 0x800, 0, 0);
	cr_assert_eq(cpu->regs.r[0], 0);
	memcpy(&got, mem[0][1] + 0x800, sizeof(got));
	cr_assert_eq(got.r[0], PROBE_ECHO);
	cr_assert_eq(got.r[3], 0x33);
	cr_assert_eq(got.r[30], POISON + 30);
	smccc(cpu, PROBE_DUMP, R1 + MEM_SIZE - 8, 0, 0);
	cr_assert_eq(cpu->regs.r[0], INVALID_PARAMETER);
	/* a running VM without the probe: unknown */
	struct hv_vm *plain = make_vm(2, HV_ROLE_NORMAL, ABIS, 1);

	smccc(&plain->vcpus[0], PROBE_ECHO, 0, 0, 0);
	cr_assert_eq(plain->vcpus[0].regs.r[0], NOT_SUPPORTED);
}

Test(arm64, upcall_reaches_service_vcpu0)
{
	hv_notify_service_vm(&H);
	cr_assert_eq(fk.upcalls, 1);
	cr_assert_eq(fk.upcall_vcpu, &svc->vcpus[0]);
	cr_assert_eq(fk.upcall_vector, 0xF3);
}

static int64_t my_handler(struct hv *hv, struct hv_vcpu *v, uint64_t nr, void *priv)
{
	(void)hv;
	*(int *)priv += 1;
	return (int64_t)(nr + v->regs.r[1]);
}

Test(arm64, registry_on_hvisor)
{
	int count = 0;

	cr_assert_eq(hv_register_hypercall(svc, HV_ABI_HVISOR, 100, my_handler, &count), 0);
	cr_assert_eq(hv_register_hypercall(svc, HV_ABI_HVISOR, 100, my_handler, &count), -17);
	cr_assert_eq(hv_register_hypercall(svc, HV_ABI_HVISOR, ZONE_START, my_handler, &count), -17);
	cr_assert_eq(hv_register_hypercall(svc, HV_ABI_HVISOR, 101, NULL, NULL), -22);
	cr_assert_eq(hvisor(cpu, 100, 5, 0), 105);
	cr_assert_eq(count, 1);
	/* per VM: the zone has no such handler */
	zone->state = HV_VM_RUNNING;
	cr_assert_eq((int64_t)hvisor(&zone->vcpus[0], 100, 5, 0), E_NOSYS);
	cr_assert_eq(hv_unregister_hypercall(svc, HV_ABI_HVISOR, 100), 0);
	cr_assert_eq(hv_unregister_hypercall(svc, HV_ABI_HVISOR, 100), -2);
	cr_assert_eq((int64_t)hvisor(cpu, 100, 5, 0), E_NOSYS);
	cr_assert_eq(count, 1);
}
