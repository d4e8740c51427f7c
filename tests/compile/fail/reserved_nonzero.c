/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: aarch64 -O2
 * expect-error: reserved-must-be-zero argument was given a non-zero constant
 *
 * KVM/arm64 MEM_SHARE (0xC6000003): x1 = IPA, x2 and x3 reserved, must be
 * zero. A constant 1 in x2 must not compile.
 */
#include <hcall/kvm_arm64.h>

uint64_t share_with_garbage(void)
{
	return hcall_smccc_call3(HCALL_KVM_ARM64_MEM_SHARE, 0x80000000u, 1, 0).x0;
}
