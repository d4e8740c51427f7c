/* SPDX-License-Identifier: MIT */
/*
 * expect-pass: aarch64 -O2
 *
 * The control case of reserved_nonzero.c: zeros in the reserved registers
 * and a non-constant IPA compile.
 */
#include <hcall/kvm_arm64.h>

uint64_t share(uint64_t ipa)
{
	return hcall_smccc_call3(HCALL_KVM_ARM64_MEM_SHARE, ipa, 0, 0).x0;
}
