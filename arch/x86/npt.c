/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/npt.c - nested page tables at 4 KiB granularity and the TLB
 * shootdown (npt.h).
 *
 * Leaf entries: present (P) is read, RW is write; US is always set since
 * nested walks are user accesses. Execute permission is not enforced:
 * NPT's NX bit needs the host's EFER.NXE, which this hypervisor leaves
 * off. The memory type is chosen with PWT/PCD against the power-on PAT
 * (WB, WT, UC-, UC): WB, WT and UC map to themselves; WC and WP, which
 * that PAT has no entry for, become UC-.
 */
#include "npt.h"

#include "smp.h"
#include "vm.h"

#define NPT_P 0x001ull
#define NPT_RW 0x002ull
#define NPT_US 0x004ull
#define NPT_PWT 0x008ull
#define NPT_PCD 0x010ull
#define NPT_PS 0x080ull
#define NPT_ADDR 0x000ffffffffff000ull
#define NPT_ADDR_2M 0x000fffffffe00000ull
#define NPT_TABLE (NPT_P | NPT_RW | NPT_US)
#define NPT_LEAF_BITS (NPT_P | NPT_RW | NPT_US | NPT_PWT | NPT_PCD)
#define SZ_4K 0x1000ull
#define SZ_2M (1ull << 21)

static void zero(uint64_t *t)
{
	for (unsigned i = 0; i < 512; i++)
		t[i] = 0;
}

static uint64_t *table_of(uint64_t entry)
{
	return (uint64_t *)(uintptr_t)(entry & NPT_ADDR);
}

/* The leaf bits for rights and memory type `flags` (hv.h); 0 without
 * READ: a page that cannot be read is not mapped. */
static uint64_t leaf_bits(uint32_t flags)
{
	uint64_t e = NPT_P | NPT_US;

	if (!(flags & HV_MEM_READ))
		return 0;
	if (flags & HV_MEM_WRITE)
		e |= NPT_RW;
	switch (HV_MEM_TYPE(flags)) {
	case HV_MEM_WT:
		return e | NPT_PWT;
	case HV_MEM_UC:
		return e | NPT_PCD | NPT_PWT;
	case HV_MEM_WC:
	case HV_MEM_WP:
		return e | NPT_PCD;
	default:
		return e;
	}
}

static unsigned tables_free(const struct x86_vm *xv)
{
	unsigned n = 0;

	for (unsigned i = 0; i < NPT_TABLES; i++)
		n += !xv->npt_pt_used[i];
	return n;
}

static uint64_t *table_alloc(struct x86_vm *xv)
{
	for (unsigned i = 0; i < NPT_TABLES; i++)
		if (!xv->npt_pt_used[i]) {
			xv->npt_pt_used[i] = 1;
			zero(xv->npt_pt[i]);
			return xv->npt_pt[i];
		}
	return 0; /* not reached: the caller counted the free tables */
}

static void table_free(struct x86_vm *xv, const uint64_t *t)
{
	for (unsigned i = 0; i < NPT_TABLES; i++)
		if (xv->npt_pt[i] == t)
			xv->npt_pt_used[i] = 0;
}

/* Make every CPU stop using the VM's old translations (npt.h). The
 * caller's own vCPU is in its exit handler, never in the guest. */
static void shootdown(struct hv_vm *vm)
{
	for (unsigned i = 0; i < vm->nvcpus && i < HV_MAX_VCPUS; i++)
		if (vm->vcpus[i].arch)
			__atomic_fetch_or(&x86_vcpu_of(&vm->vcpus[i])->work, X86_WORK_FLUSH,
					  __ATOMIC_SEQ_CST);
	for (unsigned i = 0; i < vm->nvcpus && i < HV_MAX_VCPUS; i++) {
		struct x86_vcpu *xc = x86_vcpu_of(&vm->vcpus[i]);
		uint32_t s;

		if (!xc)
			continue;
		s = __atomic_load_n(&xc->guest_seq, __ATOMIC_SEQ_CST);
		if (!(s & 1))
			continue;
		smp_kick(smp_cpu_of(&vm->vcpus[i]));
		/* It leaves the guest at the kick (SVM_EXIT_INTR). */
		while (__atomic_load_n(&xc->guest_seq, __ATOMIC_ACQUIRE) == s)
			__asm__ volatile("pause");
	}
}

