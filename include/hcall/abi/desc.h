/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/desc.h - the shape of an ABI table, and what is generated from it.
 *
 * Every ABI is declared once, in include/hcall/abi/<abi>.h, as
 *
 *   1. one #define per call number:   #define HCALL_HVISOR_ZONE_START 2
 *   2. one X-macro row per call:
 *
 *        X(ABI, abi, NAME, name, kind, nargs, nrsvd, arg1, arg2, arg3, arg4, summary)
 *
 *      ABI/abi  the ABI's prefix in upper and lower case (HVISOR, hvisor);
 *      NAME     the call's suffix; the number is HCALL_<ABI>_<NAME>;
 *      name     the typed wrapper is hcall_<abi>_<name>();
 *      kind     how the result registers read (enum hcall_result_kind,
 *               without the prefix): STATUS, VALUE or CUSTOM;
 *      nargs    arguments the caller supplies;
 *      nrsvd    the reserved-must-be-zero arguments, as a layout token:
 *                 0..7   that many, after the supplied ones;
 *                 FLAGS_FIRST  one, named flags, before the supplied
 *                        ones (KVM's KICK_CPU: rbx = flags, rcx = APIC ID);
 *               HCALL_RSVD_COUNT(), HCALL_RSVD_MASK() and HCALL_RSVD_NAME()
 *               read it;
 *      argN     `(type, name)` for each supplied argument, `_` elsewhere;
 *               the supplied arguments fill the slots that are not
 *               reserved, in convention order; a call of 5 or 6
 *               arguments gives the 4th and later ones together in arg4:
 *               `((type, name), (type, name))`;
 *      summary  one line for the docs and the CLI.
 *
 *   3. the register roles of each convention, as HCALL_<ABI>_<ARCH>_* pairs
 *      from <hcall/regs.h>;
 *   4. the error codes, as X(NAME, raw, STATUS) rows.
 *
 * From these, the preprocessor generates the typed guest wrappers (here),
 * the descriptor arrays the hypervisor core, CLI and docs read
 * (<hcall/describe.h>) and the error mappers (<hcall/result.h>).
 */
#ifndef HCALL_ABI_DESC_H
#define HCALL_ABI_DESC_H

#include <hcall/compiler.h>
#include <hcall/regs.h>
#include <hcall/result.h>
#include <hcall/types.h>

/* How the result registers of a call are read. */
enum hcall_result_kind {
	/* 0 on success, otherwise an ABI error code. */
	HCALL_RK_STATUS = 0,
	/* A non-negative value on success, otherwise an ABI error code. */
	HCALL_RK_VALUE = 1,
	/* Several result registers or a bitmap: hand-written wrapper. */
	HCALL_RK_CUSTOM = 2,
};

#define HCALL_MAX_ARGS 6
#define HCALL_MAX_CONV_REGS 18

/* One row of a call table. */
struct hcall_call_desc {
	const char *name;    /* "zone_start" */
	const char *ident;   /* "HCALL_HVISOR_ZONE_START" */
	uint64_t number;
	uint8_t kind;        /* enum hcall_result_kind */
	uint8_t nargs;
	uint8_t nrsvd;       /* reserved arguments */
	uint8_t rsvd_mask;   /* bit i: argument slot i is reserved */
	const char *rsvd_name; /* "flags", or 0: the reserved ones are unnamed */
	const char *args[HCALL_MAX_ARGS]; /* "uint64_t config_addr" */
	const char *summary;
};

/* The register roles of one ABI on one architecture. */
struct hcall_conv_desc {
	const char *name;    /* "hvisor/arm64" */
	uint8_t arch;        /* enum hcall_arch */
	uint8_t trap;        /* enum hcall_trap: the instruction, exactly */
	uint32_t imm;        /* HVC/SMC immediate; 0 elsewhere */
	uint8_t sel_reg;     /* register that selects the ABI, or HCALL_REG_NONE */
	uint64_t sel_value;  /* its value (riscv: the SBI extension ID) */
	uint8_t nr_reg;      /* register carrying the call number */
	uint8_t nargs;       /* argument registers, in order */
	uint8_t arg_regs[HCALL_MAX_CONV_REGS];
	uint8_t nres;        /* result registers, in order */
	uint8_t res_regs[HCALL_MAX_CONV_REGS];
	uint8_t err_reg;     /* separate error register, or HCALL_REG_NONE */
	uint32_t clobbers;   /* every register the callee may change */
};

struct hcall_err_desc {
	const char *name;
	int64_t raw;
	uint8_t status; /* enum hcall_status */
};

struct hcall_abi_desc {
	const char *name;  /* "hvisor" */
	const char *title; /* "hvisor hypercalls" */
	const char *source;
	const struct hcall_conv_desc *convs;
	unsigned nconvs;
	const struct hcall_call_desc *calls;
	unsigned ncalls;
	const struct hcall_err_desc *errors;
	unsigned nerrors;
};

/* ---- reserved-argument layouts ---------------------------------------- */

/*
 * A row's nrsvd token, read three ways: HCALL_RSVD_COUNT(rsvd) is the
 * number of reserved arguments, HCALL_RSVD_MASK(nargs, rsvd) the argument
 * slots they take (bit i = slot i, slots 0 .. nargs + count - 1 in
 * convention order), HCALL_RSVD_NAME(rsvd) what the specification calls
 * them (a string, or 0). A token missing here does not compile.
 */
#define HCALL_RSVD_COUNT(rsvd) HCALL__RSVD_COUNT_##rsvd
#define HCALL_RSVD_MASK(nargs, rsvd) HCALL__RSVD_MASK_##rsvd(nargs)
#define HCALL_RSVD_NAME(rsvd) HCALL__RSVD_NAME_##rsvd

#define HCALL__RSVD_COUNT_0 0
#define HCALL__RSVD_COUNT_1 1
#define HCALL__RSVD_COUNT_2 2
#define HCALL__RSVD_COUNT_3 3
#define HCALL__RSVD_COUNT_4 4
#define HCALL__RSVD_COUNT_5 5
#define HCALL__RSVD_COUNT_6 6
#define HCALL__RSVD_COUNT_7 7
#define HCALL__RSVD_COUNT_FLAGS_FIRST 1

#define HCALL__RSVD_MASK_0(nargs) 0u
#define HCALL__RSVD_MASK_1(nargs) (0x01u << (nargs))
#define HCALL__RSVD_MASK_2(nargs) (0x03u << (nargs))
#define HCALL__RSVD_MASK_3(nargs) (0x07u << (nargs))
#define HCALL__RSVD_MASK_4(nargs) (0x0Fu << (nargs))
#define HCALL__RSVD_MASK_5(nargs) (0x1Fu << (nargs))
#define HCALL__RSVD_MASK_6(nargs) (0x3Fu << (nargs))
#define HCALL__RSVD_MASK_7(nargs) (0x7Fu << (nargs))
#define HCALL__RSVD_MASK_FLAGS_FIRST(nargs) 0x01u

#define HCALL__RSVD_NAME_0 0
#define HCALL__RSVD_NAME_1 0
#define HCALL__RSVD_NAME_2 0
#define HCALL__RSVD_NAME_3 0
#define HCALL__RSVD_NAME_4 0
#define HCALL__RSVD_NAME_5 0
#define HCALL__RSVD_NAME_6 0
#define HCALL__RSVD_NAME_7 0
#define HCALL__RSVD_NAME_FLAGS_FIRST "flags"

/* Argument slots a call uses, supplied and reserved. */
HCALL_INLINE unsigned hcall_call_nslots(const struct hcall_call_desc *c)
{
	return (unsigned)c->nargs + c->nrsvd;
}

/* Slot `slot` of the call is reserved (must be zero). */
HCALL_INLINE int hcall_call_slot_reserved(const struct hcall_call_desc *c,
					  unsigned slot)
{
	return slot < 8 && ((c->rsvd_mask >> slot) & 1u) != 0;
}

/*
 * The index into c->args[] of the supplied argument in slot `slot`, or -1
 * for a reserved slot or one past the call's slots.
 */
HCALL_INLINE int hcall_call_slot_arg(const struct hcall_call_desc *c,
				     unsigned slot)
{
	unsigned i, arg = 0;

	if (slot >= hcall_call_nslots(c) || hcall_call_slot_reserved(c, slot))
		return -1;
	for (i = 0; i < slot; i++)
		if (!hcall_call_slot_reserved(c, i))
			arg++;
	return (int)arg;
}

/* HCALL_REG_BIT(reg) - the clobber-mask bit of a register role, for the
 * `clobbers` field of a convention. */
#define HCALL_REG_BIT(reg) (1u << HCALL_REG_IDX(reg))
#define HCALL__BIT(reg) HCALL_REG_BIT(reg)

/* ---- generators ------------------------------------------------------- */

#define HCALL__ARG_DECL(arg) HCALL__ARG_DECL_ arg
#define HCALL__ARG_DECL_(type, name) type name
#define HCALL__ARG_NAME(arg) HCALL__ARG_NAME_ arg
#define HCALL__ARG_NAME_(type, name) name
#define HCALL__ARG_STR(arg) HCALL__ARG_STR_ arg
#define HCALL__ARG_STR_(type, name) #type " " #name

/* Descriptor row: argument strings for the supplied arguments only. */
#define HCALL__ARGS_STR0(a1, a2, a3, a4) { 0, 0, 0, 0 }
#define HCALL__ARGS_STR1(a1, a2, a3, a4) { HCALL__ARG_STR(a1), 0, 0, 0 }
#define HCALL__ARGS_STR2(a1, a2, a3, a4) \
	{ HCALL__ARG_STR(a1), HCALL__ARG_STR(a2), 0, 0 }
#define HCALL__ARGS_STR3(a1, a2, a3, a4) \
	{ HCALL__ARG_STR(a1), HCALL__ARG_STR(a2), HCALL__ARG_STR(a3), 0 }
#define HCALL__ARGS_STR4(a1, a2, a3, a4)                             \
	{ HCALL__ARG_STR(a1), HCALL__ARG_STR(a2), HCALL__ARG_STR(a3), \
	  HCALL__ARG_STR(a4) }
/* 5 and 6 arguments: arg4 holds the 4th and later ones as a list. */
#define HCALL__ARG_STR_TAIL2(x, y) HCALL__ARG_STR(x), HCALL__ARG_STR(y)
#define HCALL__ARG_STR_TAIL3(x, y, z) \
	HCALL__ARG_STR(x), HCALL__ARG_STR(y), HCALL__ARG_STR(z)
#define HCALL__ARGS_STR5(a1, a2, a3, a4)                             \
	{ HCALL__ARG_STR(a1), HCALL__ARG_STR(a2), HCALL__ARG_STR(a3), \
	  HCALL__ARG_STR_TAIL2 a4 }
#define HCALL__ARGS_STR6(a1, a2, a3, a4)                             \
	{ HCALL__ARG_STR(a1), HCALL__ARG_STR(a2), HCALL__ARG_STR(a3), \
	  HCALL__ARG_STR_TAIL3 a4 }

#define HCALL_DESC_ROW(ABI, abi, NAME, name, kind, nargs, nrsvd, a1, a2, a3, \
		       a4, summary)                                          \
	{ #name,                                                             \
	  "HCALL_" #ABI "_" #NAME,                                           \
	  (uint64_t)(HCALL_##ABI##_##NAME),                                  \
	  HCALL_RK_##kind,                                                   \
	  nargs,                                                             \
	  HCALL_RSVD_COUNT(nrsvd),                                           \
	  HCALL_RSVD_MASK(nargs, nrsvd),                                     \
	  HCALL_RSVD_NAME(nrsvd),                                            \
	  HCALL__ARGS_STR##nargs(a1, a2, a3, a4),                            \
	  summary },

#define HCALL_ERR_ROW(name, raw, status) { #name, (raw), HCALL_##status },

/*
 * Typed wrapper: hcall_<abi>_<name>(supplied arguments). It calls the ABI's
 * hcall_<abi>_invoke<N>(number, kind, regs...) with N = nargs + reserved
 * count, the reserved arguments passed as literal zeros in their slots, so
 * exactly the registers the call uses are set up. Rows of kind CUSTOM are
 * written by hand. The wrapper is named by nargs and the nrsvd token
 * (HCALL__WRAP_<nargs>_<token>); a shape no row uses yet is added here.
 */
#define HCALL_WRAPPER(ABI, abi, NAME, name, kind, nargs, nrsvd, a1, a2, a3, \
		      a4, summary)                                          \
	HCALL__WRAP_##kind(abi, HCALL_##ABI##_##NAME, hcall_##abi##_##name, \
			   HCALL_RK_##kind, nargs, nrsvd, a1, a2, a3, a4)
