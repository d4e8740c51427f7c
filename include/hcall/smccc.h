/* SPDX-License-Identifier: MIT */
/*
 * hcall/smccc.h - guest calls through the Arm SMC Calling Convention.
 *
 * SMCCC 1.1:  hvc #0 (or smc #0); x0 = function ID, x1..x7 = arguments;
 *             x0..x3 = results. x4..x17 are preserved, so the wrappers
 *             mark only x0..x3 as changed.
 * SMCCC 1.0:  the same registers, but x4..x17 may come back changed.
 *             The hcall_smccc10_* calls and the discovery helpers
 *             (hcall_smccc_discover) declare x4..x17 changed and are safe
 *             on such firmware. Every other wrapper assumes SMCCC >= 1.1,
 *             unless HCALL_SMCCC_1_0 is defined before the first include:
 *             then every wrapper of this translation unit goes through
 *             the 1.0-safe call.
 * SMCCC 1.2:  x0..x17 in, x0..x17 out (struct hcall_smccc12_regs).
 *
 * Conduit. Every call goes through HVC unless
 *   - HCALL_SMCCC_CONDUIT_SMC is defined before the first include: the
 *     default conduit of this translation unit becomes SMC (firmware
 *     running at EL1 without a hypervisor, or a hypervisor trapping SMC);
 *   - or the caller names it: hcall_smccc_conduit_call<N>(HCALL_SMCCC_SMC,
 *     ...) and hcall_smccc12_conduit_call(HCALL_SMCCC_SMC, ...). A
 *     conduit known only at run time (a kernel's own, say) works too;
 *     HCALL_SMCCC_NONE traps nothing and answers NOT_SUPPORTED, as
 *     Linux's arm_smccc_1_1_invoke() does.
 * There is no global conduit variable: with a constant conduit the unused
 * instructions are folded away.
 *
 * Results. An SMC32/HVC32 call returns a 32-bit value in w0: the typed
 * calls sign-extend it, whatever the upper half of x0 holds.
 *
 * A constant non-zero value in an argument the SMCCC-family tables mark
 * reserved-must-be-zero (abi/smccc_reserved.h) fails to compile at -O1
 * and above.
 *
 * Numbers, tables, register roles and errors: <hcall/abi/smccc.h>.
 */
#ifndef HCALL_SMCCC_H
#define HCALL_SMCCC_H

#include <hcall/abi/smccc_reserved.h>
#include <hcall/transport.h>

#if !HCALL_TARGET_ARM64
#error "hcall/smccc.h: SMCCC calls exist only on arm64 (hvc #0 / smc #0); use HCALL_TRANSPORT_SIM with HCALL_SIM_ARCH=2 to test them elsewhere"
#endif

HCALL_BEGIN_DECLS

/* The trap instruction of an SMCCC call; values equal enum hcall_trap. */
enum hcall_smccc_conduit {
	HCALL_SMCCC_NONE = HCALL_TRAP_NONE, /* no conduit: nothing answers */
	HCALL_SMCCC_HVC = HCALL_TRAP_HVC,
	HCALL_SMCCC_SMC = HCALL_TRAP_SMC,
};

#if defined(HCALL_SMCCC_CONDUIT_SMC)
#define HCALL_SMCCC_DEFAULT_CONDUIT HCALL_SMCCC_SMC
#else
#define HCALL_SMCCC_DEFAULT_CONDUIT HCALL_SMCCC_HVC
#endif

/* The result registers of an SMCCC 1.1 call, as they came back. */
struct hcall_smccc_ret {
	uint64_t x0, x1, x2, x3;
};

/* The register file of an SMCCC 1.2 call: x[0] = function ID. */
struct hcall_smccc12_regs {
	uint64_t x[HCALL_SMCCC12_ARM64_NREGS];
};

/* ---- raw layer ---------------------------------------------------------- */

HCALL_INLINE struct hcall_smccc_ret hcall__smccc_ret(uint64_t x0, uint64_t x1,
						     uint64_t x2, uint64_t x3)
{
	struct hcall_smccc_ret r;

	r.x0 = x0;
	r.x1 = x1;
	r.x2 = x2;
	r.x3 = x3;
	return r;
}

/*
 * Reject a constant non-zero reserved argument of a known function ID.
 * The mask is computed into a local first: __builtin_constant_p gives up
 * on an expression that contains a call.
 */
HCALL_INLINE void hcall__smccc_check(uint32_t fid, uint64_t a1, uint64_t a2,
				     uint64_t a3, uint64_t a4, uint64_t a5,
				     uint64_t a6, uint64_t a7)
{
	const uint32_t mask = hcall_smccc_reserved_mask(fid);

	HCALL_CHECK_RESERVED(mask, 1, a1);
	HCALL_CHECK_RESERVED(mask, 2, a2);
	HCALL_CHECK_RESERVED(mask, 3, a3);
	HCALL_CHECK_RESERVED(mask, 4, a4);
	HCALL_CHECK_RESERVED(mask, 5, a5);
	HCALL_CHECK_RESERVED(mask, 6, a6);
	HCALL_CHECK_RESERVED(mask, 7, a7);
}

#if HCALL_SIM
/* Simulated transport: the frame holds the function ID and the n
 * arguments the call binds; x0..x3 are read back. */
