/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_conv.h - what every RISC-V SBI extension shares: the
 * extension IDs, the calling convention and the error codes
 * (arch-neutral). The extensions' tables are in hcall/abi/sbi_<ext>.h;
 * <hcall/abi/sbi.h> includes them all.
 *
 * Source: RISC-V SBI specification (riscv-non-isa/riscv-sbi-doc, v3.0),
 * chapter "Binary Encoding"; cross-checked against OpenSBI's
 * include/sbi/sbi_ecall_interface.h.
 *
 *   ecall; a7 = extension ID (EID), a6 = function ID (FID),
 *   arguments a0..a5; on return a0 = error, a1 = value.
 *   Every register other than a0 and a1 is preserved.
 *
 * Legacy extensions (EIDs 0x00-0x0F, SBI v0.1) have no FID: a7 = EID,
 * arguments from a0, the result in a0 only, and every other register,
 * a1 included, is preserved.
 *
 * How SBI fits the table format of hcall/abi/desc.h: each extension is an
 * ABI of its own. The table prefix names the extension (SBI_HSM,
 * sbi_hsm), a row's number is its FID, and the extension's EID is the
 * constant HCALL_<PREFIX>_EID, which the conv descriptor carries as the
 * selector (sel_reg = a7, sel_value = EID, nr_reg = a6). The typed
 * wrappers are therefore hcall_sbi_<ext>_<call>(). For the legacy table a
 * row's number is the EID itself and the descriptor has no selector
 * (nr_reg = a7).
 */
#ifndef HCALL_ABI_SBI_CONV_H
#define HCALL_ABI_SBI_CONV_H

#include <hcall/abi/desc.h>

/* ---- extension IDs ----------------------------------------------------- */

/* Legacy (v0.1): one EID per function. */
#define HCALL_SBI_EXT_LEGACY_SET_TIMER 0x00u
#define HCALL_SBI_EXT_LEGACY_CONSOLE_PUTCHAR 0x01u
#define HCALL_SBI_EXT_LEGACY_CONSOLE_GETCHAR 0x02u
#define HCALL_SBI_EXT_LEGACY_CLEAR_IPI 0x03u
#define HCALL_SBI_EXT_LEGACY_SEND_IPI 0x04u
#define HCALL_SBI_EXT_LEGACY_REMOTE_FENCE_I 0x05u
#define HCALL_SBI_EXT_LEGACY_REMOTE_SFENCE_VMA 0x06u
#define HCALL_SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID 0x07u
#define HCALL_SBI_EXT_LEGACY_SHUTDOWN 0x08u
/* v0.2 and later: ASCII names where they fit. */
#define HCALL_SBI_EXT_BASE 0x10u
#define HCALL_SBI_EXT_TIME 0x54494D45u   /* "TIME" */
#define HCALL_SBI_EXT_IPI 0x735049u      /* "sPI" */
#define HCALL_SBI_EXT_RFENCE 0x52464E43u /* "RFNC" */
#define HCALL_SBI_EXT_HSM 0x48534Du      /* "HSM" */
#define HCALL_SBI_EXT_SRST 0x53525354u   /* "SRST" */
#define HCALL_SBI_EXT_PMU 0x504D55u      /* "PMU" */
#define HCALL_SBI_EXT_DBCN 0x4442434Eu   /* "DBCN" */
#define HCALL_SBI_EXT_SUSP 0x53555350u   /* "SUSP" */
#define HCALL_SBI_EXT_CPPC 0x43505043u   /* "CPPC" */
#define HCALL_SBI_EXT_NACL 0x4E41434Cu   /* "NACL" */
#define HCALL_SBI_EXT_STA 0x535441u      /* "STA" */
/* v3.0. */
#define HCALL_SBI_EXT_SSE 0x535345u      /* "SSE" */
#define HCALL_SBI_EXT_FWFT 0x46574654u   /* "FWFT" */
#define HCALL_SBI_EXT_DBTR 0x44425452u   /* "DBTR" */
#define HCALL_SBI_EXT_MPXY 0x4D505859u   /* "MPXY" */
/* Ranges left to experiments, vendors and firmware. */
#define HCALL_SBI_EXT_EXPERIMENTAL_START 0x08000000u
#define HCALL_SBI_EXT_EXPERIMENTAL_END 0x08FFFFFFu
#define HCALL_SBI_EXT_VENDOR_START 0x09000000u
#define HCALL_SBI_EXT_VENDOR_END 0x09FFFFFFu
#define HCALL_SBI_EXT_FIRMWARE_START 0x0A000000u
#define HCALL_SBI_EXT_FIRMWARE_END 0x0AFFFFFFu

/* ---- register roles ---------------------------------------------------------- */

#define HCALL_SBI_RISCV_REG_EID HCALL_RV_A7
#define HCALL_SBI_RISCV_REG_FID HCALL_RV_A6
#define HCALL_SBI_RISCV_REG_ARG0 HCALL_RV_A0
#define HCALL_SBI_RISCV_REG_ARG1 HCALL_RV_A1
#define HCALL_SBI_RISCV_REG_ARG2 HCALL_RV_A2
#define HCALL_SBI_RISCV_REG_ARG3 HCALL_RV_A3
#define HCALL_SBI_RISCV_REG_ARG4 HCALL_RV_A4
#define HCALL_SBI_RISCV_REG_ARG5 HCALL_RV_A5
#define HCALL_SBI_RISCV_REG_ERR HCALL_RV_A0
#define HCALL_SBI_RISCV_REG_VAL HCALL_RV_A1

