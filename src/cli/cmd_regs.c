/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_regs.c - `hcall regs ABI NAME`: the register use of one call
 * under each of the ABI's conventions.
 */
#include "cli.h"

static const char help[] =
	"usage: hcall regs ABI NAME [--format text|json]\n"
	"\n"
	"For the call NAME of ABI (as `hcall list ABI` spells it, in any case,\n"
	"or its number), print per convention the trap instruction, the\n"
	"selector and number registers, each argument register, the reserved\n"
	"ones, the result registers and every register the callee may change.\n"
	"Conventions that use the registers the same way are one block.\n";

int cmd_regs(int argc, char **argv)
{
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS], *owner = NULL;
	const struct hcall_call_desc *call;
	enum cli_format fmt = CLI_TEXT;
	uint64_t number;
	unsigned nabis;

	for (int i = 0; i < argc; i++)
		if (cli_is_help(argv[i]))
			return fputs(help, stdout), CLI_OK;
	if (cli_take_format("regs", &argc, argv, 1u << CLI_TEXT | 1u << CLI_JSON, &fmt))
		return CLI_USAGE;
	if (argc != 2)
		return cli_error("regs: expected ABI NAME, got %d argument%s (try: hcall regs --help)",
				 argc, argc == 1 ? "" : "s");
	nabis = cli_abis(argv[0], abis);
	if (!nabis)
		return CLI_USAGE;
	call = cli_find_call_name(abis, nabis, argv[1], &owner);
	if (!call && !cli_parse_number(argv[1], &number))
		call = cli_find_call(abis, nabis, 0, 0, number, &owner);
	if (!call)
		return cli_error("regs: %s has no call '%s' (see: hcall list %s)",
				 argv[0], argv[1], argv[0]);
	describe_call(stdout, fmt, owner, call, NULL, 0, 1);
	if (fmt == CLI_JSON)
		fputc('\n', stdout);
	return CLI_OK;
}