HCALL_INLINE struct hcall_smccc_ret
hcall__smccc_sim(enum hcall_smccc_conduit conduit, uint32_t fid, unsigned n,
		 uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
		 uint64_t a5, uint64_t a6, uint64_t a7)
{
	struct hcall_regs f = { { 0 } };
	const uint64_t a[7] = { a1, a2, a3, a4, a5, a6, a7 };

	if (conduit != HCALL_SMCCC_HVC && conduit != HCALL_SMCCC_SMC)
		return hcall__smccc_ret(~0ull, 0, 0, 0);
	f.r[HCALL_REG_IDX(HCALL_SMCCC_ARM64_REG_FID)] = fid;
	/* Argument i (1-based) lives in xi. */
	for (unsigned i = 0; i < n; i++)
		f.r[HCALL_REG_IDX(HCALL_SMCCC_ARM64_REG_ARG1) + i] = a[i];
	hcall_sim_trap((enum hcall_trap)conduit, HCALL_SMCCC_ARM64_IMM, &f);
	return hcall__smccc_ret(f.r[HCALL_REG_IDX(HCALL_SMCCC_ARM64_REG_RES0)],
				f.r[HCALL_REG_IDX(HCALL_SMCCC_ARM64_REG_RES1)],
				f.r[HCALL_REG_IDX(HCALL_SMCCC_ARM64_REG_RES2)],
				f.r[HCALL_REG_IDX(HCALL_SMCCC_ARM64_REG_RES3)]);
}
#define HCALL__SMCCC_SIM(n, a1, a2, a3, a4, a5, a6, a7) \
	return hcall__smccc_sim(conduit, fid, n, a1, a2, a3, a4, a5, a6, a7)
#else
#define HCALL__SMCCC_UNPAREN(...) __VA_ARGS__
/*
 * One asm statement per conduit; a constant conduit keeps exactly one.
 * Without a conduit nothing traps and x0 reads NOT_SUPPORTED (-1).
 */
#define HCALL__SMCCC_TRAPC(outs, ins, clobbers, none)                        \
	do {                                                                 \
		if (conduit == HCALL_SMCCC_SMC)                              \
			__asm__ __volatile__(                                \
				"smc #" HCALL_STR(HCALL_SMCCC_ARM64_IMM)     \
				: HCALL__SMCCC_UNPAREN outs                  \
				: HCALL__SMCCC_UNPAREN ins                   \
				: HCALL__SMCCC_UNPAREN clobbers);            \
		else if (conduit == HCALL_SMCCC_HVC)                         \
			__asm__ __volatile__(                                \
				"hvc #" HCALL_STR(HCALL_SMCCC_ARM64_IMM)     \
				: HCALL__SMCCC_UNPAREN outs                  \
				: HCALL__SMCCC_UNPAREN ins                   \
				: HCALL__SMCCC_UNPAREN clobbers);            \
		else {                                               \
			x0 = ~0ull;                                          \
			HCALL__SMCCC_UNPAREN none;                           \
		}                                                            \
	} while (0)
#define HCALL__SMCCC_TRAP(outs, ins) \
	HCALL__SMCCC_TRAPC(outs, ins, ("memory"), (x1 = x2 = x3 = 0))
/* SMCCC argument n and result n both live in xn. */
#define HCALL__SMCCC_REG(n) HCALL_REG_NAME(HCALL_ARM64_X##n)
#define HCALL__SMCCC_X0_X3                                                  \
	register uint64_t x0 __asm__(HCALL_REG_NAME(HCALL_SMCCC_ARM64_REG_FID)) = fid
#endif

#if defined(HCALL_SMCCC_1_0)
#define HCALL__SMCCC_V10 1
#else
#define HCALL__SMCCC_V10 0
#endif

/*
 * hcall_smccc10_conduit_call7 - raw call that is safe on SMCCC 1.0
 * firmware: x0..x7 are bound (unused arguments pass 0) and x4..x17 are
 * declared changed, since a 1.0 callee need not preserve them. x0..x3
 * come back in struct hcall_smccc_ret, unmapped. Costs a few register
 * moves more than the 1.1 calls; use it (or HCALL_SMCCC_1_0) until
 * SMCCC_VERSION has said 1.1 or later.
 */
HCALL_INLINE struct hcall_smccc_ret
hcall__smccc10_trap7(enum hcall_smccc_conduit conduit, uint32_t fid,
		     uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
		     uint64_t a5, uint64_t a6, uint64_t a7)
{
#if HCALL_SIM
	HCALL__SMCCC_SIM(7, a1, a2, a3, a4, a5, a6, a7);
#else
	HCALL__SMCCC_X0_X3;
	register uint64_t x1 __asm__(HCALL__SMCCC_REG(1)) = a1;
	register uint64_t x2 __asm__(HCALL__SMCCC_REG(2)) = a2;
	register uint64_t x3 __asm__(HCALL__SMCCC_REG(3)) = a3;
	register uint64_t x4 __asm__(HCALL__SMCCC_REG(4)) = a4;
	register uint64_t x5 __asm__(HCALL__SMCCC_REG(5)) = a5;
	register uint64_t x6 __asm__(HCALL__SMCCC_REG(6)) = a6;
	register uint64_t x7 __asm__(HCALL__SMCCC_REG(7)) = a7;
	HCALL__SMCCC_TRAPC(("+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
			    "+r"(x5), "+r"(x6), "+r"(x7)),
			   (),
			   ("x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
			    "x16", "x17", "memory"),
			   (x1 = x2 = x3 = x4 = x5 = x6 = x7 = 0));
	(void)x4;
	(void)x5;
	(void)x6;
	(void)x7;
	return hcall__smccc_ret(x0, x1, x2, x3);
#endif
}

HCALL_INLINE struct hcall_smccc_ret
hcall_smccc10_conduit_call7(enum hcall_smccc_conduit conduit, uint32_t fid,
			    uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
			    uint64_t a5, uint64_t a6, uint64_t a7)
{
	hcall__smccc_check(fid, a1, a2, a3, a4, a5, a6, a7);
	return hcall__smccc10_trap7(conduit, fid, a1, a2, a3, a4, a5, a6, a7);
}

