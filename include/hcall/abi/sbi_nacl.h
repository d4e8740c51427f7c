/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_nacl.h - the SBI nested acceleration extension (EID
 * "NACL", SBI v2.0): a shared memory through which an L1 hypervisor
 * batches H-extension CSR writes and HFENCEs for the L0 one. Source: SBI
 * specification v3.0, chapter "Nested Acceleration Extension".
 */
#ifndef HCALL_ABI_SBI_NACL_H
#define HCALL_ABI_SBI_NACL_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_NACL_EID HCALL_SBI_EXT_NACL
#define HCALL_SBI_NACL_PROBE_FEATURE 0u
#define HCALL_SBI_NACL_SET_SHMEM 1u
#define HCALL_SBI_NACL_SYNC_CSR 2u
#define HCALL_SBI_NACL_SYNC_HFENCE 3u
#define HCALL_SBI_NACL_SYNC_SRET 4u

#define HCALL_SBI_NACL_CALLS(X)                                                \
	X(SBI_NACL, sbi_nacl, PROBE_FEATURE, probe_feature, VALUE, 1, 0,       \
	  (uint32_t, feature_id), _, _, _,                                     \
	  "1 if the feature (HCALL_SBI_NACL_FEAT_*) is available, else 0")    \
	X(SBI_NACL, sbi_nacl, SET_SHMEM, set_shmem, STATUS, 2, 1,              \
	  (uint64_t, shmem_phys_lo), (uint64_t, shmem_phys_hi), _, _,          \
	  "set (or, all ones, disable) this hart's shared memory; flags "      \
	  "reserved")                                                          \
	X(SBI_NACL, sbi_nacl, SYNC_CSR, sync_csr, STATUS, 1, 0,                \
	  (uint64_t, csr_num), _, _, _,                                        \
	  "synchronize one H-extension CSR, or all (all ones)")                \
	X(SBI_NACL, sbi_nacl, SYNC_HFENCE, sync_hfence, STATUS, 1, 0,          \
	  (uint64_t, entry_index), _, _, _,                                    \
	  "process one nested HFENCE entry, or all (all ones)")                \
	X(SBI_NACL, sbi_nacl, SYNC_SRET, sync_sret, STATUS, 0, 0, _, _, _, _,  \
	  "synchronize, then emulate SRET; does not return on success")

#define HCALL_SBI_NACL_CONV_RISCV HCALL_SBI_CONV("sbi-nacl/riscv64", HCALL_SBI_NACL_EID)

/* feature_id. */
#define HCALL_SBI_NACL_FEAT_SYNC_CSR 0u
#define HCALL_SBI_NACL_FEAT_SYNC_HFENCE 1u
#define HCALL_SBI_NACL_FEAT_SYNC_SRET 2u
#define HCALL_SBI_NACL_FEAT_AUTOSWAP_CSR 3u

/*
 * The shared memory (page aligned, RV64): 4 KiB of scratch space, then
 * one 64-bit word per H-extension CSR. Offsets in the scratch space:
 */
#define HCALL_SBI_NACL_SHMEM_SIZE (4096u + 1024u * 8u)
#define HCALL_SBI_NACL_SCRATCH_SRET 0x0000u      /* ..0x01FF: x0..x31 to restore */
#define HCALL_SBI_NACL_SCRATCH_AUTOSWAP 0x0200u  /* ..0x027F: flags, hstatus */
#define HCALL_SBI_NACL_SCRATCH_HFENCE 0x0800u    /* ..0x0F7F: HFENCE entries */
#define HCALL_SBI_NACL_SCRATCH_DIRTY 0x0F80u     /* ..0x0FFF: CSR dirty bitmap */
#define HCALL_SBI_NACL_CSR_SPACE 0x1000u
#define HCALL_SBI_NACL_HFENCE_ENTRIES (3840u / 64u)
#define HCALL_SBI_NACL_AUTOSWAP_HSTATUS 1u

/* CSR x is word ((x & 0xc00) >> 2) | (x & 0xff) of the CSR space. */
HCALL_INLINE unsigned hcall_sbi_nacl_csr_index(unsigned csr)
{
	return ((csr & 0xC00u) >> 2) | (csr & 0xFFu);
}

/* One nested HFENCE entry: four words (RV64). */
struct hcall_sbi_nacl_hfence {
	uint64_t config;      /* pending, type, order, VMID, ASID */
	uint64_t page_number; /* address >> (order + 12) */
	uint64_t reserved;
	uint64_t page_count;
};
#define HCALL_SBI_NACL_HFENCE_PENDING (1ull << 63)
#define HCALL_SBI_NACL_HFENCE_TYPE_SHIFT 56 /* bits 59:56 */
#define HCALL_SBI_NACL_HFENCE_ORDER_SHIFT 48 /* bits 54:48 */
#define HCALL_SBI_NACL_HFENCE_VMID_SHIFT 16 /* bits 29:16 */
#define HCALL_SBI_NACL_HFENCE_ASID_MASK 0xFFFFull
#define HCALL_SBI_NACL_HFENCE_GVMA 0u
#define HCALL_SBI_NACL_HFENCE_GVMA_ALL 1u
#define HCALL_SBI_NACL_HFENCE_GVMA_VMID 2u
#define HCALL_SBI_NACL_HFENCE_GVMA_VMID_ALL 3u
#define HCALL_SBI_NACL_HFENCE_VVMA 4u
#define HCALL_SBI_NACL_HFENCE_VVMA_ALL 5u
#define HCALL_SBI_NACL_HFENCE_VVMA_ASID 6u
#define HCALL_SBI_NACL_HFENCE_VVMA_ASID_ALL 7u

#endif /* HCALL_ABI_SBI_NACL_H */
