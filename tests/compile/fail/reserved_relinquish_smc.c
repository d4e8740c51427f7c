/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: aarch64 -O2
 * expect-error: reserved-must-be-zero argument was given a non-zero constant
 *
 * KVM/arm64 MEM_RELINQUISH (0xC6000009): x1 = IPA, x2 and x3 reserved. The
 * check holds whichever conduit the call goes through (here SMC).
 */
#include <hcall/smccc.h>

uint64_t relinquish_with_garbage(uint64_t ipa)
{
	return hcall_smccc_conduit_call2(HCALL_SMCCC_SMC, 0xC6000009u, ipa, 1).x0;
}
