/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/storm.c - the SMP storm guest: the service VM with 4
 * vCPUs under the riscv hypervisor on 4 harts (hv-riscv64-smp.elf,
 * -smp 4), vCPU n on hart n.
 *
 * vCPU 0 coordinates and prints TAP; vCPUs 1-3 are started with SBI HSM
 * hart_start at storm_secondary (storm_entry.S) and take commands from
 * shared memory. Spins between vCPUs never trap: a rendezvous of all four
 * can only complete if they run at the same time on different harts (the
 * hypervisor does not preempt). Every wait is bounded by the time CSR.
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
#define EINVAL_ 22
#define ZONE 1
/* Two flag words zone2.S watches and sets, in the shared page. */
#define ZONE_FLAGS ((volatile uint64_t *)(uintptr_t)(RV_G_SHARED_BASE + 0x800))
#define SIE_SSIE (1ul << 1)
#define SSTATUS_SIE (1ul << 1)

#define NVCPUS 4
#define STORM_STACK 0x2000
#define ON_ROUNDS 16
#define RING_LAPS 8
#define IPI_OPS 40
#define ZONE_OPS 40
#define FENCE_OPS 40
#define JITTER 512u
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
uint8_t storm_stacks[NVCPUS][STORM_STACK] __attribute__((aligned(16)));
void storm_secondary(void);
void storm_install(uint64_t hart);
void storm_vcpu(uint64_t opaque, uint64_t hart);

/* Everything the vCPUs share; written with atomics or before a release. */
static struct {
	uint32_t running[NVCPUS];   /* 1 while the vCPU runs storm code */
	uint32_t twice;             /* someone found a vCPU already running */
	uint32_t starts[NVCPUS];    /* entries at storm_secondary */
	uint64_t opaque[NVCPUS];    /* a1 of the last entry */
	uint32_t arrived;           /* rendezvous counter */
	uint32_t cmd_seq;           /* command generation */
	uint32_t cmd;               /* enum cmd */
	uint32_t arg;
	uint32_t done;              /* workers finished the command */
	int64_t on_res[NVCPUS];     /* each caller's hart_start answer, this round */
	uint32_t ring_ok[NVCPUS];   /* laps each vCPU saw its IPI in */
	uint32_t sent_to[NVCPUS];   /* IPIs sent to each vCPU in the storm */
	uint32_t ipi_bad[NVCPUS];   /* send_ipi answers other than SUCCESS */
	uint32_t fence_bad[NVCPUS]; /* remote fence answers other than SUCCESS */
	uint32_t zstart_ok[NVCPUS], zstop_ok[NVCPUS], zone_bad[NVCPUS];
	int64_t zone_last_bad;      /* the last answer counted in zone_bad */
	uint64_t ring_base[NVCPUS]; /* IPIs each vCPU had taken before the ring */
	hcall_hvisor_zone_config_t cfg[NVCPUS] __attribute__((aligned(16)));
	struct hcall_hvisor_zone_info zones[8] __attribute__((aligned(16)));
} sh;

enum cmd { CMD_NONE, CMD_RENDEZVOUS, CMD_OFF_ONE, CMD_START, CMD_RING, CMD_IPI,
	   CMD_FENCE, CMD_ZONE, CMD_OFF };

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
	uint64_t t;

	__asm__ __volatile__("csrr %0, time" : "=r"(t));
	return t;
}

static uint64_t deadline(void)
{
	return now() + WAIT_TICKS;
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
		__asm__ __volatile__("nop" ::: "memory");
}

