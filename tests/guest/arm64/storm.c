/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/storm.c - the SMP storm guest: one VM with 4 vCPUs
 * under the arm64 hypervisor on 4 physical CPUs (hv-arm64-smp.elf).
 *
 * vCPU 0 coordinates and prints TAP; vCPUs 1-3 are started with PSCI
 * CPU_ON at storm_secondary (storm_entry.S) and take commands from shared
 * memory. The machinery, the CPU_ON and zone storms are the portable ones
 * of ../storm_common.c; this file holds what is arm64's: the generic
 * timer that bounds every wait, PSCI, KVM's MEM_SHARE, and the upcall.
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
#include "../storm.h"
#include "arm64_guest.h"

#define PSCI_CPU_OFF 0x84000002u
#define PSCI_CPU_ON64 0xC4000003u
#define PSCI_AFFINITY_INFO64 0xC4000004u
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_ALREADY_ON (-4)
#define PSCI_ON_PENDING (-5)
#define AFF_ON 0
#define AFF_OFF 1
#define KVM_MEM_SHARE 0xC6000003u
#define KVM_MEM_UNSHARE 0xC6000004u
#define SMCCC_INVALID_PARAMETER (-3)
#define ZONE_BASE 0x41200000ull
#define ZONE_SIZE 0x200000ull
#define ZONE_OPS 60

#define SHARE_OPS 100
/* A wait longer than this many generic-timer seconds is a failure. */
#define WAIT_SECONDS 5

/* The MEM_SHARE storm's part of the shared memory: MEM_SHARE (a) and
 * MEM_UNSHARE (b) of one page. */
static struct {
	struct storm_pair share;
	uint8_t page[4096] __attribute__((aligned(4096)));
} ash;

enum { CMD_SHARE = CMD_ARCH };

/* ---- helpers ------------------------------------------------------------ */

uint64_t storm_now(void)
{
	uint64_t v;

	__asm__ __volatile__("isb\n\tmrs %0, cntvct_el0" : "=r"(v));
	return v;
}

uint64_t storm_deadline(void)
{
	uint64_t f;

	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(f));
	return storm_now() + f * WAIT_SECONDS;
}

static void spin(uint64_t n)
{
	while (n--)
		__asm__ __volatile__("yield" ::: "memory");
}

