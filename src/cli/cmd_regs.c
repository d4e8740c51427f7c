/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_regs.c - `hcall regs ABI NAME`: the register use of one call
 * under each of the ABI's conventions.
 */
#include "cli.h"

#include <ctype.h>
#include <string.h>

static const char help[] =
	"usage: hcall regs ABI NAME\n"
	"\n"
	"For the call NAME of ABI (as `hcall list ABI` spells it, in any case,\n"
	"or its number), print per convention the trap instruction, the\n"
	"selector and number registers, each argument register, the reserved\n"
	"ones, the result registers and every register the callee may change.\n";

int cmd_regs(int argc, char **argv)
{
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS], *owner = NULL;
	const struct hcall_call_desc *call = NULL;
	unsigned nabis;
	char name[64];
	size_t i;

	if (argc > 0 && cli_is_help(argv[0]))
		return fputs(help, stdout), CLI_OK;
	if (argc != 2)
		return cli_error("regs: expected ABI NAME, got %d argument%s (try: hcall regs --help)",
				 argc, argc == 1 ? "" : "s");
	nabis = cli_abis(argv[0], abis);
	if (!nabis)
		return CLI_USAGE;
	for (i = 0; argv[1][i] && i + 1 < sizeof(name); i++)
		name[i] = (char)tolower((unsigned char)argv[1][i]);
	name[i] = 0;
	for (i = 0; i < nabis && !call; i++) {
		call = hcall_call_find_name(abis[i], name);
		owner = abis[i];
	}
	if (!call && isdigit((unsigned char)argv[1][0])) {
		uint64_t number;

		if (cli_number("call number", argv[1], &number))
			return CLI_USAGE;
		call = cli_find_call(abis, nabis, 0, 0, number, &owner);
	}
	if (!call)
		return cli_error("regs: %s has no call '%s' (see: hcall list %s)",
				 argv[0], argv[1], argv[0]);
	printf("%s %s = 0x%llx (%s), result kind %s\n", owner->name, call->name,
	       (unsigned long long)call->number, call->ident,
	       hcall_result_kind_name(call->kind));
	for (unsigned c = 0; c < owner->nconvs; c++)
		conv_print_call(stdout, owner, &owner->convs[c], call, NULL, 0);
	return CLI_OK;
}
