/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_hvisor.c - hvisor hypercalls through the real trap.
 *
 * The expected register roles come from hvisor's documentation
 * (shared/seeds/hvisor-hypercall.md), written here independently of
 * <hcall/abi/hvisor.h>: arm64 `hvc #0x4856`, code in x0, arguments in x1
 * and x2, result in x0, every other register preserved. CLEAR_INJECT_IRQ
 * (20) answers 0; VIRTIO_GET_IRQ (86) answers 0 and writes nothing on
 * arm64 (hvisor v0.4 d3260d0, src/hypercall/mod.rs and
 * src/arch/aarch64/hypercall.rs).
 * The calls that manage other zones are in arm64/check_zones.c.
 *
 * Built with GUEST_PEER, the image runs on real firmware without hvisor:
 * on arm64 QEMU's PSCI firmware answers every HVC whose x0 is not a PSCI
 * function with -1 (PSCI NOT_SUPPORTED), and hcall_hvisor_config_check()
 * must read that as "no hvisor" (HCALL_E_NOT_SUPPORTED), not as hvisor's
 * -EPERM; on riscv OpenSBI does not list EID 0x114514 (SBI base probe 0)
 * and answers a call to it with a0 = -2 (SBI_ERR_NOT_SUPPORTED).
 */
#include <hcall/abi/probe.h>
#include <hcall/hvisor.h>

#include "guest.h"
#include "tap.h"

#if defined(GUEST_PEER)
#define SENTINEL 0x5eed5eed5eed5eedull

static uint64_t magic;

static void check_hvisor_absent(void)
{
	struct hcall_hvisor_ret raw;

	magic = SENTINEL;
#if defined(__riscv)
	tap_eq("no hvisor: SBI probe of EID 0x114514 is 0", (uint64_t)hcall_hvisor_probe(), 0);
	raw = hcall_hvisor_call(6, (uint64_t)(uintptr_t)&magic, 0);
	tap_eq("no hvisor: ecall a7 = 0x114514 gives a0 = -2", raw.error, (uint64_t)-2);
#else
	struct hcall_result r;

	raw = hcall_hvisor_call(6, (uint64_t)(uintptr_t)&magic, 0);
	tap_eq("no hvisor: hvc #0x4856 gives x0 = -1", raw.value, (uint64_t)-1);
	r = hcall_hvisor_config_check((uint64_t)(uintptr_t)&magic);
	tap_eq("no hvisor: config_check reads HCALL_E_NOT_SUPPORTED", r.status,
	       HCALL_E_NOT_SUPPORTED);
	tap_eq("no hvisor: config_check keeps the raw -1", (uint64_t)r.code, (uint64_t)-1);
	r = hcall_hvisor_zone_shutdown(1);
	tap_eq("no hvisor: another call's -1 is hvisor's -EPERM (E_DENIED)", r.status,
	       HCALL_E_DENIED);
#endif
	tap_eq("no hvisor: nothing was written", magic, SENTINEL);
}
GUEST_CHECK("hvisor-absent", check_hvisor_absent);

#elif defined(__aarch64__)
#include "arm64/allregs.h"

/* From the seed, not from the header. */
#define SPEC_CODE_REG 0
#define SPEC_ARG0_REG 1
#define SPEC_ARG1_REG 2
#define SPEC_RET_REG 0

#define E_NOSYS (-38)
#define E_FAULT (-14)
#define E_NODEV (-19)
#define SPEC_MAGIC 0x5u
#define SENTINEL32 0x5eed5eedu

static struct hcall_regs frame __attribute__((aligned(16)));
static struct hcall_hvisor_ivc_info ivc __attribute__((aligned(16)));
static uint8_t page[4096] __attribute__((aligned(4096)));

static int dump(void)
{
	struct hcall_hvisor_ret r = hcall_hvisor_call(HCALL_PROBE_HVISOR_DUMP,
						      (uint64_t)(uintptr_t)&frame, 0);
	return tap_eq("hvisor probe DUMP returns 0", r.value, 0);
}

static void roles(void)
{
	const uint64_t a0 = 0x1111222233334444ull, a1 = 0x5555666677778888ull;
	struct hcall_hvisor_ret r = hcall_hvisor_call(HCALL_PROBE_HVISOR_ECHO, a0, a1);

	tap_eq("hvisor result read from x0", r.value, HCALL_PROBE_PATTERN(0));
	if (!dump())
		return;
	tap_eq("hvisor code in x0", frame.r[SPEC_CODE_REG], HCALL_PROBE_HVISOR_ECHO);
	tap_eq("hvisor arg0 in x1", frame.r[SPEC_ARG0_REG], a0);
	tap_eq("hvisor arg1 in x2", frame.r[SPEC_ARG1_REG], a1);
}

