/* SPDX-License-Identifier: MIT */
/*
 * hv/smccc.h - the SMCCC service's owners: each owner of the function-ID
 * space that hcall implements has a lookup, which the SMCCC service's
 * owner table (svc_smccc.c) calls. PSCI (owner 4) is in svc_psci.c.
 */
#ifndef HV_SMCCC_H
#define HV_SMCCC_H

#include "service.h"

/* The PSCI entry of fid (a fast call of owner 4), or NULL. */
const struct hv_entry *hv_psci_lookup(uint32_t fid);

/* The SMCCC entry of fid, any owner, or NULL. */
const struct hv_entry *hv_smccc_lookup(uint32_t fid);

#endif /* HV_SMCCC_H */
