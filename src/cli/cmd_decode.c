/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_decode.c - `hcall decode ABI NUMBER|NAME [ARG...]`: a trapped
 * call in plain words, or a call found by its name.
 */
#include "cli.h"

#include <ctype.h>
#include <string.h>

static const char help[] =
	"usage: hcall decode ABI NUMBER [ARG...] [--format text|json]\n"
	"       hcall decode ABI SELECTOR:NUMBER [ARG...]\n"
	"       hcall decode ABI NAME [ARG...]\n"
	"       hcall decode - < TRACE   (Linux trace lines; see hcall trace)\n"
	"\n"
	"Explain the call NUMBER of ABI: its name and summary, which register\n"
	"carries each argument (conventions that use the registers the same\n"
	"way, like hvc and smc, are one block), the reserved arguments that\n"
	"must be zero, the result registers and the errors the call can return\n"
	"(where its table lists them). NAME finds the call by its name instead\n"
	"(`hcall decode psci cpu_suspend`, any case, or its HCALL_ macro).\n"
	"\n"
	"ABI (any case) may name a family: `sbi` is every sbi_* extension, and\n"
	"then SELECTOR:NUMBER picks the extension by its EID (a7) and the call\n"
	"by its FID (a6), e.g. `hcall decode sbi 0x10:3` or `hcall decode sbi\n"
	"HSM:0` (an EID spelled in ASCII); a plain NUMBER in the sbi family is\n"
	"a legacy EID. The SMCCC services (smccc, psci, kvm_arm64...) share the\n"
	"function-ID space of w0, so any of them finds a function ID of the\n"
	"others (and names every table that uses the ID, when two do); only\n"
	"w0 (the low 32 bits) is the ID, and its bit fields\n"
	"(fast/yielding, SMC32/SMC64, owner, function) are decoded even when no\n"
	"table has it.\n"
	"\n"
	"ARGs, if given, are the argument register values in convention order:\n"
	"the supplied arguments only, or those and the reserved ones.\n"
	"Exit status 1 when no table has the call.\n";

/*
 * The caller gave only the supplied arguments: move them into their slots
 * (a reserved slot may come first), zero the reserved slots among them,
 * and return the slots now filled.
 */
static unsigned spread_supplied(const struct hcall_call_desc *call,
				uint64_t *args)
{
	uint64_t in[HCALL_MAX_ARGS];
	unsigned slot, n = 0;

	for (slot = 0; slot < call->nargs && slot < HCALL_MAX_ARGS; slot++)
		in[slot] = args[slot];
	for (slot = 0; slot < hcall_call_nslots(call) && slot < HCALL_MAX_CONV_REGS;
	     slot++) {
		int arg = hcall_call_slot_arg(call, slot);

		if (arg >= HCALL_MAX_ARGS)
			break;
		args[slot] = arg < 0 ? 0 : in[arg];
		if (arg >= 0)
			n = slot + 1;
	}
	return n;
}

/* A selector as a number, or as the ASCII of an SBI EID ("HSM"). */
static int parse_selector(const char *text, uint64_t *sel)
{
	size_t n = strlen(text);

	if (!cli_parse_number(text, sel))
		return 0;
	if (n >= 2 && n <= 8) {
		uint64_t v = 0;

		for (size_t i = 0; i < n; i++) {
			if (!isalnum((unsigned char)text[i]))
				goto bad;
			v = v << 8 | (unsigned char)text[i];
		}
		*sel = v;
		return 0;
	}
bad:
	return cli_error("selector '%s' is not a number or an ASCII extension ID", text), -1;
}

static void print_unknown(enum cli_format fmt, const struct hcall_abi_desc **abis,
			  unsigned nabis, const char *name, int has_sel,
			  uint64_t sel, uint64_t number)
{
	char ascii[16], what[200];

	if (has_sel && selector_ascii(sel, ascii, sizeof(ascii)))
		snprintf(what, sizeof(what), "%s: no call with selector 0x%llx (\"%s\") and number 0x%llx",
			 name, (unsigned long long)sel, ascii, (unsigned long long)number);
	else if (has_sel)
		snprintf(what, sizeof(what), "%s: no call with selector 0x%llx and number 0x%llx",
			 name, (unsigned long long)sel, (unsigned long long)number);
	else if (nabis == 1 && smccc_space(abis[0]))
		snprintf(what, sizeof(what), "no SMCCC service table has the function ID 0x%llx",
			 (unsigned long long)(uint32_t)number);
	else
		snprintf(what, sizeof(what), "%s: no call numbered 0x%llx%s", name,
			 (unsigned long long)number,
			 nabis > 1 ? " (give SELECTOR:NUMBER to pick a member)" : "");
	if (fmt != CLI_JSON) {
		printf("%s\n", what);
		return;
	}
	fputc('{', stdout);
	json_key(stdout, 1, "found");
	fputs("false", stdout);
	json_key(stdout, 0, "number");
	json_hex(stdout, number);
	if (has_sel) {
		json_key(stdout, 0, "selector");
		json_hex(stdout, sel);
	}
	json_key(stdout, 0, "message");
	json_str(stdout, what);
	fputs("}\n", stdout);
}

