/* SPDX-License-Identifier: MIT */
/*
 * bench/roundtrip/riscv/bench_arch.h - the riscv64 side of the round-trip
 * bench guest (a VS-mode guest of the riscv hypervisor).
 *
 *   counter    the time CSR (rdtime; hcounteren.TM is set by the
 *              hypervisor), the ACLINT timer of QEMU's virt machine at its
 *              device tree's timebase-frequency, 10 MHz: one tick = 100 ns
 *              of virtual time = 100 instructions under -icount shift=0
 *   call       hcall_sbi_base_get_spec_version(): SBI base extension
 *              (a7 = 0x10, a6 = 0), answered by the core with a constant
 *              (Bao's figure is for the same call)
 *   unknown    SBI base function 99, which no SBI version defines
 *   floor      ecall with a7 = HV_BENCH_FLOOR_EID (bench_floor.h)
 */
#ifndef HCALL_BENCH_ARCH_H
#define HCALL_BENCH_ARCH_H

#include <hcall/sbi.h>
#include "../bench_floor.h"

#define BENCH_KNOWN_CALLS(X) X(sbi_get_spec_version, bench_get_spec_version)
#define BENCH_UNKNOWN_NAME "sbi_base_fid_99"

/* QEMU virt: /cpus/timebase-frequency (the riscv ACLINT's fixed rate). */
#define BENCH_RISCV_TIMEBASE_HZ 10000000u

static inline uint64_t bench_counter(void)
{
	uint64_t v;

	__asm__ __volatile__("rdtime %0" : "=r"(v) : : "memory");
	return v;
}

static inline uint64_t bench_counter_hz(void)
{
	return BENCH_RISCV_TIMEBASE_HZ;
}

static inline int bench_get_spec_version(void)
{
	return hcall_ok(hcall_sbi_base_get_spec_version());
}

/* 1 when it got SBI_ERR_NOT_SUPPORTED (-2). */
static inline int bench_unknown_call(void)
{
	return hcall_sbi_call0(HCALL_SBI_BASE_EID, 99).error == -2;
}

/* The same registers as an SBI call without arguments: a6/a7 in, a0/a1
 * out. */
static inline void bench_floor_trap(void)
{
	register uint64_t a0 __asm__("a0");
	register uint64_t a1 __asm__("a1");
	register uint64_t a6 __asm__("a6") = 0;
	register uint64_t a7 __asm__("a7") = HV_BENCH_FLOOR_EID;

	__asm__ __volatile__("ecall"
			     : "=r"(a0), "=r"(a1)
			     : "r"(a6), "r"(a7)
			     : "memory");
	(void)a0;
	(void)a1;
}

#define BENCH_CALIB_INSNS_PER_ITER 2u
static inline void bench_calib_loop(unsigned n)
{
	uint64_t c = n;

	__asm__ __volatile__("1:\n\taddi %0, %0, -1\n\tbnez %0, 1b" : "+r"(c));
}

#endif /* HCALL_BENCH_ARCH_H */
