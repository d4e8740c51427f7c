/* SPDX-License-Identifier: MIT */
/*
 * hcall/kvm_x86.h - guest calls into KVM on x86_64.
 *
 * VMCALL or VMMCALL (see <hcall/arch/x86.h> for the choice); rax = number,
 * rbx, rcx, rdx, rsi = arguments 0..3; rax = result. Only rax is changed.
 * Must be called from CPL 0 (else -KVM_EPERM).
 *
 * The table, numbers, register roles and errors are in
 * <hcall/abi/kvm_x86.h>. Each call comes in two forms:
 *   hcall_kvm_x86_<name>(args)              the compile-time conduit
 *   hcall_kvm_x86_<name>_on(conduit, args)  a conduit chosen at run time
 *                                           (hcall_x86_detect_conduit())
 */
#ifndef HCALL_KVM_X86_H
#define HCALL_KVM_X86_H

#include <hcall/abi/kvm_x86.h>
#include <hcall/transport.h>

#if !HCALL_TARGET_X86_64
#error "hcall/kvm_x86.h: KVM x86 hypercalls (VMCALL/VMMCALL) exist only on x86_64; use HCALL_TRANSPORT_SIM with HCALL_SIM_ARCH=1 to test them elsewhere"
#endif

#include <hcall/arch/x86.h>

HCALL_BEGIN_DECLS

#if HCALL_SIM
/* Simulated transport: the frame holds the number and the first n
 * arguments, everything else 0; rax comes back. */
HCALL_INLINE uint64_t hcall_kvm_x86__sim(enum hcall_x86_conduit conduit,
					 uint64_t nr, unsigned n, uint64_t a0,
					 uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct hcall_regs f = { { 0 } };
	const uint64_t a[4] = { a0, a1, a2, a3 };
	const unsigned idx[4] = { HCALL_REG_IDX(HCALL_KVM_X86_REG_ARG0),
				  HCALL_REG_IDX(HCALL_KVM_X86_REG_ARG1),
				  HCALL_REG_IDX(HCALL_KVM_X86_REG_ARG2),
				  HCALL_REG_IDX(HCALL_KVM_X86_REG_ARG3) };
	f.r[HCALL_REG_IDX(HCALL_KVM_X86_REG_NR)] = nr;
	for (unsigned i = 0; i < n; i++)
		f.r[idx[i]] = a[i];
	hcall_sim_trap((enum hcall_trap)conduit, 0, &f);
	return f.r[HCALL_REG_IDX(HCALL_KVM_X86_REG_RET)];
}
#endif

/* Register variables, bound once by name from the table's roles. */
#define HCALL__KVM_NR(v) \
	register uint64_t r_nr __asm__(HCALL_REG_NAME(HCALL_KVM_X86_REG_NR)) = (v)
#define HCALL__KVM_A0(v) \
	register uint64_t r_a0 __asm__(HCALL_REG_NAME(HCALL_KVM_X86_REG_ARG0)) = (v)
#define HCALL__KVM_A1(v) \
	register uint64_t r_a1 __asm__(HCALL_REG_NAME(HCALL_KVM_X86_REG_ARG1)) = (v)
#define HCALL__KVM_A2(v) \
	register uint64_t r_a2 __asm__(HCALL_REG_NAME(HCALL_KVM_X86_REG_ARG2)) = (v)
#define HCALL__KVM_A3(v) \
	register uint64_t r_a3 __asm__(HCALL_REG_NAME(HCALL_KVM_X86_REG_ARG3)) = (v)

/*
 * hcall_kvm_x86_call<N>_on - raw KVM hypercall with N arguments through
 * `conduit`. Sets rax and the first N of rbx, rcx, rdx, rsi; returns rax
 * unchanged (a non-negative value or a negated KVM error code).
 */
HCALL_INLINE uint64_t hcall_kvm_x86_call0_on(enum hcall_x86_conduit conduit,
					     uint64_t nr)
{
#if HCALL_SIM
	return hcall_kvm_x86__sim(conduit, nr, 0, 0, 0, 0, 0);
#else
	HCALL__KVM_NR(nr);
	HCALL__X86_TRAP(conduit, : "+r"(r_nr) : : "memory");
	return r_nr;
#endif
}

HCALL_INLINE uint64_t hcall_kvm_x86_call1_on(enum hcall_x86_conduit conduit,
					     uint64_t nr, uint64_t a0)
{
#if HCALL_SIM
	return hcall_kvm_x86__sim(conduit, nr, 1, a0, 0, 0, 0);
#else
	HCALL__KVM_NR(nr);
	HCALL__KVM_A0(a0);
	HCALL__X86_TRAP(conduit, : "+r"(r_nr) : "r"(r_a0) : "memory");
	return r_nr;
#endif
}

