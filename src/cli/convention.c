/* SPDX-License-Identifier: MIT */
/*
 * src/cli/convention.c - what one convention does with the registers of
 * one call: selector, number, supplied and reserved arguments, results.
 */
#include "cli.h"

#include <string.h>

const char *conv_reg(const struct hcall_conv_desc *conv, unsigned idx)
{
	return hcall_reg_name(conv->arch, idx);
}

const char *conv_trap_text(const struct hcall_conv_desc *conv, char *buf,
			   size_t len)
{
	if (conv->trap == HCALL_TRAP_HVC || conv->trap == HCALL_TRAP_SMC)
		snprintf(buf, len, conv->imm ? "%s #0x%x" : "%s #%u", hcall_trap_name(conv->trap),
			 (unsigned)conv->imm);
	else
		snprintf(buf, len, "%s", hcall_trap_name(conv->trap));
	return buf;
}

const char *selector_ascii(uint64_t sel, char *buf, size_t len)
{
	char tmp[9];
	unsigned n = 0;
	int shift;

	for (shift = 56; shift >= 0; shift -= 8) {
		unsigned char c = (unsigned char)(sel >> shift);

		if (!c && !n)
			continue; /* leading zero bytes */
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9')))
			return NULL;
		tmp[n++] = (char)c;
	}
	if (n < 2 || len < n + 1)
		return NULL;
	tmp[n] = 0;
	snprintf(buf, len, "%s", tmp);
	return buf;
}

unsigned conv_arg_reg(const struct hcall_conv_desc *conv, unsigned slot)
{
	return slot < conv->nargs ? conv->arg_regs[slot] : HCALL_REG_NONE;
}
