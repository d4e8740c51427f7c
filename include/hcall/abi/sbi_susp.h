/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_susp.h - the SBI system suspend extension (EID "SUSP",
 * SBI v2.0). Source: SBI specification v3.0, chapter "System Suspend
 * Extension". Every other hart must be STOPPED; on resume the caller
 * starts at resume_addr as after hart_start, a0 = hart ID, a1 = opaque.
 */
#ifndef HCALL_ABI_SBI_SUSP_H
#define HCALL_ABI_SBI_SUSP_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_SUSP_EID HCALL_SBI_EXT_SUSP
#define HCALL_SBI_SUSP_SYSTEM_SUSPEND 0u

#define HCALL_SBI_SUSP_CALLS(X)                                                \
	X(SBI_SUSP, sbi_susp, SYSTEM_SUSPEND, system_suspend, STATUS, 3, 0,    \
	  (uint32_t, sleep_type), (uint64_t, resume_addr), (uint64_t, opaque), \
	  _, "suspend the system; resumes at resume_addr, no return on success")

#define HCALL_SBI_SUSP_CONV_RISCV HCALL_SBI_CONV("sbi-susp/riscv64", HCALL_SBI_SUSP_EID)

/* sleep_type: 1..0x7FFFFFFF reserved, 0x80000000.. platform. */
#define HCALL_SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM 0u
#define HCALL_SBI_SUSP_SLEEP_TYPE_PLATFORM_START 0x80000000u

#endif /* HCALL_ABI_SBI_SUSP_H */
