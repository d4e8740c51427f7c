/* SPDX-License-Identifier: MIT */
/*
 * src/cli/table_json.c - one ABI as a JSON object (numbers as in json.c).
 */
#include "cli.h"

#define str json_str
#define hex json_hex

static void reg_or_null(FILE *out, const struct hcall_conv_desc *c,
			unsigned reg)
{
	if (reg == HCALL_REG_NONE)
		fputs("null", out);
	else
		str(out, conv_reg(c, reg));
}

static void regs(FILE *out, const struct hcall_conv_desc *c,
		 const uint8_t *r, unsigned n)
{
	fputc('[', out);
	for (unsigned i = 0; i < n; i++) {
		fputs(i ? ", " : "", out);
		str(out, conv_reg(c, r[i]));
	}
	fputc(']', out);
}

static void conv(FILE *out, const struct hcall_conv_desc *c)
{
	char trap[48];

	fputs("    {\"name\": ", out);
	str(out, c->name);
	fputs(", \"arch\": ", out);
	str(out, hcall_arch_name(c->arch));
	fputs(", \"trap\": ", out);
	str(out, conv_trap_text(c, trap, sizeof(trap)));
	fputs(", \"imm\": ", out);
	hex(out, c->imm);
	fputs(", \"selector_reg\": ", out);
	reg_or_null(out, c, c->sel_reg);
	fputs(", \"selector_value\": ", out);
	hex(out, c->sel_value);
	fputs(", \"number_reg\": ", out);
	reg_or_null(out, c, c->nr_reg);
	fputs(", \"arg_regs\": ", out);
	regs(out, c, c->arg_regs, c->nargs);
	fputs(", \"result_regs\": ", out);
	regs(out, c, c->res_regs, c->nres);
	fputs(", \"error_reg\": ", out);
	reg_or_null(out, c, c->err_reg);
	fputs(", \"clobbers\": [", out);
	for (unsigned r = 0, first = 1; r < HCALL_NREGS; r++)
		if (c->clobbers & (1u << r)) {
			fputs(first ? "" : ", ", out);
			str(out, conv_reg(c, r));
			first = 0;
		}
	fputs("]}", out);
}

static void call(FILE *out, const struct hcall_abi_desc *abi,
		 const struct hcall_call_desc *c)
{
	fputs("    {\"name\": ", out);
	str(out, c->name);
	fputs(", \"ident\": ", out);
	str(out, c->ident);
	fputs(", \"number\": ", out);
	hex(out, c->number);
	fputs(", \"kind\": ", out);
	str(out, hcall_result_kind_name(c->kind));
	fputs(", \"args\": [", out);
	for (unsigned i = 0; i < c->nargs; i++) {
		fputs(i ? ", " : "", out);
		str(out, c->args[i]);
	}
	fprintf(out, "], \"reserved\": %u, \"reserved_slots\": [", (unsigned)c->nrsvd);
	for (unsigned s = 0, n = 0; s < hcall_call_nslots(c); s++)
		if (hcall_call_slot_reserved(c, s))
			fprintf(out, "%s%u", n++ ? ", " : "", s);
	fputs("], \"reserved_name\": ", out);
	if (c->rsvd_name)
		str(out, c->rsvd_name);
	else
		fputs("null", out);
	fputs(", \"summary\": ", out);
	str(out, c->summary);
	fputs(", \"errors\": ", out);
	{
		const struct hcall_err_desc *e[32];
		int known;
		unsigned ne = call_errors(abi, c, e, 32, &known);

		if (!known)
			fputs("null", out);
		else {
			fputc('[', out);
			for (unsigned k = 0; k < ne; k++) {
				fputs(k ? ", " : "", out);
				str(out, e[k]->name);
			}
			fputc(']', out);
		}
	}
	fputc('}', out);
}

void table_json(FILE *out, const struct hcall_abi_desc *abi)
{
	fputs("{\n  \"abi\": ", out);
	str(out, abi->name);
	fputs(",\n  \"title\": ", out);
	str(out, abi->title);
	fputs(",\n  \"source\": ", out);
	str(out, abi->source);
	fputs(",\n  \"conventions\": [\n", out);
	for (unsigned i = 0; i < abi->nconvs; i++) {
		conv(out, &abi->convs[i]);
		fputs(i + 1 < abi->nconvs ? ",\n" : "\n", out);
	}
	fputs("  ],\n  \"calls\": [\n", out);
	for (unsigned i = 0; i < abi->ncalls; i++) {
		call(out, abi, &abi->calls[i]);
		fputs(i + 1 < abi->ncalls ? ",\n" : "\n", out);
	}
	fputs("  ],\n  \"errors\": [\n", out);
	for (unsigned i = 0; i < abi->nerrors; i++) {
		const struct hcall_err_desc *e = &abi->errors[i];

		fputs("    {\"name\": ", out);
		str(out, e->name);
		fprintf(out, ", \"raw\": %lld, \"status\": ", (long long)e->raw);
		str(out, hcall_status_name((enum hcall_status)e->status));
		fputs(i + 1 < abi->nerrors ? "},\n" : "}\n", out);
	}
	fputs("  ]\n}\n", out);
}
