/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/storm_common.c - the SMP storm machinery of storm.h: what
 * the arm64 and riscv storm guests run alike, with the architecture's
 * parts called through storm_arch.
 *
 * Spins between vCPUs never trap: a rendezvous of all four can only
 * complete if they run at the same time on different physical CPUs (the
 * hypervisor does not preempt). Every wait is bounded by the
 * architecture's clock.
 *
 * The start storm: each round one worker switches itself off; the three
 * other vCPUs, released together (random jitter), start it. Exactly one
 * SUCCESS, the others lose (the architecture says with which answers);
 * the worker comes up once, with the winner's context value.
 *
 * The zone storm: all four vCPUs zone_start and zone_shutdown hvisor zone
 * 1 at random. Each answer is 0 or -EINVAL (hvisor v0.4's answer to the
 * start of a running zone and the shutdown of a stopped one, src/zone.rs
 * and src/hypercall/mod.rs); successful starts equal successful
 * shutdowns, plus one if the zone ends running; zone_list then shows the
 * running zones once each.
 *
 * Throughout: no vCPU runs twice (each marks itself running on entry and
 * checks nobody was), and switching off never returns.
 */
#include "storm.h"
#include "tap.h"
#include "guest.h"
#include "hvisor_cfg.h"

struct storm_shared storm_sh;
uint8_t storm_stacks[NVCPUS][STORM_STACK] __attribute__((aligned(16)));

void tap_putc(char c)
{
	if (c == '\n')
		guest_putc('\r');
	guest_putc(c);
}

/* ---- helpers ------------------------------------------------------------ */

static int wait_off(unsigned target)
{
	uint64_t end = storm_deadline();

	while (!storm_arch.is_off(target))
		if (storm_now() > end)
			return 0;
	return 1;
}

/* Switch off; it must not return. */
static __attribute__((noreturn)) void stop_self(unsigned me)
{
	storm_leave(me);
	storm_arch.off_self();
	__atomic_fetch_add(&storm_core.twice, 0x10000u, __ATOMIC_RELAXED);
	for (;;)
		;
}

/* ---- the storms' bodies, run by every vCPU concerned --------------------- */

static void start_caller(unsigned idx, unsigned round, unsigned target)
{
	storm_arch.spin(storm_rnd(round, idx) % JITTER);
	storm_sh.on_res[idx] = storm_arch.start(target, (uint64_t)round << 8 | idx);
}

void storm_zone_cfg(hcall_hvisor_zone_config_t *c)
{
	hvisor_cfg_init(c, ZONE, (1u << 4) | (1u << 5), storm_arch.zone_name);
	hvisor_cfg_ram(c, storm_arch.zone_ram_pa, storm_arch.zone_ram_va, storm_arch.zone_ram_size);
	hvisor_cfg_ram(c, storm_arch.zone_shared_base, storm_arch.zone_shared_base,
		       storm_arch.zone_shared_size);
	c->entry_point = storm_arch.zone_ram_va;
}

int64_t storm_zone_start(unsigned idx)
{
	return storm_arch.zone_answer(hcall_hvisor_call(HCALL_HVISOR_ZONE_START,
							(uint64_t)(uintptr_t)&storm_sh.cfg[idx],
							sizeof(storm_sh.cfg[idx])));
}

int64_t storm_zone_shutdown(void)
{
	return storm_arch.zone_answer(hcall_hvisor_call(HCALL_HVISOR_ZONE_SHUTDOWN, ZONE, 0));
}

void storm_pair_run(struct storm_pair *t, unsigned idx, uint64_t salt, unsigned ops,
		    int64_t (*a)(unsigned idx), int64_t (*b)(unsigned idx), int64_t refused)
{
	unsigned i;

	for (i = 0; i < ops; i++) {
		uint64_t r = storm_rnd(salt + i, idx);
		int first = r & 1;
		int64_t st;

		storm_arch.spin((r >> 8) % 64);
		st = first ? a(idx) : b(idx);
		if (st == 0)
			(first ? t->ok_a : t->ok_b)[idx]++;
		else if (st != refused)
			t->bad[idx]++, t->last_bad = st;
	}
}

void storm_pair_sum(const struct storm_pair *t, unsigned *ok_a, unsigned *ok_b,
		    unsigned *bad)
{
	unsigned i;

	*ok_a = *ok_b = *bad = 0;
	for (i = 0; i < NVCPUS; i++) {
		*ok_a += t->ok_a[i];
		*ok_b += t->ok_b[i];
		*bad += t->bad[i];
	}
}

