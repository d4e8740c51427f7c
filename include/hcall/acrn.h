/* SPDX-License-Identifier: MIT */
/*
 * hcall/acrn.h - guest calls into the ACRN hypervisor (x86_64).
 *
 * VMCALL, always; r8 = hypercall ID, rdi = param1, rsi = param2;
 * rax = result (0 or a negated errno). Only rax is changed.
 * Only ring 0 of the Service VM (or of a Trusty-enabled VM, for the Trusty
 * calls) may call; another VM gets #UD, ring 3 gets #GP(0).
 *
 * The table, IDs, register roles, errors and guest-memory structures are
 * in <hcall/abi/acrn.h>.
 */
#ifndef HCALL_ACRN_H
#define HCALL_ACRN_H

#include <hcall/abi/acrn.h>
#include <hcall/transport.h>

#if !HCALL_TARGET_X86_64
#error "hcall/acrn.h: ACRN hypercalls (VMCALL, id in r8) exist only on x86_64; use HCALL_TRANSPORT_SIM with HCALL_SIM_ARCH=1 to test them elsewhere"
#endif

#include <hcall/arch/x86.h>

HCALL_BEGIN_DECLS

#if HCALL_SIM
HCALL_INLINE uint64_t hcall_acrn__sim(uint64_t id, unsigned n, uint64_t p1,
				      uint64_t p2)
{
	struct hcall_regs f = { { 0 } };
	f.r[HCALL_REG_IDX(HCALL_ACRN_REG_ID)] = id;
	if (n > 0)
		f.r[HCALL_REG_IDX(HCALL_ACRN_REG_ARG0)] = p1;
	if (n > 1)
		f.r[HCALL_REG_IDX(HCALL_ACRN_REG_ARG1)] = p2;
	hcall_sim_trap(HCALL_TRAP_VMCALL, 0, &f);
	return f.r[HCALL_REG_IDX(HCALL_ACRN_REG_RET)];
}
#endif

/*
 * hcall_acrn_call<N> - raw ACRN hypercall with N parameters. Sets r8 and
 * the first N of rdi, rsi; returns rax as it is.
 */
HCALL_INLINE uint64_t hcall_acrn_call0(uint64_t id)
{
#if HCALL_SIM
	return hcall_acrn__sim(id, 0, 0, 0);
#else
	register uint64_t r_id __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_ID)) = id;
	register uint64_t r_ret __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_RET));
	__asm__ __volatile__("vmcall" : "=r"(r_ret) : "r"(r_id) : "memory");
	return r_ret;
#endif
}

HCALL_INLINE uint64_t hcall_acrn_call1(uint64_t id, uint64_t p1)
{
#if HCALL_SIM
	return hcall_acrn__sim(id, 1, p1, 0);
#else
	register uint64_t r_id __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_ID)) = id;
	register uint64_t r_p1 __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_ARG0)) = p1;
	register uint64_t r_ret __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_RET));
	__asm__ __volatile__("vmcall"
			     : "=r"(r_ret)
			     : "r"(r_id), "r"(r_p1)
			     : "memory");
	return r_ret;
#endif
}

HCALL_INLINE uint64_t hcall_acrn_call2(uint64_t id, uint64_t p1, uint64_t p2)
{
#if HCALL_SIM
	return hcall_acrn__sim(id, 2, p1, p2);
#else
	register uint64_t r_id __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_ID)) = id;
	register uint64_t r_p1 __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_ARG0)) = p1;
	register uint64_t r_p2 __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_ARG1)) = p2;
	register uint64_t r_ret __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_RET));
	__asm__ __volatile__("vmcall"
			     : "=r"(r_ret)
			     : "r"(r_id), "r"(r_p1), "r"(r_p2)
			     : "memory");
	return r_ret;
#endif
}

/* Map rax to a typed result. */
HCALL_INLINE struct hcall_result hcall_acrn_result(int kind, uint64_t rax)
{
	return hcall_result_from_reg(kind, (int64_t)rax, hcall_map_acrn_error);
}

/* The entry points the generated wrappers use. */
HCALL_INLINE struct hcall_result hcall_acrn_invoke0(uint64_t id, int kind)
{
	return hcall_acrn_result(kind, hcall_acrn_call0(id));
}
HCALL_INLINE struct hcall_result hcall_acrn_invoke1(uint64_t id, int kind,
						    uint64_t p1)
{
	return hcall_acrn_result(kind, hcall_acrn_call1(id, p1));
}
HCALL_INLINE struct hcall_result hcall_acrn_invoke2(uint64_t id, int kind,
						    uint64_t p1, uint64_t p2)
{
	return hcall_acrn_result(kind, hcall_acrn_call2(id, p1, p2));
}

/*
 * The typed calls, one per table row (errors: HCALL_ACRN_ERRORS):
 *   Service VM:  get_api_version(version_gpa), service_vm_offline_cpu(lapic_id),
 *                set_callback_vector(vector), create_vm(creation_gpa),
 *                destroy_vm(vmid), start_vm(vmid), pause_vm(vmid),
 *                reset_vm(vmid), inject_msi(vmid, msi_gpa),
 *                set_irqline(vmid, hcall_acrn_irqline(gsi, op)),
 *                set_ioreq_buffer(vmid, buffer_gpa),
 *                notify_request_finish(vmid, vcpu_id),
 *                vm_set_memory_regions(regions_gpa)
 *   Trusty VM:   initialize_trusty(boot_param_gpa), world_switch(void),
 *                save_restore_sworld_ctx(void)
 * Addresses are guest-physical. -EFAULT: a structure the hypervisor could
 * not read or write; -EINVAL: bad id or parameter (and, in ACRN <= 2.x,
 * a call this VM may not make); -ENOTTY: a call this VM may not make
 * (current ACRN); -ENOMEM, -EBUSY, -ENODEV: as named.
 */
HCALL_ACRN_CALLS(HCALL_WRAPPER)

HCALL_END_DECLS

#endif /* HCALL_ACRN_H */
