/* SPDX-License-Identifier: MIT */
/*
 * hcall/transport.h - which trap the wrappers use.
 *
 * By default every wrapper executes the real trap instruction of the
 * architecture it is compiled for. Defining HCALL_TRANSPORT_SIM together
 * with HCALL_SIM_ARCH (an enum hcall_arch value: 1 x86_64, 2 arm64,
 * 3 riscv64) instead routes every call, with its full register frame, to
 *
 *     void hcall_sim_trap(enum hcall_trap trap, uint32_t imm,
 *                         struct hcall_regs *regs);
 *
 * which the program supplies. The simulated transport exists for unit
 * tests and fuzzing on the build machine; it never replaces the real trap
 * in a guest.
 */
#ifndef HCALL_TRANSPORT_H
#define HCALL_TRANSPORT_H

#include <hcall/compiler.h>
#include <hcall/regs.h>

#if defined(HCALL_TRANSPORT_SIM)
#if !defined(HCALL_SIM_ARCH)
#error "hcall: HCALL_TRANSPORT_SIM needs HCALL_SIM_ARCH (1 x86_64, 2 arm64, 3 riscv64)"
#endif
#define HCALL_TARGET_ARCH HCALL_SIM_ARCH
#define HCALL_SIM 1
HCALL_BEGIN_DECLS
void hcall_sim_trap(enum hcall_trap trap, uint32_t imm, struct hcall_regs *regs);
HCALL_END_DECLS
#else
#define HCALL_SIM 0
#if defined(__x86_64__)
#define HCALL_TARGET_ARCH 1
#elif defined(__aarch64__)
#define HCALL_TARGET_ARCH 2
#elif defined(__riscv) && __riscv_xlen == 64
#define HCALL_TARGET_ARCH 3
#else
#define HCALL_TARGET_ARCH 0
#endif
#endif

#define HCALL_TARGET_X86_64 (HCALL_TARGET_ARCH == 1)
#define HCALL_TARGET_ARM64 (HCALL_TARGET_ARCH == 2)
#define HCALL_TARGET_RISCV64 (HCALL_TARGET_ARCH == 3)

#endif /* HCALL_TRANSPORT_H */
