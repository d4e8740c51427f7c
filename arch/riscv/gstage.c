/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/gstage.c - G-stage translation (Sv39x4).
 *
 * Sv39x4 widens the root level to 11 bits (2048 entries, 16 KiB, 16 KiB
 * aligned) for a 41-bit guest-physical space; the lower levels are the
 * usual 512-entry 4 KiB tables. G-stage leaves must have U set (every
 * guest access is checked as a user access) and A/D preset (no hardware
 * update is assumed). Each VM's tables come from its own small static
 * pool, which rv_gstage_init empties: a VM's map is rebuilt whenever it
 * starts (zone_start may give it other memory).
 */
#include "csr.h"
#include "rv.h"

#define PTE_V 0x01u
#define PTE_R 0x02u
#define PTE_W 0x04u
#define PTE_X 0x08u
#define PTE_U 0x10u
#define PTE_A 0x40u
#define PTE_D 0x80u

#define PAGE 0x1000ull
#define MEGA 0x200000ull
#define GPA_LIMIT (1ull << 41)

#define POOL_PAGES 8 /* per VM */

static uint64_t roots[HV_MAX_VMS][2048] __attribute__((aligned(16384)));
static uint64_t pool[HV_MAX_VMS][POOL_PAGES][512] __attribute__((aligned(4096)));
static unsigned pool_used[HV_MAX_VMS];

int rv_gstage_init(struct rv_gstage *g, unsigned vmid)
{
	unsigned i;

	if (vmid >= HV_MAX_VMS)
		return -1;
	g->root = roots[vmid];
	g->vmid = vmid;
	for (i = 0; i < 2048; i++)
		g->root[i] = 0;
	pool_used[vmid] = 0;
	hfence_gvma_all();
	return 0;
}

/* The next-level table under *pte, allocated on first use from the VM's
 * pool (zeroed on allocation). */
static uint64_t *next_table(const struct rv_gstage *g, uint64_t *pte)
{
	unsigned i;
	uint64_t *t;

	if (*pte & PTE_V) {
		if (*pte & (PTE_R | PTE_W | PTE_X))
			return 0; /* a leaf is already there */
		return (uint64_t *)(uintptr_t)((*pte >> 10) << 12);
	}
	if (pool_used[g->vmid] == POOL_PAGES)
		return 0;
	t = pool[g->vmid][pool_used[g->vmid]++];
	for (i = 0; i < 512; i++)
		t[i] = 0;
	*pte = (((uint64_t)(uintptr_t)t >> 12) << 10) | PTE_V;
	return t;
}

static uint64_t leaf(uint64_t hpa, uint32_t flags)
{
	uint64_t pte = ((hpa >> 12) << 10) | PTE_V | PTE_U | PTE_A | PTE_D;

	if (flags & HV_MEM_READ)
		pte |= PTE_R;
	if (flags & HV_MEM_WRITE)
		pte |= PTE_W | PTE_R; /* W without R is reserved */
	if (flags & HV_MEM_EXEC)
		pte |= PTE_X;
	return pte;
}

int rv_gstage_map(struct rv_gstage *g, uint64_t gpa, uint64_t hpa,
		  uint64_t size, uint32_t flags)
{
	if ((gpa | hpa | size) & (PAGE - 1) || !(flags & 7u) ||
	    gpa >= GPA_LIMIT || size > GPA_LIMIT - gpa)
		return -1;
	while (size) {
		uint64_t *l1 = next_table(g, &g->root[(gpa >> 30) & 0x7ff]);
		uint64_t *l0;

		if (!l1)
			return -1;
		if (!((gpa | hpa) & (MEGA - 1)) && size >= MEGA) {
			l1[(gpa >> 21) & 0x1ff] = leaf(hpa, flags);
			gpa += MEGA, hpa += MEGA, size -= MEGA;
			continue;
		}
		l0 = next_table(g, &l1[(gpa >> 21) & 0x1ff]);
		if (!l0)
			return -1;
		l0[(gpa >> 12) & 0x1ff] = leaf(hpa, flags);
		gpa += PAGE, hpa += PAGE, size -= PAGE;
	}
	hfence_gvma_all();
	return 0;
}

uint64_t rv_gstage_hgatp(const struct rv_gstage *g)
{
	return HGATP_SV39X4 | ((uint64_t)(g->vmid + 1) << HGATP_VMID_SHIFT) |
	       ((uint64_t)(uintptr_t)g->root >> 12);
}
