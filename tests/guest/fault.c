/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/fault.c - the expected-fault hook of guest.h, one copy for
 * every runtime (arm64, riscv, x86 system guests and the user-mode
 * programs). The runtime's trap handler asks guest_fault_armed(); if the
 * hook is armed it records the fault and skips the instruction, otherwise
 * it stops the run.
 */
#include "guest.h"

static volatile int armed;
static volatile enum guest_fault kind;
static volatile uint64_t cause, detail;

void guest_expect_fault(void)
{
	kind = GUEST_FAULT_NONE;
	cause = detail = 0;
	armed = 1;
}

enum guest_fault guest_fault_taken(void)
{
	enum guest_fault f = kind;

	armed = 0;
	kind = GUEST_FAULT_NONE;
	return f;
}

int guest_fault_armed(void)
{
	return armed;
}

void guest_fault_record(enum guest_fault k, uint64_t c, uint64_t d)
{
	armed = 0;
	kind = k;
	cause = c;
	detail = d;
}

uint64_t guest_fault_cause(void)
{
	return cause;
}

uint64_t guest_fault_detail(void)
{
	return detail;
}
