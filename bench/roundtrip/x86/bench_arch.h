/* SPDX-License-Identifier: MIT */
/*
 * bench/roundtrip/x86/bench_arch.h - the x86_64 side of the round-trip
 * bench guest (a long-mode guest of the SVM hypervisor).
 *
 *   counter    RDTSC. QEMU's TSC is its virtual clock in nanoseconds (plus
 *              the VMCB's TSC offset, which is constant), so under
 *              -icount shift=0 one tick = one instruction
 *   call       hcall_kvm_x86_vapic_poll_irq_on(VMMCALL): KVM_HC_VAPIC_POLL_IRQ,
 *              which the core answers with 0; VMMCALL is SVM's own
 *              instruction (VMCALL would go through the #UD intercept)
 *   unknown    KVM hypercall number 99, which KVM does not define
 *   floor      VMMCALL with RAX = HV_BENCH_FLOOR_RAX (bench_floor.h)
 */
#ifndef HCALL_BENCH_ARCH_H
#define HCALL_BENCH_ARCH_H

#include <hcall/kvm_x86.h>
#include "../bench_floor.h"

#define BENCH_KNOWN_CALLS(X) X(kvm_vapic_poll_irq, bench_vapic_poll_irq)
#define BENCH_UNKNOWN_NAME "kvm_nr_99"

static inline uint64_t bench_counter(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

/* Nanoseconds of QEMU's virtual clock. */
static inline uint64_t bench_counter_hz(void)
{
	return 1000000000u;
}

static inline int bench_vapic_poll_irq(void)
{
	return hcall_ok(hcall_kvm_x86_vapic_poll_irq_on(HCALL_X86_CONDUIT_VMMCALL));
}

/* 1 when it got -KVM_ENOSYS (-1000). */
static inline int bench_unknown_call(void)
{
	return hcall_kvm_x86_call0_on(HCALL_X86_CONDUIT_VMMCALL, 99) == (uint64_t)-1000;
}

/* The same registers as a KVM call without arguments: RAX in and out. */
static inline void bench_floor_trap(void)
{
	uint64_t rax = HV_BENCH_FLOOR_RAX;

	__asm__ __volatile__("vmmcall" : "+a"(rax) : : "memory");
}

#define BENCH_CALIB_INSNS_PER_ITER 2u
static inline void bench_calib_loop(unsigned n)
{
	uint64_t c = n;

	__asm__ __volatile__("1:\n\tdec %0\n\tjnz 1b" : "+r"(c) : : "cc");
}

#endif /* HCALL_BENCH_ARCH_H */
