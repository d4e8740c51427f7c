/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi.h - the RISC-V Supervisor Binary Interface tables
 * (arch-neutral): every extension of SBI v2.0 and those of v3.0.
 *
 * Source: RISC-V SBI specification (riscv-non-isa/riscv-sbi-doc, v3.0),
 * numbers cross-checked against OpenSBI's sbi_ecall_interface.h.
 *
 * The shared convention, extension IDs and error codes are in
 * <hcall/abi/sbi_conv.h>; each extension's table is in
 * <hcall/abi/sbi_<ext>.h>, which this header includes. How an extension
 * maps onto the table format of <hcall/abi/desc.h> is described in
 * sbi_conv.h.
 */
#ifndef HCALL_ABI_SBI_H
#define HCALL_ABI_SBI_H

#include <hcall/abi/sbi_conv.h>
#include <hcall/abi/sbi_base.h>
#include <hcall/abi/sbi_time.h>
#include <hcall/abi/sbi_ipi.h>
#include <hcall/abi/sbi_rfence.h>
#include <hcall/abi/sbi_hsm.h>
#include <hcall/abi/sbi_srst.h>
#include <hcall/abi/sbi_pmu.h>
#include <hcall/abi/sbi_dbcn.h>
#include <hcall/abi/sbi_susp.h>
#include <hcall/abi/sbi_cppc.h>
#include <hcall/abi/sbi_nacl.h>
#include <hcall/abi/sbi_sta.h>
#include <hcall/abi/sbi_sse.h>
#include <hcall/abi/sbi_fwft.h>
#include <hcall/abi/sbi_dbtr.h>
#include <hcall/abi/sbi_mpxy.h>
#include <hcall/abi/sbi_legacy.h>

/*
 * Every extension with a FID, in the order of the specification:
 * X(PREFIX, prefix, EID, CALLS, title, version); the title spells the
 * EID out in ASCII where the specification names it so. The legacy table
 * (HCALL_SBI_LEGACY_CALLS) has no selector and is not listed.
 */
#define HCALL_SBI_EXTENSIONS(X)                                            \
	X(SBI_BASE, sbi_base, HCALL_SBI_BASE_EID, HCALL_SBI_BASE_CALLS,    \
	  "RISC-V SBI base extension, EID 0x10", "v0.2")                   \
	X(SBI_TIME, sbi_time, HCALL_SBI_TIME_EID, HCALL_SBI_TIME_CALLS,    \
	  "RISC-V SBI timer extension, EID \"TIME\"", "v0.2")              \
	X(SBI_IPI, sbi_ipi, HCALL_SBI_IPI_EID, HCALL_SBI_IPI_CALLS,        \
	  "RISC-V SBI IPI extension, EID \"sPI\"", "v0.2")                 \
	X(SBI_RFENCE, sbi_rfence, HCALL_SBI_RFENCE_EID,                    \
	  HCALL_SBI_RFENCE_CALLS,                                          \
	  "RISC-V SBI remote fence extension, EID \"RFNC\"", "v0.2")       \
	X(SBI_HSM, sbi_hsm, HCALL_SBI_HSM_EID, HCALL_SBI_HSM_CALLS,        \
	  "RISC-V SBI hart state management extension, EID \"HSM\"",       \
	  "v0.2")                                                          \
	X(SBI_SRST, sbi_srst, HCALL_SBI_SRST_EID, HCALL_SBI_SRST_CALLS,    \
	  "RISC-V SBI system reset extension, EID \"SRST\"", "v0.3")       \
	X(SBI_PMU, sbi_pmu, HCALL_SBI_PMU_EID, HCALL_SBI_PMU_CALLS,        \
	  "RISC-V SBI performance monitoring unit extension, EID \"PMU\"", \
	  "v0.3")                                                          \
	X(SBI_DBCN, sbi_dbcn, HCALL_SBI_DBCN_EID, HCALL_SBI_DBCN_CALLS,    \
	  "RISC-V SBI debug console extension, EID \"DBCN\"", "v2.0")      \
	X(SBI_SUSP, sbi_susp, HCALL_SBI_SUSP_EID, HCALL_SBI_SUSP_CALLS,    \
	  "RISC-V SBI system suspend extension, EID \"SUSP\"", "v2.0")     \
	X(SBI_CPPC, sbi_cppc, HCALL_SBI_CPPC_EID, HCALL_SBI_CPPC_CALLS,    \
	  "RISC-V SBI CPPC extension, EID \"CPPC\"", "v2.0")               \
	X(SBI_NACL, sbi_nacl, HCALL_SBI_NACL_EID, HCALL_SBI_NACL_CALLS,    \
	  "RISC-V SBI nested acceleration extension, EID \"NACL\"",        \
	  "v2.0")                                                          \
	X(SBI_STA, sbi_sta, HCALL_SBI_STA_EID, HCALL_SBI_STA_CALLS,        \
	  "RISC-V SBI steal-time accounting extension, EID \"STA\"",       \
	  "v2.0")                                                          \
	X(SBI_SSE, sbi_sse, HCALL_SBI_SSE_EID, HCALL_SBI_SSE_CALLS,        \
	  "RISC-V SBI supervisor software events extension, EID \"SSE\"",  \
	  "v3.0")                                                          \
	X(SBI_FWFT, sbi_fwft, HCALL_SBI_FWFT_EID, HCALL_SBI_FWFT_CALLS,    \
	  "RISC-V SBI firmware features extension, EID \"FWFT\"", "v3.0")  \
	X(SBI_DBTR, sbi_dbtr, HCALL_SBI_DBTR_EID, HCALL_SBI_DBTR_CALLS,    \
	  "RISC-V SBI debug triggers extension, EID \"DBTR\"", "v3.0")     \
	X(SBI_MPXY, sbi_mpxy, HCALL_SBI_MPXY_EID, HCALL_SBI_MPXY_CALLS,    \
	  "RISC-V SBI message proxy extension, EID \"MPXY\"", "v3.0")

#endif /* HCALL_ABI_SBI_H */
