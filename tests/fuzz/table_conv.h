/* SPDX-License-Identifier: MIT */
/*
 * tests/fuzz/table_conv.h - the guest-side table's convention that a
 * hypervisor service's convention describes, so the harness and the seed
 * writer both place a call's number and arguments where the table says.
 */
#ifndef HCALL_FUZZ_TABLE_CONV_H
#define HCALL_FUZZ_TABLE_CONV_H

#include <stddef.h>

#include <hcall/describe.h>

/* a's convention with d's architecture, trap, immediate and number
 * register, or NULL. */
static inline const struct hcall_conv_desc *table_conv(const struct hcall_abi_desc *a,
							const struct hcall_conv_desc *d)
{
	for (unsigned i = 0; i < a->nconvs; i++) {
		const struct hcall_conv_desc *c = &a->convs[i];

		if (c->arch == d->arch && c->trap == d->trap && c->imm == d->imm &&
		    c->nr_reg == d->nr_reg)
			return c;
	}
	return NULL;
}

#endif /* HCALL_FUZZ_TABLE_CONV_H */
