/* SPDX-License-Identifier: MIT */
/*
 * hcall/jailhouse.h - guest (cell) calls into the Jailhouse hypervisor.
 *
 * arm64:   hvc #0x4a48; x0 = code, x1 = arg0, x2 = arg1; x0 = result.
 *          x1, x2 and x3 are declared changed, as Jailhouse's own header
 *          declares them.
 * x86_64:  VMCALL or VMMCALL (the same choice as KVM's, <hcall/arch/x86.h>);
 *          rax = code, rdi = arg0, rsi = arg1; rax = result. Only rax is
 *          changed. From CPL > 0: -EPERM.
 *
 * The table, codes, register roles and errors are in <hcall/abi/jailhouse.h>.
 * Results are a value >= 0 or a negated errno. On x86 each call also
 * comes as hcall_jailhouse_<name>_on(conduit, args).
 */
#ifndef HCALL_JAILHOUSE_H
#define HCALL_JAILHOUSE_H

#include <hcall/abi/jailhouse.h>
#include <hcall/transport.h>

#if !HCALL_TARGET_ARM64 && !HCALL_TARGET_X86_64
#error "hcall/jailhouse.h: Jailhouse hypercalls exist only on arm64 (hvc #0x4a48) and x86_64 (VMCALL/VMMCALL); use HCALL_TRANSPORT_SIM to test them elsewhere"
#endif

#if HCALL_TARGET_X86_64
#include <hcall/arch/x86.h>
/* The compile-time conduit: KVM's (HCALL_X86_VMCALL / HCALL_X86_VMMCALL,
 * VMCALL by default). */
#define HCALL_X86_JAILHOUSE_CONDUIT HCALL_X86_KVM_CONDUIT
#endif

HCALL_BEGIN_DECLS

#if HCALL_TARGET_ARM64
/*
 * hcall_jailhouse_call - raw call: code and two arguments; returns the
 * result register untouched.
 */
HCALL_INLINE uint64_t hcall_jailhouse_call(uint64_t code, uint64_t arg0,
					   uint64_t arg1)
{
#if HCALL_SIM
	struct hcall_regs f = { { 0 } };

	f.r[HCALL_REG_IDX(HCALL_JAILHOUSE_ARM64_REG_CODE)] = code;
	f.r[HCALL_REG_IDX(HCALL_JAILHOUSE_ARM64_REG_ARG0)] = arg0;
	f.r[HCALL_REG_IDX(HCALL_JAILHOUSE_ARM64_REG_ARG1)] = arg1;
	hcall_sim_trap(HCALL_TRAP_HVC, HCALL_JAILHOUSE_ARM64_IMM, &f);
	return f.r[HCALL_REG_IDX(HCALL_JAILHOUSE_ARM64_REG_RET)];
#else
	register uint64_t r_code __asm__(HCALL_REG_NAME(HCALL_JAILHOUSE_ARM64_REG_CODE)) = code;
	register uint64_t r_arg0 __asm__(HCALL_REG_NAME(HCALL_JAILHOUSE_ARM64_REG_ARG0)) = arg0;
	register uint64_t r_arg1 __asm__(HCALL_REG_NAME(HCALL_JAILHOUSE_ARM64_REG_ARG1)) = arg1;

	__asm__ __volatile__("hvc #" HCALL_STR(HCALL_JAILHOUSE_ARM64_IMM)
			     : "+r"(r_code), "+r"(r_arg0), "+r"(r_arg1)
			     :
			     : "x3", "memory");
	return r_code;
#endif
}

#define HCALL__JAILHOUSE_RAW(code, a0, a1) hcall_jailhouse_call(code, a0, a1)
#else
/*
 * hcall_jailhouse_call_on - raw call through `conduit`: code and two
 * arguments; returns rax untouched. hcall_jailhouse_call uses the
 * compile-time conduit.
 */