/*
 * Below HCALL_WRAPPER the call's number (NR), the wrapper's name (FN) and
 * its result kind (RK) travel as identifiers already pasted together
 * there: a row's NAME or name is never passed on as a bare token, so a
 * macro of that name in the includer (the kernel's READ and WRITE, say)
 * cannot replace it.
 */
#define HCALL__WRAP_CUSTOM(...)
#define HCALL__WRAP_STATUS(abi, NR, FN, RK, nargs, nrsvd, ...) \
	HCALL__WRAP_##nargs##_##nrsvd(abi, NR, FN, RK, __VA_ARGS__)
#define HCALL__WRAP_VALUE HCALL__WRAP_STATUS

#define HCALL__WRAP_HEAD(FN) HCALL_INLINE struct hcall_result FN

#define HCALL__WRAP_0_0(abi, NR, FN, RK, a1, a2, a3, a4)        \
	HCALL__WRAP_HEAD(FN)(void)                             \
	{                                                                  \
		return hcall_##abi##_invoke0(NR,         \
					     RK);             \
	}
#define HCALL__WRAP_1_0(abi, NR, FN, RK, a1, a2, a3, a4)        \
	HCALL__WRAP_HEAD(FN)(HCALL__ARG_DECL(a1))              \
	{                                                                  \
		return hcall_##abi##_invoke1(NR,         \
					     RK,              \
					     HCALL__ARG_NAME(a1));         \
	}
