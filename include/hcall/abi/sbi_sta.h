/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_sta.h - the SBI steal-time accounting extension (EID
 * "STA", SBI v2.0). Source: SBI specification v3.0, chapter "Steal-time
 * Accounting Extension".
 */
#ifndef HCALL_ABI_SBI_STA_H
#define HCALL_ABI_SBI_STA_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_STA_EID HCALL_SBI_EXT_STA
#define HCALL_SBI_STA_STEAL_TIME_SET_SHMEM 0u

#define HCALL_SBI_STA_CALLS(X)                                               \
	X(SBI_STA, sbi_sta, STEAL_TIME_SET_SHMEM, steal_time_set_shmem,      \
	  STATUS, 2, 1, (uint64_t, shmem_phys_lo), (uint64_t, shmem_phys_hi), \
	  _, _,                                                              \
	  "report this hart's steal time in a struct hcall_sbi_sta "         \
	  "(all ones: stop); flags reserved")

#define HCALL_SBI_STA_CONV_RISCV HCALL_SBI_CONV("sbi-sta/riscv64", HCALL_SBI_STA_EID)

/*
 * The steal-time record (64 bytes, 64-byte aligned), zeroed by the call.
 * Read steal between two equal, even values of sequence.
 */
struct hcall_sbi_sta {
	uint32_t sequence; /* odd while the implementation updates steal */
	uint32_t flags;    /* always 0 */
	uint64_t steal;    /* nanoseconds runnable but not running */
	uint8_t preempted; /* non-zero while the hart is scheduled out */
	uint8_t pad[47];
};
#define HCALL_SBI_STA_ALIGN 64u

#endif /* HCALL_ABI_SBI_STA_H */
