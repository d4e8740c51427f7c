/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_pmu.h - the SBI performance monitoring unit extension
 * (EID "PMU", SBI v0.3+; snapshot v2.0, event info v3.0). Source: SBI
 * specification v3.0, chapter "Performance Monitoring Unit Extension".
 *
 * Counter sets are (counter_idx_base, counter_idx_mask): bit i of the
 * mask is counter base + i.
 */
#ifndef HCALL_ABI_SBI_PMU_H
#define HCALL_ABI_SBI_PMU_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_PMU_EID HCALL_SBI_EXT_PMU
#define HCALL_SBI_PMU_NUM_COUNTERS 0u
#define HCALL_SBI_PMU_COUNTER_GET_INFO 1u
#define HCALL_SBI_PMU_COUNTER_CONFIG_MATCHING 2u
#define HCALL_SBI_PMU_COUNTER_START 3u
#define HCALL_SBI_PMU_COUNTER_STOP 4u
#define HCALL_SBI_PMU_COUNTER_FW_READ 5u
#define HCALL_SBI_PMU_COUNTER_FW_READ_HI 6u
#define HCALL_SBI_PMU_SNAPSHOT_SET_SHMEM 7u
#define HCALL_SBI_PMU_EVENT_GET_INFO 8u

#define HCALL_SBI_PMU_CALLS(X)                                                 \
	X(SBI_PMU, sbi_pmu, NUM_COUNTERS, num_counters, VALUE, 0, 0,           \
	  _, _, _, _, "number of counters, hardware and firmware")             \
	X(SBI_PMU, sbi_pmu, COUNTER_GET_INFO, counter_get_info, VALUE, 1, 0,   \
	  (uint64_t, counter_idx), _, _, _,                                    \
	  "counter_info: CSR, width, type (HCALL_SBI_PMU_CTR_INFO_*)")         \
	X(SBI_PMU, sbi_pmu, COUNTER_CONFIG_MATCHING, counter_config_matching,  \
	  CUSTOM, 5, 0, (uint64_t, counter_idx_base),                          \
	  (uint64_t, counter_idx_mask), (uint64_t, config_flags),              \
	  ((uint64_t, event_idx), (uint64_t, event_data)),                     \
	  "find and configure a counter of the set for the event; value = "    \
	  "its index")                                                         \
	X(SBI_PMU, sbi_pmu, COUNTER_START, counter_start, STATUS, 4, 0,        \
	  (uint64_t, counter_idx_base), (uint64_t, counter_idx_mask),          \
	  (uint64_t, start_flags), (uint64_t, initial_value),                  \
	  "start the counters of the set")                                     \
	X(SBI_PMU, sbi_pmu, COUNTER_STOP, counter_stop, STATUS, 3, 0,          \
	  (uint64_t, counter_idx_base), (uint64_t, counter_idx_mask),          \
	  (uint64_t, stop_flags), _, "stop the counters of the set")           \
	X(SBI_PMU, sbi_pmu, COUNTER_FW_READ, counter_fw_read, VALUE, 1, 0,     \
	  (uint64_t, counter_idx), _, _, _, "a firmware counter's value")      \
	X(SBI_PMU, sbi_pmu, COUNTER_FW_READ_HI, counter_fw_read_hi, VALUE, 1,  \
	  0, (uint64_t, counter_idx), _, _, _,                                 \
	  "a firmware counter's upper 32 bits (RV32; 0 on RV64)")              \
	X(SBI_PMU, sbi_pmu, SNAPSHOT_SET_SHMEM, snapshot_set_shmem, STATUS, 2, \
	  1, (uint64_t, shmem_phys_lo), (uint64_t, shmem_phys_hi), _, _,       \
	  "set (or, all ones, disable) the 4 KiB counter snapshot area; "      \
	  "flags reserved")                                                    \
	X(SBI_PMU, sbi_pmu, EVENT_GET_INFO, event_get_info, STATUS, 3, 1,      \
	  (uint64_t, shmem_phys_lo), (uint64_t, shmem_phys_hi),                \
	  (uint64_t, num_entries), _,                                          \
	  "v3.0: fill num_entries struct hcall_sbi_pmu_event_info; "           \
	  "flags reserved")

#define HCALL_SBI_PMU_CONV_RISCV HCALL_SBI_CONV("sbi-pmu/riscv64", HCALL_SBI_PMU_EID)