#define HCALL__WRAP_2_0(abi, NR, FN, RK, a1, a2, a3, a4)        \
	HCALL__WRAP_HEAD(FN)(HCALL__ARG_DECL(a1),              \
					 HCALL__ARG_DECL(a2))              \
	{                                                                  \
		return hcall_##abi##_invoke2(                              \
			NR, RK,             \
			HCALL__ARG_NAME(a1), HCALL__ARG_NAME(a2));         \
	}
#define HCALL__WRAP_3_0(abi, NR, FN, RK, a1, a2, a3, a4)        \
	HCALL__WRAP_HEAD(FN)(HCALL__ARG_DECL(a1),              \
					 HCALL__ARG_DECL(a2),              \
					 HCALL__ARG_DECL(a3))              \
	{                                                                  \
		return hcall_##abi##_invoke3(                              \
			NR, RK,             \
			HCALL__ARG_NAME(a1), HCALL__ARG_NAME(a2),          \
			HCALL__ARG_NAME(a3));                              \
	}
#define HCALL__WRAP_4_0(abi, NR, FN, RK, a1, a2, a3, a4)        \
	HCALL__WRAP_HEAD(FN)(                                  \
		HCALL__ARG_DECL(a1), HCALL__ARG_DECL(a2),                  \
		HCALL__ARG_DECL(a3), HCALL__ARG_DECL(a4))                  \
	{                                                                  \
		return hcall_##abi##_invoke4(                              \
			NR, RK,             \
			HCALL__ARG_NAME(a1), HCALL__ARG_NAME(a2),          \
			HCALL__ARG_NAME(a3), HCALL__ARG_NAME(a4));         \
	}