static uint32_t load(uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
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

static int64_t hart_start(uint64_t hart, uint64_t opaque)
{
	return (int64_t)hcall_sbi_call3(EID_HSM, HSM_HART_START, hart,
					(uint64_t)(uintptr_t)storm_secondary, opaque).error;
}

static int64_t hart_status(uint64_t hart)
{
	struct hcall_sbi_ret r = hcall_sbi_call1(EID_HSM, HSM_HART_GET_STATUS, hart);

	return r.error ? (int64_t)r.error : (int64_t)r.value;
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

/* Wait until *p == want, without trapping. 1 on time, 0 late. */
static int wait_eq(uint32_t *p, uint32_t want)
{
	uint64_t end = deadline();

	while (load(p) != want)
		if (now() > end)
			return 0;
	return 1;
}

/* Wait until vCPU idx has taken `want` IPIs, without trapping. */
static int wait_irqs(unsigned idx, uint64_t want)
{
	uint64_t end = deadline();

	while (irqs(idx) < want)
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

static int wait_stopped(unsigned target)
{
	uint64_t end = deadline();

	while (hart_status(target) != HSM_STOPPED)
		if (now() > end)
			return 0;
	return 1;
}

/* hart_stop; it must not return. */
static __attribute__((noreturn)) void stop_self(unsigned me)
{
	leave(me);
	(void)hcall_sbi_call0(EID_HSM, HSM_HART_STOP);
	__atomic_fetch_add(&sh.twice, 0x10000u, __ATOMIC_RELAXED);
	for (;;)
		;
}

/* ---- the storms' bodies, run by every vCPU concerned --------------------- */

static void start_caller(unsigned idx, unsigned round, unsigned target)
{
	spin(rnd(round, idx) % JITTER);
	sh.on_res[idx] = hart_start(target, (uint64_t)round << 8 | idx);
}

/* One lap: wait for the IPI from the previous vCPU, pass it on. vCPU 0
 * sends first. */
static void ring(unsigned idx)
{
	uint64_t base = sh.ring_base[idx];
	unsigned lap;

	for (lap = 0; lap < RING_LAPS; lap++) {
		if (idx == 0 && send_ipi(1ul << 1, 0) != SBI_SUCCESS)
			return;
		if (!wait_irqs(idx, base + lap + 1))
			return;
		if (idx != 0 && send_ipi(1ul << ((idx + 1) % NVCPUS), 0) != SBI_SUCCESS)
			return;
		sh.ring_ok[idx]++;
	}
}

static void ipi_storm(unsigned idx)
{
	unsigned i, t;

	for (i = 0; i < IPI_OPS; i++) {
		uint64_t r = rnd(3000 + i, idx);
		uint64_t mask = (r >> 16) & 0xf;

		if (!mask)
			mask = 1ul << (r % NVCPUS);
		spin((r >> 8) % 64);
		for (t = 0; t < NVCPUS; t++)
			if (mask >> t & 1)
				__atomic_fetch_add(&sh.sent_to[t], 1u, __ATOMIC_ACQ_REL);
		if (send_ipi(mask, 0) != SBI_SUCCESS)
			sh.ipi_bad[idx]++;
	}
}

static void fence_storm(unsigned idx)
{
	unsigned i;

	for (i = 0; i < FENCE_OPS; i++) {
		uint64_t r = rnd(7000 + i, idx);
		uint64_t mask = (r >> 16) & 0xf, base = 0;

		if (!mask)
			base = HART_MASK_BASE_ALL;
		spin((r >> 8) % 64);
		if (rfence((r & 3) != 0, mask, base, (r & 2) ? RV_G_RAM_BASE : 0,
			   (r & 2) ? 0x3000 : ~0ull) != SBI_SUCCESS)
			sh.fence_bad[idx]++;
	}
}

/* Zone 1's hvisor zone_config: its RAM where the root zone sees it, at
 * the address its image is linked at, and the shared page; hvisor CPUs 4
 * and 5 (the storm VM, the root zone, holds 0-3): two vCPUs. */
static void zone_cfg(hcall_hvisor_zone_config_t *c)
{
	unsigned i;

	__builtin_memset(c, 0, sizeof(*c));
	c->zone_id = ZONE;
	c->cpus = (1u << 4) | (1u << 5);
	c->num_memory_regions = 2;
	c->memory_regions[0].type = HCALL_HVISOR_MEM_TYPE_RAM;
	c->memory_regions[0].physical_start = RV_G_NORMAL_RAM_PA;
	c->memory_regions[0].virtual_start = RV_G_RAM_BASE;
	c->memory_regions[0].size = RV_G_RAM_SIZE;
	c->memory_regions[1].type = HCALL_HVISOR_MEM_TYPE_RAM;
	c->memory_regions[1].physical_start = RV_G_SHARED_BASE;
	c->memory_regions[1].virtual_start = RV_G_SHARED_BASE;
	c->memory_regions[1].size = RV_G_SHARED_SIZE;
	c->entry_point = RV_G_RAM_BASE;
	for (i = 0; i < 5; i++)
		c->name[i] = "zone1"[i];
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

static int64_t zone_start(unsigned idx)
{
	return zone_answer(hcall_hvisor_call(HCALL_HVISOR_ZONE_START,
					     (uint64_t)(uintptr_t)&sh.cfg[idx],
					     sizeof(sh.cfg[idx])));
}

static int64_t zone_shutdown(void)
{
	return zone_answer(hcall_hvisor_call(HCALL_HVISOR_ZONE_SHUTDOWN, ZONE, 0));
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
				sh.zone_bad[idx]++, sh.zone_last_bad = st;
		} else {
			st = zone_shutdown();
			if (st == 0)
				sh.zstop_ok[idx]++;
			else if (st != -EINVAL_)
				sh.zone_bad[idx]++, sh.zone_last_bad = st;
		}
	}
}

/* ---- workers (vCPUs 1-3) ------------------------------------------------- */

void storm_vcpu(uint64_t opaque, uint64_t hart)
{
	unsigned me = (unsigned)hart, n;
	uint32_t seen;

	enter(me);
	__atomic_store_n(&sh.opaque[me], opaque, __ATOMIC_RELAXED);
	seen = load(&sh.cmd_seq);
	irq_on();
	__atomic_fetch_add(&sh.starts[me], 1u, __ATOMIC_RELEASE);
	for (;;) {
		uint32_t cmd, arg;

		/* A WFI now and then while idle: the hypervisor may run
		 * another vCPU pinned to this hart meanwhile. */
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
			if (me == arg)
				stop_self(me); /* the others race to start it again */
			break;
		case CMD_START:
			start_caller(me, arg >> 8, arg & 0xff);
			break;
		case CMD_RING:
			ring(me);
			break;
		case CMD_IPI:
			ipi_storm(me);
			break;
		case CMD_FENCE:
			fence_storm(me);
			break;
		case CMD_ZONE:
			zone_storm(me);
			break;
		case CMD_OFF:
			__atomic_fetch_add(&sh.done, 1u, __ATOMIC_ACQ_REL);
			stop_self(me);
		}
		__atomic_fetch_add(&sh.done, 1u, __ATOMIC_ACQ_REL);
	}
}

/* ---- the coordinator (vCPU 0) -------------------------------------------- */

/* Post a command to the workers; done counts up from zero. */
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

	for (i = 1; i < NVCPUS; i++)
		ok &= hart_start(i, i) == SBI_SUCCESS;
	tap_check(ok, "hart_start of harts 1-3: SUCCESS");
	ok = 1;
	for (i = 1; i < NVCPUS; i++)
		ok &= wait_eq(&sh.starts[i], 1) && sh.opaque[i] == i;
	tap_check(ok, "harts 1-3 start once each, with their opaque value in a1");
	ok = 1;
	for (i = 0; i < NVCPUS; i++)
		ok &= hart_status(i) == HSM_STARTED;
	tap_check(ok, "hart_get_status: all four STARTED");
}

