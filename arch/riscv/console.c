/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/console.c - the hypervisor console: QEMU virt's ns16550 at
 * 0x10000000. QEMU's model needs no setup; the guests write the same
 * UART (passed through), so lines interleave at most at line ends.
 */
#include "../console_fmt.h"
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
	console_fmt_puts(rv_putc, s);
}

void rv_puthex(uint64_t v)
{
	console_fmt_hex(rv_putc, v, 1);
}

void rv_putdec(uint64_t v)
{
	console_fmt_dec(rv_putc, v);
}
