/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: aarch64 -O2
 * expect-error: reserved-must-be-zero argument was given a non-zero constant
 *
 * Android's KVM MEM_RELINQUISH (0xC6000009): x1 = IPA, x2 and x3 reserved,
 * checked against Android's table.
 */
#include <hcall/kvm_arm64_android.h>

uint64_t relinquish_with_garbage(uint64_t ipa)
{
	return hcall_kvm_arm64_android_call3(0xC6000009u, ipa, 1, 0).x0;
}
