/* SPDX-License-Identifier: MIT */
/*
 * hcall/acrn.h - guest calls into the ACRN hypervisor (x86_64).
 *
 * VMCALL, always; r8 = hypercall ID, rdi = param1, rsi = param2;
 * rax = result (0 or a negated errno; -1 is ACRN's usual failure).
 * Only rax is changed, except by the calls that switch worlds, whose
 * wrappers below declare the registers the other side writes.
 * Only ring 0 of the Service VM (or of a Trusty/TEE VM, for their calls)
 * may call; another VM gets #UD, ring 3 gets #GP(0).
 *
 * Pinned to ACRN v3.3; the table, IDs, register roles, errors and
 * guest-memory structures are in <hcall/abi/acrn.h>.
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
 * The typed calls, one per table row (errors: HCALL_ACRN_ERRORS; the
 * summaries in <hcall/abi/acrn.h> say what each does). Addresses are
 * guest-physical. Most failures are a bare -1 (HCALL_E_FAILED);
 * -EINVAL: a GPA the hypervisor could not copy from or to, or a bad
 * parameter; -ENOTTY: unknown, not permitted, or no such vmid.
 *
 *   create_vm(creation_gpa)   0 also when no VM was created: check with
 *                             hcall_acrn_create_vm_result()
 *   set_ioreq_buffer(vmid, buffer_ptr_gpa)
 *                             buffer_ptr_gpa is the GPA of a uint64_t that
 *                             holds the request page's GPA, not the page's
 *                             (Linux: virt_to_phys(&page_gpa))
 *   set_irqline(vmid, hcall_acrn_irqline(gsi, op))   a value, not a GPA
 */
HCALL_ACRN_CALLS(HCALL_WRAPPER)

/*
 * hcall_acrn_create_vm_result - the outcome of CREATE_VM: r as it came
 * back, except that a success whose vmid (read back from the structure the
 * hypervisor wrote) is HCALL_ACRN_INVALID_VMID becomes HCALL_E_FAILED with
 * code -1: ACRN answers 0 when the configuration was found but the VM
 * could not be created, and marks it only in vmid (Linux checks the same).
 */
HCALL_INLINE struct hcall_result
hcall_acrn_create_vm_result(struct hcall_result r,
			    const volatile struct hcall_acrn_vm_creation *cv)
{
	if (hcall_ok(r) && cv->vmid == HCALL_ACRN_INVALID_VMID) {
		r.status = HCALL_E_FAILED;
		r.code = -1;
	}
	return r;
}

/* ---- the calls that switch worlds ------------------------------------- */

/*
 * The registers a Trusty world switch carries: ACRN copies rdi, rsi, rdx
 * and rbx of the world that calls into the world that resumes.
 */
struct hcall_acrn_world_regs {
	uint64_t rdi, rsi, rdx, rbx;
};

/*
 * The registers a TEE/REE switch carries (ACRN's optee.c): REE -> TEE
 * copies rax, rcx, rdx, rbx, rsi and rdi; TEE -> REE copies rdi, rsi, rdx
 * and rbx (the REE's rax is the call's status, its rcx unchanged).
 */
struct hcall_acrn_ee_regs {
	uint64_t rax, rcx, rdx, rbx, rsi, rdi;
};

#if HCALL_SIM
HCALL_INLINE void hcall_acrn__sim_regs(uint64_t id, uint64_t *rax,
				       uint64_t *rcx, uint64_t *rdx,
				       uint64_t *rbx, uint64_t *rsi,
				       uint64_t *rdi)
{
	struct hcall_regs f = { { 0 } };
	f.r[HCALL_REG_IDX(HCALL_ACRN_REG_ID)] = id;
	f.r[HCALL_REG_IDX(HCALL_X86_RAX)] = *rax;
	f.r[HCALL_REG_IDX(HCALL_X86_RCX)] = *rcx;
	f.r[HCALL_REG_IDX(HCALL_X86_RDX)] = *rdx;
	f.r[HCALL_REG_IDX(HCALL_X86_RBX)] = *rbx;
	f.r[HCALL_REG_IDX(HCALL_X86_RSI)] = *rsi;
	f.r[HCALL_REG_IDX(HCALL_X86_RDI)] = *rdi;
	hcall_sim_trap(HCALL_TRAP_VMCALL, 0, &f);
	*rax = f.r[HCALL_REG_IDX(HCALL_X86_RAX)];
	*rcx = f.r[HCALL_REG_IDX(HCALL_X86_RCX)];
	*rdx = f.r[HCALL_REG_IDX(HCALL_X86_RDX)];
	*rbx = f.r[HCALL_REG_IDX(HCALL_X86_RBX)];
	*rsi = f.r[HCALL_REG_IDX(HCALL_X86_RSI)];
	*rdi = f.r[HCALL_REG_IDX(HCALL_X86_RDI)];
}
#endif

/*
 * hcall_acrn__world_call - VMCALL `id` with rdi, rsi, rdx, rbx from *regs
 * (rdi is param1), and store what the other world left in them. rax is
 * the result. Every register the switch can change is an operand, so the
 * compiler keeps nothing live in them across the call.
 */
HCALL_INLINE uint64_t hcall_acrn__world_call(uint64_t id,
					     struct hcall_acrn_world_regs *regs)
{
#if HCALL_SIM
	uint64_t rax = 0, rcx = 0;