static void preserved(void)
{
	uint64_t in[31], out[31];
	unsigned i, bad = 0, badframe = 0;

	arm64_fill(in, 1);
	in[SPEC_CODE_REG] = HCALL_PROBE_HVISOR_ECHO;
	arm64_trap_hvc_hvisor(in, out);
	tap_eq("hvisor raw ECHO: x0 = pattern 0", out[SPEC_RET_REG], HCALL_PROBE_PATTERN(0));
	for (i = 1; i < 31; i++)
		if (out[i] != in[i]) {
			tap_note_hex("changed register x", i);
			bad++;
		}
	tap_check(!bad, "hvisor preserves x1..x30");
	if (!dump())
		return;
	for (i = 0; i < 31; i++)
		if (frame.r[i] != in[i]) {
			tap_note_hex("frame differs at x", i);
			badframe++;
		}
	tap_check(!badframe, "hypervisor saw all of x0..x30 as loaded");
}

static void wrappers(void)
{
	struct hcall_result r;

	r = hcall_hvisor_ivc_info((uint64_t)(uintptr_t)&ivc);
	tap_eq("hvisor ivc_info of a zone without ivc configs: -ENODEV", (uint64_t)r.code,
	       (uint64_t)E_NODEV);
	ivc.len = 0;
	r = hcall_hvisor_config_check((uint64_t)(uintptr_t)&ivc.len);
	tap_check(hcall_ok(r) && ivc.len == SPEC_MAGIC, "hvisor config_check writes magic 0x5");
	r = hcall_hvisor_virtio_init((uint64_t)(uintptr_t)page);
	tap_check(hcall_ok(r), "hvisor virtio_init on an own page succeeds");
	r = hcall_hvisor_virtio_init((uint64_t)(uintptr_t)page);
	tap_eq("hvisor virtio_init twice: -EEXIST", (uint64_t)r.code, (uint64_t)-17);
	r = hcall_hvisor_virtio_inject_irq();
	tap_check(hcall_ok(r), "hvisor virtio_inject_irq succeeds");
	r = hcall_hvisor_clear_inject_irq();
	tap_check(hcall_ok(r) && r.code == 0, "hvisor clear_inject_irq answers 0");
	ivc.len = SENTINEL32;
	r = hcall_hvisor_virtio_get_irq((uint64_t)(uintptr_t)&ivc.len);
	tap_check(hcall_ok(r) && r.code == 0 && ivc.len == SENTINEL32,
		  "hvisor virtio_get_irq answers 0 and writes nothing on arm64");
}

static void negative(void)
{
	struct hcall_hvisor_ret r;
	struct hcall_result t;

	r = hcall_hvisor_call(0x7777, 1, 2);
	tap_eq("hvisor unknown code: -ENOSYS", r.value, (uint64_t)E_NOSYS);
	t = hcall_hvisor_config_check(0x100000); /* below RAM: not the VM's */
	tap_eq("hvisor config_check outside the VM: -EFAULT", (uint64_t)t.code, (uint64_t)E_FAULT);
	t = hcall_hvisor_config_check(0xfffffffffffffffcull); /* wraps around */
	tap_eq("hvisor config_check overflowing address: -EFAULT", (uint64_t)t.code,
	       (uint64_t)E_FAULT);
	t = hcall_hvisor_config_check((uint64_t)(uintptr_t)&ivc + 4);
	tap_check(hcall_ok(t), "hvisor config_check at an unaligned address (hvisor has no rule)");
	t = hcall_hvisor_zone_list((uint64_t)(uintptr_t)page, 0xffffffffffffffffull);
	tap_check(hcall_ok(t), "hvisor zone_list with a huge count is capped");
	r = hcall_hvisor_call(HCALL_PROBE_HVISOR_ECHO, 1, 2);
	tap_eq("hvisor still answers after bad input", r.value, HCALL_PROBE_PATTERN(0));
}

static void check_hvisor(void)
{
	roles();
	preserved();
	wrappers();
	negative();
}
GUEST_CHECK("hvisor", check_hvisor);

