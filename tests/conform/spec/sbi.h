/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/spec/sbi.h - what the RISC-V Supervisor Binary Interface
 * specification (riscv-non-isa/riscv-sbi-doc, v2.0; the calls used here
 * are unchanged since v1.0 or since the extension appeared) requires, as
 * data for the riscv64 conformance guest. Written from the specification,
 * not from any implementation.
 *
 * Sections are v2.0's: 3 Binary Encoding (calling convention, standard
 * errors), 4 Base Extension, 5 Legacy Extensions, 6 Timer, 7 IPI,
 * 8 RFENCE, 9 HSM, 10 SRST, 11 PMU, 12 DBCN.
 */
#ifndef KIT_SPEC_SBI_H
#define KIT_SPEC_SBI_H

#include <stdint.h>

#include "call.h"

/* Standard SBI errors (3 Binary Encoding, "Standard SBI Errors"). */
#define SBI_SUCCESS 0
#define SBI_ERR_FAILED (-1)
#define SBI_ERR_NOT_SUPPORTED (-2)
#define SBI_ERR_INVALID_PARAM (-3)
#define SBI_ERR_DENIED (-4)
#define SBI_ERR_INVALID_ADDRESS (-5)
#define SBI_ERR_ALREADY_AVAILABLE (-6)
#define SBI_ERR_ALREADY_STARTED (-7)
#define SBI_ERR_ALREADY_STOPPED (-8)
#define SBI_ERR_NO_SHMEM (-9)

static const struct spec_name spec_sbi_errors[] = {
	{ SBI_SUCCESS, "SBI_SUCCESS" },
	{ SBI_ERR_FAILED, "SBI_ERR_FAILED" },
	{ SBI_ERR_NOT_SUPPORTED, "SBI_ERR_NOT_SUPPORTED" },
	{ SBI_ERR_INVALID_PARAM, "SBI_ERR_INVALID_PARAM" },
	{ SBI_ERR_DENIED, "SBI_ERR_DENIED" },
	{ SBI_ERR_INVALID_ADDRESS, "SBI_ERR_INVALID_ADDRESS" },
	{ SBI_ERR_ALREADY_AVAILABLE, "SBI_ERR_ALREADY_AVAILABLE" },
	{ SBI_ERR_ALREADY_STARTED, "SBI_ERR_ALREADY_STARTED" },
	{ SBI_ERR_ALREADY_STOPPED, "SBI_ERR_ALREADY_STOPPED" },
	{ SBI_ERR_NO_SHMEM, "SBI_ERR_NO_SHMEM" },
};

/* Extension IDs. */
#define SBI_EXT_LEGACY_PUTCHAR 0x01u
#define SBI_EXT_LEGACY_SHUTDOWN 0x08u
#define SBI_EXT_BASE 0x10u
#define SBI_EXT_TIME 0x54494D45u  /* "TIME" */
#define SBI_EXT_IPI 0x735049u     /* "sPI" */
#define SBI_EXT_RFENCE 0x52464E43u /* "RFNC" */
#define SBI_EXT_HSM 0x48534Du     /* "HSM" */
#define SBI_EXT_SRST 0x53525354u  /* "SRST" */
#define SBI_EXT_PMU 0x504D55u     /* "PMU" */
#define SBI_EXT_DBCN 0x4442434Eu  /* "DBCN" */
#define SBI_EXT_SUSP 0x53555350u  /* "SUSP" */
#define SBI_EXT_CPPC 0x43505043u  /* "CPPC" */
#define SBI_EXT_NACL 0x4E41434Cu  /* "NACL" */
#define SBI_EXT_STA 0x535441u     /* "STA" */
#define SBI_EXT_SSE 0x535345u     /* "SSE" (v3.0) */
#define SBI_EXT_FWFT 0x46574654u  /* "FWFT" (v3.0) */
#define SBI_EXT_DBTR 0x44425452u  /* "DBTR" (v3.0) */
#define SBI_EXT_MPXY 0x4D505859u  /* "MPXY" (v3.0) */
/* An EID outside every assigned and every vendor/firmware range. */
#define SBI_EXT_UNASSIGNED 0x7FFFFFF0u

