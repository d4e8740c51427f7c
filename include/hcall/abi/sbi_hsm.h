/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_hsm.h - the SBI hart state management extension (EID
 * "HSM", SBI v0.2+; suspend since v0.3). Source: SBI specification v3.0,
 * chapter "Hart State Management Extension".
 *
 * A started hart begins at start_addr in S-mode (VS under a hypervisor)
 * with satp = 0, interrupts off, a0 = its hart ID and a1 = opaque.
 */
#ifndef HCALL_ABI_SBI_HSM_H
#define HCALL_ABI_SBI_HSM_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_HSM_EID HCALL_SBI_EXT_HSM
#define HCALL_SBI_HSM_HART_START 0u
#define HCALL_SBI_HSM_HART_STOP 1u
#define HCALL_SBI_HSM_HART_GET_STATUS 2u
#define HCALL_SBI_HSM_HART_SUSPEND 3u

#define HCALL_SBI_HSM_CALLS(X)                                                 \
	X(SBI_HSM, sbi_hsm, HART_START, hart_start, STATUS, 3, 0,              \
	  (uint64_t, hartid), (uint64_t, start_addr), (uint64_t, opaque), _,   \
	  "start a STOPPED hart at start_addr with a0 = hartid, a1 = opaque")  \
	X(SBI_HSM, sbi_hsm, HART_STOP, hart_stop, STATUS, 0, 0, _, _, _, _,    \
	  "stop the calling hart; does not return on success")                 \
	X(SBI_HSM, sbi_hsm, HART_GET_STATUS, hart_get_status, VALUE, 1, 0,     \
	  (uint64_t, hartid), _, _, _,                                         \
	  "the hart's state (HCALL_SBI_HSM_STATE_*)")                          \
	X(SBI_HSM, sbi_hsm, HART_SUSPEND, hart_suspend, STATUS, 3, 0,          \
	  (uint32_t, suspend_type), (uint64_t, resume_addr),                   \
	  (uint64_t, opaque), _,                                               \
	  "suspend the calling hart; non-retentive types resume at "           \
	  "resume_addr")

#define HCALL_SBI_HSM_CONV_RISCV HCALL_SBI_CONV("sbi-hsm/riscv64", HCALL_SBI_HSM_EID)

/* Hart states (hart_get_status). */
#define HCALL_SBI_HSM_STATE_STARTED 0u
#define HCALL_SBI_HSM_STATE_STOPPED 1u
#define HCALL_SBI_HSM_STATE_START_PENDING 2u
#define HCALL_SBI_HSM_STATE_STOP_PENDING 3u
#define HCALL_SBI_HSM_STATE_SUSPENDED 4u
#define HCALL_SBI_HSM_STATE_SUSPEND_PENDING 5u
#define HCALL_SBI_HSM_STATE_RESUME_PENDING 6u

/*
 * suspend_type: bit 31 set = non-retentive (resumes at resume_addr like a
 * start), clear = retentive (returns from the call). 0x00000001..
 * 0x0FFFFFFF and 0x80000001..0x8FFFFFFF are reserved.
 */
#define HCALL_SBI_HSM_SUSPEND_RET_DEFAULT 0x00000000u
#define HCALL_SBI_HSM_SUSPEND_RET_PLATFORM 0x10000000u     /* ..0x7FFFFFFF */
#define HCALL_SBI_HSM_SUSPEND_NON_RET_DEFAULT 0x80000000u
#define HCALL_SBI_HSM_SUSPEND_NON_RET_PLATFORM 0x90000000u /* ..0xFFFFFFFF */
#define HCALL_SBI_HSM_SUSPEND_NON_RET_BIT 0x80000000u

#endif /* HCALL_ABI_SBI_HSM_H */
