/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/sbi.c - the riscv glue's side of the SBI service
 * (hv/sbi_glue.h): the VS timer, remote fences and the debug console.
 *
 *   TIME    Sstc: QEMU 7.2's harts have it (the shim sets menvcfg.STCE,
 *           rv_main henvcfg.STCE), so VSTIP follows the running vCPU's
 *           vstimecmp; each vCPU keeps its own (vcpu.c saves and loads
 *           it with the rest of its VS state). A deadline in the past
 *           raises the interrupt at once; a later one clears it.
 *   RFENCE  every vCPU runs on this one hart and shares its TLB and
 *           instruction cache, so a fence here covers every target:
 *           fence.i, or hfence.vvma (the running VM's VMID) of the range,
 *           page by page up to 64 pages, else all of it.
 *   DBCN    the hypervisor's UART (also legacy console_putchar).
 *   legacy clear_ipi clears the vCPU's hvip.VSSIP; a non-retentive
 *   suspend restarts the vCPU at its new entry (vcpu.c).
 */
#include "csr.h"
#include "rv.h"

#include "sbi_glue.h"

#define PAGE 4096ull
#define MAX_PAGES 64ull

static void set_timer(struct hv_vcpu *v, uint64_t deadline)
{
	rv_vcpu_set_timer(v, deadline);
}

/* hfence.vvma rs1 = t0 (address), rs2 = t1 (ASID), encoded by hand: the
 * toolchains' -march has no H extension. */
static inline void hfence_vvma(uint64_t addr, uint64_t asid, int by_addr, int by_asid)
{
	register uint64_t t0 __asm__("t0") = addr;
	register uint64_t t1 __asm__("t1") = asid;

	if (by_addr && by_asid)
		__asm__ __volatile__(".word 0x22628073" : : "r"(t0), "r"(t1) : "memory");
	else if (by_addr)
		__asm__ __volatile__(".word 0x22028073" : : "r"(t0) : "memory");
	else if (by_asid)
		__asm__ __volatile__(".word 0x22600073" : : "r"(t1) : "memory");
	else
		__asm__ __volatile__(".word 0x22000073" : : : "memory");
}

static void fence(struct hv_vcpu *v, uint64_t targets, enum hv_sbi_fence kind,
		  uint64_t start, uint64_t size, uint64_t asid)
{
	int by_asid = kind == HV_SBI_FENCE_VMA_ASID;
	uint64_t first, pages;

	(void)v;
	(void)targets; /* all on this hart */
	if (kind == HV_SBI_FENCE_I) {
		__asm__ __volatile__("fence.i" ::: "memory");
		return;
	}
	first = start & ~(PAGE - 1);
	pages = size / PAGE + 2;
	if ((start == 0 && size == 0) || size == ~0ull || size > MAX_PAGES * PAGE ||
	    start + size < start) {
		hfence_vvma(0, asid, 0, by_asid);
		return;
	}
	for (uint64_t i = 0; i < pages && first + i * PAGE < start + size; i++)
		hfence_vvma(first + i * PAGE, asid, 1, by_asid);
}

static void console_write(const char *buf, unsigned len)
{
	for (unsigned i = 0; i < len; i++)
		rv_putc(buf[i]);
}

static void clear_ipi(struct hv_vcpu *v)
{
	rv_vcpu_clear_ipi(v);
}

static void restart(struct hv_vcpu *v)
{
	rv_vcpu_stopped(v); /* started afresh at v->entry when it next runs */
}

const struct hv_sbi_glue rv_sbi_glue = {
	.set_timer = set_timer,
	.fence = fence,
	.console_write = console_write,
	.clear_ipi = clear_ipi,
	.restart = restart,
};
