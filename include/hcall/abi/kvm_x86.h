/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/kvm_x86.h - the KVM x86 hypercall ABI table (arch-neutral).
 *
 * Source: Linux Documentation/virt/kvm/x86/hypercalls.rst and
 * include/uapi/linux/kvm_para.h, arch/x86/include/uapi/asm/kvm_para.h.
 *
 *   VMCALL (Intel) or VMMCALL (AMD); number in rax, arguments in rbx, rcx,
 *   rdx, rsi; result in rax. No other register is modified.
 *   Only CPL 0 may call (-KVM_EPERM otherwise).
 *
 * Errors are negated: -KVM_ENOSYS (-1000) for an unknown or disabled call,
 * otherwise negated Linux errno values.
 */
#ifndef HCALL_ABI_KVM_X86_H
#define HCALL_ABI_KVM_X86_H

#include <hcall/abi/desc.h>

/* Call numbers (kvm_para.h). */
#define HCALL_KVM_X86_VAPIC_POLL_IRQ 1
#define HCALL_KVM_X86_HC_FEATURES 3
#define HCALL_KVM_X86_KICK_CPU 5
#define HCALL_KVM_X86_CLOCK_PAIRING 9
#define HCALL_KVM_X86_SEND_IPI 10
#define HCALL_KVM_X86_SCHED_YIELD 11
#define HCALL_KVM_X86_MAP_GPA_RANGE 12

/* KICK_CPU: the reserved flags come first (rbx = 0), the APIC ID second
 * (rcx); Linux's kvm_kick_cpu() sends exactly that. */
#define HCALL_KVM_X86_CALLS(X)                                                 \
	X(KVM_X86, kvm_x86, VAPIC_POLL_IRQ, vapic_poll_irq, STATUS, 0, 0,      \
	  _, _, _, _,                                                          \
	  "exit so the host re-checks pending interrupts; always 0")           \
	X(KVM_X86, kvm_x86, HC_FEATURES, hc_features, STATUS, 0, 0,            \
	  _, _, _, _,                                                          \
	  "PPC only (hypercalls.rst): x86 KVM answers -KVM_ENOSYS; an x86 "    \
	  "guest reads the features from CPUID 0x40000001")                    \
	X(KVM_X86, kvm_x86, KICK_CPU, kick_cpu, STATUS, 1, FLAGS_FIRST,        \
	  (uint64_t, apic_id), _, _, _,                                        \
	  "wake the vCPU with APIC ID apic_id from HLT; flags (first) is "     \
	  "reserved, 0; needs KVM_FEATURE_PV_UNHALT")                          \
	X(KVM_X86, kvm_x86, CLOCK_PAIRING, clock_pairing, STATUS, 2, 0,        \
	  (uint64_t, pairing_gpa), (uint64_t, clock_type), _, _,               \
	  "write a struct hcall_kvm_x86_clock_pairing (host realtime + TSC) "  \
	  "to pairing_gpa; clock_type 0 = wall clock")                         \
	X(KVM_X86, kvm_x86, SEND_IPI, send_ipi, VALUE, 4, 0,                   \
	  (uint64_t, bitmap_low), (uint64_t, bitmap_high), (uint64_t, min_apic_id), \
	  (uint64_t, icr),                                                     \
	  "send the IPI in icr to APIC IDs min_apic_id + bit of the 128-bit "  \
	  "bitmap; returns the number of CPUs it was delivered to")            \
	X(KVM_X86, kvm_x86, SCHED_YIELD, sched_yield, STATUS, 1, 0,            \
	  (uint64_t, apic_id), _, _, _,                                        \
	  "yield to the vCPU with APIC ID apic_id (e.g. an IPI target that "   \
	  "is preempted); needs KVM_FEATURE_PV_SCHED_YIELD")                   \
	X(KVM_X86, kvm_x86, MAP_GPA_RANGE, map_gpa_range, STATUS, 3, 0,        \
	  (uint64_t, gpa), (uint64_t, npages), (uint64_t, attrs), _,           \
	  "tell the host that npages pages at gpa changed attributes "         \
	  "(HCALL_KVM_X86_MAP_GPA_*); needs KVM_FEATURE_HC_MAP_GPA_RANGE")

/* Register roles. */
#define HCALL_KVM_X86_REG_NR HCALL_X86_RAX
#define HCALL_KVM_X86_REG_ARG0 HCALL_X86_RBX
#define HCALL_KVM_X86_REG_ARG1 HCALL_X86_RCX
#define HCALL_KVM_X86_REG_ARG2 HCALL_X86_RDX
#define HCALL_KVM_X86_REG_ARG3 HCALL_X86_RSI
#define HCALL_KVM_X86_REG_RET HCALL_X86_RAX

/* KVM takes either instruction (Intel VMCALL, AMD VMMCALL), with the same
 * registers: one convention each. */
