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
	"the same content, numbers as \"0x...\" strings.\n";

int cmd_table(int argc, char **argv)
{
	const struct hcall_abi_desc *abi = NULL;
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
		} else if (abi) {
			return cli_error("table: expected one ABI, got '%s' too",
					 argv[i]);
		} else {
			abi = cli_abi(argv[i]);
			if (!abi)
				return CLI_USAGE;
		}
	}
	if (!abi)
		return cli_error("table: expected ABI (try: hcall table --help)");
	if (!strcmp(format, "md"))
		table_md(stdout, abi);
	else if (!strcmp(format, "json"))
		table_json(stdout, abi);
	else
		return cli_error("table: unknown format '%s' (md or json)", format);
	return CLI_OK;
}
