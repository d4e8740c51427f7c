/* SPDX-License-Identifier: MIT */
/*
 * hcall/palacios.h - guest calls into the Palacios VMM (x86_64).
 *
 * VMMCALL by default (see <hcall/arch/x86.h>); rax = number, rbx, rcx,
 * rdx, rsi = arguments 0..3. Pinned to PeterDinda/palacios b8836aa7: a
 * successful call leaves rax holding its number, -1 means failure (see
 * <hcall/abi/palacios.h> for how that changed over time). A handler may
 * write any register (TEST writes rbx..rsi and rdi), so rax, rbx, rcx,
 * rdx, rsi and rdi are treated as changed by every call.
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
	uint64_t rax; /* the call number (success, untouched), 0 or -1 */
	uint64_t rbx, rcx, rdx, rsi, rdi;
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
	ret.rdi = f.r[HCALL_REG_IDX(HCALL_X86_RDI)];
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
	register uint64_t r_si __asm__(HCALL_REG_NAME(HCALL_PALACIOS_REG_ARG3)); \
	register uint64_t r_di __asm__(HCALL_REG_NAME(HCALL_X86_RDI))
#define HCALL__PAL_RET                                                     \
	do {                                                               \
		ret.rax = r_ax;                                            \
		ret.rbx = r_bx;                                            \
		ret.rcx = r_cx;                                            \
		ret.rdx = r_dx;                                            \
		ret.rsi = r_si;                                            \
		ret.rdi = r_di;                                            \
	} while (0)

/*
 * hcall_palacios_call<N>_on - raw Palacios hypercall with N arguments
 * through `conduit`. Sets rax and the first N of rbx, rcx, rdx, rsi;
 * returns rax..rsi and rdi as the call left them.
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
				   "=r"(r_dx), "=r"(r_si), "=r"(r_di)
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
				   "=r"(r_dx), "=r"(r_si), "=r"(r_di)
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
				   "=r"(r_dx), "=r"(r_si), "=r"(r_di)
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
				   "+r"(r_dx), "=r"(r_si), "=r"(r_di)
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
				   "+r"(r_dx), "+r"(r_si), "=r"(r_di)
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

/*
 * hcall_palacios_result - rax after call `nr`, as a typed result. rax
 * still holding nr is success (Palacios since 2012 does not write rax),
 * code 0; otherwise rax is read against HCALL_PALACIOS_ERRORS: 0 is
 * success (the handlers that write rax, and Palacios before 2012), -1
 * failure. Palacios dispatches on rax's low 32 bits but leaves all 64.
 */
HCALL_INLINE struct hcall_result hcall_palacios_result(int kind, uint64_t nr,
						       uint64_t rax)
{
	if (rax == nr)
		rax = 0;
	return hcall_result_from_reg(kind, (int64_t)rax,
				     hcall_map_palacios_error);
}

/* The entry points the generated wrappers use. */
HCALL_INLINE struct hcall_result
hcall_palacios_invoke0_on(enum hcall_x86_conduit c, uint64_t nr, int kind)
{
	return hcall_palacios_result(kind, nr, hcall_palacios_call0_on(c, nr).rax);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke1_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			  uint64_t a0)
{
	return hcall_palacios_result(kind, nr,
				     hcall_palacios_call1_on(c, nr, a0).rax);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke2_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			  uint64_t a0, uint64_t a1)
{
	return hcall_palacios_result(
		kind, nr, hcall_palacios_call2_on(c, nr, a0, a1).rax);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke3_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			  uint64_t a0, uint64_t a1, uint64_t a2)
{
	return hcall_palacios_result(
		kind, nr, hcall_palacios_call3_on(c, nr, a0, a1, a2).rax);
}
HCALL_INLINE struct hcall_result
hcall_palacios_invoke4_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			  uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return hcall_palacios_result(
		kind, nr, hcall_palacios_call4_on(c, nr, a0, a1, a2, a3).rax);
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
 * The typed calls, one per table row (OK when rax still holds the number
 * or is 0; -1 = E_FAILED: unregistered, or the handler's own -1. A
 * handler that fails otherwise stops the VM: no result comes back):
 *   hcall_palacios_test(void)              writes rbx..rsi, rdi (see
 *                                          HCALL_PALACIOS_TEST_*; read
 *                                          them with hcall_palacios_call0)
 *   hcall_palacios_symcall_ret(void)
 *   hcall_palacios_symcall_err(error)
 *   hcall_palacios_symmod_syms(symtab_gva, count)
 *   hcall_palacios_guest_info(void)
 *   hcall_palacios_telemetry(void)
 *   hcall_palacios_os_debug(msg_addr, msg_len, addr_is_va)
 * and the same with an _on suffix taking the conduit first.
 */
