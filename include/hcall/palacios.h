/* SPDX-License-Identifier: MIT */
/*
 * hcall/palacios.h - guest calls into the Palacios VMM (x86_64).
 *
 * VMMCALL by default (see <hcall/arch/x86.h>); rax = number, rbx, rcx,
 * rdx, rsi = arguments 0..3; rax = result (0 or -1). A call may also
 * return values in rbx..rsi, so all five registers are treated as changed.
 *
 * The table, numbers, register roles and errors are in
 * <hcall/abi/palacios.h>. Each call comes in two forms:
 *   hcall_palacios_<name>(args)              the compile-time conduit
 *   hcall_palacios_<name>_on(conduit, args)  a conduit chosen at run time
 */
#ifndef HCALL_PALACIOS_H
#define HCALL_PALACIOS_H

#include <hcall/abi/palacios.h>
#include <hcall/transport.h>

#if !HCALL_TARGET_X86_64
#error "hcall/palacios.h: Palacios hypercalls (VMMCALL) exist only on x86_64; use HCALL_TRANSPORT_SIM with HCALL_SIM_ARCH=1 to test them elsewhere"
#endif

#include <hcall/arch/x86.h>

HCALL_BEGIN_DECLS

/* Every register a Palacios call may change, as it is after the call. */
struct hcall_palacios_ret {
	uint64_t rax; /* status: 0 or -1 */
	uint64_t rbx, rcx, rdx, rsi;
};

#if HCALL_SIM
HCALL_INLINE struct hcall_palacios_ret
hcall_palacios__sim(enum hcall_x86_conduit conduit, uint64_t nr, unsigned n,
		    uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct hcall_regs f = { { 0 } };
	struct hcall_palacios_ret ret;
	const uint64_t a[4] = { a0, a1, a2, a3 };
	const unsigned idx[4] = { HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG0),
				  HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG1),
				  HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG2),
				  HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG3) };
	f.r[HCALL_REG_IDX(HCALL_PALACIOS_REG_NR)] = nr;
	for (unsigned i = 0; i < n; i++)
		f.r[idx[i]] = a[i];
	hcall_sim_trap((enum hcall_trap)conduit, 0, &f);
	ret.rax = f.r[HCALL_REG_IDX(HCALL_PALACIOS_REG_RET)];
	ret.rbx = f.r[idx[0]];
	ret.rcx = f.r[idx[1]];
	ret.rdx = f.r[idx[2]];
	ret.rsi = f.r[idx[3]];
	return ret;
}
#endif

/* The five registers, bound by name from the table's roles. Arguments a
 * call does not pass are outputs only, so nothing is loaded into them. */
#define HCALL__PAL_REGS                                                          \
	register uint64_t r_ax __asm__(HCALL_REG_NAME(HCALL_PALACIOS_REG_NR)) = nr; \
	register uint64_t r_bx __asm__(HCALL_REG_NAME(HCALL_PALACIOS_REG_ARG0));    \
	register uint64_t r_cx __asm__(HCALL_REG_NAME(HCALL_PALACIOS_REG_ARG1));    \
	register uint64_t r_dx __asm__(HCALL_REG_NAME(HCALL_PALACIOS_REG_ARG2));    \
	register uint64_t r_si __asm__(HCALL_REG_NAME(HCALL_PALACIOS_REG_ARG3))
#define HCALL__PAL_RET                                                     \
	do {                                                               \
		ret.rax = r_ax;                                            \
		ret.rbx = r_bx;                                            \
		ret.rcx = r_cx;                                            \
		ret.rdx = r_dx;                                            \
		ret.rsi = r_si;                                            \
	} while (0)

/*
 * hcall_palacios_call<N>_on - raw Palacios hypercall with N arguments
 * through `conduit`. Sets rax and the first N of rbx, rcx, rdx, rsi;
 * returns rax..rsi as the call left them.
 */
HCALL_INLINE struct hcall_palacios_ret
hcall_palacios_call0_on(enum hcall_x86_conduit conduit, uint64_t nr)
{
#if HCALL_SIM
	return hcall_palacios__sim(conduit, nr, 0, 0, 0, 0, 0);
#else
	struct hcall_palacios_ret ret;
	HCALL__PAL_REGS;
	HCALL__X86_TRAP(conduit, : "+r"(r_ax), "=r"(r_bx), "=r"(r_cx),
				   "=r"(r_dx), "=r"(r_si)
				 :
				 : "memory");
	HCALL__PAL_RET;
	return ret;
#endif
}

