/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi.h - the RISC-V Supervisor Binary Interface tables
 * (arch-neutral).
 *
 * Source: RISC-V SBI specification (riscv-non-isa/riscv-sbi-doc, v3.0),
 * numbers as in Linux arch/riscv/include/asm/sbi.h and OpenSBI.
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
 * ABI of its own. The table prefix names the extension (SBI_BASE,
 * sbi_base), a row's number is its FID, and the extension's EID is the
 * constant HCALL_<PREFIX>_EID, which the conv descriptor carries as the
 * selector (sel_reg = a7, sel_value = EID, nr_reg = a6). The typed
 * wrappers are therefore hcall_sbi_<ext>_<call>(). For the legacy table a
 * row's number is the EID itself and the descriptor has no selector
 * (nr_reg = a7).
 * HCALL_SBI_EXTENSIONS lists every extension table.
 */
#ifndef HCALL_ABI_SBI_H
#define HCALL_ABI_SBI_H

#include <hcall/abi/desc.h>

/* ---- extension IDs ----------------------------------------------------- */

#define HCALL_SBI_EXT_LEGACY_SET_TIMER 0x00u
#define HCALL_SBI_EXT_LEGACY_CONSOLE_PUTCHAR 0x01u
#define HCALL_SBI_EXT_LEGACY_CONSOLE_GETCHAR 0x02u
#define HCALL_SBI_EXT_LEGACY_SHUTDOWN 0x08u
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
/* Ranges left to vendors and firmware. */
#define HCALL_SBI_EXT_VENDOR_START 0x09000000u
#define HCALL_SBI_EXT_VENDOR_END 0x09FFFFFFu
#define HCALL_SBI_EXT_FIRMWARE_START 0x0A000000u
#define HCALL_SBI_EXT_FIRMWARE_END 0x0AFFFFFFu

/* ---- base extension (EID 0x10) ------------------------------------------ */

#define HCALL_SBI_BASE_EID HCALL_SBI_EXT_BASE
#define HCALL_SBI_BASE_GET_SPEC_VERSION 0u
#define HCALL_SBI_BASE_GET_IMPL_ID 1u
#define HCALL_SBI_BASE_GET_IMPL_VERSION 2u
#define HCALL_SBI_BASE_PROBE_EXTENSION 3u
#define HCALL_SBI_BASE_GET_MVENDORID 4u
#define HCALL_SBI_BASE_GET_MARCHID 5u
#define HCALL_SBI_BASE_GET_MIMPID 6u

#define HCALL_SBI_BASE_CALLS(X)                                                \
	X(SBI_BASE, sbi_base, GET_SPEC_VERSION, get_spec_version, VALUE, 0, 0, \
	  _, _, _, _, "SBI specification version (major << 24 | minor)")       \
	X(SBI_BASE, sbi_base, GET_IMPL_ID, get_impl_id, VALUE, 0, 0,           \
	  _, _, _, _, "SBI implementation ID (HCALL_SBI_IMPL_*)")              \
	X(SBI_BASE, sbi_base, GET_IMPL_VERSION, get_impl_version, VALUE, 0, 0, \
	  _, _, _, _, "implementation-specific version")                       \
	X(SBI_BASE, sbi_base, PROBE_EXTENSION, probe_extension, VALUE, 1, 0,   \
	  (uint64_t, eid), _, _, _,                                            \
	  "0 if extension eid is absent, else an extension-specific non-zero") \
	X(SBI_BASE, sbi_base, GET_MVENDORID, get_mvendorid, VALUE, 0, 0,       \
	  _, _, _, _, "the mvendorid CSR")                                     \
	X(SBI_BASE, sbi_base, GET_MARCHID, get_marchid, VALUE, 0, 0,           \
	  _, _, _, _, "the marchid CSR")                                       \
	X(SBI_BASE, sbi_base, GET_MIMPID, get_mimpid, VALUE, 0, 0,             \
	  _, _, _, _, "the mimpid CSR")

