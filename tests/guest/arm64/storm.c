/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/storm.c - the SMP storm guest: one VM with 4 vCPUs
 * under the arm64 hypervisor on 4 physical CPUs (hv-arm64-smp.elf).
 *
 * vCPU 0 coordinates and prints TAP; vCPUs 1-3 are started with PSCI
 * CPU_ON at storm_secondary (storm_entry.S) and take commands from shared
 * memory. Spins between vCPUs never trap: a rendezvous of all four can
 * only complete if they run at the same time on different physical CPUs
 * (the hypervisor does not preempt). Every wait is bounded by the
 * generic timer.
 *
 * Storms, each followed by its invariants:
 *   CPU_ON   each round one worker switches itself off; the three other
 *            vCPUs released together (random jitter) CPU_ON it. Exactly
 *            one SUCCESS, the others ALREADY_ON or ON_PENDING; the
 *            worker comes up once, with the winner's context id.
 *   MEM_SHARE all four vCPUs share and unshare one page at random. Each
 *            answer is SUCCESS or INVALID_PARAMETER, and since a page
 *            goes PRIVATE -> SHARED -> PRIVATE, the successful shares
 *            equal the successful unshares, plus one if the page ends
 *            shared.
 *   zones    all four vCPUs zone_start and zone_shutdown hvisor zone 1 at
 *            random. Each answer is 0 or -EINVAL (hvisor's answer to the
 *            start of a running zone and the shutdown of a stopped one,
 *            src/zone.rs and src/hypercall/mod.rs at v0.4); successful
 *            starts equal successful shutdowns, plus one if the zone ends
 *            running; zone_list then shows the running zones once each.
 * And the upcall by IPI: zone 1's vCPU 1 (on physical CPU 1) switches
 * itself off while vCPU 0 here spins with IRQs unmasked and never traps;
 * the virtual IRQ can only reach it if the hypervisor interrupts CPU 0.
 * Throughout: no vCPU runs twice (each marks itself running on entry and
 * checks nobody was).
 *
 * The random choices come from one seed, printed first; build with
 * -DSTORM_SEED=0x... to replay one.
 *
 * Expected codes and function IDs are written here from the
 * specifications: PSCI (DEN0022) and KVM's vendor hypervisor service
 * (Linux arm-smccc.h), not taken from hcall's tables.
 */
#include <hcall/hvisor.h>
#include <hcall/smccc.h>

#define TAP_IMPLEMENTATION
#include "../tap.h"
#include "../guest.h"
#include "arm64_guest.h"

#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON64 0xC4000003u
#define PSCI_AFFINITY_INFO64 0xC4000004u
#define PSCI_SUCCESS 0
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_ALREADY_ON (-4)
#define PSCI_ON_PENDING (-5)
#define AFF_ON 0
#define AFF_OFF 1
#define KVM_MEM_SHARE 0xC6000003u
#define KVM_MEM_UNSHARE 0xC6000004u
#define SMCCC_INVALID_PARAMETER (-3)
/* hvisor answers with negative Linux errno values. */
#define EINVAL_ 22
#define ZONE 1
#define ZONE_BASE 0x41200000ull
#define ZONE_SIZE 0x200000ull
#define ZONE_OPS 60

#define NVCPUS 4
#define STORM_STACK 0x2000
#define ON_ROUNDS 16
#define SHARE_OPS 100
#define JITTER 512u
/* A wait longer than this many generic-timer seconds is a failure. */
#define WAIT_SECONDS 5

uint8_t storm_stacks[NVCPUS][STORM_STACK] __attribute__((aligned(16)));
void storm_secondary(void);
void storm_vcpu(uint64_t ctx, uint64_t idx);

