/* SPDX-License-Identifier: MIT */
/*
 * hv/registry.c - run-time handler registration, per VM and ABI, in the
 * spirit of Palacios' v3_register_hypercall but with a bounded O(1)
 * lookup instead of a red-black tree.
 *
 * One open-addressing table (struct hv's registry[]) holds every VM's
 * handlers, keyed by (VM, ABI, number). It is at most half full
 * (HV_REGISTRY_MAX of HV_REGISTRY_SLOTS) and probes linearly from a
 * Fibonacci hash, the cheapest sequence on the hot path. An insertion that would
 * need more than HV_REG_MAX_PROBE probes is refused (-ENOSPC), so every
 * lookup, hit or miss, ends within HV_REG_MAX_PROBE probes whatever
 * numbers a guest or an embedder picks.
 *
 * Changes happen under hv->lock; a call looks its handler up without any
 * lock, as a sequence-count reader: hv->reg_seq is odd while a change is
 * under way, and a lookup that saw it odd or changed is done again. Slot
 * fields are read and written with atomic accesses, so a reader racing a
 * writer reads values, never torn ones, and then discards them.
 */
#include "lock.h"
#include "dispatch.h"
#include "registry.h"

#define HV_REG_MAX_PROBE 64u

_Static_assert((HV_REGISTRY_SLOTS & (HV_REGISTRY_SLOTS - 1)) == 0,
	       "registry size must be a power of two");
_Static_assert(HV_REGISTRY_MAX * 2 <= HV_REGISTRY_SLOTS,
	       "registry must stay at most half full");

/* log2 of the slot count, for Fibonacci hashing. */
#define HV_REGISTRY_BITS (__builtin_ctz(HV_REGISTRY_SLOTS))

/*
 * Fibonacci hashing: multiply by 2^64/phi and keep the top bits. Sparse
 * 32-bit numbers and sequential ones both spread over the table, and it
 * costs a multiply and a shift on the hot path. The (vm, abi) pair is
 * folded into the top byte of the key; slot_is() compares the whole key,
 * so a collision costs a probe, never a wrong handler.
 */
static inline uint64_t key_hash(unsigned vm, enum hv_abi abi, uint64_t nr)
{
	uint64_t k = nr ^ ((((uint64_t)vm << 4) | (uint64_t)abi) << 56);

	return (k * 0x9e3779b97f4a7c15ull) >> (64 - HV_REGISTRY_BITS);
}

/* The i-th slot of the probe sequence starting at h (linear probing). */
static inline struct hv_reg_slot *slot_at(struct hv *hv, uint64_t h, unsigned i)
{
	return &hv->registry[(h + i) & (HV_REGISTRY_SLOTS - 1)];
}

#define LOAD(field) __atomic_load_n(&(field), __ATOMIC_RELAXED)
#define STORE(field, v) __atomic_store_n(&(field), (v), __ATOMIC_RELAXED)

static inline int slot_is(const struct hv_reg_slot *s, unsigned vm, enum hv_abi abi,
			  uint64_t nr)
{
	return LOAD(s->vm) == vm + 1 && LOAD(s->abi) == abi && LOAD(s->nr) == nr;
}

static inline int slot_free(const struct hv_reg_slot *s)
{
	return !LOAD(s->vm);
}

/* Fill a slot; vm = 0 empties it (tomb: keep probing past it). */
static void slot_write(struct hv_reg_slot *s, uint64_t nr, hv_handler_fn fn, void *priv,
		       uint16_t vm, uint8_t abi, uint8_t tomb)
{
	STORE(s->nr, nr);
	STORE(s->fn, fn);
	STORE(s->priv, priv);
	STORE(s->abi, abi);
	STORE(s->tomb, tomb);
	STORE(s->vm, vm);
}

/* A change to the registry: between these, hv->reg_seq is odd. Caller
 * holds hv->lock. */
