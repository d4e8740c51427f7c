/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/runtime.c - the arm64 guest runtime behind guest.h:
 * PL011 console, exit, the exception handler with the expected-fault hook,
 * and the virtual-IRQ handler used by the upcall check.
 *
 * Built twice: for the hcall hypervisor's VMs, and with GUEST_PEER for the
 * plain EL1 kernel that talks to QEMU's own PSCI firmware.
 */
#include "../guest.h"
#include "arm64_guest.h"

#define PL011_DR ((volatile uint32_t *)0x09000000ul)
#define PL011_FR ((volatile uint32_t *)0x09000018ul)
#define PL011_FR_TXFF (1u << 5)

#define PSCI_SYSTEM_OFF 0x84000008ull
#define PSCI_SYSTEM_RESET 0x84000009ull
#define SMCCC_VERSION 0x80000000ull

struct guest_frame {
	uint64_t x[31];
	uint64_t elr, spsr, pad;
};

void guest_start(void);
void guest_trap(struct guest_frame *f, unsigned idx);
void guest_user_return(void);

volatile unsigned guest_irq_count;

void guest_putc(char c)
{
	while (*PL011_FR & PL011_FR_TXFF)
		;
	*PL011_DR = (uint8_t)c;
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

/* One SMCCC fast call through HVC, x0 in and out. */
static uint64_t hvc0(uint64_t fid)
{
	register uint64_t x0 __asm__("x0") = fid;
	__asm__ __volatile__("hvc #0" : "+r"(x0) : : "x1", "x2", "x3", "memory");
	return x0;
}

#ifdef GUEST_PEER
/* Semihosting SYS_EXIT_EXTENDED: QEMU exits with `code` (-semihosting). */
static __attribute__((noreturn)) void semihost_exit(int code)
{
	static volatile uint64_t block[2];
	register uint64_t x0 __asm__("x0") = 0x20;
	register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;

	block[0] = 0x20026;
	block[1] = (uint64_t)(int64_t)code;
	for (;;)
		__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}

/* QEMU's PSCI SYSTEM_OFF exits with 0; a failure leaves through
 * semihosting with its code instead. */
void guest_exit(int status)
{
	if (status == 0)
		hvc0(PSCI_SYSTEM_OFF);
	semihost_exit(status ? status : 1);
}
#else
/* Under the hcall hypervisor: PSCI SYSTEM_OFF when every check passed;
 * otherwise SYSTEM_RESET, which the arm64 hypervisor turns into a non-zero
 * exit status (it has no machine to reset; arch/arm64/main.c). */
void guest_exit(int status)
{
	for (;;)
		hvc0(status ? PSCI_SYSTEM_RESET : PSCI_SYSTEM_OFF);
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

void guest_trap(struct guest_frame *f, unsigned idx)
{
	uint64_t esr, ec;

	if ((idx & 3) == 1) {
		/* Virtual IRQ: count it and acknowledge it with a hypercall
		 * made with IRQs masked (see arch/arm64/main.c). */
		guest_irq_count++;
		(void)hvc0(SMCCC_VERSION);
		return;
	}
	__asm__ __volatile__("mrs %0, esr_el1" : "=r"(esr));
	ec = esr >> 26;
	if ((idx & 3) == 0 && idx >= 8 && ec == 0x15) {
		/* SVC from EL0: guest_call_user()'s function returned. */
		f->elr = (uint64_t)(uintptr_t)guest_user_return;
		f->spsr = 0x3c5;
		return;
	}
	if ((idx & 3) == 0 && guest_fault_armed()) {
		guest_fault_record(ec == 0 ? GUEST_FAULT_UNDEF : GUEST_FAULT_OTHER, esr, 0);
		f->elr += 4;
		return;
	}
	puts_("Bail out! unexpected exception: vector ");
	hex_(idx);
	puts_(" esr ");
	hex_(esr);
	puts_(" elr ");
	hex_(f->elr);
	puts_("\r\n");
	guest_exit(99);
}

void guest_start(void)
{
	guest_main();
}