static void idle(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
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

static void cpu_off(void)
{
	psci(PSCI_CPU_OFF, 0, 0, 0);
}

static int64_t cpu_on(unsigned target, uint64_t ctx)
{
	return psci(PSCI_CPU_ON64, target, (uint64_t)(uintptr_t)storm_secondary, ctx);
}

static int aff_on(unsigned target)
{
	return psci(PSCI_AFFINITY_INFO64, target, 0, 0) == AFF_ON;
}

static int aff_off(unsigned target)
{
	return psci(PSCI_AFFINITY_INFO64, target, 0, 0) == AFF_OFF;
}

static int cpu_on_lost(int64_t answer)
{
	return answer == PSCI_ALREADY_ON || answer == PSCI_ON_PENDING;
}

/* ---- the MEM_SHARE storm's body, run by every vCPU ---------------------- */

static int64_t share(unsigned idx)
{
	(void)idx;
	return mem(KVM_MEM_SHARE, (uint64_t)(uintptr_t)ash.page);
}

static int64_t unshare(unsigned idx)
{
	(void)idx;
	return mem(KVM_MEM_UNSHARE, (uint64_t)(uintptr_t)ash.page);
}

static void share_storm(unsigned idx)
{
	storm_pair_run(&ash.share, idx, 1000, SHARE_OPS, share, unshare,
		       SMCCC_INVALID_PARAMETER);
}

static void command(unsigned me, uint32_t cmd, uint32_t arg)
{
	(void)arg;
	if (cmd == CMD_SHARE)
		share_storm(me);
}

/* hvisor on arm64 answers in x0 alone: the value, or the negative errno. */
static int64_t zone_answer(struct hcall_hvisor_ret r)
{
	return (int64_t)r.value;
}

const struct storm_arch storm_arch = {
	.spin = spin,
	.idle = idle,
	.vcpu_entry = 0,
	.off_self = cpu_off,
	.start = cpu_on,
	.is_on = aff_on,
	.is_off = aff_off,
	.start_lost = cpu_on_lost,
	.command = command,
	/* Zone 1's RAM and the shared page are the storm VM's too, as
	 * hvisor's root zone owns what it starts zones in. */
	.zone_ram_pa = ZONE_BASE,
	.zone_ram_va = ZONE_BASE,
	.zone_ram_size = ZONE_SIZE,
	.zone_shared_base = GUEST_SHARED_BASE,
	.zone_shared_size = GUEST_SHARED_SIZE,
	.zone_name = "zone2",
	.zone_answer = zone_answer,
	.zone_ops = ZONE_OPS,
	.start_all = "CPU_ON of vCPUs 1-3: SUCCESS",
	.started_once = "vCPUs 1-3 start once each, with their context id in x0",
	.all_on = "AFFINITY_INFO: all four on",
	.together = "4 vCPUs meet in a spin that never traps: they run at once on 4 CPUs",
	.not_off = "CPU_ON storm: the target did not go off in round",
	.stuck = "CPU_ON storm stuck in round",
	.unexpected = "unexpected CPU_ON answer",
	.not_one = "CPU_ON round without exactly one SUCCESS",
	.rounds_ok = "CPU_ON storm: every round ends (target off, then on again) in time",
	.one_success = "CPU_ON storm: one SUCCESS per round",
	.others_lost = "CPU_ON storm: the others ALREADY_ON or ON_PENDING",
	.no_other = "CPU_ON storm: no other answer",
	.ctx_ok = "CPU_ON storm: the target starts with the winner's context id",
	.starts_add = "CPU_ON storm: starts add up (3 + one per round)",
	.all_on_after = 0,
	.all_off = "CPU_OFF: AFFINITY_INFO reports vCPUs 1-3 off",
};

/* ---- the coordinator (vCPU 0) -------------------------------------------- */

static void mem_share_storm(void)
{
	unsigned shares, unshares, bad;
	int64_t last;

	storm_post(CMD_SHARE, 0);
	share_storm(0);
	tap_check(storm_wait_eq(&storm_sh.done, NVCPUS - 1), "MEM_SHARE storm: every vCPU finishes");
	storm_pair_sum(&ash.share, &shares, &unshares, &bad);
	tap_note_hex("MEM_SHARE successes", shares);
	tap_note_hex("MEM_UNSHARE successes", unshares);
	tap_eq("MEM_SHARE storm: only SUCCESS or INVALID_PARAMETER", bad, 0);
	/* Unsharing now tells the final state: SUCCESS only if shared. */
	last = unshare(0);
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
	storm_zone_cfg(&storm_sh.cfg[0]);
	st = storm_zone_start(0);
	tap_eq("zone_start of zone 1 (2 vCPUs): 0", (uint64_t)st, 0);
	/* WFI hands CPU 0 to the zone's vCPU 0, which starts its vCPU 1
	 * on CPU 1 and hands CPU 0 back. */
	idle();
	end = storm_deadline();
	while (!(up = flag[1] != 0) && storm_now() < end)
		;
	tap_check(up, "zone 1's vCPU 1 runs (on CPU 1, beside our idle vCPU 1)");
	irqs = guest_irq_count;
	guest_irq_enable();
	*flag = 1; /* zone vCPU 1: CPU_OFF now */
	end = storm_deadline();
	while (guest_irq_count == irqs && storm_now() < end)
		;
	guest_irq_disable();
	tap_check(guest_irq_count == irqs + 1,
		  "upcall from zone vCPU 1's CPU_OFF on CPU 1 reaches vCPU 0 here by IPI "
		  "(one virtual IRQ, taken while spinning without a trap)");
	st = storm_zone_shutdown();
	tap_eq("zone_shutdown of zone 1 (its vCPU 0 in WFI on this CPU): 0", (uint64_t)st, 0);
}

void guest_main(void)
{
	storm_seed_init();
	storm_enter(0);
	storm_bring_up();
	storm_rendezvous();
	storm_start_storm();
	mem_share_storm();
	upcall_ipi();
	storm_zone_storm_all();
	storm_all_off();
	tap_eq("CPU_ON of vCPU 4 (no such vCPU): INVALID_PARAMETERS",
	       (uint64_t)cpu_on(NVCPUS, 0), (uint64_t)(int64_t)PSCI_INVALID_PARAMETERS);
	tap_eq("no vCPU ever ran twice at once, and CPU_OFF never returned",
	       storm_load(&storm_core.twice), 0);
	storm_leave(0);
	guest_exit(tap_done() ? 1 : 0);
}
