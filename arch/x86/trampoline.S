/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/trampoline.S - how an AP gets from its SIPI to long mode.
 *
 * A SIPI with vector 0x08 starts an AP in real mode at CS:IP 0800:0000.
 * smp_boot() copies x86_trampoline..x86_trampoline_end to
 * X86_TRAMPOLINE_BASE and writes the BSP's CR3 into its last slot. The
 * code uses only absolute addresses inside that copy and no stack, so
 * every AP can run it at once: GDT, protected mode, PAE, EFER.LME, the
 * BSP's page tables, paging, then a far jump into x86_ap_entry64 in the
 * image. There each AP takes the next CPU index, its stack
 * (x86_cpu_stacks[index]) and calls x86_ap_main(index).
 */
#include "smp.h"

#define EFER_MSR 0xC0000080
#define EFER_LME (1 << 8)
#define CR4_PAE (1 << 5)
#define CR0_PE 0x00000001
#define CR0_PG 0x80000000
#define T(sym) ((sym) - x86_trampoline + X86_TRAMPOLINE_BASE)

	.section .rodata.x86_trampoline, "a"
	.balign 16
	.globl x86_trampoline, x86_trampoline_end, x86_trampoline_cr3
	.code16
x86_trampoline:
	cli
	cld
	xorw %ax, %ax
	movw %ax, %ds
	lgdtl T(tramp_gdt_ptr)
	movl %cr0, %eax
	orl $CR0_PE, %eax
	movl %eax, %cr0
	ljmpl $0x18, $T(tramp32)

	.code32
tramp32:
	movw $0x10, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl T(x86_trampoline_cr3), %eax
	movl %eax, %cr3
	movl $EFER_MSR, %ecx
	rdmsr
	orl $EFER_LME, %eax
	wrmsr
	movl %cr0, %eax
	orl $CR0_PG, %eax
	movl %eax, %cr0
	ljmp $0x08, $x86_ap_entry64

	.balign 8
tramp_gdt:
	.quad 0
	.quad 0x00AF9A000000FFFF  /* 0x08: 64-bit code, as the BSP's */
	.quad 0x00CF92000000FFFF  /* 0x10: data, as the BSP's */
	.quad 0x00CF9A000000FFFF  /* 0x18: 32-bit code, for the way up */
tramp_gdt_end:
tramp_gdt_ptr:
	.word tramp_gdt_end - tramp_gdt - 1
	.long T(tramp_gdt)
	.balign 4
x86_trampoline_cr3:
	.long 0
x86_trampoline_end:

	.text
	.code64
x86_ap_entry64:
	movw $0x10, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	xorw %ax, %ax
	movw %ax, %fs
	movw %ax, %gs
	movl $1, %eax
	lock xaddl %eax, x86_ap_next
	cmpl $X86_MAX_CPUS, %eax
	jae 1f                  /* more CPUs than stacks: this one stays out */
	movl %eax, %edi
	incl %eax
	imull $X86_STACK_SIZE, %eax
	leaq x86_cpu_stacks(%rax), %rsp
	call x86_ap_main
1:	cli
	hlt
	jmp 1b

	.data
	.balign 4
	.globl x86_ap_next
x86_ap_next:
	.long 1                 /* CPU 0 is the BSP */

	.section .note.GNU-stack, "", @progbits
