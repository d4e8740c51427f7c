/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/irq.S - the host's interrupt and exception entries (the IDT is
 * built by smp.c).
 *
 * The host takes interrupts only where it enables them: while a CPU
 * halts idle and right after an SVM_EXIT_INTR (smp.h). The only one it
 * expects is the kick, which needs nothing but its EOI. Any exception in
 * the hypervisor itself is a bug: x86_host_fault() reports it and stops.
 */
#include "smp.h"

#define LAPIC_EOI 0xFEE000B0

	.text
	.globl x86_kick_entry, x86_spurious_entry, x86_fault_entry
x86_kick_entry:
	pushq %rax
	movabsq $LAPIC_EOI, %rax
	movl $0, (%rax)
	popq %rax
	iretq

/* A spurious interrupt takes no EOI. */
x86_spurious_entry:
	iretq

x86_fault_entry:
	cli
	andq $-16, %rsp
	call x86_host_fault
1:	hlt
	jmp 1b

	.section .note.GNU-stack, "", @progbits
