/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/smp.c - hart bring-up and kicks (see smp.h).
 *
 * The number of harts is the number of cpu@ nodes under /cpus in the
 * flattened device tree (devicetree specification v0.4, chapter 5: a
 * big-endian header with magic 0xd00dfeed, the structure block at the
 * offset in word 2 with size in word 9, tokens BEGIN_NODE 1, END_NODE 2,
 * PROP 3, NOP 4, END 9). QEMU virt numbers its harts 0..n-1.
 */
#include <stddef.h>
#include "smp.h"
#include "csr.h"
#include "rv.h"

#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u
/* A hart that has not reached C after this many timer ticks (10 MHz on
 * virt: one second) is left out. */
#define BRINGUP_TICKS 10000000ull

struct rv_pcpu rv_pcpus[RV_MAX_HARTS];
_Static_assert(offsetof(struct rv_pcpu, hv) == RV_PCPU_HV, "smp.h: RV_PCPU_HV");
unsigned rv_nharts = 1;
uint8_t rv_hv_stacks[RV_MAX_HARTS][RV_STACK_SIZE] __attribute__((aligned(16)));
/* entry.S: the parked harts go to HS-mode once this is non-zero. In
 * .data, not .bss: hart 0 clears .bss while the others already test it. */
volatile uint32_t rv_harts_go __attribute__((section(".data")));

void rv_secondary(unsigned hart);
static void (*secondary_fn)(unsigned hart);

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int name_is(const char *s, const char *want, int prefix)
{
	while (*want)
		if (*s++ != *want++)
			return 0;
	return prefix || *s == 0;
}

static unsigned fdt_count_harts(const uint8_t *fdt)
{
	const uint8_t *p, *end;
	unsigned depth = 0, cpus_depth = 0, n = 0;

	if (!fdt || be32(fdt) != FDT_MAGIC)
		return 1;
	p = fdt + be32(fdt + 8);
	end = p + be32(fdt + 36);
	while (p + 4 <= end) {
		uint32_t tok = be32(p);

		p += 4;
		if (tok == FDT_BEGIN_NODE) {
			const char *name = (const char *)p;
			unsigned len = 0;

			while (p + len < end && p[len])
				len++;
			depth++;
			if (depth == 2 && name_is(name, "cpus", 0))
				cpus_depth = 3;
			else if (depth == cpus_depth && name_is(name, "cpu@", 1))
				n++;
			p += (len + 4) & ~3u;
		} else if (tok == FDT_END_NODE) {
			if (depth == cpus_depth - 1)
				cpus_depth = 0;
			depth--;
		} else if (tok == FDT_PROP) {
			if (p + 8 > end)
				break;
			p += 8 + ((be32(p) + 3) & ~3u);
		} else if (tok != FDT_NOP) {
			break; /* FDT_END, or a malformed block */
		}
	}
	return n ? n : 1;
}

void rv_smp_cpu_init(unsigned hart)
{
	struct rv_pcpu *c = &rv_pcpus[hart];

	c->hart = hart;
	c->hv = &rv_hv;
	c->stack_top = (uint64_t)(uintptr_t)rv_hv_stacks[hart] + RV_STACK_SIZE;
	__asm__ __volatile__("mv tp, %0" : : "r"(c) : "memory");
	/* Kicks: the shim turns MSIP into SSIP; HS takes it while a guest
	 * runs (V=1) and wakes from WFI on it, never trapping in HS itself
	 * (sstatus.SIE stays 0). */
	csr_set(CSR_SIE, 1ul << 1);
}

/* entry.S, on hart `hart` in HS-mode with its stack. */
void rv_secondary(unsigned hart)
{
	if (hart == 0 || hart >= RV_MAX_HARTS)
		for (;;)
			__asm__ __volatile__("wfi");
	rv_smp_cpu_init(hart);
	__atomic_store_n(&rv_pcpus[hart].alive, 1, __ATOMIC_RELEASE);
	secondary_fn(hart);
	for (;;)
		__asm__ __volatile__("wfi");
}

static uint64_t now(void)
{
	uint64_t t;

	__asm__ __volatile__("csrr %0, time" : "=r"(t));
	return t;
}

static void msip(unsigned hart)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST); /* the news before the kick */
	*(volatile uint32_t *)(uintptr_t)(RV_CLINT_MSIP + 4ul * hart) = 1;
}

unsigned rv_smp_boot(const void *fdt, void (*secondary_main)(unsigned hart))
{
	unsigned n = fdt_count_harts(fdt), hart;

	if (n > RV_MAX_HARTS)
		n = RV_MAX_HARTS;
	secondary_fn = secondary_main;
	__atomic_store_n(&rv_harts_go, 1u, __ATOMIC_RELEASE);
	for (hart = 1; hart < n; hart++)
		msip(hart);
	for (hart = 1; hart < n; hart++) {
		uint64_t end = now() + BRINGUP_TICKS;

		while (!__atomic_load_n(&rv_pcpus[hart].alive, __ATOMIC_ACQUIRE)) {
			rv_smp_pause();
			if (now() > end) {
				rv_puts("hv: hart ");
				rv_putdec(hart);
				rv_puts(" did not come up\n");
				return hart;
			}
		}
	}
	/* No vCPU runs yet, so no kick can be lost. */
	csr_clear(CSR_SIP, 1ul << 1);
	return n;
}

void rv_smp_kick(unsigned hart)
{
	if (hart >= rv_nharts || hart == rv_this_cpu()->hart)
		return;
	msip(hart);
}

void rv_smp_kick_others(void)
{
	unsigned hart;

	for (hart = 0; hart < rv_nharts; hart++)
		rv_smp_kick(hart);
}
