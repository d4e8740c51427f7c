/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: aarch64 -O2
 * expect-error: reserved-must-be-zero argument was given a non-zero constant
 *
 * Mainline KVM/arm64 MMIO_GUARD (0xC6000007): x1 = IPA, x2 and x3
 * reserved. The check holds whichever conduit the call goes through (here
 * SMC).
 */
#include <hcall/smccc.h>

uint64_t mmio_guard_with_garbage(uint64_t ipa)
{
	return hcall_smccc_conduit_call2(HCALL_SMCCC_SMC, 0xC6000007u, ipa, 1).x0;
}
