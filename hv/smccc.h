/* SPDX-License-Identifier: MIT */
/*
 * hv/smccc.h - the SMCCC service's owners: each owner of the function-ID
 * space that hcall implements has a lookup, which the SMCCC service's
 * lookup (svc_smccc.c) picks by owner. PSCI (owner 4) is in svc_psci.c.
 */
#ifndef HV_SMCCC_H
#define HV_SMCCC_H

#include <hcall/abi/smccc.h>

#include "service.h"

/* PSCI's table, by slot: function number 0x00..0x1F, plus 32 for SMC64
 * (svc_psci.c). */
#define HV_PSCI_SLOTS 64u
extern const struct hv_entry hv_psci_table[HV_PSCI_SLOTS];

/* The PSCI entry of fid (a fast call of owner 4), or NULL. Inline: the
 * SMCCC service's dispatcher looks PSCI's calls up in place. */
static inline const struct hv_entry *hv_psci_lookup(uint32_t fid)
{
	/* Below HV_PSCI_SLOTS by construction; an ID whose function
	 * number is 32 or more lands on a slot whose full ID differs. */
	uint64_t slot = (fid & 0x1Fu) | ((fid & HCALL_SMCCC_SMC64_BIT) ? 32u : 0u);
	const struct hv_entry *e = &hv_psci_table[slot & (HV_PSCI_SLOTS - 1)];

	return e->fn && e->nr == fid ? e : NULL;
}

#endif /* HV_SMCCC_H */
