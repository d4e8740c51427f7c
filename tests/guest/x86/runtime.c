/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/x86/runtime.c - the x86_64 guest runtime: console on port
 * 0xE9, exit status on port 0xF4, descriptor tables, and the trap handler
 * that records expected faults and counts interrupts.
 */
#include <stdint.h>

#include "../tap.h"
#include "x86_guest.h"

#define CONSOLE_PORT 0xE9
#define EXIT_PORT 0xF4
#define USER_RETURN_VECTOR 0x80
#define EXC_UD 6
#define EXC_GP 13

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

void guest_putc(char c)
{
	outb(CONSOLE_PORT, (uint8_t)c);
}

void guest_exit(int status)
{
	/* Under the hcall hypervisor this port is intercepted and ends the
	 * VM with `status`; on bare QEMU it is isa-debug-exit. */
	outb(EXIT_PORT, (uint8_t)status);
	for (;;)
		__asm__ volatile("cli; hlt");
}

/* ---- descriptor tables ---- */

struct __attribute__((packed)) dtr {
	uint16_t limit;
	uint64_t base;
};

struct __attribute__((packed)) tss64 {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
};

static uint64_t gdt[7] __attribute__((aligned(16)));
static uint64_t idt[512] __attribute__((aligned(16)));
static struct tss64 tss __attribute__((aligned(16)));

extern char x86_vectors[];
extern char x86_trap_stack_top[];
void x86_load_tables(const struct dtr *gdtr, const struct dtr *idtr);
void x86_runtime_init(void);

static void set_gate(unsigned vec, uint64_t handler, unsigned dpl)
{
	/* 64-bit interrupt gate: selector 0x08, type 0xE, present. */
	idt[2 * vec] = (handler & 0xffff) | (0x08ull << 16) |
		       ((uint64_t)(0x8e | (dpl << 5)) << 40) |
		       ((handler >> 16 & 0xffff) << 48);
	idt[2 * vec + 1] = handler >> 32;
}

void x86_runtime_init(void)
{
	uint64_t t = (uint64_t)(uintptr_t)&tss;
	struct dtr g, i;

	gdt[0] = 0;
	gdt[1] = 0x00AF9A000000FFFFull; /* 0x08 kernel code, 64-bit */
	gdt[2] = 0x00CF92000000FFFFull; /* 0x10 kernel data */
	gdt[3] = 0x00CFF2000000FFFFull; /* 0x18 user data, DPL 3 */
	gdt[4] = 0x00AFFA000000FFFFull; /* 0x20 user code, 64-bit, DPL 3 */
	/* 0x28: 64-bit available TSS, two slots. */
	gdt[5] = (sizeof(tss) - 1) | ((t & 0xffffff) << 16) | (0x89ull << 40) |
		 ((t >> 24 & 0xff) << 56);
	gdt[6] = t >> 32;
	tss.rsp[0] = (uint64_t)(uintptr_t)x86_trap_stack_top;
	tss.iomap_base = sizeof(tss);
	for (unsigned v = 0; v < 256; v++)
		set_gate(v, (uint64_t)(uintptr_t)(x86_vectors + 16 * v),
			 v == USER_RETURN_VECTOR ? 3 : 0);
	g.limit = sizeof(gdt) - 1;
	g.base = (uint64_t)(uintptr_t)gdt;
	i.limit = sizeof(idt) - 1;
	i.base = (uint64_t)(uintptr_t)idt;
	x86_load_tables(&g, &i);
}

/* ---- traps ---- */

struct x86_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rdi, rsi, rbp, rbx, rdx, rcx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};

static volatile unsigned fault_cpl;
static volatile unsigned irq_count[256];
static void (*volatile irq_hook)(unsigned vector);

void x86_trap(struct x86_frame *f);

/* Length of the instruction an expected fault may come from: VMCALL,
 * and VMMCALL, VMRUN, VMLOAD, VMSAVE, STGI, CLGI (0f 01 d8..dd); UD2,
 * RDMSR and WRMSR. Anything else cannot be skipped. */
static unsigned insn_len(const uint8_t *p)
{
	if (p[0] == 0x0f && p[1] == 0x01 && (p[2] == 0xc1 || (p[2] >= 0xd8 && p[2] <= 0xdd)))
		return 3;
	if (p[0] == 0x0f && (p[1] == 0x0b || p[1] == 0x30 || p[1] == 0x32))
		return 2;
	return 0;
}

__attribute__((noreturn)) static void bail(struct x86_frame *f)
{
	tap_puts("Bail out! unexpected exception, vector ");
	tap_dec(f->vector);
	tap_puts(" error ");
	tap_hex(f->error);
	tap_puts(" at rip ");
	tap_hex(f->rip);
	tap_putc('\n');
	guest_exit(255);
}

void x86_trap(struct x86_frame *f)
{
	if (f->vector >= 32) {
		irq_count[f->vector & 0xff]++;
		if (irq_hook)
			irq_hook((unsigned)f->vector);
		return;
	}
	if (!guest_fault_armed())
		bail(f);
	unsigned len = insn_len((const uint8_t *)(uintptr_t)f->rip);
	if (!len)
		bail(f);
	fault_cpl = (unsigned)(f->cs & 3);
	guest_fault_record(f->vector == EXC_UD   ? GUEST_FAULT_UNDEF
			   : f->vector == EXC_GP ? GUEST_FAULT_GP
						 : GUEST_FAULT_OTHER,
			   f->vector, f->error);
	f->rip += len;
}

/* Capabilities (guest.h): a guest of the hcall SVM hypervisor has them all. */
const char *guest_lacks(enum guest_cap cap)
{
	(void)cap;
	return 0;
}

unsigned guest_x86_fault_vector(void)
{
	return (unsigned)guest_fault_cause();
}

uint64_t guest_x86_fault_error_code(void)
{
	return guest_fault_detail();
}

unsigned guest_x86_fault_cpl(void)
{
	return fault_cpl;
}

void guest_x86_on_interrupt(void (*fn)(unsigned vector))
{
	irq_hook = fn;
}

unsigned guest_x86_interrupts(unsigned vector)
{
	return irq_count[vector & 0xff];
}

void guest_x86_wait_for_interrupt(void)
{
	__asm__ volatile("sti; hlt" ::: "memory");
}
