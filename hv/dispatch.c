/* SPDX-License-Identifier: MIT */
/*
 * hv/dispatch.c - from a trapped frame to a service's dispatcher: the
 * trap is matched against the VM's routes, the caller's privilege is
 * checked, and the route's service runs its instance of the one
 * dispatcher (hv/dispatcher.h). The paths that dispatcher leaves to this
 * file are here too: numbers beyond a table (the probe's, the registered
 * handlers), refusals and reserved arguments.
 *
 * Routes (hv/service.h, struct hv_conv), worked out when a VM is created:
 * among the conventions of the image's architecture whose trap
 * instruction is the trapping one, the most specific wins:
 *   1. a convention whose selector register holds its value (hvisor on
 *      riscv), or a value below it (SBI's legacy EIDs), of an ABI the VM
 *      has;
 *   2. a convention with the trap's exact immediate (HVC/SMC), or with no
 *      immediate at all (ecall, VMCALL/VMMCALL), of an ABI the VM has;
 *   3. a fallback: a convention for any immediate, or one that answers
 *      VMs without its ABI (SBI on riscv answers every ecall).
 * An HVC or SMC is matched on its immediate only, any other trap on its
 * selector only (no convention with an immediate has a selector). A VM's
 * configuration cannot hold two ABIs that tie at 1 or 2 (vm.c). Every
 * list ends with a route that takes any trap: the undefined-instruction
 * fault.
 *
 * Policy, in this order, before any handler runs (ACRN's rules, on every
 * architecture):
 *   0. a VM that is not running, or a vCPU of no VM: nothing is done
 *      or written, and the glue is told to stop the vCPU (HV_VCPU_OFF);
 *   1. a VM with no hypercall ABI at all: UNDEF injected, registers kept;
 *   2. caller not at guest-kernel privilege: #GP(0) on x86, UNDEF
 *      elsewhere (a service with HV_SVC_PRIV_DENIED answers its denial
 *      code instead, as KVM does);
 *   3. a number nobody implements: the ABI's unknown-call code. The
 *      number is looked up in the service's table, then among the probe's
 *      numbers (VMs with HV_CAP_PROBE), then among the handlers
 *      registered for the VM;
 *   4. a call outside the VM's permission set: the ABI's denial code;
 *   5. a non-zero reserved argument: the ABI's invalid-parameter code.
 *
 * Results: the handler writes the frame's result registers (c->out),
 * which the dispatcher zeroes first, so every result register of the
 * convention (and the separate error register) is written on every path
 * that returns to the guest and no value the core did not choose reaches
 * it. A registered handler is the exception hv.h documents: it works on
 * the frame as the guest left it.
 */
#include "probe.h"
#include "registry.h"
#include "dispatch.h"
#include "dispatcher.h"
#include "hv_string.h"
#include "service.h"
#include "vm.h"

const struct hv_service *const hv_services[HV_ABI_COUNT] = {
#define HV__SVC_REF(NAME, name) [HV_ABI_##NAME] = &hv_service_##name,
	HV_SERVICES(HV__SVC_REF)
#undef HV__SVC_REF
};

static int has(const struct hv_vm *vm, unsigned abi)
{
	return (vm->abis & HV_ABI_BIT(abi)) != 0;
}

static int has_imm(unsigned trap)
{
	return trap == HCALL_TRAP_HVC || trap == HCALL_TRAP_SMC;
}

/* The traps a convention answers: its own; VMCALL and VMMCALL both (a
 * VMCALL convention also takes VMMCALL and the other way round, as the
 * guest's CPU vendor decides which one it executes). */
static int conv_takes(const struct hcall_conv_desc *d, unsigned trap)
{
	if ((d->trap == HCALL_TRAP_VMCALL || d->trap == HCALL_TRAP_VMMCALL) &&
	    (trap == HCALL_TRAP_VMCALL || trap == HCALL_TRAP_VMMCALL))
		return 1;
	return d->trap == trap;
}

/* How specific a route is (see the top of this file); 0: not a route. */
static unsigned route_rank(const struct hv_conv *conv, int own)
{
	if (!own)
		return (conv->flags & HV_CONV_EVERY_VM) ? 1 : 0;
	if (conv->flags & HV_CONV_ANY_IMM)
		return 1;
	return (conv->flags & (HV_CONV_SELECTOR | HV_CONV_SELECTOR_BELOW)) ? 3 : 2;
}

