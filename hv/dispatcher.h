/* SPDX-License-Identifier: MIT */
/*
 * hv/dispatcher.h - the dispatcher: one trap on a matched route, from its
 * call number to the handler's action, with policy steps 3-5 of
 * dispatch.c in their order.
 *
 * Each service instantiates it once, over its own service and lookup, as
 * its .dispatch:
 *
 *	static enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu,
 *				       const struct hv_route *r)
 *	{
 *		return hv_dispatch(hv, vcpu, r, &hv_service_<name>, lookup);
 *	}
 *
 * There the service is a constant, so the compiler sees each convention's
 * registers, the number mask and the error codes as constants and inlines
 * the lookup: a call costs what its own convention needs, with no
 * indirect lookup and no register spilled around one. The numbers beyond
 * the table (the probe's, the registered handlers) go to dispatch.c,
 * which runs the same hv_dispatch_run() with the route's values, so each
 * policy step is written once.
 */
#ifndef HV_DISPATCHER_H
#define HV_DISPATCHER_H

#include "service.h"

/* The conventions one service may have (hv_init checks). */
#define HV_MAX_CONVS 4

/* Policy step 3 past the service's table (the probe's numbers, then the
 * handlers registered for the VM), then steps 4-5 and the handler; the
 * ABI's unknown-call code if nobody implements (ext, nr). */
__attribute__((cold)) enum hv_action
hv_dispatch_beyond_table(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r,
			 uint64_t nr, uint64_t ext);

/* A call the dispatcher answers itself: every result register 0, then
 * code in the status register. */
__attribute__((cold)) enum hv_action hv_dispatch_refuse(struct hv_vcpu *vcpu,
							const struct hv_route *r, int64_t code);

/* Policy step 5 for an entry with reserved arguments, then its handler
 * (hv_dispatch_call with r's values). */
enum hv_action hv_dispatch_reserved(struct hv *hv, struct hv_vcpu *vcpu,
				    const struct hv_route *r, const struct hv_entry *e,
				    struct hv_call *c);

/* Zero n registers of the frame from first: a convention's results with
 * the error register right below them (hv_init checks that they fit).
 * One store or two overlapping pairs for the common counts (KVM's one,
 * SBI's two, SMCCC's four), which a constant count turns into plain
 * stores. */
static inline __attribute__((always_inline)) void hv_zero_results(uint64_t *regs,
								   unsigned first, unsigned n)
{
	uint64_t *p = regs + first;
	unsigned i;

	if (n == 1) {
		p[0] = 0;
		return;
	}
	if (n - 2u <= 2u) {
		p[0] = 0;
		p[1] = 0;
		p[n - 2] = 0;
		p[n - 1] = 0;
		return;
	}
	for (i = 0; i < n && i <= HCALL_MAX_CONV_REGS; i++)
		p[i] = 0;
}

/*
 * The handler of entry e of route r, its policy passed: the arguments
 * copied, the result registers zeroed (unless frame_ok and e is
 * HV_ENTRY_FRAME, which only the core's own entries are: the probe's,
 * the registry's), the call record filled. c holds nr and ext. d is r's
 * convention registers, passed apart so that a service's dispatcher gives
 * them as constants.
 */
static inline __attribute__((always_inline)) enum hv_action
hv_dispatch_call(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r,
		 const struct hcall_conv_desc *d, const struct hv_entry *e,
		 struct hv_call *c, int frame_ok)
{
	uint64_t *regs = vcpu->regs.r;
	unsigned has_err = d->err_reg != HCALL_REG_NONE, i, n;

	if (e->ncopy) {
		n = e->ncopy < d->nargs ? e->ncopy : d->nargs;
		for (i = 0; i < n && i < HCALL_MAX_CONV_REGS; i++)
			c->arg[i] = regs[d->arg_regs[i] % HCALL_NREGS];
	}
	/* Every result register, and the error register, is written before
	 * the handler runs: no value the core did not choose reaches the
	 * guest. */
	if (!(frame_ok && (e->flags & HV_ENTRY_FRAME)))
		hv_zero_results(regs, d->res_regs[0] - has_err, d->nres + has_err);
	c->out = regs + d->res_regs[0] % HCALL_NREGS;
	c->fmt = r->fmt;
	c->hv = hv;
	c->vcpu = vcpu;
	c->vm = vcpu->vm;
	c->route = r;
	c->state = r->state;
	e->fn(c);
	return (enum hv_action)c->action;
}

