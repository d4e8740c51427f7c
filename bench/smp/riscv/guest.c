/* SPDX-License-Identifier: MIT */
/*
 * bench/smp/riscv/guest.c - the riscv SMP bench guest: k vCPUs (k = 1, 2
 * or 4) make BENCH_CALLS SBI GET_SPEC_VERSION calls each, at once, as the
 * service VM of the riscv hypervisor's SMP image (hv-riscv64-smp.elf: 4
 * vCPUs, vCPU n on hart n % harts) on k harts; bench/smp.py boots it with
 * -smp k and `-icount shift=0,sleep=off`.
 *
 * k is a 32-bit word the boot loader writes at BENCH_K_ADDR (QEMU
 * `-device loader,addr=0x805ff000,data=k,data-len=4`: the host-physical
 * address of the VM's last page), above anything the guest uses.
 *
 * -icount runs the harts round-robin in one host thread, and virtual
 * time, from which the time CSR is derived (10 MHz: 100 instructions a
 * tick), advances by 1 ns per instruction of any hart. Each call is
 * followed by WFI: the hypervisor takes the guest's WFI as an idle hint
 * and passes it on with a WFI of the hart's own (arch/riscv/trap.c), which
 * under round-robin TCG hands the host thread to the next hart, so the k
 * vCPUs' calls interleave one by one. The window, from vCPU 0's release
 * of the others to the last vCPU's last call, counts every instruction
 * of every hart (guests and hypervisor). The same loop with WFI alone
 * runs first, in its own window: what handing the thread on costs, which
 * depends on how many vCPUs share a hart (the hypervisor looks for
 * another to run), so bench/smp.py takes it off. It prints
 *
 *   BENCH hz <timebase> 0
 *   BENCH smp <k> <k * BENCH_CALLS> <window ticks, call and WFI>
 *   BENCH smp_yield <k> <k * BENCH_CALLS> <window ticks, WFI alone>
 *
 * and two TAP checks: every call answered SUCCESS with spec version 2.0
 * (the version the hypervisor documents implementing), and the calls did
 * interleave (each vCPU's loop spans at least 90% of the window).
 */
#include <stdint.h>
#include <hcall/sbi.h>

#define TAP_IMPLEMENTATION
#include "../../../tests/guest/tap.h"
#include "../../../tests/guest/guest.h"
#include "../report.h"

#define BENCH_K_ADDR 0x803ff000ul /* guest-physical; 0x805ff000 host-physical */
#define BENCH_CALLS 20000u
#define BENCH_STACK 0x1000
#define NVCPUS 4
#define TIMEBASE_HZ 10000000u /* QEMU virt: /cpus/timebase-frequency */
/* From the SBI specification v2.0: base extension and HSM. */
#define EID_BASE 0x10u
#define FID_GET_SPEC_VERSION 0u
#define EID_HSM 0x48534Du
#define FID_HART_START 0u
#define FID_HART_STOP 1u
#define SPEC_2_0 0x02000000u

uint8_t bench_stacks[NVCPUS][BENCH_STACK] __attribute__((aligned(16)));
void bench_secondary(void);
void bench_vcpu(uint64_t idx);

/* The two windows: WFI alone, then the call and WFI. */
enum { CALLS = 1, YIELDS = 2, PHASES = 3 };

static uint32_t k, arrived, go, finished[PHASES], wrong;
static uint64_t t_start[PHASES], t_end[PHASES], span[PHASES][NVCPUS];

void tap_putc(char c)
{
	guest_putc(c);
}

static uint64_t counter(void)
{
	uint64_t v;

	__asm__ __volatile__("rdtime %0" : "=r"(v) : : "memory");
	return v;
}

static void relax(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
}

/* The measured loops: WFI alone (what handing the host thread on costs),
 * and one call then WFI. */
static __attribute__((noinline)) unsigned yields(void)
{
	unsigned i;

	for (i = 0; i < BENCH_CALLS; i++)
		__asm__ __volatile__("wfi" ::: "memory");
	return 0;
}

static __attribute__((noinline)) unsigned calls(void)
{
	unsigned i, bad = 0;

	for (i = 0; i < BENCH_CALLS; i++) {
		register uint64_t a0 __asm__("a0");
		register uint64_t a1 __asm__("a1");
		register uint64_t a6 __asm__("a6") = FID_GET_SPEC_VERSION;
		register uint64_t a7 __asm__("a7") = EID_BASE;

		__asm__ __volatile__("ecall\n\twfi" : "=r"(a0), "=r"(a1) : "r"(a6), "r"(a7) : "memory");
		bad += a0 != 0 || a1 != SPEC_2_0;
	}
	return bad;
}

/* vCPU idx's part of phase p, once vCPU 0 has opened it. */
static void phase(unsigned p, unsigned idx)
{
	uint64_t t;
	unsigned bad;

	while (__atomic_load_n(&go, __ATOMIC_ACQUIRE) < p)
		relax();
	t = counter();
	bad = p == CALLS ? calls() : yields();
	span[p][idx] = counter() - t;
	__atomic_fetch_add(&wrong, bad, __ATOMIC_RELAXED);
	if (__atomic_add_fetch(&finished[p], 1u, __ATOMIC_ACQ_REL) == k)
		__atomic_store_n(&t_end[p], counter(), __ATOMIC_RELEASE);
}

void bench_vcpu(uint64_t idx)
{
	unsigned p;

	__atomic_fetch_add(&arrived, 1u, __ATOMIC_ACQ_REL);
	for (p = 1; p < PHASES; p++)
		phase(p, (unsigned)idx);
	(void)hcall_sbi_call0(EID_HSM, FID_HART_STOP);
	for (;;)
		relax();
}

/* vCPU 0: open phase p, take part, wait for the others; its window. */
static uint64_t run_phase(unsigned p)
{
	t_start[p] = counter();
	__atomic_store_n(&go, p, __ATOMIC_RELEASE);
	phase(p, 0);
	while (__atomic_load_n(&finished[p], __ATOMIC_ACQUIRE) != k)
		relax();
	return __atomic_load_n(&t_end[p], __ATOMIC_ACQUIRE) - t_start[p];
}

void guest_main(void)
{
	uint64_t window[PHASES];
	unsigned i, p, overlap = 1, started = 1;

	k = bench_smp_k(*(volatile uint32_t *)BENCH_K_ADDR);
	for (i = 1; i < k; i++)
		started &= hcall_sbi_call3(EID_HSM, FID_HART_START, i,
					   (uint64_t)(uintptr_t)bench_secondary, i).error == 0;
	if (!started) {
		tap_check(0, "SBI HSM hart_start of vCPUs 1..k-1");
		guest_exit(1);
	}
	while (__atomic_load_n(&arrived, __ATOMIC_ACQUIRE) != k - 1)
		relax();
	for (p = 1; p < PHASES; p++)
		window[p] = run_phase(p);
	bench_smp_print_hz(TIMEBASE_HZ);
	bench_smp_print("smp", k, BENCH_CALLS, window[CALLS]);
	bench_smp_print("smp_yield", k, BENCH_CALLS, window[YIELDS]);
	for (p = 1; p < PHASES; p++)
		overlap &= bench_smp_interleaved(span[p], k, window[p]);
	tap_check(overlap, "the vCPUs' loops interleave (each spans >= 90% of its window)");
	tap_eq("every GET_SPEC_VERSION call answered SUCCESS, 2.0", wrong, 0);
	guest_exit(tap_done() ? 1 : 0);
}
