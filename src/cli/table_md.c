/* SPDX-License-Identifier: MIT */
/*
 * src/cli/table_md.c - one ABI as the Markdown reference of docs/abi/.
 */
#include "cli.h"

#include <string.h>

/* Table cells: a '|' would end the cell. */
static void cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputc('\\', out);
		fputc(*s, out);
	}
}

static void reg_list(FILE *out, const struct hcall_conv_desc *conv,
		     const uint8_t *regs, unsigned n)
{
	if (!n)
		fputs("-", out);
	for (unsigned i = 0; i < n; i++)
		fprintf(out, "%s%s", i ? ", " : "", conv_reg(conv, regs[i]));
}

static void conventions(FILE *out, const struct hcall_abi_desc *abi)
{
	char trap[48];

	fputs("## Conventions\n\n"
	      "| convention | trap | selector | number | arguments | results | error | may change |\n"
	      "| --- | --- | --- | --- | --- | --- | --- | --- |\n",
	      out);
	for (unsigned i = 0; i < abi->nconvs; i++) {
		const struct hcall_conv_desc *c = &abi->convs[i];

		fprintf(out, "| %s | `%s` | ", c->name,
			conv_trap_text(c, trap, sizeof(trap)));
		if (c->sel_reg == HCALL_REG_NONE)
			fputs("-", out);
		else
			fprintf(out, "%s = 0x%llx", conv_reg(c, c->sel_reg),
				(unsigned long long)c->sel_value);
		fprintf(out, " | %s | ", conv_reg(c, c->nr_reg));
		reg_list(out, c, c->arg_regs, c->nargs);
		fputs(" | ", out);
		reg_list(out, c, c->res_regs, c->nres);
		fprintf(out, " | %s | ",
			c->err_reg == HCALL_REG_NONE ? "-" : conv_reg(c, c->err_reg));
		for (unsigned r = 0, first = 1; r < HCALL_NREGS; r++)
			if (c->clobbers & (1u << r)) {
				fprintf(out, "%s%s", first ? "" : ", ", conv_reg(c, r));
				first = 0;
			}
		fputs(" |\n", out);
	}
	fputs("\n", out);
}

/* The registers of argument slot `slot` under every convention, once each. */
static void slot_regs(FILE *out, const struct hcall_abi_desc *abi,
		      unsigned slot, int paren)
{
	const char *seen[8];
	unsigned nseen = 0;

	for (unsigned i = 0; i < abi->nconvs && nseen < 8; i++) {
		unsigned reg = conv_arg_reg(&abi->convs[i], slot);
		const char *name = reg == HCALL_REG_NONE
					   ? "-" : conv_reg(&abi->convs[i], reg);
		unsigned j;

		for (j = 0; j < nseen && seen[j] != name; j++)
			;
		if (j == nseen)
			seen[nseen++] = name;
	}
	fputs(paren ? " (" : "", out);
	for (unsigned j = 0; j < nseen; j++)
		fprintf(out, "%s%s", j ? "/" : "", seen[j]);
	fputs(paren ? ")" : "", out);
}

static void calls(FILE *out, const struct hcall_abi_desc *abi)
{
	const int fid = smccc_space(abi);
	int errs = 0;
	char buf[200];

	/* An errors column where the table lists any call's errors. */
	for (unsigned i = 0; i < abi->ncalls && !errs; i++)
		errs = hcall_call_errors_find(abi->name, abi->calls[i].number) != 0;
	fprintf(out, "## Calls\n\n| number | call |%s result | arguments (registers) | reserved, must be zero |%s summary |\n",
		fid ? " function ID |" : "", errs ? " errors |" : "");
	fprintf(out, "| --- | --- |%s --- | --- | --- |%s --- |\n", fid ? " --- |" : "",
		errs ? " --- |" : "");
	for (unsigned i = 0; i < abi->ncalls; i++) {
		const struct hcall_call_desc *c = &abi->calls[i];
		unsigned s, n;

		fprintf(out, "| `0x%llx` | `%s` |", (unsigned long long)c->number,
			c->name);
		if (fid) {
			fputc(' ', out);
			cell(out, smccc_fid_brief(c->number, buf, sizeof(buf)));
			fputs(" |", out);
		}
		fprintf(out, " %s | ", hcall_result_kind_name(c->kind));
		if (!c->nargs)
			fputs("-", out);
		for (s = 0; s < hcall_call_nslots(c); s++) {
			int arg = hcall_call_slot_arg(c, s);

			if (arg < 0)
				continue;
			fprintf(out, "%s`%s`", arg ? ", " : "", c->args[arg]);
			slot_regs(out, abi, s, 1);
		}
		fputs(" | ", out);
		if (!c->nrsvd)
			fputs("-", out);
		for (s = 0, n = 0; s < hcall_call_nslots(c); s++) {
			if (!hcall_call_slot_reserved(c, s))
				continue;
			fputs(n++ ? ", " : "", out);
			if (c->rsvd_name)
				fprintf(out, "`%s`", c->rsvd_name);
			slot_regs(out, abi, s, c->rsvd_name != 0);
		}
		fputs(" | ", out);
		if (errs) {
			const struct hcall_err_desc *e[32];
			int known;
			unsigned ne = call_errors(abi, c, e, 32, &known);

			if (!known)
				fputs("any", out);
			else if (!ne)
				fputs("none", out);
			for (unsigned k = 0; k < ne; k++)
				fprintf(out, "%s`%s`", k ? ", " : "", e[k]->name);
			fputs(" | ", out);
		}
		cell(out, c->summary);
		fputs(" |\n", out);
	}
	fputs("\n", out);
}

static void errors(FILE *out, const struct hcall_abi_desc *abi)
{
	fputs("## Errors\n\n| raw | name | hcall status | meaning |\n"
	      "| --- | --- | --- | --- |\n",
	      out);
	for (unsigned i = 0; i < abi->nerrors; i++) {
		const struct hcall_err_desc *e = &abi->errors[i];
		enum hcall_status st = (enum hcall_status)e->status;

		fprintf(out, "| %lld | `%s` | `HCALL_%s` | %s |\n", (long long)e->raw,
			e->name, hcall_status_name(st), hcall_status_str(st));
	}
	fputs("\nAny other code maps to `HCALL_E_UNKNOWN`; the raw code is kept in "
	      "`struct hcall_result.code`.\n",
	      out);
}

void table_md(FILE *out, const struct hcall_abi_desc *abi)
{
	fprintf(out,
		"<!-- Generated by `hcall table %s --format md` from "
		"include/hcall/abi/%s.h. Do not edit; refresh with `./sdk docs`. -->\n\n",
		abi->name, abi->name);
	fprintf(out, "# %s (`%s`)\n\n", abi->title, abi->name);
	fprintf(out, "Source: %s. Table: `include/hcall/abi/%s.h` (format: "
		"[porting guide](../porting.md)).\n\n",
		abi->source, abi->name);
	fputs("Result kinds: `STATUS` 0 or an error code; `VALUE` a non-negative "
	      "value or an error code; `CUSTOM` several result registers, see "
	      "the summary.\n\n",
	      out);
	conventions(out, abi);
	calls(out, abi);
	errors(out, abi);
}
