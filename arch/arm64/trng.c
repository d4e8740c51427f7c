/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/trng.c - the Arm TRNG firmware interface (DEN0098 1.0) for
 * guests, fed by the CPU's random number instruction (RNDR, FEAT_RNG,
 * ID_AA64ISAR0_EL1.RNDR != 0; QEMU's `-cpu max` has it).
 *
 *   TRNG_VERSION    1.0 (0x10000)
 *   TRNG_FEATURES   0 for the five TRNG functions, else NOT_SUPPORTED
 *   TRNG_GET_UUID   hcall's TRNG UUID in w0..w3
 *   TRNG_RND32(n)   n = 1..96 bits in w3 (31:0), w2 (63:32), w1 (95:64)
 *   TRNG_RND64(n)   n = 1..192 bits in x3 (63:0), x2 (127:64), x1 (191:128)
 * Bits above n are zero; n out of range is INVALID_PARAMETERS; an RNDR
 * that fails (the hardware had no entropy) is NO_ENTROPY, never a
 * substitute value. Every result register x0..x3 is written.
 *
 * The calls are per-VM registered SMCCC handlers (hv_register_hypercall):
 * the portable core has no entropy source of its own.
 */
#include <hcall/abi/trng.h>

#include "sysreg.h"
#include "trng.h"

#define TRNG_NOT_SUPPORTED (-1)
#define TRNG_INVALID_PARAMETERS (-2)
#define TRNG_NO_ENTROPY (-3)

/* hcall's TRNG implementation UUID, 7a6c1ee4-57b2-4d2e-9b6e-3f1c0b8a5d21,
 * packed as a Call UID: four bytes a register, first byte lowest. */
static const uint32_t trng_uuid[4] = { 0xe41e6c7au, 0x2e4db257u, 0x1c3f6e9bu,
				       0x215d8a0bu };

static int has_rndr(void)
{
	return ((read_sysreg(id_aa64isar0_el1) >> 60) & 0xFu) != 0;
}

/* One RNDR: 1 with *v set, 0 when the hardware returned no entropy. */
static int rndr(uint64_t *v)
{
	uint64_t x;
	uint64_t ok;

	__asm__ __volatile__("mrs %0, s3_3_c2_c4_0\n\t" /* RNDR */
			     "cset %1, ne"
			     : "=r"(x), "=r"(ok)
			     :
			     : "cc");
	*v = x;
	return (int)ok;
}

static void set_results(struct hv_vcpu *v, uint64_t x1, uint64_t x2, uint64_t x3)
{
	v->regs.r[1] = x1;
	v->regs.r[2] = x2;
	v->regs.r[3] = x3;
}

static int64_t trng_version(struct hv *hv, struct hv_vcpu *v, uint64_t nr, void *priv)
{
	(void)hv, (void)nr, (void)priv;
	set_results(v, 0, 0, 0);
	return HCALL_TRNG_VERSION_1_0;
}

static int64_t trng_features(struct hv *hv, struct hv_vcpu *v, uint64_t nr, void *priv)
{
	uint32_t fid = (uint32_t)v->regs.r[1];

	(void)hv, (void)nr, (void)priv;
	set_results(v, 0, 0, 0);
	switch (fid) {
	case HCALL_TRNG_VERSION:
	case HCALL_TRNG_FEATURES:
	case HCALL_TRNG_GET_UUID:
	case HCALL_TRNG_RND32:
	case HCALL_TRNG_RND64:
		return 0;
	default:
		return TRNG_NOT_SUPPORTED;
	}
}

static int64_t trng_get_uuid(struct hv *hv, struct hv_vcpu *v, uint64_t nr, void *priv)
{
	(void)hv, (void)nr, (void)priv;
	set_results(v, trng_uuid[1], trng_uuid[2], trng_uuid[3]);
	return trng_uuid[0];
}

/* The low `bits` bits of w[0..2] (w[0] least significant) kept. */
static void mask_bits(uint64_t w[3], unsigned bits, unsigned word_bits)
{
	for (unsigned i = 0; i < 3; i++) {
		unsigned lo = i * word_bits;
		uint64_t all = word_bits == 64 ? ~0ull : 0xFFFFFFFFull;

		if (bits <= lo)
			w[i] = 0;
		else if (bits - lo < word_bits)
			w[i] &= all >> (word_bits - (bits - lo));
		else
			w[i] &= all;
	}
}

static int64_t trng_rnd(struct hv_vcpu *v, unsigned max_bits, unsigned word_bits)
{
	uint32_t bits = (uint32_t)v->regs.r[1];
	uint64_t r[3] = { 0, 0, 0 }, w[3];

	set_results(v, 0, 0, 0);
	if (bits == 0 || bits > max_bits)
		return TRNG_INVALID_PARAMETERS;
	for (unsigned i = 0; i < (max_bits + 63) / 64; i++)
		if (!rndr(&r[i]))
			return TRNG_NO_ENTROPY;
	if (word_bits == 32) {
		w[0] = r[0] & 0xFFFFFFFFull;
		w[1] = r[0] >> 32;
		w[2] = r[1] & 0xFFFFFFFFull;
	} else {
		w[0] = r[0];
		w[1] = r[1];
		w[2] = r[2];
	}
	mask_bits(w, bits, word_bits);
	/* The most significant part goes in x1, the least in x3. */
	set_results(v, w[2], w[1], w[0]);
	return 0;
}

static int64_t trng_rnd32(struct hv *hv, struct hv_vcpu *v, uint64_t nr, void *priv)
{
	(void)hv, (void)nr, (void)priv;
	return trng_rnd(v, HCALL_TRNG_RND32_MAX_BITS, 32);
}

static int64_t trng_rnd64(struct hv *hv, struct hv_vcpu *v, uint64_t nr, void *priv)
{
	(void)hv, (void)nr, (void)priv;
	return trng_rnd(v, HCALL_TRNG_RND64_MAX_BITS, 64);
}

int arm64_trng_offer(struct hv_vm *vm)
{
	static const struct {
		uint32_t fid;
		hv_handler_fn fn;
	} calls[] = {
		{ HCALL_TRNG_VERSION, trng_version },
		{ HCALL_TRNG_FEATURES, trng_features },
		{ HCALL_TRNG_GET_UUID, trng_get_uuid },
		{ HCALL_TRNG_RND32, trng_rnd32 },
		{ HCALL_TRNG_RND64, trng_rnd64 },
	};

	if (!(vm->abis & HV_ABI_BIT(HV_ABI_SMCCC)) || !has_rndr())
		return 0;
	for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		if (hv_register_hypercall(vm, HV_ABI_SMCCC, calls[i].fid, calls[i].fn, 0))
			return -1;
	return 1;
}
