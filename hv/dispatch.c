/* SPDX-License-Identifier: MIT */
/*
 * hv/dispatch.c - from a trapped frame to a result: decode, policy,
 * lookup, write-back.
 *
 * Decode (which ABI a trap belongs to):
 *   arm64   HVC #0x4856              hvisor
 *           HVC #0 / SMC #0          SMCCC (arch calls, PSCI, KVM vendor)
 *           any other immediate, or a family the VM lacks:
 *                                    x0 = ~0 (SMCCC NOT_SUPPORTED), as KVM
 *                                    answers an HVC with an unknown
 *                                    immediate; nothing else is written
 *   riscv   ecall, a7 = 0x114514     hvisor (if the VM has it, else SBI)
 *           ecall, anything else     SBI, by EID (a7) and FID (a6)
 *   x86     VMCALL / VMMCALL         the VM's one x86 ABI (KVM, ACRN or
 *                                    Palacios; the configuration allows one)
 *   any other trap                   undefined-instruction fault
 *
 * Policy, in this order, before any handler runs (ACRN's rules, on every
 * architecture):
 *   1. a VM with no hypercall ABI at all: UNDEF injected, registers kept;
 *   2. caller not at guest-kernel privilege: #GP(0) on x86 (the KVM ABI
 *      answers -KVM_EPERM instead, as KVM does), UNDEF elsewhere;
 *   3. a number the VM's permission set excludes: the ABI's denial code;
 *   4. a non-zero reserved argument: the ABI's invalid-parameter code.
 *
 * Write-back: every result register of the convention (and the separate
 * error register) is written from the struct hv_call on every path that
 * returns to the guest, so no value the core did not choose reaches it.
 */
#include "call.h"
#include "hv_string.h"
#include "nospec.h"
#include "registry.h"
#include "svc_lookup.h"

#include <hcall/abi/acrn.h>
#include <hcall/abi/hvisor.h>
#include <hcall/abi/kvm_x86.h>
#include <hcall/abi/palacios.h>
#include <hcall/abi/sbi.h>
#include <hcall/abi/smccc.h>

/* The conventions, straight from the ABI tables. */
static const struct hcall_conv_desc conv_hvisor_arm64 = HCALL_HVISOR_CONV_ARM64;
static const struct hcall_conv_desc conv_hvisor_riscv = HCALL_HVISOR_CONV_RISCV;
static const struct hcall_conv_desc conv_smccc_hvc = HCALL_SMCCC_CONV_ARM64;
static const struct hcall_conv_desc conv_smccc_smc = HCALL_SMCCC_CONV_ARM64_SMC;
static const struct hcall_conv_desc conv_sbi = HCALL_SBI_BASE_CONV_RISCV;
static const struct hcall_conv_desc conv_kvm_x86 = HCALL_KVM_X86_CONV;
static const struct hcall_conv_desc conv_acrn = HCALL_ACRN_CONV;
static const struct hcall_conv_desc conv_palacios = HCALL_PALACIOS_CONV;

/*
 * The architectures this build serves: HV_ONLY_ARCH is a build constant
 * (hv/meson.build), one enum hcall_arch value in a bare-metal image, where
 * the other architectures' decode then folds away and the trap is
 * decoded as that architecture's without reading hv->ops (image_arch),
 * or 0 for all of them in the host and
 * Linux builds (the tests, the fuzzer and the trap emulator).
 */
#ifndef HV_ONLY_ARCH
#define HV_ONLY_ARCH 0
#endif

static inline int arch_built(enum hcall_arch arch)
{
	return HV_ONLY_ARCH == 0 || arch == HV_ONLY_ARCH;
}

/* The architecture whose traps these are: in a single-architecture image
 * the build constant (that image's glue registers only its own ops, so
 * the ops need not be read on every trap), else the glue's ops. */
static inline enum hcall_arch image_arch(const struct hv *hv)
{
	return HV_ONLY_ARCH != 0 ? (enum hcall_arch)HV_ONLY_ARCH : hv->ops->arch;
}

static int has(const struct hv_vm *vm, enum hv_abi abi)
{
	return (vm->abis & HV_ABI_BIT(abi)) != 0;
}