#elif defined(__x86_64__) && (defined(GUEST_HVISOR_ROOT) || defined(GUEST_HVISOR_ZONE))
/*
 * x86_64: the hvisor-tool flow between the two VMs of hcall's hvisor
 * image (arch/x86/main.c, HV_X86_HVISOR), root zone 0 and zone 1, both
 * built from this file; the root zone's checks every architecture shares
 * are in hvisor_zones.c. Numbers from the pinned hvisor v0.4 (d3260d0),
 * written here: vmcall, rax = code, rdi and rsi = arguments, rax = result
 * (src/arch/x86_64/trap.rs handle_hypercall); the x86_64 zone_config is
 * 3136 bytes (src/config.rs); VIRTIO_GET_IRQ (86) writes a u32 and
 * answers 0 (src/arch/x86_64/hypercall.rs).
 *
 * The machine, from arch/x86/vm.h's plan: every VM's RAM is 2 MiB at
 * guest-physical 0, its image at 1 MiB; the root zone sees the zone's RAM
 * at 2 MiB; a store into a zone's virtio-mmio window at 0x10000000 is its
 * virtio request, which raises the root zone's upcall, vector 0xF3
 * (hv/hv.h), and lets the root zone run before the zone goes on (both
 * run on CPU 0). The zone reports through a page of its RAM the root
 * zone reads.
 */
#include "hvisor_zones.h"
#include "x86/x86_guest.h"

#define SPEC_MAGIC_NEXT 0x6u /* hvisor-tool's next layout */
#define SPEC_CONFIG_SIZE 3136u
#define SPEC_UPCALL_VECTOR 0xF3u
#define SPEC_IVC_ID 3u
#define SPEC_IVC_IRQ 33u
#define ZONE_ID 1u
#define ZONE_RAM_SIZE 0x200000ull
#define ZONE_RAM_PA 0x200000ull   /* where the root zone sees it */
#define ZONE_ENTRY 0x100000ull
#define ZONE_IVC_CT 0x8000ull
#define ZONE_IVC_SHM 0x9000ull
#define ZONE_REPORT 0xA000ull      /* zone-physical */
#define ZONE_VIRTIO 0x10000000ull

/* What the zone leaves in its RAM for the root zone. */
struct zone_report {
	volatile uint64_t runs;    /* boots */
	volatile uint64_t done;    /* its checks ran */
	volatile uint64_t wakeups; /* returns from its virtio requests */
	volatile uint64_t irqs;    /* upcalls (vector 0xF3) it took */
};

#if defined(GUEST_HVISOR_ZONE)
#define REPORT ((struct zone_report *)(uintptr_t)ZONE_REPORT)

/* A virtio request: a 32-bit store into the virtio-mmio window. */
static void virtio_kick(void)
{
	__asm__ __volatile__("movl %0, (%1)" : : "a"(1u), "D"(ZONE_VIRTIO) : "memory");
}

static struct hcall_hvisor_ivc_info ivc __attribute__((aligned(16)));
static hcall_hvisor_zone_config_t cfg __attribute__((aligned(16)));

/* Zone 1: its own calls, then virtio requests until the root zone shuts
 * it down, noting after each (when the root zone let it run again) the
 * upcalls it took. */
static void zone_main(void)
{
	struct hcall_result r;
	uint64_t magic = 0;
	uint32_t irq = 0;

	REPORT->runs++;
	r = hcall_hvisor_ivc_info((uint64_t)(uintptr_t)&ivc);
	tap_eq("ivc_info answers 0", (uint64_t)r.code, 0);
	tap_eq("ivc_info len 1", ivc.len, 1);
	tap_check(ivc.ivc_ids[0] == SPEC_IVC_ID && ivc.ivc_irqs[0] == SPEC_IVC_IRQ &&
			  ivc.ivc_ct_ipas[0] == ZONE_IVC_CT &&
			  ivc.ivc_shmem_ipas[0] == ZONE_IVC_SHM,
		  "ivc_info id, irq, control table and shared memory of its config");
	tap_eq("ivc_info into its last 56 bytes: 0",
	       (uint64_t)hcall_hvisor_ivc_info(ZONE_RAM_SIZE - 56).code, 0);
	tap_eq("ivc_info 48 bytes before the end of its memory: -EFAULT",
	       (uint64_t)hcall_hvisor_ivc_info(ZONE_RAM_SIZE - 48).code, (uint64_t)E_FAULT);
	cfg.zone_id = ZONE_ID + 1;
	tap_eq("zone_start is the root zone's (-EPERM)",
	       (uint64_t)hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg, sizeof(cfg)).code,
	       (uint64_t)E_PERM);
	tap_eq("zone_list is the root zone's (-EPERM)",
	       (uint64_t)hcall_hvisor_zone_list((uint64_t)(uintptr_t)&cfg, 1).code,
	       (uint64_t)E_PERM);
	tap_eq("clear_inject_irq is the root zone's (-EPERM)",
	       (uint64_t)hcall_hvisor_clear_inject_irq().code, (uint64_t)E_PERM);
	r = hcall_hvisor_virtio_get_irq((uint64_t)(uintptr_t)&irq);
	tap_check(hcall_ok(r) && irq == SPEC_UPCALL_VECTOR,
		  "virtio_get_irq answers any zone, as hvisor (0xF3)");
	r = hcall_hvisor_config_check((uint64_t)(uintptr_t)&magic);
	tap_check(hcall_ok(r) && magic == SPEC_MAGIC, "config_check writes 0x5");
	tap_done();
	REPORT->done = 1;
	__asm__ __volatile__("sti" ::: "memory");
	for (;;) {
		virtio_kick();
		REPORT->wakeups++;
		REPORT->irqs = guest_x86_interrupts(SPEC_UPCALL_VECTOR);
	}
}
GUEST_CHECK("hvisor-zone", zone_main);