HCALL_PALACIOS_CALLS(HCALL_WRAPPER)
HCALL_PALACIOS_CALLS(HCALL_X86_WRAPPER_ON)

/* A result whose value is a register other than rax, on success. */
HCALL_INLINE struct hcall_result hcall_palacios__with(uint64_t nr, uint64_t rax,
						      uint64_t value)
{
	struct hcall_result r = hcall_palacios_result(HCALL_RK_STATUS, nr, rax);
	if (r.status == HCALL_OK)
		r.value = value;
	return r;
}

/* The CUSTOM rows: each with an _on form (conduit first) and a form with
 * the compile-time conduit. */

/*
 * hcall_palacios_mem_offset - MEM_OFFSET (0x1000): value = rbx, the host
 * address of the guest's memory base. At the pinned commit the handler
 * fails (its rbx write is commented out), which Palacios turns into a
 * VM-level error; older Palacios answered here.
 */
HCALL_INLINE struct hcall_result
hcall_palacios_mem_offset_on(enum hcall_x86_conduit conduit)
{
	struct hcall_palacios_ret ret =
		hcall_palacios_call0_on(conduit, HCALL_PALACIOS_MEM_OFFSET);
	return hcall_palacios__with(HCALL_PALACIOS_MEM_OFFSET, ret.rax, ret.rbx);
}
HCALL_INLINE struct hcall_result hcall_palacios_mem_offset(void)
{
	return hcall_palacios_mem_offset_on(HCALL_X86_PALACIOS_CONDUIT);
}

/*
 * hcall_palacios_time_cpufreq - TIME_CPUFREQ (0xd000): value = the guest's
 * CPU frequency in kHz, which Palacios writes to rbx (vmm_time.c; the
 * comment in hcall_id_t says rcx, the code has always written rbx).
 */
HCALL_INLINE struct hcall_result
hcall_palacios_time_cpufreq_on(enum hcall_x86_conduit conduit)
{
	struct hcall_palacios_ret ret =
		hcall_palacios_call0_on(conduit, HCALL_PALACIOS_TIME_CPUFREQ);
	return hcall_palacios__with(HCALL_PALACIOS_TIME_CPUFREQ, ret.rax, ret.rbx);
}
HCALL_INLINE struct hcall_result hcall_palacios_time_cpufreq(void)
{
	return hcall_palacios_time_cpufreq_on(HCALL_X86_PALACIOS_CONDUIT);
}

/* hcall_palacios_time_rdhtsc - TIME_RDHTSC (0xd001): value = the host's
 * time stamp counter, in rbx. */
HCALL_INLINE struct hcall_result
hcall_palacios_time_rdhtsc_on(enum hcall_x86_conduit conduit)
{
	struct hcall_palacios_ret ret =
		hcall_palacios_call0_on(conduit, HCALL_PALACIOS_TIME_RDHTSC);
	return hcall_palacios__with(HCALL_PALACIOS_TIME_RDHTSC, ret.rax, ret.rbx);
}
HCALL_INLINE struct hcall_result hcall_palacios_time_rdhtsc(void)
{
	return hcall_palacios_time_rdhtsc_on(HCALL_X86_PALACIOS_CONDUIT);
}

/* hcall_palacios_balloon_start - BALLOON_START (0xba00): the balloon's
 * target size goes in rcx (rbx is not read). */
HCALL_INLINE struct hcall_result
hcall_palacios_balloon_start_on(enum hcall_x86_conduit conduit, uint64_t target)
{
	struct hcall_palacios_ret ret = hcall_palacios_call2_on(
		conduit, HCALL_PALACIOS_BALLOON_START, 0, target);
	return hcall_palacios_result(HCALL_RK_STATUS, HCALL_PALACIOS_BALLOON_START,
				     ret.rax);
}
HCALL_INLINE struct hcall_result hcall_palacios_balloon_start(uint64_t target)
{
	return hcall_palacios_balloon_start_on(HCALL_X86_PALACIOS_CONDUIT, target);
}

/* hcall_palacios_balloon_query - BALLOON_QUERY (0xba01): value = requested
 * pages (rcx); *allocated (may be NULL) = allocated pages (rdx). */
HCALL_INLINE struct hcall_result
hcall_palacios_balloon_query_on(enum hcall_x86_conduit conduit,
				uint64_t *allocated)
{
	struct hcall_palacios_ret ret =
		hcall_palacios_call0_on(conduit, HCALL_PALACIOS_BALLOON_QUERY);
	struct hcall_result r =
		hcall_palacios__with(HCALL_PALACIOS_BALLOON_QUERY, ret.rax, ret.rcx);
	if (allocated)
		*allocated = r.status == HCALL_OK ? ret.rdx : 0;
	return r;
}
HCALL_INLINE struct hcall_result hcall_palacios_balloon_query(uint64_t *allocated)
{
	return hcall_palacios_balloon_query_on(HCALL_X86_PALACIOS_CONDUIT, allocated);
}

