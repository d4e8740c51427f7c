/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_smccc.c - Arm SMCCC: the architecture calls (owner 0) and the
 * vendor-specific hypervisor service (owner 6) with KVM's identity and
 * its memory-protection calls. PSCI (owner 4) is in svc_psci.c.
 *
 *   SMCCC_VERSION        1.1 (0x10001): hcall's core speaks the 1.1
 *                        register convention (x1-x7 in, x0-x3 out)
 *   ARCH_FEATURES(fid)   0 if fid is implemented here, or registered for
 *                        the caller's VM, and the caller may make it, else
 *                        NOT_SUPPORTED; the CVE workarounds and ARCH_SOC_ID
 *                        are not implemented
 *   vendor Call UID      KVM's UID, so KVM guests find the vendor calls
 *   vendor revision      1.0 (x0 = 1, x1 = 0): hcall's own revision
 *   KVM FUNC_FEATURES    bitmap (x0..x3) of the vendor functions 0..127
 *                        this table implements and the caller may make
 *   HYP_MEMINFO          granule 4096
 *   MEM_SHARE/UNSHARE(ipa)
 *                        per-page state of the calling VM: PRIVATE
 *                        -share-> SHARED -unshare-> PRIVATE. ipa must be
 *                        4 KiB aligned and inside the VM; any other
 *                        transition, or a full page-state table, is
 *                        INVALID_PARAMETER.
 *   PTP, MMIO_GUARD, DISCOVER_IMPL_*
 *                        not implemented: NOT_SUPPORTED, and absent from
 *                        FUNC_FEATURES. The vendor functions are those of
 *                        mainline Linux (abi/kvm_arm64.h), not Android's.
 * Every result register x0..x3 is written; unused ones get 0. Yielding
 * calls, IDs with bits 23:16 set and other owners are NOT_SUPPORTED.
 */
#include <hcall/abi/kvm_arm64.h>
#include <hcall/abi/probe.h>
#include <hcall/abi/smccc.h>

#include "dispatcher.h"
#include "guest_mem.h"
#include "hv_string.h"
#include "lock.h"
#include "registry.h"
#include "smccc.h"

enum { HCALL_SMCCC_CALLS(HV_ENTRY_ARGS) HCALL_KVM_ARM64_CALLS(HV_ENTRY_ARGS) };

#define GRANULE 4096u
#define RET_INVALID ((int64_t)HCALL_SMCCC_RET_INVALID_PARAMETER)

/* Pages per VM that may be in a non-default MEM_SHARE state at once. */
#define MAX_PAGE_STATES 64

/* MEM_SHARE page states (pages not listed are PAGE_PRIVATE). */
enum page_state {
	PAGE_PRIVATE = 0,
	PAGE_SHARED = 1,       /* shared with the host (MEM_SHARE) */
};

struct page {
	uint64_t ipa;          /* granule-aligned guest-physical address */
	uint32_t state;        /* enum page_state; PRIVATE = free slot */
};

/* Per-VM state, under vm->lock; cleared at every VM start. */
struct smccc_vm {
	struct page pages[MAX_PAGE_STATES];
};

/* ---- architecture calls ---- */

static void version(struct hv_call *c)
{
	hv_call_ok(c, HCALL_SMCCC_VERSION_1_1);
}

static inline __attribute__((always_inline)) const struct hv_entry *smccc_lookup(uint32_t fid);

/*
 * 0 for a function the caller may make: one this file or svc_psci.c
 * implements, or one registered for the caller's VM (hv_register_hypercall;
 * the arm64 glue's TRNG on a CPU with FEAT_RNG), which needs the custom
 * call class.
 */
static void arch_features(struct hv_call *c)
{
	uint32_t fid = (uint32_t)c->arg[0];
	const struct hv_entry *e = smccc_lookup(fid);
	hv_handler_fn fn;
	void *priv;
	int ok;

	if (e)
		ok = hv_call_permitted(c->vm, e);
	else
		ok = (c->vm->perms & HV_PERM_CUSTOM) &&
		     hv_registry_find(c->hv, c->vm, HV_ABI_SMCCC, fid, &fn, &priv);
	hv_call_status(c, ok ? 0 : HCALL_SMCCC_RET_NOT_SUPPORTED);
}

/* Slots by the function number's low bits (hv_entry_in). */
#define ARCH_N 2u
_Static_assert((HCALL_SMCCC_VERSION & (ARCH_N - 1)) == 0 &&
		       (HCALL_SMCCC_ARCH_FEATURES & (ARCH_N - 1)) == 1,
	       "one slot per architecture call");