	hcall_acrn__sim_regs(id, &rax, &rcx, &regs->rdx, &regs->rbx,
			     &regs->rsi, &regs->rdi);
	return rax;
#else
	register uint64_t r_id __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_ID)) = id;
	register uint64_t r_ret __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_RET));
	register uint64_t r_di __asm__("rdi") = regs->rdi;
	register uint64_t r_si __asm__("rsi") = regs->rsi;
	register uint64_t r_dx __asm__("rdx") = regs->rdx;
	register uint64_t r_bx __asm__("rbx") = regs->rbx;
	__asm__ __volatile__("vmcall"
			     : "=r"(r_ret), "+r"(r_di), "+r"(r_si), "+r"(r_dx),
			       "+r"(r_bx)
			     : "r"(r_id)
			     : "memory");
	regs->rdi = r_di;
	regs->rsi = r_si;
	regs->rdx = r_dx;
	regs->rbx = r_bx;
	return r_ret;
#endif
}

/*
 * hcall_acrn_world_switch - WORLD_SWITCH: switch to the other Trusty
 * world. regs (may be NULL: zeros sent, nothing kept) goes out in rdi,
 * rsi, rdx, rbx and receives what the other world passed when it
 * switched back. OK, or -EPERM (-1) when the secure world is not
 * initialised; -ENOTTY from a VM without the secure world.
 */
HCALL_INLINE struct hcall_result
hcall_acrn_world_switch(struct hcall_acrn_world_regs *regs)
{
	struct hcall_acrn_world_regs none = { 0, 0, 0, 0 };

	return hcall_acrn_result(HCALL_RK_STATUS,
				 hcall_acrn__world_call(HCALL_ACRN_WORLD_SWITCH,
							regs ? regs : &none));
}

/*
 * hcall_acrn_initialize_trusty - INITIALIZE_TRUSTY: start the secure
 * world from the struct hcall_acrn_trusty_boot_param at boot_param_gpa.
 * On success the call returns only when the secure world first switches
 * back, with its rdi, rsi, rdx, rbx, stored in *out (may be NULL).
 * -EPERM (-1): already initialised or not the normal world; -EFAULT: the
 * parameters could not be read or used.
 */
HCALL_INLINE struct hcall_result
hcall_acrn_initialize_trusty(uint64_t boot_param_gpa,
			     struct hcall_acrn_world_regs *out)
{
	struct hcall_acrn_world_regs regs = { boot_param_gpa, 0, 0, 0 };
	uint64_t rax = hcall_acrn__world_call(HCALL_ACRN_INITIALIZE_TRUSTY, &regs);

	if (out)
		*out = regs;
	return hcall_acrn_result(HCALL_RK_STATUS, rax);
}

/* VMCALL `id` with all six registers of *regs in and out. */
HCALL_INLINE void hcall_acrn__ee_call(uint64_t id, struct hcall_acrn_ee_regs *regs)
{
#if HCALL_SIM
	hcall_acrn__sim_regs(id, &regs->rax, &regs->rcx, &regs->rdx,
			     &regs->rbx, &regs->rsi, &regs->rdi);
#else
	register uint64_t r_id __asm__(HCALL_REG_NAME(HCALL_ACRN_REG_ID)) = id;
	register uint64_t r_ax __asm__("rax") = regs->rax;
	register uint64_t r_cx __asm__("rcx") = regs->rcx;
	register uint64_t r_dx __asm__("rdx") = regs->rdx;
	register uint64_t r_bx __asm__("rbx") = regs->rbx;
	register uint64_t r_si __asm__("rsi") = regs->rsi;
	register uint64_t r_di __asm__("rdi") = regs->rdi;
	__asm__ __volatile__("vmcall"
			     : "+r"(r_ax), "+r"(r_cx), "+r"(r_dx), "+r"(r_bx),
			       "+r"(r_si), "+r"(r_di)
			     : "r"(r_id)
			     : "memory");
	regs->rax = r_ax;
	regs->rcx = r_cx;
	regs->rdx = r_dx;
	regs->rbx = r_bx;
	regs->rsi = r_si;
	regs->rdi = r_di;
#endif
}

/*
 * hcall_acrn_switch_ee - SWITCH_EE, from the REE or the TEE VM: *regs goes
 * out in rax, rcx, rdx, rbx, rsi, rdi and comes back with what the other
 * side passed. The result is rax read as a status, which is what it is
 * in the REE (0, or -EINVAL with no TEE vCPU on this CPU); in the TEE,
 * rax holds the REE's rax and the status means nothing.
 */
HCALL_INLINE struct hcall_result hcall_acrn_switch_ee(struct hcall_acrn_ee_regs *regs)
{
	hcall_acrn__ee_call(HCALL_ACRN_SWITCH_EE, regs);
	return hcall_acrn_result(HCALL_RK_STATUS, regs->rax);
}

/*
 * hcall_acrn_tee_vcpu_boot_done - TEE_VCPU_BOOT_DONE: this TEE vCPU has
 * booted (start_ree 1 also starts the REE VM). The vCPU sleeps until the
 * REE switches to it; the call then returns with the REE's registers in
 * *out (may be NULL).
 */
HCALL_INLINE void hcall_acrn_tee_vcpu_boot_done(uint64_t start_ree,
						struct hcall_acrn_ee_regs *out)
{
	struct hcall_acrn_ee_regs regs = { 0, 0, 0, 0, 0, start_ree };

	hcall_acrn__ee_call(HCALL_ACRN_TEE_VCPU_BOOT_DONE, &regs);
	if (out)
		*out = regs;
}

HCALL_END_DECLS

#endif /* HCALL_ACRN_H */