/* Everything the vCPUs share; written with atomics or before a release. */
static struct {
	uint32_t running[NVCPUS];   /* 1 while the vCPU runs storm code */
	uint32_t twice;             /* someone found a vCPU already running */
	uint32_t starts[NVCPUS];    /* entries at storm_secondary */
	uint64_t ctx[NVCPUS];       /* the context id of the last entry */
	uint32_t arrived;           /* rendezvous counter */
	uint32_t cmd_seq;           /* command generation */
	uint32_t cmd;               /* enum cmd */
	uint32_t arg;
	uint32_t done;              /* workers finished the command */
	int64_t on_res[NVCPUS];     /* each caller's CPU_ON answer, this round */
	uint32_t share_ok[NVCPUS], unshare_ok[NVCPUS], share_bad[NVCPUS];
	uint32_t zstart_ok[NVCPUS], zstop_ok[NVCPUS], zone_bad[NVCPUS];
	hcall_hvisor_zone_config_t cfg[NVCPUS] __attribute__((aligned(16)));
	struct hcall_hvisor_zone_info zones[8] __attribute__((aligned(16)));
	uint8_t page[4096] __attribute__((aligned(4096)));
} sh;

enum cmd { CMD_NONE, CMD_RENDEZVOUS, CMD_OFF_ONE, CMD_CPU_ON, CMD_OFF, CMD_SHARE, CMD_ZONE };

static uint64_t seed;

void tap_putc(char c)
{
	if (c == '\n')
		guest_putc('\r');
	guest_putc(c);
}

/* ---- helpers ------------------------------------------------------------ */

static uint64_t now(void)
{
	uint64_t v;

	__asm__ __volatile__("isb\n\tmrs %0, cntvct_el0" : "=r"(v));
	return v;
}

static uint64_t deadline(void)
{
	uint64_t f;

	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(f));
	return now() + f * WAIT_SECONDS;
}

