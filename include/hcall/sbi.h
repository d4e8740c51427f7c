/* SPDX-License-Identifier: MIT */
/*
 * hcall/sbi.h - guest (S-mode / VS-mode) calls through the RISC-V SBI.
 *
 *   ecall; a7 = EID, a6 = FID, a0..a5 = arguments;
 *   a0 = error, a1 = value. Only a0 and a1 change.
 * Legacy extensions (EID < 0x10): a7 = EID, a0.. arguments, a0 = result;
 * only a0 changes.
 *
 * Typed calls are per extension: hcall_sbi_base_*(), hcall_sbi_srst_*()
 * (the table layout is described in <hcall/abi/sbi.h>).
 */
#ifndef HCALL_SBI_H
#define HCALL_SBI_H

#include <hcall/abi/sbi.h>
#include <hcall/transport.h>

#if !HCALL_TARGET_RISCV64
#error "hcall/sbi.h: SBI calls exist only on riscv64 (ecall); use HCALL_TRANSPORT_SIM with HCALL_SIM_ARCH=3 to test them elsewhere"
#endif

HCALL_BEGIN_DECLS

/* The raw result of an SBI call (struct sbiret). */
struct hcall_sbi_ret {
	int64_t error; /* a0 */
	uint64_t value; /* a1 */
};

HCALL_INLINE struct hcall_sbi_ret hcall__sbi_ret(uint64_t a0, uint64_t a1)
{
	struct hcall_sbi_ret r;

	r.error = (int64_t)a0;
	r.value = a1;
	return r;
}

#if HCALL_SIM
/* Simulated transport: a7, a6 and the n arguments the call binds. */
HCALL_INLINE struct hcall_sbi_ret
hcall__sbi_sim(uint64_t eid, uint64_t fid, unsigned n, uint64_t a0,
	       uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4, uint64_t a5)
{
	struct hcall_regs f = { { 0 } };
	const uint64_t a[6] = { a0, a1, a2, a3, a4, a5 };

	f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_EID)] = eid;
	f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_FID)] = fid;
	/* Argument i (0-based) lives in a<i>. */
	for (unsigned i = 0; i < n; i++)
		f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_ARG0) + i] = a[i];
	hcall_sim_trap(HCALL_TRAP_ECALL, 0, &f);
	return hcall__sbi_ret(f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_ERR)],
			      f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_VAL)]);
}
#define HCALL__SBI_SIM(n, a0, a1, a2, a3, a4, a5) \
	return hcall__sbi_sim(eid, fid, n, a0, a1, a2, a3, a4, a5)
#else
#define HCALL__SBI_REG(r) HCALL_REG_NAME(HCALL_SBI_RISCV_REG_##r)
#define HCALL__SBI_SEL                                            \
	register uint64_t r_eid __asm__(HCALL__SBI_REG(EID)) = eid; \
	register uint64_t r_fid __asm__(HCALL__SBI_REG(FID)) = fid
#endif

/*
 * hcall_sbi_call0..6 - raw SBI call of extension eid, function fid with
 * 0..6 arguments in a0..a5. Binds exactly a7, a6 and the argument
 * registers; returns a0 (error) and a1 (value) unmapped.
 */
HCALL_INLINE struct hcall_sbi_ret hcall_sbi_call0(uint64_t eid, uint64_t fid)
{
#if HCALL_SIM
	HCALL__SBI_SIM(0, 0, 0, 0, 0, 0, 0);
#else
	HCALL__SBI_SEL;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0));
	register uint64_t a1 __asm__(HCALL__SBI_REG(ARG1));
	__asm__ __volatile__("ecall"
			     : "=r"(a0), "=r"(a1)
			     : "r"(r_fid), "r"(r_eid)
			     : "memory");
	return hcall__sbi_ret(a0, a1);
#endif
}

HCALL_INLINE struct hcall_sbi_ret hcall_sbi_call1(uint64_t eid, uint64_t fid,
						  uint64_t arg0)
{
#if HCALL_SIM
	HCALL__SBI_SIM(1, arg0, 0, 0, 0, 0, 0);
#else
	HCALL__SBI_SEL;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) = arg0;
	register uint64_t a1 __asm__(HCALL__SBI_REG(ARG1));
	__asm__ __volatile__("ecall"
			     : "+r"(a0), "=r"(a1)
			     : "r"(r_fid), "r"(r_eid)
			     : "memory");
	return hcall__sbi_ret(a0, a1);
