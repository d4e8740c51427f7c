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
	else if (conv->trap == HCALL_TRAP_VMCALL)
		/* The tables write VMCALL for both x86 vendors' instructions. */
		snprintf(buf, len, "vmcall / vmmcall");
	else
		snprintf(buf, len, "%s", hcall_trap_name(conv->trap));
	return buf;
}

unsigned conv_arg_reg(const struct hcall_conv_desc *conv, unsigned slot)
{
	return slot < conv->nargs ? conv->arg_regs[slot] : HCALL_REG_NONE;
}

static void print_value(FILE *out, const uint64_t *args, unsigned nargs,
			unsigned slot)
{
	if (args && slot < nargs)
		fprintf(out, " = 0x%llx", (unsigned long long)args[slot]);
}

static const char *result_text(const struct hcall_call_desc *call,
			       const struct hcall_conv_desc *conv, unsigned i)
{
	if (call->kind == HCALL_RK_CUSTOM)
		return "call-specific result (see the summary)";
	if (i > 0)
		return "not a result of this call";
	if (conv->err_reg != HCALL_REG_NONE)
		return call->kind == HCALL_RK_VALUE ? "value"
						    : "value (unused by this call)";
	return call->kind == HCALL_RK_VALUE
		       ? "value (>= 0) or a negative error code"
		       : "status: 0 or a negative error code";
}

void conv_print_call(FILE *out, const struct hcall_abi_desc *abi,
		     const struct hcall_conv_desc *conv,
		     const struct hcall_call_desc *call, const uint64_t *args,
		     unsigned nargs)
{
	char trap[48];
	unsigned slot, i;

	fprintf(out, "  %s: %s\n", conv->name,
		conv_trap_text(conv, trap, sizeof(trap)));
	if (conv->sel_reg != HCALL_REG_NONE)
		fprintf(out, "    in   %-4s selector 0x%llx\n",
			conv_reg(conv, conv->sel_reg),
			(unsigned long long)conv->sel_value);
	fprintf(out, "    in   %-4s number 0x%llx (%s)\n",
		conv_reg(conv, conv->nr_reg),
		(unsigned long long)call->number, call->ident);
	for (slot = 0; slot < hcall_call_nslots(call); slot++) {
		unsigned reg = conv_arg_reg(conv, slot);
		const char *reg_name =
			reg == HCALL_REG_NONE ? "-" : conv_reg(conv, reg);
		int arg = hcall_call_slot_arg(call, slot);

		if (arg >= 0)
			fprintf(out, "    in   %-4s %s", reg_name,
				call->args[arg]);
		else
			fprintf(out, "    in   %-4s %s%sreserved, must be zero",
				reg_name, call->rsvd_name ? call->rsvd_name : "",
				call->rsvd_name ? ": " : "");
		print_value(out, args, nargs, slot);
		if (reg == HCALL_REG_NONE)
			fprintf(out, " (the %s convention has only %u argument registers)",
				conv->name, (unsigned)conv->nargs);
		else if (args && arg < 0 && slot < nargs && args[slot] != 0)
			fprintf(out, " -- NOT ZERO: %s must reject the call",
				abi->name);
		fputc('\n', out);
	}
	if (conv->err_reg != HCALL_REG_NONE)
		fprintf(out, "    out  %-4s error: 0 or a negative error code\n",
			conv_reg(conv, conv->err_reg));
	for (i = 0; i < conv->nres; i++) {
		if (call->kind != HCALL_RK_CUSTOM && i > 0)
			break;
		fprintf(out, "    out  %-4s %s\n", conv_reg(conv, conv->res_regs[i]),
			result_text(call, conv, i));
	}
	fprintf(out, "    may change:");
	for (i = 0; i < HCALL_NREGS; i++)
		if (conv->clobbers & (1u << i))
			fprintf(out, " %s", conv_reg(conv, i));
	fputc('\n', out);
}
