/* SPDX-License-Identifier: MIT */
/*
 * hcall/sbi.h - guest (S-mode / VS-mode) calls through the RISC-V SBI.
 *
 *   ecall; a7 = EID, a6 = FID, a0..a5 = arguments;
 *   a0 = error, a1 = value. Only a0 and a1 change.
 * Legacy extensions (EID < 0x10): a7 = EID, a0.. arguments, a0 = result;
 * only a0 changes.
 *
 * Typed calls are per extension, hcall_sbi_<ext>_<call>(), for every
 * extension of SBI v2.0 and v3.0 and the nine legacy calls (the tables
 * are in <hcall/abi/sbi_<ext>.h>). Calls that target harts take a
 * struct hcall_sbi_hartmask (hcall_sbi_hart(), hcall_sbi_harts_all(),
 * hcall_sbi_hartmask_add()). The raw layer hcall_sbi_call0..6() returns
 * a0/a1 untouched.
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

/*
 * Entry points of the generated wrappers: hcall_sbi_<ext>_invoke0..4(fid,
 * kind, args...) for every extension of HCALL_SBI_EXTENSIONS. The kind
 * does not change how SBI results read (a0 error, a1 value).
 */
#define HCALL__SBI_INVOKERS(P, p, eid, CALLS, title, version)                 \
	HCALL_INLINE struct hcall_result hcall_##p##_invoke0(uint64_t fid,    \
							     int kind)        \
	{                                                                     \
		(void)kind;                                                   \
		return hcall_sbi_result(hcall_sbi_call0(eid, fid));           \
	}                                                                     \
	HCALL_INLINE struct hcall_result hcall_##p##_invoke1(                 \
		uint64_t fid, int kind, uint64_t a0)                          \
	{                                                                     \
		(void)kind;                                                   \
		return hcall_sbi_result(hcall_sbi_call1(eid, fid, a0));       \
	}                                                                     \
	HCALL_INLINE struct hcall_result hcall_##p##_invoke2(                 \
		uint64_t fid, int kind, uint64_t a0, uint64_t a1)             \
	{                                                                     \
		(void)kind;                                                   \
		return hcall_sbi_result(hcall_sbi_call2(eid, fid, a0, a1));   \
	}                                                                     \
	HCALL_INLINE struct hcall_result hcall_##p##_invoke3(                 \
		uint64_t fid, int kind, uint64_t a0, uint64_t a1,             \
		uint64_t a2)                                                  \
	{                                                                     \
		(void)kind;                                                   \
		return hcall_sbi_result(                                      \
			hcall_sbi_call3(eid, fid, a0, a1, a2));               \
	}                                                                     \
	HCALL_INLINE struct hcall_result hcall_##p##_invoke4(                 \
		uint64_t fid, int kind, uint64_t a0, uint64_t a1,             \
		uint64_t a2, uint64_t a3)                                     \
	{                                                                     \
		(void)kind;                                                   \
		return hcall_sbi_result(                                      \
			hcall_sbi_call4(eid, fid, a0, a1, a2, a3));           \
	}

HCALL_SBI_EXTENSIONS(HCALL__SBI_INVOKERS)
#undef HCALL__SBI_INVOKERS

/*
 * The typed wrappers of every row that is not CUSTOM, e.g.
 *   hcall_sbi_base_get_spec_version(void)  major << 24 | minor
 *   hcall_sbi_base_probe_extension(eid)    0 absent, non-zero present
 *   hcall_sbi_time_set_timer(stime_value)
 *   hcall_sbi_hsm_hart_start(hartid, start_addr, opaque)
 *   hcall_sbi_hsm_hart_get_status(hartid)  HCALL_SBI_HSM_STATE_*
 *   hcall_sbi_srst_system_reset(reset_type, reset_reason)
 *   hcall_sbi_pmu_num_counters(void) ...
 * A call that does not return on success (hart_stop, system_reset,
 * system_suspend, sync_sret, sse complete) returns only its error.
 */
#define HCALL__SBI_WRAPPERS(P, p, eid, CALLS, title, version) \
	CALLS(HCALL_WRAPPER)
HCALL_SBI_EXTENSIONS(HCALL__SBI_WRAPPERS)
#undef HCALL__SBI_WRAPPERS

/*
 * hcall_sbi_probe - 1 when extension eid is implemented (probe_extension
 * answered success with a non-zero value), else 0.
 */
HCALL_INLINE int hcall_sbi_probe(uint64_t eid)
{
	struct hcall_result r = hcall_sbi_base_probe_extension(eid);

	return hcall_ok(r) && r.value != 0;
}