#endif
}

HCALL_INLINE struct hcall_sbi_ret hcall_sbi_call2(uint64_t eid, uint64_t fid,
						  uint64_t arg0, uint64_t arg1)
{
#if HCALL_SIM
	HCALL__SBI_SIM(2, arg0, arg1, 0, 0, 0, 0);
#else
	HCALL__SBI_SEL;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) = arg0;
	register uint64_t a1 __asm__(HCALL__SBI_REG(ARG1)) = arg1;
	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(r_fid), "r"(r_eid)
			     : "memory");
	return hcall__sbi_ret(a0, a1);
#endif
}

HCALL_INLINE struct hcall_sbi_ret hcall_sbi_call3(uint64_t eid, uint64_t fid,
						  uint64_t arg0, uint64_t arg1,
						  uint64_t arg2)
{
#if HCALL_SIM
	HCALL__SBI_SIM(3, arg0, arg1, arg2, 0, 0, 0);
#else
	HCALL__SBI_SEL;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) = arg0;
	register uint64_t a1 __asm__(HCALL__SBI_REG(ARG1)) = arg1;
	register uint64_t a2 __asm__(HCALL__SBI_REG(ARG2)) = arg2;
	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(r_fid), "r"(r_eid)
			     : "memory");
	return hcall__sbi_ret(a0, a1);
#endif
}

HCALL_INLINE struct hcall_sbi_ret hcall_sbi_call4(uint64_t eid, uint64_t fid,
						  uint64_t arg0, uint64_t arg1,
						  uint64_t arg2, uint64_t arg3)
{
#if HCALL_SIM
	HCALL__SBI_SIM(4, arg0, arg1, arg2, arg3, 0, 0);
#else
	HCALL__SBI_SEL;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) = arg0;
	register uint64_t a1 __asm__(HCALL__SBI_REG(ARG1)) = arg1;
	register uint64_t a2 __asm__(HCALL__SBI_REG(ARG2)) = arg2;
	register uint64_t a3 __asm__(HCALL__SBI_REG(ARG3)) = arg3;
	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a3), "r"(r_fid), "r"(r_eid)
			     : "memory");
	return hcall__sbi_ret(a0, a1);
#endif
}

HCALL_INLINE struct hcall_sbi_ret hcall_sbi_call5(uint64_t eid, uint64_t fid,
						  uint64_t arg0, uint64_t arg1,
						  uint64_t arg2, uint64_t arg3,
						  uint64_t arg4)
{
#if HCALL_SIM
	HCALL__SBI_SIM(5, arg0, arg1, arg2, arg3, arg4, 0);
#else
	HCALL__SBI_SEL;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) = arg0;
	register uint64_t a1 __asm__(HCALL__SBI_REG(ARG1)) = arg1;
	register uint64_t a2 __asm__(HCALL__SBI_REG(ARG2)) = arg2;
	register uint64_t a3 __asm__(HCALL__SBI_REG(ARG3)) = arg3;
	register uint64_t a4 __asm__(HCALL__SBI_REG(ARG4)) = arg4;
	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a3), "r"(a4), "r"(r_fid),
			       "r"(r_eid)
			     : "memory");
	return hcall__sbi_ret(a0, a1);
#endif
}

HCALL_INLINE struct hcall_sbi_ret hcall_sbi_call6(uint64_t eid, uint64_t fid,
						  uint64_t arg0, uint64_t arg1,
						  uint64_t arg2, uint64_t arg3,
						  uint64_t arg4, uint64_t arg5)
{
#if HCALL_SIM
	HCALL__SBI_SIM(6, arg0, arg1, arg2, arg3, arg4, arg5);
#else
	HCALL__SBI_SEL;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) = arg0;
	register uint64_t a1 __asm__(HCALL__SBI_REG(ARG1)) = arg1;
	register uint64_t a2 __asm__(HCALL__SBI_REG(ARG2)) = arg2;
	register uint64_t a3 __asm__(HCALL__SBI_REG(ARG3)) = arg3;
	register uint64_t a4 __asm__(HCALL__SBI_REG(ARG4)) = arg4;
	register uint64_t a5 __asm__(HCALL__SBI_REG(ARG5)) = arg5;
	__asm__ __volatile__("ecall"
			     : "+r"(a0), "+r"(a1)
			     : "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(r_fid),
			       "r"(r_eid)
			     : "memory");
	return hcall__sbi_ret(a0, a1);