/* splitmix64: the random choices of (seed, a, b). */
static uint64_t rnd(uint64_t a, uint64_t b)
{
	uint64_t z = seed + 0x9e3779b97f4a7c15ull * (a * 8 + b + 1);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static void spin(uint64_t n)
{
	while (n--)
		__asm__ __volatile__("yield" ::: "memory");
}

static uint32_t load(uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static int64_t psci(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return (int64_t)(int32_t)hcall_smccc_call3(fid, a1, a2, a3).x0;
}

/* MEM_SHARE / MEM_UNSHARE(ipa): x2 and x3 are reserved, zero. */
static int64_t mem(uint32_t fid, uint64_t ipa)
{
	return (int64_t)hcall_smccc_call3(fid, ipa, 0, 0).x0;
}

/* Wait until *p == want, without trapping. 1 on time, 0 late. */
static int wait_eq(uint32_t *p, uint32_t want)
{
	uint64_t end = deadline();

	while (load(p) != want)
		if (now() > end)
			return 0;
	return 1;
}

static void enter(unsigned idx)
{
	if (__atomic_exchange_n(&sh.running[idx], 1u, __ATOMIC_ACQ_REL))
		__atomic_fetch_add(&sh.twice, 1u, __ATOMIC_RELAXED);
}

static void leave(unsigned idx)
{
	__atomic_store_n(&sh.running[idx], 0u, __ATOMIC_RELEASE);
}

static int wait_off(unsigned target)
{
	uint64_t end = deadline();

	while (psci(PSCI_AFFINITY_INFO64, target, 0, 0) != AFF_OFF)
		if (now() > end)
			return 0;
	return 1;
}

/* ---- the two storms' bodies, run by every vCPU concerned ----------------- */

static void cpu_on_caller(unsigned idx, unsigned round, unsigned target)
{
	spin(rnd(round, idx) % JITTER);
	sh.on_res[idx] = psci(PSCI_CPU_ON64, target, (uint64_t)(uintptr_t)storm_secondary,
			      (uint64_t)round << 8 | idx);
}

static void share_storm(unsigned idx)
{
	uint64_t ipa = (uint64_t)(uintptr_t)sh.page;
	unsigned i;

	for (i = 0; i < SHARE_OPS; i++) {
		uint64_t r = rnd(1000 + i, idx);
		int share = r & 1;
		int64_t st;

		spin((r >> 8) % 64);
		st = mem(share ? KVM_MEM_SHARE : KVM_MEM_UNSHARE, ipa);
		if (st == 0)
			(share ? sh.share_ok : sh.unshare_ok)[idx]++;
		else if (st != SMCCC_INVALID_PARAMETER)
			sh.share_bad[idx]++;
	}
}

/* Zone 1's hvisor zone_config: its RAM and the shared page (both the
 * storm VM's too, as hvisor's root zone owns what it starts zones in),
 * hvisor CPUs 4 and 5 (the storm VM, the root zone, holds 0-3): two
 * vCPUs. */
static void zone_cfg(hcall_hvisor_zone_config_t *c)
{
	unsigned i;

	__builtin_memset(c, 0, sizeof(*c));
	c->zone_id = ZONE;
	c->cpus = (1u << 4) | (1u << 5);
	c->num_memory_regions = 2;
	c->memory_regions[0].type = HCALL_HVISOR_MEM_TYPE_RAM;
	c->memory_regions[0].physical_start = ZONE_BASE;
	c->memory_regions[0].virtual_start = ZONE_BASE;
	c->memory_regions[0].size = ZONE_SIZE;
	c->memory_regions[1].type = HCALL_HVISOR_MEM_TYPE_RAM;
	c->memory_regions[1].physical_start = GUEST_SHARED_BASE;
	c->memory_regions[1].virtual_start = GUEST_SHARED_BASE;
	c->memory_regions[1].size = GUEST_SHARED_SIZE;
	c->entry_point = ZONE_BASE;
	for (i = 0; i < 5; i++)
		c->name[i] = "zone2"[i];
}

static int64_t zone_start(unsigned idx)
{
	return (int64_t)hcall_hvisor_call(HCALL_HVISOR_ZONE_START,
					  (uint64_t)(uintptr_t)&sh.cfg[idx],
					  sizeof(sh.cfg[idx])).value;
}

static int64_t zone_shutdown(void)
{
	return (int64_t)hcall_hvisor_call(HCALL_HVISOR_ZONE_SHUTDOWN, ZONE, 0).value;
}

static void zone_storm(unsigned idx)
{
	unsigned i;

	zone_cfg(&sh.cfg[idx]);
	for (i = 0; i < ZONE_OPS; i++) {
		uint64_t r = rnd(5000 + i, idx);
		int64_t st;

		spin((r >> 8) % 64);
		if (r & 1) {
			st = zone_start(idx);
			if (st == 0)
				sh.zstart_ok[idx]++;
			else if (st != -EINVAL_)
				sh.zone_bad[idx]++;
		} else {
			st = zone_shutdown();
			if (st == 0)
				sh.zstop_ok[idx]++;
			else if (st != -EINVAL_)
				sh.zone_bad[idx]++;
		}
	}
}

/* ---- workers (vCPUs 1-3) ------------------------------------------------- */

void storm_vcpu(uint64_t ctx, uint64_t idx)
{
	unsigned me = (unsigned)idx, n;
	uint32_t seen;

	enter(me);
	__atomic_store_n(&sh.ctx[me], ctx, __ATOMIC_RELAXED);
	seen = load(&sh.cmd_seq);
	__atomic_fetch_add(&sh.starts[me], 1u, __ATOMIC_RELEASE);
	for (;;) {
		uint32_t cmd, arg;

		/* A WFI now and then while idle: the hypervisor may run
		 * another VM's vCPU pinned to this CPU meanwhile (zone 1's
		 * vCPU 1). Not every time: each WFI is a trap through the
		 * scheduler, which takes the hypervisor's global lock. */
		for (n = 0; load(&sh.cmd_seq) == seen; n++)
			if (n % 4096 == 4095)
				__asm__ __volatile__("wfi" ::: "memory");
		seen = load(&sh.cmd_seq);
		cmd = sh.cmd;
		arg = sh.arg;
		switch (cmd) {
		case CMD_RENDEZVOUS:
			__atomic_fetch_add(&sh.arrived, 1u, __ATOMIC_ACQ_REL);
			while (load(&sh.arrived) < NVCPUS)
				;
			break;
		case CMD_OFF_ONE:
			if (me == arg) {
				/* This round's target: off, and the others
				 * race to start it again. */
				leave(me);
				psci(PSCI_CPU_OFF, 0, 0, 0);
				__atomic_fetch_add(&sh.twice, 0x10000u, __ATOMIC_RELAXED);
				for (;;)
					;
			}
			break;
		case CMD_CPU_ON:
			cpu_on_caller(me, arg >> 8, arg & 0xff);
			break;
		case CMD_SHARE:
			share_storm(me);
			break;
		case CMD_ZONE:
			zone_storm(me);
			break;
		case CMD_OFF:
			leave(me);
			__atomic_fetch_add(&sh.done, 1u, __ATOMIC_ACQ_REL);
			psci(PSCI_CPU_OFF, 0, 0, 0);
			__atomic_fetch_add(&sh.twice, 0x10000u, __ATOMIC_RELAXED);
			for (;;)
				;
		}
		__atomic_fetch_add(&sh.done, 1u, __ATOMIC_ACQ_REL);
	}
}

/* ---- the coordinator (vCPU 0) -------------------------------------------- */

/* Post a command to the workers; done counts down from zero. */
static void post(enum cmd cmd, uint32_t arg)
{
	__atomic_store_n(&sh.done, 0u, __ATOMIC_RELAXED);
	sh.cmd = cmd;
	sh.arg = arg;
	__atomic_fetch_add(&sh.cmd_seq, 1u, __ATOMIC_RELEASE);
}


static void bring_up(void)
{
	unsigned i, ok = 1;

	for (i = 1; i < NVCPUS; i++) {
		int64_t st = psci(PSCI_CPU_ON64, i, (uint64_t)(uintptr_t)storm_secondary, i);

		ok &= st == PSCI_SUCCESS;
	}
	tap_check(ok, "CPU_ON of vCPUs 1-3: SUCCESS");
	ok = 1;
	for (i = 1; i < NVCPUS; i++)
		ok &= wait_eq(&sh.starts[i], 1) && sh.ctx[i] == i;
	tap_check(ok, "vCPUs 1-3 start once each, with their context id in x0");
	ok = 1;
	for (i = 0; i < NVCPUS; i++)
		ok &= psci(PSCI_AFFINITY_INFO64, i, 0, 0) == AFF_ON;
	tap_check(ok, "AFFINITY_INFO: all four on");
}

static void rendezvous(void)
{
	post(CMD_RENDEZVOUS, 0);
	__atomic_fetch_add(&sh.arrived, 1u, __ATOMIC_ACQ_REL);
	tap_check(wait_eq(&sh.arrived, NVCPUS),
		  "4 vCPUs meet in a spin that never traps: they run at once on 4 CPUs");
	tap_check(wait_eq(&sh.done, NVCPUS - 1), "the workers leave the rendezvous");
}

static void cpu_on_storm(void)
{
	unsigned round, wins = 0, lost = 0, other = 0, starts_ok = 1, offs = 1;
	uint32_t starts[NVCPUS];
	unsigned i;

	for (i = 0; i < NVCPUS; i++)
		starts[i] = load(&sh.starts[i]);
	for (round = 1; round <= ON_ROUNDS; round++) {
		unsigned target = 1 + (unsigned)(rnd(round, 99) % (NVCPUS - 1));
		unsigned ok_here = 0;

		for (i = 0; i < NVCPUS; i++)
			sh.on_res[i] = 1; /* no answer yet */
		post(CMD_OFF_ONE, target);
		if (!wait_eq(&sh.done, NVCPUS - 2) || !wait_off(target)) {
			tap_note_hex("CPU_ON storm: the target did not go off in round", round);
			offs = 0;
			break;
		}
		post(CMD_CPU_ON, round << 8 | target);
		cpu_on_caller(0, round, target);
		/* The two callers besides vCPU 0, then the target's start. */
		if (!wait_eq(&sh.done, NVCPUS - 2) ||
		    !wait_eq(&sh.starts[target], starts[target] + 1)) {
			tap_note_hex("CPU_ON storm stuck in round", round);
			offs = 0;
			break;
		}
		starts[target]++;
		for (i = 0; i < NVCPUS; i++) {
			if (i == target)
				continue;
			if (sh.on_res[i] == PSCI_SUCCESS) {
				ok_here++;
				wins++;
				if (__atomic_load_n(&sh.ctx[target], __ATOMIC_ACQUIRE) != (round << 8 | i))
					starts_ok = 0;
			} else if (sh.on_res[i] == PSCI_ALREADY_ON || sh.on_res[i] == PSCI_ON_PENDING) {
				lost++;
			} else {
				other++;
				tap_note_hex("unexpected CPU_ON answer", (uint64_t)sh.on_res[i]);
			}
		}
		if (ok_here != 1)
			tap_note_hex("CPU_ON round without exactly one SUCCESS", round);
	}
	tap_check(offs, "CPU_ON storm: every round ends (target off, then on again) in time");
	tap_eq("CPU_ON storm: one SUCCESS per round", wins, ON_ROUNDS);
	tap_eq("CPU_ON storm: the others ALREADY_ON or ON_PENDING", lost, 2 * ON_ROUNDS);
	tap_eq("CPU_ON storm: no other answer", other, 0);
	tap_check(starts_ok, "CPU_ON storm: the target starts with the winner's context id");
	tap_check(load(&sh.starts[1]) + load(&sh.starts[2]) + load(&sh.starts[3]) ==
		  3 + ON_ROUNDS, "CPU_ON storm: starts add up (3 + one per round)");
}

static void mem_share_storm(void)
{
	unsigned i, shares = 0, unshares = 0, bad = 0;
	int64_t last;

	post(CMD_SHARE, 0);
	share_storm(0);
	tap_check(wait_eq(&sh.done, NVCPUS - 1), "MEM_SHARE storm: every vCPU finishes");
	for (i = 0; i < NVCPUS; i++) {
		shares += sh.share_ok[i];
		unshares += sh.unshare_ok[i];
		bad += sh.share_bad[i];
	}
	tap_note_hex("MEM_SHARE successes", shares);
	tap_note_hex("MEM_UNSHARE successes", unshares);
	tap_eq("MEM_SHARE storm: only SUCCESS or INVALID_PARAMETER", bad, 0);
	/* Unsharing now tells the final state: SUCCESS only if shared. */
	last = mem(KVM_MEM_UNSHARE, (uint64_t)(uintptr_t)sh.page);
	tap_check(last == 0 || last == SMCCC_INVALID_PARAMETER,
		  "MEM_SHARE storm: the final UNSHARE answers SUCCESS or INVALID_PARAMETER");
	tap_eq("MEM_SHARE storm: shares = unshares + (page ended shared)", shares,
	       unshares + (last == 0));
	tap_check(shares > 0 && unshares > 0, "MEM_SHARE storm: both calls won sometimes");
}

static void upcall_ipi(void)
{
	volatile uint64_t *flag = (volatile uint64_t *)(uintptr_t)GUEST_SHARED_BASE;
	unsigned irqs, up;
	uint64_t end;
	int64_t st;

	flag[0] = 0;
	flag[1] = 0;
	zone_cfg(&sh.cfg[0]);
	st = zone_start(0);
	tap_eq("zone_start of zone 1 (2 vCPUs): 0", (uint64_t)st, 0);
	/* WFI hands CPU 0 to the zone's vCPU 0, which starts its vCPU 1
	 * on CPU 1 and hands CPU 0 back. */
	__asm__ __volatile__("wfi" ::: "memory");
	end = deadline();
	while (!(up = flag[1] != 0) && now() < end)
		;
	tap_check(up, "zone 1's vCPU 1 runs (on CPU 1, beside our idle vCPU 1)");
	irqs = guest_irq_count;
	guest_irq_enable();
	*flag = 1; /* zone vCPU 1: CPU_OFF now */
	end = deadline();
	while (guest_irq_count == irqs && now() < end)
		;
	guest_irq_disable();
	tap_check(guest_irq_count == irqs + 1,
		  "upcall from zone vCPU 1's CPU_OFF on CPU 1 reaches vCPU 0 here by IPI "
		  "(one virtual IRQ, taken while spinning without a trap)");
	st = zone_shutdown();
	tap_eq("zone_shutdown of zone 1 (its vCPU 0 in WFI on this CPU): 0", (uint64_t)st, 0);
}

/* No zone lost or duplicated: after the final shutdown only the root
 * zone runs (hvisor's zone_list lists running zones: id, CPUs, name). */
static int zones_after_storm(void)
{
	int64_t n = (int64_t)hcall_hvisor_call(HCALL_HVISOR_ZONE_LIST,
					       (uint64_t)(uintptr_t)sh.zones, 8).value;
	const struct hcall_hvisor_zone_info *z = &sh.zones[0];

	return n == 1 && z->zone_id == 0 && z->cpus == 0xf && !z->is_err;
}

static void zone_storm_all(void)
{
	unsigned i, starts = 0, stops = 0, bad = 0;
	int64_t last;

	post(CMD_ZONE, 0);
	zone_storm(0);
	tap_check(wait_eq(&sh.done, NVCPUS - 1), "zone storm: every vCPU finishes");
	for (i = 0; i < NVCPUS; i++) {
		starts += sh.zstart_ok[i];
		stops += sh.zstop_ok[i];
		bad += sh.zone_bad[i];
	}
	tap_note_hex("zone_start successes", starts);
	tap_note_hex("zone_shutdown successes", stops);
	tap_eq("zone storm: only 0 or -EINVAL", bad, 0);
	/* Shutting down now tells the final state: 0 only if it ran. */
	last = zone_shutdown();
	tap_check(last == 0 || last == -EINVAL_,
		  "zone storm: the final zone_shutdown answers 0 or -EINVAL");
	tap_eq("zone storm: starts = shutdowns + (zone ended running)", starts,
	       stops + (last == 0));
	tap_check(starts > 0 && stops > 0, "zone storm: both calls won sometimes");
	tap_check(zones_after_storm(), "zone storm: zone_list shows the root zone (CPUs 0-3) "
				       "once, nothing else");
}

static void all_off(void)
{
	unsigned i, ok = 1;

	post(CMD_OFF, 0);
	for (i = 1; i < NVCPUS; i++)
		ok &= wait_off(i);
	tap_check(ok, "CPU_OFF: AFFINITY_INFO reports vCPUs 1-3 off");
	tap_eq("CPU_ON of vCPU 4 (no such vCPU): INVALID_PARAMETERS",
	       (uint64_t)psci(PSCI_CPU_ON64, NVCPUS, (uint64_t)(uintptr_t)storm_secondary, 0),
	       (uint64_t)(int64_t)PSCI_INVALID_PARAMETERS);
}

void guest_main(void)
{
#ifdef STORM_SEED
	seed = STORM_SEED;
#else
	seed = now();
#endif
	tap_note_hex("storm seed (rebuild with -DSTORM_SEED=<seed> to replay)", seed);
	enter(0);
	bring_up();
	rendezvous();
	cpu_on_storm();
	mem_share_storm();
	upcall_ipi();
	zone_storm_all();
	all_off();
	tap_eq("no vCPU ever ran twice at once, and CPU_OFF never returned", load(&sh.twice), 0);
	leave(0);
	guest_exit(tap_done() ? 1 : 0);
}
