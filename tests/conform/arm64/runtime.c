/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/arm64/runtime.c - what kit.h needs on arm64: the console,
 * one SMCCC call through this build's conduit, the guest's own facts for
 * table arguments, the unexpected-exception report and the end of the run.
 *
 * Console (build time): -DKIT_CONSOLE_PL011 -DKIT_UART_BASE=0x09000000
 * (the default), or -DKIT_CONSOLE_SEMIHOST (Arm semihosting SYS_WRITEC,
 * `hlt #0xf000`; QEMU needs -semihosting).
 */
#include "../kit.h"
#include "arm64.h"
#include "conduit.h"

#if !defined(KIT_CONSOLE_PL011) && !defined(KIT_CONSOLE_SEMIHOST)
#define KIT_CONSOLE_PL011 1
#endif
#ifndef KIT_UART_BASE
#define KIT_UART_BASE 0x09000000
#endif

#ifdef KIT_CONSOLE_PL011
#define PL011_DR ((volatile uint32_t *)(uintptr_t)(KIT_UART_BASE))
#define PL011_FR ((volatile uint32_t *)(uintptr_t)(KIT_UART_BASE + 0x18))
#define PL011_FR_TXFF (1u << 5)

static void out(char c)
{
	while (*PL011_FR & PL011_FR_TXFF)
		;
	*PL011_DR = (uint8_t)c;
}

const char kit_console_name[] = "PL011";
#else
static void out(char c)
{
	static volatile char ch;
	register uint64_t x0 __asm__("x0") = 0x03; /* SYS_WRITEC */
	register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)&ch;

	ch = c;
	__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}

const char kit_console_name[] = "semihosting";
#endif

void kit_putc(char c)
{
	if (c == '\n')
		out('\r');
	out(c);
}

struct kit_ret kit_smccc(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 __asm__("x0") = fid;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;
	struct kit_ret r;

	/* SMCCC 1.0 leaves X4-X17 unpredictable: tell the compiler. Whether
	 * 1.1+ implementations preserve them is kit_regcheck()'s check. */
	__asm__ __volatile__(KIT_CONDUIT_STR
			     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
			     :
			     : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",
			       "x14", "x15", "x16", "x17", "memory");
	r.r0 = (int64_t)x0;
	r.r1 = (int64_t)x1;
	return r;
}

struct kit_ret kit_call(uint32_t id, uint32_t fid, uint64_t a0, uint64_t a1, uint64_t a2)
{
	(void)fid;
	return kit_smccc(id, a0, a1, a2);
}

uint64_t kit_self_mpidr(void)
{
	uint64_t mpidr;

	__asm__ __volatile__("mrs %0, mpidr_el1" : "=r"(mpidr));
	return mpidr & 0xFF00FFFFFFull;
}

uint64_t kit_arg(enum spec_arg_kind kind)
{
	switch (kind) {
	case ARG_SELF:
		return kit_self_mpidr();
	case ARG_ENTRY:
		return (uint64_t)(uintptr_t)kit_secondary_entry;
	case ARG_NO_CPU:
		return 0xFF00FFFFFFull;
	case ARG_VAL:
		break;
	}
	return 0;
}

/* PSCI SYSTEM_OFF; if it returns, say so and spin: the harness ends the
 * run from the TAP summary. */
void kit_end(void)
{
	struct kit_ret r;

	kit_puts("# end: PSCI SYSTEM_OFF\n");
	r = kit_smccc(0x84000008u, 0, 0, 0);
	kit_puts("# end: SYSTEM_OFF returned ");
	kit_value(r.r0, 0);
	kit_puts("; spinning until the harness ends the run\n");
	for (;;)
		__asm__ __volatile__("wfi");
}

void kit_exception(uint64_t idx)
{
	static int nested;
	uint64_t esr, elr, far;

	/* An exception while reporting one, or in the power-off call after
	 * it: stop here. */
	if (nested++)
		for (;;)
			__asm__ __volatile__("wfi");
	__asm__ __volatile__("mrs %0, esr_el1" : "=r"(esr));
	__asm__ __volatile__("mrs %0, elr_el1" : "=r"(elr));
	__asm__ __volatile__("mrs %0, far_el1" : "=r"(far));
	kit_puts("Bail out! unexpected exception at EL1: vector ");
	kit_dec((int64_t)idx);
	kit_puts(", ESR_EL1 ");
	kit_hex(esr);
	kit_puts(", ELR_EL1 ");
	kit_hex(elr);
	kit_puts(", FAR_EL1 ");
	kit_hex(far);
	kit_putc('\n');
	kit_end();
}
