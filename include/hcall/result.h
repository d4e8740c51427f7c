/* SPDX-License-Identifier: MIT */
/*
 * hcall/result.h - one error taxonomy across every hypercall ABI.
 *
 * Each ABI reports failure its own way: SMCCC and SBI use small negative
 * codes, KVM x86 uses negated errno values plus 1000 for ENOSYS, ACRN and
 * hvisor use negated errno values, Palacios uses -1. A typed call returns a
 * struct hcall_result that keeps the ABI's raw code (so nothing is lost)
 * and the unified status it maps to (so portable code can branch on it).
 */
#ifndef HCALL_RESULT_H
#define HCALL_RESULT_H

#include <hcall/compiler.h>
#include <hcall/types.h>

/*
 * The unified status. HCALL_E_UNKNOWN is what an error code outside the
 * ABI's documented set maps to; the raw code is still in `code`.
 */
#define HCALL_STATUS_LIST(X)                                                  \
	X(OK, "success")                                                      \
	X(E_NOT_SUPPORTED, "call not supported or not implemented")           \
	X(E_NOT_REQUIRED, "call not required on this implementation")         \
	X(E_INVALID_PARAM, "invalid parameter")                               \
	X(E_DENIED, "caller not permitted")                                   \
	X(E_INVALID_ADDRESS, "invalid or inaccessible address")               \
	X(E_ALREADY, "already available, started or done")                   \
	X(E_ALREADY_STOPPED, "already stopped")                               \
	X(E_BUSY, "resource busy, try again")                                 \
	X(E_NO_MEMORY, "out of memory or shared memory unavailable")          \
	X(E_TOO_BIG, "argument too big")                                      \
	X(E_FAILED, "call failed")                                            \
	X(E_UNKNOWN, "error code outside the ABI's documented set")

enum hcall_status {
#define HCALL__STATUS_ENUM(name, text) HCALL_##name,
	HCALL_STATUS_LIST(HCALL__STATUS_ENUM)
#undef HCALL__STATUS_ENUM
	HCALL_STATUS_COUNT
};

/*
 * status  the unified status;
 * code    the ABI's raw error (0 on success) as a signed value;
 * value   the call's primary result (for ABIs with one result register,
 *         the register itself when the call succeeded, else 0).
 */
struct hcall_result {
	enum hcall_status status;
	int64_t code;
	uint64_t value;
};

/* True when the call succeeded. */
HCALL_INLINE int hcall_ok(struct hcall_result r)
{
	return r.status == HCALL_OK;
}

/* A short English description of a status, for logs. */
HCALL_INLINE const char *hcall_status_str(enum hcall_status s)
{
	switch (s) {
#define HCALL__STATUS_STR(name, text) \
	case HCALL_##name:            \
		return text;
		HCALL_STATUS_LIST(HCALL__STATUS_STR)
#undef HCALL__STATUS_STR
	case HCALL_STATUS_COUNT:
		break;
	}
	return "invalid status";
}

/* The identifier of a status ("E_DENIED"), for machine-readable output. */
HCALL_INLINE const char *hcall_status_name(enum hcall_status s)
{
	switch (s) {
#define HCALL__STATUS_NAME(name, text) \
	case HCALL_##name:             \
		return #name;
		HCALL_STATUS_LIST(HCALL__STATUS_NAME)
#undef HCALL__STATUS_NAME
	case HCALL_STATUS_COUNT:
		break;
	}
	return "?";
}

/*
 * Error tables. Each ABI lists its codes once as
 *   X(NAME, raw_value, HCALL_<status>)
 * and hcall_map_<abi>_error() is generated from that list, so the docs,
 * the CLI and the hypervisor core see the same mapping.
 */
#define HCALL__ERR_CASE(name, raw, status) \
	case (raw):                        \
		return HCALL_##status;

#define HCALL_DEFINE_ERROR_MAP(fn, LIST)                      \
	HCALL_INLINE enum hcall_status fn(int64_t raw)        \
	{                                                     \
		switch (raw) {                                \
			LIST(HCALL__ERR_CASE)                 \
		default:                                      \
			return HCALL_E_UNKNOWN;               \
		}                                             \
	}

/*
 * Result constructors for the two register shapes. `kind` is an
 * enum hcall_result_kind (STATUS = 0, VALUE = 1); with a constant kind and
 * mapper these fold away when the caller ignores the result.
 */

/* One register carries either a value or a negative error code. */
HCALL_INLINE struct hcall_result
hcall_result_from_reg(int kind, int64_t reg, enum hcall_status (*map)(int64_t))
{
	struct hcall_result r;

	if (kind == 1 && reg >= 0) {
		r.status = HCALL_OK;
		r.code = 0;
		r.value = (uint64_t)reg;
	} else {
		r.status = map(reg);
		r.code = reg;
		r.value = 0;
	}
	return r;
}

/* An error register and a value register (the SBI shape). */
HCALL_INLINE struct hcall_result
hcall_result_from_pair(int64_t err, uint64_t value,
		       enum hcall_status (*map)(int64_t))
{
	struct hcall_result r;

	r.status = map(err);
	r.code = err;
	r.value = value;
	return r;
}

#endif /* HCALL_RESULT_H */