HCALL_INLINE struct hcall_palacios_ret
hcall_palacios_call1_on(enum hcall_x86_conduit conduit, uint64_t nr,
			uint64_t a0)
{
#if HCALL_SIM
	return hcall_palacios__sim(conduit, nr, 1, a0, 0, 0, 0);
#else
	struct hcall_palacios_ret ret;
	HCALL__PAL_REGS;
	r_bx = a0;
	HCALL__X86_TRAP(conduit, : "+r"(r_ax), "+r"(r_bx), "=r"(r_cx),
				   "=r"(r_dx), "=r"(r_si)
				 :
				 : "memory");
	HCALL__PAL_RET;
	return ret;
#endif
}

HCALL_INLINE struct hcall_palacios_ret
hcall_palacios_call2_on(enum hcall_x86_conduit conduit, uint64_t nr,
			uint64_t a0, uint64_t a1)
{
#if HCALL_SIM
	return hcall_palacios__sim(conduit, nr, 2, a0, a1, 0, 0);
#else
	struct hcall_palacios_ret ret;
	HCALL__PAL_REGS;
	r_bx = a0;
	r_cx = a1;
	HCALL__X86_TRAP(conduit, : "+r"(r_ax), "+r"(r_bx), "+r"(r_cx),
				   "=r"(r_dx), "=r"(r_si)
				 :
				 : "memory");
	HCALL__PAL_RET;
	return ret;
#endif
}

HCALL_INLINE struct hcall_palacios_ret
hcall_palacios_call3_on(enum hcall_x86_conduit conduit, uint64_t nr,
			uint64_t a0, uint64_t a1, uint64_t a2)
{
#if HCALL_SIM
	return hcall_palacios__sim(conduit, nr, 3, a0, a1, a2, 0);
#else
	struct hcall_palacios_ret ret;
	HCALL__PAL_REGS;
	r_bx = a0;
	r_cx = a1;
	r_dx = a2;
	HCALL__X86_TRAP(conduit, : "+r"(r_ax), "+r"(r_bx), "+r"(r_cx),
				   "+r"(r_dx), "=r"(r_si)
				 :
				 : "memory");
	HCALL__PAL_RET;
	return ret;
#endif
}

HCALL_INLINE struct hcall_palacios_ret
hcall_palacios_call4_on(enum hcall_x86_conduit conduit, uint64_t nr,
			uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
#if HCALL_SIM
	return hcall_palacios__sim(conduit, nr, 4, a0, a1, a2, a3);
#else
	struct hcall_palacios_ret ret;
	HCALL__PAL_REGS;
	r_bx = a0;
	r_cx = a1;
	r_dx = a2;
	r_si = a3;
	HCALL__X86_TRAP(conduit, : "+r"(r_ax), "+r"(r_bx), "+r"(r_cx),
				   "+r"(r_dx), "+r"(r_si)
				 :
				 : "memory");
	HCALL__PAL_RET;
	return ret;
#endif
}

#undef HCALL__PAL_REGS
#undef HCALL__PAL_RET

/* hcall_palacios_call<N> - the same through the compile-time conduit
 * (HCALL_X86_PALACIOS_CONDUIT, VMMCALL unless HCALL_X86_VMCALL). */
HCALL_INLINE struct hcall_palacios_ret hcall_palacios_call0(uint64_t nr)
{
	return hcall_palacios_call0_on(HCALL_X86_PALACIOS_CONDUIT, nr);
}
HCALL_INLINE struct hcall_palacios_ret hcall_palacios_call1(uint64_t nr,
							    uint64_t a0)
{
	return hcall_palacios_call1_on(HCALL_X86_PALACIOS_CONDUIT, nr, a0);
}
HCALL_INLINE struct hcall_palacios_ret
hcall_palacios_call2(uint64_t nr, uint64_t a0, uint64_t a1)
{
	return hcall_palacios_call2_on(HCALL_X86_PALACIOS_CONDUIT, nr, a0, a1);
}
HCALL_INLINE struct hcall_palacios_ret
hcall_palacios_call3(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
	return hcall_palacios_call3_on(HCALL_X86_PALACIOS_CONDUIT, nr, a0, a1,
				       a2);
}
HCALL_INLINE struct hcall_palacios_ret
hcall_palacios_call4(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
		     uint64_t a3)
{
	return hcall_palacios_call4_on(HCALL_X86_PALACIOS_CONDUIT, nr, a0, a1,
				       a2, a3);
}

/* Map rax to a typed result. */
HCALL_INLINE struct hcall_result hcall_palacios_result(int kind,
						       uint64_t rax)
{
	return hcall_result_from_reg(kind, (int64_t)rax,
				     hcall_map_palacios_error);
}