static void rendezvous(void)
{
	post(CMD_RENDEZVOUS, 0);
	__atomic_fetch_add(&sh.arrived, 1u, __ATOMIC_ACQ_REL);
	tap_check(wait_eq(&sh.arrived, NVCPUS),
		  "4 vCPUs meet in a spin that never traps: they run at once on 4 harts");
	tap_check(wait_eq(&sh.done, NVCPUS - 1), "the workers leave the rendezvous");
}

static void hart_start_storm(void)
{
	unsigned round, wins = 0, lost = 0, other = 0, opaque_ok = 1, rounds_ok = 1;
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
		if (!wait_eq(&sh.done, NVCPUS - 2) || !wait_stopped(target)) {
			tap_note_hex("hart_start storm: the target did not stop in round", round);
			rounds_ok = 0;
			break;
		}
		post(CMD_START, round << 8 | target);
		start_caller(0, round, target);
		/* The two callers besides vCPU 0, then the target's start. */
		if (!wait_eq(&sh.done, NVCPUS - 2) ||
		    !wait_eq(&sh.starts[target], starts[target] + 1)) {
			tap_note_hex("hart_start storm stuck in round", round);
			rounds_ok = 0;
			break;
		}
		starts[target]++;
		for (i = 0; i < NVCPUS; i++) {
			if (i == target)
				continue;
			if (sh.on_res[i] == SBI_SUCCESS) {
				ok_here++;
				wins++;
				if (__atomic_load_n(&sh.opaque[target], __ATOMIC_ACQUIRE) !=
				    (round << 8 | i))
					opaque_ok = 0;
			} else if (sh.on_res[i] == SBI_ERR_ALREADY_AVAILABLE) {
				lost++;
			} else {
				other++;
				tap_note_hex("unexpected hart_start answer", (uint64_t)sh.on_res[i]);
			}
		}
		if (ok_here != 1)
			tap_note_hex("hart_start round without exactly one SUCCESS", round);
	}
	tap_check(rounds_ok, "hart_start storm: every round ends (target stopped, then started) in time");
	tap_eq("hart_start storm: one SUCCESS per round", wins, ON_ROUNDS);
	tap_eq("hart_start storm: the others ALREADY_AVAILABLE", lost, 2 * ON_ROUNDS);
	tap_eq("hart_start storm: no other answer", other, 0);
	tap_check(opaque_ok, "hart_start storm: the target starts with the winner's opaque value");
	tap_check(load(&sh.starts[1]) + load(&sh.starts[2]) + load(&sh.starts[3]) ==
		  3 + ON_ROUNDS, "hart_start storm: starts add up (3 + one per round)");
	tap_check(hart_status(1) == HSM_STARTED && hart_status(2) == HSM_STARTED &&
		  hart_status(3) == HSM_STARTED, "hart_start storm: all four STARTED after it");
}