/* Base extension functions (4). */
#define SBI_BASE_GET_SPEC_VERSION 0
#define SBI_BASE_GET_IMPL_ID 1
#define SBI_BASE_GET_IMPL_VERSION 2
#define SBI_BASE_PROBE_EXTENSION 3
#define SBI_BASE_GET_MVENDORID 4
#define SBI_BASE_GET_MARCHID 5
#define SBI_BASE_GET_MIMPID 6
/* SRST (10.1): types 0 shutdown, 1 cold, 2 warm reboot; reasons 0 none,
 * 1 system failure. Types 3..0xEFFFFFFF and reasons 2..0xDFFFFFFF are
 * reserved. */
#define SBI_SRST_SYSTEM_RESET 0
#define SBI_SRST_SHUTDOWN 0
#define SBI_SRST_REASON_NONE 0
#define SBI_SRST_REASON_FAILURE 1
#define SBI_DBCN_WRITE_BYTE 2
/* HSM (9): functions and hart states. */
#define SBI_HSM_HART_START 0
#define SBI_HSM_HART_STOP 1
#define SBI_HSM_HART_GET_STATUS 2
#define SBI_HSM_STARTED 0
#define SBI_HSM_STOPPED 1
#define SBI_HSM_SECTION "SBI 9.1 HART start, 9.2 HART stop, 9.3 Get HART Status"
/* SUSP (13.1): sleep type 0 is suspend-to-RAM, 1..0x7FFFFFFF reserved.
 * CPPC (14): register IDs 0x17..0x7FFFFFFF reserved. NACL (15): feature
 * IDs above 3 reserved. STA (16.1): an all-ones address disables sharing. */
#define SBI_SUSP_RESERVED_TYPE 1
#define SBI_CPPC_RESERVED_REG 0x40000000u
#define SBI_NACL_RESERVED_FEATURE 0x100u

/* SBI spec version (4.1): bit 31 zero, major in 30:24, minor in 23:0. */
#define SBI_SPEC_MAJOR(v) (((v) >> 24) & 0x7F)
#define SBI_SPEC_MINOR(v) ((v) & 0xFFFFFF)

/* Every register but a0 and a1 is preserved across an SBI call
 * (3 Binary Encoding). */
#define SBI_SECTION_REGS "SBI 3 Binary Encoding (all registers except a0, a1 preserved)"

/* The extensions the kit knows: each is probed (4.4) and reported. */
static const struct {
	const char *name;
	uint32_t eid;
	const char *section;
} spec_sbi_exts[] = {
	{ "BASE", SBI_EXT_BASE, "SBI 4 Base Extension" },
	{ "legacy console_putchar", SBI_EXT_LEGACY_PUTCHAR, "SBI 5 Legacy Extensions" },
	{ "legacy shutdown", SBI_EXT_LEGACY_SHUTDOWN, "SBI 5 Legacy Extensions" },
	{ "TIME", SBI_EXT_TIME, "SBI 6 Timer Extension" },
	{ "IPI", SBI_EXT_IPI, "SBI 7 IPI Extension" },
	{ "RFENCE", SBI_EXT_RFENCE, "SBI 8 RFENCE Extension" },
	{ "HSM", SBI_EXT_HSM, "SBI 9 Hart State Management Extension" },
	{ "SRST", SBI_EXT_SRST, "SBI 10 System Reset Extension" },
	{ "PMU", SBI_EXT_PMU, "SBI 11 Performance Monitoring Unit Extension" },
	{ "DBCN", SBI_EXT_DBCN, "SBI 12 Debug Console Extension" },
	{ "SUSP", SBI_EXT_SUSP, "SBI 13 System Suspend Extension" },
	{ "CPPC", SBI_EXT_CPPC, "SBI 14 CPPC Extension" },
	{ "NACL", SBI_EXT_NACL, "SBI 15 Nested Acceleration Extension" },
	{ "STA", SBI_EXT_STA, "SBI 16 Steal-time Accounting Extension" },
	{ "SSE", SBI_EXT_SSE, "SBI v3.0 Supervisor Software Events Extension" },
	{ "FWFT", SBI_EXT_FWFT, "SBI v3.0 Firmware Features Extension" },
	{ "DBTR", SBI_EXT_DBTR, "SBI v3.0 Debug Triggers Extension" },
	{ "MPXY", SBI_EXT_MPXY, "SBI v3.0 Message Proxy Extension" },
};

/*
 * Calls with a result the specification fixes: res[0] judges a0 (error),
 * res[1] a1 (value). ARG_SELF is the calling hart's id, ARG_NO_CPU a hart
 * id no system has (0xFFFFFFFF), ARG_ENTRY an address of guest code.
 * ROW_IF_PRESENT rows run when probe_extension(probe or id) is non-zero.
 */
