/* SPDX-License-Identifier: MIT */
/*
 * arch/console_fmt.h - string, hex and decimal output for a freestanding
 * console that can only write one character at a time.
 *
 * Every bare-metal program of the project has such a console and nothing
 * else to print with (no libc): the three hypervisors (arch/<arch>/
 * console.c) and the test guests (tests/guest/tap.h, also built as Linux
 * user programs). It lives here, next to the hypervisor consoles, as the
 * one piece of arch/ with no architecture and no hypervisor in it: it
 * needs only <stdint.h>, so a guest may include it without pulling in any
 * hypervisor code. It is not installed: include/hcall/ is the guest API,
 * and printing is no part of it. Include it by a path relative to the
 * including file, so no build target needs an extra include directory.
 *
 * The functions take the console's character writer; with a constant
 * writer they inline to the same loops a hand-written copy would be.
 */
#ifndef ARCH_CONSOLE_FMT_H
#define ARCH_CONSOLE_FMT_H

#include <stdint.h>

/* Writes one character to a console. */
typedef void (*console_putc_fn)(char c);

/* Write the NUL-terminated string `s`. */
static inline void console_fmt_puts(console_putc_fn put, const char *s)
{
	while (*s)
		put(*s++);
}

/*
 * Write `v` as "0x" and lower-case hex digits, without leading zeros but
 * with at least `min_digits` digits (1..16; 0 counts as 1, more than 16
 * as 16): 1 gives the shortest form, 16 the fixed-width one.
 */
static inline void console_fmt_hex(console_putc_fn put, uint64_t v,
				   unsigned min_digits)
{
	static const char dig[] = "0123456789abcdef";
	int i = 60, always;

	if (min_digits < 1)
		min_digits = 1;
	if (min_digits > 16)
		min_digits = 16;
	always = 4 * ((int)min_digits - 1); /* shift of the top digit always printed */
	console_fmt_puts(put, "0x");
	while (i > always && !(v >> i))
		i -= 4;
	for (; i >= 0; i -= 4)
		put(dig[(v >> i) & 15]);
}

/* Write `v` in decimal. */
static inline void console_fmt_dec(console_putc_fn put, uint64_t v)
{
	char buf[20]; /* 2^64 - 1 has 20 digits */
	int i = 0;

	do {
		buf[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (i)
		put(buf[--i]);
}

#endif /* ARCH_CONSOLE_FMT_H */
