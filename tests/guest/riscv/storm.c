/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/storm.c - the SMP storm guest: the service VM with 4
 * vCPUs under the riscv hypervisor on 4 harts (hv-riscv64-smp.elf,
 * -smp 4), vCPU n on hart n.
 *
 * vCPU 0 coordinates and prints TAP; vCPUs 1-3 are started with SBI HSM
 * hart_start at storm_secondary (storm_entry.S) and take commands from
 * shared memory. The machinery, the hart_start and zone storms are the
 * portable ones of ../storm_common.c; this file holds what is riscv's:
 * the time CSR that bounds every wait, SBI HSM, IPI and RFENCE, the trap
 * slots, and the upcall.
 *
 * Storms, each followed by its invariants:
 *   hart_start  each round one worker stops itself (hart_stop); the three
 *               other vCPUs, released together (random jitter),
 *               hart_start it. Exactly one SUCCESS, the others
 *               ALREADY_AVAILABLE; the worker comes up once, with the
 *               winner's opaque value in a1.
 *   IPI ring    an IPI (SBI send_ipi) passed round the four vCPUs, each
 *               spinning with interrupts on and never trapping until its
 *               turn: the supervisor software interrupt reaches each
 *               exactly once per lap, on its own hart.
 *   IPI storm   all four send IPIs to random sets of vCPUs at once. Each
 *               answer is SUCCESS; each vCPU takes at least one and at
 *               most as many as were sent to it (pending IPIs merge).
 *   RFENCE      all four ask remote fences (fence.i, sfence.vma of all or
 *               a range) of random sets of harts at once, so harts wait on
 *               each other's fences: each answer is SUCCESS and every vCPU
 *               finishes (no hart waits forever). After the harts stop, a
 *               remote fence of the stopped harts still answers SUCCESS.
 *               (Whether a TLB was flushed is not visible from here.)
 *   upcall      zone 1's vCPU 1 (zone2.S, on hart 1) makes a virtio
 *               request while vCPU 0 here spins with interrupts on and
 *               never traps: the service VM's upcall can only reach it if
 *               the hypervisor interrupts hart 0.
 *   zones       all four vCPUs zone_start and zone_shutdown hvisor zone 1
 *               at random. Each answer is 0 or -EINVAL (hvisor v0.4's
 *               answer to the start of a running zone and the shutdown
 *               of a stopped one);
 *               successful starts equal successful shutdowns, plus one if
 *               the zone ends running; zone_list then shows each running zone
 *               exactly once.
 * Throughout: no vCPU runs twice (each marks itself running on entry and
 * checks nobody was), and hart_stop never returns.
 *
 * The random choices come from one seed, printed first; build with
 * -DSTORM_SEED=0x... to replay one.
 *
 * Expected codes and function IDs are written here from the RISC-V SBI
 * specification (v2.0: HSM chapter 9, IPI chapter 7, error codes table 1)
 * and hvisor's answers (negative Linux errno values), not taken from
 * hcall's tables.
 */
#include <hcall/hvisor.h>
#include <hcall/sbi.h>

#define TAP_IMPLEMENTATION
#include "../tap.h"
#include "../guest.h"
#include "../storm.h"
#include "rv_guest.h"

#define EID_HSM 0x48534Du
#define HSM_HART_START 0
#define HSM_HART_STOP 1
#define HSM_HART_GET_STATUS 2
#define HSM_STARTED 0
#define HSM_STOPPED 1
#define EID_IPI 0x735049u
#define IPI_SEND_IPI 0
#define EID_RFNC 0x52464E43u
#define RFNC_FENCE_I 0
#define RFNC_SFENCE_VMA 1
#define HART_MASK_BASE_ALL (~0ull)
#define SBI_SUCCESS 0
#define SBI_ERR_INVALID_PARAM (-3)
#define SBI_ERR_ALREADY_AVAILABLE (-6)
/* Two flag words zone2.S watches and sets, in the shared page. */
#define ZONE_FLAGS ((volatile uint64_t *)(uintptr_t)(RV_G_SHARED_BASE + 0x800))
#define SIE_SSIE (1ul << 1)
#define SSTATUS_SIE (1ul << 1)

#define RING_LAPS 8
#define IPI_OPS 40
#define ZONE_OPS 40
#define FENCE_OPS 40
/* A wait longer than this many seconds of the time CSR (10 MHz on QEMU
 * virt) is a failure. */
#define WAIT_TICKS (5ull * 10000000ull)

/* storm_entry.S: its per-vCPU trap slot (SLOT = 32 bytes). */
struct storm_slot {
	uint64_t save_t1;
	uint64_t irqs;   /* supervisor software interrupts taken */
	uint64_t fault;  /* scause of any other trap, 0 = none */
	uint64_t pad;
};
struct storm_slot storm_slots[NVCPUS];
void storm_install(uint64_t hart);

