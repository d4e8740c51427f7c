/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_error.c - `hcall error ABI CODE`: what a raw result code
 * means, from the ABI's error table.
 */
#include "cli.h"

static const char help[] =
	"usage: hcall error ABI CODE [--format text|json]\n"
	"       hcall error ABI\n"
	"\n"
	"What the raw result CODE of ABI (any case) means: its name in the\n"
	"ABI's error table and hcall's unified status (`hcall error psci -3`,\n"
	"`hcall error smccc 0xfffffffd`). A code as a register holds it is\n"
	"accepted too: an SMCCC or PSCI w0 value (32-bit, sign-extended) or a\n"
	"64-bit two's complement. Without CODE, every error of the ABI.\n"
	"Exit status 1 when the table has no such code.\n";

static void print_one(enum cli_format fmt, const struct hcall_abi_desc *abi,
		      const struct hcall_err_desc *e, int first)
{
	enum hcall_status st = (enum hcall_status)e->status;

	if (fmt == CLI_JSON) {
		fputs(first ? "" : ", ", stdout);
		describe_error_json(stdout, e);
		return;
	}
	printf("%s %lld: %s -> HCALL_%s (%s)\n", abi->name, (long long)e->raw, e->name,
	       hcall_status_name(st), hcall_status_str(st));
}

int cmd_error(int argc, char **argv)
{
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS], *abi;
	const struct hcall_err_desc *e;
	enum cli_format fmt = CLI_TEXT;
	uint64_t code;
	unsigned nabis;

	for (int i = 0; i < argc; i++)
		if (cli_is_help(argv[i]))
			return fputs(help, stdout), CLI_OK;
	if (cli_take_format("error", &argc, argv, 1u << CLI_TEXT | 1u << CLI_JSON, &fmt))
		return CLI_USAGE;
	if (argc < 1 || argc > 2)
		return cli_error("error: expected ABI [CODE] (try: hcall error --help)");
	nabis = cli_abis(argv[0], abis);
	if (!nabis)
		return CLI_USAGE;
	/* A family (sbi) shares one error table: its first member's. */
	abi = abis[0];
	if (argc == 1) {
		fputs(fmt == CLI_JSON ? "[" : "", stdout);
		for (unsigned i = 0; i < abi->nerrors; i++)
			print_one(fmt, abi, &abi->errors[i], !i);
		fputs(fmt == CLI_JSON ? "]\n" : "", stdout);
		return CLI_OK;
	}
	if (cli_number("error code", argv[1], &code))
		return CLI_USAGE;
	e = hcall_err_find(abi, (int64_t)code);
	/* A 32-bit register value (w0): sign-extend it. */
	if (!e && code <= 0xffffffffu)
		e = hcall_err_find(abi, (int64_t)(int32_t)(uint32_t)code);
	if (!e) {
		if (fmt == CLI_JSON) {
			fputc('{', stdout);
			json_key(stdout, 1, "found");
			fputs("false", stdout);
			json_key(stdout, 0, "abi");
			json_str(stdout, abi->name);
			json_key(stdout, 0, "raw");
			printf("%lld}\n", (long long)(int64_t)code);
		} else {
			printf("%s: no error code %lld in its table (hcall's status: HCALL_E_UNKNOWN)\n",
			       abi->name, (long long)(int64_t)code);
		}
		return CLI_NOT_FOUND;
	}
	if (fmt == CLI_JSON) {
		print_one(fmt, abi, e, 1);
		fputc('\n', stdout);
	} else {
		print_one(fmt, abi, e, 1);
	}
	return CLI_OK;
}
