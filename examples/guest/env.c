/* SPDX-License-Identifier: MIT */
/*
 * examples/guest/env.c - examples/guest_env.h on top of the bare-metal
 * guest runtimes of tests/guest/<arch>/ (guest.h): the console and
 * guest-physical addresses. What the examples print becomes TAP comment
 * lines ("# ..."), so it shows in the test log without being judged.
 * env_set_irq_handler() is x86-only and lives in x86_service.c.
 */
#include "guest.h"
#include "guest_env.h"

static int at_line_start = 1;

static void put(char c)
{
	if (at_line_start) {
		guest_putc('#');
		guest_putc(' ');
		at_line_start = 0;
	}
	if (c == '\n') {
		guest_putc('\r');
		at_line_start = 1;
	}
	guest_putc(c);
}

void env_puts(const char *s)
{
	while (*s)
		put(*s++);
}

void env_put_hex(uint64_t v)
{
	int started = 0;

	env_puts("0x");
	for (int shift = 60; shift >= 0; shift -= 4) {
		unsigned d = (unsigned)(v >> shift) & 0xf;

		if (d || started || shift == 0) {
			put((char)(d < 10 ? '0' + d : 'a' + d - 10));
			started = 1;
		}
	}
}

/* The runtimes run with the MMU off (arm64, riscv) or identity-mapped
 * (x86): a guest-virtual address is the guest-physical one. */
uint64_t env_gpa(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}
