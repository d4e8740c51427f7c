/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_smccc.c - Arm SMCCC: the architecture calls (owner 0) and the
 * vendor-specific hypervisor service (owner 6) with KVM's identity and
 * its memory-protection calls. PSCI (owner 4) is in svc_psci.c.
 *
 *   SMCCC_VERSION        1.1 (0x10001): hcall's core speaks the 1.1
 *                        register convention (x1-x7 in, x0-x3 out)
 *   ARCH_FEATURES(fid)   0 if fid is implemented here and the caller may
 *                        make it, else NOT_SUPPORTED; the CVE workarounds
 *                        and ARCH_SOC_ID are not implemented
 *   vendor Call UID      KVM's UID, so KVM guests find the vendor calls
 *   vendor revision      1.0 (x0 = 1, x1 = 0): hcall's own revision
 *   KVM FUNC_FEATURES    bitmap (x0..x3) of the vendor functions 0..127
 *                        this table implements and the caller may make
 *   HYP_MEMINFO          granule 4096
 *   MEM_SHARE/UNSHARE/RELINQUISH(ipa)
 *                        per-page state of the calling VM (hv.h
 *                        enum hv_page_state): PRIVATE -share-> SHARED
 *                        -unshare-> PRIVATE; PRIVATE or SHARED
 *                        -relinquish-> RELINQUISHED (page zeroed; a
 *                        second relinquish succeeds). ipa must be 4 KiB
 *                        aligned and inside the VM; any other transition,
 *                        or a full page-state table, is INVALID_PARAMETER.
 * Every result register x0..x3 is written; unused ones get 0. Yielding
 * calls, IDs with bits 23:16 set and other owners are NOT_SUPPORTED.
 */
#include <hcall/abi/kvm_arm64.h>
#include <hcall/abi/probe.h>
#include <hcall/abi/smccc.h>

#include "call.h"
#include "guest_mem.h"
#include "lock.h"
#include "svc_lookup.h"

enum { HCALL_SMCCC_CALLS(HV_SVC_ARGS) HCALL_KVM_ARM64_CALLS(HV_SVC_ARGS) };

#define GRANULE 4096u
#define RET_INVALID ((int64_t)HCALL_SMCCC_RET_INVALID_PARAMETER)

/* ---- architecture calls ---- */

static void version(struct hv_call *c)
{
	hv_call_ok(c, HCALL_SMCCC_VERSION_1_1);
}

static void arch_features(struct hv_call *c)
{
	const struct hv_svc *e = hv_smccc_lookup((uint32_t)c->arg[0]);

	hv_call_status(c, e && hv_call_permitted(c->vm, e) ? 0
							    : HCALL_SMCCC_RET_NOT_SUPPORTED);
}

const struct hv_svc hv_smccc_arch_table[HV_SMCCC_ARCH_N] = {
	[HCALL_SMCCC_VERSION & 0xFFFF] = HV_SVC(SMCCC, VERSION, version, HV_PERM_INFO),
	[HCALL_SMCCC_ARCH_FEATURES & 0xFFFF] =
		HV_SVC(SMCCC, ARCH_FEATURES, arch_features, HV_PERM_INFO),
};

/* ---- vendor hypervisor service ---- */

static void call_uid(struct hv_call *c)
{
	c->out[0] = HCALL_KVM_ARM64_UID_W0;
	c->out[1] = HCALL_KVM_ARM64_UID_W1;
	c->out[2] = HCALL_KVM_ARM64_UID_W2;
	c->out[3] = HCALL_KVM_ARM64_UID_W3;
}

static void revision(struct hv_call *c)
{
	c->out[0] = 1;
	c->out[1] = 0;
}

static void func_features(struct hv_call *c);
static void hyp_meminfo(struct hv_call *c)
{
	hv_call_ok(c, GRANULE);
}

/* The page-state slot of ipa, or a free one (want_free), or NULL. */
static struct hv_page *page_slot(struct hv_vm *vm, uint64_t ipa, int want_free)
{
	struct hv_page *free = NULL;
	unsigned i;

	for (i = 0; i < HV_MAX_PAGE_STATES; i++) {
		struct hv_page *p = &vm->pages[i];

		if (p->state != HV_PAGE_PRIVATE && p->ipa == ipa)
			return p;
		if (p->state == HV_PAGE_PRIVATE && !free)
			free = p;
	}
	return want_free ? free : NULL;
}

enum mem_op { MEM_SHARE, MEM_UNSHARE, MEM_RELINQUISH };