void npt_reset(struct x86_vm *xv)
{
	zero(xv->npt_pml4);
	zero(xv->npt_pdpt);
	zero(xv->npt_pd);
	for (unsigned i = 0; i < NPT_TABLES; i++)
		xv->npt_pt_used[i] = 0;
	xv->npt_pml4[0] = (uint64_t)(uintptr_t)xv->npt_pdpt | NPT_TABLE;
	xv->npt_pdpt[0] = (uint64_t)(uintptr_t)xv->npt_pd | NPT_TABLE;
	/* gpa 0 .. 2 MiB -> the VM's block; nothing else is mapped. */
	xv->npt_pd[0] = xv->host_base | NPT_P | NPT_RW | NPT_US | NPT_PS;
	xv->npt_valid = 1;
}

void npt_unmap_all(struct hv_vm *vm)
{
	struct x86_vm *xv = x86_vm_of(vm);

	xv->npt_pml4[0] = 0;
	xv->npt_valid = 0;
	shootdown(vm);
}

/* The part of [gpa, end) in 2 MiB slot i, and whether it is all of it. */
struct slot {
	uint64_t lo, hi;
	int whole;
};

static struct slot slot_of(uint64_t i, uint64_t gpa, uint64_t end)
{
	struct slot s;
	uint64_t base = i * SZ_2M;

	s.lo = gpa > base ? gpa : base;
	s.hi = end < base + SZ_2M ? end : base + SZ_2M;
	s.whole = s.lo == base && s.hi == base + SZ_2M;
	return s;
}

/* Page tables a change needs that the VM does not have yet. */
static unsigned tables_needed(const struct x86_vm *xv, enum hv_stage2_op op,
			      uint64_t gpa, uint64_t end, uint64_t hpa)
{
	unsigned n = 0;

	for (uint64_t i = gpa / SZ_2M; i * SZ_2M < end; i++) {
		struct slot s = slot_of(i, gpa, end);
		uint64_t pde = xv->npt_pd[i];

		if (op == HV_STAGE2_MAP)
			n += !(pde & NPT_P) &&
			     !(s.whole && !((hpa + (s.lo - gpa)) & (SZ_2M - 1)));
		else
			n += (pde & NPT_P) && (pde & NPT_PS) && !s.whole;
	}
	return n;
}

/* A mapped entry (4 KiB or 2 MiB) after UNMAP, ALLOW or DENY. */
static uint64_t changed(uint64_t e, enum hv_stage2_op op, uint32_t flags)
{
	if (!(e & NPT_P))
		return e;
	switch (op) {
	case HV_STAGE2_UNMAP:
		return 0;
	case HV_STAGE2_ALLOW:
		return (flags & HV_MEM_WRITE) ? e | NPT_RW : e;
	case HV_STAGE2_DENY:
		if (flags & HV_MEM_READ)
			return 0;
		return (flags & HV_MEM_WRITE) ? e & ~NPT_RW : e;
	default:
		return e;
	}
}

/* Replace the large page at *pde by a page table with the same map. */
static void split(struct x86_vm *xv, uint64_t *pde)
{
	uint64_t *t = table_alloc(xv);
	uint64_t base = *pde & NPT_ADDR_2M, bits = *pde & NPT_LEAF_BITS;

	for (uint64_t k = 0; k < 512; k++)
		t[k] = (base + k * SZ_4K) | bits;
	*pde = (uint64_t)(uintptr_t)t | NPT_TABLE;
}

