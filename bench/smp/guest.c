/* SPDX-License-Identifier: MIT */
/*
 * bench/smp/guest.c - the SMP bench guest: k vCPUs (k = 1, 2 or 4) make
 * BENCH_CALLS PSCI_VERSION calls each, at once, under the arm64
 * hypervisor on k physical CPUs (bench/smp.py boots it with -smp k and
 * `-icount shift=0,sleep=off`).
 *
 * k is a 32-bit word the boot loader writes at BENCH_K_ADDR (QEMU
 * `-device loader,addr=0x411ff000,data=k,data-len=4`), the VM's last page,
 * above anything the hypervisor copies at VM start.
 *
 * -icount runs the CPUs round-robin in one host thread, and virtual time,
 * from which CNTVCT_EL0 is derived, advances by 1 ns per instruction of
 * any CPU. Each call is followed by YIELD, which under round-robin TCG
 * hands the host thread to the next CPU: the k vCPUs' calls interleave
 * one by one. The window, from vCPU 0's release of the others to the
 * last vCPU's last call, counts every instruction of every CPU (guests
 * and hypervisor), so instructions per call per vCPU = window
 * instructions / (k * BENCH_CALLS). It prints
 *
 *   BENCH hz <CNTFRQ_EL0> 0
 *   BENCH smp <k> <k * BENCH_CALLS> <window ticks>
 *
 * and two TAP checks: every call answered PSCI 1.1, and the calls did
 * interleave (each vCPU's loop spans at least 90% of the window).
 */
#include <stdint.h>

#define TAP_IMPLEMENTATION
#include "../../tests/guest/tap.h"
#include "../../tests/guest/guest.h"
#include "report.h"

#define BENCH_K_ADDR 0x411ff000ul
#define BENCH_CALLS 20000u
#define BENCH_STACK 0x1000
#define NVCPUS 4
#define PSCI_VERSION 0x84000000u
#define PSCI_CPU_ON64 0xC4000003u
#define PSCI_CPU_OFF 0x84000002u
#define PSCI_1_1 0x10001u

uint8_t bench_stacks[NVCPUS][BENCH_STACK] __attribute__((aligned(16)));
void bench_secondary(void);
void bench_vcpu(uint64_t idx);

static uint32_t k, arrived, go, finished, wrong;
static uint64_t t_end, span[NVCPUS];

void tap_putc(char c)
{
	guest_putc(c);
}

static uint64_t counter(void)
{
	uint64_t v;

	__asm__ __volatile__("isb\n\tmrs %0, cntvct_el0" : "=r"(v) : : "memory");
	return v;
}

static uint64_t psci(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fid;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	__asm__ __volatile__("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	return x0;
}

static void relax(void)
{
	__asm__ __volatile__("yield" ::: "memory");
}

/* The measured loop: one call, then hand the host thread on. */
static __attribute__((noinline)) unsigned calls(void)
{
	unsigned i, bad = 0;

	for (i = 0; i < BENCH_CALLS; i++) {
		register uint64_t x0 __asm__("x0") = PSCI_VERSION;

		__asm__ __volatile__("hvc #0\n\tyield" : "+r"(x0) : : "x1", "x2", "x3", "memory");
		bad += (uint32_t)x0 != PSCI_1_1;
	}
	return bad;
}

static void finish(unsigned idx, uint64_t t_start, unsigned bad)
{
	span[idx] = counter() - t_start;
	__atomic_fetch_add(&wrong, bad, __ATOMIC_RELAXED);
	if (__atomic_add_fetch(&finished, 1u, __ATOMIC_ACQ_REL) == k)
		__atomic_store_n(&t_end, counter(), __ATOMIC_RELEASE);
}

void bench_vcpu(uint64_t idx)
{
	uint64_t t;

	__atomic_fetch_add(&arrived, 1u, __ATOMIC_ACQ_REL);
	while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
		relax();
	t = counter();
	finish((unsigned)idx, t, calls());
	psci(PSCI_CPU_OFF, 0, 0, 0);
	for (;;)
		relax();
}

void guest_main(void)
{
	uint64_t hz, t0, window;
	unsigned i;

	k = bench_smp_k(*(volatile uint32_t *)BENCH_K_ADDR);
	for (i = 1; i < k; i++)
		psci(PSCI_CPU_ON64, i, (uint64_t)(uintptr_t)bench_secondary, i);
	while (__atomic_load_n(&arrived, __ATOMIC_ACQUIRE) != k - 1)
		relax();
	t0 = counter();
	__atomic_store_n(&go, 1u, __ATOMIC_RELEASE);
	finish(0, t0, calls());
	while (__atomic_load_n(&finished, __ATOMIC_ACQUIRE) != k)
		relax();
	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(hz));
	window = __atomic_load_n(&t_end, __ATOMIC_ACQUIRE) - t0;
	bench_smp_print_hz(hz);
	bench_smp_print("smp", k, BENCH_CALLS, window);
	tap_check(bench_smp_interleaved(span, k, window),
		  "the vCPUs' calls interleave (each loop spans >= 90% of the window)");
	tap_eq("every PSCI_VERSION call answered 1.1", wrong, 0);
	guest_exit(tap_done() ? 1 : 0);
}