/* The IPI and RFENCE storms' part of the shared memory. */
static struct {
	uint32_t ring_ok[NVCPUS];   /* laps each vCPU saw its IPI in */
	uint32_t sent_to[NVCPUS];   /* IPIs sent to each vCPU in the storm */
	uint32_t ipi_bad[NVCPUS];   /* send_ipi answers other than SUCCESS */
	uint32_t fence_bad[NVCPUS]; /* remote fence answers other than SUCCESS */
	uint64_t ring_base[NVCPUS]; /* IPIs each vCPU had taken before the ring */
} rsh;

enum { CMD_RING = CMD_ARCH, CMD_IPI, CMD_FENCE };

/* ---- helpers ------------------------------------------------------------ */

uint64_t storm_now(void)
{
	uint64_t t;

	__asm__ __volatile__("csrr %0, time" : "=r"(t));
	return t;
}

uint64_t storm_deadline(void)
{
	return storm_now() + WAIT_TICKS;
}

static void spin(uint64_t n)
{
	while (n--)
		__asm__ __volatile__("nop" ::: "memory");
}

static void idle(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
}

static uint64_t irqs(unsigned idx)
{
	return __atomic_load_n(&storm_slots[idx].irqs, __ATOMIC_ACQUIRE);
}

static void irq_on(void)
{
	__asm__ __volatile__("csrs sie, %0\n\tcsrs sstatus, %1"
			     : : "r"(SIE_SSIE), "r"(SSTATUS_SIE) : "memory");
}

static void vcpu_entry(unsigned me)
{
	(void)me;
	irq_on();
}

static int64_t hart_start(unsigned hart, uint64_t opaque)
{
	return (int64_t)hcall_sbi_call3(EID_HSM, HSM_HART_START, hart,
					(uint64_t)(uintptr_t)storm_secondary, opaque).error;
}

static void hart_stop(void)
{
	(void)hcall_sbi_call0(EID_HSM, HSM_HART_STOP);
}

static int64_t hart_status(uint64_t hart)
{
	struct hcall_sbi_ret r = hcall_sbi_call1(EID_HSM, HSM_HART_GET_STATUS, hart);

	return r.error ? (int64_t)r.error : (int64_t)r.value;
}

static int hart_started(unsigned hart)
{
	return hart_status(hart) == HSM_STARTED;
}

static int hart_stopped(unsigned hart)
{
	return hart_status(hart) == HSM_STOPPED;
}

static int hart_start_lost(int64_t answer)
{
	return answer == SBI_ERR_ALREADY_AVAILABLE;
}

static int64_t send_ipi(uint64_t mask, uint64_t base)
{
	return (int64_t)hcall_sbi_call2(EID_IPI, IPI_SEND_IPI, mask, base).error;
}

/* remote_fence_i, or remote_sfence_vma of [start, start + size). */
static int64_t rfence(int vma, uint64_t mask, uint64_t base, uint64_t start, uint64_t size)
{
	if (!vma)
		return (int64_t)hcall_sbi_call2(EID_RFNC, RFNC_FENCE_I, mask, base).error;
	return (int64_t)hcall_sbi_call4(EID_RFNC, RFNC_SFENCE_VMA, mask, base, start,
					size).error;
}

/* Wait until vCPU idx has taken `want` IPIs, without trapping. */
static int wait_irqs(unsigned idx, uint64_t want)
{
	uint64_t end = storm_deadline();

	while (irqs(idx) < want)
		if (storm_now() > end)
			return 0;
	return 1;
}

/* ---- the storms' bodies, run by every vCPU concerned --------------------- */

/* One lap: wait for the IPI from the previous vCPU, pass it on. vCPU 0
 * sends first. */
static void ring(unsigned idx)
{
	uint64_t base = rsh.ring_base[idx];
	unsigned lap;

	for (lap = 0; lap < RING_LAPS; lap++) {
		if (idx == 0 && send_ipi(1ul << 1, 0) != SBI_SUCCESS)
			return;
		if (!wait_irqs(idx, base + lap + 1))
			return;
		if (idx != 0 && send_ipi(1ul << ((idx + 1) % NVCPUS), 0) != SBI_SUCCESS)
			return;
		rsh.ring_ok[idx]++;
	}
}

