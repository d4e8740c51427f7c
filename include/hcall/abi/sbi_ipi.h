/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_ipi.h - the SBI IPI extension (EID "sPI", SBI v0.2+).
 * Source: SBI specification v3.0, chapter "IPI Extension".
 *
 * The row lists the two registers of the hart mask; the typed wrapper
 * takes a struct hcall_sbi_hartmask (hcall/abi/sbi_conv.h) instead.
 */
#ifndef HCALL_ABI_SBI_IPI_H
#define HCALL_ABI_SBI_IPI_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_IPI_EID HCALL_SBI_EXT_IPI
#define HCALL_SBI_IPI_SEND_IPI 0u

#define HCALL_SBI_IPI_CALLS(X)                                         \
	X(SBI_IPI, sbi_ipi, SEND_IPI, send_ipi, CUSTOM, 2, 0,          \
	  (uint64_t, hart_mask), (uint64_t, hart_mask_base), _, _,     \
	  "supervisor software interrupt to the harts of the mask; "   \
	  "typed: hcall_sbi_ipi_send_ipi(struct hcall_sbi_hartmask)")

#define HCALL_SBI_IPI_CONV_RISCV HCALL_SBI_CONV("sbi-ipi/riscv64", HCALL_SBI_IPI_EID)

#endif /* HCALL_ABI_SBI_IPI_H */
