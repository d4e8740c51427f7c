/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_rfence.h - the SBI remote fence extension (EID "RFNC",
 * SBI v0.2+). Source: SBI specification v3.0, chapter "RFENCE Extension".
 *
 * Every call takes a hart mask in a0/a1; the typed wrappers take one
 * struct hcall_sbi_hartmask (hcall/abi/sbi_conv.h) for the two, so their
 * rows are CUSTOM.
 * start_addr = 0 and size = 0 or all ones mean the whole address space.
 */
#ifndef HCALL_ABI_SBI_RFENCE_H
#define HCALL_ABI_SBI_RFENCE_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_RFENCE_EID HCALL_SBI_EXT_RFENCE
#define HCALL_SBI_RFENCE_REMOTE_FENCE_I 0u
#define HCALL_SBI_RFENCE_REMOTE_SFENCE_VMA 1u
#define HCALL_SBI_RFENCE_REMOTE_SFENCE_VMA_ASID 2u
#define HCALL_SBI_RFENCE_REMOTE_HFENCE_GVMA_VMID 3u
#define HCALL_SBI_RFENCE_REMOTE_HFENCE_GVMA 4u
#define HCALL_SBI_RFENCE_REMOTE_HFENCE_VVMA_ASID 5u
#define HCALL_SBI_RFENCE_REMOTE_HFENCE_VVMA 6u

#define HCALL_SBI_RFENCE_CALLS(X)                                                 \
	X(SBI_RFENCE, sbi_rfence, REMOTE_FENCE_I, remote_fence_i, CUSTOM, 2, 0,   \
	  (uint64_t, hart_mask), (uint64_t, hart_mask_base), _, _,                \
	  "FENCE.I on the harts of the mask; typed: a struct hcall_sbi_hartmask") \
	X(SBI_RFENCE, sbi_rfence, REMOTE_SFENCE_VMA, remote_sfence_vma,           \
	  CUSTOM, 4, 0, (uint64_t, hart_mask), (uint64_t, hart_mask_base),        \
	  (uint64_t, start_addr), (uint64_t, size),                               \
	  "SFENCE.VMA of a virtual range on the harts of the mask")               \
	X(SBI_RFENCE, sbi_rfence, REMOTE_SFENCE_VMA_ASID,                         \
	  remote_sfence_vma_asid, CUSTOM, 5, 0, (uint64_t, hart_mask),            \
	  (uint64_t, hart_mask_base), (uint64_t, start_addr),                     \
	  ((uint64_t, size), (uint64_t, asid)),                                   \
	  "SFENCE.VMA of a virtual range for one ASID")                           \
	X(SBI_RFENCE, sbi_rfence, REMOTE_HFENCE_GVMA_VMID,                        \
	  remote_hfence_gvma_vmid, CUSTOM, 5, 0, (uint64_t, hart_mask),           \
	  (uint64_t, hart_mask_base), (uint64_t, start_addr),                     \
	  ((uint64_t, size), (uint64_t, vmid)),                                   \
	  "HFENCE.GVMA of a guest-physical range for one VMID")                   \
	X(SBI_RFENCE, sbi_rfence, REMOTE_HFENCE_GVMA, remote_hfence_gvma,         \
	  CUSTOM, 4, 0, (uint64_t, hart_mask), (uint64_t, hart_mask_base),        \
	  (uint64_t, start_addr), (uint64_t, size),                               \
	  "HFENCE.GVMA of a guest-physical range, every VMID")                    \
	X(SBI_RFENCE, sbi_rfence, REMOTE_HFENCE_VVMA_ASID,                        \
	  remote_hfence_vvma_asid, CUSTOM, 5, 0, (uint64_t, hart_mask),           \
	  (uint64_t, hart_mask_base), (uint64_t, start_addr),                     \
	  ((uint64_t, size), (uint64_t, asid)),                                   \
	  "HFENCE.VVMA of a guest-virtual range for one ASID (current VMID)")     \
	X(SBI_RFENCE, sbi_rfence, REMOTE_HFENCE_VVMA, remote_hfence_vvma,         \
	  CUSTOM, 4, 0, (uint64_t, hart_mask), (uint64_t, hart_mask_base),        \
	  (uint64_t, start_addr), (uint64_t, size),                               \
	  "HFENCE.VVMA of a guest-virtual range (current VMID)")

#define HCALL_SBI_RFENCE_CONV_RISCV \
	HCALL_SBI_CONV("sbi-rfence/riscv64", HCALL_SBI_RFENCE_EID)

/* start_addr/size that cover every address. */
#define HCALL_SBI_RFENCE_ALL_START 0ull
#define HCALL_SBI_RFENCE_ALL_SIZE 0xFFFFFFFFFFFFFFFFull

#endif /* HCALL_ABI_SBI_RFENCE_H */
