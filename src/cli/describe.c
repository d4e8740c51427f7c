/* SPDX-License-Identifier: MIT */
/*
 * src/cli/describe.c - one call in words (decode, regs): name, summary,
 * wrapper, registers per convention, and the errors it can return.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "cli.h"

#include <ctype.h>
#include <stdlib.h>

#define MAX_ERRS 32

static void upper(FILE *out, const char *s)
{
	for (; *s; s++)
		fputc(toupper((unsigned char)*s), out);
}

static void wrapper(FILE *out, const struct hcall_abi_desc *abi,
		    const struct hcall_call_desc *call)
{
	fprintf(out, "hcall_%s_%s(", abi->name, call->name);
	for (unsigned i = 0; i < call->nargs; i++)
		fprintf(out, "%s%s", i ? ", " : "", call->args[i]);
	fprintf(out, "%s)", call->nargs ? "" : "void");
}

static unsigned nonzero_errors(const struct hcall_abi_desc *abi)
{
	unsigned n = 0;

	for (unsigned i = 0; i < abi->nerrors; i++)
		n += abi->errors[i].raw != 0;
	return n;
}

static void error_text(FILE *out, const struct hcall_err_desc *e)
{
	fprintf(out, "  %5lld  %-22s -> HCALL_%s (%s)\n", (long long)e->raw, e->name,
		hcall_status_name((enum hcall_status)e->status),
		hcall_status_str((enum hcall_status)e->status));
}

static void error_json(FILE *out, const struct hcall_err_desc *e)
{
	fputc('{', out);
	json_key(out, 1, "name");
	json_str(out, e->name);
	json_key(out, 0, "raw");
	fprintf(out, "%lld", (long long)e->raw);
	json_key(out, 0, "status");
	json_str(out, hcall_status_name((enum hcall_status)e->status));
	json_key(out, 0, "meaning");
	json_str(out, hcall_status_str((enum hcall_status)e->status));
	fputc('}', out);
}

static void describe_text(FILE *out, const struct hcall_abi_desc *abi,
			  const struct hcall_call_desc *call,
			  const struct view_block *blocks, unsigned nblocks,
			  const struct hcall_err_desc **errs, unsigned nerrs,
			  int known, int brief)
{
	fprintf(out, "%s (%s): ", abi->title, abi->name);
	upper(out, call->name);
	fprintf(out, " = 0x%llx, %s\n", (unsigned long long)call->number, call->ident);
	fprintf(out, "  %s\n", call->summary);
	if (!brief) {
		fputs("  guest wrapper: ", out);
		wrapper(out, abi, call);
		fputc('\n', out);
	}
	fprintf(out, "  result kind: %s", hcall_result_kind_name(call->kind));
	if (call->nrsvd)
		fprintf(out, "; %u reserved argument%s must be zero", (unsigned)call->nrsvd,
			call->nrsvd == 1 ? "" : "s");
	fputs("\nregisters:\n", out);
	view_print_text(out, abi, blocks, nblocks);
	if (brief)
		return;
	if (!known) {
		fprintf(out, "errors: any of the %u error codes of %s (its table does not list this call's; "
			"`hcall error %s CODE` explains one)\n",
			nonzero_errors(abi), abi->name, abi->name);
	} else if (!nerrs) {
		fputs("errors: none (this call cannot fail)\n", out);
	} else {
		fprintf(out, "errors this call can return (%s):\n", abi->name);
		for (unsigned i = 0; i < nerrs; i++)
			error_text(out, errs[i]);
	}
}

static void describe_json(FILE *out, const struct hcall_abi_desc *abi,
			  const struct hcall_call_desc *call,
			  const struct view_block *blocks, unsigned nblocks,
			  const struct hcall_err_desc **errs, unsigned nerrs,
			  int known)
{
	char buf[200];

	fputc('{', out);
	json_key(out, 1, "found");
	fputs("true", out);
	json_key(out, 0, "abi");
	json_str(out, abi->name);
	json_key(out, 0, "abi_title");
	json_str(out, abi->title);
	json_key(out, 0, "call");
	json_str(out, call->name);
	json_key(out, 0, "ident");
	json_str(out, call->ident);
	json_key(out, 0, "number");
	json_hex(out, call->number);
	if (smccc_space(abi)) {
		json_key(out, 0, "function_id");
		json_str(out, smccc_fid_text(call->number, buf, sizeof(buf)));
	}
	json_key(out, 0, "summary");
	json_str(out, call->summary);
	json_key(out, 0, "wrapper");
	{
		char *text = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&text, &len);

		if (m) {
			wrapper(m, abi, call);
			fclose(m);
		}
		json_str(out, text ? text : "");
		free(text);
	}
	json_key(out, 0, "kind");
	json_str(out, hcall_result_kind_name(call->kind));
	json_key(out, 0, "reserved");
	fprintf(out, "%u", (unsigned)call->nrsvd);
	json_key(out, 0, "registers");
	view_print_json(out, blocks, nblocks);
	json_key(out, 0, "errors_known");
	fputs(known ? "true" : "false", out);
	json_key(out, 0, "errors");
	fputc('[', out);
	if (known) {
		for (unsigned i = 0; i < nerrs; i++) {
			fputs(i ? ", " : "", out);
			error_json(out, errs[i]);
		}
	} else {
		for (unsigned i = 0, n = 0; i < abi->nerrors; i++)
			if (abi->errors[i].raw) {
				fputs(n++ ? ", " : "", out);
				error_json(out, &abi->errors[i]);
			}
	}
	fputs("]}", out);
}

void describe_call(FILE *out, enum cli_format fmt,
		   const struct hcall_abi_desc *abi,
		   const struct hcall_call_desc *call, const uint64_t *args,
		   unsigned nargs, int brief)
{
	struct view_block blocks[VIEW_MAX_CONVS];
	const struct hcall_err_desc *errs[MAX_ERRS];
	unsigned nblocks = view_blocks(abi, call, args, nargs, blocks, VIEW_MAX_CONVS);
	int known;
	unsigned nerrs = call_errors(abi, call, errs, MAX_ERRS, &known);

	if (fmt == CLI_JSON)
		describe_json(out, abi, call, blocks, nblocks, errs, nerrs, known);
	else
		describe_text(out, abi, call, blocks, nblocks, errs, nerrs, known, brief);
}

void describe_error_json(FILE *out, const struct hcall_err_desc *e)
{
	error_json(out, e);
}
