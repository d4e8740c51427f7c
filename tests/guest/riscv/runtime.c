/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/runtime.c - the riscv guest runtime behind guest.h:
 * ns16550 console, exit, the trap handler with the expected-fault hook
 * and the supervisor-software-interrupt (upcall) handler.
 *
 * Built twice: for the hcall hypervisor's VMs (VS-mode), and with
 * GUEST_PEER as a plain S-mode kernel on OpenSBI.
 */
#include "../guest.h"
#include "rv_guest.h"

#include <hcall/sbi.h>

#define UART ((volatile uint8_t *)0x10000000ul)
#define UART_LSR_THRE 0x20
#define SIFIVE_TEST ((volatile uint32_t *)0x100000ul)

#define SCAUSE_IRQ (1ull << 63)
#define IRQ_SSI 1
#define IRQ_STI 5
#define EXC_ILLEGAL_INSN 2
#define EXC_ECALL_U 8
#define USER_EXIT_MAGIC 0x55535245ull

struct rv_guest_frame {
	uint64_t x[32]; /* x[0] unused; x[2] = sp at the trap */
	uint64_t sepc, pad;
};

void guest_start(uint64_t hartid, uint64_t a1);
void rv_guest_trap(struct rv_guest_frame *f);
extern char rv_user_exit_ecall[];
__attribute__((noreturn)) void rv_user_resume(uint64_t result);

uint64_t rv_guest_boot_a1;
uint64_t rv_guest_boot_hartid;
volatile unsigned rv_guest_irq_count;
/* Supervisor timer interrupts taken (check_sbi_conformance.c), and the
 * time of the last one. */
volatile unsigned rv_guest_timer_count;
volatile uint64_t rv_guest_timer_time;

void guest_putc(char c)
{
	while (!(UART[5] & UART_LSR_THRE))
		;
	UART[0] = (uint8_t)c;
}

static void puts_(const char *s)
{
	while (*s)
		guest_putc(*s++);
}

static void hex_(uint64_t v)
{
	static const char dig[] = "0123456789abcdef";
	puts_("0x");
	for (int i = 60; i >= 0; i -= 4)
		guest_putc(dig[(v >> i) & 15]);
}

#ifdef GUEST_PEER
/* OpenSBI's SRST exits QEMU with 0 whatever the reason, so a failure
 * leaves through the sifive_test device with a non-zero code instead. */
void guest_exit(int status)
{
	if (status == 0)
		(void)hcall_sbi_srst_system_reset(HCALL_SBI_SRST_TYPE_SHUTDOWN,
						  HCALL_SBI_SRST_REASON_NONE);
	for (;;)
		*SIFIVE_TEST = ((uint32_t)(status ? status : 1) << 16) | 0x3333u;
}
#else
/* Under the hcall hypervisor: SRST shutdown; the reason tells the
 * hypervisor whether the run passed (its exit status follows). */
void guest_exit(int status)
{
	for (;;)
		(void)hcall_sbi_srst_system_reset(
			HCALL_SBI_SRST_TYPE_SHUTDOWN,
			status ? HCALL_SBI_SRST_REASON_SYSTEM_FAILURE
			       : HCALL_SBI_SRST_REASON_NONE);
}
#endif

/* Capabilities (guest.h). Under the hcall hypervisor this guest has them
 * all; as a peer kernel on real firmware only its own privilege levels. */
const char *guest_lacks(enum guest_cap cap)
{
#ifdef GUEST_PEER
	if (cap != GUEST_CAP_PRIVILEGE)
		return "peer: the firmware is not the hcall hypervisor";
#endif
	(void)cap;
	return 0;
}

/* Length of the instruction at pc: 2 for a compressed one. */
static uint64_t insn_len(uint64_t pc)
{
	return (*(const volatile uint16_t *)(uintptr_t)pc & 3) == 3 ? 4 : 2;
}

void rv_guest_trap(struct rv_guest_frame *f)
{
	uint64_t cause, tval;

	__asm__ __volatile__("csrr %0, scause" : "=r"(cause));
	__asm__ __volatile__("csrr %0, stval" : "=r"(tval));
	if (cause == (SCAUSE_IRQ | IRQ_SSI)) {
		/* The upcall: count it and acknowledge it (clears hvip.VSSIP). */
		rv_guest_irq_count++;
		__asm__ __volatile__("csrc sip, %0" : : "r"(1ul << IRQ_SSI));
		return;
	}
	if (cause == (SCAUSE_IRQ | IRQ_STI)) {
		/* Count it and mask it: the check that armed the timer
		 * clears it through the SBI. */
		uint64_t now;

		__asm__ __volatile__("csrr %0, time" : "=r"(now));
		rv_guest_timer_time = now;
		rv_guest_timer_count++;
		__asm__ __volatile__("csrc sie, %0" : : "r"(1ul << IRQ_STI));
		return;
	}
	if (cause == EXC_ECALL_U && f->x[17] == USER_EXIT_MAGIC &&
	    f->sepc == (uint64_t)(uintptr_t)rv_user_exit_ecall)
		rv_user_resume(f->x[10]); /* guest_call_user()'s fn returned */
	if (!(cause & SCAUSE_IRQ) && guest_fault_armed()) {
		guest_fault_record(cause == EXC_ILLEGAL_INSN ? GUEST_FAULT_UNDEF
							     : GUEST_FAULT_OTHER,
				   cause, tval);
		f->sepc += insn_len(f->sepc);
		return;
	}
	puts_("Bail out! unexpected trap: scause ");
	hex_(cause);
	puts_(" sepc ");
	hex_(f->sepc);
	puts_(" stval ");
	hex_(tval);
	puts_("\r\n");
	guest_exit(99);
}

void guest_start(uint64_t hartid, uint64_t a1)
{
	rv_guest_boot_hartid = hartid;
	rv_guest_boot_a1 = a1;
	guest_main();
}