/* ---- IPI and RFENCE: the harts come as a struct hcall_sbi_hartmask ----- */

/* Supervisor software interrupt to the harts of m. */
HCALL_INLINE struct hcall_result
hcall_sbi_ipi_send_ipi(struct hcall_sbi_hartmask m)
{
	return hcall_sbi_result(hcall_sbi_call2(
		HCALL_SBI_IPI_EID, HCALL_SBI_IPI_SEND_IPI, m.mask, m.base));
}

HCALL_INLINE struct hcall_result
hcall_sbi_rfence_remote_fence_i(struct hcall_sbi_hartmask m)
{
	return hcall_sbi_result(hcall_sbi_call2(HCALL_SBI_RFENCE_EID,
						HCALL_SBI_RFENCE_REMOTE_FENCE_I,
						m.mask, m.base));
}

/* start_addr/size: HCALL_SBI_RFENCE_ALL_START/_SIZE for every address. */
HCALL_INLINE struct hcall_result
hcall_sbi_rfence_remote_sfence_vma(struct hcall_sbi_hartmask m,
				   uint64_t start_addr, uint64_t size)
{
	return hcall_sbi_result(hcall_sbi_call4(
		HCALL_SBI_RFENCE_EID, HCALL_SBI_RFENCE_REMOTE_SFENCE_VMA,
		m.mask, m.base, start_addr, size));
}

HCALL_INLINE struct hcall_result
hcall_sbi_rfence_remote_sfence_vma_asid(struct hcall_sbi_hartmask m,
					uint64_t start_addr, uint64_t size,
					uint64_t asid)
{
	return hcall_sbi_result(hcall_sbi_call5(
		HCALL_SBI_RFENCE_EID, HCALL_SBI_RFENCE_REMOTE_SFENCE_VMA_ASID,
		m.mask, m.base, start_addr, size, asid));
}

HCALL_INLINE struct hcall_result
hcall_sbi_rfence_remote_hfence_gvma_vmid(struct hcall_sbi_hartmask m,
					 uint64_t start_addr, uint64_t size,
					 uint64_t vmid)
{
	return hcall_sbi_result(hcall_sbi_call5(
		HCALL_SBI_RFENCE_EID, HCALL_SBI_RFENCE_REMOTE_HFENCE_GVMA_VMID,
		m.mask, m.base, start_addr, size, vmid));
}

HCALL_INLINE struct hcall_result
hcall_sbi_rfence_remote_hfence_gvma(struct hcall_sbi_hartmask m,
				    uint64_t start_addr, uint64_t size)
{
	return hcall_sbi_result(hcall_sbi_call4(
		HCALL_SBI_RFENCE_EID, HCALL_SBI_RFENCE_REMOTE_HFENCE_GVMA,
		m.mask, m.base, start_addr, size));
}

HCALL_INLINE struct hcall_result
hcall_sbi_rfence_remote_hfence_vvma_asid(struct hcall_sbi_hartmask m,
					 uint64_t start_addr, uint64_t size,
					 uint64_t asid)
{
	return hcall_sbi_result(hcall_sbi_call5(
		HCALL_SBI_RFENCE_EID, HCALL_SBI_RFENCE_REMOTE_HFENCE_VVMA_ASID,
		m.mask, m.base, start_addr, size, asid));
}

HCALL_INLINE struct hcall_result
hcall_sbi_rfence_remote_hfence_vvma(struct hcall_sbi_hartmask m,
				    uint64_t start_addr, uint64_t size)
{
	return hcall_sbi_result(hcall_sbi_call4(
		HCALL_SBI_RFENCE_EID, HCALL_SBI_RFENCE_REMOTE_HFENCE_VVMA,
		m.mask, m.base, start_addr, size));
}

/* ---- five-argument calls ------------------------------------------------ */

/* value = the index of the counter configured for event_idx. */
HCALL_INLINE struct hcall_result hcall_sbi_pmu_counter_config_matching(
	uint64_t counter_idx_base, uint64_t counter_idx_mask,
	uint64_t config_flags, uint64_t event_idx, uint64_t event_data)
{
	return hcall_sbi_result(hcall_sbi_call5(
		HCALL_SBI_PMU_EID, HCALL_SBI_PMU_COUNTER_CONFIG_MATCHING,
		counter_idx_base, counter_idx_mask, config_flags, event_idx,
		event_data));
}

