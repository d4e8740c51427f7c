/* SPDX-License-Identifier: MIT */
/* arch/x86/console.c - text output on the debugcon port. */
#include "console.h"
#include "cpu.h"

void con_putc(char c)
{
	outb(CONSOLE_PORT, (uint8_t)c);
}

void con_puts(const char *s)
{
	while (*s)
		con_putc(*s++);
}

void con_hex(uint64_t v)
{
	static const char dig[] = "0123456789abcdef";
	int i = 60;

	con_puts("0x");
	while (i > 0 && !((v >> i) & 15))
		i -= 4;
	for (; i >= 0; i -= 4)
		con_putc(dig[(v >> i) & 15]);
}

void con_dec(uint64_t v)
{
	char buf[24];
	int i = 0;

	do {
		buf[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (i)
		con_putc(buf[--i]);
}