/* counter_info (counter_get_info's value). */
#define HCALL_SBI_PMU_CTR_INFO_CSR_MASK 0xFFFull       /* bits 11:0 */
#define HCALL_SBI_PMU_CTR_INFO_WIDTH_SHIFT 12          /* bits 17:12, width - 1 */
#define HCALL_SBI_PMU_CTR_INFO_WIDTH_MASK 0x3Full
#define HCALL_SBI_PMU_CTR_INFO_TYPE_FW (1ull << 63)    /* bit XLEN-1 */

HCALL_INLINE unsigned hcall_sbi_pmu_ctr_csr(uint64_t info)
{
	return (unsigned)(info & HCALL_SBI_PMU_CTR_INFO_CSR_MASK);
}

/* The counter's width in bits (the field holds one less). */
HCALL_INLINE unsigned hcall_sbi_pmu_ctr_width(uint64_t info)
{
	return (unsigned)((info >> HCALL_SBI_PMU_CTR_INFO_WIDTH_SHIFT) &
			  HCALL_SBI_PMU_CTR_INFO_WIDTH_MASK) + 1u;
}

HCALL_INLINE int hcall_sbi_pmu_ctr_is_firmware(uint64_t info)
{
	return (info & HCALL_SBI_PMU_CTR_INFO_TYPE_FW) != 0;
}

/* event_idx: type in bits 19:16, code in bits 15:0. */
#define HCALL_SBI_PMU_EVENT_TYPE_SHIFT 16
#define HCALL_SBI_PMU_EVENT_TYPE_MASK 0xFu
#define HCALL_SBI_PMU_EVENT_CODE_MASK 0xFFFFu
#define HCALL_SBI_PMU_EVENT_IDX(type, code)                                \
	((((type) & HCALL_SBI_PMU_EVENT_TYPE_MASK)                         \
	  << HCALL_SBI_PMU_EVENT_TYPE_SHIFT) |                             \
	 ((code) & HCALL_SBI_PMU_EVENT_CODE_MASK))

#define HCALL_SBI_PMU_EVENT_TYPE_HW 0x0u
#define HCALL_SBI_PMU_EVENT_TYPE_HW_CACHE 0x1u
#define HCALL_SBI_PMU_EVENT_TYPE_HW_RAW 0x2u    /* deprecated by RAW_V2 */
#define HCALL_SBI_PMU_EVENT_TYPE_HW_RAW_V2 0x3u /* v3.0 */
#define HCALL_SBI_PMU_EVENT_TYPE_FW 0xFu

/* Type 0: hardware general events. */
#define HCALL_SBI_PMU_HW_NO_EVENT 0u
#define HCALL_SBI_PMU_HW_CPU_CYCLES 1u
#define HCALL_SBI_PMU_HW_INSTRUCTIONS 2u
#define HCALL_SBI_PMU_HW_CACHE_REFERENCES 3u
#define HCALL_SBI_PMU_HW_CACHE_MISSES 4u
#define HCALL_SBI_PMU_HW_BRANCH_INSTRUCTIONS 5u
#define HCALL_SBI_PMU_HW_BRANCH_MISSES 6u
#define HCALL_SBI_PMU_HW_BUS_CYCLES 7u
#define HCALL_SBI_PMU_HW_STALLED_CYCLES_FRONTEND 8u
#define HCALL_SBI_PMU_HW_STALLED_CYCLES_BACKEND 9u
#define HCALL_SBI_PMU_HW_REF_CPU_CYCLES 10u

/* Type 1: cache events, code = cache_id << 3 | op_id << 1 | result_id. */
#define HCALL_SBI_PMU_CACHE_L1D 0u
#define HCALL_SBI_PMU_CACHE_L1I 1u
#define HCALL_SBI_PMU_CACHE_LL 2u
#define HCALL_SBI_PMU_CACHE_DTLB 3u
#define HCALL_SBI_PMU_CACHE_ITLB 4u
#define HCALL_SBI_PMU_CACHE_BPU 5u
#define HCALL_SBI_PMU_CACHE_NODE 6u
#define HCALL_SBI_PMU_CACHE_OP_READ 0u
#define HCALL_SBI_PMU_CACHE_OP_WRITE 1u
#define HCALL_SBI_PMU_CACHE_OP_PREFETCH 2u
#define HCALL_SBI_PMU_CACHE_RESULT_ACCESS 0u
#define HCALL_SBI_PMU_CACHE_RESULT_MISS 1u
#define HCALL_SBI_PMU_CACHE_CODE(cache_id, op_id, result_id) \
	(((cache_id) << 3) | ((op_id) << 1) | (result_id))