static void change_begin(struct hv *hv)
{
	__atomic_store_n(&hv->reg_seq, hv->reg_seq + 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
}

static void change_end(struct hv *hv)
{
	__atomic_store_n(&hv->reg_seq, hv->reg_seq + 1, __ATOMIC_RELEASE);
}

/* The slot holding the key, or NULL. */
static inline struct hv_reg_slot *lookup(struct hv *hv, unsigned vm, enum hv_abi abi,
					 uint64_t nr)
{
	uint64_t h = key_hash(vm, abi, nr);
	unsigned i;

	for (i = 0; i < HV_REG_MAX_PROBE; i++) {
		struct hv_reg_slot *s = slot_at(hv, h, i);

		if (slot_free(s) && !LOAD(s->tomb))
			return NULL;
		if (slot_is(s, vm, abi, nr))
			return s;
	}
	return NULL;
}

static int vm_ok(const struct hv_vm *vm, enum hv_abi abi)
{
	return vm && vm->hv && vm->state != HV_VM_EMPTY && vm->id < HV_MAX_VMS &&
	       (unsigned)abi < HV_ABI_COUNT;
}

int hv_register_hypercall(struct hv_vm *vm, enum hv_abi abi, uint64_t nr,
			  hv_handler_fn fn, void *priv)
{
	struct hv *hv;
	struct hv_reg_slot *free = NULL;
	uint64_t h;
	unsigned i;
	int ret = -HV_ENOSPC;

	if (!vm_ok(vm, abi) || !fn)
		return -HV_EINVAL;
	ret = hv_number_check(vm, abi, nr);
	if (ret)
		return ret;
	ret = -HV_ENOSPC;
	hv = vm->hv;
	h = key_hash(vm->id, abi, nr);
	hv_lock(&hv->lock);
	for (i = 0; i < HV_REG_MAX_PROBE; i++) {
		struct hv_reg_slot *s = slot_at(hv, h, i);

		if (slot_is(s, vm->id, abi, nr)) {
			ret = -HV_EEXIST;
			free = NULL;
			break;
		}
		if (slot_free(s)) {
			if (!free)
				free = s;
			if (!LOAD(s->tomb))
				break; /* end of the chain: the key is absent */
		}
	}
	if (free && hv->nregistered < HV_REGISTRY_MAX) {
		change_begin(hv);
		slot_write(free, nr, fn, priv, (uint16_t)(vm->id + 1), (uint8_t)abi, 0);
		change_end(hv);
		hv->nregistered++;
		STORE(vm->nregistered[abi], (uint16_t)(vm->nregistered[abi] + 1));
		ret = 0;
	}
	hv_unlock(&hv->lock);
	return ret;
}

int hv_unregister_hypercall(struct hv_vm *vm, enum hv_abi abi, uint64_t nr)
{
	struct hv_reg_slot *s;
	int ret = -HV_ENOENT;

	if (!vm_ok(vm, abi))
		return -HV_EINVAL;
	hv_lock(&vm->hv->lock);
	s = lookup(vm->hv, vm->id, abi, nr);
	if (s) {
		change_begin(vm->hv);
		slot_write(s, 0, NULL, NULL, 0, 0, 1);
		change_end(vm->hv);
		vm->hv->nregistered--;
		STORE(vm->nregistered[abi], (uint16_t)(vm->nregistered[abi] - 1));
		ret = 0;
	}
	hv_unlock(&vm->hv->lock);
	return ret;
}

int hv_registry_find(struct hv *hv, const struct hv_vm *vm, enum hv_abi abi,
		     uint64_t nr, hv_handler_fn *fn, void **priv)
{
	if (!hv_registry_any(vm, abi))
		return 0;
	for (;;) {
		uint32_t seq = __atomic_load_n(&hv->reg_seq, __ATOMIC_ACQUIRE);
		struct hv_reg_slot *s;
		int found = 0;

		if (seq & 1)
			continue; /* a change is under way */
		s = lookup(hv, vm->id, abi, nr);
		if (s) {
			*fn = LOAD(s->fn);
			*priv = LOAD(s->priv);
			found = 1;
		}
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (__atomic_load_n(&hv->reg_seq, __ATOMIC_RELAXED) == seq)
			return found;
	}
}

void hv_registry_purge_locked(struct hv *hv, unsigned vm_id)
{
	unsigned i;

	if (vm_id < HV_MAX_VMS)
		for (i = 0; i < HV_ABI_COUNT; i++)
			STORE(hv->vms[vm_id].nregistered[i], 0);

	change_begin(hv);
	for (i = 0; i < HV_REGISTRY_SLOTS; i++) {
		struct hv_reg_slot *s = &hv->registry[i];

		if (LOAD(s->vm) == vm_id + 1) {
			slot_write(s, 0, NULL, NULL, 0, 0, 1);
			hv->nregistered--;
		}
	}
	change_end(hv);
}