/* A convention the dispatcher can serve: at least one result register,
 * the results consecutive in the frame, a separate error register right
 * below them, registers inside the frame. */
static int conv_fits(const struct hcall_conv_desc *d)
{
	unsigned i;

	if (d->nres < 1 || d->nres > HCALL_MAX_CONV_REGS || d->nargs > HCALL_MAX_CONV_REGS ||
	    d->nr_reg >= HCALL_NREGS || d->res_regs[0] + d->nres > HCALL_NREGS)
		return 0;
	if (d->sel_reg != HCALL_REG_NONE && d->sel_reg >= HCALL_NREGS)
		return 0;
	for (i = 1; i < d->nres; i++)
		if (d->res_regs[i] != d->res_regs[0] + i)
			return 0;
	for (i = 0; i < d->nargs; i++)
		if (d->arg_regs[i] >= HCALL_NREGS)
			return 0;
	return d->err_reg == HCALL_REG_NONE ||
	       (d->res_regs[0] > 0 && d->err_reg == d->res_regs[0] - 1);
}

static void route_set(struct hv_route *r, struct hv_vm *vm, const struct hv_service *svc,
		      const struct hv_conv *c, int own)
{
	const struct hcall_conv_desc *d = c->desc;
	struct hv_call fmt;

	r->dispatch = svc->dispatch;
	r->imm = d->imm;
	r->imm_mask = has_imm(d->trap) && !(c->flags & HV_CONV_ANY_IMM) ? ~0u : 0u;
	/* The selector's values (in the list's selector register): sel_value
	 * itself, or every value below it; without a selector, any value. */
	if (c->flags & HV_CONV_SELECTOR) {
		r->sel_lo = d->sel_value;
		r->sel_max = 0;
	} else if (c->flags & HV_CONV_SELECTOR_BELOW) {
		r->sel_lo = 0;
		r->sel_max = d->sel_value - 1;
	} else {
		r->sel_lo = 0;
		r->sel_max = ~0ull;
	}
	r->ext_reg = (c->flags & HV_CONV_EXTENSION) ? d->sel_reg : HCALL_REG_NONE;
	r->res0 = d->res_regs[0];
	r->own = (uint8_t)own;
	r->perms = (uint8_t)vm->perms;
	r->refuse = (c->flags & HV_CONV_REFUSE) != 0;
	fmt.status = d->err_reg != HCALL_REG_NONE ? -1 : 0;
	fmt.value = 0;
	fmt.action = HV_RESUME;
	fmt.err_in_value = (c->flags & HV_CONV_ERR_IN_VALUE) != 0;
	r->fmt = fmt.fmt;
	r->zero0 = (uint8_t)(r->res0 + fmt.status);
	r->nzero = (uint8_t)(d->nres - fmt.status);
	r->state = (unsigned char *)vm->svc_state + vm->hv->svc_off[svc->abi];
	r->svc = svc;
	r->conv = c;
	r->desc = d;
}

/* The selector register of a convention of trap on arch, if it has one. */
static int conv_selector(const struct hv_conv *c)
{
	return (c->flags & (HV_CONV_SELECTOR | HV_CONV_SELECTOR_BELOW)) ? c->desc->sel_reg : -1;
}

/* The one selector register of trap's conventions on arch (0 if none
 * has a selector): the match reads it once. */
static unsigned trap_selector(enum hcall_arch arch, unsigned trap)
{
	unsigned i, j;

	for (i = 0; i < HV_ABI_COUNT; i++)
		for (j = 0; j < hv_services[i]->nconvs; j++) {
			const struct hv_conv *c = &hv_services[i]->convs[j];

			if (c->desc->arch == arch && conv_takes(c->desc, trap) &&
			    conv_selector(c) >= 0)
				return (unsigned)conv_selector(c);
		}
	return 0;
}

