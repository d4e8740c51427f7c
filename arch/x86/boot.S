/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/boot.S - multiboot v1 entry of the x86_64 hypervisor.
 *
 * QEMU's -kernel loads a multiboot v1 ELF32 and enters it in 32-bit
 * protected mode with paging off. The hypervisor runs in long mode (QEMU
 * takes the nested-paging mode from the host's paging state at VMRUN), so
 * this stub identity-maps the first GiB with 2 MiB pages (and, uncached,
 * the 2 MiB page of the local APIC at 0xFEE00000), enables PAE and
 * EFER.LME, turns paging on and far-jumps to 64-bit code, which calls
 * hv_x86_main(multiboot magic, multiboot info) on CPU 0's stack (smp.h).
 */
#include "smp.h"
#define MB_MAGIC 0x1BADB002
#define MB_FLAGS 0x00000003 /* page-align modules, provide the memory map */
#define EFER_MSR 0xC0000080
#define EFER_LME (1 << 8)
#define CR4_PAE (1 << 5)
#define CR0_PE_PG 0x80000001
#define PTE_P_RW 0x003
#define PDE_P_RW_PS 0x083
#define PDE_P_RW_PS_PWT_PCD 0x09B
#define LAPIC_PDE_INDEX ((0xFEE00000 - 0xC0000000) >> 21) /* in the 4th GiB */
#define BOOT_STACK_TOP (x86_cpu_stacks + X86_STACK_SIZE)

	.section .text.boot, "ax"
	.balign 4
multiboot_header:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.code32
	.globl _start32
_start32:
	cli
	movl $BOOT_STACK_TOP, %esp
	movl %eax, %edi         /* multiboot magic: first C argument */
	movl %ebx, %esi         /* multiboot info: second C argument */

	movl $boot_pdpt, %eax
	orl $PTE_P_RW, %eax
	movl %eax, boot_pml4
	movl $boot_pd, %eax
	orl $PTE_P_RW, %eax
	movl %eax, boot_pdpt
	movl $boot_pd_lapic, %eax
	orl $PTE_P_RW, %eax
	movl %eax, boot_pdpt + 3 * 8
	movl $(0xFEE00000 | PDE_P_RW_PS_PWT_PCD), boot_pd_lapic + LAPIC_PDE_INDEX * 8

	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $21, %eax
	orl $PDE_P_RW_PS, %eax
	movl %eax, boot_pd(, %ecx, 8)
	movl $0, boot_pd + 4(, %ecx, 8)
	incl %ecx
	cmpl $512, %ecx
	jne 1b

	movl $boot_pml4, %eax
	movl %eax, %cr3
	movl %cr4, %eax
	orl $CR4_PAE, %eax
	movl %eax, %cr4
	movl $EFER_MSR, %ecx
	rdmsr
	orl $EFER_LME, %eax
	wrmsr
	movl %cr0, %eax
	orl $CR0_PE_PG, %eax
	movl %eax, %cr0
	lgdt boot_gdt_ptr
	ljmp $0x08, $start64

	.code64
start64:
	movw $0x10, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	xorw %ax, %ax
	movw %ax, %fs
	movw %ax, %gs
	movq $BOOT_STACK_TOP, %rsp
	movl %edi, %edi         /* the upper halves are undefined after the switch */
	movl %esi, %esi
	call hv_x86_main
2:	cli
	hlt
	jmp 2b

	.section .rodata
	.balign 8
boot_gdt:
	.quad 0
	.quad 0x00AF9A000000FFFF  /* 0x08: 64-bit code, DPL 0 */
	.quad 0x00CF92000000FFFF  /* 0x10: data, DPL 0 */
boot_gdt_end:
boot_gdt_ptr:
	.word boot_gdt_end - boot_gdt - 1
	.quad boot_gdt

	.section .bss
	.balign 4096
boot_pml4:
	.skip 4096
boot_pdpt:
	.skip 4096
boot_pd:
	.skip 4096
boot_pd_lapic:
	.skip 4096

	.section .note.GNU-stack, "", @progbits
