/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/riscv/runtime.c - what kit.h needs on riscv64: the
 * console, one SBI call, the guest's own facts for table arguments, the
 * unexpected-trap report and the end of the run.
 *
 * Console (build time): an NS16550 at KIT_UART_BASE (default 0x10000000,
 * QEMU virt's), or -DKIT_CONSOLE_SBI: the SBI debug console (DBCN
 * write_byte) if probe_extension finds it, else the legacy
 * console_putchar.
 */
#include "../spec/sbi.h"
#include "riscv.h"

#ifndef KIT_UART_BASE
#define KIT_UART_BASE 0x10000000
#endif

uint64_t kit_hartid;

struct kit_ret kit_sbi(uint32_t eid, uint32_t fid, uint64_t a0, uint64_t a1, uint64_t a2)
{
	register uint64_t r0 __asm__("a0") = a0;
	register uint64_t r1 __asm__("a1") = a1;
	register uint64_t r2 __asm__("a2") = a2;
	register uint64_t r6 __asm__("a6") = fid;
	register uint64_t r7 __asm__("a7") = eid;
	struct kit_ret r;

	/* The specification lets the callee change a0 and a1 only; whether
	 * it does is kit_regcheck()'s check, so here every caller-saved
	 * register is assumed changed. */
	__asm__ __volatile__("ecall"
			     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r6), "+r"(r7)
			     :
			     : "a3", "a4", "a5", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "ra",
			       "memory");
	r.r0 = (int64_t)r0;
	r.r1 = (int64_t)r1;
	return r;
}

struct kit_ret kit_call(uint32_t id, uint32_t fid, uint64_t a0, uint64_t a1, uint64_t a2)
{
	return kit_sbi(id, fid, a0, a1, a2);
}

uint64_t kit_arg(enum spec_arg_kind kind)
{
	switch (kind) {
	case ARG_SELF:
		return kit_hartid;
	case ARG_ENTRY:
		return (uint64_t)(uintptr_t)kit_secondary_entry;
	case ARG_NO_CPU:
		return 0xFFFFFFFFull;
	case ARG_VAL:
		break;
	}
	return 0;
}

#ifdef KIT_CONSOLE_SBI
static int use_dbcn;
const char *kit_console_name = "SBI legacy console_putchar";

void kit_console_init(void)
{
	struct kit_ret r = kit_sbi(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, SBI_EXT_DBCN, 0, 0);

	use_dbcn = r.r0 == 0 && r.r1 != 0;
	if (use_dbcn)
		kit_console_name = "SBI DBCN";
}

static void out(char c)
{
	if (use_dbcn)
		(void)kit_sbi(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, (uint8_t)c, 0, 0);
	else
		(void)kit_sbi(SBI_EXT_LEGACY_PUTCHAR, 0, (uint8_t)c, 0, 0);
}
#else
#define UART_THR ((volatile uint8_t *)(uintptr_t)(KIT_UART_BASE))
#define UART_LSR ((volatile uint8_t *)(uintptr_t)(KIT_UART_BASE + 5))
#define UART_LSR_THRE 0x20
const char *kit_console_name = "NS16550";

void kit_console_init(void)
{
}

static void out(char c)
{
	while (!(*UART_LSR & UART_LSR_THRE))
		;
	*UART_THR = (uint8_t)c;
}
#endif

void kit_putc(char c)
{
	out(c);
}

static int probe(uint32_t eid)
{
	struct kit_ret r = kit_sbi(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, eid, 0, 0);

	return r.r0 == 0 && r.r1 != 0;
}

/* SRST shutdown (reason: system failure if a check failed), else the
 * legacy shutdown; if neither ends the run, say so and spin: the harness
 * ends it from the TAP summary. */
void kit_end(unsigned failed)
{
	struct kit_ret r = { 0, 0 };

	if (probe(SBI_EXT_SRST)) {
		kit_puts("# end: SBI SRST system_reset(shutdown)\n");
		r = kit_sbi(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, SBI_SRST_SHUTDOWN,
			    failed ? SBI_SRST_REASON_FAILURE : SBI_SRST_REASON_NONE, 0);
		kit_puts("# end: system_reset returned ");
		kit_value(r.r0, 0);
		kit_putc('\n');
	}
	if (probe(SBI_EXT_LEGACY_SHUTDOWN)) {
		kit_puts("# end: SBI legacy shutdown\n");
		(void)kit_sbi(SBI_EXT_LEGACY_SHUTDOWN, 0, 0, 0, 0);
	}
	kit_puts("# end: still running; spinning until the harness ends the run\n");
	for (;;)
		__asm__ __volatile__("wfi");
}

void kit_trap(void)
{
	static int nested;
	uint64_t cause, epc, tval;

	if (nested++)
		for (;;)
			__asm__ __volatile__("wfi");
	__asm__ __volatile__("csrr %0, scause" : "=r"(cause));
	__asm__ __volatile__("csrr %0, sepc" : "=r"(epc));
	__asm__ __volatile__("csrr %0, stval" : "=r"(tval));
	kit_puts("Bail out! unexpected trap: scause ");
	kit_hex(cause);
	kit_puts(", sepc ");
	kit_hex(epc);
	kit_puts(", stval ");
	kit_hex(tval);
	kit_putc('\n');
	kit_end(1);
}