/*
 * hcall_palacios_hvm - HVM (0xf00d): rbx = HCALL_PALACIOS_HVM_64BIT,
 * rcx = cmd, rdx = a2, rsi = a3. The handler writes rax: -1 is failure
 * (E_FAILED), anything else success with value = rax (0 for most
 * commands; "get HRT state", 0xf, returns the state).
 */
HCALL_INLINE struct hcall_result
hcall_palacios_hvm_on(enum hcall_x86_conduit conduit, uint64_t cmd, uint64_t a2,
		      uint64_t a3)
{
	struct hcall_palacios_ret ret = hcall_palacios_call4_on(
		conduit, HCALL_PALACIOS_HVM, HCALL_PALACIOS_HVM_64BIT, cmd, a2, a3);
	return hcall_result_from_reg(HCALL_RK_VALUE,
				     ret.rax == HCALL_PALACIOS_HVM ? 0 : (int64_t)ret.rax,
				     hcall_map_palacios_error);
}
HCALL_INLINE struct hcall_result hcall_palacios_hvm(uint64_t cmd, uint64_t a2,
						    uint64_t a3)
{
	return hcall_palacios_hvm_on(HCALL_X86_PALACIOS_CONDUIT, cmd, a2, a3);
}

/*
 * hcall_palacios_vnet_header_query - VNET_HEADER_QUERY (0xe000): copy up
 * to header_len bytes of the VNET header for (src_mac_gva, dst_mac_gva),
 * 6-byte MACs at guest-virtual addresses, to header_gva; recv selects the
 * receive side. rcx, rdx, rsi, rdi, r8 carry them (not rbx); the handler
 * writes rax = 0 or -1.
 */
HCALL_INLINE struct hcall_result hcall_palacios_vnet_header_query_on(
	enum hcall_x86_conduit conduit, uint64_t src_mac_gva, uint64_t dst_mac_gva,
	uint64_t header_gva, uint64_t header_len, uint64_t recv)
{
#if HCALL_SIM
	struct hcall_regs f = { { 0 } };

	f.r[HCALL_REG_IDX(HCALL_X86_RAX)] = HCALL_PALACIOS_VNET_HEADER_QUERY;
	f.r[HCALL_REG_IDX(HCALL_X86_RCX)] = src_mac_gva;
	f.r[HCALL_REG_IDX(HCALL_X86_RDX)] = dst_mac_gva;
	f.r[HCALL_REG_IDX(HCALL_X86_RSI)] = header_gva;
	f.r[HCALL_REG_IDX(HCALL_X86_RDI)] = header_len;
	f.r[HCALL_REG_IDX(HCALL_X86_R8)] = recv;
	hcall_sim_trap((enum hcall_trap)conduit, 0, &f);
	return hcall_palacios_result(HCALL_RK_STATUS, HCALL_PALACIOS_VNET_HEADER_QUERY,
				     f.r[HCALL_REG_IDX(HCALL_X86_RAX)]);
#else
	register uint64_t r_ax __asm__("rax") = HCALL_PALACIOS_VNET_HEADER_QUERY;
	register uint64_t r_bx __asm__("rbx");
	register uint64_t r_cx __asm__("rcx") = src_mac_gva;
	register uint64_t r_dx __asm__("rdx") = dst_mac_gva;
	register uint64_t r_si __asm__("rsi") = header_gva;
	register uint64_t r_di __asm__("rdi") = header_len;
	register uint64_t r_8 __asm__("r8") = recv;
	HCALL__X86_TRAP(conduit, : "+r"(r_ax), "=r"(r_bx), "+r"(r_cx), "+r"(r_dx),
				   "+r"(r_si), "+r"(r_di)
				 : "r"(r_8)
				 : "memory");
	(void)r_bx;
	return hcall_palacios_result(HCALL_RK_STATUS, HCALL_PALACIOS_VNET_HEADER_QUERY,
				     r_ax);
#endif
}
HCALL_INLINE struct hcall_result
hcall_palacios_vnet_header_query(uint64_t src_mac_gva, uint64_t dst_mac_gva,
				 uint64_t header_gva, uint64_t header_len,
				 uint64_t recv)
{
	return hcall_palacios_vnet_header_query_on(HCALL_X86_PALACIOS_CONDUIT, src_mac_gva, dst_mac_gva,
				  header_gva, header_len, recv);
}

HCALL_END_DECLS

#endif /* HCALL_PALACIOS_H */