static const struct hv_entry arch_table[ARCH_N] = {
	[HCALL_SMCCC_VERSION & (ARCH_N - 1)] = HV_ENTRY(SMCCC, VERSION, version, HV_PERM_INFO),
	[HCALL_SMCCC_ARCH_FEATURES & (ARCH_N - 1)] =
		HV_ENTRY(SMCCC, ARCH_FEATURES, arch_features, HV_PERM_INFO),
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
static struct page *page_slot(struct smccc_vm *vm, uint64_t ipa, int want_free)
{
	struct page *free = NULL;
	unsigned i;

	for (i = 0; i < MAX_PAGE_STATES; i++) {
		struct page *p = &vm->pages[i];

		if (p->state != PAGE_PRIVATE && p->ipa == ipa)
			return p;
		if (p->state == PAGE_PRIVATE && !free)
			free = p;
	}
	return want_free ? free : NULL;
}

enum mem_op { MEM_SHARE, MEM_UNSHARE };

static int64_t mem_transition(struct smccc_vm *vm, uint64_t ipa, enum mem_op op)
{
	struct page *p = page_slot(vm, ipa, 0);
	uint32_t cur = p ? p->state : PAGE_PRIVATE;

	switch (op) {
	case MEM_SHARE:
		if (cur != PAGE_PRIVATE || !(p = page_slot(vm, ipa, 1)))
			return RET_INVALID;
		p->ipa = ipa;
		p->state = PAGE_SHARED;
		return 0;
	case MEM_UNSHARE:
		if (cur != PAGE_SHARED)
			return RET_INVALID;
		p->state = PAGE_PRIVATE;
		p->ipa = 0;
		return 0;
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
	st = mem_transition(c->state, ipa, op);
	hv_unlock(&c->vm->lock);
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

/* The implemented functions at their number (0..VENDOR_GENERAL - 1; the
 * others, up to 127, are NOT_SUPPORTED and absent from FUNC_FEATURES'
 * bitmap), then the general queries (Call Count's successors: Call UID,
 * Revision). */
#define VENDOR_GENERAL (HCALL_KVM_ARM64_FN_MEM_UNSHARE + 1u)
#define VENDOR_N (VENDOR_GENERAL + 4u)
_Static_assert(VENDOR_GENERAL <= HCALL_KVM_ARM64_NUM_FUNCS, "vendor functions 0..127");

static const struct hv_entry vendor_table[VENDOR_N] = {
	[HCALL_KVM_ARM64_FN_FEATURES] =
		HV_ENTRY(KVM_ARM64, FUNC_FEATURES, func_features, HV_PERM_INFO),
	[HCALL_KVM_ARM64_FN_HYP_MEMINFO] =
		HV_ENTRY(KVM_ARM64, HYP_MEMINFO, hyp_meminfo, HV_PERM_MEMSHARE),
	[HCALL_KVM_ARM64_FN_MEM_SHARE] =
		HV_ENTRY(KVM_ARM64, MEM_SHARE, mem_share, HV_PERM_MEMSHARE),
	[HCALL_KVM_ARM64_FN_MEM_UNSHARE] =
		HV_ENTRY(KVM_ARM64, MEM_UNSHARE, mem_unshare, HV_PERM_MEMSHARE),
	[VENDOR_GENERAL + (HCALL_SMCCC_FUNC_CALL_UID - HCALL_SMCCC_FUNC_CALL_COUNT)] =
		HV_ENTRY(KVM_ARM64, CALL_UID, call_uid, HV_PERM_INFO),
	[VENDOR_GENERAL + (HCALL_SMCCC_FUNC_REVISION - HCALL_SMCCC_FUNC_CALL_COUNT)] = {
		.fn = revision,
		.nr = HCALL_SMCCC_FID(1, 0, HCALL_SMCCC_OWNER_VENDOR_HYP, HCALL_SMCCC_FUNC_REVISION),
		.perm = HV_PERM_INFO },
};

static void func_features(struct hv_call *c)
{
	unsigned f;

	for (f = 0; f < VENDOR_GENERAL; f++)
		if (vendor_table[f].fn && hv_call_permitted(c->vm, &vendor_table[f]))
			c->out[f / 32] |= 1ull << (f % 32);
}

/* ---- the SMCCC service ---- */

static const struct hv_entry *arch_lookup(uint32_t fid)
{
	return hv_entry_in(arch_table, ARCH_N, fid);
}

static const struct hv_entry *vendor_lookup(uint32_t fid)
{
	uint32_t fn = fid & HCALL_SMCCC_FUNC_MASK;
	uint64_t idx = fn < VENDOR_GENERAL ? fn
		       : fn >= HCALL_SMCCC_FUNC_CALL_COUNT
			       ? VENDOR_GENERAL + (fn - HCALL_SMCCC_FUNC_CALL_COUNT)
			       : VENDOR_N;

	return hv_entry_at(vendor_table, VENDOR_N, idx, fid);
}

static inline unsigned owner(uint32_t fid)
{
	return (fid >> HCALL_SMCCC_OWNER_SHIFT) & HCALL_SMCCC_OWNER_MASK;
}

/* Fast calls only, bits 23:16 zero, then by owner (bits 29:24). Inlined
 * in the dispatcher. */
static inline __attribute__((always_inline)) const struct hv_entry *smccc_lookup(uint32_t fid)
{
	if (!(fid & HCALL_SMCCC_FAST_CALL_BIT) || (fid & 0x00FF0000u))
		return NULL;
	/* Tested in this order, the most frequent first: PSCI (a guest's
	 * idle and CPU power calls), the architecture calls, the vendor's. */
	if (owner(fid) == HCALL_SMCCC_OWNER_STANDARD)
		return hv_psci_lookup(fid);
	if (owner(fid) == HCALL_SMCCC_OWNER_ARCH)
		return arch_lookup(fid);
	if (owner(fid) == HCALL_SMCCC_OWNER_VENDOR_HYP)
		return vendor_lookup(fid);
	return NULL;
}

/* Inlined in the dispatcher. */
static inline __attribute__((always_inline)) const struct hv_entry *lookup(uint64_t ext,
									  uint64_t nr)
{
	(void)ext; /* one number space */
	return smccc_lookup((uint32_t)nr);
}

static void vm_start(struct hv_vm *vm, void *state)
{
	(void)vm;
	hv_memset(state, 0, sizeof(struct smccc_vm));
}

static const struct hcall_conv_desc conv_hvc = HCALL_SMCCC_CONV_ARM64;
static const struct hcall_conv_desc conv_smc = HCALL_SMCCC_CONV_ARM64_SMC;
/* An HVC or SMC whose immediate no ABI of the VM owns: x0 = ~0 (SMCCC
 * NOT_SUPPORTED), as KVM answers an HVC with an unknown immediate;
 * nothing else is written. */
#define STRAY(name, trap)                                                     \
	{ name, HCALL_ARCH_ARM64, trap, 0, HCALL_REG_NONE, 0, 0, 0, { 0 }, 1, \
	  { 0 }, HCALL_REG_NONE, 1u }
static const struct hcall_conv_desc stray_hvc = STRAY("smccc/arm64-stray-hvc", HCALL_TRAP_HVC);
static const struct hcall_conv_desc stray_smc = STRAY("smccc/arm64-stray-smc", HCALL_TRAP_SMC);

static const struct hv_conv convs[] = {
	{ &conv_hvc, 0 },
	{ &conv_smc, 0 },
	{ &stray_hvc, HV_CONV_ANY_IMM | HV_CONV_EVERY_VM | HV_CONV_REFUSE },
	{ &stray_smc, HV_CONV_ANY_IMM | HV_CONV_EVERY_VM | HV_CONV_REFUSE },
};

/* The service's dispatcher, instantiated over its constant description. */
static enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r)
{
	return hv_dispatch(hv, vcpu, r, &hv_service_smccc, lookup);
}

const struct hv_service hv_service_smccc = {
	.name = "smccc",
	.abi = HV_ABI_SMCCC,
	.convs = convs,
	.nconvs = sizeof(convs) / sizeof(convs[0]),
	.lookup = lookup,
	.dispatch = dispatch,
	.nr_mask = 0xFFFFFFFFu, /* the function ID is w0 */
	.arg64_bit = HCALL_SMCCC_SMC64_BIT,
	.errs = { HCALL_SMCCC_RET_NOT_SUPPORTED, HCALL_SMCCC_RET_NOT_SUPPORTED,
		  HCALL_SMCCC_RET_INVALID_PARAMETER, HCALL_SMCCC_RET_INVALID_PARAMETER },
	.probe = { 0, HCALL_PROBE_SMCCC_ECHO, HCALL_PROBE_SMCCC_DUMP },
	.state_size = sizeof(struct smccc_vm),
	.vm_start = vm_start,
};