static void ipi_ring(void)
{
	unsigned i, ok = 1;

	/* Taken before anyone sends: vCPU 0 may send before the others look. */
	for (i = 0; i < NVCPUS; i++)
		sh.ring_base[i] = irqs(i);
	post(CMD_RING, 0);
	ring(0);
	tap_check(wait_eq(&sh.done, NVCPUS - 1), "IPI ring: every vCPU finishes");
	for (i = 0; i < NVCPUS; i++)
		ok &= sh.ring_ok[i] == RING_LAPS;
	if (!ok)
		for (i = 0; i < NVCPUS; i++)
			tap_note_hex("laps seen", sh.ring_ok[i]);
	tap_check(ok, "IPI ring: each vCPU took the IPI on its hart once per lap, spinning "
		      "without a trap");
}

static void ipi_storm_all(void)
{
	uint64_t base[NVCPUS], end;
	unsigned i, bad = 0, got_one = 1, not_more = 1;

	for (i = 0; i < NVCPUS; i++)
		base[i] = irqs(i);
	post(CMD_IPI, 0);
	ipi_storm(0);
	tap_check(wait_eq(&sh.done, NVCPUS - 1), "IPI storm: every vCPU finishes");
	for (i = 0; i < NVCPUS; i++)
		bad += sh.ipi_bad[i];
	tap_eq("IPI storm: every send_ipi answers SUCCESS", bad, 0);
	end = deadline();
	for (i = 0; i < NVCPUS; i++) {
		while (load(&sh.sent_to[i]) && irqs(i) == base[i] && now() < end)
			;
		got_one &= !load(&sh.sent_to[i]) || irqs(i) > base[i];
		not_more &= irqs(i) - base[i] <= load(&sh.sent_to[i]);
		tap_note_hex("IPIs sent to / taken by vCPU", i);
		tap_note_hex("  sent", load(&sh.sent_to[i]));
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

	post(CMD_FENCE, 0);
	fence_storm(0);
	tap_check(wait_eq(&sh.done, NVCPUS - 1),
		  "RFENCE storm: every vCPU finishes (no hart waits forever on another's fence)");
	for (i = 0; i < NVCPUS; i++)
		bad += sh.fence_bad[i];
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
	zone_cfg(&sh.cfg[0]);
	st = zone_start(0);
	tap_eq("zone_start of zone 1 (2 vCPUs): 0", (uint64_t)st, 0);
	/* WFI hands hart 0 to the zone's vCPU 0, which starts its vCPU 1
	 * on hart 1 and hands hart 0 back. */
	end = deadline();
	while (!(up = flag[1] != 0) && now() < end)
		__asm__ __volatile__("wfi" ::: "memory");
	tap_check(up, "zone 1's vCPU 1 runs (on hart 1, beside our vCPU 1)");
	base = irqs(0);
	flag[0] = 1; /* zone vCPU 1: the virtio request now */
	end = deadline();
	while (irqs(0) == base && now() < end)
		;
	tap_eq("upcall from zone vCPU 1's virtio request on hart 1 reaches vCPU 0 here by "
	       "IPI (one interrupt, taken while spinning without a trap)", irqs(0) - base, 1);
	flag[0] = 0;
	st = zone_shutdown();
	tap_eq("zone_shutdown of zone 1: 0", (uint64_t)st, 0);
}

/* No zone lost or duplicated: after the final shutdown only the root
 * zone runs (hvisor's zone_list lists running zones: id, CPUs, name). */
static int zones_after_storm(void)
{
	int64_t n = zone_answer(hcall_hvisor_call(HCALL_HVISOR_ZONE_LIST,
						  (uint64_t)(uintptr_t)sh.zones, 8));
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
	if (!tap_eq("zone storm: only 0 or -EINVAL", bad, 0))
		tap_note_hex("the last other answer", (uint64_t)sh.zone_last_bad);
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
		ok &= wait_stopped(i);
	tap_check(ok, "hart_stop: hart_get_status reports harts 1-3 STOPPED");
	tap_eq("hart_start of hart 4 (no such hart): INVALID_PARAM",
	       (uint64_t)hart_start(NVCPUS, 0), (uint64_t)(int64_t)SBI_ERR_INVALID_PARAM);
	tap_eq("remote_sfence_vma of the stopped harts 1-3: SUCCESS",
	       (uint64_t)rfence(1, 0xe, 0, 0, ~0ull), 0);
}

void guest_main(void)
{
	unsigned i, faults = 0;

#ifdef STORM_SEED
	seed = STORM_SEED;
#else
	seed = now();
#endif
	tap_note_hex("storm seed (rebuild with -DSTORM_SEED=<seed> to replay)", seed);
	storm_install(0);
	irq_on();
	enter(0);
	bring_up();
	rendezvous();
	hart_start_storm();
	ipi_ring();
	ipi_storm_all();
	fence_storm_all();
	upcall_ipi();
	zone_storm_all();
	all_off();
	for (i = 0; i < NVCPUS; i++)
		faults += storm_slots[i].fault != 0;
	tap_eq("no vCPU took a trap other than an IPI", faults, 0);
	tap_eq("no vCPU ever ran twice at once, and hart_stop never returned", load(&sh.twice), 0);
	leave(0);
	guest_exit(tap_done() ? 1 : 0);
}
