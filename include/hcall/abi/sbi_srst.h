/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_srst.h - the SBI system reset extension (EID "SRST",
 * SBI v0.3+). Source: SBI specification v3.0, chapter "System Reset
 * Extension".
 */
#ifndef HCALL_ABI_SBI_SRST_H
#define HCALL_ABI_SBI_SRST_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_SRST_EID HCALL_SBI_EXT_SRST
#define HCALL_SBI_SRST_SYSTEM_RESET 0u

#define HCALL_SBI_SRST_CALLS(X)                                                \
	X(SBI_SRST, sbi_srst, SYSTEM_RESET, system_reset, STATUS, 2, 0,        \
	  (uint32_t, reset_type), (uint32_t, reset_reason), _, _,              \
	  "shut down or reboot the system; does not return on success")

#define HCALL_SBI_SRST_CONV_RISCV HCALL_SBI_CONV("sbi-srst/riscv64", HCALL_SBI_SRST_EID)

/* reset_type: 3..0xEFFFFFFF reserved, 0xF0000000.. vendor/platform. */
#define HCALL_SBI_SRST_TYPE_SHUTDOWN 0u
#define HCALL_SBI_SRST_TYPE_COLD_REBOOT 1u
#define HCALL_SBI_SRST_TYPE_WARM_REBOOT 2u
#define HCALL_SBI_SRST_TYPE_VENDOR_START 0xF0000000u
/* reset_reason: 2..0xDFFFFFFF reserved, 0xE0000000.. SBI implementation,
 * 0xF0000000.. vendor/platform. */
#define HCALL_SBI_SRST_REASON_NONE 0u
#define HCALL_SBI_SRST_REASON_SYSTEM_FAILURE 1u
#define HCALL_SBI_SRST_REASON_IMPL_START 0xE0000000u
#define HCALL_SBI_SRST_REASON_VENDOR_START 0xF0000000u

#endif /* HCALL_ABI_SBI_SRST_H */
