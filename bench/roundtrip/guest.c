/* SPDX-License-Identifier: MIT */
/*
 * bench/roundtrip/guest.c - the round-trip bench guest, one source for
 * every architecture (the counter, the calls and the floor trap come from
 * <arch>/bench_arch.h).
 *
 * Under `qemu -icount shift=0` every guest and hypervisor instruction
 * advances virtual time by 1 ns, and the guest's counter is read from
 * virtual time, so counter ticks are instruction counts scaled by the
 * counter's frequency. The guest prints raw ticks; bench/roundtrip.py
 * converts them and checks the scale against the calibration loop:
 *
 *   BENCH hz <counter frequency> 0
 *   BENCH calib <instructions> <ticks>     a loop of known length
 *   BENCH call <name> <calls> <ticks>      each known call (typed wrapper)
 *   BENCH unknown <name> <calls> <ticks>   a well-formed unknown number
 *   BENCH floor <calls> <ticks>            the floor trap (bench_floor.h)
 *
 * then one TAP check (every call answered as documented before and after
 * the loops) and exits through the runtime's guest_exit(). The same guest
 * runs on the image users run (the calls' figures) and on the floor image
 * (the floor's figure; bench/roundtrip/meson.build).
 */
#include "../../tests/guest/guest.h"
#define TAP_IMPLEMENTATION
#include "../../tests/guest/tap.h"
#include "bench_arch.h"

#ifndef BENCH_CALLS
#define BENCH_CALLS 100000u
#define CALIB_ITERS 1000000u
#else /* the trace build (bench/attribution.py) */
#define CALIB_ITERS 16u
#endif

void tap_putc(char c)
{
	guest_putc(c);
}

static void put_line(const char *what, const char *name, uint64_t a, uint64_t b)
{
	tap_puts("BENCH ");
	tap_puts(what);
	tap_putc(' ');
	if (name) {
		tap_puts(name);
		tap_putc(' ');
	}
	tap_dec(a);
	tap_putc(' ');
	tap_dec(b);
	tap_putc('\n');
}

/* One loop per measured trap, each a separate function of the same
 * shape, so each measures its trap plus the same few loop instructions. */
#define BENCH_LOOP(name, fn)                                                   \
	static __attribute__((noinline)) uint64_t loop_##name(unsigned n)      \
	{                                                                      \
		uint64_t t0 = bench_counter();                                 \
                                                                               \
		for (unsigned i = 0; i < n; i++)                               \
			(void)fn();                                            \
		return bench_counter() - t0;                                   \
	}
BENCH_KNOWN_CALLS(BENCH_LOOP)
BENCH_LOOP(unknown, bench_unknown_call)

static __attribute__((noinline)) uint64_t loop_floor(unsigned n)
{
	uint64_t t0 = bench_counter();

	for (unsigned i = 0; i < n; i++)
		bench_floor_trap();
	return bench_counter() - t0;
}

static __attribute__((noinline)) uint64_t loop_calib(unsigned n)
{
	uint64_t t0 = bench_counter();

	bench_calib_loop(n);
	return bench_counter() - t0;
}

/* Every call answers as documented. */
static int all_answer(void)
{
	int ok = bench_unknown_call();
#define BENCH_ANSWERS(name, fn) ok = fn() && ok;
	BENCH_KNOWN_CALLS(BENCH_ANSWERS)
	return ok;
}

void guest_main(void)
{
	int ok_before, ok_after;

	ok_before = all_answer();
	put_line("hz", 0, bench_counter_hz(), 0);
	put_line("calib", 0, (uint64_t)CALIB_ITERS * BENCH_CALIB_INSNS_PER_ITER,
		 loop_calib(CALIB_ITERS));
#define BENCH_RUN(name, fn) put_line("call", #name, BENCH_CALLS, loop_##name(BENCH_CALLS));
	BENCH_KNOWN_CALLS(BENCH_RUN)
	put_line("unknown", BENCH_UNKNOWN_NAME, BENCH_CALLS, loop_unknown(BENCH_CALLS));
	put_line("floor", 0, BENCH_CALLS, loop_floor(BENCH_CALLS));
	ok_after = all_answer();
	tap_check(ok_before && ok_after,
		  "every call answers as documented before and after the loops");
	guest_exit(tap_done() ? 1 : 0);
}
