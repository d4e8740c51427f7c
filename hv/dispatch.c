/* SPDX-License-Identifier: MIT */
/*
 * hv/dispatch.c - from a trapped frame to a result: the trap is matched
 * against the services' conventions, then one dispatcher applies the
 * policy and runs the call.
 *
 * Matching (hv/service.h, struct hv_conv): among the conventions of the
 * image's architecture whose trap instruction is the trapping one, the
 * most specific wins:
 *   1. a convention whose selector register holds its value (hvisor on
 *      riscv), or a value below it (SBI's legacy EIDs), of an ABI the VM
 *      has;
 *   2. a convention with the trap's exact immediate (HVC/SMC), or with no
 *      immediate at all (ecall, VMCALL/VMMCALL), of an ABI the VM has;
 *   3. a fallback: a convention for any immediate, or one that answers
 *      VMs without its ABI (SBI on riscv answers every ecall).
 * A VM's configuration cannot hold two ABIs that tie at 1 or 2 (vm.c).
 * Nothing matched: the undefined-instruction fault.
 *
 * Policy, in this order, before any handler runs (ACRN's rules, on every
 * architecture):
 *   0. a VM that is not running: nothing is done or written, and the
 *      glue is told to stop the vCPU (HV_VCPU_OFF);
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
 * Write-back: every result register of the convention (and the separate
 * error register) is written from the call record on every path that
 * returns to the guest, so no value the core did not choose reaches it.
 */
#include "probe.h"
#include "registry.h"
#include "dispatch.h"
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

static uint64_t reg(const struct hcall_regs *regs, unsigned r)
{
	return regs->r[r % HCALL_NREGS];
}

static int has_imm(enum hcall_trap trap)
{
	return trap == HCALL_TRAP_HVC || trap == HCALL_TRAP_SMC;
}

/* The routes list of a trap instruction (VMMCALL shares VMCALL's), or
 * -1; clamped, as the glue hands over what the guest executed. */
