/* SPDX-License-Identifier: MIT */
/*
 * hv/service.h - what a service (one hypercall ABI, hv/svc_<abi>.c) gives
 * the core, and what its handlers get.
 *
 * A service is one const struct hv_service: its trap conventions, its
 * call table (number, handler, permission class, argument layout), its
 * error codes, its probe numbers, its quirks as flags and the size of its
 * per-VM state. hv/services.h lists every service; when a VM is created
 * the core works out, from that list and the VM's ABIs, which convention
 * answers which trap (its routes, dispatch.c), and runs every call through
 * one dispatcher (hv/dispatcher.h, which each service instantiates over
 * itself as its .dispatch), which applies the policy in its documented
 * order before any handler runs and zeroes every result register before
 * the handler writes its results.
 *
 * A handler gets a struct hv_call: the arguments the table row declares
 * (c->arg[], copied once from the frame), the caller, and its own
 * per-VM state of the caller (c->state). It sets the result with
 * hv_call_status()/hv_call_value()/hv_call_ok(), or by writing
 * c->out[i] (the convention's result register i) directly; it touches
 * the frame only through c->out.
 *
 * A convention's result registers are consecutive in struct hcall_regs,
 * and a separate error register sits right below them (hv_init checks
 * every service's conventions).
 */
#ifndef HV_SERVICE_H
#define HV_SERVICE_H

#include <hcall/abi/desc.h>

#include "hv.h"
#include "nospec.h"

struct hv_service;

/*
 * One call in progress, as its handler sees it. out points at the
 * convention's result registers in the caller's frame: out[i] is result
 * register i (0 <= i < the convention's result count) and out[status],
 * out[value] the status and value registers (status is -1 where a
 * separate error register sits right below the results, as SBI's a0).
 * They are all 0 when a table's handler starts.
 */
struct hv_call {
	struct hv *hv;
	struct hv_vcpu *vcpu;
	struct hv_vm *vm;
	const struct hv_route *route; /* the service and convention called
				       * (hv_call_service, hv_call_conv) */
	void *state;  /* the service's per-VM state of the caller */
	uint64_t nr;  /* call number (SMCCC: w0; SBI: the FID) */
	uint64_t ext; /* the extension ID (SBI: the EID); 0 elsewhere */
	uint64_t *out;
	union {
		struct {
			int8_t status;  /* out[] index of the status register */
			int8_t value;   /* out[] index of the value register */
			uint8_t action; /* enum hv_action; HV_RESUME unless the
					 * handler says */
			uint8_t err_in_value; /* HV_CONV_ERR_IN_VALUE */
		};
		uint32_t fmt; /* the four, as the route has them */
	};
	uint64_t arg[HCALL_MAX_CONV_REGS]; /* argument registers, in order */
};

typedef void (*hv_call_fn)(struct hv_call *c);

/* One call of a service's table (16 bytes: a lookup indexes it with a
 * shift). */
struct hv_entry {
	hv_call_fn fn;
	uint32_t nr;   /* the full number (every ABI's fits in 32 bits),
			* compared after an indexed lookup */
	uint8_t perm;  /* the HV_PERM_* class a caller needs */
	uint8_t rsvd;  /* bit i: argument register i is reserved, must be zero */
	uint8_t ncopy; /* argument registers the call uses, supplied and
			* reserved, copied to c->arg[] in convention order */
	uint8_t flags; /* HV_ENTRY_* */
};

/* The handler works on the frame as the guest left it: its result
 * registers are not zeroed first (registered handlers, hv.h). */
#define HV_ENTRY_FRAME 1u

/*
 * A table entry for HCALL_<ABI>_<NAME>, its argument layout from the ABI's
 * table row, so a call missing from the table does not compile. The
 * service file declares the layouts once with
 * `enum { HCALL_<ABI>_CALLS(HV_ENTRY_ARGS) };`.
 */