int hv_routes_fit(enum hcall_arch arch)
{
	unsigned trap, i, j, n;

	if (!hv_arch_served(arch))
		return 0;
	for (i = 0; i < HV_ABI_COUNT; i++)
		if (!hv_services[i]->dispatch || hv_services[i]->nconvs < 1 ||
		    hv_services[i]->nconvs > HV_MAX_CONVS)
			return 0;
	for (trap = HCALL_TRAP_HVC; trap <= HCALL_TRAP_VMMCALL; trap++) {
		n = 0;
		for (i = 0; i < HV_ABI_COUNT; i++)
			for (j = 0; j < hv_services[i]->nconvs; j++) {
				const struct hcall_conv_desc *d = hv_services[i]->convs[j].desc;

				if (d->arch != arch || !conv_takes(d, trap))
					continue;
				if (++n > HV_MAX_ROUTES || !conv_fits(d))
					return 0;
				/* A selector only where there is no immediate,
				 * and one selector register per trap. */
				if (conv_selector(&hv_services[i]->convs[j]) >= 0 &&
				    (has_imm(d->trap) ||
				     (unsigned)conv_selector(&hv_services[i]->convs[j]) !=
					     trap_selector(arch, trap)))
					return 0;
			}
	}
	return 1;
}

static __attribute__((noinline)) enum hv_action inject(struct hv *hv, struct hv_vcpu *vcpu,
							enum hv_fault f)
{
	hv->ops->inject_fault(vcpu, f);
	return HV_INJECTED;
}

/* A trap no convention of the VM answers: the undefined-instruction
 * fault (a VM with no ABI has only this route). */
static enum hv_action nobody(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r)
{
	(void)r;
	return inject(hv, vcpu, HV_FAULT_UNDEF);
}

/* The routes of one trap instruction for vm, most specific first, then
 * nobody's. */
static void trap_routes_init(struct hv_vm *vm, unsigned trap, struct hv_route *r)
{
	unsigned i, j, rank, k = 0;

	/* A VM with no ABI has no route: every trap is UNDEFINED for it. */
	for (rank = 3; vm->abis && rank >= 1; rank--)
		for (i = 0; i < HV_ABI_COUNT; i++)
			for (j = 0; j < hv_services[i]->nconvs; j++) {
				const struct hv_conv *c = &hv_services[i]->convs[j];
				int own = has(vm, i);

				if (c->desc->arch != vm->hv->ops->arch ||
				    !conv_takes(c->desc, trap) || route_rank(c, own) != rank)
					continue;
				/* hv_init checked that every list fits. */
				if (k < HV_MAX_ROUTES)
					route_set(&r[k++], vm, hv_services[i], c, own);
			}
	vm->route_list[trap - HCALL_TRAP_HVC] = r;
	vm->sel_off[trap - HCALL_TRAP_HVC] =
		(uint16_t)(offsetof(struct hv_vcpu, regs.r) +
			   trap_selector(vm->hv->ops->arch, trap) * sizeof(uint64_t));
	/* The last route matches any trap: nobody answers it. */
	r[k].dispatch = nobody;
	r[k].sel_max = ~0ull;
}

void hv_routes_init(struct hv_vm *vm)
{
	unsigned t;

	hv_memset(vm->routes, 0, sizeof(vm->routes));
	for (t = 0; t < HCALL_TRAP_VMMCALL; t++)
		trap_routes_init(vm, t + HCALL_TRAP_HVC, vm->routes[t]);
}

/* The route of a trap on routes list t (HCALL_TRAP_HVC + t) of vm: the
 * first whose immediate (HVC, SMC) or selector (the other traps: no
 * convention with an immediate has a selector, and the list has one
 * selector register, hv_routes_fit()) matches; the list's last route
 * matches every trap. */
static inline __attribute__((always_inline)) const struct hv_route *
match(const struct hv_vm *vm, const struct hv_vcpu *vcpu, unsigned t, uint32_t imm)
{
	const struct hv_route *r = vm->route_list[t];
	uint64_t sel;

	if (has_imm(t + HCALL_TRAP_HVC)) {
		while ((imm ^ r->imm) & r->imm_mask)
			r++;
		return r;
	}
	sel = *(const uint64_t *)(const void *)((const unsigned char *)vcpu + vm->sel_off[t]);
	while (sel - r->sel_lo > r->sel_max)
		r++;
	return r;
}

