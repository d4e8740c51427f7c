/* SPDX-License-Identifier: MIT */
/*
 * src/cli/view.c - what each convention of an ABI does with the registers
 * of one call (selector, number, supplied and reserved arguments, results,
 * clobbers), with the conventions that do the same merged into one block:
 * SMCCC's hvc and smc, x86's vmcall and vmmcall.
 */
#include "cli.h"

#include <string.h>

static struct view_line *add(struct view_block *b, int out, const char *reg)
{
	struct view_line *l;

	if (b->nlines >= VIEW_MAX_LINES)
		return &b->lines[VIEW_MAX_LINES - 1]; /* cannot happen: 18 regs max */
	l = &b->lines[b->nlines++];
	memset(l, 0, sizeof(*l));
	l->out = out;
	snprintf(l->reg, sizeof(l->reg), "%s", reg);
	return l;
}

static const char *result_text(const struct hcall_call_desc *call,
			       const struct hcall_conv_desc *conv)
{
	if (conv->err_reg != HCALL_REG_NONE)
		return call->kind == HCALL_RK_VALUE ? "value"
						    : "value (unused by this call)";
	return call->kind == HCALL_RK_VALUE
		       ? "value (>= 0) or a negative error code"
		       : "status: 0 or a negative error code";
}

static void build(const struct hcall_abi_desc *abi,
		  const struct hcall_conv_desc *conv,
		  const struct hcall_call_desc *call, const uint64_t *args,
		  unsigned nargs, struct view_block *b)
{
	struct view_line *l;
	char ascii[16];
	unsigned slot;

	memset(b, 0, sizeof(*b));
	b->convs[b->nconvs++] = conv;
	b->clobbers = conv->clobbers;
	if (conv->sel_reg != HCALL_REG_NONE) {
		l = add(b, 0, conv_reg(conv, conv->sel_reg));
		if (selector_ascii(conv->sel_value, ascii, sizeof(ascii)))
			snprintf(l->role, sizeof(l->role), "selector 0x%llx (\"%s\")",
				 (unsigned long long)conv->sel_value, ascii);
		else
			snprintf(l->role, sizeof(l->role), "selector 0x%llx",
				 (unsigned long long)conv->sel_value);
	}
	l = add(b, 0, conv_reg(conv, conv->nr_reg));
	snprintf(l->role, sizeof(l->role), "number 0x%llx (%s)",
		 (unsigned long long)call->number, call->ident);
	for (slot = 0; slot < hcall_call_nslots(call); slot++) {
		unsigned reg = conv_arg_reg(conv, slot);
		int arg = hcall_call_slot_arg(call, slot);

		l = add(b, 0, reg == HCALL_REG_NONE ? "-" : conv_reg(conv, reg));
		if (arg >= 0)
			snprintf(l->role, sizeof(l->role), "%s", call->args[arg]);
		else
			snprintf(l->role, sizeof(l->role), "%s%sreserved, must be zero",
				 call->rsvd_name ? call->rsvd_name : "",
				 call->rsvd_name ? ": " : "");
		if (reg == HCALL_REG_NONE) {
			size_t n = strlen(l->role);
			snprintf(l->role + n, sizeof(l->role) - n,
				 " (the %s convention has only %u argument registers)",
				 conv->name, (unsigned)conv->nargs);
		}
		if (args && slot < nargs) {
			l->has_value = 1;
			l->value = args[slot];
			l->not_zero = arg < 0 && args[slot] != 0;
		}
	}
	if (conv->err_reg != HCALL_REG_NONE) {
		l = add(b, 1, conv_reg(conv, conv->err_reg));
		snprintf(l->role, sizeof(l->role), "error: 0 or a negative error code");
	}
	if (!conv->nres)
		return;
	if (call->kind == HCALL_RK_CUSTOM) {
		/* One line for the whole result range, however long. */
		char reg[16];

		if (conv->nres == 1)
			snprintf(reg, sizeof(reg), "%s", conv_reg(conv, conv->res_regs[0]));
		else
			snprintf(reg, sizeof(reg), "%s-%s", conv_reg(conv, conv->res_regs[0]),
				 conv_reg(conv, conv->res_regs[conv->nres - 1]));
		l = add(b, 1, reg);
		snprintf(l->role, sizeof(l->role), "call-specific result (see the summary)");
		return;
	}
	l = add(b, 1, conv_reg(conv, conv->res_regs[0]));
	snprintf(l->role, sizeof(l->role), "%s", result_text(call, conv));
	(void)abi;
}

static int same(const struct view_block *a, const struct view_block *b)
{
	if (a->nlines != b->nlines || a->clobbers != b->clobbers ||
	    a->convs[0]->arch != b->convs[0]->arch)
		return 0;
	for (unsigned i = 0; i < a->nlines; i++) {
		const struct view_line *x = &a->lines[i], *y = &b->lines[i];

		if (x->out != y->out || strcmp(x->reg, y->reg) ||
		    x->has_value != y->has_value || x->value != y->value)
			return 0;
		/* The role may name the convention (too few registers). */
		if (strcmp(x->role, y->role) && !strstr(x->role, " convention has only "))
			return 0;
	}
	return 1;
}

