/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_table.c - `hcall table ABI --format md|json`.
 */
#include "cli.h"

#include <string.h>

static const char help[] =
	"usage: hcall table ABI [--format md|json]\n"
	"\n"
	"Print the whole table of ABI (any case): conventions, calls, errors.\n"
	"md (the default) is the Markdown of docs/abi/ABI.md; json is one\n"
	"object with the same content, numbers as \"0x...\" strings. A family\n"
	"(`sbi`: every sbi_* extension) prints each member's table in turn, in\n"
	"json as an array of those objects.\n";

int cmd_table(int argc, char **argv)
{
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS];
	enum cli_format fmt = CLI_MD;
	unsigned nabis;

	for (int i = 0; i < argc; i++)
		if (cli_is_help(argv[i]))
			return fputs(help, stdout), CLI_OK;
	if (cli_take_format("table", &argc, argv, 1u << CLI_MD | 1u << CLI_JSON, &fmt))
		return CLI_USAGE;
	for (int i = 0; i < argc; i++)
		if (argv[i][0] == '-')
			return cli_error("table: unknown option '%s'", argv[i]);
	if (!argc)
		return cli_error("table: expected ABI (try: hcall table --help)");
	if (argc > 1)
		return cli_error("table: expected one ABI, got '%s' too", argv[1]);
	nabis = cli_abis(argv[0], abis);
	if (!nabis)
		return CLI_USAGE;
	if (fmt == CLI_JSON && nabis > 1)
		fputs("[\n", stdout);
	for (unsigned a = 0; a < nabis; a++) {
		if (fmt == CLI_JSON) {
			if (a)
				fputs(",\n", stdout);
			table_json(stdout, abis[a]);
		} else {
			if (a)
				fputc('\n', stdout);
			table_md(stdout, abis[a]);
		}
	}
	if (fmt == CLI_JSON && nabis > 1)
		fputs("]\n", stdout);
	return CLI_OK;
}
