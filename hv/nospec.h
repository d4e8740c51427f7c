/* SPDX-License-Identifier: MIT */
/*
 * hv/nospec.h - clamp guest-chosen table indices under speculation.
 *
 * After `if (idx < size)` a CPU may speculatively run the body with an
 * out-of-range idx (Spectre v1, XSA-254). hv_index_nospec() turns the
 * bound into data: it yields idx when idx < size and 0 otherwise, with no
 * branch the predictor could skip, so a speculative load can only reach
 * element 0. Every dense table lookup on a guest value goes through it.
 */
#ifndef HV_NOSPEC_H
#define HV_NOSPEC_H

#include <hcall/types.h>

/*
 * All ones when idx < size, else 0. (idx - size) borrows, setting bit 63,
 * exactly when idx < size, provided both are below 2^63; ~idx keeps bit
 * 63 clear for idx >= 2^63. An arithmetic shift spreads bit 63.
 */
static inline uint64_t hv_index_mask_nospec(uint64_t idx, uint64_t size)
{
	uint64_t m = (idx - size) & ~idx;

	/* The asm hides the value from the optimiser, which could otherwise
	 * turn the mask back into a compare and branch. */
	__asm__("" : "+r"(m));
	return (uint64_t)((int64_t)m >> 63);
}

/* idx if idx < size, else 0 (size must be > 0 and < 2^63). */
static inline uint64_t hv_index_nospec(uint64_t idx, uint64_t size)
{
	return idx & hv_index_mask_nospec(idx, size);
}

#endif /* HV_NOSPEC_H */