#define HCALL__WRAP_0_3(abi, NR, FN, RK, a1, a2, a3, a4)        \
	HCALL__WRAP_HEAD(FN)(void)                             \
	{                                                                  \
		return hcall_##abi##_invoke3(NR,         \
					     RK, 0, 0, 0);    \
	}
#define HCALL__WRAP_1_2(abi, NR, FN, RK, a1, a2, a3, a4)        \
	HCALL__WRAP_HEAD(FN)(HCALL__ARG_DECL(a1))              \
	{                                                                  \
		return hcall_##abi##_invoke3(NR,         \
					     RK,              \
					     HCALL__ARG_NAME(a1), 0, 0);   \
	}

#define HCALL__WRAP_1_FLAGS_FIRST(abi, NR, FN, RK, a1, a2, a3, a4)    \
	HCALL__WRAP_HEAD(FN)(HCALL__ARG_DECL(a1))              \
	{                                                                  \
		return hcall_##abi##_invoke2(NR,         \
					     RK, 0,           \
					     HCALL__ARG_NAME(a1));         \
	}
#define HCALL__WRAP_2_1(abi, NR, FN, RK, a1, a2, a3, a4)        \
	HCALL__WRAP_HEAD(FN)(HCALL__ARG_DECL(a1),              \
					 HCALL__ARG_DECL(a2))              \
	{                                                                  \
		return hcall_##abi##_invoke3(                              \
			NR, RK,             \
			HCALL__ARG_NAME(a1), HCALL__ARG_NAME(a2), 0);      \
	}
#define HCALL__WRAP_3_1(abi, NR, FN, RK, a1, a2, a3, a4)        \
	HCALL__WRAP_HEAD(FN)(HCALL__ARG_DECL(a1),              \
					 HCALL__ARG_DECL(a2),              \
					 HCALL__ARG_DECL(a3))              \
	{                                                                  \
		return hcall_##abi##_invoke4(                              \
			NR, RK,             \
			HCALL__ARG_NAME(a1), HCALL__ARG_NAME(a2),          \
			HCALL__ARG_NAME(a3), 0);                           \
	}

#endif /* HCALL_ABI_DESC_H */