static int64_t mem_transition(struct hv_vm *vm, uint64_t ipa, enum mem_op op)
{
	struct hv_page *p = page_slot(vm, ipa, 0);
	uint32_t cur = p ? p->state : HV_PAGE_PRIVATE;

	switch (op) {
	case MEM_SHARE:
		if (cur != HV_PAGE_PRIVATE || !(p = page_slot(vm, ipa, 1)))
			return RET_INVALID;
		p->ipa = ipa;
		p->state = HV_PAGE_SHARED;
		return 0;
	case MEM_UNSHARE:
		if (cur != HV_PAGE_SHARED)
			return RET_INVALID;
		p->state = HV_PAGE_PRIVATE;
		p->ipa = 0;
		return 0;
	case MEM_RELINQUISH:
		if (cur == HV_PAGE_RELINQUISHED)
			return 0;
		if (!p && !(p = page_slot(vm, ipa, 1)))
			return RET_INVALID;
		p->ipa = ipa;
		p->state = HV_PAGE_RELINQUISHED;
		return 1; /* clear it */
	}
	return RET_INVALID;
}

static void mem_op(struct hv_call *c, enum mem_op op)
{
	uint64_t ipa = c->arg[0];
	int64_t st;

	if (ipa % GRANULE || !hv_guest_range(c->vm, ipa, GRANULE, 0)) {
		hv_call_status(c, RET_INVALID);
		return;
	}
	hv_lock(&c->vm->lock);
	st = mem_transition(c->vm, ipa, op);
	hv_unlock(&c->vm->lock);
	if (st == 1) {
		/* The page goes back to the host cleared. */
		hv_guest_clear(c->vm, ipa, GRANULE);
		st = 0;
	}
	hv_call_status(c, st);
}

static void mem_share(struct hv_call *c)
{
	mem_op(c, MEM_SHARE);
}

static void mem_unshare(struct hv_call *c)
{
	mem_op(c, MEM_UNSHARE);
}

static void mem_relinquish(struct hv_call *c)
{
	mem_op(c, MEM_RELINQUISH);
}

/* Functions 0..127 at their number; the general queries after them. */
#define VENDOR_GENERAL HV_SMCCC_VENDOR_GENERAL

const struct hv_svc hv_smccc_vendor_table[HV_SMCCC_VENDOR_N] = {
	[HCALL_KVM_ARM64_FN_FEATURES] =
		HV_SVC(KVM_ARM64, FUNC_FEATURES, func_features, HV_PERM_INFO),
	[HCALL_KVM_ARM64_FN_HYP_MEMINFO] =
		HV_SVC(KVM_ARM64, HYP_MEMINFO, hyp_meminfo, HV_PERM_MEMSHARE),
	[HCALL_KVM_ARM64_FN_MEM_SHARE] =
		HV_SVC(KVM_ARM64, MEM_SHARE, mem_share, HV_PERM_MEMSHARE),
	[HCALL_KVM_ARM64_FN_MEM_UNSHARE] =
		HV_SVC(KVM_ARM64, MEM_UNSHARE, mem_unshare, HV_PERM_MEMSHARE),
	[HCALL_KVM_ARM64_FN_MEM_RELINQUISH] =
		HV_SVC(KVM_ARM64, MEM_RELINQUISH, mem_relinquish, HV_PERM_MEMSHARE),
	[VENDOR_GENERAL + (HCALL_SMCCC_FUNC_CALL_UID - HCALL_SMCCC_FUNC_CALL_COUNT)] =
		HV_SVC(KVM_ARM64, CALL_UID, call_uid, HV_PERM_INFO),
	[VENDOR_GENERAL + (HCALL_SMCCC_FUNC_REVISION - HCALL_SMCCC_FUNC_CALL_COUNT)] = {
		HCALL_SMCCC_FID(1, 0, HCALL_SMCCC_OWNER_VENDOR_HYP, HCALL_SMCCC_FUNC_REVISION),
		revision, HV_PERM_INFO, 0, 0, 0 },
};

static void func_features(struct hv_call *c)
{
	unsigned f;

	for (f = 0; f < HCALL_KVM_ARM64_NUM_FUNCS; f++)
		if (hv_smccc_vendor_table[f].fn &&
		    hv_call_permitted(c->vm, &hv_smccc_vendor_table[f]))
			c->out[f / 32] |= 1ull << (f % 32);
}

/* ---- the SMCCC family (lookups in svc_lookup.h) ---- */

const struct hv_svc *hv_smccc_lookup(uint32_t fid)
{
	return hv_smccc_fid_lookup(fid);
}

const struct hv_svc *hv_svc_smccc_lookup(uint64_t ext, uint64_t nr)
{
	(void)ext;
	return hv_smccc_fid_lookup((uint32_t)nr);
}

const struct hv_service hv_svc_smccc = {
	HV_ABI_SMCCC,
	{ HCALL_SMCCC_RET_NOT_SUPPORTED, HCALL_SMCCC_RET_NOT_SUPPORTED,
	  HCALL_SMCCC_RET_INVALID_PARAMETER, HCALL_SMCCC_RET_INVALID_PARAMETER },
	0, HCALL_PROBE_SMCCC_ECHO, HCALL_PROBE_SMCCC_DUMP,
	hv_svc_smccc_lookup,
};