static int64_t zone_shutdown_from(unsigned idx)
{
	(void)idx;
	return storm_zone_shutdown();
}

static void zone_storm(unsigned idx)
{
	storm_zone_cfg(&storm_sh.cfg[idx]);
	storm_pair_run(&storm_sh.zone, idx, 5000, storm_arch.zone_ops, storm_zone_start,
		       zone_shutdown_from, -EINVAL_);
}

/* ---- workers (vCPUs 1-3) ------------------------------------------------- */

void storm_vcpu(uint64_t ctx, uint64_t idx)
{
	unsigned me = (unsigned)idx, n;
	uint32_t seen;

	storm_enter(me);
	__atomic_store_n(&storm_sh.ctx[me], ctx, __ATOMIC_RELAXED);
	seen = storm_load(&storm_sh.cmd_seq);
	if (storm_arch.vcpu_entry)
		storm_arch.vcpu_entry(me);
	__atomic_fetch_add(&storm_sh.starts[me], 1u, __ATOMIC_RELEASE);
	for (;;) {
		uint32_t cmd, arg;

		/* A wait for an interrupt now and then while idle: the
		 * hypervisor may run another VM's vCPU pinned to this CPU
		 * meanwhile (zone 1's vCPU 1). Not every time: each is a trap
		 * through the scheduler, which may take the hypervisor's
		 * global lock. */
		for (n = 0; storm_load(&storm_sh.cmd_seq) == seen; n++)
			if (n % 4096 == 4095)
				storm_arch.idle();
		seen = storm_load(&storm_sh.cmd_seq);
		cmd = storm_sh.cmd;
		arg = storm_sh.arg;
		switch (cmd) {
		case CMD_NONE:
			break;
		case CMD_RENDEZVOUS:
			__atomic_fetch_add(&storm_core.arrived, 1u, __ATOMIC_ACQ_REL);
			while (storm_load(&storm_core.arrived) < NVCPUS)
				;
			break;
		case CMD_OFF_ONE:
			if (me == arg)
				stop_self(me); /* the others race to start it again */
			break;
		case CMD_START:
			start_caller(me, arg >> 8, arg & 0xff);
			break;
		case CMD_ZONE:
			zone_storm(me);
			break;
		case CMD_OFF:
			__atomic_fetch_add(&storm_sh.done, 1u, __ATOMIC_ACQ_REL);
			stop_self(me);
		default:
			storm_arch.command(me, cmd, arg);
			break;
		}
		__atomic_fetch_add(&storm_sh.done, 1u, __ATOMIC_ACQ_REL);
	}
}

/* ---- the coordinator (vCPU 0) -------------------------------------------- */

void storm_post(uint32_t cmd, uint32_t arg)
{
	__atomic_store_n(&storm_sh.done, 0u, __ATOMIC_RELAXED);
	storm_sh.cmd = cmd;
	storm_sh.arg = arg;
	__atomic_fetch_add(&storm_sh.cmd_seq, 1u, __ATOMIC_RELEASE);
}

void storm_bring_up(void)
{
	unsigned i, ok = 1;

	for (i = 1; i < NVCPUS; i++)
		ok &= storm_arch.start(i, i) == 0;
	tap_check(ok, storm_arch.start_all);
	ok = 1;
	for (i = 1; i < NVCPUS; i++)
		ok &= storm_wait_eq(&storm_sh.starts[i], 1) && storm_sh.ctx[i] == i;
	tap_check(ok, storm_arch.started_once);
	ok = 1;
	for (i = 0; i < NVCPUS; i++)
		ok &= storm_arch.is_on(i);
	tap_check(ok, storm_arch.all_on);
}

void storm_rendezvous(void)
{
	storm_post(CMD_RENDEZVOUS, 0);
	__atomic_fetch_add(&storm_core.arrived, 1u, __ATOMIC_ACQ_REL);
	tap_check(storm_wait_eq(&storm_core.arrived, NVCPUS), storm_arch.together);
	tap_check(storm_wait_eq(&storm_sh.done, NVCPUS - 1), "the workers leave the rendezvous");
}