static void ipi_storm(unsigned idx)
{
	unsigned i, t;

	for (i = 0; i < IPI_OPS; i++) {
		uint64_t r = storm_rnd(3000 + i, idx);
		uint64_t mask = (r >> 16) & 0xf;

		if (!mask)
			mask = 1ul << (r % NVCPUS);
		spin((r >> 8) % 64);
		for (t = 0; t < NVCPUS; t++)
			if (mask >> t & 1)
				__atomic_fetch_add(&rsh.sent_to[t], 1u, __ATOMIC_ACQ_REL);
		if (send_ipi(mask, 0) != SBI_SUCCESS)
			rsh.ipi_bad[idx]++;
	}
}

static void fence_storm(unsigned idx)
{
	unsigned i;

	for (i = 0; i < FENCE_OPS; i++) {
		uint64_t r = storm_rnd(7000 + i, idx);
		uint64_t mask = (r >> 16) & 0xf, base = 0;

		if (!mask)
			base = HART_MASK_BASE_ALL;
		spin((r >> 8) % 64);
		if (rfence((r & 3) != 0, mask, base, (r & 2) ? RV_G_RAM_BASE : 0,
			   (r & 2) ? 0x3000 : ~0ull) != SBI_SUCCESS)
			rsh.fence_bad[idx]++;
	}
}

static void command(unsigned me, uint32_t cmd, uint32_t arg)
{
	(void)arg;
	switch (cmd) {
	case CMD_RING:
		ring(me);
		break;
	case CMD_IPI:
		ipi_storm(me);
		break;
	case CMD_FENCE:
		fence_storm(me);
		break;
	}
}

/* hvisor on riscv (v0.4 sbi.rs): a0 = 0 and a1 = the value, or a0 = -1
 * and a1 = the negative errno. One number, as on the other
 * architectures: the error if any. */
static int64_t zone_answer(struct hcall_hvisor_ret r)
{
	if ((int64_t)r.error == -1)
		return (int64_t)r.value;
	return r.error ? (int64_t)r.error : (int64_t)r.value;
}

const struct storm_arch storm_arch = {
	.spin = spin,
	.idle = idle,
	.vcpu_entry = vcpu_entry,
	.off_self = hart_stop,
	.start = hart_start,
	.is_on = hart_started,
	.is_off = hart_stopped,
	.start_lost = hart_start_lost,
	.command = command,
	/* Zone 1's RAM where the root zone sees it, at the address its
	 * image is linked at. */
	.zone_ram_pa = RV_G_NORMAL_RAM_PA,
	.zone_ram_va = RV_G_RAM_BASE,
	.zone_ram_size = RV_G_RAM_SIZE,
	.zone_shared_base = RV_G_SHARED_BASE,
	.zone_shared_size = RV_G_SHARED_SIZE,
	.zone_name = "zone1",
	.zone_answer = zone_answer,
	.zone_ops = ZONE_OPS,
	.start_all = "hart_start of harts 1-3: SUCCESS",
	.started_once = "harts 1-3 start once each, with their opaque value in a1",
	.all_on = "hart_get_status: all four STARTED",
	.together = "4 vCPUs meet in a spin that never traps: they run at once on 4 harts",
	.not_off = "hart_start storm: the target did not stop in round",
	.stuck = "hart_start storm stuck in round",
	.unexpected = "unexpected hart_start answer",
	.not_one = "hart_start round without exactly one SUCCESS",
	.rounds_ok = "hart_start storm: every round ends (target stopped, then started) in time",
	.one_success = "hart_start storm: one SUCCESS per round",
	.others_lost = "hart_start storm: the others ALREADY_AVAILABLE",
	.no_other = "hart_start storm: no other answer",
	.ctx_ok = "hart_start storm: the target starts with the winner's opaque value",
	.starts_add = "hart_start storm: starts add up (3 + one per round)",
	.all_on_after = "hart_start storm: all four STARTED after it",
	.all_off = "hart_stop: hart_get_status reports harts 1-3 STOPPED",
};

/* ---- the coordinator (vCPU 0) -------------------------------------------- */

static void ipi_ring(void)
{
	unsigned i, ok = 1;

	/* Taken before anyone sends: vCPU 0 may send before the others look. */
	for (i = 0; i < NVCPUS; i++)
		rsh.ring_base[i] = irqs(i);
	storm_post(CMD_RING, 0);
	ring(0);
	tap_check(storm_wait_eq(&storm_sh.done, NVCPUS - 1), "IPI ring: every vCPU finishes");
	for (i = 0; i < NVCPUS; i++)
		ok &= rsh.ring_ok[i] == RING_LAPS;
	if (!ok)
		for (i = 0; i < NVCPUS; i++)
			tap_note_hex("laps seen", rsh.ring_ok[i]);
	tap_check(ok, "IPI ring: each vCPU took the IPI on its hart once per lap, spinning "
		      "without a trap");
}