/*
 * The dispatcher below is written once and inlined (always_inline) at each
 * place decode picks a convention, with that convention, service and ABI
 * as constants. Every loop over the convention's registers then unrolls
 * into its few loads and stores, and every per-ABI test folds away, so a
 * trap pays only for its own convention.
 */
#define HV_HOT static inline __attribute__((always_inline))

/* The index of the first result register that is not the error register
 * (the value register), or HCALL_MAX_CONV_REGS if there is none. */
HV_HOT unsigned value_index(const struct hcall_conv_desc *conv)
{
	unsigned i;

	for (i = 0; i < conv->nres && i < HCALL_MAX_CONV_REGS; i++)
		if (conv->res_regs[i] != conv->err_reg)
			return i;
	return HCALL_MAX_CONV_REGS;
}

HV_HOT void write_back(struct hv_vcpu *vcpu, const struct hcall_conv_desc *conv,
		       const struct hv_call *c)
{
	unsigned i;

	for (i = 0; i < conv->nres && i < HCALL_MAX_CONV_REGS; i++)
		vcpu->regs.r[conv->res_regs[i] % HCALL_NREGS] = c->out[i];
	if (conv->err_reg != HCALL_REG_NONE)
		vcpu->regs.r[conv->err_reg % HCALL_NREGS] = c->out[HV_CALL_ERR];
}

static enum hv_action inject(struct hv *hv, struct hv_vcpu *vcpu,
			     enum hv_fault f)
{
	hv->ops->inject_fault(vcpu, f);
	return HV_INJECTED;
}

/*
 * The reserved arguments of e are zero in the frame. Read from the frame
 * itself, so the dispatcher can test them before it builds a call record;
 * SMC32/HVC32 calls use the low 32 bits of each register.
 */
HV_HOT int reserved_ok(const struct hcall_conv_desc *conv, enum hv_abi abi,
		       const struct hcall_regs *regs, uint64_t nr,
		       const struct hv_svc *e)
{
	unsigned i, end = e->ncopy;
	uint64_t mask = abi == HV_ABI_SMCCC && !(nr & HCALL_SMCCC_SMC64_BIT)
				? 0xFFFFFFFFu
				: ~0ull;

	if (!e->rsvd) /* most calls: one test */
		return 1;
	if (end > conv->nargs)
		end = conv->nargs;
	for (i = 0; i < end && i < 8; i++)
		if (((e->rsvd >> i) & 1u) &&
		    (regs->r[conv->arg_regs[i] % HCALL_NREGS] & mask))
			return 0;
	return 1;
}

/* The registry's key for this call (see hv_register_hypercall). */
HV_HOT int registry_key(enum hv_abi abi, uint64_t ext, uint64_t nr, uint64_t *key)
{
	if (abi != HV_ABI_SBI) {
		*key = nr;
		return 1;
	}
	if (ext > 0xFFFFFFFFu || nr > 0xFFFFFFFFu)
		return 0;
	*key = (ext << 32) | nr;
	return 1;
}

/* The register a registered handler's return value goes to: the
 * convention's error register if it has one, else its first result. */
static inline unsigned status_reg(const struct hcall_conv_desc *conv)
{
	return (conv->err_reg != HCALL_REG_NONE ? conv->err_reg : conv->res_regs[0]) %
	       HCALL_NREGS;
}

/*
 * A registered handler sees the frame as the guest left it (arguments and
 * result registers overlap in every convention: Palacios' rbx..rsi,
 * SMCCC's x1-x3, SBI's a1), then its return value becomes the status.
 * Result registers it does not write keep the guest's own values, so no
 * hypervisor data can reach the guest through them.
 */
HV_HOT int run_registered(const struct hcall_conv_desc *conv, enum hv_abi abi,
			  struct hv_call *c)
{
	hv_handler_fn fn;
	void *priv;
	uint64_t key;
	int64_t ret;