#else /* GUEST_HVISOR_ROOT */
#include "hvisor_cfg.h"

#define REPORT ((struct zone_report *)(uintptr_t)(ZONE_RAM_PA + ZONE_REPORT))
#define X86_RAX 0
#define X86_RSI 6
#define X86_RDI 7

static struct hcall_regs frame __attribute__((aligned(16)));
static hcall_hvisor_zone_config_t cfg __attribute__((aligned(16)));
static uint8_t page[4096] __attribute__((aligned(4096)));
static volatile unsigned last_vector;

static void on_interrupt(unsigned vector)
{
	last_vector = vector;
}

/* Registers from hvisor's trap.rs, through the probe's ECHO and DUMP. */
static void roles(void)
{
	uint64_t in[16], out[16], rdi, rsi;
	unsigned i, bad = 0;

	for (i = 0; i < 16; i++)
		in[i] = 0x7e57000000000000ull | (i << 8) | i;
	in[X86_RAX] = HCALL_PROBE_HVISOR_ECHO;
	x86_trap_all(X86_TRAP_VMCALL, in, out);
	rdi = in[X86_RDI];
	rsi = in[X86_RSI];
	tap_eq("hvisor x86: result in rax", out[X86_RAX], HCALL_PROBE_PATTERN(0));
	for (i = 1; i < 16; i++)
		if (i != 4 && out[i] != in[i]) {
			tap_note_hex("changed register (ModRM number)", i);
			bad++;
		}
	tap_check(!bad, "hvisor x86: every register but rax preserved");
	in[X86_RAX] = HCALL_PROBE_HVISOR_DUMP;
	in[X86_RDI] = (uint64_t)(uintptr_t)&frame;
	x86_trap_all(X86_TRAP_VMCALL, in, out);
	if (!tap_eq("hvisor x86: probe DUMP answers 0", out[X86_RAX], 0))
		return;
	/* DUMP gives the frame the ECHO trapped with. */
	tap_eq("hvisor x86: code in rax", frame.r[X86_RAX], HCALL_PROBE_HVISOR_ECHO);
	tap_eq("hvisor x86: first argument in rdi", frame.r[X86_RDI], rdi);
	tap_eq("hvisor x86: second argument in rsi", frame.r[X86_RSI], rsi);
}

/* A full x86_64 config as hvisor-tool builds it from a zone's JSON: the
 * zone's RAM (the root zone's 2 MiB..4 MiB) at guest-physical 0, one ivc
 * channel in it, the kernel at 1 MiB, the name. */
static void set_cfg(uint64_t cpus)
{
	hvisor_cfg_init(&cfg, ZONE_ID, cpus, "zone");
	hvisor_cfg_ram(&cfg, ZONE_RAM_PA, 0, ZONE_RAM_SIZE);
	hvisor_cfg_ivc(&cfg, SPEC_IVC_ID, SPEC_IVC_IRQ, ZONE_IVC_CT, ZONE_IVC_SHM);
	cfg.entry_point = ZONE_ENTRY;
	cfg.kernel_load_paddr = ZONE_RAM_PA + ZONE_ENTRY;
	cfg.kernel_size = 0x80000;
}

static const struct hvisor_zone zone = {
	.cfg = &cfg,
	.set_cfg = set_cfg,
	.id = ZONE_ID,
	.cpus = 1u << 1,
	.name = "zone",
	.root_cpus = 1u << 0,
	.config_size = SPEC_CONFIG_SIZE,
	.outside = 0x400000,
	.ram_outside = 0x400000,
};

