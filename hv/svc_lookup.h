/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_lookup.h - each built-in service's table lookup, inline.
 *
 * The lookup is on every built-in call's path, so it is compiled into
 * the dispatcher rather than called in another file: it takes the number
 * by value (SBI also its extension ID), indexes the service's dense
 * table with the index clamped against speculation (hv_svc_at), and
 * re-checks the entry's full number. The tables themselves stay in their
 * services' files; their sizes are fixed here, so an entry beyond them
 * does not compile there.
 */
#ifndef HV_SVC_LOOKUP_H
#define HV_SVC_LOOKUP_H

#include <hcall/abi/hvisor.h>
#include <hcall/abi/kvm_x86.h>
#include <hcall/abi/sbi.h>
#include <hcall/abi/smccc.h>

#include "call.h"

/* Table sizes: the highest implemented number + 1. */
#define HV_HVISOR_N (HCALL_HVISOR_IVC_INFO + 1u)
#define HV_KVM_X86_N (HCALL_KVM_X86_MAP_GPA_RANGE + 1u)
#define HV_ACRN_N 256u /* indexed by the ID's low byte */
#define HV_SBI_BASE_N (HCALL_SBI_BASE_GET_MIMPID + 1u)
#define HV_SBI_SRST_N (HCALL_SBI_SRST_SYSTEM_RESET + 1u)
#define HV_SMCCC_ARCH_N ((HCALL_SMCCC_ARCH_FEATURES & 0xFFFFu) + 1u)
/* SMCCC vendor service: functions 0..127 at their number, then the
 * general queries (Call Count's successors: Call UID, Revision). */
#define HV_SMCCC_VENDOR_GENERAL 128u
#define HV_SMCCC_VENDOR_N (HV_SMCCC_VENDOR_GENERAL + 4u)

extern const struct hv_svc hv_hvisor_table[HV_HVISOR_N];
extern const struct hv_svc hv_kvm_x86_table[HV_KVM_X86_N];
extern const struct hv_svc hv_acrn_table[HV_ACRN_N];
extern const struct hv_svc hv_sbi_base_table[HV_SBI_BASE_N];
extern const struct hv_svc hv_sbi_srst_table[HV_SBI_SRST_N];
extern const struct hv_svc hv_smccc_arch_table[HV_SMCCC_ARCH_N];
extern const struct hv_svc hv_smccc_vendor_table[HV_SMCCC_VENDOR_N];

static inline const struct hv_svc *hv_hvisor_lookup(uint64_t nr)
{
	return hv_svc_at(hv_hvisor_table, HV_HVISOR_N, nr, nr);
}

static inline const struct hv_svc *hv_kvm_x86_lookup(uint64_t nr)
{
	return hv_svc_at(hv_kvm_x86_table, HV_KVM_X86_N, nr, nr);
}

/* ACRN IDs carry a service group in bits 15:8; the full ID is compared. */
static inline const struct hv_svc *hv_acrn_lookup(uint64_t nr)
{
	return hv_svc_at(hv_acrn_table, HV_ACRN_N, nr & 0xFFu, nr);
}

static inline const struct hv_svc *hv_sbi_lookup(uint64_t eid, uint64_t fid)
{
	switch (eid) {
	case HCALL_SBI_BASE_EID:
		return hv_svc_at(hv_sbi_base_table, HV_SBI_BASE_N, fid, fid);
	case HCALL_SBI_SRST_EID:
		return hv_svc_at(hv_sbi_srst_table, HV_SBI_SRST_N, fid, fid);
	default:
		return NULL;
	}
}

static inline const struct hv_svc *hv_smccc_vendor_lookup(uint32_t fid)
{
	uint32_t fn = fid & HCALL_SMCCC_FUNC_MASK;
	uint64_t idx = fn < HV_SMCCC_VENDOR_GENERAL ? fn
		       : fn >= HCALL_SMCCC_FUNC_CALL_COUNT
			       ? HV_SMCCC_VENDOR_GENERAL + (fn - HCALL_SMCCC_FUNC_CALL_COUNT)
			       : HV_SMCCC_VENDOR_N;

	return hv_svc_at(hv_smccc_vendor_table, HV_SMCCC_VENDOR_N, idx, fid);
}

/* SMCCC: fast calls only, bits 23:16 zero, then by owner (PSCI's
 * standard service is looked up in its own file). */
static inline const struct hv_svc *hv_smccc_fid_lookup(uint32_t fid)
{
	if (!(fid & HCALL_SMCCC_FAST_CALL_BIT) || (fid & 0x00FF0000u))
		return NULL;
	switch ((fid >> HCALL_SMCCC_OWNER_SHIFT) & HCALL_SMCCC_OWNER_MASK) {
	case HCALL_SMCCC_OWNER_ARCH:
		return hv_svc_at(hv_smccc_arch_table, HV_SMCCC_ARCH_N,
				 fid & HCALL_SMCCC_FUNC_MASK, fid);
	case HCALL_SMCCC_OWNER_STANDARD:
		return hv_psci_lookup(fid);
	case HCALL_SMCCC_OWNER_VENDOR_HYP:
		return hv_smccc_vendor_lookup(fid);
	default:
		return NULL;
	}
}

#endif /* HV_SVC_LOOKUP_H */