static int table_empty(const uint64_t *t)
{
	for (unsigned k = 0; k < 512; k++)
		if (t[k])
			return 0;
	return 1;
}

static void map_slot(struct x86_vm *xv, uint64_t *pde, struct slot s, uint64_t h,
		     uint64_t bits)
{
	uint64_t *t;

	if (*pde & NPT_P) {
		if (*pde & NPT_PS)
			return; /* a large page mapped already is kept whole */
	} else if (s.whole && !(h & (SZ_2M - 1))) {
		*pde = h | bits | NPT_PS;
		return;
	} else {
		*pde = (uint64_t)(uintptr_t)table_alloc(xv) | NPT_TABLE;
	}
	t = table_of(*pde);
	for (uint64_t a = s.lo; a < s.hi; a += SZ_4K, h += SZ_4K) {
		uint64_t *e = &t[(a / SZ_4K) % 512];

		if (!(*e & NPT_P))
			*e = h | bits;
	}
}

static void change_slot(struct x86_vm *xv, uint64_t *pde, struct slot s,
			enum hv_stage2_op op, uint32_t flags)
{
	uint64_t *t;

	if (!(*pde & NPT_P))
		return;
	if (*pde & NPT_PS) {
		if (s.whole) {
			*pde = changed(*pde, op, flags);
			return;
		}
		split(xv, pde);
	}
	t = table_of(*pde);
	for (uint64_t a = s.lo; a < s.hi; a += SZ_4K)
		t[(a / SZ_4K) % 512] = changed(t[(a / SZ_4K) % 512], op, flags);
	if (table_empty(t)) {
		table_free(xv, t);
		*pde = 0;
	}
}

int x86_stage2(struct hv_vm *vm, enum hv_stage2_op op, uint64_t gpa,
	       uint64_t size, uint64_t hpa, uint32_t flags)
{
	struct x86_vm *xv = x86_vm_attach(vm);
	const uint64_t end = gpa + size;
	const uint64_t bits = leaf_bits(flags);

	if (!xv || op > HV_STAGE2_RESET)
		return -HV_EINVAL;
	if (op == HV_STAGE2_RESET) {
		npt_reset(xv);
		shootdown(vm);
		return 0;
	}
	if ((gpa | size | hpa) & (SZ_4K - 1) || end < gpa || end > NPT_COVER ||
	    hpa + size < hpa)
		return -HV_EINVAL;
	if (!size || (op == HV_STAGE2_MAP && !bits))
		return 0;
	if (tables_needed(xv, op, gpa, end, hpa) > tables_free(xv))
		return -HV_ENOSPC;
	for (uint64_t i = gpa / SZ_2M; i * SZ_2M < end; i++) {
		struct slot s = slot_of(i, gpa, end);

		if (op == HV_STAGE2_MAP)
			map_slot(xv, &xv->npt_pd[i], s, hpa + (s.lo - gpa), bits);
		else
			change_slot(xv, &xv->npt_pd[i], s, op, flags);
	}
	shootdown(vm);
	return 0;
}

int x86_stage2_query(struct hv_vm *vm, uint64_t gpa, uint64_t *hpa)
{
	struct x86_vm *xv = x86_vm_attach(vm);
	uint64_t pde, pte;

	if (!xv || gpa >= NPT_COVER || !(xv->npt_pml4[0] & NPT_P))
		return -HV_EFAULT;
	pde = xv->npt_pd[gpa / SZ_2M];
	if (!(pde & NPT_P))
		return -HV_EFAULT;
	if (pde & NPT_PS) {
		*hpa = (pde & NPT_ADDR_2M) | (gpa & (SZ_2M - 1));
		return 0;
	}
	pte = table_of(pde)[(gpa / SZ_4K) % 512];
	if (!(pte & NPT_P))
		return -HV_EFAULT;
	*hpa = (pte & NPT_ADDR) | (gpa & (SZ_4K - 1));
	return 0;
}
