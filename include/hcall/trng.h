/* SPDX-License-Identifier: MIT */
/*
 * hcall/trng.h - guest calls to the Arm TRNG firmware interface (DEN0098).
 *
 * SMCCC service of the standard secure owner, through the SMCCC default
 * conduit (HVC unless HCALL_SMCCC_CONDUIT_SMC). Discovery: SMCCC >= 1.1,
 * then TRNG_VERSION (>= 1.0) and TRNG_FEATURES(the call). Errors:
 * NOT_SUPPORTED -1, INVALID_PARAMETERS -2 (bits 0 or above the maximum),
 * NO_ENTROPY -3 (E_BUSY: nothing available now, call again).
 *
 * Numbers, table and errors: <hcall/abi/trng.h>.
 */
#ifndef HCALL_TRNG_H
#define HCALL_TRNG_H

#include <hcall/abi/trng.h>
#include <hcall/smccc.h>

HCALL_BEGIN_DECLS

/* Entry points of the generated wrappers (SMC32 calls, result in w0). */
HCALL_INLINE struct hcall_result hcall_trng_invoke0(uint32_t fid, int kind)
{
	return hcall_smccc_result32(kind, hcall_smccc_call0(fid).x0,
				    hcall_map_trng_error);
}
HCALL_INLINE struct hcall_result hcall_trng_invoke1(uint32_t fid, int kind,
						    uint64_t a1)
{
	return hcall_smccc_result32(kind, hcall_smccc_call1(fid, a1).x0,
				    hcall_map_trng_error);
}

/*
 *   hcall_trng_version(void)      value = major << 16 | minor
 *   hcall_trng_features(fid)      value >= 0: fid is implemented
 */
HCALL_TRNG_CALLS(HCALL_WRAPPER)

/*
 * Entropy as returned: word/dword 0 holds the least significant bits.
 * Bits above the requested count are zero.
 */
struct hcall_trng_entropy {
	uint64_t bits[3];
};

/*
 * hcall_trng_get_uuid - TRNG_GET_UUID: the implementation's UUID in
 * w0..w3. A UUID word may have bit 31 set, so only w0 = 0xFFFFFFFF
 * (NOT_SUPPORTED) is an error. *uuid is written on every path (zero on
 * error).
 */
HCALL_INLINE struct hcall_result hcall_trng_get_uuid(struct hcall_smccc_uid *uuid)
{
	struct hcall_smccc_ret x = hcall_smccc_call0(HCALL_TRNG_GET_UUID);
	int ok = (uint32_t)x.x0 != 0xFFFFFFFFu;
	struct hcall_result r = hcall_smccc_result32(HCALL_RK_STATUS,
						     ok ? 0 : x.x0,
						     hcall_map_trng_error);

	uuid->w[0] = ok ? (uint32_t)x.x0 : 0;
	uuid->w[1] = ok ? (uint32_t)x.x1 : 0;
	uuid->w[2] = ok ? (uint32_t)x.x2 : 0;
	uuid->w[3] = ok ? (uint32_t)x.x3 : 0;
	return r;
}

/*
 * hcall_trng_rnd32 - TRNG_RND32 (SMC32): 1..96 bits in w3 (bits 31:0),
 * w2 (63:32), w1 (95:64). *e is written on every path (zero on error).
 */
HCALL_INLINE struct hcall_result hcall_trng_rnd32(uint32_t bits,
						  struct hcall_trng_entropy *e)
{
	struct hcall_smccc_ret x = hcall_smccc_call1(HCALL_TRNG_RND32, bits);
	struct hcall_result r = hcall_smccc_result32(HCALL_RK_STATUS, x.x0,
						     hcall_map_trng_error);
	int ok = hcall_ok(r);

	e->bits[0] = ok ? ((uint64_t)(uint32_t)x.x2 << 32) | (uint32_t)x.x3 : 0;
	e->bits[1] = ok ? (uint32_t)x.x1 : 0;
	e->bits[2] = 0;
	return r;
}

/*
 * hcall_trng_rnd64 - TRNG_RND64 (SMC64): 1..192 bits in x3 (bits 63:0),
 * x2 (127:64), x1 (191:128). The status is still a 32-bit value in w0.
 * *e is written on every path (zero on error).
 */
HCALL_INLINE struct hcall_result hcall_trng_rnd64(uint32_t bits,
						  struct hcall_trng_entropy *e)
{
	struct hcall_smccc_ret x = hcall_smccc_call1(HCALL_TRNG_RND64, bits);
	struct hcall_result r = hcall_smccc_result32(HCALL_RK_STATUS, x.x0,
						     hcall_map_trng_error);
	int ok = hcall_ok(r);

	e->bits[0] = ok ? x.x3 : 0;
	e->bits[1] = ok ? x.x2 : 0;
	e->bits[2] = ok ? x.x1 : 0;
	return r;
}

HCALL_END_DECLS

#endif /* HCALL_TRNG_H */