#endif
}

/* Map a0/a1 to a typed result; value is 0 unless the call succeeded. */
HCALL_INLINE struct hcall_result hcall_sbi_result(struct hcall_sbi_ret r)
{
	return hcall_result_from_pair(r.error, r.error ? 0 : r.value,
				      hcall_map_sbi_error);
}

/* Entry points of the generated wrappers, one set per extension table. */
HCALL_INLINE struct hcall_result hcall_sbi_base_invoke0(uint64_t fid, int kind)
{
	(void)kind;
	return hcall_sbi_result(hcall_sbi_call0(HCALL_SBI_BASE_EID, fid));
}
HCALL_INLINE struct hcall_result hcall_sbi_base_invoke1(uint64_t fid, int kind,
							uint64_t arg0)
{
	(void)kind;
	return hcall_sbi_result(hcall_sbi_call1(HCALL_SBI_BASE_EID, fid, arg0));
}
HCALL_INLINE struct hcall_result hcall_sbi_srst_invoke2(uint64_t fid, int kind,
							uint64_t arg0,
							uint64_t arg1)
{
	(void)kind;
	return hcall_sbi_result(
		hcall_sbi_call2(HCALL_SBI_SRST_EID, fid, arg0, arg1));
}

/*
 * Base extension (EID 0x10, FIDs 0..6; no argument except probe's a0).
 * These never fail on a conforming SBI; value holds the answer:
 *   hcall_sbi_base_get_spec_version(void)  major << 24 | minor
 *   hcall_sbi_base_get_impl_id(void)       HCALL_SBI_IMPL_*
 *   hcall_sbi_base_get_impl_version(void)
 *   hcall_sbi_base_probe_extension(eid)    0 absent, non-zero present
 *   hcall_sbi_base_get_mvendorid/marchid/mimpid(void)
 */
HCALL_SBI_BASE_CALLS(HCALL_WRAPPER)

/*
 * System reset (EID "SRST", FID 0): a0 = reset_type
 * (HCALL_SBI_SRST_TYPE_*), a1 = reset_reason (HCALL_SBI_SRST_REASON_*).
 * Does not return on success; INVALID_PARAM for an unknown type or
 * reason, NOT_SUPPORTED for a valid but unimplemented one, FAILED.
 *   hcall_sbi_srst_system_reset(reset_type, reset_reason)
 */
HCALL_SBI_SRST_CALLS(HCALL_WRAPPER)

/*
 * hcall_sbi_probe - 1 when extension eid is implemented (probe_extension
 * answered success with a non-zero value), else 0.
 */
HCALL_INLINE int hcall_sbi_probe(uint64_t eid)
{
	struct hcall_result r = hcall_sbi_base_probe_extension(eid);

	return hcall_ok(r) && r.value != 0;
}

/*
 * hcall_sbi_legacy_console_putchar - SBI v0.1 console_putchar (a7 = 0x01,
 * a0 = ch). The legacy call returns only a0 (0 or an SBI error) and
 * preserves every other register, a1 included. Deprecated by the SBI
 * specification in favour of the DBCN extension, kept for early boot.
 */
HCALL_INLINE struct hcall_result hcall_sbi_legacy_console_putchar(int ch)
{
#if HCALL_SIM
	struct hcall_regs f = { { 0 } };

	f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_EID)] =
		HCALL_SBI_LEGACY_CONSOLE_PUTCHAR;
	f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_ARG0)] = (uint64_t)(int64_t)ch;
	hcall_sim_trap(HCALL_TRAP_ECALL, 0, &f);
	uint64_t ret = f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_ERR)];
#else
	register uint64_t r_eid __asm__(HCALL__SBI_REG(EID)) =
		HCALL_SBI_LEGACY_CONSOLE_PUTCHAR;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) =
		(uint64_t)(int64_t)ch;
	__asm__ __volatile__("ecall" : "+r"(a0) : "r"(r_eid) : "memory");
	uint64_t ret = a0;
#endif
	return hcall_result_from_pair((int64_t)ret, 0, hcall_map_sbi_error);
}

HCALL_END_DECLS

#endif /* HCALL_SBI_H */
