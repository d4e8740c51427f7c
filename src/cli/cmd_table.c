/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_table.c - `hcall table ABI --format md|json`.
 */
#include "cli.h"

#include <string.h>

static const char help[] =
	"usage: hcall table ABI [--format md|json]\n"
	"\n"
	"Print the whole table of ABI: conventions, calls, errors. md (the\n"
	"default) is the Markdown of docs/abi/ABI.md; json is one object with\n"
	"the same content, numbers as \"0x...\" strings. A family (`sbi`:\n"
	"every sbi_* extension) prints each member's table in turn, in json\n"
	"as an array of those objects.\n";

int cmd_table(int argc, char **argv)
{
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS];
	unsigned nabis = 0;
	const char *format = "md";

	for (int i = 0; i < argc; i++) {
		if (cli_is_help(argv[i]))
			return fputs(help, stdout), CLI_OK;
		if (!strcmp(argv[i], "--format")) {
			if (i + 1 >= argc)
				return cli_error("table: --format needs md or json");
			format = argv[++i];
		} else if (!strncmp(argv[i], "--format=", 9)) {
			format = argv[i] + 9;
		} else if (argv[i][0] == '-') {
			return cli_error("table: unknown option '%s'", argv[i]);
		} else if (nabis) {
			return cli_error("table: expected one ABI, got '%s' too",
					 argv[i]);
		} else {
			nabis = cli_abis(argv[i], abis);
			if (!nabis)
				return CLI_USAGE;
		}
	}
	if (!nabis)
		return cli_error("table: expected ABI (try: hcall table --help)");
	if (strcmp(format, "md") && strcmp(format, "json"))
		return cli_error("table: unknown format '%s' (md or json)", format);
	if (!strcmp(format, "md")) {
		for (unsigned i = 0; i < nabis; i++) {
			if (i)
				putchar('\n');
			table_md(stdout, abis[i]);
		}
		return CLI_OK;
	}
	if (nabis == 1) {
		table_json(stdout, abis[0]);
		return CLI_OK;
	}
	for (unsigned i = 0; i < nabis; i++) {
		fputs(i ? ",\n" : "[\n", stdout);
		table_json(stdout, abis[i]);
	}
	fputs("]\n", stdout);
	return CLI_OK;
}
