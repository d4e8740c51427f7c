/* SPDX-License-Identifier: MIT */
/*
 * hcall/hvisor.h - guest calls into an hvisor-compatible hypervisor.
 *
 * arm64:   hvc #0x4856; x0 = code, x1 = arg0, x2 = arg1; x0 = result.
 *          Only x0 is changed.
 * riscv:   ecall; a7 = 0x114514, a0 = code, a1 = arg0, a2 = arg1.
 *          hvisor answers a0 = 0, a1 = value, or a0 = -1 (SBI_ERR_FAILED),
 *          a1 = -errno; any other a0 is the SBI implementation's own error
 *          (-2 NOT_SUPPORTED: no hvisor). Only a0 and a1 are changed.
 * x86_64:  vmcall; rax = code, rdi = arg0, rsi = arg1; rax = result.
 *          Only rax is changed.
 *
 * Finding hvisor. riscv: hcall_hvisor_probe() asks the SBI base extension
 * for EID 0x114514 (hvisor lists it); call it first. arm64 has no probe:
 * an `hvc #0x4856` that no hvisor takes returns x0 = -1 (QEMU's firmware
 * and KVM answer any unknown HVC with SMCCC NOT_SUPPORTED / ~0), which is
 * also hvisor's -EPERM. CONFIG_CHECK tells them apart: hvisor answers it
 * with 0 from every zone, so hcall_hvisor_config_check() reads -1 as
 * HCALL_E_NOT_SUPPORTED, "no hvisor here", not as a denial. x86_64: a
 * vmcall outside a hypervisor raises #UD, and KVM answers rax = 6 with
 * -KVM_ENOSYS (-1000); run it only where a hypervisor is known to exist.
 *
 * The table, numbers, register roles and errors are in <hcall/abi/hvisor.h>.
 */
#ifndef HCALL_HVISOR_H
#define HCALL_HVISOR_H

#include <hcall/abi/hvisor.h>
#include <hcall/transport.h>

#if HCALL_TARGET_RISCV64
#include <hcall/sbi.h>
#endif

HCALL_BEGIN_DECLS

/* The zone_config of the architecture this is compiled for. */
#if HCALL_TARGET_ARM64
typedef struct hcall_hvisor_zone_config_arm64 hcall_hvisor_zone_config_t;
#elif HCALL_TARGET_RISCV64
typedef struct hcall_hvisor_zone_config_riscv64 hcall_hvisor_zone_config_t;
#else
typedef struct hcall_hvisor_zone_config_x86_64 hcall_hvisor_zone_config_t;
#endif

/* The raw result registers of one hvisor call. On arm64 and x86_64
 * `error` and `value` both hold x0 / rax; on riscv they are a0 and a1. */
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
#elif HCALL_TARGET_X86_64
	f.r[HCALL_REG_IDX(HCALL_HVISOR_X86_REG_CODE)] = code;
	f.r[HCALL_REG_IDX(HCALL_HVISOR_X86_REG_ARG0)] = arg0;
	f.r[HCALL_REG_IDX(HCALL_HVISOR_X86_REG_ARG1)] = arg1;
	hcall_sim_trap(HCALL_TRAP_VMCALL, 0, &f);
	ret.error = ret.value = f.r[HCALL_REG_IDX(HCALL_HVISOR_X86_REG_RET)];
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
#elif HCALL_TARGET_X86_64
	register uint64_t r_code __asm__(HCALL_REG_NAME(HCALL_HVISOR_X86_REG_CODE)) = code;
	register uint64_t r_arg0 __asm__(HCALL_REG_NAME(HCALL_HVISOR_X86_REG_ARG0)) = arg0;
	register uint64_t r_arg1 __asm__(HCALL_REG_NAME(HCALL_HVISOR_X86_REG_ARG1)) = arg1;
	/* The result register is the code register (rax). */
	__asm__ __volatile__("vmcall"
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

/*
 * Map raw registers to a typed result. riscv: under a0 = -1 the code is
 * hvisor's errno from a1; under any other non-zero a0 it is that SBI
 * error, read with the SBI error map.
 */
HCALL_INLINE struct hcall_result hcall_hvisor_result(int kind,
						     struct hcall_hvisor_ret ret)
{
#if !HCALL_TARGET_RISCV64
	return hcall_result_from_reg(kind, (int64_t)ret.value,
				     hcall_map_hvisor_error);
#else
	(void)kind;
	if (!ret.error)
		return hcall_result_from_pair(0, ret.value, hcall_map_hvisor_error);
	if ((int64_t)ret.error == HCALL_HVISOR_RISCV_FAILED)
		return hcall_result_from_pair((int64_t)ret.value, 0,
					      hcall_map_hvisor_error);
	return hcall_result_from_pair((int64_t)ret.error, 0, hcall_map_sbi_error);
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
 *   hcall_hvisor_zone_start(config_addr, size)  0; size = sizeof(hcall_hvisor_zone_config_t)
 *   hcall_hvisor_zone_shutdown(zone_id)
 *   hcall_hvisor_zone_list(info_addr, count)    value = entries written
 *   hcall_hvisor_ivc_info(info_addr)
 *   hcall_hvisor_config_check(magic_addr)       below
 *   hcall_hvisor_clear_inject_irq(void)         root zone
 *   hcall_hvisor_virtio_get_irq(irq_addr)       x86_64: writes a u32
 * Addresses are guest-physical. -EFAULT: a buffer outside the caller's
 * memory; -EPERM: not the root zone; -EINVAL: bad id, size or config;
 * -EBUSY: a CPU another zone holds; -ENODEV: no ivc config (ivc_info).
 */
HCALL_HVISOR_CALLS(HCALL_WRAPPER)

/*
 * hcall_hvisor_config_check - have hvisor write its 64-bit zone-config
 * magic to magic_addr (guest-physical). hvisor answers 0 to every zone;
 * compare the magic with HCALL_HVISOR_CONFIG_MAGIC before zone_start, as
 * hvisor-tool does. A result of -1 here comes from whatever took the trap
 * instead of hvisor (see the file comment) and reads HCALL_E_NOT_SUPPORTED;
 * the raw -1 stays in `code`.
 */
HCALL_INLINE struct hcall_result hcall_hvisor_config_check(uint64_t magic_addr)
{
	struct hcall_result r = hcall_hvisor_invoke1(HCALL_HVISOR_CONFIG_CHECK,
						     HCALL_RK_STATUS, magic_addr);

	if (r.code == -1)
		r.status = HCALL_E_NOT_SUPPORTED;
	return r;
}

#if HCALL_TARGET_RISCV64
/* hcall_hvisor_probe - 1 when the SBI implementation lists hvisor's EID. */
HCALL_INLINE int hcall_hvisor_probe(void)
{
	return hcall_sbi_probe(HCALL_HVISOR_RISCV_EID);
}
#endif

HCALL_END_DECLS

#endif /* HCALL_HVISOR_H */