HCALL_INLINE uint64_t hcall_jailhouse_call_on(enum hcall_x86_conduit conduit,
					      uint64_t code, uint64_t arg0,
					      uint64_t arg1)
{
#if HCALL_SIM
	struct hcall_regs f = { { 0 } };

	f.r[HCALL_REG_IDX(HCALL_JAILHOUSE_X86_REG_CODE)] = code;
	f.r[HCALL_REG_IDX(HCALL_JAILHOUSE_X86_REG_ARG0)] = arg0;
	f.r[HCALL_REG_IDX(HCALL_JAILHOUSE_X86_REG_ARG1)] = arg1;
	hcall_sim_trap((enum hcall_trap)conduit, 0, &f);
	return f.r[HCALL_REG_IDX(HCALL_JAILHOUSE_X86_REG_RET)];
#else
	register uint64_t r_code __asm__(HCALL_REG_NAME(HCALL_JAILHOUSE_X86_REG_CODE)) = code;
	register uint64_t r_arg0 __asm__(HCALL_REG_NAME(HCALL_JAILHOUSE_X86_REG_ARG0)) = arg0;
	register uint64_t r_arg1 __asm__(HCALL_REG_NAME(HCALL_JAILHOUSE_X86_REG_ARG1)) = arg1;

	HCALL__X86_TRAP(conduit, : "+r"(r_code) : "r"(r_arg0), "r"(r_arg1) : "memory");
	return r_code;
#endif
}

HCALL_INLINE uint64_t hcall_jailhouse_call(uint64_t code, uint64_t arg0,
					   uint64_t arg1)
{
	return hcall_jailhouse_call_on(HCALL_X86_JAILHOUSE_CONDUIT, code, arg0, arg1);
}

#define HCALL__JAILHOUSE_RAW(code, a0, a1) hcall_jailhouse_call(code, a0, a1)
#endif

/* Map the result register to a typed result. */
HCALL_INLINE struct hcall_result hcall_jailhouse_result(int kind, uint64_t ret)
{
	return hcall_result_from_reg(kind, (int64_t)ret, hcall_map_jailhouse_error);
}

/* The entry points the generated wrappers use (unused arguments are 0). */
HCALL_INLINE struct hcall_result hcall_jailhouse_invoke0(uint64_t code, int kind)
{
	return hcall_jailhouse_result(kind, HCALL__JAILHOUSE_RAW(code, 0, 0));
}
HCALL_INLINE struct hcall_result hcall_jailhouse_invoke1(uint64_t code, int kind,
							 uint64_t a0)
{
	return hcall_jailhouse_result(kind, HCALL__JAILHOUSE_RAW(code, a0, 0));
}
HCALL_INLINE struct hcall_result hcall_jailhouse_invoke2(uint64_t code, int kind,
							 uint64_t a0, uint64_t a1)
{
	return hcall_jailhouse_result(kind, HCALL__JAILHOUSE_RAW(code, a0, a1));
}

#if HCALL_TARGET_X86_64
HCALL_INLINE struct hcall_result
hcall_jailhouse_invoke0_on(enum hcall_x86_conduit c, uint64_t code, int kind)
{
	return hcall_jailhouse_result(kind, hcall_jailhouse_call_on(c, code, 0, 0));
}
HCALL_INLINE struct hcall_result
hcall_jailhouse_invoke1_on(enum hcall_x86_conduit c, uint64_t code, int kind,
			   uint64_t a0)
{
	return hcall_jailhouse_result(kind, hcall_jailhouse_call_on(c, code, a0, 0));
}
HCALL_INLINE struct hcall_result
hcall_jailhouse_invoke2_on(enum hcall_x86_conduit c, uint64_t code, int kind,
			   uint64_t a0, uint64_t a1)
{
	return hcall_jailhouse_result(kind, hcall_jailhouse_call_on(c, code, a0, a1));
}
#endif

/*
 * The typed calls, one per table row (errors: HCALL_JAILHOUSE_ERRORS):
 *   hcall_jailhouse_disable(void)                    root cell only
 *   hcall_jailhouse_cell_create(config_addr)         root cell only
 *   hcall_jailhouse_cell_start(cell_id)              root cell only
 *   hcall_jailhouse_cell_set_loadable(cell_id)       root cell only
 *   hcall_jailhouse_cell_destroy(cell_id)            root cell only
 *   hcall_jailhouse_hypervisor_get_info(type)        value = the figure
 *   hcall_jailhouse_cell_get_state(cell_id)          value = the state
 *   hcall_jailhouse_cpu_get_info(cpu_id, type)       value = state or count
 *   hcall_jailhouse_debug_console_putc(c)
 */
HCALL_JAILHOUSE_CALLS(HCALL_WRAPPER)
#if HCALL_TARGET_X86_64
HCALL_JAILHOUSE_CALLS(HCALL_X86_WRAPPER_ON)
#endif

HCALL_END_DECLS

#endif /* HCALL_JAILHOUSE_H */
