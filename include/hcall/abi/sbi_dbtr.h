/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_dbtr.h - the SBI debug triggers extension (EID "DBTR",
 * SBI v3.0). Source: SBI specification v3.0, chapter "Debug Triggers
 * Extension". Trigger sets are (trig_idx_base, trig_idx_mask).
 */
#ifndef HCALL_ABI_SBI_DBTR_H
#define HCALL_ABI_SBI_DBTR_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_DBTR_EID HCALL_SBI_EXT_DBTR
#define HCALL_SBI_DBTR_NUM_TRIGGERS 0u
#define HCALL_SBI_DBTR_SET_SHMEM 1u
#define HCALL_SBI_DBTR_READ_TRIGGERS 2u
#define HCALL_SBI_DBTR_INSTALL_TRIGGERS 3u
#define HCALL_SBI_DBTR_UPDATE_TRIGGERS 4u
#define HCALL_SBI_DBTR_UNINSTALL_TRIGGERS 5u
#define HCALL_SBI_DBTR_ENABLE_TRIGGERS 6u
#define HCALL_SBI_DBTR_DISABLE_TRIGGERS 7u

#define HCALL_SBI_DBTR_CALLS(X)                                                \
	X(SBI_DBTR, sbi_dbtr, NUM_TRIGGERS, num_triggers, VALUE, 1, 0,         \
	  (uint64_t, trig_tdata1), _, _, _,                                    \
	  "triggers matching tdata1 (0: every trigger)")                       \
	X(SBI_DBTR, sbi_dbtr, SET_SHMEM, set_shmem, STATUS, 2, 1,              \
	  (uint64_t, shmem_phys_lo), (uint64_t, shmem_phys_hi), _, _,          \
	  "set (or, all ones, disable) the trigger shared memory; flags "      \
	  "reserved")                                                          \
	X(SBI_DBTR, sbi_dbtr, READ_TRIGGERS, read_triggers, STATUS, 2, 0,      \
	  (uint64_t, trig_idx_base), (uint64_t, trig_count), _, _,             \
	  "read trig_count triggers into the shared memory")                   \
	X(SBI_DBTR, sbi_dbtr, INSTALL_TRIGGERS, install_triggers, STATUS, 1,   \
	  0, (uint64_t, trig_count), _, _, _,                                  \
	  "install trig_count triggers described in the shared memory")        \
	X(SBI_DBTR, sbi_dbtr, UPDATE_TRIGGERS, update_triggers, STATUS, 1, 0,  \
	  (uint64_t, trig_count), _, _, _,                                     \
	  "update trig_count installed triggers from the shared memory")       \
	X(SBI_DBTR, sbi_dbtr, UNINSTALL_TRIGGERS, uninstall_triggers, STATUS,  \
	  2, 0, (uint64_t, trig_idx_base), (uint64_t, trig_idx_mask), _, _,    \
	  "uninstall the triggers of the set")                                 \
	X(SBI_DBTR, sbi_dbtr, ENABLE_TRIGGERS, enable_triggers, STATUS, 2, 0,  \
	  (uint64_t, trig_idx_base), (uint64_t, trig_idx_mask), _, _,          \
	  "enable the triggers of the set")                                    \
	X(SBI_DBTR, sbi_dbtr, DISABLE_TRIGGERS, disable_triggers, STATUS, 2,   \
	  0, (uint64_t, trig_idx_base), (uint64_t, trig_idx_mask), _, _,       \
	  "disable the triggers of the set")

#define HCALL_SBI_DBTR_CONV_RISCV HCALL_SBI_CONV("sbi-dbtr/riscv64", HCALL_SBI_DBTR_EID)

#endif /* HCALL_ABI_SBI_DBTR_H */
