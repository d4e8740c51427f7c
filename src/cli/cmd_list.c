/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_list.c - `hcall list [ABI]`.
 */
#include "cli.h"

static const char help[] =
	"usage: hcall list [ABI]\n"
	"\n"
	"Without ABI: one line per ABI (name, number of calls, title).\n"
	"With ABI: one line per call (number, name, summary). ABI may name a\n"
	"family (`sbi`: every sbi_* extension).\n";

int cmd_list(int argc, char **argv)
{
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS];
	unsigned nabis;

	if (argc > 0 && cli_is_help(argv[0]))
		return fputs(help, stdout), CLI_OK;
	if (argc > 1)
		return cli_error("list: expected at most one ABI, got %d arguments",
				 argc);
	if (argc == 0) {
		for (unsigned i = 0; i < HCALL_ABI_COUNT; i++)
			printf("%-10s %3u calls  %s\n", hcall_abis[i].name,
			       hcall_abis[i].ncalls, hcall_abis[i].title);
		return CLI_OK;
	}
	nabis = cli_abis(argv[0], abis);
	for (unsigned a = 0; a < nabis; a++) {
		const struct hcall_abi_desc *abi = abis[a];

		if (nabis > 1)
			printf("%s%s (%s):\n", a ? "\n" : "", abi->title,
			       abi->name);
		for (unsigned i = 0; i < abi->ncalls; i++)
			printf("0x%-10llx %-24s %s\n",
			       (unsigned long long)abi->calls[i].number,
			       abi->calls[i].name, abi->calls[i].summary);
	}
	return nabis ? CLI_OK : CLI_USAGE;
}
