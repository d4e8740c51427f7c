/* SPDX-License-Identifier: MIT */
/* arch/x86/console.c - text output on the debugcon port. */
#include "../console_fmt.h"
#include "console.h"
#include "cpu.h"

void con_putc(char c)
{
	outb(CONSOLE_PORT, (uint8_t)c);
}

void con_puts(const char *s)
{
	console_fmt_puts(con_putc, s);
}

void con_hex(uint64_t v)
{
	console_fmt_hex(con_putc, v, 1);
}

void con_dec(uint64_t v)
{
	console_fmt_dec(con_putc, v);
}