	if (!registry_key(abi, c->ext, c->nr, &key) ||
	    !hv_registry_find(c->hv, c->vm, abi, key, &fn, &priv))
		return 0;
	if (!(c->vm->perms & HV_PERM_CUSTOM)) {
		hv_call_status(c, c->svc_errs->denied);
		write_back(c->vcpu, conv, c);
		return 1;
	}
	ret = fn(c->hv, c->vcpu, key, priv);
	c->vcpu->regs.r[status_reg(conv)] = (uint64_t)ret;
	return 1;
}

static const struct hv_svc probe_echo = { 0, hv_probe_echo, HV_PERM_ALL, 0, 0, 0 };
static const struct hv_svc probe_dump = { 0, hv_probe_dump, HV_PERM_ALL, 1, 0, 1 };

/* The probe's entry for its numbers, for a VM that has the probe. */
static const struct hv_svc *probe_entry(const struct hv_vm *vm,
					const struct hv_service *svc, uint64_t ext,
					uint64_t nr)
{
	if (!has(vm, HV_ABI_PROBE) || ext != svc->probe_ext)
		return NULL;
	if (nr == svc->probe_echo)
		return &probe_echo;
	if (nr == svc->probe_dump)
		return &probe_dump;
	return NULL;
}

typedef const struct hv_svc *(*lookup_fn)(uint64_t ext, uint64_t nr);

/* The services' lookups in one shape, inline (svc_lookup.h): the
 * dispatcher gets them as constants, so each call folds into its trap's
 * path. */
HV_HOT const struct hv_svc *lookup_hvisor(uint64_t ext, uint64_t nr)
{
	(void)ext;
	return hv_hvisor_lookup(nr);
}

HV_HOT const struct hv_svc *lookup_smccc(uint64_t ext, uint64_t nr)
{
	(void)ext;
	return hv_smccc_fid_lookup((uint32_t)nr);
}

HV_HOT const struct hv_svc *lookup_sbi(uint64_t ext, uint64_t nr)
{
	return hv_sbi_lookup(ext, nr);
}

HV_HOT const struct hv_svc *lookup_kvm_x86(uint64_t ext, uint64_t nr)
{
	(void)ext;
	return hv_kvm_x86_lookup(nr);
}

HV_HOT const struct hv_svc *lookup_acrn(uint64_t ext, uint64_t nr)
{
	(void)ext;
	return hv_acrn_lookup(nr);
}

/* The service's own table through `svc_lookup` (svc->lookup, passed as
 * a constant by the dispatcher so the call is direct), then the probe's
 * numbers if the VM has the probe. The probe's numbers lie outside every
 * service's table (include/hcall/abi/probe.h picks them so, and each
 * table lookup compares the full number), so the order changes no answer;
 * this one keeps the probe's tests off the path of the service's calls. */
HV_HOT const struct hv_svc *lookup(const struct hv_vm *vm,
				   const struct hv_service *svc,
				   lookup_fn svc_lookup, uint64_t ext, uint64_t nr)
{
	const struct hv_svc *e = svc_lookup(ext, nr);

	return e ? e : probe_entry(vm, svc, ext, nr);
}

int hv_builtin_number(const struct hv_vm *vm, enum hv_abi abi, uint64_t nr)
{
	static const struct hv_service *const by_abi[HV_ABI_COUNT] = {
		[HV_ABI_HVISOR] = &hv_svc_hvisor, [HV_ABI_SMCCC] = &hv_svc_smccc,
		[HV_ABI_SBI] = &hv_svc_sbi,       [HV_ABI_KVM_X86] = &hv_svc_kvm_x86,
		[HV_ABI_ACRN] = &hv_svc_acrn,     [HV_ABI_PALACIOS] = &hv_svc_palacios,
	};
	uint64_t ext = 0;

	if ((unsigned)abi >= HV_ABI_COUNT || !by_abi[abi])
		return 0;
	if (abi == HV_ABI_SBI) {
		ext = nr >> 32;
		nr &= 0xFFFFFFFFu;
	}
	return lookup(vm, by_abi[abi], by_abi[abi]->lookup, ext, nr) != NULL;
}

/*
 * The call record for one trap of convention `conv`: the frame is only
 * ever written from out[0..nres) and the error slot, so those are zeroed (no blanket
 * memset); services read arg[] below the call's own count, which the
 * caller fills.
 */
