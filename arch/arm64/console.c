/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/console.c - PL011 output at 0x09000000 (QEMU virt) and the
 * semihosting exit. QEMU's PL011 is ready at reset; only the data and flag
 * registers are used.
 */
#include "../console_fmt.h"
#include "console.h"

#define PL011_BASE 0x09000000ul
#define PL011_DR 0x00
#define PL011_FR 0x18
#define PL011_FR_TXFF (1u << 5)

static volatile uint32_t *pl011_reg(unsigned off)
{
	return (volatile uint32_t *)(PL011_BASE + off);
}

void con_putc(char c)
{
	if (c == '\n')
		con_putc('\r');
	while (*pl011_reg(PL011_FR) & PL011_FR_TXFF)
		;
	*pl011_reg(PL011_DR) = (uint8_t)c;
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

/* Semihosting SYS_EXIT_EXTENDED (0x20) with ADP_Stopped_ApplicationExit
 * (0x20026): QEMU exits with the given code. Needs -semihosting. */
void hv_exit_qemu(int code)
{
	static volatile uint64_t block[2];
	register uint64_t x0 __asm__("x0") = 0x20;
	register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;

	block[0] = 0x20026;
	block[1] = (uint64_t)(int64_t)code;
	for (;;)
		__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}
