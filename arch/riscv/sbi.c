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
 *   RFENCE  the caller's hart: fence.i, or hfence.vvma (the running
 *           VM's VMID) of the range, page by page up to 64 pages, else all
 *           of it. A target running on another hart (smp.h) is asked to
 *           fence itself there (all of its VMID, and fence.i) and the call
 *           waits until it has (vcpu.c, rv_vcpu_fence_others).
 *   DBCN    the hypervisor's UART (also legacy console_putchar).
 *   legacy clear_ipi clears the vCPU's hvip.VSSIP; a non-retentive
 *   suspend restarts the vCPU at its new entry (vcpu.c); a legacy hart
 *   mask's virtual address goes through the vCPU's vsatp (Bare, Sv39,
 *   Sv48), every page-table and data read through hv_copy_from_guest.
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

	rv_vcpu_fence_others(v, targets);
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

#define SATP_MODE_SHIFT 60
#define SATP_PPN_MASK ((1ull << 44) - 1)
#define PTE_V 1ull
#define PTE_R 2ull
#define PTE_W 4ull
#define PTE_X 8ull

/* Guest-physical address of va under the running vCPU's vsatp, or -1. */
static int translate(struct hv_vcpu *v, uint64_t va, uint64_t *gpa)
{
	uint64_t vsatp, mode, table, pte;
	int levels, i;

	csr_read(CSR_VSATP, vsatp);
	mode = vsatp >> SATP_MODE_SHIFT;
	if (mode == 0) {
		*gpa = va;
		return 0;
	}
	if (mode == 8)
		levels = 3;
	else if (mode == 9)
		levels = 4;
	else
		return -1;
	/* The bits above the top level must copy its top bit. */
	if ((uint64_t)((int64_t)(va << (64 - (12 + 9 * levels))) >> (64 - (12 + 9 * levels))) != va)
		return -1;
	table = (vsatp & SATP_PPN_MASK) << 12;
	for (i = levels - 1; i >= 0; i--) {
		uint64_t vpn = (va >> (12 + 9 * i)) & 0x1FF, ppn;

		if (hv_copy_from_guest(v->vm, &pte, table + vpn * 8, 8))
			return -1;
		if (!(pte & PTE_V) || ((pte & PTE_W) && !(pte & PTE_R)))
			return -1;
		ppn = (pte >> 10) & SATP_PPN_MASK;
		if (pte & (PTE_R | PTE_X)) {
			uint64_t span = 1ull << (12 + 9 * i);

			if (!(pte & PTE_R) || ((ppn << 12) & (span - 1)))
				return -1; /* not readable, or a misaligned superpage */
			*gpa = (ppn << 12) | (va & (span - 1));
			return 0;
		}
		table = ppn << 12;
	}
	return -1;
}

static int read_guest_ulong(struct hv_vcpu *v, uint64_t va, uint64_t *val)
{
	uint64_t gpa;

	if (va & 7 || translate(v, va, &gpa))
		return -1;
	return hv_copy_from_guest(v->vm, val, gpa, 8) ? -1 : 0;
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
	.read_guest_ulong = read_guest_ulong,
};
