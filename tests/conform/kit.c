/* SPDX-License-Identifier: MIT */
/* tests/conform/kit.c - TAP output and the table engine of kit.h. */
#include "kit.h"

static unsigned n_checks, n_failed, n_skipped;

void kit_puts(const char *s)
{
	while (*s)
		kit_putc(*s++);
}

void kit_hex(uint64_t v)
{
	static const char dig[] = "0123456789abcdef";
	int shift = 60;

	kit_puts("0x");
	while (shift > 0 && !((v >> shift) & 0xF))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		kit_putc(dig[(v >> shift) & 0xF]);
}

void kit_dec(int64_t v)
{
	char buf[24];
	unsigned i = 0;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	if (v < 0)
		kit_putc('-');
	do {
		buf[i++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	while (i)
		kit_putc(buf[--i]);
}

void kit_value(int64_t v, const struct kit_names *names)
{
	unsigned i;

	if (v < 0 && v > -4096)
		kit_dec(v);
	else
		kit_hex((uint64_t)v);
	for (i = 0; names && i < names->n; i++)
		if (names->v[i].code == v) {
			kit_puts(" (");
			kit_puts(names->v[i].name);
			kit_putc(')');
			break;
		}
}

void kit_note(const char *text)
{
	kit_puts("# ");
	kit_puts(text);
	kit_putc('\n');
}

static void head(int ok, const char *fn, const char *what, const char *section)
{
	if (!ok)
		kit_puts("not ");
	kit_puts("ok ");
	kit_dec(++n_checks);
	kit_puts(" - ");
	kit_puts(fn);
	kit_puts(": ");
	kit_puts(what);
	if (section) {
		kit_puts(" [");
		kit_puts(section);
		kit_putc(']');
	}
}

void kit_pass(const char *fn, const char *what, const char *section)
{
	head(1, fn, what, section);
	kit_putc('\n');
}

void kit_fail(const char *fn, const char *what, const char *section, const char *expected,
	      int64_t got, const struct kit_names *names)
{
	head(0, fn, what, section);
	kit_puts(" # expected: ");
	kit_puts(expected);
	kit_puts("; got: ");
	kit_value(got, names);
	kit_putc('\n');
	n_failed++;
}

void kit_skip(const char *fn, const char *what, const char *section, const char *reason)
{
	head(1, fn, what, section);
	kit_puts(" # SKIP ");
	kit_puts(reason);
	kit_putc('\n');
	n_skipped++;
}

int kit_eq(const char *fn, const char *what, const char *section, int64_t got, int64_t want,
	   const struct kit_names *names)
{
	if (got == want) {
		kit_pass(fn, what, section);
		return 1;
	}
	head(0, fn, what, section);
	kit_puts(" # expected: ");
	kit_value(want, names);
	kit_puts("; got: ");
	kit_value(got, names);
	kit_putc('\n');
	n_failed++;
	return 0;
}

/* Judge one result register; on failure print "expected: ...; got: ..."
 * after the check's head. Returns 1 if it holds. */
static int holds(const struct spec_result *r, int64_t got)
{
	switch (r->how) {
	case EXP_ANY:
		return 1;
	case EXP_EQ:
		return got == r->want;
	case EXP_EQ32:
		return (uint32_t)got == (uint32_t)r->want;
	case EXP_GE0:
		return got >= 0;
	case EXP_NONZERO:
		return got != 0;
	case EXP_0_TO:
		return got >= 0 && got <= r->want;
	}
	return 0;
}

static void expectation(const struct spec_result *r, const struct kit_names *names)
{
	switch (r->how) {
	case EXP_ANY:
		kit_puts("anything");
		break;
	case EXP_EQ:
		kit_value(r->want, names);
		break;
	case EXP_EQ32:
		kit_puts("W0 = ");
		kit_hex((uint32_t)r->want);
		break;
	case EXP_GE0:
		kit_puts(">= 0");
		break;
	case EXP_NONZERO:
		kit_puts("non-zero");
		break;
	case EXP_0_TO:
		kit_puts("0..");
		kit_dec(r->want);
		break;
	}
}

void kit_run_calls(const struct spec_call *rows, unsigned n,
		   const char *(*present)(const struct spec_call *row),
		   const struct kit_names *names)
{
	unsigned i, k;

	for (i = 0; i < n; i++) {
		const struct spec_call *row = &rows[i];
		const char *why = present ? present(row) : 0;
		uint64_t a[3];
		struct kit_ret ret;
		int64_t got[2];

		if (row->need == ROW_IF_PRESENT && why) {
			kit_skip(row->fn, row->what, row->section, why);
			continue;
		}
		for (k = 0; k < 3; k++)
			a[k] = row->arg[k].kind == ARG_VAL ? row->arg[k].val : kit_arg(row->arg[k].kind);
		ret = kit_call(row->id, row->fid, a[0], a[1], a[2]);
		got[0] = ret.r0;
		got[1] = ret.r1;
		for (k = 0; k < 2; k++)
			if (!holds(&row->res[k], got[k]))
				break;
		if (k == 2) {
			kit_pass(row->fn, row->what, row->section);
			continue;
		}
		head(0, row->fn, row->what, row->section);
		kit_puts(" # expected: ");
		kit_puts(k ? "value " : "");
		expectation(&row->res[k], k ? 0 : names);
		kit_puts("; got: ");
		kit_puts(k ? "value " : "");
		kit_value(got[k], k ? 0 : names);
		kit_putc('\n');
		n_failed++;
	}
}

unsigned kit_finish(void)
{
	kit_puts("1..");
	kit_dec(n_checks);
	kit_puts("\n# SUMMARY: ");
	kit_dec(n_checks);
	kit_puts(" tests, ");
	kit_dec(n_failed);
	kit_puts(" failed, ");
	kit_dec(n_skipped);
	kit_puts(" skipped\n");
	return n_failed;
}
