/* SPDX-License-Identifier: MIT */
/*
 * hv/call.h - one decoded hypercall, as the services see it.
 *
 * The dispatcher copies the number and the argument registers out of the
 * trapped frame once, into a struct hv_call. A service reads c->arg[] and
 * sets results with hv_call_status()/hv_call_value()/hv_call_res(); it
 * never touches the frame. The dispatcher then writes every result
 * register of the convention from c->out[], so each one is
 * written on every path with a value the core chose.
 */
#ifndef HV_CALL_H
#define HV_CALL_H

#include <hcall/abi/desc.h>

#include "hv.h"
#include "nospec.h"

/* The ABI's answers for calls the dispatcher itself refuses. */
struct hv_abi_errors {
	int64_t unknown; /* number not implemented */
	int64_t denied;  /* outside the caller's permission set */
	int64_t invalid; /* a reserved argument is not zero */
	int64_t fault;   /* a guest address the call cannot use (probe DUMP) */
};

/* Slots of struct hv_call's out[] beyond the convention's result
 * registers (which are out[0..nres)). */
#define HV_CALL_ERR HCALL_MAX_CONV_REGS           /* the separate error register */
#define HV_CALL_DISCARD (HCALL_MAX_CONV_REGS + 1) /* never written back */
#define HV_CALL_OUT (HCALL_MAX_CONV_REGS + 2)

/*
 * Kept small: the dispatcher fills one on every built-in call, so each
 * field is a store on the hot path. The result registers, the error
 * register and the discard slot are one array, so the status and value
 * registers are 16-bit offsets (set together) rather than pointers.
 */
struct hv_call {
	struct hv *hv;
	struct hv_vcpu *vcpu;
	struct hv_vm *vm;
	const struct hcall_conv_desc *conv;
	const struct hv_abi_errors *svc_errs; /* the ABI's refusal codes */
	uint64_t nr;  /* call number (SMCCC: w0; SBI: the FID) */
	uint64_t ext; /* SBI: the EID; 0 elsewhere */
	/* Set by the dispatcher from the convention, so the helpers below
	 * need not search it on every call. Byte offsets into out[] (not
	 * indexes: no scaling on architectures without scaled addressing): */
	uint16_t status_off; /* of out[HV_CALL_ERR], or out[0] without an error register */
	uint16_t value_off;  /* of the first result register that is not the
			      * error register, or out[HV_CALL_DISCARD] if none */
	uint8_t action;      /* enum hv_action; HV_RESUME unless the service says */
	uint64_t arg[HCALL_MAX_CONV_REGS]; /* argument registers, in order */
	/* out[0..nres): the result registers, in order; out[HV_CALL_ERR]:
	 * the separate error register, if the convention has one. */
	uint64_t out[HV_CALL_OUT];
};

/* One call a service implements, in the service's dense table. */
struct hv_svc {
	uint64_t nr;  /* the full number, re-checked after the indexed lookup */
	void (*fn)(struct hv_call *c);
	uint8_t perm; /* the HV_PERM_* class a caller needs */
	uint8_t nargs;
	uint8_t rsvd;  /* bit i: argument i must be zero */
	uint8_t ncopy; /* arguments used, supplied and reserved, kept so the
			* dispatcher does not count them
			* them on every call (it still clamps to the convention) */
};

/*
 * A table entry for HCALL_<ABI>_<NAME>, taking its argument layout from the
 * ABI's table row (HV_SVC_ARGS below), so a call missing from the table
 * does not compile.
 */
