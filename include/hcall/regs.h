/* SPDX-License-Identifier: MIT */
/*
 * hcall/regs.h - one register frame shape for every architecture.
 *
 * A trapped hypercall is fully described by the trap instruction, its
 * immediate and the general-purpose registers at the trap. The frame holds
 * the GPRs indexed by their architectural number, so a convention's
 * register roles are plain indices: the hypervisor core, the simulated
 * transport, the CLI and the docs all read the same numbers.
 *
 *   arm64   x0..x30 are indices 0..30.
 *   riscv   x0..x31 are indices 0..31 (a0 = x10 ... a7 = x17).
 *   x86_64  the instruction-encoding order: rax rcx rdx rbx rsp rbp rsi rdi
 *           are 0..7, r8..r15 are 8..15.
 */
#ifndef HCALL_REGS_H
#define HCALL_REGS_H

#include <hcall/types.h>

#define HCALL_NREGS 32

struct hcall_regs {
	uint64_t r[HCALL_NREGS];
};

enum hcall_arch {
	HCALL_ARCH_X86_64 = 1,
	HCALL_ARCH_ARM64 = 2,
	HCALL_ARCH_RISCV64 = 3,
};

/* The instruction that entered the hypervisor. */
enum hcall_trap {
	HCALL_TRAP_NONE = 0,
	HCALL_TRAP_HVC = 1,     /* arm64 HVC #imm16 */
	HCALL_TRAP_SMC = 2,     /* arm64 SMC #imm16, trapped with HCR_EL2.TSC */
	HCALL_TRAP_ECALL = 3,   /* riscv ecall from VS-mode */
	HCALL_TRAP_VMCALL = 4,  /* x86 0f 01 c1 (Intel) */
	HCALL_TRAP_VMMCALL = 5, /* x86 0f 01 d9 (AMD) */
};

/*
 * A register role is written once as an (index, "asm name") pair: the
 * guest wrappers bind the name in their register variables, the hypervisor
 * core reads the index from the frame, so the two can never disagree.
 */
#define HCALL_REG_IDX(reg) HCALL__REG_IDX reg
#define HCALL__REG_IDX(idx, name) idx
#define HCALL_REG_NAME(reg) HCALL__REG_NAME reg
#define HCALL__REG_NAME(idx, name) name

/* arm64 */
#define HCALL_ARM64_X0 (0, "x0")
#define HCALL_ARM64_X1 (1, "x1")
#define HCALL_ARM64_X2 (2, "x2")
#define HCALL_ARM64_X3 (3, "x3")
#define HCALL_ARM64_X4 (4, "x4")
#define HCALL_ARM64_X5 (5, "x5")
#define HCALL_ARM64_X6 (6, "x6")
#define HCALL_ARM64_X7 (7, "x7")
#define HCALL_ARM64_X8 (8, "x8")
#define HCALL_ARM64_X9 (9, "x9")
#define HCALL_ARM64_X10 (10, "x10")
#define HCALL_ARM64_X11 (11, "x11")
#define HCALL_ARM64_X12 (12, "x12")
#define HCALL_ARM64_X13 (13, "x13")
#define HCALL_ARM64_X14 (14, "x14")
#define HCALL_ARM64_X15 (15, "x15")
#define HCALL_ARM64_X16 (16, "x16")
#define HCALL_ARM64_X17 (17, "x17")
#define HCALL_ARM64_X18 (18, "x18")
#define HCALL_ARM64_X19 (19, "x19")
#define HCALL_ARM64_X20 (20, "x20")
#define HCALL_ARM64_X21 (21, "x21")
#define HCALL_ARM64_X22 (22, "x22")
#define HCALL_ARM64_X23 (23, "x23")
#define HCALL_ARM64_X24 (24, "x24")
#define HCALL_ARM64_X25 (25, "x25")
#define HCALL_ARM64_X26 (26, "x26")
#define HCALL_ARM64_X27 (27, "x27")
#define HCALL_ARM64_X28 (28, "x28")
#define HCALL_ARM64_X29 (29, "x29")
#define HCALL_ARM64_X30 (30, "x30")

/* riscv (x0 is hard-wired zero and has no role) */
#define HCALL_RV_RA (1, "ra")
#define HCALL_RV_SP (2, "sp")
#define HCALL_RV_GP (3, "gp")
#define HCALL_RV_TP (4, "tp")
#define HCALL_RV_T0 (5, "t0")
#define HCALL_RV_T1 (6, "t1")
#define HCALL_RV_T2 (7, "t2")
#define HCALL_RV_S0 (8, "s0")
#define HCALL_RV_S1 (9, "s1")
#define HCALL_RV_A0 (10, "a0")
#define HCALL_RV_A1 (11, "a1")
#define HCALL_RV_A2 (12, "a2")
#define HCALL_RV_A3 (13, "a3")
#define HCALL_RV_A4 (14, "a4")
#define HCALL_RV_A5 (15, "a5")
#define HCALL_RV_A6 (16, "a6")
#define HCALL_RV_A7 (17, "a7")
#define HCALL_RV_S2 (18, "s2")
#define HCALL_RV_S3 (19, "s3")
#define HCALL_RV_S4 (20, "s4")
#define HCALL_RV_S5 (21, "s5")
#define HCALL_RV_S6 (22, "s6")
#define HCALL_RV_S7 (23, "s7")
#define HCALL_RV_S8 (24, "s8")
#define HCALL_RV_S9 (25, "s9")
#define HCALL_RV_S10 (26, "s10")
#define HCALL_RV_S11 (27, "s11")
#define HCALL_RV_T3 (28, "t3")
#define HCALL_RV_T4 (29, "t4")
#define HCALL_RV_T5 (30, "t5")
#define HCALL_RV_T6 (31, "t6")

/* x86_64, in ModRM encoding order */
#define HCALL_X86_RAX (0, "rax")
#define HCALL_X86_RCX (1, "rcx")
#define HCALL_X86_RDX (2, "rdx")
#define HCALL_X86_RBX (3, "rbx")
#define HCALL_X86_RSP (4, "rsp")
#define HCALL_X86_RBP (5, "rbp")
#define HCALL_X86_RSI (6, "rsi")
#define HCALL_X86_RDI (7, "rdi")
#define HCALL_X86_R8 (8, "r8")
#define HCALL_X86_R9 (9, "r9")
#define HCALL_X86_R10 (10, "r10")
#define HCALL_X86_R11 (11, "r11")
#define HCALL_X86_R12 (12, "r12")
#define HCALL_X86_R13 (13, "r13")
#define HCALL_X86_R14 (14, "r14")
#define HCALL_X86_R15 (15, "r15")

#define HCALL_REG_NONE 0xff

#endif /* HCALL_REGS_H */