/* hcall_smccc10_call7 - the same through the default conduit. */
HCALL_INLINE struct hcall_smccc_ret
hcall_smccc10_call7(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		    uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7)
{
	return hcall_smccc10_conduit_call7(HCALL_SMCCC_DEFAULT_CONDUIT, fid, a1,
					   a2, a3, a4, a5, a6, a7);
}

/*
 * hcall_smccc_conduit_call0..7 - raw SMCCC 1.1 call of function fid with
 * 0..7 arguments in x1..x7 through the given conduit. Binds exactly x0 and
 * the argument registers; x0..x3 come back in struct hcall_smccc_ret,
 * unmapped. Registers x4..x17 are preserved by the callee (SMCCC >= 1.1;
 * with HCALL_SMCCC_1_0 these calls go through hcall_smccc10_conduit_call7).
 */
HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_conduit_call0(enum hcall_smccc_conduit conduit, uint32_t fid)
{
#if HCALL_SIM
	HCALL__SMCCC_SIM(0, 0, 0, 0, 0, 0, 0, 0);
#elif HCALL__SMCCC_V10
	return hcall__smccc10_trap7(conduit, fid, 0, 0, 0, 0, 0, 0, 0);
#else
	HCALL__SMCCC_X0_X3;
	register uint64_t x1 __asm__(HCALL__SMCCC_REG(1));
	register uint64_t x2 __asm__(HCALL__SMCCC_REG(2));
	register uint64_t x3 __asm__(HCALL__SMCCC_REG(3));
	HCALL__SMCCC_TRAP(("+r"(x0), "=r"(x1), "=r"(x2), "=r"(x3)), ());
	return hcall__smccc_ret(x0, x1, x2, x3);
#endif
}

HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_conduit_call1(enum hcall_smccc_conduit conduit, uint32_t fid,
			  uint64_t a1)
{
	hcall__smccc_check(fid, a1, 0, 0, 0, 0, 0, 0);
#if HCALL_SIM
	HCALL__SMCCC_SIM(1, a1, 0, 0, 0, 0, 0, 0);
#elif HCALL__SMCCC_V10
	return hcall__smccc10_trap7(conduit, fid, a1, 0, 0, 0, 0, 0, 0);
#else
	HCALL__SMCCC_X0_X3;
	register uint64_t x1 __asm__(HCALL__SMCCC_REG(1)) = a1;
	register uint64_t x2 __asm__(HCALL__SMCCC_REG(2));
	register uint64_t x3 __asm__(HCALL__SMCCC_REG(3));
	HCALL__SMCCC_TRAP(("+r"(x0), "+r"(x1), "=r"(x2), "=r"(x3)), ());
	return hcall__smccc_ret(x0, x1, x2, x3);
#endif
}

HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_conduit_call2(enum hcall_smccc_conduit conduit, uint32_t fid,
			  uint64_t a1, uint64_t a2)
{
	hcall__smccc_check(fid, a1, a2, 0, 0, 0, 0, 0);
#if HCALL_SIM
	HCALL__SMCCC_SIM(2, a1, a2, 0, 0, 0, 0, 0);
#elif HCALL__SMCCC_V10
	return hcall__smccc10_trap7(conduit, fid, a1, a2, 0, 0, 0, 0, 0);
#else
	HCALL__SMCCC_X0_X3;
	register uint64_t x1 __asm__(HCALL__SMCCC_REG(1)) = a1;
	register uint64_t x2 __asm__(HCALL__SMCCC_REG(2)) = a2;
	register uint64_t x3 __asm__(HCALL__SMCCC_REG(3));
	HCALL__SMCCC_TRAP(("+r"(x0), "+r"(x1), "+r"(x2), "=r"(x3)), ());
	return hcall__smccc_ret(x0, x1, x2, x3);
#endif
}

/* The call without the reserved-argument check, for the tables that
 * hcall_smccc_reserved_mask() does not cover (Android's KVM set). */
