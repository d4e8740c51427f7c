/* SPDX-License-Identifier: MIT */
/*
 * src/cli/main.c - `hcall`: the hypercall ABI tables on the command line.
 */
#include "cli.h"

#include <hcall/version.h>

#include <string.h>

static const char usage[] =
	"usage: hcall COMMAND [ARGS]\n"
	"\n"
	"  list [ABI]                     the ABIs, or one ABI's calls\n"
	"  decode ABI NUMBER [ARG...]     explain a trapped call\n"
	"  decode ABI NAME                the same, found by the call's name\n"
	"  regs ABI NAME                  which register carries what for one call\n"
	"  error ABI [CODE]               what a raw result code means\n"
	"  trace < TRACE                  name the calls in Linux kvm_hypercall and\n"
	"                                 kvm_hvc_arm64 trace lines\n"
	"  table ABI [--format md|json]   the full ABI table\n"
	"  help                           this text\n"
	"\n"
	"Every command takes --format json (table: md or json); ABI names are\n"
	"case-insensitive. `hcall COMMAND --help` describes one command. Numbers\n"
	"are decimal, 0x hex, 0b binary or 0 octal. Exit status: 0 success, 1 no\n"
	"such call or code, 2 bad usage or input. See hcall(1).\n";

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} cmds[] = {
		{ "list", cmd_list },
		{ "decode", cmd_decode },
		{ "regs", cmd_regs },
		{ "table", cmd_table },
		{ "error", cmd_error },
		{ "trace", cmd_trace },
	};

	if (argc < 2)
		return fputs(usage, stderr), CLI_USAGE;
	if (cli_is_help(argv[1]) || !strcmp(argv[1], "help"))
		return fputs(usage, stdout), CLI_OK;
	if (!strcmp(argv[1], "--version"))
		return puts("hcall " HCALL_VERSION_STRING), CLI_OK;
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(argv[1], cmds[i].name))
			return cmds[i].fn(argc - 2, argv + 2);
	return cli_error("unknown command '%s' (try: hcall --help)", argv[1]);
}
