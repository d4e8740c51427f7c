/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: aarch64 -O2
 * expect-error: reserved-must-be-zero argument was given a non-zero constant
 *
 * KVM/arm64 HYP_MEMINFO (0xC6000002): x1..x3 are all reserved, must be zero.
 */
#include <hcall/smccc.h>

uint64_t meminfo_with_garbage(void)
{
	return hcall_smccc_call1(0xC6000002u, 1).x0;
}
