/* SPDX-License-Identifier: MIT */
/*
 * src/cli/lookup.c - finding a call by number (with SBI's EID selector and
 * SMCCC's shared function-ID space) or by name.
 */
#include "cli.h"

#include <ctype.h>
#include <string.h>

static int has_selector(const struct hcall_abi_desc *abi, uint64_t sel)
{
	for (unsigned i = 0; i < abi->nconvs; i++)
		if (abi->convs[i].sel_reg != HCALL_REG_NONE &&
		    abi->convs[i].sel_value == sel)
			return 1;
	return 0;
}

static int has_no_selector(const struct hcall_abi_desc *abi)
{
	for (unsigned i = 0; i < abi->nconvs; i++)
		if (abi->convs[i].sel_reg == HCALL_REG_NONE)
			return 1;
	return 0;
}

const struct hcall_call_desc *
cli_find_call(const struct hcall_abi_desc **abis, unsigned nabis, int has_sel,
	      uint64_t sel, uint64_t number, const struct hcall_abi_desc **owner)
{
	const struct hcall_call_desc *call;
	const int smccc = !has_sel && nabis == 1 && smccc_space(abis[0]);

	/* An SMCCC function ID is w0: bits 63:32 of x0 are not part of it. */
	if (smccc)
		number = (uint32_t)number;
	for (unsigned i = 0; i < nabis; i++) {
		/* In a family a plain number only means ABIs without a
		 * selector; a single named ABI implies its own selector. */
		if (has_sel ? !has_selector(abis[i], sel)
			    : nabis > 1 && !has_no_selector(abis[i]))
			continue;
		call = hcall_call_find(abis[i], number);
		if (call) {
			*owner = abis[i];
			return call;
		}
	}
	if (!smccc)
		return NULL;
	for (unsigned i = 0; i < HCALL_ABI_COUNT; i++) {
		if (!smccc_space(&hcall_abis[i]))
			continue;
		call = hcall_call_find(&hcall_abis[i], number);
		if (call) {
			*owner = &hcall_abis[i];
			return call;
		}
	}
	return NULL;
}

static int same_name(const char *a, const char *b)
{
	while (*a && tolower((unsigned char)*a) == tolower((unsigned char)*b)) {
		a++;
		b++;
	}
	return !*a && !*b;
}

const struct hcall_call_desc *
cli_find_call_name(const struct hcall_abi_desc **abis, unsigned nabis,
		   const char *name, const struct hcall_abi_desc **owner)
{
	for (unsigned i = 0; i < nabis; i++)
		for (unsigned c = 0; c < abis[i]->ncalls; c++) {
			const struct hcall_call_desc *call = &abis[i]->calls[c];

			if (same_name(call->name, name) || same_name(call->ident, name) ||
			    (!strncmp(call->ident, "HCALL_", 6) && same_name(call->ident + 6, name))) {
				*owner = abis[i];
				return call;
			}
		}
	return NULL;
}
