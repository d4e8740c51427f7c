/* SPDX-License-Identifier: MIT */
/*
 * src/cli/json.c - the few JSON pieces the commands write. 64-bit numbers
 * are "0x..." strings, which every JSON reader keeps exact.
 */
#include "cli.h"

void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

void json_hex(FILE *out, uint64_t v)
{
	fprintf(out, "\"0x%llx\"", (unsigned long long)v);
}

void json_key(FILE *out, int first, const char *key)
{
	if (!first)
		fputs(", ", out);
	json_str(out, key);
	fputs(": ", out);
}
