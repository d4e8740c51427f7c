/* SPDX-License-Identifier: MIT */
/*
 * bench/smp/report.h - what every SMP bench guest (guest.c, x86/guest.c,
 * riscv/guest.c) reports: the lines bench/smp.py reads, and whether its
 * k vCPUs' loops interleaved. Include after tests/guest/tap.h.
 *
 *   BENCH hz <counter frequency> 0
 *   BENCH <what> <k> <k * calls each> <window ticks>
 */
#ifndef HCALL_BENCH_SMP_REPORT_H
#define HCALL_BENCH_SMP_REPORT_H

#include <stdint.h>

/* The vCPU count asked for: 1, 2 or 4; anything else runs as 1. */
static inline uint32_t bench_smp_k(uint32_t asked)
{
	return asked == 1 || asked == 2 || asked == 4 ? asked : 1;
}

static inline void bench_smp_print_hz(uint64_t hz)
{
	tap_puts("BENCH hz ");
	tap_dec(hz);
	tap_puts(" 0\n");
}

static inline void bench_smp_print(const char *what, uint32_t k, uint32_t calls_each,
				   uint64_t window)
{
	tap_puts("BENCH ");
	tap_puts(what);
	tap_putc(' ');
	tap_dec(k);
	tap_putc(' ');
	tap_dec((uint64_t)k * calls_each);
	tap_putc(' ');
	tap_dec(window);
	tap_putc('\n');
}

/* Interleaved, each vCPU's own loop spans nearly the whole window; one
 * after the other, each would span 1/k of it. span[i] is vCPU i's. */
static inline int bench_smp_interleaved(const uint64_t *span, uint32_t k, uint64_t window)
{
	uint32_t i;
	int all = 1;

	for (i = 0; i < k; i++)
		all &= span[i] * 10 >= window * 9;
	return all;
}

#endif /* HCALL_BENCH_SMP_REPORT_H */