/* A call record with what a registered handler needs beside it. */
struct call {
	struct hv_call c;
	hv_handler_fn fn;
	void *priv;
	uint64_t key;
};

/*
 * A registered handler sees the frame as the guest left it (arguments and
 * result registers overlap in every convention: Palacios' rbx..rsi,
 * SMCCC's x1-x3, SBI's a1) and may write result registers there; its
 * return value becomes the status. Result registers it does not write
 * keep the guest's own values, so no hypervisor data reaches the guest
 * through them (its entry is HV_ENTRY_FRAME: nothing is zeroed first).
 */
static void run_registered(struct hv_call *hc)
{
	struct call *rc = (struct call *)hc; /* c is the first member */

	hv_call_status(hc, rc->fn(hc->hv, hc->vcpu, rc->key, rc->priv));
}

static const struct hv_entry registered_entry = {
	.fn = run_registered, .perm = HV_PERM_CUSTOM, .flags = HV_ENTRY_FRAME
};

/* The registry's key of (ext, nr) for a service (see
 * hv_register_hypercall): (ext << 32) | nr with an extension ID. */
static int registry_key(int ext_conv, uint64_t ext, uint64_t nr, uint64_t *key)
{
	if (!ext_conv) {
		*key = nr;
		return 1;
	}
	if (ext > 0xFFFFFFFFu || nr > 0xFFFFFFFFu)
		return 0;
	*key = (ext << 32) | nr;
	return 1;
}

/* The probe's entry for (ext, nr) on this service, if the VM has the probe. */
static const struct hv_entry *probe_entry(const struct hv_vm *vm,
					  const struct hv_service *svc, uint64_t ext,
					  uint64_t nr)
{
	if (!(vm->caps & HV_CAP_PROBE) || ext != svc->probe.ext)
		return NULL;
	if (nr == svc->probe.echo)
		return &hv_probe_echo_entry;
	if (nr == svc->probe.dump)
		return &hv_probe_dump_entry;
	return NULL;
}

/* The reserved arguments of e are zero in the frame (32-bit calls: their
 * low 32 bits). */
static int reserved_ok(const struct hv_vcpu *vcpu, const struct hv_route *r,
		       const struct hv_entry *e, uint64_t nr)
{
	const struct hcall_conv_desc *d = r->desc;
	uint64_t mask = r->svc->arg64_bit && !(nr & r->svc->arg64_bit) ? 0xFFFFFFFFu : ~0ull;
	unsigned i;

	for (i = 0; i < e->ncopy && i < d->nargs && i < 8; i++)
		if (((e->rsvd >> i) & 1u) &&
		    (vcpu->regs.r[d->arg_regs[i] % HCALL_NREGS] & mask))
			return 0;
	return 1;
}


enum hv_action hv_dispatch_refuse(struct hv_vcpu *vcpu, const struct hv_route *r,
				  int64_t code)
{
	struct hv_call c;

	hv_zero_results(vcpu->regs.r, r->zero0, r->nzero);
	c.out = vcpu->regs.r + r->res0;
	c.fmt = r->fmt;
	hv_call_status(&c, code);
	return HV_RESUME;
}

enum hv_action hv_dispatch_reserved(struct hv *hv, struct hv_vcpu *vcpu,
				    const struct hv_route *r, const struct hv_entry *e,
				    struct hv_call *c)
{
	if (!reserved_ok(vcpu, r, e, c->nr))
		return hv_dispatch_refuse(vcpu, r, r->svc->errs.invalid);
	return hv_dispatch_call(hv, vcpu, r, r->desc, e, c, 1);
}

enum hv_action hv_dispatch_beyond_table(struct hv *hv, struct hv_vcpu *vcpu,
					const struct hv_route *r, uint64_t nr,
					uint64_t ext)
{
	const struct hv_entry *e = NULL;
	struct call rc;

	rc.c.nr = nr;
	rc.c.ext = ext;
	/* A refusing convention has no probe and no registry. */
	if (!r->refuse)
		e = probe_entry(vcpu->vm, r->svc, ext, nr);
	if (!e && !r->refuse && r->own && hv_registry_any(vcpu->vm, r->svc->abi) &&
	    registry_key(r->ext_reg != HCALL_REG_NONE, ext, nr, &rc.key) &&
	    hv_registry_find(hv, vcpu->vm, r->svc->abi, rc.key, &rc.fn, &rc.priv))
		e = &registered_entry;
	if (!e)
		return hv_dispatch_refuse(vcpu, r, r->svc->errs.unknown);
	return hv_dispatch_run(hv, vcpu, r, r->svc, r->desc, e, &rc.c, 1);
}