#define SBI_ROW(fn, what, eid, fid, need, a0, a1, a2, h0, w0, h1, w1, sect) \
	{ fn, what, eid, fid, 0, need, { a0, a1, a2 }, { { h0, w0 }, { h1, w1 } }, sect }
#define V(x) { ARG_VAL, (x) }
#define SELF { ARG_SELF, 0 }
#define NOCPU { ARG_NO_CPU, 0 }
#define ENTRY { ARG_ENTRY, 0 }

static const struct spec_call spec_sbi_calls[] = {
	SBI_ROW("sbi_get_spec_version", "succeeds, bit 31 of the version clear", SBI_EXT_BASE,
		SBI_BASE_GET_SPEC_VERSION, ROW_ALWAYS, V(0), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_GE0, 0,
		"SBI 4.1 Function: Get SBI specification version"),
	SBI_ROW("sbi_get_impl_id", "succeeds", SBI_EXT_BASE, SBI_BASE_GET_IMPL_ID, ROW_ALWAYS,
		V(0), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0, "SBI 4.2 Function: Get SBI implementation ID"),
	SBI_ROW("sbi_get_impl_version", "succeeds", SBI_EXT_BASE, SBI_BASE_GET_IMPL_VERSION,
		ROW_ALWAYS, V(0), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0,
		"SBI 4.3 Function: Get SBI implementation version"),
	SBI_ROW("sbi_probe_extension", "BASE (0x10) is available: value != 0", SBI_EXT_BASE,
		SBI_BASE_PROBE_EXTENSION, ROW_ALWAYS, V(SBI_EXT_BASE), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_NONZERO,
		0, "SBI 4.4 Function: Probe SBI extension"),
	SBI_ROW("sbi_probe_extension", "an unassigned EID (0x7FFFFFF0): value 0", SBI_EXT_BASE,
		SBI_BASE_PROBE_EXTENSION, ROW_ALWAYS, V(SBI_EXT_UNASSIGNED), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_EQ,
		0, "SBI 4.4 Function: Probe SBI extension"),
	SBI_ROW("sbi_get_mvendorid", "succeeds", SBI_EXT_BASE, SBI_BASE_GET_MVENDORID, ROW_ALWAYS,
		V(0), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0, "SBI 4.5 Function: Get machine vendor ID"),
	SBI_ROW("sbi_get_marchid", "succeeds", SBI_EXT_BASE, SBI_BASE_GET_MARCHID, ROW_ALWAYS,
		V(0), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0, "SBI 4.6 Function: Get machine architecture ID"),
	SBI_ROW("sbi_get_mimpid", "succeeds", SBI_EXT_BASE, SBI_BASE_GET_MIMPID, ROW_ALWAYS,
		V(0), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0, "SBI 4.7 Function: Get machine implementation ID"),
	SBI_ROW("(unassigned IDs)", "BASE FID 0x100 (unassigned): SBI_ERR_NOT_SUPPORTED",
		SBI_EXT_BASE, 0x100, ROW_ALWAYS, V(0), V(0), V(0), EXP_EQ, SBI_ERR_NOT_SUPPORTED,
		EXP_ANY, 0, "SBI 3 Binary Encoding"),
	SBI_ROW("(unassigned IDs)", "EID 0x7FFFFFF0 (unassigned): SBI_ERR_NOT_SUPPORTED",
		SBI_EXT_UNASSIGNED, 0, ROW_ALWAYS, V(0), V(0), V(0), EXP_EQ, SBI_ERR_NOT_SUPPORTED,
		EXP_ANY, 0, "SBI 3 Binary Encoding"),
	SBI_ROW("legacy console_putchar", "writes a CR: returns 0", SBI_EXT_LEGACY_PUTCHAR, 0,
		ROW_IF_PRESENT, V('\r'), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0,
		"SBI 5.2 Extension: Console Putchar"),
	SBI_ROW("sbi_set_timer", "stime_value 2^64-1 (never): succeeds", SBI_EXT_TIME, 0,
		ROW_IF_PRESENT, V(~0ull), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0,
		"SBI 6.1 Function: Set Timer"),
	SBI_ROW("sbi_send_ipi", "to the calling hart: succeeds", SBI_EXT_IPI, 0, ROW_IF_PRESENT,
		V(1), SELF, V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0, "SBI 7.1 Function: Send IPI"),
	SBI_ROW("sbi_remote_fence_i", "on the calling hart: succeeds", SBI_EXT_RFENCE, 0,
		ROW_IF_PRESENT, V(1), SELF, V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0,
		"SBI 8.1 Function: Remote FENCE.I"),
	SBI_ROW("sbi_hart_get_status", "the calling hart is STARTED (0)", SBI_EXT_HSM, 2,
		ROW_IF_PRESENT, SELF, V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_EQ, SBI_HSM_STARTED,
		"SBI 9.3 Function: Get HART Status"),
	SBI_ROW("sbi_hart_get_status", "a hart that does not exist: SBI_ERR_INVALID_PARAM",
		SBI_EXT_HSM, 2, ROW_IF_PRESENT, NOCPU, V(0), V(0), EXP_EQ, SBI_ERR_INVALID_PARAM,
		EXP_ANY, 0, "SBI 9.3 Function: Get HART Status"),
	SBI_ROW("sbi_hart_start", "the calling hart (started): SBI_ERR_ALREADY_AVAILABLE",
		SBI_EXT_HSM, 0, ROW_IF_PRESENT, SELF, ENTRY, V(0), EXP_EQ, SBI_ERR_ALREADY_AVAILABLE,
		EXP_ANY, 0, "SBI 9.1 Function: HART start"),
	SBI_ROW("sbi_pmu_num_counters", "succeeds", SBI_EXT_PMU, 0, ROW_IF_PRESENT, V(0), V(0),
		V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0, "SBI 11.5 Function: Get number of counters"),
	SBI_ROW("sbi_debug_console_write_byte", "writes a CR: succeeds", SBI_EXT_DBCN,
		SBI_DBCN_WRITE_BYTE, ROW_IF_PRESENT, V('\r'), V(0), V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0,
		"SBI 12.3 Function: Console Write Byte"),
	SBI_ROW("sbi_system_suspend", "reserved sleep_type 0x1: SBI_ERR_INVALID_PARAM",
		SBI_EXT_SUSP, 0, ROW_IF_PRESENT, V(SBI_SUSP_RESERVED_TYPE), ENTRY, V(0), EXP_EQ,
		SBI_ERR_INVALID_PARAM, EXP_ANY, 0, "SBI 13.1 Function: System Suspend"),
	SBI_ROW("sbi_cppc_probe", "reserved register 0x40000000: SBI_ERR_INVALID_PARAM",
		SBI_EXT_CPPC, 0, ROW_IF_PRESENT, V(SBI_CPPC_RESERVED_REG), V(0), V(0), EXP_EQ,
		SBI_ERR_INVALID_PARAM, EXP_ANY, 0, "SBI 14.1 Function: Probe CPPC register"),
	SBI_ROW("sbi_nacl_probe_feature", "reserved feature 0x100: not available (value 0)",
		SBI_EXT_NACL, 0, ROW_IF_PRESENT, V(SBI_NACL_RESERVED_FEATURE), V(0), V(0), EXP_EQ,
		SBI_SUCCESS, EXP_EQ, 0, "SBI 15.5 Function: Probe nested acceleration feature"),
	SBI_ROW("sbi_steal_time_set_shmem", "all-ones address (disable): succeeds", SBI_EXT_STA,
		0, ROW_IF_PRESENT, V(~0ull), V(~0ull), V(0), EXP_EQ, SBI_SUCCESS, EXP_ANY, 0,
		"SBI 16.1 Function: Set Steal-time Shared Memory Address"),
	/* Last: an implementation that ignores the type would end the run
	 * here, which the harness reports as a missing summary. */
	SBI_ROW("sbi_system_reset", "reserved reset_type 0x3: SBI_ERR_INVALID_PARAM", SBI_EXT_SRST,
		SBI_SRST_SYSTEM_RESET, ROW_IF_PRESENT, V(3), V(0), V(0), EXP_EQ,
		SBI_ERR_INVALID_PARAM, EXP_ANY, 0, "SBI 10.1 Function: System reset"),
	SBI_ROW("sbi_system_reset", "reserved reset_reason 0x2: SBI_ERR_INVALID_PARAM",
		SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, ROW_IF_PRESENT, V(SBI_SRST_SHUTDOWN), V(2), V(0),
		EXP_EQ, SBI_ERR_INVALID_PARAM, EXP_ANY, 0, "SBI 10.1 Function: System reset"),
};

#undef V
#undef SELF
#undef NOCPU
#undef ENTRY

#endif /* KIT_SPEC_SBI_H */
