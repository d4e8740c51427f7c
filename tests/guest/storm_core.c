/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/storm_core.c - the seed, the random choices, the bounded
 * waits and the running bookkeeping of storm_core.h.
 */
#include "storm_core.h"
#include "tap.h"

struct storm_core storm_core;

static uint64_t seed;

void storm_seed_init(void)
{
#ifdef STORM_SEED
	seed = STORM_SEED;
#else
	seed = storm_now();
#endif
	tap_note_hex("storm seed (rebuild with -DSTORM_SEED=<seed> to replay)", seed);
}

uint64_t storm_rnd(uint64_t a, uint64_t b)
{
	uint64_t z = seed + 0x9e3779b97f4a7c15ull * (a * 8 + b + 1);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

int storm_wait_eq(uint32_t *p, uint32_t want)
{
	uint64_t end = storm_deadline();

	while (storm_load(p) != want)
		if (storm_now() > end)
			return 0;
	return 1;
}

void storm_enter(unsigned idx)
{
	if (__atomic_exchange_n(&storm_core.running[idx], 1u, __ATOMIC_ACQ_REL))
		__atomic_fetch_add(&storm_core.twice, 1u, __ATOMIC_RELAXED);
}

void storm_leave(unsigned idx)
{
	__atomic_store_n(&storm_core.running[idx], 0u, __ATOMIC_RELEASE);
}
