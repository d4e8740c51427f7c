/* SPDX-License-Identifier: MIT */
/*
 * expect-pass: aarch64 -O2
 *
 * A control case: constants in x2/x3 are fine for a function ID whose
 * table declares no reserved arguments (0xC2000003, a SiP-owned SMC64
 * call hcall knows nothing about).
 */
#include <hcall/smccc.h>

uint64_t sip_call(uint64_t ipa)
{
	return hcall_smccc_call3(0xC2000003u, ipa, 1, 5).x0;
}