#define HCALL_KVM_X86_CONV_ON(name, trap)                                 \
	{ name, HCALL_ARCH_X86_64, trap, 0,                                \
	  HCALL_REG_NONE, 0, HCALL_REG_IDX(HCALL_KVM_X86_REG_NR), 4,      \
	  { HCALL_REG_IDX(HCALL_KVM_X86_REG_ARG0),                        \
	    HCALL_REG_IDX(HCALL_KVM_X86_REG_ARG1),                        \
	    HCALL_REG_IDX(HCALL_KVM_X86_REG_ARG2),                        \
	    HCALL_REG_IDX(HCALL_KVM_X86_REG_ARG3) },                      \
	  1, { HCALL_REG_IDX(HCALL_KVM_X86_REG_RET) }, HCALL_REG_NONE,    \
	  HCALL__BIT(HCALL_KVM_X86_REG_RET) }
#define HCALL_KVM_X86_CONV HCALL_KVM_X86_CONV_ON("kvm/x86_64", HCALL_TRAP_VMCALL)
#define HCALL_KVM_X86_CONV_VMMCALL \
	HCALL_KVM_X86_CONV_ON("kvm/x86_64-vmmcall", HCALL_TRAP_VMMCALL)

/* Error codes as kvm_para.h defines them (positive); calls return them
 * negated. */
#define HCALL_KVM_X86_ENOSYS 1000
#define HCALL_KVM_X86_EFAULT 14
#define HCALL_KVM_X86_EINVAL 22
#define HCALL_KVM_X86_E2BIG 7
#define HCALL_KVM_X86_EPERM 1
#define HCALL_KVM_X86_EOPNOTSUPP 95

#define HCALL_KVM_X86_ERRORS(X)                 \
	X(SUCCESS, 0, OK)                       \
	X(KVM_ENOSYS, -1000, E_NOT_SUPPORTED)   \
	X(KVM_EPERM, -1, E_DENIED)              \
	X(KVM_E2BIG, -7, E_TOO_BIG)             \
	X(KVM_EFAULT, -14, E_INVALID_ADDRESS)   \
	X(KVM_EINVAL, -22, E_INVALID_PARAM)     \
	X(KVM_EOPNOTSUPP, -95, E_NOT_SUPPORTED)

HCALL_DEFINE_ERROR_MAP(hcall_map_kvm_x86_error, HCALL_KVM_X86_ERRORS)

/* CPUID: the KVM leaves, relative to the base where the signature is. */
#define HCALL_KVM_X86_SIGNATURE "KVMKVMKVM\0\0\0" /* ebx, ecx, edx */
#define HCALL_KVM_X86_CPUID_SIGNATURE 0x00u /* eax = highest KVM leaf */
#define HCALL_KVM_X86_CPUID_FEATURES 0x01u  /* eax = feature bits below */

/* KVM_FEATURE_* bit numbers in CPUID(base + 1).eax. */
#define HCALL_KVM_X86_FEATURE_CLOCKSOURCE 0
#define HCALL_KVM_X86_FEATURE_NOP_IO_DELAY 1
#define HCALL_KVM_X86_FEATURE_CLOCKSOURCE2 3
#define HCALL_KVM_X86_FEATURE_ASYNC_PF 4
#define HCALL_KVM_X86_FEATURE_STEAL_TIME 5
#define HCALL_KVM_X86_FEATURE_PV_EOI 6
#define HCALL_KVM_X86_FEATURE_PV_UNHALT 7
#define HCALL_KVM_X86_FEATURE_PV_TLB_FLUSH 9
#define HCALL_KVM_X86_FEATURE_ASYNC_PF_VMEXIT 10
#define HCALL_KVM_X86_FEATURE_PV_SEND_IPI 11
#define HCALL_KVM_X86_FEATURE_POLL_CONTROL 12
#define HCALL_KVM_X86_FEATURE_PV_SCHED_YIELD 13
#define HCALL_KVM_X86_FEATURE_ASYNC_PF_INT 14
#define HCALL_KVM_X86_FEATURE_MSI_EXT_DEST_ID 15
#define HCALL_KVM_X86_FEATURE_HC_MAP_GPA_RANGE 16
#define HCALL_KVM_X86_FEATURE_MIGRATION_CONTROL 17

/* CLOCK_PAIRING clock_type. */
#define HCALL_KVM_X86_CLOCK_PAIRING_WALLCLOCK 0

/* MAP_GPA_RANGE attrs: page size in bits 3:0, encryption state in 7:4. */
#define HCALL_KVM_X86_MAP_GPA_PAGE_4K 0x0u
#define HCALL_KVM_X86_MAP_GPA_PAGE_2M 0x1u
#define HCALL_KVM_X86_MAP_GPA_PAGE_1G 0x2u
#define HCALL_KVM_X86_MAP_GPA_DECRYPTED 0x00u
#define HCALL_KVM_X86_MAP_GPA_ENCRYPTED 0x10u

/* The structure CLOCK_PAIRING writes (Linux struct kvm_clock_pairing). */
struct hcall_kvm_x86_clock_pairing {
	int64_t sec;
	int64_t nsec;
	uint64_t tsc;
	uint32_t flags;
	uint32_t pad[9];
};

HCALL_STATIC_ASSERT(sizeof(struct hcall_kvm_x86_clock_pairing) == 64,
		    "kvm_clock_pairing layout is ABI");

#endif /* HCALL_ABI_KVM_X86_H */
