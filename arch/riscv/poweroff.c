/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/poweroff.c - end the run through QEMU's sifive_test device.
 * 0x5555 exits QEMU with 0; (code << 16) | 0x3333 exits with `code`.
 * A FAIL with code 0 would also exit 0, so a failure is never code 0.
 */
#include "layout.h"
#include "rv.h"

#define TEST_PASS 0x5555u
#define TEST_FAIL 0x3333u

void rv_poweroff(int code)
{
	volatile uint32_t *dev = (volatile uint32_t *)RV_TEST_BASE;
	uint32_t c = (uint32_t)code & 0xffffu;

	if (code != 0 && c == 0)
		c = 0xff; /* a failure whose low bits are 0 */
	*dev = code == 0 ? TEST_PASS : (c << 16) | TEST_FAIL;
	for (;;)
		__asm__ __volatile__("wfi");
}
