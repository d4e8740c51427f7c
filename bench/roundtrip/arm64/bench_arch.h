/* SPDX-License-Identifier: MIT */
/*
 * bench/roundtrip/arm64/bench_arch.h - the arm64 side of the round-trip
 * bench guest (an EL1 guest of the arm64 hypervisor).
 *
 *   counter    CNTVCT_EL0, the generic timer's virtual count, at CNTFRQ_EL0
 *              (62.5 MHz on QEMU 7.2's virt machine: one tick = 16 ns of
 *              virtual time = 16 instructions under -icount shift=0)
 *   calls      SMCCC_VERSION and PSCI_VERSION through hvc #0, which the
 *              core answers from its SMCCC table with a constant (Bao's
 *              figure is for PSCI_VERSION)
 *   unknown    function 64 of the vendor hypervisor service (0xC6000040):
 *              a well-formed SMCCC ID no table implements
 *   floor      hvc #HV_BENCH_FLOOR_HVC_IMM (bench_floor.h)
 */
#ifndef HCALL_BENCH_ARCH_H
#define HCALL_BENCH_ARCH_H

#include <hcall/psci.h>
#include <hcall/smccc.h>
#include "../bench_floor.h"

/* X(name, function returning 1 on success): the known calls measured. */
#define BENCH_KNOWN_CALLS(X) X(smccc_version, bench_smccc_version) \
	X(psci_version, bench_psci_version)
#define BENCH_UNKNOWN_NAME "smccc_vendor_fn_64"

/* The ISB keeps the read from being taken early on real hardware. */
static inline uint64_t bench_counter(void)
{
	uint64_t v;

	__asm__ __volatile__("isb\n\tmrs %0, cntvct_el0" : "=r"(v) : : "memory");
	return v;
}

static inline uint64_t bench_counter_hz(void)
{
	uint64_t v;

	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

static inline int bench_smccc_version(void)
{
	return hcall_ok(hcall_smccc_version());
}

static inline int bench_psci_version(void)
{
	return hcall_ok(hcall_psci_version());
}

/* 1 when it got the documented NOT_SUPPORTED. */
static inline int bench_unknown_call(void)
{
	return hcall_smccc_call0(0xC6000040u).x0 == (uint64_t)-1;
}

/* The same registers as an SMCCC 1.1 call: x0 in, x0..x3 clobbered. */
static inline void bench_floor_trap(void)
{
	register uint64_t x0 __asm__("x0") = 0;

	__asm__ __volatile__("hvc %1"
			     : "+r"(x0)
			     : "i"(HV_BENCH_FLOOR_HVC_IMM)
			     : "x1", "x2", "x3", "memory");
}

/* n iterations of exactly BENCH_CALIB_INSNS_PER_ITER instructions. */
#define BENCH_CALIB_INSNS_PER_ITER 2u
static inline void bench_calib_loop(unsigned n)
{
	uint64_t c = n;

	__asm__ __volatile__("1:\n\tsubs %0, %0, #1\n\tb.ne 1b" : "+r"(c) : : "cc");
}

#endif /* HCALL_BENCH_ARCH_H */
