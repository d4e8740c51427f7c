/* SPDX-License-Identifier: MIT */
/*
 * src/cli/cmd_decode.c - `hcall decode ABI NUMBER [ARG...]`: a trapped
 * call in plain words.
 */
#include "cli.h"

#include <ctype.h>
#include <string.h>

static const char help[] =
	"usage: hcall decode ABI NUMBER [ARG...]\n"
	"       hcall decode ABI SELECTOR:NUMBER [ARG...]\n"
	"\n"
	"Explain the call NUMBER of ABI: its name and summary, which register\n"
	"carries each argument under each convention, the reserved arguments\n"
	"that must be zero, the result registers and the possible errors.\n"
	"\n"
	"ABI may name a family: `sbi` is every sbi_* extension, and then\n"
	"SELECTOR:NUMBER picks the extension by its EID (a7) and the call by\n"
	"its FID (a6), e.g. `hcall decode sbi 0x10:3`; a plain NUMBER in the\n"
	"sbi family is a legacy EID. The SMCCC services (smccc, psci,\n"
	"kvm_arm64) share the function-ID space of w0, so any of them finds a\n"
	"function ID of the others, and the ID's bit fields (fast/yielding,\n"
	"SMC32/SMC64, owner, function) are decoded even when no table has it.\n"
	"\n"
	"ARGs, if given, are the argument register values in convention order:\n"
	"the supplied arguments only, or those and the reserved ones.\n"
	"Exit status 1 when no table has the call.\n";

static int has_selector(const struct hcall_abi_desc *abi, uint64_t sel)
{
	for (unsigned i = 0; i < abi->nconvs; i++)
		if (abi->convs[i].sel_reg != HCALL_REG_NONE &&
		    abi->convs[i].sel_value == sel)
			return 1;
	return 0;
}

static int has_no_selector(const struct hcall_abi_desc *abi)
{
	for (unsigned i = 0; i < abi->nconvs; i++)
		if (abi->convs[i].sel_reg == HCALL_REG_NONE)
			return 1;
	return 0;
}

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

const struct hcall_call_desc *
cli_find_call(const struct hcall_abi_desc **abis, unsigned nabis, int has_sel,
	      uint64_t sel, uint64_t number, const struct hcall_abi_desc **owner)
{
	const struct hcall_call_desc *call;

	for (unsigned i = 0; i < nabis; i++) {
		/* In a family a plain number only means ABIs without a
		 * selector; a single named ABI implies its own selector. */
		if (has_sel ? !has_selector(abis[i], sel)
			    : nabis > 1 && !has_no_selector(abis[i]))
			continue;
		call = hcall_call_find(abis[i], number);
		if (call) {
			*owner = abis[i];
			return call;
		}
	}
	if (has_sel || nabis != 1 || !smccc_space(abis[0]))
		return NULL;
	for (unsigned i = 0; i < HCALL_ABI_COUNT; i++) {
		if (!smccc_space(&hcall_abis[i]))
			continue;
		call = hcall_call_find(&hcall_abis[i], number);
		if (call) {
			*owner = &hcall_abis[i];
			return call;
		}
	}
	return NULL;
}

static void print_upper(const char *s)
{
	for (; *s; s++)
		putchar(toupper((unsigned char)*s));
}

static void print_errors(const struct hcall_abi_desc *abi)
{
	printf("possible errors (%s):\n", abi->name);
	for (unsigned i = 0; i < abi->nerrors; i++) {
		const struct hcall_err_desc *e = &abi->errors[i];

		printf("  %5lld  %-22s -> HCALL_%s (%s)\n", (long long)e->raw,
		       e->name, hcall_status_name((enum hcall_status)e->status),
		       hcall_status_str((enum hcall_status)e->status));
	}
}

/* Where no table has the call, say what can still be said about it. */
static void print_unknown(const struct hcall_abi_desc **abis, unsigned nabis,
			  const char *name, int has_sel, uint64_t sel,
			  uint64_t number)
{
	if (has_sel)
		printf("%s: no call with selector 0x%llx and number 0x%llx\n",
		       name, (unsigned long long)sel,
		       (unsigned long long)number);
	else if (nabis == 1 && smccc_space(abis[0]))
		printf("no SMCCC service table has the function ID 0x%llx\n",
		       (unsigned long long)number);
	else
		printf("%s: no call numbered 0x%llx%s\n", name,
		       (unsigned long long)number,
		       nabis > 1 ? " (give SELECTOR:NUMBER to pick a member)" : "");
}

int cmd_decode(int argc, char **argv)
{
	const struct hcall_abi_desc *abis[CLI_MAX_ABIS], *owner;
	const struct hcall_call_desc *call;
	uint64_t number, sel = 0, args[HCALL_MAX_CONV_REGS];
	unsigned nabis, nargs, i;
	int has_sel = 0;
	char buf[200], text[64];
	const char *colon;

	if (argc > 0 && cli_is_help(argv[0]))
		return fputs(help, stdout), CLI_OK;
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
		if (cli_number("selector", text, &sel) ||
		    cli_number("call number", colon + 1, &number))
			return CLI_USAGE;
		has_sel = 1;
	} else if (cli_number("call number", argv[1], &number)) {
		return CLI_USAGE;
	}
	nargs = (unsigned)(argc - 2);
	if (nargs > HCALL_MAX_CONV_REGS)
		return cli_error("decode: at most %d arguments, got %u",
				 HCALL_MAX_CONV_REGS, nargs);
	for (i = 0; i < nargs; i++)
		if (cli_number("argument", argv[2 + i], &args[i]))
			return CLI_USAGE;

	call = cli_find_call(abis, nabis, has_sel, sel, number, &owner);
	if (call && nargs && nargs != call->nargs &&
	    nargs != hcall_call_nslots(call))
		return cli_error("decode: %s %s takes %u argument%s (%u with the reserved ones), got %u",
				 owner->name, call->name, (unsigned)call->nargs,
				 call->nargs == 1 ? "" : "s",
				 hcall_call_nslots(call), nargs);
	if (!has_sel && nabis == 1 && smccc_space(abis[0]))
		printf("SMCCC function ID 0x%llx: %s\n", (unsigned long long)number,
		       smccc_fid_text(number, buf, sizeof(buf)));
	if (!call) {
		print_unknown(abis, nabis, argv[0], has_sel, sel, number);
		return CLI_NOT_FOUND;
	}

	printf("%s (%s): ", owner->title, owner->name);
	print_upper(call->name);
	printf(" = 0x%llx, %s\n", (unsigned long long)call->number, call->ident);
	printf("  %s\n", call->summary);
	printf("  guest wrapper: hcall_%s_%s(", owner->name, call->name);
	for (i = 0; i < call->nargs; i++)
		printf("%s%s", i ? ", " : "", call->args[i]);
	printf("%s)\n", call->nargs ? "" : "void");
	printf("  result kind: %s", hcall_result_kind_name(call->kind));
	if (call->nrsvd)
		printf("; %u reserved argument%s must be zero", (unsigned)call->nrsvd,
		       call->nrsvd == 1 ? "" : "s");
	if (nargs && nargs == call->nargs)
		nargs = spread_supplied(call, args);
	printf("\nregisters:\n");
	for (i = 0; i < owner->nconvs; i++)
		conv_print_call(stdout, owner, &owner->convs[i], call,
				nargs ? args : NULL, nargs);
	print_errors(owner);
	return CLI_OK;
}
