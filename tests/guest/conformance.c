/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/conformance.c - the portable main of the guest conformance
 * suite. The architecture runtime boots and calls guest_main(); this file
 * runs every check file linked into the image (GUEST_CHECK) and reports
 * through TAP on the guest console.
 */
#define TAP_IMPLEMENTATION
#include "tap.h"
#include "guest.h"

void tap_putc(char c)
{
	if (c == '\n')
		guest_putc('\r');
	guest_putc(c);
}

int guest_need(enum guest_cap cap, const char *check)
{
	const char *why = guest_lacks(cap);

	if (!why)
		return 1;
	tap_skip(check, why);
	return 0;
}

static void demo_head(const char *abi, const char *call)
{
	tap_puts("# demo | ");
	tap_puts(abi);
	tap_puts(" | ");
	tap_puts(call);
	tap_puts(" | ");
}

static void put_signed(int64_t v)
{
	if (v < 0) {
		tap_putc('-');
		tap_dec(0 - (uint64_t)v);
	} else {
		tap_dec((uint64_t)v);
	}
}

void guest_demo_value(const char *abi, const char *call, int64_t v)
{
	demo_head(abi, call);
	put_signed(v);
	tap_putc('\n');
}

void guest_demo(const char *abi, const char *call, struct hcall_result r)
{
	demo_head(abi, call);
	tap_puts(hcall_status_name(r.status));
	if (r.status == HCALL_OK) {
		tap_puts(", value ");
		tap_hex(r.value);
	} else {
		tap_puts(" (raw ");
		put_signed(r.code);
		tap_putc(')');
	}
	tap_putc('\n');
}

extern const struct guest_check __start_guest_checks[];
extern const struct guest_check __stop_guest_checks[];

void guest_main(void)
{
	const struct guest_check *c;
	unsigned failed;

	tap_note("hcall guest conformance suite");
	for (c = __start_guest_checks; c < __stop_guest_checks; c++) {
		tap_puts("# == ");
		tap_puts(c->name);
		tap_putc('\n');
		c->run();
	}
	failed = tap_done();
	guest_exit(failed > 255 ? 255 : (int)failed);
}
