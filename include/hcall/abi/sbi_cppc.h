/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_cppc.h - the SBI collaborative processor performance
 * control extension (EID "CPPC", SBI v2.0). Source: SBI specification
 * v3.0, chapter "CPPC Extension"; register IDs follow ACPI's _CPC.
 */
#ifndef HCALL_ABI_SBI_CPPC_H
#define HCALL_ABI_SBI_CPPC_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_CPPC_EID HCALL_SBI_EXT_CPPC
#define HCALL_SBI_CPPC_PROBE 0u
#define HCALL_SBI_CPPC_READ 1u
#define HCALL_SBI_CPPC_READ_HI 2u
#define HCALL_SBI_CPPC_WRITE 3u

#define HCALL_SBI_CPPC_CALLS(X)                                               \
	X(SBI_CPPC, sbi_cppc, PROBE, probe, VALUE, 1, 0,                      \
	  (uint32_t, cppc_reg_id), _, _, _,                                   \
	  "the register's width in bits, 0 if not implemented")              \
	X(SBI_CPPC, sbi_cppc, READ, read, VALUE, 1, 0,                        \
	  (uint32_t, cppc_reg_id), _, _, _, "read a CPPC register")           \
	X(SBI_CPPC, sbi_cppc, READ_HI, read_hi, VALUE, 1, 0,                  \
	  (uint32_t, cppc_reg_id), _, _, _,                                   \
	  "a CPPC register's upper 32 bits (RV32; 0 on RV64)")                \
	X(SBI_CPPC, sbi_cppc, WRITE, write, STATUS, 2, 0,                     \
	  (uint32_t, cppc_reg_id), (uint64_t, val), _, _,                     \
	  "write a CPPC register")

#define HCALL_SBI_CPPC_CONV_RISCV HCALL_SBI_CONV("sbi-cppc/riscv64", HCALL_SBI_CPPC_EID)

/* cppc_reg_id. */
#define HCALL_SBI_CPPC_HIGHEST_PERF 0x00u
#define HCALL_SBI_CPPC_NOMINAL_PERF 0x01u
#define HCALL_SBI_CPPC_LOW_NON_LINEAR_PERF 0x02u
#define HCALL_SBI_CPPC_LOWEST_PERF 0x03u
#define HCALL_SBI_CPPC_GUARANTEED_PERF 0x04u
#define HCALL_SBI_CPPC_DESIRED_PERF 0x05u
#define HCALL_SBI_CPPC_MIN_PERF 0x06u
#define HCALL_SBI_CPPC_MAX_PERF 0x07u
#define HCALL_SBI_CPPC_PERF_REDUC_TOLERANCE 0x08u
#define HCALL_SBI_CPPC_TIME_WINDOW 0x09u
#define HCALL_SBI_CPPC_CTR_WRAP_TIME 0x0Au
#define HCALL_SBI_CPPC_REFERENCE_CTR 0x0Bu
#define HCALL_SBI_CPPC_DELIVERED_CTR 0x0Cu
#define HCALL_SBI_CPPC_PERF_LIMITED 0x0Du
#define HCALL_SBI_CPPC_ENABLE 0x0Eu
#define HCALL_SBI_CPPC_AUTO_SEL_ENABLE 0x0Fu
#define HCALL_SBI_CPPC_AUTO_ACT_WINDOW 0x10u
#define HCALL_SBI_CPPC_ENERGY_PERF_PREFERENCE 0x11u
#define HCALL_SBI_CPPC_REFERENCE_PERF 0x12u
#define HCALL_SBI_CPPC_LOWEST_FREQ 0x13u
#define HCALL_SBI_CPPC_NOMINAL_FREQ 0x14u
#define HCALL_SBI_CPPC_TRANSITION_LATENCY 0x80000000u

#endif /* HCALL_ABI_SBI_CPPC_H */