/*
 * Policy steps 4 and 5 for entry e, then its handler. The paths that
 * refuse, and the reserved-argument test, are calls after which nothing
 * is left to do: the handler's call is the only one the common path
 * keeps values across.
 */
static inline __attribute__((always_inline)) enum hv_action
hv_dispatch_run(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r,
		const struct hv_service *svc, const struct hcall_conv_desc *d,
		const struct hv_entry *e, struct hv_call *c, int frame_ok)
{
	if (!(r->perms & e->perm))
		return hv_dispatch_refuse(vcpu, r, svc->errs.denied);
	if (e->rsvd)
		return hv_dispatch_reserved(hv, vcpu, r, e, c);
	return hv_dispatch_call(hv, vcpu, r, d, e, c, frame_ok);
}

/* Policy step 3 in the table of convention conv of svc, then the rest. */
static inline __attribute__((always_inline)) enum hv_action
hv_dispatch_conv(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r,
		 const struct hv_service *svc, const struct hv_conv *conv,
		 const struct hv_entry *(*lookup)(uint64_t ext, uint64_t nr))
{
	const struct hcall_conv_desc *d = conv->desc;
	const uint64_t *regs = vcpu->regs.r;
	const struct hv_entry *e = NULL;
	struct hv_call c;

	c.nr = regs[d->nr_reg % HCALL_NREGS] & svc->nr_mask;
	c.ext = (conv->flags & HV_CONV_EXTENSION) ? regs[d->sel_reg % HCALL_NREGS] : 0;
	if (!(conv->flags & HV_CONV_REFUSE))
		e = lookup(c.ext, c.nr);
	if (!e)
		return hv_dispatch_beyond_table(hv, vcpu, r, c.nr, c.ext);
	return hv_dispatch_run(hv, vcpu, r, svc, d, e, &c, 0);
}

/* Whether the core serves arch: a bare image built for one architecture
 * (HV_IMAGE_ARCH, from the build) serves only its own, so its
 * dispatchers have no instance for the others' conventions and hv_init
 * refuses an arch ops of another; elsewhere, every one. */
static inline int hv_arch_served(unsigned arch)
{
#ifdef HV_IMAGE_ARCH
	return arch == HV_IMAGE_ARCH;
#else
	(void)arch;
	return 1;
#endif
}

static inline int hv_conv_served(const struct hv_conv *c)
{
	return hv_arch_served(c->desc->arch);
}

/* The dispatcher of svc: one instance of hv_dispatch_conv() per
 * convention the image serves, picked by the route's. */
static inline __attribute__((always_inline)) enum hv_action
hv_dispatch(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r,
	    const struct hv_service *svc,
	    const struct hv_entry *(*lookup)(uint64_t ext, uint64_t nr))
{
	const struct hv_conv *cv = svc->convs;
	unsigned last = svc->nconvs - 1;

	if (last > 0 && hv_conv_served(&cv[0]) && r->conv == &cv[0])
		return hv_dispatch_conv(hv, vcpu, r, svc, &cv[0], lookup);
	if (last > 1 && hv_conv_served(&cv[1]) && r->conv == &cv[1])
		return hv_dispatch_conv(hv, vcpu, r, svc, &cv[1], lookup);
	if (last > 2 && hv_conv_served(&cv[2]) && r->conv == &cv[2])
		return hv_dispatch_conv(hv, vcpu, r, svc, &cv[2], lookup);
	if (hv_conv_served(&cv[last]))
		return hv_dispatch_conv(hv, vcpu, r, svc, &cv[last], lookup);
	return hv_dispatch_beyond_table(hv, vcpu, r, 0, 0); /* no route of it */
}

#endif /* HV_DISPATCHER_H */
