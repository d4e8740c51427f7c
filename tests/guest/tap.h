/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/tap.h - TAP reporting for freestanding guests.
 *
 * A guest defines `void tap_putc(char c)` (its console) and includes this
 * header in exactly one file with TAP_IMPLEMENTATION defined. Checks print
 * `ok N - name` or `not ok N - name`, with the two values in hex on a
 * mismatch; tap_done() prints the plan and returns the failure count.
 * tests/system/run_qemu.py judges the output.
 */
#ifndef HCALL_TEST_TAP_H
#define HCALL_TEST_TAP_H

#include <stdint.h>

void tap_putc(char c);
void tap_puts(const char *s);
void tap_hex(uint64_t v);
void tap_dec(uint64_t v);
/* Record one check; returns cond. */
int tap_check(int cond, const char *name);
/* Equality check that prints both values when they differ. */
int tap_eq(const char *name, uint64_t got, uint64_t want);
void tap_skip(const char *name, const char *reason);
/* Comment line: "# text". */
void tap_note(const char *text);
void tap_note_hex(const char *text, uint64_t v);
/* Print the plan; returns the number of failed checks. */
unsigned tap_done(void);

#ifdef TAP_IMPLEMENTATION
#include "../../arch/console_fmt.h"

static unsigned tap_n, tap_failed;

void tap_puts(const char *s)
{
	console_fmt_puts(tap_putc, s);
}

/* Always 16 digits, leading zeros kept: the format of the TAP lines. */
void tap_hex(uint64_t v)
{
	console_fmt_hex(tap_putc, v, 16);
}

void tap_dec(uint64_t v)
{
	console_fmt_dec(tap_putc, v);
}

static void tap_head(int cond, const char *name)
{
	if (!cond)
		tap_puts("not ");
	tap_puts("ok ");
	tap_dec(++tap_n);
	tap_puts(" - ");
	tap_puts(name);
}

int tap_check(int cond, const char *name)
{
	tap_head(cond, name);
	tap_putc('\n');
	if (!cond)
		tap_failed++;
	return cond;
}

int tap_eq(const char *name, uint64_t got, uint64_t want)
{
	int cond = got == want;
	tap_head(cond, name);
	if (!cond) {
		tap_puts(" # got ");
		tap_hex(got);
		tap_puts(", want ");
		tap_hex(want);
		tap_failed++;
	}
	tap_putc('\n');
	return cond;
}

void tap_skip(const char *name, const char *reason)
{
	tap_head(1, name);
	tap_puts(" # SKIP ");
	tap_puts(reason);
	tap_putc('\n');
}

void tap_note(const char *text)
{
	tap_puts("# ");
	tap_puts(text);
	tap_putc('\n');
}

void tap_note_hex(const char *text, uint64_t v)
{
	tap_puts("# ");
	tap_puts(text);
	tap_putc(' ');
	tap_hex(v);
	tap_putc('\n');
}

unsigned tap_done(void)
{
	tap_puts("1..");
	tap_dec(tap_n);
	tap_putc('\n');
	return tap_failed;
}
#endif /* TAP_IMPLEMENTATION */

#endif /* HCALL_TEST_TAP_H */