#define HCALL__SBI_R(r) HCALL_REG_IDX(HCALL_SBI_RISCV_REG_##r)

/* The conv descriptor of one extension. */
#define HCALL_SBI_CONV(name, eid)                                            \
	{ name, HCALL_ARCH_RISCV64, HCALL_TRAP_ECALL, 0, HCALL__SBI_R(EID),  \
	  (eid), HCALL__SBI_R(FID), 6,                                       \
	  { HCALL__SBI_R(ARG0), HCALL__SBI_R(ARG1), HCALL__SBI_R(ARG2),      \
	    HCALL__SBI_R(ARG3), HCALL__SBI_R(ARG4), HCALL__SBI_R(ARG5) },    \
	  1, { HCALL__SBI_R(VAL) }, HCALL__SBI_R(ERR),                        \
	  HCALL__BIT(HCALL_SBI_RISCV_REG_ERR) |                              \
		  HCALL__BIT(HCALL_SBI_RISCV_REG_VAL) }

/* ---- errors ---------------------------------------------------------------- */

/*
 * SBI v1.0 defines 0..-9 (NO_SHMEM since v2.0); v2.0 adds INVALID_STATE
 * and BAD_RANGE, v3.0 TIMEOUT, IO and DENIED_LOCKED.
 */
#define HCALL_SBI_ERRORS(X)                           \
	X(SUCCESS, 0, OK)                             \
	X(ERR_FAILED, -1, E_FAILED)                   \
	X(ERR_NOT_SUPPORTED, -2, E_NOT_SUPPORTED)     \
	X(ERR_INVALID_PARAM, -3, E_INVALID_PARAM)     \
	X(ERR_DENIED, -4, E_DENIED)                   \
	X(ERR_INVALID_ADDRESS, -5, E_INVALID_ADDRESS) \
	X(ERR_ALREADY_AVAILABLE, -6, E_ALREADY)       \
	X(ERR_ALREADY_STARTED, -7, E_ALREADY)         \
	X(ERR_ALREADY_STOPPED, -8, E_ALREADY_STOPPED) \
	X(ERR_NO_SHMEM, -9, E_NO_MEMORY)              \
	X(ERR_INVALID_STATE, -10, E_INVALID_PARAM)    \
	X(ERR_BAD_RANGE, -11, E_INVALID_PARAM)        \
	X(ERR_TIMEOUT, -12, E_BUSY)                   \
	X(ERR_IO, -13, E_FAILED)                      \
	X(ERR_DENIED_LOCKED, -14, E_DENIED)

HCALL_DEFINE_ERROR_MAP(hcall_map_sbi_error, HCALL_SBI_ERRORS)

/* ---- shared-memory arguments ------------------------------------------- */

/*
 * Functions that take a physical address as (phys_lo, phys_hi) turn the
 * feature off when both halves are all ones (SBI v2.0, "Shared memory
 * physical address range parameter").
 */
#define HCALL_SBI_SHMEM_DISABLE 0xFFFFFFFFFFFFFFFFull

/* ---- hart masks ----------------------------------------------------------- */

/*
 * The harts an IPI or remote fence targets (SBI v2.0, "Hart list
 * parameter"): bit i of mask is hart base + i, and a base of all ones
 * means every hart (mask ignored). Build one with the functions below
 * rather than by hand: each gives a mask the specification accepts and
 * that names exactly the harts asked for.
 */
struct hcall_sbi_hartmask {
	uint64_t mask;
	uint64_t base;
};

#define HCALL_SBI_HART_MASK_BASE_ALL 0xFFFFFFFFFFFFFFFFull
/* Harts one mask word can name past its base. */
#define HCALL_SBI_HART_MASK_BITS 64u

/* Every hart. */
HCALL_INLINE struct hcall_sbi_hartmask hcall_sbi_harts_all(void)
{
	struct hcall_sbi_hartmask m;

	m.mask = 0;
	m.base = HCALL_SBI_HART_MASK_BASE_ALL;
	return m;
}

/* Hart hartid alone. */
HCALL_INLINE struct hcall_sbi_hartmask hcall_sbi_hart(uint64_t hartid)
{
	struct hcall_sbi_hartmask m;

	m.mask = 1;
	m.base = hartid;
	return m;
}

/*
 * Add hartid to m (built by hcall_sbi_hart()). Returns 0, or -1 and
 * leaves m alone when hartid cannot share m's window (below its base, 64
 * or more harts above it, or m means every hart), in which case the
 * caller makes a second call for it.
 */
HCALL_INLINE int hcall_sbi_hartmask_add(struct hcall_sbi_hartmask *m,
					uint64_t hartid)
{
	if (m->base == HCALL_SBI_HART_MASK_BASE_ALL || hartid < m->base ||
	    hartid - m->base >= HCALL_SBI_HART_MASK_BITS)
		return -1;
	m->mask |= 1ull << (hartid - m->base);
	return 0;
}

/* 1 when m names hartid. */
HCALL_INLINE int hcall_sbi_hartmask_has(struct hcall_sbi_hartmask m,
					uint64_t hartid)
{
	if (m.base == HCALL_SBI_HART_MASK_BASE_ALL)
		return 1;
	return hartid >= m.base && hartid - m.base < HCALL_SBI_HART_MASK_BITS &&
	       ((m.mask >> (hartid - m.base)) & 1u);
}

#endif /* HCALL_ABI_SBI_CONV_H */
