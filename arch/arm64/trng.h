/* SPDX-License-Identifier: MIT */
/* arch/arm64/trng.h - the Arm TRNG service from the CPU's RNDR (trng.c). */
#ifndef ARM64_TRNG_H
#define ARM64_TRNG_H

#include <hv/hv.h>

/*
 * Offer the TRNG calls (DEN0098) to vm if the CPU has FEAT_RNG (RNDR):
 * they are registered as the VM's SMCCC calls. Without FEAT_RNG nothing
 * is registered and the core answers NOT_SUPPORTED: there is no
 * deterministic fallback. Returns 1 if registered, 0 if not, -1 on error.
 */
int arm64_trng_offer(struct hv_vm *vm);

#endif
