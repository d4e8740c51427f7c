/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/stage2.c - stage-2 translation for the EL2 hypervisor.
 *
 * VTCR_EL2: T0SZ = 32 (4 GiB of IPA, enough for the virt machine's devices
 * and the first GiB of RAM), SL0 = 1 (start at level 1), 4 KiB granule,
 * non-cacheable walks (the hypervisor writes the tables with its MMU off),
 * PS = 40 bits. 2 MiB-aligned ranges become level-2 blocks, the rest
 * level-3 pages.
 */
#include "stage2.h"
#include "sysreg.h"
#include <hv/hv.h>

#define VTCR_T0SZ 32ull
#define VTCR_SL0_L1 (1ull << 6)
#define VTCR_PS_40 (2ull << 16)
#define VTCR_RES1 (1ull << 31)

#define DESC_VALID 1ull
#define DESC_TABLE 3ull /* table (levels 1-2) or page (level 3) */
#define DESC_BLOCK 1ull
#define DESC_ATTR_NORMAL (0xfull << 2) /* MemAttr: outer/inner write-back */
#define DESC_ATTR_DEVICE (0x1ull << 2) /* MemAttr: Device-nGnRE */
#define DESC_S2AP_R (1ull << 6)
#define DESC_S2AP_W (1ull << 7)
#define DESC_SH_INNER (3ull << 8)
#define DESC_AF (1ull << 10)
#define DESC_XN (2ull << 53)
#define DESC_ADDR_MASK 0x0000fffffffff000ull

#define SZ_4K 0x1000ull
#define SZ_2M 0x200000ull
#define IPA_LIMIT (1ull << 32)

static uint64_t s2_pool[HV_MAX_VMS * S2_PAGES_PER_VM][512]
	__attribute__((aligned(4096)));

void s2_setup(void)
{
	write_sysreg(vtcr_el2, VTCR_T0SZ | VTCR_SL0_L1 | VTCR_PS_40 | VTCR_RES1);
	isb();
}

void s2_init(struct arm64_s2 *s2, unsigned slot, unsigned vmid)
{
	unsigned i, j;

	s2->pages = &s2_pool[slot * S2_PAGES_PER_VM];
	for (i = 0; i < S2_PAGES_PER_VM; i++)
		for (j = 0; j < 512; j++)
			s2->pages[i][j] = 0;
	s2->used = 1;
	s2->vmid = vmid;
}

/* The next-level table behind entry `e`, allocated on first use. */
static uint64_t *s2_next(struct arm64_s2 *s2, uint64_t *e)
{
	uint64_t *t;

	if ((*e & 3) == DESC_TABLE)
		return (uint64_t *)(uintptr_t)(*e & DESC_ADDR_MASK);
	if (*e & DESC_VALID)
		return 0; /* a block is already there */
	if (s2->used >= S2_PAGES_PER_VM)
		return 0;
	t = s2->pages[s2->used++];
	*e = (uint64_t)(uintptr_t)t | DESC_TABLE;
	return t;
}

static uint64_t s2_attrs(unsigned perm)
{
	uint64_t a = DESC_AF;

	a |= (perm & S2_DEVICE) ? DESC_ATTR_DEVICE : (DESC_ATTR_NORMAL | DESC_SH_INNER);
	if (perm & S2_READ)
		a |= DESC_S2AP_R;
	if (perm & S2_WRITE)
		a |= DESC_S2AP_W;
	if (!(perm & S2_EXEC) || (perm & S2_DEVICE))
		a |= DESC_XN;
	return a;
}

int s2_map(struct arm64_s2 *s2, uint64_t ipa, uint64_t pa, uint64_t size,
	   unsigned perm)
{
	uint64_t attrs = s2_attrs(perm);

	if ((ipa | pa | size) & (SZ_4K - 1) || ipa >= IPA_LIMIT ||
	    size > IPA_LIMIT - ipa)
		return -1;
	while (size) {
		uint64_t *l1 = s2->pages[0];
		uint64_t *l2 = s2_next(s2, &l1[(ipa >> 30) & 3]);
		uint64_t *l3;

		if (!l2)
			return -1;
		if (!((ipa | pa) & (SZ_2M - 1)) && size >= SZ_2M &&
		    !(l2[(ipa >> 21) & 511] & DESC_VALID)) {
			l2[(ipa >> 21) & 511] = pa | attrs | DESC_BLOCK;
			ipa += SZ_2M;
			pa += SZ_2M;
			size -= SZ_2M;
			continue;
		}
		l3 = s2_next(s2, &l2[(ipa >> 21) & 511]);
		if (!l3)
			return -1;
		l3[(ipa >> 12) & 511] = pa | attrs | DESC_TABLE;
		ipa += SZ_4K;
		pa += SZ_4K;
		size -= SZ_4K;
	}
	dsb_sy();
	return 0;
}

uint64_t s2_vttbr(const struct arm64_s2 *s2)
{
	return (uint64_t)(uintptr_t)s2->pages[0] | ((uint64_t)s2->vmid << 48);
}

void s2_flush(void)
{
	__asm__ __volatile__("dsb ishst\n\ttlbi alle1\n\tdsb ish\n\tisb" ::: "memory");
}