unsigned view_blocks(const struct hcall_abi_desc *abi,
		     const struct hcall_call_desc *call, const uint64_t *args,
		     unsigned nargs, struct view_block *out, unsigned max)
{
	unsigned n = 0;

	for (unsigned c = 0; c < abi->nconvs; c++) {
		struct view_block b;
		unsigned i;

		build(abi, &abi->convs[c], call, args, nargs, &b);
		for (i = 0; i < n; i++)
			if (same(&out[i], &b) && out[i].nconvs < VIEW_MAX_CONVS)
				break;
		if (i < n) {
			out[i].convs[out[i].nconvs++] = &abi->convs[c];
		} else if (n < max) {
			out[n++] = b;
		}
	}
	return n;
}

static void traps(FILE *out, const struct view_block *b, const char *sep)
{
	char trap[48], prev[48] = "";

	for (unsigned i = 0; i < b->nconvs; i++) {
		conv_trap_text(b->convs[i], trap, sizeof(trap));
		if (!strcmp(trap, prev))
			continue;
		fprintf(out, "%s%s", *prev ? sep : "", trap);
		snprintf(prev, sizeof(prev), "%s", trap);
	}
}

void view_print_text(FILE *out, const struct hcall_abi_desc *abi,
		     const struct view_block *blocks, unsigned n)
{
	for (unsigned k = 0; k < n; k++) {
		const struct view_block *b = &blocks[k];
		const struct hcall_conv_desc *conv = b->convs[0];

		fputs("  ", out);
		for (unsigned i = 0; i < b->nconvs; i++)
			fprintf(out, "%s%s", i ? ", " : "", b->convs[i]->name);
		fputs(": ", out);
		traps(out, b, " / ");
		fputc('\n', out);
		for (unsigned i = 0; i < b->nlines; i++) {
			const struct view_line *l = &b->lines[i];

			fprintf(out, "    %-4s %-4s %s", l->out ? "out" : "in", l->reg, l->role);
			if (l->has_value)
				fprintf(out, " = 0x%llx", (unsigned long long)l->value);
			if (l->not_zero)
				fprintf(out, " -- NOT ZERO: %s must reject the call", abi->name);
			fputc('\n', out);
		}
		fprintf(out, "    may change:");
		for (unsigned r = 0; r < HCALL_NREGS; r++)
			if (b->clobbers & (1u << r))
				fprintf(out, " %s", conv_reg(conv, r));
		fputc('\n', out);
	}
}

void view_print_json(FILE *out, const struct view_block *blocks, unsigned n)
{
	char trap[48];

	fputc('[', out);
	for (unsigned k = 0; k < n; k++) {
		const struct view_block *b = &blocks[k];

		fputs(k ? ", {" : "{", out);
		json_key(out, 1, "conventions");
		fputc('[', out);
		for (unsigned i = 0; i < b->nconvs; i++) {
			fputs(i ? ", " : "", out);
			json_str(out, b->convs[i]->name);
		}
		fputc(']', out);
		json_key(out, 0, "traps");
		fputc('[', out);
		for (unsigned i = 0; i < b->nconvs; i++) {
			fputs(i ? ", " : "", out);
			json_str(out, conv_trap_text(b->convs[i], trap, sizeof(trap)));
		}
		fputc(']', out);
		json_key(out, 0, "arch");
		json_str(out, hcall_arch_name(b->convs[0]->arch));
		for (int dir = 0; dir < 2; dir++) {
			int first = 1;

			json_key(out, 0, dir ? "out" : "in");
			fputc('[', out);
			for (unsigned i = 0; i < b->nlines; i++) {
				const struct view_line *l = &b->lines[i];

				if (l->out != dir)
					continue;
				fputs(first ? "{" : ", {", out);
				first = 0;
				json_key(out, 1, "reg");
				json_str(out, l->reg);
				json_key(out, 0, "role");
				json_str(out, l->role);
				if (l->has_value) {
					json_key(out, 0, "value");
					json_hex(out, l->value);
					json_key(out, 0, "reserved_not_zero");
					fputs(l->not_zero ? "true" : "false", out);
				}
				fputc('}', out);
			}
			fputc(']', out);
		}
		json_key(out, 0, "may_change");
		fputc('[', out);
		for (unsigned r = 0, first = 1; r < HCALL_NREGS; r++)
			if (b->clobbers & (1u << r)) {
				fputs(first ? "" : ", ", out);
				json_str(out, conv_reg(b->convs[0], r));
				first = 0;
			}
		fputs("]}", out);
	}
	fputc(']', out);
}

unsigned call_errors(const struct hcall_abi_desc *abi,
		     const struct hcall_call_desc *call,
		     const struct hcall_err_desc **out, unsigned max, int *known)
{
	const char *list = hcall_call_errors_find(abi->name, call->number);
	unsigned n = 0;

	*known = list != NULL;
	if (!list)
		return 0;
	while (*list) {
		char name[64];
		size_t len;

		while (*list == ' ' || *list == ',')
			list++;
		len = strcspn(list, ", ");
		if (!len)
			break;
		snprintf(name, sizeof(name), "%.*s", (int)len, list);
		list += len;
		if (!strcmp(name, "NONE"))
			continue;
		unsigned i;
		for (i = 0; i < abi->nerrors; i++)
			if (!strcmp(abi->errors[i].name, name))
				break;
		if (i == abi->nerrors)
			fprintf(stderr, "hcall: table of %s: %s lists the error %s, which its error table lacks\n",
				abi->name, call->name, name);
		else if (n < max)
			out[n++] = &abi->errors[i];
	}
	return n;
}