HCALL_INLINE uint64_t hcall_kvm_x86_call2_on(enum hcall_x86_conduit conduit,
					     uint64_t nr, uint64_t a0,
					     uint64_t a1)
{
#if HCALL_SIM
	return hcall_kvm_x86__sim(conduit, nr, 2, a0, a1, 0, 0);
#else
	HCALL__KVM_NR(nr);
	HCALL__KVM_A0(a0);
	HCALL__KVM_A1(a1);
	HCALL__X86_TRAP(conduit, : "+r"(r_nr) : "r"(r_a0), "r"(r_a1) : "memory");
	return r_nr;
#endif
}

HCALL_INLINE uint64_t hcall_kvm_x86_call3_on(enum hcall_x86_conduit conduit,
					     uint64_t nr, uint64_t a0,
					     uint64_t a1, uint64_t a2)
{
#if HCALL_SIM
	return hcall_kvm_x86__sim(conduit, nr, 3, a0, a1, a2, 0);
#else
	HCALL__KVM_NR(nr);
	HCALL__KVM_A0(a0);
	HCALL__KVM_A1(a1);
	HCALL__KVM_A2(a2);
	HCALL__X86_TRAP(conduit, : "+r"(r_nr)
				 : "r"(r_a0), "r"(r_a1), "r"(r_a2)
				 : "memory");
	return r_nr;
#endif
}

HCALL_INLINE uint64_t hcall_kvm_x86_call4_on(enum hcall_x86_conduit conduit,
					     uint64_t nr, uint64_t a0,
					     uint64_t a1, uint64_t a2,
					     uint64_t a3)
{
#if HCALL_SIM
	return hcall_kvm_x86__sim(conduit, nr, 4, a0, a1, a2, a3);
#else
	HCALL__KVM_NR(nr);
	HCALL__KVM_A0(a0);
	HCALL__KVM_A1(a1);
	HCALL__KVM_A2(a2);
	HCALL__KVM_A3(a3);
	HCALL__X86_TRAP(conduit, : "+r"(r_nr)
				 : "r"(r_a0), "r"(r_a1), "r"(r_a2), "r"(r_a3)
				 : "memory");
	return r_nr;
#endif
}

#undef HCALL__KVM_NR
#undef HCALL__KVM_A0
#undef HCALL__KVM_A1
#undef HCALL__KVM_A2
#undef HCALL__KVM_A3

/* hcall_kvm_x86_call<N> - the same through the compile-time conduit
 * (HCALL_X86_KVM_CONDUIT). */
HCALL_INLINE uint64_t hcall_kvm_x86_call0(uint64_t nr)
{
	return hcall_kvm_x86_call0_on(HCALL_X86_KVM_CONDUIT, nr);
}
HCALL_INLINE uint64_t hcall_kvm_x86_call1(uint64_t nr, uint64_t a0)
{
	return hcall_kvm_x86_call1_on(HCALL_X86_KVM_CONDUIT, nr, a0);
}
HCALL_INLINE uint64_t hcall_kvm_x86_call2(uint64_t nr, uint64_t a0,
					  uint64_t a1)
{
	return hcall_kvm_x86_call2_on(HCALL_X86_KVM_CONDUIT, nr, a0, a1);
}
HCALL_INLINE uint64_t hcall_kvm_x86_call3(uint64_t nr, uint64_t a0,
					  uint64_t a1, uint64_t a2)
{
	return hcall_kvm_x86_call3_on(HCALL_X86_KVM_CONDUIT, nr, a0, a1, a2);
}
HCALL_INLINE uint64_t hcall_kvm_x86_call4(uint64_t nr, uint64_t a0,
					  uint64_t a1, uint64_t a2,
					  uint64_t a3)
{
	return hcall_kvm_x86_call4_on(HCALL_X86_KVM_CONDUIT, nr, a0, a1, a2,
				      a3);
}

/* Map rax to a typed result (kind: HCALL_RK_STATUS or HCALL_RK_VALUE). */
HCALL_INLINE struct hcall_result hcall_kvm_x86_result(int kind, uint64_t rax)
{
	return hcall_result_from_reg(kind, (int64_t)rax,
				     hcall_map_kvm_x86_error);
}

/* The entry points the generated wrappers use. */
HCALL_INLINE struct hcall_result
hcall_kvm_x86_invoke0_on(enum hcall_x86_conduit c, uint64_t nr, int kind)
{
	return hcall_kvm_x86_result(kind, hcall_kvm_x86_call0_on(c, nr));
}
HCALL_INLINE struct hcall_result
hcall_kvm_x86_invoke1_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			 uint64_t a0)
{
	return hcall_kvm_x86_result(kind, hcall_kvm_x86_call1_on(c, nr, a0));
}
HCALL_INLINE struct hcall_result
hcall_kvm_x86_invoke2_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			 uint64_t a0, uint64_t a1)
{
	return hcall_kvm_x86_result(kind,
				    hcall_kvm_x86_call2_on(c, nr, a0, a1));
}
HCALL_INLINE struct hcall_result
hcall_kvm_x86_invoke3_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			 uint64_t a0, uint64_t a1, uint64_t a2)
{
	return hcall_kvm_x86_result(kind,
				    hcall_kvm_x86_call3_on(c, nr, a0, a1, a2));
}
HCALL_INLINE struct hcall_result
hcall_kvm_x86_invoke4_on(enum hcall_x86_conduit c, uint64_t nr, int kind,
			 uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return hcall_kvm_x86_result(
		kind, hcall_kvm_x86_call4_on(c, nr, a0, a1, a2, a3));
}

