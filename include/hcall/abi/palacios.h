/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/palacios.h - the Palacios (V3VEE) hypercall ABI table
 * (arch-neutral).
 *
 * Pinned source: PeterDinda/palacios at b8836aa7 (2017-01-09, the
 * repository's last commit): palacios/include/palacios/vmm_hypercall.h
 * (hcall_id_t), palacios/src/palacios/vmm_hypercall.c (dispatch) and the
 * handlers (vmm_time.c, vmm_mem.c, vm_guest.c, vmm_symmod.c,
 * vmm_symcall.c, vmm_hvm.c, devices/os_debug.c, lnx_virtio_balloon.c,
 * vnet_guest_iface.c). Facts read from them; nothing copied.
 *
 *   VMMCALL (Palacios runs on AMD SVM; its VMX port takes VMCALL);
 *   number in the low 32 bits of rax, arguments in rbx, rcx, rdx, rsi.
 *   A handler gets the whole register file and may write any register:
 *   TEST writes rbx, rcx, rdx, rsi and rdi; TIME_CPUFREQ and TIME_RDHTSC
 *   return in rbx; BALLOON_QUERY in rcx and rdx. The guest library
 *   treats rax, rbx, rcx, rdx, rsi and rdi as changed by every call.
 *
 * Results, and how they changed over time:
 *   - up to 002d46c7 (2012-04-13) Palacios wrote rax = 0 after a handler
 *     that succeeded and rax = -1 after one that failed;
 *   - since 002d46c7, rax is NOT written: after a successful call it still
 *     holds the call number (unless the handler writes it: VNET and HVM
 *     write 0 or -1, HVM's "get state" a value); a handler that fails
 *     makes the exit fail, a VM-level error that stops the VM, so the
 *     guest never sees it;
 *   - since 4d1d8fad (2015-08-02), a number nobody registered gets
 *     rax = -1 (before, the exit failed).
 * So at the pinned commit: rax == the call number, or 0, is success;
 * rax == -1 is failure (unregistered, or a handler's own -1). The typed
 * calls read it that way (hcall_palacios_result() in <hcall/palacios.h>).
 */
#ifndef HCALL_ABI_PALACIOS_H
#define HCALL_ABI_PALACIOS_H

#include <hcall/abi/desc.h>

/* Call numbers (hcall_id_t), all 14 of the pinned commit. */
#define HCALL_PALACIOS_TEST 0x0001
#define HCALL_PALACIOS_SYMCALL_RET 0x0535
#define HCALL_PALACIOS_SYMCALL_ERR 0x0536
#define HCALL_PALACIOS_SYMMOD_SYMS 0x0600
#define HCALL_PALACIOS_MEM_OFFSET 0x1000
#define HCALL_PALACIOS_GUEST_INFO 0x3000
#define HCALL_PALACIOS_TELEMETRY 0x3001
#define HCALL_PALACIOS_BALLOON_START 0xba00
#define HCALL_PALACIOS_BALLOON_QUERY 0xba01
#define HCALL_PALACIOS_OS_DEBUG 0xc0c0
#define HCALL_PALACIOS_TIME_CPUFREQ 0xd000
#define HCALL_PALACIOS_TIME_RDHTSC 0xd001
#define HCALL_PALACIOS_VNET_HEADER_QUERY 0xe000
#define HCALL_PALACIOS_HVM 0xf00d

/*
 * The table. Rows of kind CUSTOM have hand-written wrappers in
 * <hcall/palacios.h>: their results are in other registers, or their
 * arguments are not in rbx, rcx, rdx, rsi order.
 */
#define HCALL_PALACIOS_CALLS(X)                                                \
	X(PALACIOS, palacios, TEST, test, STATUS, 0, 0, _, _, _, _,            \
	  "test hypercall: writes rbx = 0x1111, rcx = 0x2222, rdx = 0x3333, "  \
	  "rsi = 0x4444, rdi = 0x5555")                                        \
	X(PALACIOS, palacios, SYMCALL_RET, symcall_ret, STATUS, 0, 0, _, _, _, \
	  _,                                                                   \
	  "symbiotic call: return to the VMM; the results are the GPRs")       \
	X(PALACIOS, palacios, SYMCALL_ERR, symcall_err, STATUS, 1, 0,          \
	  (uint64_t, error), _, _, _,                                          \
	  "symbiotic call: fail with error (rbx); the handler fails, so the "  \
	  "symbiotic call ends in an error in the VMM")                        \
	X(PALACIOS, palacios, SYMMOD_SYMS, symmod_syms, STATUS, 2, 0,          \
	  (uint64_t, symtab_gva), (uint64_t, count), _, _,                     \
	  "symbiotic modules: count symbols (struct "                          \
	  "hcall_palacios_symbol_def32 each) at guest-virtual symtab_gva")     \
	X(PALACIOS, palacios, MEM_OFFSET, mem_offset, CUSTOM, 0, 0, _, _, _, _, \
	  "host address of the guest's memory base, in rbx (at the pinned "    \
	  "commit the handler fails: a VM-level error)")                       \
	X(PALACIOS, palacios, GUEST_INFO, guest_info, STATUS, 0, 0, _, _, _, _, \
	  "ask the VMM to print the guest's state")                            \
	X(PALACIOS, palacios, TELEMETRY, telemetry, STATUS, 0, 0, _, _, _, _,  \
	  "numbered but never registered at the pinned commit: -1")            \
	X(PALACIOS, palacios, BALLOON_START, balloon_start, CUSTOM, 0, 0, _,   \
	  _, _, _,                                                             \
	  "virtio balloon: the target size in rcx (the enum's comment says "   \
	  "rax; the handler reads rcx)")                                       \
	X(PALACIOS, palacios, BALLOON_QUERY, balloon_query, CUSTOM, 0, 0, _,   \
	  _, _, _,                                                             \
	  "virtio balloon: requested pages in rcx, allocated pages in rdx")    \
	X(PALACIOS, palacios, OS_DEBUG, os_debug, STATUS, 3, 0,                \
	  (uint64_t, msg_addr), (uint64_t, msg_len), (uint64_t, addr_is_va),   \
	  _,                                                                   \
	  "print msg_len bytes at msg_addr (guest-virtual if addr_is_va is "   \
	  "1, else guest-physical) on the VMM console")                        \
	X(PALACIOS, palacios, TIME_CPUFREQ, time_cpufreq, CUSTOM, 0, 0, _, _,  \
	  _, _,                                                                \
	  "the guest's CPU frequency (kHz), in rbx (the enum's comment says "  \
	  "rcx; every version writes rbx)")                                    \
	X(PALACIOS, palacios, TIME_RDHTSC, time_rdhtsc, CUSTOM, 0, 0, _, _, _, \
	  _, "the host's time stamp counter, in rbx")                          \
	X(PALACIOS, palacios, VNET_HEADER_QUERY, vnet_header_query, CUSTOM, 0, \
	  0, _, _, _, _,                                                       \
	  "VNET: the header for a MAC pair; rcx, rdx = source and "            \
	  "destination MAC, rsi = buffer, rdi = its length, r8 = receive "     \
	  "side; rax = 0 or -1")                                               \
	X(PALACIOS, palacios, HVM, hvm, CUSTOM, 0, 0, _, _, _, _,              \
	  "hybrid runtime (HVM): rbx = 0x6464646464646464, rcx = command, "    \
	  "rdx, rsi = its arguments; rax = 0, -1 or the command's value")

/* Register roles. */
#define HCALL_PALACIOS_REG_NR HCALL_X86_RAX
#define HCALL_PALACIOS_REG_ARG0 HCALL_X86_RBX
#define HCALL_PALACIOS_REG_ARG1 HCALL_X86_RCX
#define HCALL_PALACIOS_REG_ARG2 HCALL_X86_RDX
#define HCALL_PALACIOS_REG_ARG3 HCALL_X86_RSI
#define HCALL_PALACIOS_REG_RET HCALL_X86_RAX

/*
 * rax is the one result register the core writes. rbx..rsi and rdi are in
 * the clobber mask: a call may write them (TEST writes all five), and
 * otherwise they keep the caller's values.
 */
#define HCALL_PALACIOS_CONV_ON(name, trap)                                 \
	{ name, HCALL_ARCH_X86_64, trap, 0,                                 \
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
		  HCALL__BIT(HCALL_PALACIOS_REG_ARG3) |                    \
		  HCALL__BIT(HCALL_X86_RDI) }

/* VMMCALL on AMD SVM; Palacios' VMX port takes VMCALL, same registers. */
#define HCALL_PALACIOS_CONV \
	HCALL_PALACIOS_CONV_ON("palacios/x86_64", HCALL_TRAP_VMMCALL)
#define HCALL_PALACIOS_CONV_VMCALL \
	HCALL_PALACIOS_CONV_ON("palacios/x86_64-vmcall", HCALL_TRAP_VMCALL)

/*
 * Errors: -1 is the only code (unregistered, or a handler's own failure).
 * 0 is success as the handlers that write rax say it (and as Palacios
 * before 2012 said it for every call); the common success, rax left
 * holding the call number, is recognised by hcall_palacios_result().
 */
#define HCALL_PALACIOS_ERRORS(X) \
	X(SUCCESS, 0, OK)        \
	X(FAILED, -1, E_FAILED)

HCALL_DEFINE_ERROR_MAP(hcall_map_palacios_error, HCALL_PALACIOS_ERRORS)

/* The values TEST writes (vmm_hypercall.c hcall_test). */
#define HCALL_PALACIOS_TEST_RBX 0x1111u
#define HCALL_PALACIOS_TEST_RCX 0x2222u
#define HCALL_PALACIOS_TEST_RDX 0x3333u
#define HCALL_PALACIOS_TEST_RSI 0x4444u
#define HCALL_PALACIOS_TEST_RDI 0x5555u

/* HVM: rbx must hold this ("64-bit caller"), else rax = -1. */
#define HCALL_PALACIOS_HVM_64BIT 0x6464646464646464ull

/* One entry of SYMMOD_SYMS' table (vmm_symmod.c struct v3_symbol_def32):
 * the symbol's name (a guest-virtual, NUL-terminated string) and value. */
struct hcall_palacios_symbol_def32 {
	uint32_t name_gva;
	uint32_t value;
};

HCALL_STATIC_ASSERT(sizeof(struct hcall_palacios_symbol_def32) == 8,
		    "v3_symbol_def32 layout is ABI");

#endif /* HCALL_ABI_PALACIOS_H */
