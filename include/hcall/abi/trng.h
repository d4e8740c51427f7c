/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/trng.h - the Arm True Random Number Generator firmware
 * interface (arch-neutral table).
 *
 * Source: Arm DEN0098 (TRNG firmware interface 1.0), numbers as in Linux
 * include/linux/arm-smccc.h (ARM_SMCCC_TRNG_*) and TF-A
 * include/services/trng_svc.h. An SMCCC service of the standard secure
 * owner (4), functions 0x50..0x53; KVM offers it to guests and Linux
 * arm64 uses it as an early entropy source.
 *
 *   TRNG_VERSION   0x84000050   x0 = major << 16 | minor (1.0 = 0x10000)
 *   TRNG_FEATURES  0x84000051   x1 = function ID; x0 = 0 or NOT_SUPPORTED
 *   TRNG_GET_UUID  0x84000052   w0..w3 = the implementation's UUID
 *   TRNG_RND32     0x84000053   x1 = bits (1..96); w1..w3 = entropy,
 *                               most significant word in w1
 *   TRNG_RND64     0xC4000053   x1 = bits (1..192); x1..x3 = entropy,
 *                               most significant in x1
 * Unrequested high bits of the entropy registers are zero.
 */
#ifndef HCALL_ABI_TRNG_H
#define HCALL_ABI_TRNG_H

#include <hcall/abi/smccc.h>

#define HCALL_TRNG_VERSION 0x84000050u
#define HCALL_TRNG_FEATURES 0x84000051u
#define HCALL_TRNG_GET_UUID 0x84000052u
#define HCALL_TRNG_RND32 0x84000053u
#define HCALL_TRNG_RND64 0xC4000053u

/* The most bits one call returns. */
#define HCALL_TRNG_RND32_MAX_BITS 96u
#define HCALL_TRNG_RND64_MAX_BITS 192u

#define HCALL_TRNG_VERSION_1_0 0x10000u

#define HCALL_TRNG_CALLS(X)                                                    \
	X(TRNG, trng, VERSION, version, VALUE, 0, 0, _, _, _, _,               \
	  "TRNG interface version (major << 16 | minor)")                      \
	X(TRNG, trng, FEATURES, features, VALUE, 1, 0, (uint32_t, trng_fid),   \
	  _, _, _, "is the TRNG function trng_fid implemented")               \
	X(TRNG, trng, GET_UUID, get_uuid, CUSTOM, 0, 0, _, _, _, _,            \
	  "UUID of the TRNG implementation in w0..w3")                         \
	X(TRNG, trng, RND32, rnd32, CUSTOM, 1, 0, (uint32_t, bits), _, _, _,   \
	  "up to 96 bits of entropy in w1..w3")                                \
	X(TRNG, trng, RND64, rnd64, CUSTOM, 1, 0, (uint32_t, bits), _, _, _,   \
	  "up to 192 bits of entropy in x1..x3")

/* Register roles: those of SMCCC 1.1. */
#define HCALL_TRNG_CONV_ARM64 HCALL_SMCCC11_CONV("trng/arm64", HCALL_TRAP_HVC)
#define HCALL_TRNG_CONV_ARM64_SMC \
	HCALL_SMCCC11_CONV("trng/arm64-smc", HCALL_TRAP_SMC)

/* Errors (DEN0098): NO_ENTROPY means "none available now, try again". */
#define HCALL_TRNG_ERRORS(X)                            \
	X(SUCCESS, 0, OK)                               \
	X(NOT_SUPPORTED, -1, E_NOT_SUPPORTED)           \
	X(INVALID_PARAMETERS, -2, E_INVALID_PARAM)      \
	X(NO_ENTROPY, -3, E_BUSY)

HCALL_DEFINE_ERROR_MAP(hcall_map_trng_error, HCALL_TRNG_ERRORS)

HCALL_STATIC_ASSERT(HCALL_SMCCC_FID(1, 1, HCALL_SMCCC_OWNER_STANDARD, 0x53) ==
			    HCALL_TRNG_RND64,
		    "TRNG_RND64 is fast SMC64 standard-service function 0x53");

#endif /* HCALL_ABI_TRNG_H */
