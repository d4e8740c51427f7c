/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/palacios.h - the Palacios (V3VEE) hypercall ABI table
 * (arch-neutral).
 *
 * Sources: shared/seeds/palacios-hypercall.txt and Palacios'
 * palacios/include/palacios/vmm_hypercall.h (the hcall_id_t numbers):
 *
 *   VMMCALL (Palacios runs on AMD SVM; its VMX port takes VMCALL);
 *   number in rax, up to four arguments in rbx, rcx, rdx, rsi; result in
 *   rax. "No other registers will be clobbered unless explicitly stated by
 *   the particular hypercall" - and some calls do state it: MEM_OFFSET
 *   returns in rbx, TIME_CPUFREQ in rcx. Because a handler gets the whole
 *   register file, the guest library treats rax, rbx, rcx, rdx and rsi as
 *   changed by every call and returns all five in the raw layer.
 *
 * Errors: Palacios writes rax = 0 when the handler succeeded and rax = -1
 * when it failed; there is no finer code. A number nobody registered is a
 * VM-level error in Palacios (the exit fails); hcall's hypervisor core
 * answers it with -1 too, so -1 maps to E_FAILED.
 */
#ifndef HCALL_ABI_PALACIOS_H
#define HCALL_ABI_PALACIOS_H

#include <hcall/abi/desc.h>

/* Call numbers (hcall_id_t). */
#define HCALL_PALACIOS_TEST 0x0001
#define HCALL_PALACIOS_SYMMOD_SYMS 0x0600
#define HCALL_PALACIOS_MEM_OFFSET 0x1000
#define HCALL_PALACIOS_GUEST_INFO 0x3000
#define HCALL_PALACIOS_TELEMETRY 0x3001
#define HCALL_PALACIOS_OS_DEBUG 0xc0c0
#define HCALL_PALACIOS_TIME_CPUFREQ 0xd000

#define HCALL_PALACIOS_CALLS(X)                                                \
	X(PALACIOS, palacios, TEST, test, STATUS, 0, 0, _, _, _, _,            \
	  "test hypercall: 0 if the hypervisor registered it")                 \
	X(PALACIOS, palacios, SYMMOD_SYMS, symmod_syms, STATUS, 4, 0,          \
	  (uint64_t, symtab_gva), (uint64_t, symtab_size),                     \
	  (uint64_t, strtab_gva), (uint64_t, strtab_size),                     \
	  "symbiotic modules: hand the guest's symbol table and string "       \
	  "table to the VMM")                                                  \
	X(PALACIOS, palacios, MEM_OFFSET, mem_offset, CUSTOM, 0, 0, _, _, _, _, \
	  "host address of the guest's memory base, returned in rbx")          \
	X(PALACIOS, palacios, GUEST_INFO, guest_info, STATUS, 0, 0, _, _, _, _, \
	  "ask the VMM to print the guest's state")                            \
	X(PALACIOS, palacios, TELEMETRY, telemetry, STATUS, 0, 0, _, _, _, _,  \
	  "ask the VMM to print its telemetry")                                \
	X(PALACIOS, palacios, OS_DEBUG, os_debug, STATUS, 3, 0,                \
	  (uint64_t, msg_addr), (uint64_t, msg_len), (uint64_t, addr_is_va),   \
	  _,                                                                   \
	  "print msg_len bytes at msg_addr (guest-virtual if addr_is_va, "     \
	  "else guest-physical) on the VMM console")                           \
	X(PALACIOS, palacios, TIME_CPUFREQ, time_cpufreq, CUSTOM, 0, 0, _, _,  \
	  _, _, "the CPU frequency the guest's time is based on, in rcx")

/* Register roles. */
#define HCALL_PALACIOS_REG_NR HCALL_X86_RAX
#define HCALL_PALACIOS_REG_ARG0 HCALL_X86_RBX
#define HCALL_PALACIOS_REG_ARG1 HCALL_X86_RCX
#define HCALL_PALACIOS_REG_ARG2 HCALL_X86_RDX
#define HCALL_PALACIOS_REG_ARG3 HCALL_X86_RSI
#define HCALL_PALACIOS_REG_RET HCALL_X86_RAX

/*
 * Results: rax is the one result register every call writes. rbx..rsi are
 * in the clobber mask only: a particular call may state them as outputs
 * (MEM_OFFSET: rbx, TIME_CPUFREQ: rcx), and otherwise they keep the
 * caller's values - the seed's own guest code relies on that - so a
 * hypervisor must not write them on calls that do not say so.
 */
#define HCALL_PALACIOS_CONV                                                \
	{ "palacios/x86_64", HCALL_ARCH_X86_64, HCALL_TRAP_VMMCALL, 0,     \
	  HCALL_REG_NONE, 0, HCALL_REG_IDX(HCALL_PALACIOS_REG_NR), 4,      \
	  { HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG0),                        \
	    HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG1),                        \
	    HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG2),                        \
	    HCALL_REG_IDX(HCALL_PALACIOS_REG_ARG3) },                      \
	  1, { HCALL_REG_IDX(HCALL_PALACIOS_REG_RET) }, HCALL_REG_NONE,    \
	  HCALL__BIT(HCALL_PALACIOS_REG_RET) |                             \
		  HCALL__BIT(HCALL_PALACIOS_REG_ARG0) |                    \
		  HCALL__BIT(HCALL_PALACIOS_REG_ARG1) |                    \
		  HCALL__BIT(HCALL_PALACIOS_REG_ARG2) |                    \
		  HCALL__BIT(HCALL_PALACIOS_REG_ARG3) }

/* Errors: the handler's success or failure, nothing finer. */
#define HCALL_PALACIOS_ERRORS(X) \
	X(SUCCESS, 0, OK)        \
	X(FAILED, -1, E_FAILED)

HCALL_DEFINE_ERROR_MAP(hcall_map_palacios_error, HCALL_PALACIOS_ERRORS)

#endif /* HCALL_ABI_PALACIOS_H */