HCALL_INLINE struct hcall_result hcall_kvm_x86_invoke0(uint64_t nr, int kind)
{
	return hcall_kvm_x86_invoke0_on(HCALL_X86_KVM_CONDUIT, nr, kind);
}
HCALL_INLINE struct hcall_result hcall_kvm_x86_invoke1(uint64_t nr, int kind,
						       uint64_t a0)
{
	return hcall_kvm_x86_invoke1_on(HCALL_X86_KVM_CONDUIT, nr, kind, a0);
}
HCALL_INLINE struct hcall_result hcall_kvm_x86_invoke2(uint64_t nr, int kind,
						       uint64_t a0,
						       uint64_t a1)
{
	return hcall_kvm_x86_invoke2_on(HCALL_X86_KVM_CONDUIT, nr, kind, a0,
					a1);
}
HCALL_INLINE struct hcall_result hcall_kvm_x86_invoke3(uint64_t nr, int kind,
						       uint64_t a0,
						       uint64_t a1,
						       uint64_t a2)
{
	return hcall_kvm_x86_invoke3_on(HCALL_X86_KVM_CONDUIT, nr, kind, a0,
					a1, a2);
}
HCALL_INLINE struct hcall_result hcall_kvm_x86_invoke4(uint64_t nr, int kind,
						       uint64_t a0,
						       uint64_t a1,
						       uint64_t a2,
						       uint64_t a3)
{
	return hcall_kvm_x86_invoke4_on(HCALL_X86_KVM_CONDUIT, nr, kind, a0,
					a1, a2, a3);
}

/*
 * The typed calls, one per table row (errors: HCALL_KVM_X86_ERRORS;
 * -KVM_ENOSYS when the call is unknown or its CPUID feature is off,
 * -KVM_EPERM from CPL > 0):
 *   hcall_kvm_x86_vapic_poll_irq(void)
 *   hcall_kvm_x86_kick_cpu(apic_id)
 *       rbx = flags (reserved, 0), rcx = apic_id; -KVM_ENOSYS without
 *       KVM_FEATURE_PV_UNHALT
 *   hcall_kvm_x86_clock_pairing(pairing_gpa, clock_type)
 *       -KVM_EFAULT: pairing_gpa not writable; -KVM_EOPNOTSUPP: host clock
 *       is not TSC-based or clock_type unknown
 *   hcall_kvm_x86_send_ipi(bitmap_low, bitmap_high, min_apic_id, icr)
 *       value = CPUs the IPI was delivered to
 *   hcall_kvm_x86_sched_yield(apic_id)
 *   hcall_kvm_x86_map_gpa_range(gpa, npages, attrs)
 *       -KVM_EINVAL: bad range or attributes
 * and the same with an _on suffix taking the conduit first.
 */
HCALL_KVM_X86_CALLS(HCALL_WRAPPER)
HCALL_KVM_X86_CALLS(HCALL_X86_WRAPPER_ON)

/* ---- discovery -------------------------------------------------------- */

/*
 * hcall_kvm_x86_cpuid_base - the CPUID leaf base where KVM's signature
 * "KVMKVMKVM\0\0\0" is (0x40000000 normally, higher next to another
 * hypervisor interface), or 0 when not running on KVM.
 */
HCALL_INLINE uint32_t hcall_kvm_x86_cpuid_base(void)
{
	return hcall_x86_hv_base(HCALL_KVM_X86_SIGNATURE);
}

/* hcall_kvm_x86_present - running on KVM (the signature was found). */
HCALL_INLINE int hcall_kvm_x86_present(void)
{
	return hcall_kvm_x86_cpuid_base() != 0;
}

/*
 * hcall_kvm_x86_features - KVM's feature bits, CPUID(base + 1).eax, for a
 * base from hcall_kvm_x86_cpuid_base(); 0 when base is 0.
 * Test a bit with hcall_kvm_x86_has_feature(features,
 * HCALL_KVM_X86_FEATURE_*).
 */
HCALL_INLINE uint32_t hcall_kvm_x86_features(uint32_t base)
{
	if (base == 0)
		return 0;
	return hcall_x86_cpuid(base + HCALL_KVM_X86_CPUID_FEATURES, 0).eax;
}

HCALL_INLINE int hcall_kvm_x86_has_feature(uint32_t features, unsigned bit)
{
	return bit < 32 && ((features >> bit) & 1u) != 0;
}

HCALL_END_DECLS

#endif /* HCALL_KVM_X86_H */