HCALL_INLINE struct hcall_smccc_ret
hcall__smccc_trap3(enum hcall_smccc_conduit conduit, uint32_t fid,
		   uint64_t a1, uint64_t a2, uint64_t a3)
{
#if HCALL_SIM
	HCALL__SMCCC_SIM(3, a1, a2, a3, 0, 0, 0, 0);
#elif HCALL__SMCCC_V10
	return hcall__smccc10_trap7(conduit, fid, a1, a2, a3, 0, 0, 0, 0);
#else
	HCALL__SMCCC_X0_X3;
	register uint64_t x1 __asm__(HCALL__SMCCC_REG(1)) = a1;
	register uint64_t x2 __asm__(HCALL__SMCCC_REG(2)) = a2;
	register uint64_t x3 __asm__(HCALL__SMCCC_REG(3)) = a3;
	HCALL__SMCCC_TRAP(("+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)), ());
	return hcall__smccc_ret(x0, x1, x2, x3);
#endif
}

HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_conduit_call3(enum hcall_smccc_conduit conduit, uint32_t fid,
			  uint64_t a1, uint64_t a2, uint64_t a3)
{
	hcall__smccc_check(fid, a1, a2, a3, 0, 0, 0, 0);
	return hcall__smccc_trap3(conduit, fid, a1, a2, a3);
}

HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_conduit_call4(enum hcall_smccc_conduit conduit, uint32_t fid,
			  uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4)
{
	hcall__smccc_check(fid, a1, a2, a3, a4, 0, 0, 0);
#if HCALL_SIM
	HCALL__SMCCC_SIM(4, a1, a2, a3, a4, 0, 0, 0);
#elif HCALL__SMCCC_V10
	return hcall__smccc10_trap7(conduit, fid, a1, a2, a3, a4, 0, 0, 0);
#else
	HCALL__SMCCC_X0_X3;
	register uint64_t x1 __asm__(HCALL__SMCCC_REG(1)) = a1;
	register uint64_t x2 __asm__(HCALL__SMCCC_REG(2)) = a2;
	register uint64_t x3 __asm__(HCALL__SMCCC_REG(3)) = a3;
	register uint64_t x4 __asm__(HCALL__SMCCC_REG(4)) = a4;
	HCALL__SMCCC_TRAP(("+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)), ("r"(x4)));
	return hcall__smccc_ret(x0, x1, x2, x3);
#endif
}

HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_conduit_call5(enum hcall_smccc_conduit conduit, uint32_t fid,
			  uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
			  uint64_t a5)
{
	hcall__smccc_check(fid, a1, a2, a3, a4, a5, 0, 0);
#if HCALL_SIM
	HCALL__SMCCC_SIM(5, a1, a2, a3, a4, a5, 0, 0);
#elif HCALL__SMCCC_V10
	return hcall__smccc10_trap7(conduit, fid, a1, a2, a3, a4, a5, 0, 0);
#else
	HCALL__SMCCC_X0_X3;
	register uint64_t x1 __asm__(HCALL__SMCCC_REG(1)) = a1;
	register uint64_t x2 __asm__(HCALL__SMCCC_REG(2)) = a2;
	register uint64_t x3 __asm__(HCALL__SMCCC_REG(3)) = a3;
	register uint64_t x4 __asm__(HCALL__SMCCC_REG(4)) = a4;
	register uint64_t x5 __asm__(HCALL__SMCCC_REG(5)) = a5;
	HCALL__SMCCC_TRAP(("+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)),
			  ("r"(x4), "r"(x5)));
	return hcall__smccc_ret(x0, x1, x2, x3);
#endif
}

HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_conduit_call6(enum hcall_smccc_conduit conduit, uint32_t fid,
			  uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
			  uint64_t a5, uint64_t a6)
{
	hcall__smccc_check(fid, a1, a2, a3, a4, a5, a6, 0);
#if HCALL_SIM
	HCALL__SMCCC_SIM(6, a1, a2, a3, a4, a5, a6, 0);
#elif HCALL__SMCCC_V10
	return hcall__smccc10_trap7(conduit, fid, a1, a2, a3, a4, a5, a6, 0);
#else
	HCALL__SMCCC_X0_X3;
	register uint64_t x1 __asm__(HCALL__SMCCC_REG(1)) = a1;
	register uint64_t x2 __asm__(HCALL__SMCCC_REG(2)) = a2;
	register uint64_t x3 __asm__(HCALL__SMCCC_REG(3)) = a3;
	register uint64_t x4 __asm__(HCALL__SMCCC_REG(4)) = a4;
	register uint64_t x5 __asm__(HCALL__SMCCC_REG(5)) = a5;
	register uint64_t x6 __asm__(HCALL__SMCCC_REG(6)) = a6;
	HCALL__SMCCC_TRAP(("+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)),
			  ("r"(x4), "r"(x5), "r"(x6)));
	return hcall__smccc_ret(x0, x1, x2, x3);
#endif
}

HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_conduit_call7(enum hcall_smccc_conduit conduit, uint32_t fid,
			  uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
			  uint64_t a5, uint64_t a6, uint64_t a7)
{
	hcall__smccc_check(fid, a1, a2, a3, a4, a5, a6, a7);
#if HCALL_SIM
	HCALL__SMCCC_SIM(7, a1, a2, a3, a4, a5, a6, a7);
#elif HCALL__SMCCC_V10
	return hcall__smccc10_trap7(conduit, fid, a1, a2, a3, a4, a5, a6, a7);
#else
	HCALL__SMCCC_X0_X3;
	register uint64_t x1 __asm__(HCALL__SMCCC_REG(1)) = a1;
	register uint64_t x2 __asm__(HCALL__SMCCC_REG(2)) = a2;
	register uint64_t x3 __asm__(HCALL__SMCCC_REG(3)) = a3;
	register uint64_t x4 __asm__(HCALL__SMCCC_REG(4)) = a4;
	register uint64_t x5 __asm__(HCALL__SMCCC_REG(5)) = a5;
	register uint64_t x6 __asm__(HCALL__SMCCC_REG(6)) = a6;
	register uint64_t x7 __asm__(HCALL__SMCCC_REG(7)) = a7;
	HCALL__SMCCC_TRAP(("+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)),
			  ("r"(x4), "r"(x5), "r"(x6), "r"(x7)));
	return hcall__smccc_ret(x0, x1, x2, x3);
#endif
}

/* hcall_smccc_call0..7 - the same through the default conduit. */
HCALL_INLINE struct hcall_smccc_ret hcall_smccc_call0(uint32_t fid)
{
	return hcall_smccc_conduit_call0(HCALL_SMCCC_DEFAULT_CONDUIT, fid);
}
HCALL_INLINE struct hcall_smccc_ret hcall_smccc_call1(uint32_t fid, uint64_t a1)
{
	return hcall_smccc_conduit_call1(HCALL_SMCCC_DEFAULT_CONDUIT, fid, a1);
}
HCALL_INLINE struct hcall_smccc_ret hcall_smccc_call2(uint32_t fid, uint64_t a1,
						      uint64_t a2)
{
	return hcall_smccc_conduit_call2(HCALL_SMCCC_DEFAULT_CONDUIT, fid, a1,
					 a2);
}
HCALL_INLINE struct hcall_smccc_ret hcall_smccc_call3(uint32_t fid, uint64_t a1,
						      uint64_t a2, uint64_t a3)
{
	return hcall_smccc_conduit_call3(HCALL_SMCCC_DEFAULT_CONDUIT, fid, a1,
					 a2, a3);
}
HCALL_INLINE struct hcall_smccc_ret hcall_smccc_call4(uint32_t fid, uint64_t a1,
						      uint64_t a2, uint64_t a3,
						      uint64_t a4)
{
	return hcall_smccc_conduit_call4(HCALL_SMCCC_DEFAULT_CONDUIT, fid, a1,
					 a2, a3, a4);
}
HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_call5(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		  uint64_t a4, uint64_t a5)
{
	return hcall_smccc_conduit_call5(HCALL_SMCCC_DEFAULT_CONDUIT, fid, a1,
					 a2, a3, a4, a5);
}
HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_call6(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		  uint64_t a4, uint64_t a5, uint64_t a6)
{
	return hcall_smccc_conduit_call6(HCALL_SMCCC_DEFAULT_CONDUIT, fid, a1,
					 a2, a3, a4, a5, a6);
}
HCALL_INLINE struct hcall_smccc_ret
hcall_smccc_call7(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3,
		  uint64_t a4, uint64_t a5, uint64_t a6, uint64_t a7)
{
	return hcall_smccc_conduit_call7(HCALL_SMCCC_DEFAULT_CONDUIT, fid, a1,
					 a2, a3, a4, a5, a6, a7);
}

/*
 * hcall_smccc12_conduit_call - raw SMCCC 1.2 call: x0..x17 loaded from
 * *in (x[0] = function ID), x0..x17 stored to *out afterwards (in and out
 * may be the same). Needs SMCCC_VERSION >= 1.2.
 *
 * Eighteen in/out register variables would be 36 asm operands, above
 * GCC's limit of 30, so this one call loads and stores the registers
 * inside the asm (as Linux's arm_smccc_1_2_hvc does in assembly) and
 * declares x0..x17 clobbered. The pointers stay in registers the callee
 * preserves (x18 and up).
 */
HCALL_INLINE void hcall_smccc12_conduit_call(enum hcall_smccc_conduit conduit,
					     const struct hcall_smccc12_regs *in,
					     struct hcall_smccc12_regs *out)
{
#if HCALL_SIM
	struct hcall_regs f = { { 0 } };

	if (conduit != HCALL_SMCCC_HVC && conduit != HCALL_SMCCC_SMC) {
		for (unsigned i = 0; i < HCALL_SMCCC12_ARM64_NREGS; i++)
			out->x[i] = 0;
		out->x[0] = ~0ull;
		return;
	}
	for (unsigned i = 0; i < HCALL_SMCCC12_ARM64_NREGS; i++)
		f.r[i] = in->x[i];
	hcall_sim_trap((enum hcall_trap)conduit, HCALL_SMCCC_ARM64_IMM, &f);
	for (unsigned i = 0; i < HCALL_SMCCC12_ARM64_NREGS; i++)
		out->x[i] = f.r[i];
#else
#define HCALL__SMCCC12_ASM(insn)                                              \
	__asm__ __volatile__(                                                 \
		"ldp x0, x1, [%[in], #0]\n\t"                                 \
		"ldp x2, x3, [%[in], #16]\n\t"                                \
		"ldp x4, x5, [%[in], #32]\n\t"                                \
		"ldp x6, x7, [%[in], #48]\n\t"                                \
		"ldp x8, x9, [%[in], #64]\n\t"                                \
		"ldp x10, x11, [%[in], #80]\n\t"                              \
		"ldp x12, x13, [%[in], #96]\n\t"                              \
		"ldp x14, x15, [%[in], #112]\n\t"                             \
		"ldp x16, x17, [%[in], #128]\n\t" insn                        \
		" #" HCALL_STR(HCALL_SMCCC_ARM64_IMM) "\n\t"                  \
		"stp x0, x1, [%[out], #0]\n\t"                                \
		"stp x2, x3, [%[out], #16]\n\t"                               \
		"stp x4, x5, [%[out], #32]\n\t"                               \
		"stp x6, x7, [%[out], #48]\n\t"                               \
		"stp x8, x9, [%[out], #64]\n\t"                               \
		"stp x10, x11, [%[out], #80]\n\t"                             \
		"stp x12, x13, [%[out], #96]\n\t"                             \
		"stp x14, x15, [%[out], #112]\n\t"                            \
		"stp x16, x17, [%[out], #128]"                                \
		:                                                             \
		: [in] "r"(in), [out] "r"(out)                                \
		: "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", \
		  "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",     \
		  "memory")
	if (conduit == HCALL_SMCCC_SMC) {
		HCALL__SMCCC12_ASM("smc");
	} else if (conduit == HCALL_SMCCC_HVC) {
		HCALL__SMCCC12_ASM("hvc");
	} else {
		for (unsigned i = 0; i < HCALL_SMCCC12_ARM64_NREGS; i++)
			out->x[i] = 0;
		out->x[0] = ~0ull;
	}
#undef HCALL__SMCCC12_ASM
#endif
}

/* hcall_smccc12_call - the same through the default conduit. */
HCALL_INLINE void hcall_smccc12_call(const struct hcall_smccc12_regs *in,
				     struct hcall_smccc12_regs *out)
{
	hcall_smccc12_conduit_call(HCALL_SMCCC_DEFAULT_CONDUIT, in, out);
}

/* ---- typed layer ---------------------------------------------------------- */

/*
 * The status of a failed call. No error table maps a non-zero code to
 * OK; saying so here lets the compiler fold hcall_ok() of a result to a
 * compare of w0 instead of a look-up in the error table.
 */
HCALL_INLINE enum hcall_status hcall__smccc_fail(enum hcall_status st)
{
	return st != HCALL_OK ? st : HCALL_E_UNKNOWN;
}

/*
 * hcall_smccc_result32 - map a 32-bit result: w0 sign-extended, whatever
 * the upper half of x0 holds (the firmware may write w0 only). Success
 * (0, or >= 0 for a VALUE) is tested first, so a caller that only asks
 * hcall_ok() pays a compare, not the error mapping.
 */
HCALL_INLINE struct hcall_result
hcall__smccc_from(int kind, int64_t v, enum hcall_status (*map)(int64_t))
{
	struct hcall_result r;

	if (kind == HCALL_RK_VALUE ? v >= 0 : v == 0) {
		r.status = HCALL_OK;
		r.code = 0;
		r.value = (uint64_t)v;
	} else {
		r.status = hcall__smccc_fail(map(v));
		r.code = v;
		r.value = 0;
	}
	return r;
}

HCALL_INLINE struct hcall_result
hcall_smccc_result32(int kind, uint64_t x0, enum hcall_status (*map)(int64_t))
{
	return hcall__smccc_from(kind, (int64_t)(int32_t)(uint32_t)x0, map);
}

/*
 * hcall_smccc_result - map x0 of call fid to a typed result: a 32-bit
 * w0 for an SMC32/HVC32 function ID, the full x0 for SMC64/HVC64.
 */
HCALL_INLINE struct hcall_result
hcall_smccc_result(uint32_t fid, int kind, uint64_t x0,
		   enum hcall_status (*map)(int64_t))
{
	if (!hcall_smccc_fid_is_smc64(fid))
		return hcall_smccc_result32(kind, x0, map);
	return hcall__smccc_from(kind, (int64_t)x0, map);
}

/* A result that is not one the ABI defines (a misbehaving or foreign
 * callee): E_UNKNOWN with the raw value as the code. */
HCALL_INLINE struct hcall_result hcall_smccc_unexpected(int64_t raw)
{
	struct hcall_result r;

	r.status = HCALL_E_UNKNOWN;
	r.code = raw;
	r.value = 0;
	return r;
}

/* Entry points of the generated wrappers (default conduit, SMCCC errors). */
HCALL_INLINE struct hcall_result hcall_smccc_invoke0(uint32_t fid, int kind)
{
	return hcall_smccc_result(fid, kind, hcall_smccc_call0(fid).x0,
				  hcall_map_smccc_error);
}
HCALL_INLINE struct hcall_result hcall_smccc_invoke1(uint32_t fid, int kind,
						     uint64_t a1)
{
	return hcall_smccc_result(fid, kind, hcall_smccc_call1(fid, a1).x0,
				  hcall_map_smccc_error);
}
/* The three-argument arch call (CLEAN_INV_MEMREGION) is SMC64 but, as
 * every arch call, answers a 32-bit status in w0. */
HCALL_INLINE struct hcall_result hcall_smccc_invoke3(uint32_t fid, int kind,
						     uint64_t a1, uint64_t a2,
						     uint64_t a3)
{
	return hcall_smccc_result32(kind, hcall_smccc_call3(fid, a1, a2, a3).x0,
				    hcall_map_smccc_error);
}

/*
 * The architecture calls (w0 = ID, x1.. = arguments, result w0; errors
 * NOT_SUPPORTED -1, NOT_REQUIRED -2, INVALID_PARAMETER -3, and for the
 * cache call RATE_LIMITED -4 and BUSY -5, both E_BUSY: call again later):
 *   hcall_smccc_arch_features(fid)       value >= 0: fid is implemented
 *   hcall_smccc_arch_soc_id(type)        value = SoC version / revision
 *   hcall_smccc_arch_clean_inv_memregion(base, size, flags)
 */
HCALL_SMCCC_CALLS(HCALL_WRAPPER)

/*
 * hcall_smccc_version_result - read an SMCCC_VERSION answer: a negative
 * w0 is an error (NOT_SUPPORTED: SMCCC 1.0), a major other than 1 is a
 * version no SMCCC release has (E_UNKNOWN, raw answer in code).
 */
HCALL_INLINE struct hcall_result hcall_smccc_version_result(uint64_t x0)
{
	struct hcall_result r = hcall_smccc_result32(HCALL_RK_VALUE, x0,
						     hcall_map_smccc_error);

	if (hcall_ok(r) && hcall_smccc_version_major((uint32_t)r.value) != 1u)
		return hcall_smccc_unexpected((int64_t)r.value);
	return r;
}

/*
 * hcall_smccc_version - SMCCC_VERSION (0x80000000): value = major << 16 |
 * minor. Only SMCCC >= 1.1 implements it; call it after
 * PSCI_FEATURES(SMCCC_VERSION) said so, or use hcall_smccc_discover().
 */
HCALL_INLINE struct hcall_result hcall_smccc_version(void)
{
	return hcall_smccc_version_result(hcall_smccc_call0(HCALL_SMCCC_VERSION).x0);
}

/*
 * hcall_smccc_arch_soc_id_name - ARCH_SOC_ID in its SMC64 form with type
 * 2 (SMCCC >= 1.4): the SoC name, a NUL-terminated string of at most 136
 * bytes returned in x1..x17, eight bytes per register, first byte least
 * significant. name[] is written on every path (empty on error); the
 * last byte is always NUL.
 */
HCALL_INLINE struct hcall_result
hcall_smccc_arch_soc_id_name(char name[HCALL_SMCCC_SOC_NAME_LEN])
{
	struct hcall_smccc12_regs io;
	struct hcall_result r;
	unsigned i;

	for (i = 0; i < HCALL_SMCCC12_ARM64_NREGS; i++)
		io.x[i] = 0;
	io.x[0] = HCALL_SMCCC_ARCH_SOC_ID_64;
	io.x[1] = HCALL_SMCCC_SOC_ID_NAME;
	hcall_smccc12_call(&io, &io);
	r = hcall_smccc_result32(HCALL_RK_STATUS, io.x[0], hcall_map_smccc_error);
	for (i = 0; i < HCALL_SMCCC_SOC_NAME_LEN; i++)
		name[i] = hcall_ok(r) ? (char)(io.x[1 + i / 8] >> (8 * (i % 8))) : 0;
	name[HCALL_SMCCC_SOC_NAME_LEN - 1] = 0;
	return r;
}

/* Kept for the table's row; the name needs the buffer form above. */
HCALL_INLINE struct hcall_result hcall_smccc_arch_soc_id_64(uint32_t soc_id_type)
{
	return hcall_smccc_result32(
		HCALL_RK_VALUE,
		hcall_smccc_call1(HCALL_SMCCC_ARCH_SOC_ID_64, soc_id_type).x0,
		hcall_map_smccc_error);
}

/*
 * hcall_smccc_arch_feature_availability - ARCH_FEATURE_AVAILABILITY
 * (0xC0000003, SMCCC >= 1.5): x1 = an EL3 control register
 * (HCALL_SMCCC_FEAT_AVAIL_*); on success value = the bitmap (x1) of the
 * features firmware enabled in it.
 */
HCALL_INLINE struct hcall_result hcall_smccc_arch_feature_availability(uint64_t reg)
{
	struct hcall_smccc_ret x = hcall_smccc_call1(
		HCALL_SMCCC_ARCH_FEATURE_AVAILABILITY, reg);
	struct hcall_result r = hcall_smccc_result32(HCALL_RK_STATUS, x.x0,
						     hcall_map_smccc_error);

	if (hcall_ok(r))
		r.value = x.x1;
	return r;
}

/*
 * hcall_smccc_arch_workaround_1/2/3/4 - the firmware mitigations. They
 * have no result (x0..x3 are UNKNOWN afterwards); check ARCH_FEATURES
 * first. workaround_2 takes enable (1) / disable (0) in w1.
 */
HCALL_INLINE void hcall_smccc_arch_workaround_1(void)
{
	(void)hcall_smccc_call0(HCALL_SMCCC_ARCH_WORKAROUND_1);
}
HCALL_INLINE void hcall_smccc_arch_workaround_2(uint32_t enable)
{
	(void)hcall_smccc_call1(HCALL_SMCCC_ARCH_WORKAROUND_2, enable);
}
HCALL_INLINE void hcall_smccc_arch_workaround_3(void)
{
	(void)hcall_smccc_call0(HCALL_SMCCC_ARCH_WORKAROUND_3);
}
HCALL_INLINE void hcall_smccc_arch_workaround_4(void)
{
	(void)hcall_smccc_call0(HCALL_SMCCC_ARCH_WORKAROUND_4);
}

/* CLEAN_INV_MEMREGION's attributes, the result registers as returned. */
struct hcall_smccc_memregion_attrs {
	uint64_t x1;
	uint64_t latency_us; /* x2: worst-case latency of one call */
	uint64_t rate_limit; /* x3: calls per second, 0 = none */
};

/*
 * hcall_smccc_arch_clean_inv_memregion_attributes - SMCCC 1.7
 * (0xC0000006, no arguments): x0 = status, x1..x3 the attributes. *a is
 * written on every path (zero on error).
 */
HCALL_INLINE struct hcall_result
hcall_smccc_arch_clean_inv_memregion_attributes(struct hcall_smccc_memregion_attrs *a)
{
	struct hcall_smccc_ret x =
		hcall_smccc_call0(HCALL_SMCCC_ARCH_CLEAN_INV_MEMREGION_ATTRIBUTES);
	struct hcall_result r = hcall_smccc_result32(HCALL_RK_STATUS, x.x0,
						     hcall_map_smccc_error);

	a->x1 = hcall_ok(r) ? x.x1 : 0;
	a->latency_us = hcall_ok(r) ? x.x2 : 0;
	a->rate_limit = hcall_ok(r) ? x.x3 : 0;
	return r;
}

/* ---- discovery ---------------------------------------------------------- */

/* A service UID as returned in w0..w3 by a Call UID function. */
struct hcall_smccc_uid {
	uint32_t w[4];
};

/*
 * hcall_smccc_conduit_call_uid - call the Call UID function fid (function number
 * 0xFF01 of an owner, e.g. 0x8600FF01) and return w0..w3. A service
 * without a UID answers w0 = 0xFFFFFFFF (NOT_SUPPORTED).
 */
HCALL_INLINE struct hcall_smccc_uid
hcall_smccc_conduit_call_uid(enum hcall_smccc_conduit conduit, uint32_t fid)
{
	struct hcall_smccc_ret r = hcall_smccc_conduit_call0(conduit, fid);
	struct hcall_smccc_uid u;

	u.w[0] = (uint32_t)r.x0;
	u.w[1] = (uint32_t)r.x1;
	u.w[2] = (uint32_t)r.x2;
	u.w[3] = (uint32_t)r.x3;
	return u;
}

/* hcall_smccc_call_uid - the same through the default conduit. */
HCALL_INLINE struct hcall_smccc_uid hcall_smccc_call_uid(uint32_t fid)
{
	return hcall_smccc_conduit_call_uid(HCALL_SMCCC_DEFAULT_CONDUIT, fid);
}

/* True when two UIDs are equal. */
HCALL_INLINE int hcall_smccc_uid_equal(struct hcall_smccc_uid a,
				       struct hcall_smccc_uid b)
{
	return a.w[0] == b.w[0] && a.w[1] == b.w[1] && a.w[2] == b.w[2] &&
	       a.w[3] == b.w[3];
}

/* What hcall_smccc_discover() found. */
struct hcall_smccc_discovery {
	/* The conduit that answered sanely, or HCALL_SMCCC_NONE. */
	enum hcall_smccc_conduit conduit;
	/* PSCI_VERSION (0 when PSCI did not answer with a known version). */
	uint32_t psci_version;
	/* SMCCC version: HCALL_SMCCC_VERSION_1_0 when firmware does not
	 * implement SMCCC_VERSION; 0 when no conduit answered. */
	uint32_t smccc_version;
};

/*
 * hcall_smccc_discover - the SMCCC version behind a conduit, the way
 * DEN0028 describes it, through calls that are safe on SMCCC 1.0:
 *   1. PSCI_VERSION. A negative answer, or a version no PSCI release has
 *      (KVM's hyp stub answers an HVC it does not own with 0x0BADCA11),
 *      means no SMCCC firmware behind this conduit: E_NOT_SUPPORTED or
 *      E_UNKNOWN, conduit NONE.
 *   2. PSCI 1.0 or later: PSCI_FEATURES(SMCCC_VERSION). NOT_SUPPORTED (or
 *      PSCI 0.2) means SMCCC 1.0.
 *   3. SMCCC_VERSION. NOT_SUPPORTED means 1.0; a major other than 1 is
 *      E_UNKNOWN (the version stays 1.0, the conduit is kept).
 * ARCH_FEATURES (hcall_smccc_discovered_has) is only meaningful from 1.1.
 * The conduit is the one the platform names (device tree psci "method",
 * ACPI FADT): this never tries the other, since an HVC or SMC that
 * nothing handles is UNDEFINED. *d is written on every path; on success
 * value = the SMCCC version.
 */
HCALL_INLINE struct hcall_result
hcall_smccc_discover(enum hcall_smccc_conduit conduit,
		     struct hcall_smccc_discovery *d)
{
	struct hcall_result r;
	int64_t w0;

	d->conduit = HCALL_SMCCC_NONE;
	d->psci_version = 0;
	d->smccc_version = 0;
	w0 = (int32_t)(uint32_t)hcall_smccc10_conduit_call7(
		     conduit, HCALL_PSCI_VERSION, 0, 0, 0, 0, 0, 0, 0).x0;
	if (w0 < 0)
		return hcall_smccc_result32(HCALL_RK_VALUE, (uint64_t)w0,
					    hcall_map_psci_error);
	if (!hcall_psci_version_known((uint32_t)w0))
		return hcall_smccc_unexpected(w0);
	d->conduit = conduit;
	d->psci_version = (uint32_t)w0;
	d->smccc_version = HCALL_SMCCC_VERSION_1_0;
	r.status = HCALL_OK;
	r.code = 0;
	r.value = HCALL_SMCCC_VERSION_1_0;
	if (d->psci_version < HCALL_PSCI_VERSION_1_0)
		return r;
	w0 = (int32_t)(uint32_t)hcall_smccc10_conduit_call7(
		     conduit, HCALL_PSCI_FEATURES, HCALL_SMCCC_VERSION, 0, 0, 0,
		     0, 0, 0).x0;
	if (w0 < 0)
		return r;
	r = hcall_smccc_version_result(hcall_smccc10_conduit_call7(
		conduit, HCALL_SMCCC_VERSION, 0, 0, 0, 0, 0, 0, 0).x0);
	if (r.status == HCALL_E_NOT_SUPPORTED) {
		r.status = HCALL_OK;
		r.code = 0;
		r.value = HCALL_SMCCC_VERSION_1_0;
		return r;
	}
	if (hcall_ok(r))
		d->smccc_version = (uint32_t)r.value;
	return r;
}

/*
 * hcall_smccc_discovered_has - SMCCC >= 1.1 was discovered and
 * ARCH_FEATURES(fid) >= 0 through the discovered conduit.
 */
HCALL_INLINE int hcall_smccc_discovered_has(const struct hcall_smccc_discovery *d,
					    uint32_t fid)
{
	if (d->conduit == HCALL_SMCCC_NONE ||
	    d->smccc_version < HCALL_SMCCC_VERSION_1_1)
		return 0;
	return (int32_t)(uint32_t)hcall_smccc_conduit_call1(
		       d->conduit, HCALL_SMCCC_ARCH_FEATURES, fid).x0 >= 0;
}

/*
 * hcall_smccc_has_function - the whole DEN0028 sequence through the
 * default conduit: hcall_smccc_discover(), then ARCH_FEATURES(fid).
 */
HCALL_INLINE int hcall_smccc_has_function(uint32_t fid)
{
	struct hcall_smccc_discovery d;

	(void)hcall_smccc_discover(HCALL_SMCCC_DEFAULT_CONDUIT, &d);
	return hcall_smccc_discovered_has(&d, fid);
}

HCALL_END_DECLS

#endif /* HCALL_SMCCC_H */