#define HV_SVC(ABI, NAME, fn, perm)                                      \
	{ (uint64_t)(HCALL_##ABI##_##NAME), (fn), (perm),                \
	  HV_NARGS_##ABI##_##NAME, HV_RSVD_##ABI##_##NAME,               \
	  HV_NARGS_##ABI##_##NAME + HV_NRSVD_##ABI##_##NAME }

/* Per-call argument counts from an ABI table: `enum { HCALL_<ABI>_CALLS(HV_SVC_ARGS) };` */
#define HV_SVC_ARGS(ABI, abi, NAME, name, kind, nargs, nrsvd, a1, a2, a3, \
		    a4, summary)                                          \
	HV_NARGS_##ABI##_##NAME = (nargs),                                \
	HV_NRSVD_##ABI##_##NAME = HCALL_RSVD_COUNT(nrsvd),                \
	HV_RSVD_##ABI##_##NAME = HCALL_RSVD_MASK(nargs, nrsvd),


/* One ABI's service: its errors, its probe numbers and its table. */
struct hv_service {
	enum hv_abi abi;
	struct hv_abi_errors errs;
	uint64_t probe_ext;  /* SBI: the probe EID; 0 elsewhere */
	uint64_t probe_echo, probe_dump;
	/* The call (ext, nr) implements, or NULL. O(1). ext is SBI's EID,
	 * 0 elsewhere; taken by value so the dispatcher looks a call up
	 * before it builds any struct hv_call. */
	const struct hv_svc *(*lookup)(uint64_t ext, uint64_t nr);
};

extern const struct hv_service hv_svc_hvisor, hv_svc_smccc, hv_svc_sbi,
	hv_svc_kvm_x86, hv_svc_acrn, hv_svc_palacios;

/* Each service's lookup, also named here so the dispatcher calls it
 * directly instead of through the service's pointer. */
const struct hv_svc *hv_svc_hvisor_lookup(uint64_t ext, uint64_t nr);
const struct hv_svc *hv_svc_smccc_lookup(uint64_t ext, uint64_t nr);
const struct hv_svc *hv_svc_sbi_lookup(uint64_t ext, uint64_t nr);
const struct hv_svc *hv_svc_kvm_x86_lookup(uint64_t ext, uint64_t nr);
const struct hv_svc *hv_svc_acrn_lookup(uint64_t ext, uint64_t nr);
const struct hv_svc *hv_svc_palacios_lookup(uint64_t ext, uint64_t nr);

/* Look a call up in a dense table: index idx of n, clamped against
 * speculation, and the entry's full number must equal nr. Inline: it is
 * on every built-in call's path.
 * No separate bound test: the clamp sends an index >= n to entry 0, and
 * entry 0 either is empty (fn NULL) or holds the one number whose index
 * is 0 (every table puts a call at its own index), which cannot equal a
 * number whose index is >= n; so the full-number compare rejects it. */
static inline const struct hv_svc *hv_svc_at(const struct hv_svc *table, uint64_t n,
					     uint64_t idx, uint64_t nr)
{
	const struct hv_svc *e = &table[hv_index_nospec(idx, n)];

	return e->fn && e->nr == nr ? e : NULL;
}

/* The probe's ECHO and DUMP (probe.c). */
void hv_probe_echo(struct hv_call *c);
void hv_probe_dump(struct hv_call *c);

/* SMCCC owners other than the architecture's (svc_psci.c, svc_smccc.c). */
const struct hv_svc *hv_psci_lookup(uint32_t fid);
const struct hv_svc *hv_smccc_lookup(uint32_t fid);

/* True if vm may make the call e (permission class). */
static inline int hv_call_permitted(const struct hv_vm *vm, const struct hv_svc *e)
{
	return (vm->perms & e->perm) != 0;
}

/* The status register: the error register if there is one, else res[0]. */
static inline void hv_call_status(struct hv_call *c, int64_t status)
{
	*(uint64_t *)((unsigned char *)c->out + c->status_off) = (uint64_t)status;
}

/* The value register: the first result register that is not the error
 * register. With one shared register, the value replaces the status. */
static inline void hv_call_value(struct hv_call *c, uint64_t value)
{
	*(uint64_t *)((unsigned char *)c->out + c->value_off) = value;
}

/* Result register number i of the convention (0 = first). */
static inline void hv_call_res(struct hv_call *c, unsigned i, uint64_t value)
{
	if (i < c->conv->nres && i < HCALL_MAX_CONV_REGS)
		c->out[i] = value;
}

/* Success with a value: status 0 and value (one register: the value). */
static inline void hv_call_ok(struct hv_call *c, uint64_t value)
{
	hv_call_status(c, 0);
	hv_call_value(c, value);
}

/* The VM's lookup of a VM by id under hv->lock (core.c). */
struct hv_vm *hv_vm_by_id(struct hv *hv, uint64_t id);

#endif /* HV_CALL_H */