#define HV_ENTRY(ABI, NAME, fn_, perm_)                                   \
	{ .fn = (fn_), .nr = (HCALL_##ABI##_##NAME), .perm = (perm_),     \
	  .rsvd = HV_RSVD_##ABI##_##NAME,                                 \
	  .ncopy = HV_NARGS_##ABI##_##NAME + HV_NRSVD_##ABI##_##NAME }

#define HV_ENTRY_ARGS(ABI, abi, NAME, name, kind, nargs, nrsvd, a1, a2, a3, \
		      a4, summary)                                          \
	HV_NARGS_##ABI##_##NAME = (nargs),                                  \
	HV_NRSVD_##ABI##_##NAME = HCALL_RSVD_COUNT(nrsvd),                  \
	HV_RSVD_##ABI##_##NAME = HCALL_RSVD_MASK(nargs, nrsvd),

/* Entry `idx` of a dense table of n, clamped against speculation, if its
 * full number is nr. (An index >= n reaches entry 0, whose number has
 * index 0, so cannot equal nr: every table puts a call at its own index.) */
static inline const struct hv_entry *hv_entry_at(const struct hv_entry *table,
						 uint64_t n, uint64_t idx, uint64_t nr)
{
	const struct hv_entry *e = &table[hv_index_nospec(idx, n)];

	return e->fn && e->nr == nr ? e : NULL;
}

/* Entry nr & (n - 1) of a table of n slots, n a power of two, if its full
 * number is nr: a table that puts each call at its number's low bits.
 * The mask keeps the index in the table under speculation too. */
static inline const struct hv_entry *hv_entry_in(const struct hv_entry *table, uint64_t n,
						 uint64_t nr)
{
	const struct hv_entry *e = &table[nr & (n - 1)];

	return e->fn && e->nr == nr ? e : NULL;
}

/*
 * One trap convention of a service: its registers (the ABI table's
 * descriptor: trap, immediate, number, argument and result registers)
 * and how a trap is matched to it.
 */
#define HV_CONV_SELECTOR 1u  /* desc sel_reg == sel_value selects this ABI
			      * (hvisor on riscv: a7 = 0x114514) */
#define HV_CONV_EXTENSION 2u /* desc sel_reg carries the extension ID
			      * (SBI's EID), read into c->ext */
#define HV_CONV_ANY_IMM 4u   /* matches any immediate, after every exact one */
#define HV_CONV_EVERY_VM 8u  /* also answers VMs without the ABI, as a
			      * fallback: unknown to them, but for the probe */
#define HV_CONV_REFUSE 16u   /* every number is unknown (no table, probe or
			      * registry): the ABI's answer to stray traps */
#define HV_CONV_ERR_IN_VALUE 32u /* a failed call answers the error register
			      * -1 (SBI_ERR_FAILED) and its code in the value
			      * register (hvisor on riscv) */
#define HV_CONV_SELECTOR_BELOW 64u /* desc sel_reg < sel_value selects
			      * this ABI: a range of selectors as one
			      * convention (SBI's legacy EIDs 0..8) */

struct hv_conv {
	const struct hcall_conv_desc *desc;
	uint32_t flags;
};

/* The ABI's answers for calls the dispatcher itself refuses. */
struct hv_errors {
	int64_t unknown; /* number not implemented */
	int64_t denied;  /* outside the caller's permission set */
	int64_t invalid; /* a reserved argument is not zero */
	int64_t fault;   /* a guest address the call cannot use (probe DUMP) */
};

/* Quirks of a service, as flags. */
#define HV_SVC_PRIV_DENIED 1u /* a caller above guest-kernel privilege gets
			       * the denial code, not a fault (KVM x86) */

struct hv_service {
	const char *name;
	enum hv_abi abi;
	const struct hv_conv *convs;
	unsigned nconvs;
	/* The call (ext, nr) of the table, or NULL; O(1), through
	 * hv_entry_in() or hv_entry_at(). nr is already masked with nr_mask.
	 * Always inline: the service's dispatcher inlines it. */
	const struct hv_entry *(*lookup)(uint64_t ext, uint64_t nr);
	/* The service's dispatcher: hv_dispatch() of hv/dispatcher.h over
	 * this service, which every trap on one of its routes runs. */
	enum hv_action (*dispatch)(struct hv *hv, struct hv_vcpu *vcpu,
				   const struct hv_route *r);
	uint64_t nr_mask;     /* the number register's bits that are the
			       * number (SMCCC: w0) */
	uint64_t arg64_bit;   /* if non-zero: a number without this bit takes
			       * 32-bit arguments (SMCCC SMC32/HVC32), so
			       * reserved arguments are tested on 32 bits */
	struct hv_errors errs;
	struct {
		uint64_t ext, echo, dump;
	} probe;              /* the probe's numbers on this ABI */
	uint32_t quirks;      /* HV_SVC_* */
	/* Per-VM state: state_size bytes (<= HV_SVC_STATE_SIZE all services
	 * together), zeroed when the VM is created; then vm_init (optional)
	 * fills it from the configuration. vm_start (optional) runs each
	 * time the VM (re)starts from CREATED or STOPPED. Both run with
	 * hv->lock held. */
	size_t state_size;
	void (*vm_init)(struct hv_vm *vm, void *state, const struct hv_vm_config *cfg);
	void (*vm_start)(struct hv_vm *vm, void *state);
	/* The upcall vector of a service VM that has this ABI (optional;
	 * else HV_UPCALL_VECTOR). Called with hv->lock held. */
	unsigned (*upcall_vector)(const struct hv_vm *vm, const void *state);
};

/* Every service, in hv/services.h order (indexed by enum hv_abi). */
extern const struct hv_service *const hv_services[HV_ABI_COUNT];
#define HV__SVC_DECL(NAME, name) extern const struct hv_service hv_service_##name;
HV_SERVICES(HV__SVC_DECL)
#undef HV__SVC_DECL

/* The service's per-VM state of vm (zeroed at creation). The caller
 * follows the lock rules of hv.h (vm->lock). */
static inline void *hv_vm_state(struct hv_vm *vm, const struct hv_service *svc)
{
	return (unsigned char *)vm->svc_state + vm->hv->svc_off[svc->abi];
}

/* True if vm may make the call e (permission class). */
static inline int hv_call_permitted(const struct hv_vm *vm, const struct hv_entry *e)
{
	return (vm->perms & e->perm) != 0;
}

/* The service and the convention (registers) of the call. */
static inline const struct hv_service *hv_call_service(const struct hv_call *c)
{
	return c->route->svc;
}

static inline const struct hcall_conv_desc *hv_call_conv(const struct hv_call *c)
{
	return c->route->desc;
}

/* The status register: the error register if there is one, else res[0].
 * Under HV_CONV_ERR_IN_VALUE a non-zero status goes to the value register
 * and the error register says -1. */
static inline void hv_call_status(struct hv_call *c, int64_t status)
{
	if (status && c->err_in_value) {
		c->out[c->status] = (uint64_t)-1;
		c->out[c->value] = (uint64_t)status;
		return;
	}
	c->out[c->status] = (uint64_t)status;
}

/* The value register: the first result register that is not the error
 * register. With one shared register, the value replaces the status. */
static inline void hv_call_value(struct hv_call *c, uint64_t value)
{
	c->out[c->value] = value;
}

/* Success with a value: status 0 and value (one register: the value). */
static inline void hv_call_ok(struct hv_call *c, uint64_t value)
{
	hv_call_status(c, 0);
	hv_call_value(c, value);
}

/* The VM with this id, or NULL (empty slot, out of range). Caller holds
 * hv->lock. The id is the guest's: clamped against speculation. */
struct hv_vm *hv_vm_by_id(struct hv *hv, uint64_t id);

#endif /* HV_SERVICE_H */