/* Policy step 2 for a caller above guest-kernel privilege. */
static __attribute__((noinline)) enum hv_action
privileged(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r)
{
	if (!(r->svc->quirks & HV_SVC_PRIV_DENIED))
		return inject(hv, vcpu,
			      r->desc->arch == HCALL_ARCH_X86_64 ? HV_FAULT_GP0 : HV_FAULT_UNDEF);
	return hv_dispatch_refuse(vcpu, r, r->svc->errs.denied);
}

static inline __attribute__((always_inline)) enum hv_action
handle_trap(struct hv *hv, struct hv_vcpu *vcpu, unsigned trap, uint32_t imm,
	    unsigned privilege)
{
	struct hv_vm *vm = vcpu->vm;
	const struct hv_route *r;
	unsigned t;

	/* A VM that is not running gets no service: the trap of a vCPU
	 * that was still in the guest when its VM stopped changes nothing,
	 * and the vCPU stops; so does a vCPU that belongs to no VM. */
	if (!vm || hv_vm_get_state(vm) != HV_VM_RUNNING)
		return HV_VCPU_OFF;
	/* The glue hands over what the guest executed: a trap the core does
	 * not know is UNDEFINED, and its routes list is clamped. A glue's
	 * own entry point passes a constant, which needs no clamp. */
	if (trap - HCALL_TRAP_HVC > HCALL_TRAP_VMMCALL - HCALL_TRAP_HVC)
		return inject(hv, vcpu, HV_FAULT_UNDEF);
	t = __builtin_constant_p(trap)
		    ? trap - HCALL_TRAP_HVC
		    : (unsigned)hv_index_nospec(trap - HCALL_TRAP_HVC, HCALL_TRAP_VMMCALL);
	r = match(vm, vcpu, t, imm);
	if (privilege && r->svc)
		return privileged(hv, vcpu, r);
	return r->dispatch(hv, vcpu, r);
}

enum hv_action hv_handle_trap(struct hv *hv, struct hv_vcpu *vcpu,
			      enum hcall_trap trap, uint32_t imm, unsigned privilege)
{
	return handle_trap(hv, vcpu, (unsigned)trap, imm, privilege);
}

enum hv_action hv_handle_hvc(struct hv *hv, struct hv_vcpu *vcpu, uint32_t imm)
{
	return handle_trap(hv, vcpu, HCALL_TRAP_HVC, imm, 0);
}

enum hv_action hv_handle_ecall(struct hv *hv, struct hv_vcpu *vcpu, unsigned privilege)
{
	return handle_trap(hv, vcpu, HCALL_TRAP_ECALL, 0, privilege);
}

enum hv_action hv_handle_vmcall(struct hv *hv, struct hv_vcpu *vcpu, unsigned privilege)
{
	return handle_trap(hv, vcpu, HCALL_TRAP_VMCALL, 0, privilege);
}

/* True if one of svc's conventions carries an extension ID. */
static int has_extension(const struct hv_service *svc)
{
	unsigned i;

	for (i = 0; i < svc->nconvs; i++)
		if (svc->convs[i].flags & HV_CONV_EXTENSION)
			return 1;
	return 0;
}

int hv_number_check(const struct hv_vm *vm, enum hv_abi abi, uint64_t nr)
{
	const struct hv_service *svc;
	uint64_t ext = 0;

	if ((unsigned)abi >= HV_ABI_COUNT)
		return -HV_EINVAL;
	svc = hv_services[abi];
	if (has_extension(svc)) {
		ext = nr >> 32;
		nr &= 0xFFFFFFFFu;
	}
	if ((nr & svc->nr_mask) != nr)
		return -HV_EINVAL; /* a number no trap can carry */
	if (svc->lookup(ext, nr) || probe_entry(vm, svc, ext, nr))
		return -HV_EEXIST;
	return 0;
}