/* The entry points the generated wrappers use. */
HCALL_INLINE struct hcall_result
hcall_palacios_invoke0_on(enum hcall_x86_conduit c, uint64_t nr, int kind)
{
	return hcall_palacios_result(kind, hcall_palacios_call0_on(c, nr).rax);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke1_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			  uint64_t a0)
{
	return hcall_palacios_result(kind,
				     hcall_palacios_call1_on(c, nr, a0).rax);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke2_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			  uint64_t a0, uint64_t a1)
{
	return hcall_palacios_result(
		kind, hcall_palacios_call2_on(c, nr, a0, a1).rax);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke3_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			  uint64_t a0, uint64_t a1, uint64_t a2)
{
	return hcall_palacios_result(
		kind, hcall_palacios_call3_on(c, nr, a0, a1, a2).rax);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke4_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			  uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return hcall_palacios_result(
		kind, hcall_palacios_call4_on(c, nr, a0, a1, a2, a3).rax);
}

HCALL_INLINE struct hcall_result hcall_palacios_invoke0(uint64_t nr, int kind)
{
	return hcall_palacios_invoke0_on(HCALL_X86_PALACIOS_CONDUIT, nr, kind);
}
HCALL_INLINE struct hcall_result hcall_palacios_invoke1(uint64_t nr, int kind,
							uint64_t a0)
{
	return hcall_palacios_invoke1_on(HCALL_X86_PALACIOS_CONDUIT, nr, kind,
					 a0);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke2(uint64_t nr, int kind, uint64_t a0, uint64_t a1)
{
	return hcall_palacios_invoke2_on(HCALL_X86_PALACIOS_CONDUIT, nr, kind,
					 a0, a1);
}
HCALL_INLINE struct hcall_result hcall_palacios_invoke3(uint64_t nr, int kind,
							uint64_t a0,
							uint64_t a1,
							uint64_t a2)
{
	return hcall_palacios_invoke3_on(HCALL_X86_PALACIOS_CONDUIT, nr, kind,
					 a0, a1, a2);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke4(uint64_t nr, int kind, uint64_t a0, uint64_t a1,
		       uint64_t a2, uint64_t a3)
{
	return hcall_palacios_invoke4_on(HCALL_X86_PALACIOS_CONDUIT, nr, kind,
					 a0, a1, a2, a3);
}

/*
 * The typed calls, one per table row (errors: -1 = E_FAILED):
 *   hcall_palacios_test(void)
 *   hcall_palacios_symmod_syms(symtab_gva, symtab_size, strtab_gva, strtab_size)
 *   hcall_palacios_guest_info(void)
 *   hcall_palacios_telemetry(void)
 *   hcall_palacios_os_debug(msg_addr, msg_len, addr_is_va)
 * and the same with an _on suffix taking the conduit first.
 */
HCALL_PALACIOS_CALLS(HCALL_WRAPPER)
HCALL_PALACIOS_CALLS(HCALL_X86_WRAPPER_ON)

/* A result whose value is a register other than rax, on success. */
HCALL_INLINE struct hcall_result hcall_palacios__with(uint64_t rax,
						      uint64_t value)
{
	struct hcall_result r = hcall_palacios_result(HCALL_RK_STATUS, rax);
	if (r.status == HCALL_OK)
		r.value = value;
	return r;
}

/*
 * hcall_palacios_mem_offset[_on] - MEM_OFFSET (0x1000): value = the host
 * address of the guest's memory base, which Palacios returns in rbx.
 */
HCALL_INLINE struct hcall_result
hcall_palacios_mem_offset_on(enum hcall_x86_conduit conduit)
{
	struct hcall_palacios_ret ret =
		hcall_palacios_call0_on(conduit, HCALL_PALACIOS_MEM_OFFSET);
	return hcall_palacios__with(ret.rax, ret.rbx);
}
HCALL_INLINE struct hcall_result hcall_palacios_mem_offset(void)
{
	return hcall_palacios_mem_offset_on(HCALL_X86_PALACIOS_CONDUIT);
}

/*
 * hcall_palacios_time_cpufreq[_on] - TIME_CPUFREQ (0xd000): value = the CPU
 * frequency guest time is based on, which Palacios returns in rcx.
 */
HCALL_INLINE struct hcall_result
hcall_palacios_time_cpufreq_on(enum hcall_x86_conduit conduit)
{
	struct hcall_palacios_ret ret =
		hcall_palacios_call0_on(conduit, HCALL_PALACIOS_TIME_CPUFREQ);
	return hcall_palacios__with(ret.rax, ret.rcx);
}
HCALL_INLINE struct hcall_result hcall_palacios_time_cpufreq(void)
{
	return hcall_palacios_time_cpufreq_on(HCALL_X86_PALACIOS_CONDUIT);
}

HCALL_END_DECLS

#endif /* HCALL_PALACIOS_H */
