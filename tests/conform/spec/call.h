/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/spec/call.h - one row of a specification table: a call, its
 * arguments and the results the specification requires, with the section
 * that says so. The spec headers (psci.h, smccc.h, sbi.h) hold the rows;
 * the guests run them (tests/conform/kit.c, kit_run_calls()).
 */
#ifndef KIT_SPEC_CALL_H
#define KIT_SPEC_CALL_H

#include <stdint.h>

/* Where an argument comes from: a constant, or a fact of the running
 * guest that only it knows. */
enum spec_arg_kind {
	ARG_VAL = 0,     /* .val */
	ARG_SELF,        /* the calling CPU: its MPIDR affinity / hart id */
	ARG_ENTRY,       /* an address of executable guest code */
	ARG_NO_CPU,      /* a CPU no system has (MPIDR 0xFF00FFFFFF, hart id 2^32-1... ) */
};

struct spec_arg {
	enum spec_arg_kind kind;
	uint64_t val;
};

/* How a result register is judged. */
enum spec_expect {
	EXP_ANY = 0,  /* not judged */
	EXP_EQ,       /* == want (all 64 bits) */
	EXP_EQ32,     /* low 32 bits == want (an SMC32 result is in W0) */
	EXP_GE0,      /* signed >= 0 */
	EXP_NONZERO,  /* != 0 */
	EXP_0_TO,     /* 0 <= value <= want */
};

struct spec_result {
	enum spec_expect how;
	int64_t want;
};

/* A row runs only if the implementation says the function exists:
 * mandatory rows always run (and fail if it is missing), optional rows
 * are probed first (PSCI_FEATURES, SMCCC_ARCH_FEATURES, SBI
 * probe_extension) and skipped with the reason if absent. */
enum spec_row_need {
	ROW_ALWAYS = 0,  /* mandatory, or part of discovery itself */
	ROW_IF_PRESENT,  /* optional: the probe decides */
};

struct spec_call {
	const char *fn;       /* the function the report lists */
	const char *what;     /* what the row checks, one line */
	uint32_t id;          /* SMCCC: function ID in W0. SBI: EID (a7) */
	uint32_t fid;         /* SBI: FID (a6); unused for SMCCC */
	uint32_t probe;       /* the ID the probe asks about (0: id) */
	enum spec_row_need need;
	struct spec_arg arg[3];
	struct spec_result res[2]; /* SMCCC: x0 (and x1). SBI: a0 error, a1 value */
	const char *section;
};

/* A return code and its name in the specification. */
struct spec_name {
	int64_t code;
	const char *name;
};

#endif /* KIT_SPEC_CALL_H */
