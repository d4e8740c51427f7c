/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_list.c - `hcall list [ABI]`.
 */
#include "cli.h"

static const char help[] =
	"usage: hcall list [ABI] [--format text|json]\n"
	"\n"
	"Without ABI: one line per ABI (name, number of calls, title).\n"
	"With ABI: one line per call (number, name, summary). ABI (any case)\n"
	"may name a family (`sbi`: every sbi_* extension, each with its EID).\n";

/* "EID 0x48534d (\"HSM\")" for an ABI whose conventions have a selector. */
static const char *selector_of(const struct hcall_abi_desc *abi, char *buf, size_t len)
{
	char ascii[16];

	for (unsigned i = 0; i < abi->nconvs; i++) {
		const struct hcall_conv_desc *c = &abi->convs[i];

		if (c->sel_reg == HCALL_REG_NONE)
			continue;
		if (selector_ascii(c->sel_value, ascii, sizeof(ascii)))
			snprintf(buf, len, "%s = 0x%llx (\"%s\")", conv_reg(c, c->sel_reg),
				 (unsigned long long)c->sel_value, ascii);
		else
			snprintf(buf, len, "%s = 0x%llx", conv_reg(c, c->sel_reg),
				 (unsigned long long)c->sel_value);
		return buf;
	}
	return NULL;
}

static void list_json(const struct hcall_abi_desc **abis, unsigned nabis, int calls)
{
	char sel[64];

	fputc('[', stdout);
	for (unsigned a = 0; a < nabis; a++) {
		const struct hcall_abi_desc *abi = abis[a];

		fputs(a ? ",\n {" : "{", stdout);
		json_key(stdout, 1, "abi");
		json_str(stdout, abi->name);
		json_key(stdout, 0, "title");
		json_str(stdout, abi->title);
		json_key(stdout, 0, "ncalls");
		printf("%u", abi->ncalls);
		json_key(stdout, 0, "selector");
		if (selector_of(abi, sel, sizeof(sel)))
			json_str(stdout, sel);
		else
			fputs("null", stdout);
		if (calls) {
			json_key(stdout, 0, "calls");
			fputc('[', stdout);
			for (unsigned i = 0; i < abi->ncalls; i++) {
				fputs(i ? ", {" : "{", stdout);
				json_key(stdout, 1, "number");
				json_hex(stdout, abi->calls[i].number);
				json_key(stdout, 0, "name");
				json_str(stdout, abi->calls[i].name);
				json_key(stdout, 0, "summary");
				json_str(stdout, abi->calls[i].summary);
				fputc('}', stdout);
			}
			fputc(']', stdout);
		}
		fputc('}', stdout);
	}
	fputs("]\n", stdout);
}

int cmd_list(int argc, char **argv)
{
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS];
	enum cli_format fmt = CLI_TEXT;
	unsigned nabis;
	char sel[64];

	for (int i = 0; i < argc; i++)
		if (cli_is_help(argv[i]))
			return fputs(help, stdout), CLI_OK;
	if (cli_take_format("list", &argc, argv, 1u << CLI_TEXT | 1u << CLI_JSON, &fmt))
		return CLI_USAGE;
	if (argc > 1)
		return cli_error("list: expected at most one ABI, got %d arguments",
				 argc);
	if (argc == 0) {
		for (nabis = 0; nabis < HCALL_ABI_COUNT && nabis < CLI_MAX_ABIS; nabis++)
			abis[nabis] = &hcall_abis[nabis];
		if (fmt == CLI_JSON)
			return list_json(abis, nabis, 0), CLI_OK;
		for (unsigned i = 0; i < nabis; i++)
			printf("%-12s %3u calls  %s\n", abis[i]->name, abis[i]->ncalls,
			       abis[i]->title);
		return CLI_OK;
	}
	nabis = cli_abis(argv[0], abis);
	if (!nabis)
		return CLI_USAGE;
	if (fmt == CLI_JSON)
		return list_json(abis, nabis, 1), CLI_OK;
	for (unsigned a = 0; a < nabis; a++) {
		const struct hcall_abi_desc *abi = abis[a];

		if (nabis > 1) {
			printf("%s%s (%s)", a ? "\n" : "", abi->title, abi->name);
			if (selector_of(abi, sel, sizeof(sel)))
				printf(", %s", sel);
			printf(":\n");
		}
		for (unsigned i = 0; i < abi->ncalls; i++)
			printf("0x%-10llx %-24s %s\n",
			       (unsigned long long)abi->calls[i].number,
			       abi->calls[i].name, abi->calls[i].summary);
	}
	return CLI_OK;
}