HV_HOT void call_init(struct hv_call *c, struct hv *hv, struct hv_vcpu *vcpu,
		      struct hv_vm *vm, const struct hcall_conv_desc *conv,
		      const struct hv_service *svc, uint64_t ext, uint64_t nr)
{
	unsigned i, vi = value_index(conv);

	c->hv = hv;
	c->vcpu = vcpu;
	c->vm = vm;
	c->conv = conv;
	c->nr = nr;
	c->ext = ext;
	c->svc_errs = &svc->errs;
	c->action = HV_RESUME;
	c->status_off = (uint16_t)(sizeof(c->out[0]) *
				   (conv->err_reg != HCALL_REG_NONE ? HV_CALL_ERR : 0));
	c->value_off = (uint16_t)(sizeof(c->out[0]) *
				  (vi < HCALL_MAX_CONV_REGS ? vi : HV_CALL_DISCARD));
	/* Only what write_back reads: the separate error register if the
	 * convention has one, and its result registers. */
	if (conv->err_reg != HCALL_REG_NONE)
		c->out[HV_CALL_ERR] = 0;
	for (i = 0; i < conv->nres && i < HCALL_MAX_CONV_REGS; i++)
		c->out[i] = 0;
}

/*
 * A built-in call that passed every check: a built-in service reads its
 * own arguments and the reserved ones after them from one copy taken
 * here, and nothing beyond (a registered handler reads the frame itself,
 * run_registered); then every result register is written back.
 */
HV_HOT enum hv_action call_builtin(struct hv *hv, struct hv_vcpu *vcpu,
				   struct hv_vm *vm,
				   const struct hcall_conv_desc *conv,
				   const struct hv_service *svc, uint64_t ext,
				   uint64_t nr, const struct hv_svc *e)
{
	unsigned i, n = e->ncopy;
	struct hv_call c;

	call_init(&c, hv, vcpu, vm, conv, svc, ext, nr);
	if (n > conv->nargs)
		n = conv->nargs;
	for (i = 0; i < n && i < HCALL_MAX_CONV_REGS; i++)
		c.arg[i] = vcpu->regs.r[conv->arg_regs[i] % HCALL_NREGS];
	e->fn(&c);
	write_back(vcpu, conv, &c);
	return (enum hv_action)c.action;
}

/*
 * Every trap the fast path below does not finish: a caller above
 * guest-kernel privilege, the probe's numbers, SBI for a VM without it,
 * and the refusals of built-in calls (permission class, reserved
 * argument); it also serves registered handlers and unknown numbers in
 * that order, as dispatch_registered does for the fast path. Out of line and cold, with the convention as
 * a run-time value, so none of it weighs on the common call's code.
 * `priv_fault` is what a caller above guest-kernel privilege gets.
 */
static __attribute__((cold, noinline)) enum hv_action
dispatch_slow(struct hv *hv, struct hv_vcpu *vcpu, struct hv_vm *vm,
	      const struct hcall_conv_desc *conv, const struct hv_service *svc,
	      enum hv_abi abi, enum hv_fault priv_fault)
{
	const struct hcall_regs *regs = &vcpu->regs;
	int own = abi == HV_ABI_SBI ? has(vm, abi) : 1;
	const struct hv_svc *e;
	struct hv_call c;
	uint64_t nr, ext;

	if (vcpu->privilege && abi != HV_ABI_KVM_X86)
		return inject(hv, vcpu, priv_fault);

	/* The number register, as the ABI reads it (SMCCC: the FID is w0;
	 * SBI: the extension ID is the selector register). */
	nr = regs->r[conv->nr_reg % HCALL_NREGS];
	if (abi == HV_ABI_SMCCC)
		nr &= 0xFFFFFFFFu;
	ext = abi == HV_ABI_SBI && conv->sel_reg != HCALL_REG_NONE
		      ? regs->r[conv->sel_reg % HCALL_NREGS]
		      : 0;
	call_init(&c, hv, vcpu, vm, conv, svc, ext, nr);