/* get_spec_version: major in bits 30:24, minor in bits 23:0. */
#define HCALL_SBI_SPEC_MAJOR_SHIFT 24
#define HCALL_SBI_SPEC_MAJOR_MASK 0x7Fu
#define HCALL_SBI_SPEC_MINOR_MASK 0xFFFFFFu

/* get_impl_id values. */
#define HCALL_SBI_IMPL_BBL 0
#define HCALL_SBI_IMPL_OPENSBI 1
#define HCALL_SBI_IMPL_XVISOR 2
#define HCALL_SBI_IMPL_KVM 3
#define HCALL_SBI_IMPL_RUSTSBI 4
#define HCALL_SBI_IMPL_DIOSIX 5
#define HCALL_SBI_IMPL_COFFER 6
#define HCALL_SBI_IMPL_XEN 7
#define HCALL_SBI_IMPL_POLARFIRE_HSS 8
#define HCALL_SBI_IMPL_COREBOOT 9
#define HCALL_SBI_IMPL_OREBOOT 10
#define HCALL_SBI_IMPL_BHYVE 11

/* ---- system reset extension (EID "SRST") --------------------------------- */

#define HCALL_SBI_SRST_EID HCALL_SBI_EXT_SRST
#define HCALL_SBI_SRST_SYSTEM_RESET 0u

#define HCALL_SBI_SRST_CALLS(X)                                                \
	X(SBI_SRST, sbi_srst, SYSTEM_RESET, system_reset, STATUS, 2, 0,        \
	  (uint32_t, reset_type), (uint32_t, reset_reason), _, _,              \
	  "shut down or reboot the system; does not return on success")

#define HCALL_SBI_SRST_TYPE_SHUTDOWN 0u
#define HCALL_SBI_SRST_TYPE_COLD_REBOOT 1u
#define HCALL_SBI_SRST_TYPE_WARM_REBOOT 2u
#define HCALL_SBI_SRST_REASON_NONE 0u
#define HCALL_SBI_SRST_REASON_SYSTEM_FAILURE 1u

/* ---- legacy extensions (number = EID) ------------------------------------ */

#define HCALL_SBI_LEGACY_CONSOLE_PUTCHAR HCALL_SBI_EXT_LEGACY_CONSOLE_PUTCHAR

#define HCALL_SBI_LEGACY_CALLS(X)                                              \
	X(SBI_LEGACY, sbi_legacy, CONSOLE_PUTCHAR, console_putchar, CUSTOM, 1, \
	  0, (int, ch), _, _, _,                                               \
	  "SBI v0.1: write one byte to the debug console; a0 = 0 or error")

/* Every extension table: X(PREFIX, prefix, EID, CALLS). */
#define HCALL_SBI_EXTENSIONS(X)                                        \
	X(SBI_BASE, sbi_base, HCALL_SBI_BASE_EID, HCALL_SBI_BASE_CALLS) \
	X(SBI_SRST, sbi_srst, HCALL_SBI_SRST_EID, HCALL_SBI_SRST_CALLS)

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

#define HCALL_SBI_BASE_CONV_RISCV HCALL_SBI_CONV("sbi-base/riscv64", HCALL_SBI_BASE_EID)
#define HCALL_SBI_SRST_CONV_RISCV HCALL_SBI_CONV("sbi-srst/riscv64", HCALL_SBI_SRST_EID)

/* Legacy: a7 is the number, a0.. the arguments, a0 the result only. */
#define HCALL_SBI_LEGACY_CONV_RISCV                                           \
	{ "sbi-legacy/riscv64", HCALL_ARCH_RISCV64, HCALL_TRAP_ECALL, 0,      \
	  HCALL_REG_NONE, 0, HCALL__SBI_R(EID), 4,                            \
	  { HCALL__SBI_R(ARG0), HCALL__SBI_R(ARG1), HCALL__SBI_R(ARG2),       \
	    HCALL__SBI_R(ARG3) },                                             \
	  1, { HCALL__SBI_R(ERR) }, HCALL_REG_NONE,                           \
	  HCALL__BIT(HCALL_SBI_RISCV_REG_ERR) }

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

#endif /* HCALL_ABI_SBI_H */
