/* SPDX-License-Identifier: MIT */
/*
 * src/cli/args.c - turning command-line words into ABIs and numbers, with
 * one clear line on stderr for anything that does not parse.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("hcall: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_USAGE;
}

static int cli_unknown_abi(const char *name)
{
	char known[512] = "";
	size_t used = 0;

	for (unsigned i = 0; i < HCALL_ABI_COUNT; i++) {
		int n = snprintf(known + used, sizeof(known) - used, "%s%s",
				 i ? ", " : "", hcall_abis[i].name);
		if (n < 0 || (size_t)n >= sizeof(known) - used)
			break;
		used += (size_t)n;
	}
	return cli_error("unknown ABI '%s' (known: %s)", name, known);
}

const struct hcall_abi_desc *cli_abi(const char *name)
{
	const struct hcall_abi_desc *abi = hcall_abi_find(name);

	if (!abi)
		cli_unknown_abi(name);
	return abi;
}

unsigned cli_abis(const char *name, const struct hcall_abi_desc **out)
{
	const struct hcall_abi_desc *abi = hcall_abi_find(name);
	size_t len = strlen(name);
	unsigned n = 0;

	if (abi) {
		out[0] = abi;
		return 1;
	}
	for (unsigned i = 0; i < HCALL_ABI_COUNT && n < CLI_MAX_ABIS; i++)
		if (len && !strncmp(hcall_abis[i].name, name, len) &&
		    hcall_abis[i].name[len] == '_')
			out[n++] = &hcall_abis[i];
	if (!n)
		cli_unknown_abi(name);
	return n;
}

int cli_number(const char *what, const char *text, uint64_t *out)
{
	const char *p = text;
	int neg = 0, base = 10;
	char *end;

	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) {
		base = 2;
		p += 2;
	} else if (p[0] == '0' && p[1]) {
		base = 8;
		p++;
	}
	/* strtoull itself would accept spaces and a sign here. */
	if (!*p || !strchr("0123456789abcdefABCDEF", *p))
		goto bad;
	errno = 0;
	unsigned long long v = strtoull(p, &end, base);
	if (*end)
		goto bad;
	if (errno == ERANGE)
		return cli_error("%s '%s' does not fit in 64 bits", what, text),
		       -1;
	if (neg) {
		if (v > (1ull << 63))
			return cli_error("%s '%s' does not fit in 64 bits",
					 what, text),
			       -1;
		v = 0ull - v; /* two's complement, as the register holds it */
	}
	*out = (uint64_t)v;
	return 0;
bad:
	cli_error("%s '%s' is not a number (decimal, 0x hex, 0b binary or 0 octal)",
		  what, text);
	return -1;
}

int cli_is_help(const char *arg)
{
	return !strcmp(arg, "-h") || !strcmp(arg, "--help");
}