static void ipi_storm_all(void)
{
	uint64_t base[NVCPUS], end;
	unsigned i, bad = 0, got_one = 1, not_more = 1;

	for (i = 0; i < NVCPUS; i++)
		base[i] = irqs(i);
	storm_post(CMD_IPI, 0);
	ipi_storm(0);
	tap_check(storm_wait_eq(&storm_sh.done, NVCPUS - 1), "IPI storm: every vCPU finishes");
	for (i = 0; i < NVCPUS; i++)
		bad += rsh.ipi_bad[i];
	tap_eq("IPI storm: every send_ipi answers SUCCESS", bad, 0);
	end = storm_deadline();
	for (i = 0; i < NVCPUS; i++) {
		while (storm_load(&rsh.sent_to[i]) && irqs(i) == base[i] && storm_now() < end)
			;
		got_one &= !storm_load(&rsh.sent_to[i]) || irqs(i) > base[i];
		not_more &= irqs(i) - base[i] <= storm_load(&rsh.sent_to[i]);
		tap_note_hex("IPIs sent to / taken by vCPU", i);
		tap_note_hex("  sent", storm_load(&rsh.sent_to[i]));
		tap_note_hex("  taken", irqs(i) - base[i]);
	}
	tap_check(got_one, "IPI storm: each vCPU sent an IPI takes at least one");
	tap_check(not_more, "IPI storm: none takes more than were sent to it");
	tap_eq("send_ipi to hart 4 (the VM has 4): INVALID_PARAM",
	       (uint64_t)send_ipi(1, NVCPUS), (uint64_t)(int64_t)SBI_ERR_INVALID_PARAM);
}

static void fence_storm_all(void)
{
	unsigned i, bad = 0;

	storm_post(CMD_FENCE, 0);
	fence_storm(0);
	tap_check(storm_wait_eq(&storm_sh.done, NVCPUS - 1),
		  "RFENCE storm: every vCPU finishes (no hart waits forever on another's fence)");
	for (i = 0; i < NVCPUS; i++)
		bad += rsh.fence_bad[i];
	tap_eq("RFENCE storm: every remote fence answers SUCCESS", bad, 0);
}

static void upcall_ipi(void)
{
	volatile uint64_t *flag = ZONE_FLAGS;
	uint64_t base, end;
	unsigned up;
	int64_t st;

	flag[0] = 0;
	flag[1] = 0;
	storm_zone_cfg(&storm_sh.cfg[0]);
	st = storm_zone_start(0);
	tap_eq("zone_start of zone 1 (2 vCPUs): 0", (uint64_t)st, 0);
	/* WFI hands hart 0 to the zone's vCPU 0, which starts its vCPU 1
	 * on hart 1 and hands hart 0 back. */
	end = storm_deadline();
	while (!(up = flag[1] != 0) && storm_now() < end)
		idle();
	tap_check(up, "zone 1's vCPU 1 runs (on hart 1, beside our vCPU 1)");
	base = irqs(0);
	flag[0] = 1; /* zone vCPU 1: the virtio request now */
	end = storm_deadline();
	while (irqs(0) == base && storm_now() < end)
		;
	tap_eq("upcall from zone vCPU 1's virtio request on hart 1 reaches vCPU 0 here by "
	       "IPI (one interrupt, taken while spinning without a trap)", irqs(0) - base, 1);
	flag[0] = 0;
	st = storm_zone_shutdown();
	tap_eq("zone_shutdown of zone 1: 0", (uint64_t)st, 0);
}

void guest_main(void)
{
	unsigned i, faults = 0;

	storm_seed_init();
	storm_install(0);
	irq_on();
	storm_enter(0);
	storm_bring_up();
	storm_rendezvous();
	storm_start_storm();
	ipi_ring();
	ipi_storm_all();
	fence_storm_all();
	upcall_ipi();
	storm_zone_storm_all();
	storm_all_off();
	tap_eq("hart_start of hart 4 (no such hart): INVALID_PARAM",
	       (uint64_t)hart_start(NVCPUS, 0), (uint64_t)(int64_t)SBI_ERR_INVALID_PARAM);
	tap_eq("remote_sfence_vma of the stopped harts 1-3: SUCCESS",
	       (uint64_t)rfence(1, 0xe, 0, 0, ~0ull), 0);
	for (i = 0; i < NVCPUS; i++)
		faults += storm_slots[i].fault != 0;
	tap_eq("no vCPU took a trap other than an IPI", faults, 0);
	tap_eq("no vCPU ever ran twice at once, and hart_stop never returned",
	       storm_load(&storm_core.twice), 0);
	storm_leave(0);
	guest_exit(tap_done() ? 1 : 0);
}
