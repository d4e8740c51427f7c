/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/storm_core.h - what every SMP storm guest (arm64, riscv,
 * x86) does alike: one seed and its random choices, waits bounded by the
 * architecture's clock, and the "no vCPU runs twice" bookkeeping with the
 * rendezvous counter (storm_core.c).
 *
 * Spins between vCPUs never trap: a rendezvous of all four can only
 * complete if they run at the same time on different physical CPUs (the
 * hypervisor does not preempt a guest).
 */
#ifndef HCALL_TEST_STORM_CORE_H
#define HCALL_TEST_STORM_CORE_H

#include <stdint.h>

#define NVCPUS 4

/* Shared by the vCPUs; written with atomics. */
struct storm_core {
	uint32_t running[NVCPUS];   /* 1 while the vCPU runs storm code */
	uint32_t twice;             /* someone found a vCPU already running */
	uint32_t arrived;           /* rendezvous counter */
};

extern struct storm_core storm_core;

/* The architecture's clock, which never traps, and now() plus the
 * longest fair wait: later is a failure. Each storm guest defines them. */
uint64_t storm_now(void);
uint64_t storm_deadline(void);

static inline uint32_t storm_load(uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

/* Pick the seed (STORM_SEED, or the clock) and print it first. */
void storm_seed_init(void);
/* splitmix64: the random choices of (seed, a, b). */
uint64_t storm_rnd(uint64_t a, uint64_t b);
/* Wait until *p == want, without trapping. 1 on time, 0 late. */
int storm_wait_eq(uint32_t *p, uint32_t want);
/* Mark vCPU idx running (counting it in twice if it was) or not. */
void storm_enter(unsigned idx);
void storm_leave(unsigned idx);

#endif
