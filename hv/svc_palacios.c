/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_palacios.c - the Palacios hypercall ABI: every number is the
 * embedder's, added with hv_register_hypercall(vm, HV_ABI_PALACIOS, nr,
 * fn, priv) as with Palacios' v3_register_hypercall. The core implements
 * none itself. As Palacios at b8836aa7 (vmm_hypercall.c): the number is
 * rax's low 32 bits; a number nobody registered answers rax = -1
 * (Palacios' only error, since 4d1d8fad). A handler returns what rax
 * becomes: rax as the guest left it for success (Palacios does not write
 * rax), -1 for failure (see arch/x86/palacios_services.c).
 */
#include <hcall/abi/palacios.h>
#include <hcall/abi/probe.h>

#include "dispatcher.h"
#include "service.h"

/* Inlined in the dispatcher. */
static inline __attribute__((always_inline)) const struct hv_entry *lookup(uint64_t ext,
									  uint64_t nr)
{
	(void)ext;
	(void)nr;
	return NULL;
}

/* PALACIOS_<NAME> = raw code, from the ABI's error table. */
#define PALACIOS_ERR(name, raw, status) PALACIOS_##name = (raw),
enum { HCALL_PALACIOS_ERRORS(PALACIOS_ERR) };

static const struct hcall_conv_desc conv = HCALL_PALACIOS_CONV;
static const struct hv_conv convs[] = { { &conv, 0 } };

/* The service's dispatcher, instantiated over its constant description. */
static enum hv_action dispatch(struct hv *hv, struct hv_vcpu *vcpu, const struct hv_route *r)
{
	return hv_dispatch(hv, vcpu, r, &hv_service_palacios, lookup);
}

const struct hv_service hv_service_palacios = {
	.name = "palacios",
	.abi = HV_ABI_PALACIOS,
	.convs = convs,
	.nconvs = 1,
	.lookup = lookup,
	.dispatch = dispatch,
	.nr_mask = 0xFFFFFFFFu, /* hcall_id_t: *(uint_t *)&rax */
	.errs = { PALACIOS_FAILED, PALACIOS_FAILED, PALACIOS_FAILED, PALACIOS_FAILED },
	.probe = { 0, HCALL_PROBE_X86_ECHO, HCALL_PROBE_X86_DUMP },
};