	if (vcpu->privilege) { /* KVM x86 answers -KVM_EPERM, as KVM does */
		hv_call_status(&c, svc->errs.denied);
		write_back(vcpu, conv, &c);
		return HV_RESUME;
	}

	e = lookup(vm, svc, svc->lookup, ext, nr);
	if (!own && !(e == &probe_echo || e == &probe_dump))
		e = NULL; /* SBI for a VM without it: only the probe answers */
	if (!e) {
		if (own && run_registered(conv, abi, &c))
			return HV_RESUME;
		hv_call_status(&c, svc->errs.unknown);
	} else if (!hv_call_permitted(vm, e)) {
		hv_call_status(&c, svc->errs.denied);
	} else if (!reserved_ok(conv, abi, regs, nr, e)) {
		hv_call_status(&c, svc->errs.invalid);
	} else {
		return call_builtin(hv, vcpu, vm, conv, svc, ext, nr, e);
	}
	write_back(vcpu, conv, &c);
	return (enum hv_action)c.action;
}

/*
 * A number no built-in table has, from a caller that passed the fast
 * path's privilege check: a registered handler's, the common case of a
 * Palacios-style ABI, so it runs here without a call record. A refusal
 * (no handler, or a VM without the CUSTOM permission) goes to
 * dispatch_slow, which answers it in the documented order. The probe's
 * numbers never get here (dispatch sends them to dispatch_slow).
 */
static enum hv_action dispatch_registered(struct hv *hv, struct hv_vcpu *vcpu,
					  struct hv_vm *vm,
					  const struct hcall_conv_desc *conv,
					  const struct hv_service *svc, enum hv_abi abi,
					  uint64_t ext, uint64_t nr, enum hv_fault priv_fault)
{
	hv_handler_fn fn;
	void *priv;
	uint64_t key;

	if (!(vm->perms & HV_PERM_CUSTOM) || !registry_key(abi, ext, nr, &key) ||
	    !hv_registry_find(hv, vm, abi, key, &fn, &priv))
		return dispatch_slow(hv, vcpu, vm, conv, svc, abi, priv_fault);
	vcpu->regs.r[status_reg(conv)] = (uint64_t)fn(hv, vcpu, key, priv);
	return HV_RESUME;
}

/*
 * One trap of convention `conv` (service `svc`, ABI `abi`), inlined with
 * those as constants. The common case - a caller at guest-kernel
 * privilege making a call of the service's own table that its
 * permission set allows, reserved arguments zero - is finished here: the
 * number is read and looked up by value, the checks run on the frame,
 * and only then is a call record built. Anything else goes to
 * dispatch_slow, which makes every check again in the documented order.
 * decode only picks a non-SBI convention for a VM that has its ABI; SBI
 * also answers VMs without it.
 */
HV_HOT enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu,
			       struct hv_vm *vm,
			       const struct hcall_conv_desc *conv,
			       const struct hv_service *svc, lookup_fn svc_lookup,
			       enum hv_abi abi, enum hv_fault priv_fault)
{
	const struct hcall_regs *regs = &vcpu->regs;
	const struct hv_svc *e;
	uint64_t nr, ext;

	if (vcpu->privilege || (abi == HV_ABI_SBI && !has(vm, abi)))
		return dispatch_slow(hv, vcpu, vm, conv, svc, abi, priv_fault);
	nr = regs->r[conv->nr_reg % HCALL_NREGS];
	if (abi == HV_ABI_SMCCC)
		nr &= 0xFFFFFFFFu;
	ext = abi == HV_ABI_SBI && conv->sel_reg != HCALL_REG_NONE
		      ? regs->r[conv->sel_reg % HCALL_NREGS]
		      : 0;
	e = svc_lookup(ext, nr);
	if (!e && !probe_entry(vm, svc, ext, nr))
		return dispatch_registered(hv, vcpu, vm, conv, svc, abi, ext, nr, priv_fault);
	if (__builtin_expect(!e || !hv_call_permitted(vm, e) ||
				     !reserved_ok(conv, abi, regs, nr, e),
			     0))
		return dispatch_slow(hv, vcpu, vm, conv, svc, abi, priv_fault);
	return call_builtin(hv, vcpu, vm, conv, svc, ext, nr, e);
}

