/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_fwft.h - the SBI firmware features extension (EID
 * "FWFT", SBI v3.0). Source: SBI specification v3.0, chapter "Firmware
 * Features Extension".
 */
#ifndef HCALL_ABI_SBI_FWFT_H
#define HCALL_ABI_SBI_FWFT_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_FWFT_EID HCALL_SBI_EXT_FWFT
#define HCALL_SBI_FWFT_SET 0u
#define HCALL_SBI_FWFT_GET 1u

#define HCALL_SBI_FWFT_CALLS(X)                                               \
	X(SBI_FWFT, sbi_fwft, SET, set, STATUS, 3, 0, (uint32_t, feature),    \
	  (uint64_t, value), (uint64_t, flags), _,                            \
	  "set a firmware feature (flags: HCALL_SBI_FWFT_SET_LOCK)")          \
	X(SBI_FWFT, sbi_fwft, GET, get, VALUE, 1, 0, (uint32_t, feature), _,  \
	  _, _, "a firmware feature's value")

#define HCALL_SBI_FWFT_CONV_RISCV HCALL_SBI_CONV("sbi-fwft/riscv64", HCALL_SBI_FWFT_EID)

#define HCALL_SBI_FWFT_MISALIGNED_EXC_DELEG 0u
#define HCALL_SBI_FWFT_LANDING_PAD 1u
#define HCALL_SBI_FWFT_SHADOW_STACK 2u
#define HCALL_SBI_FWFT_DOUBLE_TRAP 3u
#define HCALL_SBI_FWFT_PTE_AD_HW_UPDATING 4u
#define HCALL_SBI_FWFT_POINTER_MASKING_PMLEN 5u
#define HCALL_SBI_FWFT_PLATFORM_BIT (1u << 30)
#define HCALL_SBI_FWFT_GLOBAL_BIT (1u << 31)
#define HCALL_SBI_FWFT_SET_LOCK 1u

#endif /* HCALL_ABI_SBI_FWFT_H */