HCALL_INLINE struct hcall_result
hcall_sbi_sse_read_attrs(uint32_t event_id, uint32_t base_attr_id,
			 uint32_t attr_count, uint64_t output_phys_lo,
			 uint64_t output_phys_hi)
{
	return hcall_sbi_result(hcall_sbi_call5(
		HCALL_SBI_SSE_EID, HCALL_SBI_SSE_READ_ATTRS, event_id,
		base_attr_id, attr_count, output_phys_lo, output_phys_hi));
}

HCALL_INLINE struct hcall_result
hcall_sbi_sse_write_attrs(uint32_t event_id, uint32_t base_attr_id,
			  uint32_t attr_count, uint64_t input_phys_lo,
			  uint64_t input_phys_hi)
{
	return hcall_sbi_result(hcall_sbi_call5(
		HCALL_SBI_SSE_EID, HCALL_SBI_SSE_WRITE_ATTRS, event_id,
		base_attr_id, attr_count, input_phys_lo, input_phys_hi));
}

/* ---- legacy extensions (SBI v0.1) ----------------------------------------- */

/*
 * hcall_sbi_legacy_call0..4 - raw legacy call: a7 = eid, a0..a3 = the
 * arguments; returns a0. Binds exactly a7 and the argument registers;
 * every other register, a1 included, is preserved.
 */
#if HCALL_SIM
HCALL_INLINE int64_t hcall__sbi_legacy_sim(uint64_t eid, unsigned n,
					   uint64_t arg0, uint64_t arg1,
					   uint64_t arg2, uint64_t arg3)
{
	struct hcall_regs f = { { 0 } };
	const uint64_t a[4] = { arg0, arg1, arg2, arg3 };

	f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_EID)] = eid;
	for (unsigned i = 0; i < n; i++)
		f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_ARG0) + i] = a[i];
	hcall_sim_trap(HCALL_TRAP_ECALL, 0, &f);
	return (int64_t)f.r[HCALL_REG_IDX(HCALL_SBI_RISCV_REG_ERR)];
}
#define HCALL__SBI_LEGACY_SIM(n, a0, a1, a2, a3) \
	return hcall__sbi_legacy_sim(eid, n, a0, a1, a2, a3)
#endif

HCALL_INLINE int64_t hcall_sbi_legacy_call0(uint64_t eid)
{
#if HCALL_SIM
	HCALL__SBI_LEGACY_SIM(0, 0, 0, 0, 0);
#else
	register uint64_t r_eid __asm__(HCALL__SBI_REG(EID)) = eid;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0));
	__asm__ __volatile__("ecall" : "=r"(a0) : "r"(r_eid) : "memory");
	return (int64_t)a0;
#endif
}

HCALL_INLINE int64_t hcall_sbi_legacy_call1(uint64_t eid, uint64_t arg0)
{
#if HCALL_SIM
	HCALL__SBI_LEGACY_SIM(1, arg0, 0, 0, 0);
#else
	register uint64_t r_eid __asm__(HCALL__SBI_REG(EID)) = eid;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) = arg0;
	__asm__ __volatile__("ecall" : "+r"(a0) : "r"(r_eid) : "memory");
	return (int64_t)a0;
#endif
}

HCALL_INLINE int64_t hcall_sbi_legacy_call3(uint64_t eid, uint64_t arg0,
					    uint64_t arg1, uint64_t arg2)
{
#if HCALL_SIM
	HCALL__SBI_LEGACY_SIM(3, arg0, arg1, arg2, 0);
#else
	register uint64_t r_eid __asm__(HCALL__SBI_REG(EID)) = eid;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) = arg0;
	register uint64_t a1 __asm__(HCALL__SBI_REG(ARG1)) = arg1;
	register uint64_t a2 __asm__(HCALL__SBI_REG(ARG2)) = arg2;
	__asm__ __volatile__("ecall"
			     : "+r"(a0)
			     : "r"(a1), "r"(a2), "r"(r_eid)
			     : "memory");
	return (int64_t)a0;
#endif
}