/* Type 15: firmware events. */
#define HCALL_SBI_PMU_FW_MISALIGNED_LOAD 0u
#define HCALL_SBI_PMU_FW_MISALIGNED_STORE 1u
#define HCALL_SBI_PMU_FW_ACCESS_LOAD 2u
#define HCALL_SBI_PMU_FW_ACCESS_STORE 3u
#define HCALL_SBI_PMU_FW_ILLEGAL_INSN 4u
#define HCALL_SBI_PMU_FW_SET_TIMER 5u
#define HCALL_SBI_PMU_FW_IPI_SENT 6u
#define HCALL_SBI_PMU_FW_IPI_RECEIVED 7u
#define HCALL_SBI_PMU_FW_FENCE_I_SENT 8u
#define HCALL_SBI_PMU_FW_FENCE_I_RECEIVED 9u
#define HCALL_SBI_PMU_FW_SFENCE_VMA_SENT 10u
#define HCALL_SBI_PMU_FW_SFENCE_VMA_RECEIVED 11u
#define HCALL_SBI_PMU_FW_SFENCE_VMA_ASID_SENT 12u
#define HCALL_SBI_PMU_FW_SFENCE_VMA_ASID_RECEIVED 13u
#define HCALL_SBI_PMU_FW_HFENCE_GVMA_SENT 14u
#define HCALL_SBI_PMU_FW_HFENCE_GVMA_RECEIVED 15u
#define HCALL_SBI_PMU_FW_HFENCE_GVMA_VMID_SENT 16u
#define HCALL_SBI_PMU_FW_HFENCE_GVMA_VMID_RECEIVED 17u
#define HCALL_SBI_PMU_FW_HFENCE_VVMA_SENT 18u
#define HCALL_SBI_PMU_FW_HFENCE_VVMA_RECEIVED 19u
#define HCALL_SBI_PMU_FW_HFENCE_VVMA_ASID_SENT 20u
#define HCALL_SBI_PMU_FW_HFENCE_VVMA_ASID_RECEIVED 21u
#define HCALL_SBI_PMU_FW_PLATFORM 0xFFFFu

/* counter_config_matching's config_flags. */
#define HCALL_SBI_PMU_CFG_SKIP_MATCH (1u << 0)
#define HCALL_SBI_PMU_CFG_CLEAR_VALUE (1u << 1)
#define HCALL_SBI_PMU_CFG_AUTO_START (1u << 2)
#define HCALL_SBI_PMU_CFG_SET_VUINH (1u << 3)
#define HCALL_SBI_PMU_CFG_SET_VSINH (1u << 4)
#define HCALL_SBI_PMU_CFG_SET_UINH (1u << 5)
#define HCALL_SBI_PMU_CFG_SET_SINH (1u << 6)
#define HCALL_SBI_PMU_CFG_SET_MINH (1u << 7)
/* counter_start's start_flags, counter_stop's stop_flags. */
#define HCALL_SBI_PMU_START_SET_INIT_VALUE (1u << 0)
#define HCALL_SBI_PMU_START_INIT_SNAPSHOT (1u << 1)
#define HCALL_SBI_PMU_STOP_RESET (1u << 0)
#define HCALL_SBI_PMU_STOP_TAKE_SNAPSHOT (1u << 1)

/* The snapshot shared memory (4 KiB, page aligned). */
struct hcall_sbi_pmu_snapshot {
	uint64_t counter_overflow_bitmap; /* 0x000 */
	uint64_t counter_values[64];      /* 0x008 */
	uint64_t reserved[447];           /* 0x208 .. 0xFFF */
};

/* One entry of event_get_info's shared memory (16-byte aligned). */
struct hcall_sbi_pmu_event_info {
	uint32_t event_idx;  /* bits 19:0 */
	uint32_t output;     /* bit 0: supported */
	uint64_t event_data; /* for types 2, 3 and 15 */
};
#define HCALL_SBI_PMU_EVENT_INFO_SUPPORTED 1u

#endif /* HCALL_ABI_SBI_PMU_H */
