/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_legacy.h - the SBI v0.1 legacy extensions, one EID per
 * function (0x00-0x08). Source: SBI specification v3.0, chapter "Legacy
 * Extensions". Deprecated by the specification; Linux still calls them
 * when the base extension is absent.
 *
 * No FID: a7 = EID, arguments from a0, the result in a0 only (0 or an SBI
 * error, console_getchar: the byte or -1); a1 is preserved. A row's
 * number is the EID, and every wrapper is hand-written (the result reads
 * unlike the other extensions'). The hart masks of send_ipi and the
 * remote fences are the virtual address of an unsigned long in the
 * caller's address space.
 */
#ifndef HCALL_ABI_SBI_LEGACY_H
#define HCALL_ABI_SBI_LEGACY_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_LEGACY_SET_TIMER HCALL_SBI_EXT_LEGACY_SET_TIMER
#define HCALL_SBI_LEGACY_CONSOLE_PUTCHAR HCALL_SBI_EXT_LEGACY_CONSOLE_PUTCHAR
#define HCALL_SBI_LEGACY_CONSOLE_GETCHAR HCALL_SBI_EXT_LEGACY_CONSOLE_GETCHAR
#define HCALL_SBI_LEGACY_CLEAR_IPI HCALL_SBI_EXT_LEGACY_CLEAR_IPI
#define HCALL_SBI_LEGACY_SEND_IPI HCALL_SBI_EXT_LEGACY_SEND_IPI
#define HCALL_SBI_LEGACY_REMOTE_FENCE_I HCALL_SBI_EXT_LEGACY_REMOTE_FENCE_I
#define HCALL_SBI_LEGACY_REMOTE_SFENCE_VMA HCALL_SBI_EXT_LEGACY_REMOTE_SFENCE_VMA
#define HCALL_SBI_LEGACY_REMOTE_SFENCE_VMA_ASID \
	HCALL_SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID
#define HCALL_SBI_LEGACY_SHUTDOWN HCALL_SBI_EXT_LEGACY_SHUTDOWN

#define HCALL_SBI_LEGACY_CALLS(X)                                              \
	X(SBI_LEGACY, sbi_legacy, SET_TIMER, set_timer, CUSTOM, 1, 0,          \
	  (uint64_t, stime_value), _, _, _,                                    \
	  "program the timer and clear the pending timer interrupt")           \
	X(SBI_LEGACY, sbi_legacy, CONSOLE_PUTCHAR, console_putchar, CUSTOM, 1, \
	  0, (int, ch), _, _, _,                                               \
	  "write one byte to the debug console; a0 = 0 or error")              \
	X(SBI_LEGACY, sbi_legacy, CONSOLE_GETCHAR, console_getchar, CUSTOM, 0, \
	  0, _, _, _, _, "read one byte from the debug console; a0 = -1 if none") \
	X(SBI_LEGACY, sbi_legacy, CLEAR_IPI, clear_ipi, CUSTOM, 0, 0,          \
	  _, _, _, _, "clear the pending supervisor software interrupt")       \
	X(SBI_LEGACY, sbi_legacy, SEND_IPI, send_ipi, CUSTOM, 1, 0,            \
	  (const unsigned long *, hart_mask), _, _, _,                         \
	  "software interrupt to the harts of *hart_mask")                     \
	X(SBI_LEGACY, sbi_legacy, REMOTE_FENCE_I, remote_fence_i, CUSTOM, 1,   \
	  0, (const unsigned long *, hart_mask), _, _, _,                      \
	  "FENCE.I on the harts of *hart_mask")                                \
	X(SBI_LEGACY, sbi_legacy, REMOTE_SFENCE_VMA, remote_sfence_vma,        \
	  CUSTOM, 3, 0, (const unsigned long *, hart_mask),                    \
	  (uint64_t, start), (uint64_t, size), _,                              \
	  "SFENCE.VMA of a range on the harts of *hart_mask")                  \
	X(SBI_LEGACY, sbi_legacy, REMOTE_SFENCE_VMA_ASID,                      \
	  remote_sfence_vma_asid, CUSTOM, 4, 0,                                \
	  (const unsigned long *, hart_mask), (uint64_t, start),               \
	  (uint64_t, size), (uint64_t, asid),                                  \
	  "SFENCE.VMA of a range for one ASID on the harts of *hart_mask")     \
	X(SBI_LEGACY, sbi_legacy, SHUTDOWN, shutdown, CUSTOM, 0, 0,            \
	  _, _, _, _, "power off every hart; does not return")

/* Legacy: a7 is the number, a0.. the arguments, a0 the result only. */
#define HCALL__SBI_LEGACY_CONV(name, sel_reg, sel)                            \
	{ name, HCALL_ARCH_RISCV64, HCALL_TRAP_ECALL, 0, sel_reg, sel,        \
	  HCALL__SBI_R(EID), 4,                                               \
	  { HCALL__SBI_R(ARG0), HCALL__SBI_R(ARG1), HCALL__SBI_R(ARG2),       \
	    HCALL__SBI_R(ARG3) },                                             \
	  1, { HCALL__SBI_R(ERR) }, HCALL_REG_NONE,                           \
	  HCALL__BIT(HCALL_SBI_RISCV_REG_ERR) }
#define HCALL_SBI_LEGACY_CONV_RISCV \
	HCALL__SBI_LEGACY_CONV("sbi-legacy/riscv64", HCALL_REG_NONE, 0)
/* The same, selected by a7 = eid: how a hypervisor tells one legacy
 * call from the extensions that share a7. */
#define HCALL_SBI_LEGACY_CONV_EID_RISCV(eid) \
	HCALL__SBI_LEGACY_CONV("sbi-legacy/riscv64", HCALL__SBI_R(EID), (eid))

#endif /* HCALL_ABI_SBI_LEGACY_H */
