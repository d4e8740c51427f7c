/* SPDX-License-Identifier: MIT */
/*
 * bench/roundtrip/guest.c - the round-trip bench guest, one source for
 * every architecture (the counter, the null call and the floor trap come
 * from <arch>/bench_arch.h).
 *
 * Under `qemu -icount shift=0` every guest and hypervisor instruction
 * advances virtual time by 1 ns, and the guest's counter is read from
 * virtual time, so counter ticks are instruction counts scaled by the
 * counter's frequency. The guest prints raw ticks; bench/roundtrip.py
 * converts them and checks the scale against the calibration loop:
 *
 *   BENCH hz <counter frequency>
 *   BENCH calib <instructions> <ticks>     a loop of known length
 *   BENCH roundtrip <calls> <ticks>        the typed null call
 *   BENCH floor <calls> <ticks>            the floor trap (bench_floor.h)
 *
 * then one TAP check (the null call succeeded before and after the loops)
 * and exits through the runtime's guest_exit().
 */
#include "../../tests/guest/guest.h"
#define TAP_IMPLEMENTATION
#include "../../tests/guest/tap.h"
#include "bench_arch.h"

#define BENCH_CALLS 100000u
#define CALIB_ITERS 1000000u

void tap_putc(char c)
{
	guest_putc(c);
}

static void put_line(const char *what, uint64_t a, uint64_t b)
{
	tap_puts("BENCH ");
	tap_puts(what);
	tap_putc(' ');
	tap_dec(a);
	tap_putc(' ');
	tap_dec(b);
	tap_putc('\n');
}

/* The loops are separate functions of the same shape, so each measures
 * its trap plus the same few loop instructions. */
static __attribute__((noinline)) uint64_t loop_roundtrip(unsigned n)
{
	uint64_t t0 = bench_counter();

	for (unsigned i = 0; i < n; i++)
		(void)bench_null_call();
	return bench_counter() - t0;
}

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

void guest_main(void)
{
	int ok_before, ok_after;
	uint64_t calib, rt, floor;

	tap_note("null call: " BENCH_CALL_NAME);
	ok_before = bench_null_call();
	calib = loop_calib(CALIB_ITERS);
	rt = loop_roundtrip(BENCH_CALLS);
	floor = loop_floor(BENCH_CALLS);
	ok_after = bench_null_call();

	put_line("hz", bench_counter_hz(), 0);
	put_line("calib", (uint64_t)CALIB_ITERS * BENCH_CALIB_INSNS_PER_ITER, calib);
	put_line("roundtrip", BENCH_CALLS, rt);
	put_line("floor", BENCH_CALLS, floor);
	tap_check(ok_before && ok_after, "the null call succeeds before and after the loops");
	guest_exit(tap_done() ? 1 : 0);
}
