/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/x86/trap_all.S - x86_trap_all() of x86_guest.h, shared by the
 * system guests and the user-mode programs: every GPR but rsp loaded from
 * in[] (ModRM order), VMCALL (kind 0) or VMMCALL (kind 1), every GPR
 * stored to out[] (out[4] = 0), so a check sees exactly which registers
 * the hypervisor wrote. Under qemu-x86_64 the instruction raises SIGILL
 * and the trap emulator answers it with the interrupted context.
 * The address of the trap is pushed and reached with `ret`, so no
 * register is spent on the jump.
 */
	.text
	.globl x86_trap_all
	.type x86_trap_all, @function
x86_trap_all:
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	pushq %rdx              /* out */
	leaq 1f(%rip), %rax
	testl %edi, %edi
	jz 0f
	leaq 2f(%rip), %rax
0:	pushq %rax              /* the trap to take */
	movq %rsi, %rdi         /* in */
	movq 8*0(%rdi), %rax
	movq 8*1(%rdi), %rcx
	movq 8*2(%rdi), %rdx
	movq 8*3(%rdi), %rbx
	movq 8*5(%rdi), %rbp
	movq 8*6(%rdi), %rsi
	movq 8*8(%rdi), %r8
	movq 8*9(%rdi), %r9
	movq 8*10(%rdi), %r10
	movq 8*11(%rdi), %r11
	movq 8*12(%rdi), %r12
	movq 8*13(%rdi), %r13
	movq 8*14(%rdi), %r14
	movq 8*15(%rdi), %r15
	movq 8*7(%rdi), %rdi
	ret
1:	vmcall
	jmp 3f
2:	vmmcall
3:	pushq %rdi
	movq 8(%rsp), %rdi      /* out */
	movq %rax, 8*0(%rdi)
	movq %rcx, 8*1(%rdi)
	movq %rdx, 8*2(%rdi)
	movq %rbx, 8*3(%rdi)
	movq $0, 8*4(%rdi)
	movq %rbp, 8*5(%rdi)
	movq %rsi, 8*6(%rdi)
	popq %rax
	movq %rax, 8*7(%rdi)
	movq %r8, 8*8(%rdi)
	movq %r9, 8*9(%rdi)
	movq %r10, 8*10(%rdi)
	movq %r11, 8*11(%rdi)
	movq %r12, 8*12(%rdi)
	movq %r13, 8*13(%rdi)
	movq %r14, 8*14(%rdi)
	movq %r15, 8*15(%rdi)
	addq $8, %rsp           /* out */
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	ret
	.size x86_trap_all, . - x86_trap_all

	.section .note.GNU-stack, "", @progbits