static int64_t start(uint64_t size)
{
	return hvisor_zone_start(&zone, size);
}

/* Halt until the zone's next virtio request (bounded: a zone that never
 * sends one leaves nothing to run, and the run ends with this VM's
 * report missing). */
static void wait_for_zone(void)
{
	unsigned seen = guest_x86_interrupts(SPEC_UPCALL_VECTOR);

	for (unsigned i = 0; i < 4 && guest_x86_interrupts(SPEC_UPCALL_VECTOR) == seen; i++)
		guest_x86_wait_for_interrupt();
}

static void refused(void)
{
	set_cfg(1u << 1);
	cfg.arch_config.ioapic_base = 0xfec00000;
	cfg.arch_config.ioapic_size = 0x1000;
	tap_eq("zone_start, an IOAPIC the glue does not emulate: -EINVAL",
	       (uint64_t)start(sizeof(cfg)), (uint64_t)E_INVAL);
	/* The x86 glue boots a zone from 2 MiB of RAM at guest-physical 0
	 * (its page tables, image and stacks): less is refused. */
	set_cfg(1u << 1);
	cfg.memory_regions[0].size = ZONE_RAM_SIZE / 2;
	cfg.kernel_size = 0x1000;
	cfg.entry_point = 0;
	cfg.kernel_load_paddr = ZONE_RAM_PA;
	tap_eq("zone_start, 1 MiB of RAM (the glue boots from 2 MiB): -EINVAL",
	       (uint64_t)start(sizeof(cfg)), (uint64_t)E_INVAL);
	hvisor_zone_refused(&zone);
}

static void zones(void)
{
	uint32_t irq[2] = { 0xa5a5a5a5u, 0xa5a5a5a5u };
	struct hcall_result r;
	uint64_t wakeups;

	guest_x86_on_interrupt(on_interrupt);
	/* hvisor-tool b17d9dd checks for 0x5, its own; one of the next
	 * layout would stop here. */
	tap_check(hvisor_zone_root(&zone) != SPEC_MAGIC_NEXT,
		  "a tool of the next layout (magic 0x06) would stop here");
	r = hcall_hvisor_virtio_get_irq((uint64_t)(uintptr_t)irq);
	guest_demo("hvisor", "virtio_get_irq", r);
	tap_check(hcall_ok(r) && irq[1] == 0xa5a5a5a5u,
		  "virtio_get_irq answers 0 and writes 32 bits, no more");
	tap_eq("virtio_get_irq: the upcall vector, 0xF3", irq[0], SPEC_UPCALL_VECTOR);
	tap_eq("virtio_get_irq at the end of the root zone's memory: -EFAULT",
	       (uint64_t)hcall_hvisor_virtio_get_irq(0x400000 - 2).code, (uint64_t)E_FAULT);
	refused();

	if (!hvisor_zone_started(&zone))
		return;
	/* The zone runs while this VM halts, until its virtio request. */
	wait_for_zone();
	if (!tap_check(REPORT->runs == 1 && REPORT->done == 1, "zone 1 booted once and ran its checks"))
		return;
	tap_eq("the zone's virtio request came as the vector virtio_get_irq named", last_vector,
	       irq[0]);

	hvisor_zone_virtio_init(page);
	wakeups = REPORT->wakeups;
	tap_check(hcall_ok(hcall_hvisor_virtio_inject_irq()), "virtio_inject_irq succeeds");
	r = hcall_hvisor_clear_inject_irq();
	guest_demo("hvisor", "clear_inject_irq", r);
	tap_check(hcall_ok(r) && r.value == 0, "clear_inject_irq answers 0");
	wait_for_zone();
	tap_check(REPORT->wakeups == wakeups + 1 && REPORT->irqs == 0,
		  "the zone ran on without the interrupt clear_inject_irq withdrew");
	tap_check(hcall_ok(hcall_hvisor_virtio_inject_irq()), "virtio_inject_irq again");
	wait_for_zone();
	tap_check(REPORT->wakeups == wakeups + 2 && REPORT->irqs == 1,
		  "the zone took the upcall (vector 0xF3) that was not withdrawn");

	hvisor_zone_shutdown(&zone);
}

static void check_hvisor_x86(void)
{
	roles();
	zones();
}
GUEST_CHECK("hvisor", check_hvisor_x86);
#endif
#endif