HCALL_INLINE int64_t hcall_sbi_legacy_call4(uint64_t eid, uint64_t arg0,
					    uint64_t arg1, uint64_t arg2,
					    uint64_t arg3)
{
#if HCALL_SIM
	HCALL__SBI_LEGACY_SIM(4, arg0, arg1, arg2, arg3);
#else
	register uint64_t r_eid __asm__(HCALL__SBI_REG(EID)) = eid;
	register uint64_t a0 __asm__(HCALL__SBI_REG(ARG0)) = arg0;
	register uint64_t a1 __asm__(HCALL__SBI_REG(ARG1)) = arg1;
	register uint64_t a2 __asm__(HCALL__SBI_REG(ARG2)) = arg2;
	register uint64_t a3 __asm__(HCALL__SBI_REG(ARG3)) = arg3;
	__asm__ __volatile__("ecall"
			     : "+r"(a0)
			     : "r"(a1), "r"(a2), "r"(a3), "r"(r_eid)
			     : "memory");
	return (int64_t)a0;
#endif
}

/* a0 = 0 or an SBI error: as a typed result with value 0. */
HCALL_INLINE struct hcall_result hcall__sbi_legacy_status(int64_t a0)
{
	return hcall_result_from_pair(a0, 0, hcall_map_sbi_error);
}

/* Program the next timer event; clears the pending timer interrupt. */
HCALL_INLINE struct hcall_result hcall_sbi_legacy_set_timer(uint64_t stime_value)
{
	return hcall__sbi_legacy_status(hcall_sbi_legacy_call1(
		HCALL_SBI_LEGACY_SET_TIMER, stime_value));
}

/*
 * hcall_sbi_legacy_console_putchar - SBI v0.1 console_putchar (a7 = 0x01,
 * a0 = ch). Deprecated by the SBI specification in favour of the DBCN
 * extension, kept for early boot.
 */
HCALL_INLINE struct hcall_result hcall_sbi_legacy_console_putchar(int ch)
{
	return hcall__sbi_legacy_status(hcall_sbi_legacy_call1(
		HCALL_SBI_LEGACY_CONSOLE_PUTCHAR, (uint64_t)(int64_t)ch));
}

/*
 * The byte read, in value (status OK), or status E_FAILED (raw -1) when
 * there is none.
 */
HCALL_INLINE struct hcall_result hcall_sbi_legacy_console_getchar(void)
{
	int64_t a0 = hcall_sbi_legacy_call0(HCALL_SBI_LEGACY_CONSOLE_GETCHAR);

	if (a0 < 0)
		return hcall__sbi_legacy_status(a0);
	return hcall_result_from_pair(0, (uint64_t)a0, hcall_map_sbi_error);
}

HCALL_INLINE struct hcall_result hcall_sbi_legacy_clear_ipi(void)
{
	return hcall__sbi_legacy_status(hcall_sbi_legacy_call0(
		HCALL_SBI_LEGACY_CLEAR_IPI));
}

/* hart_mask: the address of a bit mask of hart IDs (bit i = hart i);
 * NULL means every hart. */
HCALL_INLINE struct hcall_result
hcall_sbi_legacy_send_ipi(const unsigned long *hart_mask)
{
	return hcall__sbi_legacy_status(hcall_sbi_legacy_call1(
		HCALL_SBI_LEGACY_SEND_IPI, (uint64_t)(uintptr_t)hart_mask));
}

HCALL_INLINE struct hcall_result
hcall_sbi_legacy_remote_fence_i(const unsigned long *hart_mask)
{
	return hcall__sbi_legacy_status(hcall_sbi_legacy_call1(
		HCALL_SBI_LEGACY_REMOTE_FENCE_I, (uint64_t)(uintptr_t)hart_mask));
}

HCALL_INLINE struct hcall_result
hcall_sbi_legacy_remote_sfence_vma(const unsigned long *hart_mask,
				   uint64_t start, uint64_t size)
{
	return hcall__sbi_legacy_status(hcall_sbi_legacy_call3(
		HCALL_SBI_LEGACY_REMOTE_SFENCE_VMA,
		(uint64_t)(uintptr_t)hart_mask, start, size));
}

HCALL_INLINE struct hcall_result
hcall_sbi_legacy_remote_sfence_vma_asid(const unsigned long *hart_mask,
					uint64_t start, uint64_t size,
					uint64_t asid)
{
	return hcall__sbi_legacy_status(hcall_sbi_legacy_call4(
		HCALL_SBI_LEGACY_REMOTE_SFENCE_VMA_ASID,
		(uint64_t)(uintptr_t)hart_mask, start, size, asid));
}

/* Powers every hart off; returns only if the implementation refuses. */
HCALL_INLINE struct hcall_result hcall_sbi_legacy_shutdown(void)
{
	return hcall__sbi_legacy_status(hcall_sbi_legacy_call0(
		HCALL_SBI_LEGACY_SHUTDOWN));
}

HCALL_END_DECLS

#endif /* HCALL_SBI_H */
