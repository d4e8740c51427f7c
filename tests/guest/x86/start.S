/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/x86/start.S - entry, descriptor tables and trap stubs of the
 * x86_64 guest runtime.
 *
 * The hypervisor starts the guest at its first byte in 64-bit long mode,
 * ring 0, on identity page tables. The runtime loads its own GDT (kernel
 * and user segments, a TSS whose RSP0 is the stack ring-3 traps land on)
 * and IDT, then calls guest_main(). In a VM with several vCPUs, every
 * vCPU starts here with rsi = its index, rdx = the number of physical
 * CPUs and its own rsp; vCPU 0 keeps rdx in guest_x86_boot_ncpus, the
 * others call guest_x86_ap_main(vm id, index, CPUs) on that stack
 * instead (by default they halt).
 */
#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_DS 0x1b
#define USER_CS 0x23
#define TSS_SEL 0x28
#define USER_RETURN_VECTOR 0x80

	.section .text.boot, "ax"
	.globl _start
_start:
	testq %rsi, %rsi
	jz 2f
	call guest_x86_ap_main
1:	hlt
	jmp 1b
2:	movq %rdx, guest_x86_boot_ncpus(%rip)
	leaq kernel_stack_top(%rip), %rsp
	call x86_runtime_init
	call guest_main
1:	hlt
	jmp 1b

	.weak guest_x86_ap_main
guest_x86_ap_main:
	ret

	.data
	.balign 8
	.globl guest_x86_boot_ncpus
guest_x86_boot_ncpus:
	.quad 0

	.text
/* void x86_load_tables(const void *gdtr, const void *idtr) */
	.globl x86_load_tables
x86_load_tables:
	lgdt (%rdi)
	lidt (%rsi)
	movw $KERNEL_DS, %ax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	movw %ax, %fs
	movw %ax, %gs
	movw $TSS_SEL, %ax
	ltr %ax
	popq %rax               /* return address: reload CS with a far return */
	pushq $KERNEL_CS
	pushq %rax
	lretq

/* Trap stubs: every vector pushes (error code or 0, vector) and joins. */
.macro VEC n
	.balign 16
vec_\n:
	.if (\n == 8) || (\n >= 10 && \n <= 14) || (\n == 17) || (\n == 21) || (\n == 29) || (\n == 30)
	.else
	pushq $0
	.endif
	pushq $\n
	jmp trap_common
.endm

	.balign 16
	.globl x86_vectors
x86_vectors:
.altmacro
.set i, 0
.rept 256
	.if i != USER_RETURN_VECTOR
	VEC %i
	.else
	.balign 16
	jmp user_return
	.endif
	.set i, i + 1
.endr
.noaltmacro

trap_common:
	pushq %rax
	pushq %rcx
	pushq %rdx
	pushq %rbx
	pushq %rbp
	pushq %rsi
	pushq %rdi
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, %rdi
	cld
	call x86_trap
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rdi
	popq %rsi
	popq %rbp
	popq %rbx
	popq %rdx
	popq %rcx
	popq %rax
	addq $16, %rsp
	iretq

/*
 * uint64_t guest_call_user(uint64_t (*fn)(uint64_t), uint64_t arg)
 * Saves the kernel context, enters fn(arg) at ring 3 with iretq; the user
 * side returns with `int $0x80` (a DPL 3 gate), which lands in
 * user_return on the TSS's RSP0 stack and resumes the saved context with
 * rax = fn's result.
 */
	.globl guest_call_user
guest_call_user:
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	pushfq
	movq %rsp, user_saved_rsp(%rip)
	leaq user_stack_top(%rip), %rax
	pushq $USER_DS
	pushq %rax
	pushq $0x202            /* IF set: interrupts still arrive in ring 3 */
	pushq $USER_CS
	leaq user_entry(%rip), %rax
	pushq %rax
	movq %rdi, %rax
	movq %rsi, %rdi
	iretq

user_entry:
	call *%rax
	int $USER_RETURN_VECTOR
	ud2

user_return:
	movq user_saved_rsp(%rip), %rsp
	popfq
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	ret

	.bss
	.balign 16
user_saved_rsp:
	.quad 0
	.balign 4096
	.skip 16384
kernel_stack_top:
	.globl x86_trap_stack_top
	.skip 16384
x86_trap_stack_top:
	.skip 16384
user_stack_top:

	.section .note.GNU-stack, "", @progbits
