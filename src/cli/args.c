/* SPDX-License-Identifier: MIT */
/*
 * src/cli/args.c - turning command-line words into ABIs and numbers, with
 * one clear line on stderr for anything that does not parse.
 */
#include "cli.h"

#include <ctype.h>
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

/* ABI names are lower case in the tables; users may type "SBI". */
static const char *lower(const char *name, char *buf, size_t len)
{
	size_t i;

	for (i = 0; name[i] && i + 1 < len; i++)
		buf[i] = (char)tolower((unsigned char)name[i]);
	buf[i] = 0;
	return name[i] ? "" : buf; /* too long: matches nothing */
}

const struct hcall_abi_desc *cli_abi(const char *name)
{
	char buf[64];
	const struct hcall_abi_desc *abi = hcall_abi_find(lower(name, buf, sizeof(buf)));

	if (!abi)
		cli_unknown_abi(name);
	return abi;
}

unsigned cli_abis(const char *given, const struct hcall_abi_desc **out)
{
	char buf[64];
	const char *name = lower(given, buf, sizeof(buf));
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
		cli_unknown_abi(given);
	return n;
}

/* 0 ok, -1 not a number, -2 too large */
static int parse_number(const char *text, uint64_t *out)
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
		return -1;
	errno = 0;
	unsigned long long v = strtoull(p, &end, base);
	if (*end)
		return -1;
	if (errno == ERANGE || (neg && v > (1ull << 63)))
		return -2;
	if (neg)
		v = 0ull - v; /* two's complement, as the register holds it */
	*out = (uint64_t)v;
	return 0;
}

int cli_parse_number(const char *text, uint64_t *out)
{
	return parse_number(text, out);
}

int cli_number(const char *what, const char *text, uint64_t *out)
{
	switch (parse_number(text, out)) {
	case 0:
		return 0;
	case -2:
		cli_error("%s '%s' does not fit in 64 bits", what, text);
		return -1;
	default:
		cli_error("%s '%s' is not a number (decimal, 0x hex, 0b binary or 0 octal)",
			  what, text);
		return -1;
	}
}

int cli_is_help(const char *arg)
{
	return !strcmp(arg, "-h") || !strcmp(arg, "--help");
}

int cli_take_format(const char *cmd, int *argc, char **argv, unsigned allowed,
		    enum cli_format *fmt)
{
	static const char *const names[] = { "text", "json", "md" };
	int i, o = 0;

	for (i = 0; i < *argc; i++) {
		const char *v;

		if (!strcmp(argv[i], "--format")) {
			if (i + 1 >= *argc)
				return cli_error("%s: --format needs a value", cmd), -1;
			v = argv[++i];
		} else if (!strncmp(argv[i], "--format=", 9)) {
			v = argv[i] + 9;
		} else {
			argv[o++] = argv[i];
			continue;
		}
		unsigned f;
		for (f = 0; f < 3; f++)
			if ((allowed & (1u << f)) && !strcmp(v, names[f]))
				break;
		if (f == 3) {
			char list[32] = "";
			for (unsigned k = 0; k < 3; k++)
				if (allowed & (1u << k)) {
					if (*list)
						strcat(list, " or ");
					strcat(list, names[k]);
				}
			return cli_error("%s: unknown format '%s' (%s)", cmd, v, list), -1;
		}
		*fmt = (enum cli_format)f;
	}
	*argc = o;
	return 0;
}