void storm_start_storm(void)
{
	unsigned round, wins = 0, lost = 0, other = 0, ctx_ok = 1, rounds_ok = 1;
	uint32_t starts[NVCPUS];
	unsigned i;

	for (i = 0; i < NVCPUS; i++)
		starts[i] = storm_load(&storm_sh.starts[i]);
	for (round = 1; round <= ON_ROUNDS; round++) {
		unsigned target = 1 + (unsigned)(storm_rnd(round, 99) % (NVCPUS - 1));
		unsigned ok_here = 0;

		for (i = 0; i < NVCPUS; i++)
			storm_sh.on_res[i] = 1; /* no answer yet */
		storm_post(CMD_OFF_ONE, target);
		if (!storm_wait_eq(&storm_sh.done, NVCPUS - 2) || !wait_off(target)) {
			tap_note_hex(storm_arch.not_off, round);
			rounds_ok = 0;
			break;
		}
		storm_post(CMD_START, round << 8 | target);
		start_caller(0, round, target);
		/* The two callers besides vCPU 0, then the target's start. */
		if (!storm_wait_eq(&storm_sh.done, NVCPUS - 2) ||
		    !storm_wait_eq(&storm_sh.starts[target], starts[target] + 1)) {
			tap_note_hex(storm_arch.stuck, round);
			rounds_ok = 0;
			break;
		}
		starts[target]++;
		for (i = 0; i < NVCPUS; i++) {
			if (i == target)
				continue;
			if (storm_sh.on_res[i] == 0) {
				ok_here++;
				wins++;
				if (__atomic_load_n(&storm_sh.ctx[target], __ATOMIC_ACQUIRE) !=
				    (round << 8 | i))
					ctx_ok = 0;
			} else if (storm_arch.start_lost(storm_sh.on_res[i])) {
				lost++;
			} else {
				other++;
				tap_note_hex(storm_arch.unexpected, (uint64_t)storm_sh.on_res[i]);
			}
		}
		if (ok_here != 1)
			tap_note_hex(storm_arch.not_one, round);
	}
	tap_check(rounds_ok, storm_arch.rounds_ok);
	tap_eq(storm_arch.one_success, wins, ON_ROUNDS);
	tap_eq(storm_arch.others_lost, lost, 2 * ON_ROUNDS);
	tap_eq(storm_arch.no_other, other, 0);
	tap_check(ctx_ok, storm_arch.ctx_ok);
	tap_check(storm_load(&storm_sh.starts[1]) + storm_load(&storm_sh.starts[2]) +
		  storm_load(&storm_sh.starts[3]) == 3 + ON_ROUNDS, storm_arch.starts_add);
	if (storm_arch.all_on_after)
		tap_check(storm_arch.is_on(1) && storm_arch.is_on(2) && storm_arch.is_on(3),
			  storm_arch.all_on_after);
}

/* No zone lost or duplicated: after the final shutdown only the root
 * zone runs (hvisor's zone_list lists running zones: id, CPUs, name). */
static int zones_after_storm(void)
{
	int64_t n = storm_arch.zone_answer(hcall_hvisor_call(HCALL_HVISOR_ZONE_LIST,
							     (uint64_t)(uintptr_t)storm_sh.zones, 8));
	const struct hcall_hvisor_zone_info *z = &storm_sh.zones[0];

	return n == 1 && z->zone_id == 0 && z->cpus == 0xf && !z->is_err;
}

void storm_zone_storm_all(void)
{
	unsigned starts, stops, bad;
	int64_t last;

	storm_post(CMD_ZONE, 0);
	zone_storm(0);
	tap_check(storm_wait_eq(&storm_sh.done, NVCPUS - 1), "zone storm: every vCPU finishes");
	storm_pair_sum(&storm_sh.zone, &starts, &stops, &bad);
	tap_note_hex("zone_start successes", starts);
	tap_note_hex("zone_shutdown successes", stops);
	if (!tap_eq("zone storm: only 0 or -EINVAL", bad, 0))
		tap_note_hex("the last other answer", (uint64_t)storm_sh.zone.last_bad);
	/* Shutting down now tells the final state: 0 only if it ran. */
	last = storm_zone_shutdown();
	tap_check(last == 0 || last == -EINVAL_,
		  "zone storm: the final zone_shutdown answers 0 or -EINVAL");
	tap_eq("zone storm: starts = shutdowns + (zone ended running)", starts,
	       stops + (last == 0));
	tap_check(starts > 0 && stops > 0, "zone storm: both calls won sometimes");
	tap_check(zones_after_storm(), "zone storm: zone_list shows the root zone (CPUs 0-3) "
				       "once, nothing else");
}

void storm_all_off(void)
{
	unsigned i, ok = 1;

	storm_post(CMD_OFF, 0);
	for (i = 1; i < NVCPUS; i++)
		ok &= wait_off(i);
	tap_check(ok, storm_arch.all_off);
}
