/* SPDX-License-Identifier: MIT */
/*
 * hcall/hvisor.h - guest calls into an hvisor-compatible hypervisor.
 *
 * arm64:  hvc #0x4856; x0 = code, x1 = arg0, x2 = arg1; x0 = result.
 *         Only x0 is changed.
 * riscv:  ecall; a7 = 0x114514, a0 = code, a1 = arg0, a2 = arg1;
 *         a0 = error, a1 = value. Only a0 and a1 are changed.
 *
 * The table, numbers, register roles and errors are in <hcall/abi/hvisor.h>.
 */
#ifndef HCALL_HVISOR_H
#define HCALL_HVISOR_H

#include <hcall/abi/hvisor.h>
#include <hcall/transport.h>

#if !HCALL_TARGET_ARM64 && !HCALL_TARGET_RISCV64
#error "hcall/hvisor.h: hvisor hypercalls exist only on arm64 (hvc #0x4856) and riscv64 (ecall); use HCALL_TRANSPORT_SIM to test them elsewhere"
#endif

HCALL_BEGIN_DECLS

/* The raw result registers of one hvisor call. On arm64 `error` and `value`
 * both hold x0; on riscv they are a0 and a1. */
struct hcall_hvisor_ret {
	uint64_t error;
	uint64_t value;
};

/*
 * hcall_hvisor_call - raw hvisor call with code and two arguments.
 * Registers as in the file comment. Returns the raw result registers;
 * no error mapping is done.
 */
HCALL_INLINE struct hcall_hvisor_ret hcall_hvisor_call(uint64_t code,
							uint64_t arg0,
							uint64_t arg1)
{
	struct hcall_hvisor_ret ret;
#if HCALL_SIM
	struct hcall_regs f = { { 0 } };
#if HCALL_TARGET_ARM64
	f.r[HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_CODE)] = code;
	f.r[HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_ARG0)] = arg0;
	f.r[HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_ARG1)] = arg1;
	hcall_sim_trap(HCALL_TRAP_HVC, HCALL_HVISOR_ARM64_IMM, &f);
	ret.error = ret.value = f.r[HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_RET)];
#else
	f.r[HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_EID)] = HCALL_HVISOR_RISCV_EID;
	f.r[HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_CODE)] = code;
	f.r[HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_ARG0)] = arg0;
	f.r[HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_ARG1)] = arg1;
	hcall_sim_trap(HCALL_TRAP_ECALL, 0, &f);
	ret.error = f.r[HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_ERR)];
	ret.value = f.r[HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_VAL)];
#endif
#elif HCALL_TARGET_ARM64
	register uint64_t r_code __asm__(HCALL_REG_NAME(HCALL_HVISOR_ARM64_REG_CODE)) = code;
	register uint64_t r_arg0 __asm__(HCALL_REG_NAME(HCALL_HVISOR_ARM64_REG_ARG0)) = arg0;
	register uint64_t r_arg1 __asm__(HCALL_REG_NAME(HCALL_HVISOR_ARM64_REG_ARG1)) = arg1;
	/* The result register is the code register (x0). */
	__asm__ __volatile__("hvc #" HCALL_STR(HCALL_HVISOR_ARM64_IMM)
			     : "+r"(r_code)
			     : "r"(r_arg0), "r"(r_arg1)
			     : "memory");
	ret.error = ret.value = r_code;
#else
	register uint64_t r_eid __asm__(HCALL_REG_NAME(HCALL_HVISOR_RISCV_REG_EID)) = HCALL_HVISOR_RISCV_EID;
	register uint64_t r_code __asm__(HCALL_REG_NAME(HCALL_HVISOR_RISCV_REG_CODE)) = code;
	register uint64_t r_arg0 __asm__(HCALL_REG_NAME(HCALL_HVISOR_RISCV_REG_ARG0)) = arg0;
	register uint64_t r_arg1 __asm__(HCALL_REG_NAME(HCALL_HVISOR_RISCV_REG_ARG1)) = arg1;
	/* a0 comes back as the error, a1 as the value. */
	__asm__ __volatile__("ecall"
			     : "+r"(r_code), "+r"(r_arg0)
			     : "r"(r_arg1), "r"(r_eid)
			     : "memory");
	ret.error = r_code;
	ret.value = r_arg0;
#endif
	return ret;
}

/* Map raw registers to a typed result. */
HCALL_INLINE struct hcall_result hcall_hvisor_result(int kind,
						     struct hcall_hvisor_ret ret)
{
#if HCALL_TARGET_ARM64
	return hcall_result_from_reg(kind, (int64_t)ret.value,
				     hcall_map_hvisor_error);
#else
	(void)kind;
	return hcall_result_from_pair((int64_t)ret.error,
				      ret.error ? 0 : ret.value,
				      hcall_map_hvisor_error);
#endif
}

/* The entry points the generated wrappers use; hvisor always passes both
 * argument registers, so unused ones are set to 0. */
HCALL_INLINE struct hcall_result hcall_hvisor_invoke0(uint64_t code, int kind)
{
	return hcall_hvisor_result(kind, hcall_hvisor_call(code, 0, 0));
}
HCALL_INLINE struct hcall_result hcall_hvisor_invoke1(uint64_t code, int kind,
						      uint64_t arg0)
{
	return hcall_hvisor_result(kind, hcall_hvisor_call(code, arg0, 0));
}
HCALL_INLINE struct hcall_result hcall_hvisor_invoke2(uint64_t code, int kind,
						      uint64_t arg0,
						      uint64_t arg1)
{
	return hcall_hvisor_result(kind, hcall_hvisor_call(code, arg0, arg1));
}

/*
 * The typed calls, one per table row (errors: see HCALL_HVISOR_ERRORS):
 *   hcall_hvisor_virtio_init(shm_base)          root zone only
 *   hcall_hvisor_virtio_inject_irq(void)        root zone only
 *   hcall_hvisor_zone_start(config_addr, size)  value = new zone id
 *   hcall_hvisor_zone_shutdown(zone_id)
 *   hcall_hvisor_zone_list(info_addr, count)    value = entries written
 *   hcall_hvisor_ivc_info(info_addr)
 * Addresses are guest-physical. -EFAULT: a buffer outside the caller's
 * memory; -EPERM: not the root zone; -EINVAL: bad id or config.
 */
HCALL_HVISOR_CALLS(HCALL_WRAPPER)

HCALL_END_DECLS

#endif /* HCALL_HVISOR_H */