static int route_index(unsigned trap)
{
	if (trap == HCALL_TRAP_VMMCALL)
		trap = HCALL_TRAP_VMCALL;
	if (trap < HCALL_TRAP_HVC || trap > HCALL_TRAP_VMCALL)
		return -1;
	return (int)hv_index_nospec(trap - HCALL_TRAP_HVC, HCALL_TRAP_VMCALL);
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

/* The value register's out[] index: the first result register that is
 * not the error register, else the discard slot. */
static uint8_t value_index(const struct hcall_conv_desc *d)
{
	unsigned i;

	for (i = 0; i < d->nres && i < HCALL_MAX_CONV_REGS; i++)
		if (d->res_regs[i] != d->err_reg)
			return (uint8_t)i;
	return HV_CALL_DISCARD;
}

static void route_set(struct hv_route *r, struct hv_vm *vm, const struct hv_service *svc,
		      const struct hv_conv *c, int own)
{
	const struct hcall_conv_desc *d = c->desc;

	r->conv = c;
	r->svc = svc;
	r->state_off = vm->hv->svc_off[svc->abi];
	r->own = (uint8_t)own;
	r->status = d->err_reg != HCALL_REG_NONE ? HV_CALL_ERR : 0;
	r->value = value_index(d);
	r->nres = d->nres < HCALL_MAX_CONV_REGS ? d->nres : HCALL_MAX_CONV_REGS;
}

int hv_routes_fit(enum hcall_arch arch)
{
	unsigned n[HCALL_TRAP_VMCALL] = { 0 }, i, j;

	for (i = 0; i < HV_ABI_COUNT; i++)
		for (j = 0; j < hv_services[i]->nconvs; j++) {
			const struct hcall_conv_desc *d = hv_services[i]->convs[j].desc;
			int t = route_index(d->trap);

			if (t >= 0 && d->arch == arch && ++n[t] > HV_MAX_ROUTES)
				return 0;
		}
	return 1;
}

void hv_routes_init(struct hv_vm *vm)
{
	unsigned i, j, rank, k;

	hv_memset(vm->routes, 0, sizeof(vm->routes));
	for (rank = 3; rank >= 1; rank--)
		for (i = 0; i < HV_ABI_COUNT; i++)
			for (j = 0; j < hv_services[i]->nconvs; j++) {
				const struct hv_conv *c = &hv_services[i]->convs[j];
				int own = has(vm, i), t = route_index(c->desc->trap);

				if (t < 0 || c->desc->arch != vm->hv->ops->arch ||
				    route_rank(c, own) != rank)
					continue;
				for (k = 0; k < HV_MAX_ROUTES && vm->routes[t][k].conv; k++)
					;
				/* hv_init checked that every list fits. */
				if (k < HV_MAX_ROUTES)
					route_set(&vm->routes[t][k], vm, hv_services[i], c, own);
			}
}

/* The route of this trap: the VM's first whose immediate and selector
 * match; NULL if none. */
static const struct hv_route *match(const struct hv_vcpu *vcpu, enum hcall_trap trap,
				    uint32_t imm)
{
	int t = route_index(trap), i;

	if (t < 0)
		return NULL;
	for (i = 0; i < HV_MAX_ROUTES && vcpu->vm->routes[t][i].conv; i++) {
		const struct hv_route *r = &vcpu->vm->routes[t][i];
		const struct hcall_conv_desc *d = r->conv->desc;
		uint32_t flags = r->conv->flags;

		if (has_imm(trap) && !(flags & HV_CONV_ANY_IMM) && d->imm != imm)
			continue;
		if ((flags & HV_CONV_SELECTOR) && reg(&vcpu->regs, d->sel_reg) != d->sel_value)
			continue;
		if ((flags & HV_CONV_SELECTOR_BELOW) &&
		    reg(&vcpu->regs, d->sel_reg) >= d->sel_value)
			continue;
		return r;
	}
	return NULL;
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
 * through them.
 */
static void run_registered(struct hv_call *hc)
{
	struct call *rc = (struct call *)hc; /* c is the first member */
	const struct hcall_conv_desc *d = hc->conv;
	int64_t ret = rc->fn(hc->hv, hc->vcpu, rc->key, rc->priv);
	unsigned i;

	for (i = 0; i < d->nres && i < HCALL_MAX_CONV_REGS; i++)
		hc->out[i] = reg(&hc->vcpu->regs, d->res_regs[i]);
	if (d->err_reg != HCALL_REG_NONE)
		hc->out[HV_CALL_ERR] = reg(&hc->vcpu->regs, d->err_reg);
	hv_call_status(hc, ret);
}

static const struct hv_entry registered_entry = {
	0, run_registered, HV_PERM_CUSTOM, 0, 0, 0
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

/* The entry that serves the call: the table's, the probe's or a
 * registered handler's (policy step 3), or NULL. */
static const struct hv_entry *find(struct call *rc, const struct hv_conv *conv,
				   int own)
{
	struct hv_call *c = &rc->c;
	const struct hv_entry *e = NULL;

	if (conv->flags & HV_CONV_REFUSE)
		return NULL;
	if (own)
		e = c->svc->lookup(c->ext, c->nr);
	if (!e)
		e = probe_entry(c->vm, c->svc, c->ext, c->nr);
	if (!e && own &&
	    registry_key(conv->flags & HV_CONV_EXTENSION, c->ext, c->nr, &rc->key) &&
	    hv_registry_find(c->hv, c->vm, c->svc->abi, rc->key, &rc->fn, &rc->priv))
		e = &registered_entry;
	return e;
}

/* The reserved arguments of e are zero in the frame (32-bit calls: their
 * low 32 bits). */
static int reserved_ok(const struct hv_call *c, const struct hv_entry *e)
{
	const struct hcall_conv_desc *d = c->conv;
	uint64_t mask = c->svc->arg64_bit && !(c->nr & c->svc->arg64_bit)
				? 0xFFFFFFFFu
				: ~0ull;
	unsigned i;

	for (i = 0; i < e->ncopy && i < d->nargs && i < 8; i++)
		if (((e->rsvd >> i) & 1u) && (reg(&c->vcpu->regs, d->arg_regs[i]) & mask))
			return 0;
	return 1;
}

static void write_back(struct hv_vcpu *vcpu, const struct hv_call *c, unsigned nres)
{
	const struct hcall_conv_desc *d = c->conv;
	unsigned i;

	for (i = 0; i < nres; i++)
		vcpu->regs.r[d->res_regs[i] % HCALL_NREGS] = c->out[i];
	if (d->err_reg != HCALL_REG_NONE)
		vcpu->regs.r[d->err_reg % HCALL_NREGS] = c->out[HV_CALL_ERR];
}

static enum hv_action inject(struct hv *hv, struct hv_vcpu *vcpu, enum hv_fault f)
{
	hv->ops->inject_fault(vcpu, f);
	return HV_INJECTED;
}

/* One trap on route r: policy steps 2-5, the handler, the write-back. */
static enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu,
			       const struct hv_route *r, unsigned privilege)
{
	const struct hv_service *svc = r->svc;
	const struct hcall_conv_desc *d = r->conv->desc;
	const struct hv_entry *e;
	struct call rc;
	struct hv_call *c = &rc.c;
	unsigned i;

	if (privilege && !(svc->quirks & HV_SVC_PRIV_DENIED))
		return inject(hv, vcpu,
			      d->arch == HCALL_ARCH_X86_64 ? HV_FAULT_GP0 : HV_FAULT_UNDEF);
	c->hv = hv;
	c->vcpu = vcpu;
	c->vm = vcpu->vm;
	c->svc = svc;
	c->conv = d;
	c->state = (unsigned char *)vcpu->vm->svc_state + r->state_off;
	c->nr = reg(&vcpu->regs, d->nr_reg) & svc->nr_mask;
	c->ext = (r->conv->flags & HV_CONV_EXTENSION) ? reg(&vcpu->regs, d->sel_reg) : 0;
	c->status = r->status;
	c->value = r->value;
	c->action = HV_RESUME;
	c->err_in_value = (r->conv->flags & HV_CONV_ERR_IN_VALUE) != 0;
	for (i = 0; i < r->nres; i++)
		c->out[i] = 0;
	c->out[HV_CALL_ERR] = 0;

	if (privilege) {
		hv_call_status(c, svc->errs.denied);
	} else if (!(e = find(&rc, r->conv, r->own))) {
		hv_call_status(c, svc->errs.unknown);
	} else if (!hv_call_permitted(c->vm, e)) {
		hv_call_status(c, svc->errs.denied);
	} else if (e->rsvd && !reserved_ok(c, e)) {
		hv_call_status(c, svc->errs.invalid);
	} else {
		for (i = 0; i < e->ncopy && i < d->nargs && i < HCALL_MAX_CONV_REGS; i++)
			c->arg[i] = reg(&vcpu->regs, d->arg_regs[i]);
		e->fn(c);
	}
	write_back(vcpu, c, r->nres);
	return (enum hv_action)c->action;
}

enum hv_action hv_handle_trap(struct hv *hv, struct hv_vcpu *vcpu,
			      enum hcall_trap trap, uint32_t imm, unsigned privilege)
{
	struct hv_vm *vm = vcpu->vm;
	const struct hv_route *r;

	if (!vm)
		return inject(hv, vcpu, HV_FAULT_UNDEF);
	/* A VM that is not running gets no service: the trap of a vCPU
	 * that was still in the guest when its VM stopped changes nothing,
	 * and the vCPU stops. */
	if (hv_vm_get_state(vm) != HV_VM_RUNNING)
		return HV_VCPU_OFF;
	if (!vm->abis || !(r = match(vcpu, trap, imm)))
		return inject(hv, vcpu, HV_FAULT_UNDEF);
	return dispatch(hv, vcpu, r, privilege);
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