/* arm64: an HVC/SMC with an immediate no ABI of the VM owns. */
static enum hv_action unknown_imm(struct hv *hv, struct hv_vcpu *vcpu)
{
	if (vcpu->privilege)
		return inject(hv, vcpu, HV_FAULT_UNDEF);
	vcpu->regs.r[0] = ~0ull; /* SMCCC NOT_SUPPORTED, as KVM answers */
	return HV_RESUME;
}

enum hv_action hv_handle_trap(struct hv *hv, struct hv_vcpu *vcpu,
			      enum hcall_trap trap, uint32_t imm)
{
	struct hv_vm *vm = vcpu->vm;

	if (!vm || !vm->abis)
		return inject(hv, vcpu, HV_FAULT_UNDEF);
	switch (image_arch(hv)) {
	case HCALL_ARCH_ARM64:
		if (!arch_built(HCALL_ARCH_ARM64))
			break;
		if (trap == HCALL_TRAP_HVC) {
			if (imm == conv_hvisor_arm64.imm && has(vm, HV_ABI_HVISOR))
				return dispatch(hv, vcpu, vm, &conv_hvisor_arm64,
						&hv_svc_hvisor, lookup_hvisor,
						HV_ABI_HVISOR, HV_FAULT_UNDEF);
			if (imm == conv_smccc_hvc.imm && has(vm, HV_ABI_SMCCC))
				return dispatch(hv, vcpu, vm, &conv_smccc_hvc,
						&hv_svc_smccc, lookup_smccc,
						HV_ABI_SMCCC, HV_FAULT_UNDEF);
			return unknown_imm(hv, vcpu);
		}
		if (trap == HCALL_TRAP_SMC) {
			if (imm == conv_smccc_smc.imm && has(vm, HV_ABI_SMCCC))
				return dispatch(hv, vcpu, vm, &conv_smccc_smc,
						&hv_svc_smccc, lookup_smccc,
						HV_ABI_SMCCC, HV_FAULT_UNDEF);
			return unknown_imm(hv, vcpu);
		}
		break;
	case HCALL_ARCH_RISCV64:
		if (!arch_built(HCALL_ARCH_RISCV64) || trap != HCALL_TRAP_ECALL)
			break;
		if (vcpu->regs.r[conv_hvisor_riscv.sel_reg % HCALL_NREGS] ==
			    conv_hvisor_riscv.sel_value &&
		    has(vm, HV_ABI_HVISOR))
			return dispatch(hv, vcpu, vm, &conv_hvisor_riscv,
					&hv_svc_hvisor, lookup_hvisor,
					HV_ABI_HVISOR, HV_FAULT_UNDEF);
		/* SBI is the riscv answer to everything else; a VM without
		 * it still gets SBI's NOT_SUPPORTED. */
		return dispatch(hv, vcpu, vm, &conv_sbi, &hv_svc_sbi,
				lookup_sbi, HV_ABI_SBI, HV_FAULT_UNDEF);
	case HCALL_ARCH_X86_64:
		if (!arch_built(HCALL_ARCH_X86_64) ||
		    (trap != HCALL_TRAP_VMCALL && trap != HCALL_TRAP_VMMCALL))
			break;
		if (has(vm, HV_ABI_KVM_X86))
			return dispatch(hv, vcpu, vm, &conv_kvm_x86, &hv_svc_kvm_x86,
					lookup_kvm_x86, HV_ABI_KVM_X86,
					HV_FAULT_GP0);
		if (has(vm, HV_ABI_ACRN))
			return dispatch(hv, vcpu, vm, &conv_acrn, &hv_svc_acrn,
					lookup_acrn, HV_ABI_ACRN, HV_FAULT_GP0);
		if (has(vm, HV_ABI_PALACIOS))
			return dispatch(hv, vcpu, vm, &conv_palacios,
					&hv_svc_palacios, hv_svc_palacios_lookup,
					HV_ABI_PALACIOS, HV_FAULT_GP0);
		break;
	}
	return inject(hv, vcpu, HV_FAULT_UNDEF);
}
