/* SPDX-License-Identifier: MIT */
/*
 * bench/smp/x86/guest.c - the x86 SMP bench guest: k vCPUs (k = 1, 2 or
 * 4) make BENCH_CALLS KVM VAPIC_POLL_IRQ calls (VMMCALL) each, at once,
 * under the SVM hypervisor on k physical CPUs (hv-x86-bench-smp.elf;
 * bench/smp.py boots it with -smp k and `-icount shift=0,sleep=off`).
 *
 * The VM has 4 vCPUs, all started with it; the hypervisor gives each the
 * number of physical CPUs in rdx (arch/x86/vm.h), and vCPUs k..3 halt.
 *
 * -icount runs the CPUs round-robin in one host thread, and virtual time,
 * from which RDTSC is derived, advances by 1 ns per instruction of any
 * CPU. Each call is followed by PAUSE, which under round-robin TCG hands
 * the host thread to the next CPU: the k vCPUs' calls interleave one by
 * one. The window, from vCPU 0's release of the others to the last
 * vCPU's last call, counts every instruction of every CPU (guests and
 * hypervisor), so instructions per call per vCPU = window instructions /
 * (k * BENCH_CALLS). It prints
 *
 *   BENCH hz 1000000000 0
 *   BENCH smp <k> <k * BENCH_CALLS> <window ticks>
 *
 * and two TAP checks: every call answered 0 (KVM's VAPIC_POLL_IRQ), and
 * the calls did interleave (each vCPU's loop spans at least 90% of the
 * window).
 */
#include <stdint.h>

#define TAP_IMPLEMENTATION
#include "../../../tests/guest/tap.h"
#include "../../../tests/guest/guest.h"
#include "../../../tests/guest/x86/x86_guest.h"
#include "../report.h"

#define BENCH_CALLS 20000u
#define NVCPUS 4
#define KVM_HC_VAPIC_POLL_IRQ 1u

static uint32_t k, arrived, go, finished, wrong;
static uint64_t t_end, span[NVCPUS];

void tap_putc(char c)
{
	guest_putc(c);
}

static uint64_t counter(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

static void relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

/* The measured loop: one call, then hand the host thread on. */
static __attribute__((noinline)) unsigned calls(void)
{
	unsigned i, bad = 0;

	for (i = 0; i < BENCH_CALLS; i++) {
		uint64_t rax = KVM_HC_VAPIC_POLL_IRQ;

		__asm__ __volatile__("vmmcall\n\tpause" : "+a"(rax) : : "memory");
		bad += rax != 0;
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

void guest_x86_ap_main(uint64_t vm, uint64_t idx, uint64_t ncpus);

void guest_x86_ap_main(uint64_t vm, uint64_t idx, uint64_t ncpus)
{
	uint64_t t;

	(void)vm;
	if (idx >= ncpus || idx >= NVCPUS)
		return; /* shares a CPU with a lower vCPU: halts */
	__atomic_fetch_add(&arrived, 1u, __ATOMIC_ACQ_REL);
	while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
		relax();
	t = counter();
	finish((unsigned)idx, t, calls());
}

void guest_main(void)
{
	uint64_t t0, window;

	k = (uint32_t)guest_x86_boot_ncpus;
	k = bench_smp_k(k > NVCPUS ? NVCPUS : k);
	while (__atomic_load_n(&arrived, __ATOMIC_ACQUIRE) != k - 1)
		relax();
	t0 = counter();
	__atomic_store_n(&go, 1u, __ATOMIC_RELEASE);
	finish(0, t0, calls());
	while (__atomic_load_n(&finished, __ATOMIC_ACQUIRE) != k)
		relax();
	window = __atomic_load_n(&t_end, __ATOMIC_ACQUIRE) - t0;
	bench_smp_print_hz(1000000000u);
	bench_smp_print("smp", k, BENCH_CALLS, window);
	tap_check(bench_smp_interleaved(span, k, window),
		  "the vCPUs' calls interleave (each loop spans >= 90% of the window)");
	tap_eq("every VAPIC_POLL_IRQ call answered 0", wrong, 0);
	guest_exit(tap_done() ? 1 : 0);
}