/* The SMCCC tables share one function-ID space, and two of them may use
 * an ID differently (KVM/arm64's mainline and Android numberings). */
static void print_also(const struct hcall_abi_desc *owner, uint32_t fid)
{
	for (unsigned i = 0; i < HCALL_ABI_COUNT; i++) {
		const struct hcall_abi_desc *abi = &hcall_abis[i];
		const struct hcall_call_desc *other;

		if (!strcmp(abi->name, owner->name) || !smccc_space(abi) ||
		    !(other = hcall_call_find(abi, fid)))
			continue;
		printf("the same function ID in %s (%s): %s, %s\n", abi->name, abi->title,
		       other->ident, other->summary);
	}
}

int cmd_decode(int argc, char **argv)
{
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS], *owner = NULL;
	const struct hcall_call_desc *call;
	uint64_t number = 0, sel = 0, args[HCALL_MAX_CONV_REGS];
	unsigned nabis, nargs, i;
	int has_sel = 0, by_name = 0;
	enum cli_format fmt = CLI_TEXT;
	char buf[200], text[64];
	const char *colon;

	for (i = 0; i < (unsigned)argc; i++)
		if (cli_is_help(argv[i]))
			return fputs(help, stdout), CLI_OK;
	/* `hcall decode -`: trace lines on stdin, as `hcall trace`. */
	for (i = 0; i < (unsigned)argc; i++)
		if (!strcmp(argv[i], "-"))
			return argc == 1 || (argc == 3 && i == 0) ? cmd_trace(argc - 1, argv + 1)
				  : cli_error("decode: '-' (trace lines on stdin) takes no other argument");
	if (cli_take_format("decode", &argc, argv, 1u << CLI_TEXT | 1u << CLI_JSON, &fmt))
		return CLI_USAGE;
	if (argc < 2)
		return cli_error("decode: expected ABI NUMBER [ARG...] (try: hcall decode --help)");
	nabis = cli_abis(argv[0], abis);
	if (!nabis)
		return CLI_USAGE;
	colon = strchr(argv[1], ':');
	if (colon) {
		size_t n = (size_t)(colon - argv[1]);

		if (n >= sizeof(text))
			return cli_error("selector '%s' is too long", argv[1]);
		memcpy(text, argv[1], n);
		text[n] = 0;
		if (parse_selector(text, &sel) ||
		    cli_number("call number", colon + 1, &number))
			return CLI_USAGE;
		has_sel = 1;
	} else if (cli_parse_number(argv[1], &number)) {
		if (!isalpha((unsigned char)argv[1][0]) && argv[1][0] != '_')
			return cli_number("call number", argv[1], &number), CLI_USAGE;
		by_name = 1;
	}
	nargs = (unsigned)(argc - 2);
	if (nargs > HCALL_MAX_CONV_REGS)
		return cli_error("decode: at most %d arguments, got %u",
				 HCALL_MAX_CONV_REGS, nargs);
	for (i = 0; i < nargs; i++)
		if (cli_number("argument", argv[2 + i], &args[i]))
			return CLI_USAGE;

	if (by_name) {
		call = cli_find_call_name(abis, nabis, argv[1], &owner);
		if (!call)
			return cli_error("decode: %s has no call named '%s' (see: hcall list %s)",
					 argv[0], argv[1], argv[0]);
	} else {
		call = cli_find_call(abis, nabis, has_sel, sel, number, &owner);
	}
	if (call && nargs && nargs != call->nargs &&
	    nargs != hcall_call_nslots(call))
		return cli_error("decode: %s %s takes %u argument%s (%u with the reserved ones), got %u",
				 owner->name, call->name, (unsigned)call->nargs,
				 call->nargs == 1 ? "" : "s",
				 hcall_call_nslots(call), nargs);
	if (!by_name && !has_sel && nabis == 1 && smccc_space(abis[0]) && fmt == CLI_TEXT)
		printf("SMCCC function ID 0x%llx: %s\n", (unsigned long long)(uint32_t)number,
		       smccc_fid_text(number, buf, sizeof(buf)));
	if (!call) {
		print_unknown(fmt, abis, nabis, argv[0], has_sel, sel, number);
		return CLI_NOT_FOUND;
	}
	if (nargs && nargs == call->nargs)
		nargs = spread_supplied(call, args);
	describe_call(stdout, fmt, owner, call, nargs ? args : NULL, nargs, 0);
	if (fmt == CLI_JSON)
		fputc('\n', stdout);
	else if (!by_name && !has_sel && nabis == 1 && smccc_space(abis[0]))
		print_also(owner, (uint32_t)number);
	return CLI_OK;
}
