/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/console.c - the hypervisor console: QEMU virt's ns16550 at
 * 0x10000000. QEMU's model needs no setup; the guests write the same
 * UART (passed through), so lines interleave at most at line ends.
 */
#include "layout.h"
#include "rv.h"

#define UART_THR 0
#define UART_LSR 5
#define LSR_THRE 0x20

void rv_putc(char c)
{
	volatile uint8_t *uart = (volatile uint8_t *)RV_UART_BASE;

	if (c == '\n')
		rv_putc('\r');
	while (!(uart[UART_LSR] & LSR_THRE))
		;
	uart[UART_THR] = (uint8_t)c;
}

void rv_puts(const char *s)
{
	while (*s)
		rv_putc(*s++);
}

void rv_puthex(uint64_t v)
{
	static const char dig[] = "0123456789abcdef";
	int i;

	rv_puts("0x");
	for (i = 60; i > 0 && !(v >> i); i -= 4)
		;
	for (; i >= 0; i -= 4)
		rv_putc(dig[(v >> i) & 15]);
}

void rv_putdec(uint64_t v)
{
	char buf[24];
	int i = 0;

	do {
		buf[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (i)
		rv_putc(buf[--i]);
}
