/* SPDX-License-Identifier: MIT */
/*
 * hcall/arch/x86.h - the x86_64 hypercall instruction and CPUID discovery.
 *
 * Intel VMX guests trap with VMCALL (0f 01 c1), AMD SVM guests with
 * VMMCALL (0f 01 d9). Executing the other vendor's instruction raises #UD,
 * which some hypervisors (KVM) emulate and others (ACRN, Palacios) do not.
 * The instruction is called the "conduit" here and is chosen
 *
 *   at compile time:  define HCALL_X86_VMCALL or HCALL_X86_VMMCALL (not
 *                     both) before including any hcall header. It sets the
 *                     default conduit of every KVM and Palacios call. Without
 *                     either, KVM calls use VMCALL (Linux's choice) and
 *                     Palacios calls use VMMCALL (Palacios runs on SVM).
 *   at run time:      call hcall_x86_detect_conduit() once and pass the
 *                     result to the *_on() variants of the calls. Nothing is
 *                     cached in a global, so the header stays header-only
 *                     and safe to include in several translation units.
 *
 * ACRN always uses VMCALL.
 *
 * Both gcc and clang assemble the mnemonics `vmcall` and `vmmcall`.
 */
#ifndef HCALL_ARCH_X86_H
#define HCALL_ARCH_X86_H

#include <hcall/compiler.h>
#include <hcall/regs.h>
#include <hcall/transport.h>
#include <hcall/types.h>

#if !HCALL_TARGET_X86_64
#error "hcall/arch/x86.h: VMCALL/VMMCALL and CPUID exist only on x86_64; use HCALL_TRANSPORT_SIM with HCALL_SIM_ARCH=1 to test x86 ABIs elsewhere"
#endif

#if defined(HCALL_X86_VMCALL) && defined(HCALL_X86_VMMCALL)
#error "hcall: define at most one of HCALL_X86_VMCALL and HCALL_X86_VMMCALL"
#endif

HCALL_BEGIN_DECLS

/* The trap instruction; the values are those of enum hcall_trap, so the
 * simulated transport and the hypervisor core see the same numbers. */
enum hcall_x86_conduit {
	HCALL_X86_CONDUIT_VMCALL = HCALL_TRAP_VMCALL,   /* 0f 01 c1, Intel VMX */
	HCALL_X86_CONDUIT_VMMCALL = HCALL_TRAP_VMMCALL, /* 0f 01 d9, AMD SVM */
};

/* The compile-time conduit of ABIs that may use either instruction. */
#if defined(HCALL_X86_VMMCALL)
#define HCALL_X86_KVM_CONDUIT HCALL_X86_CONDUIT_VMMCALL
#define HCALL_X86_PALACIOS_CONDUIT HCALL_X86_CONDUIT_VMMCALL
#elif defined(HCALL_X86_VMCALL)
#define HCALL_X86_KVM_CONDUIT HCALL_X86_CONDUIT_VMCALL
#define HCALL_X86_PALACIOS_CONDUIT HCALL_X86_CONDUIT_VMCALL
#else
#define HCALL_X86_KVM_CONDUIT HCALL_X86_CONDUIT_VMCALL
#define HCALL_X86_PALACIOS_CONDUIT HCALL_X86_CONDUIT_VMMCALL
#endif

/*
 * HCALL__X86_TRAP(conduit, operands) emits the trap instruction selected by
 * `conduit` with the given asm operand list (": outputs : inputs :
 * clobbers"). With a constant conduit only one asm statement remains.
 * The operand list cannot be passed to a function, hence the macro.
 */
#define HCALL__X86_TRAP(conduit, ...)                                  \
	do {                                                           \
		if ((conduit) == HCALL_X86_CONDUIT_VMMCALL)            \
			__asm__ __volatile__("vmmcall" __VA_ARGS__);   \
		else                                                   \
			__asm__ __volatile__("vmcall" __VA_ARGS__);    \
	} while (0)

/* ---- CPUID ------------------------------------------------------------ */

struct hcall_x86_cpuid {
	uint32_t eax, ebx, ecx, edx;
};

/*
 * hcall_x86_cpuid - execute CPUID for (leaf, subleaf).
 * Changes only eax, ebx, ecx, edx. Under the simulated transport on a
 * machine that is not x86 it returns all zeros (no hypervisor, no vendor).
 */
HCALL_INLINE struct hcall_x86_cpuid hcall_x86_cpuid(uint32_t leaf,
						    uint32_t subleaf)
{
	struct hcall_x86_cpuid r;
#if defined(__x86_64__) || defined(__i386__)
	__asm__ __volatile__("cpuid"
			     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			     : "a"(leaf), "c"(subleaf));
#else
	(void)leaf;
	(void)subleaf;
	r.eax = r.ebx = r.ecx = r.edx = 0;
#endif
	return r;
}

/* CPUID leaves and bits used below (Intel SDM vol. 2A, AMD APM vol. 3). */
#define HCALL_X86_CPUID_VENDOR 0x00000000u
#define HCALL_X86_CPUID_FEATURES 0x00000001u
#define HCALL_X86_CPUID_FEATURES_ECX_VMX (1u << 5)
#define HCALL_X86_CPUID_FEATURES_ECX_HYPERVISOR (1u << 31)
#define HCALL_X86_CPUID_EXT_MAX 0x80000000u
#define HCALL_X86_CPUID_EXT_FEATURES 0x80000001u
#define HCALL_X86_CPUID_EXT_FEATURES_ECX_SVM (1u << 2)
/* Hypervisor leaves: 0x40000000 + 0x100 * n, n < 0x100. */
#define HCALL_X86_CPUID_HV_BASE 0x40000000u
#define HCALL_X86_CPUID_HV_STRIDE 0x100u
#define HCALL_X86_CPUID_HV_END 0x40010000u

/*
 * hcall_x86_sig_eq - true if three CPUID signature registers (ebx, ecx,
 * edx order, little-endian) spell the 12 bytes at sig.
 */
HCALL_INLINE int hcall_x86_sig_eq(uint32_t b, uint32_t c, uint32_t d,
				  const char sig[12])
{
	const uint32_t regs[3] = { b, c, d };
	for (unsigned i = 0; i < 12; i++) {
		unsigned char byte =
			(unsigned char)(regs[i / 4] >> (8 * (i % 4)));
		if (byte != (unsigned char)sig[i])
			return 0;
	}
	return 1;
}

/* The three vendor/identity registers of a leaf as a 12-byte string. */
HCALL_INLINE void hcall_x86_sig_copy(uint32_t b, uint32_t c, uint32_t d,
				     char out[13])
{
	const uint32_t regs[3] = { b, c, d };
	for (unsigned i = 0; i < 12; i++)
		out[i] = (char)(unsigned char)(regs[i / 4] >> (8 * (i % 4)));
	out[12] = 0;
}

/* hcall_x86_hypervisor_present - CPUID.1:ECX[31], set by every hypervisor
 * that wants to be found. */
HCALL_INLINE int hcall_x86_hypervisor_present(void)
{
	return (hcall_x86_cpuid(HCALL_X86_CPUID_FEATURES, 0).ecx &
		HCALL_X86_CPUID_FEATURES_ECX_HYPERVISOR) != 0;
}

/*
 * hcall_x86_hv_base - the hypervisor leaf base (0x40000000, 0x40000100, ...)
 * whose ebx:ecx:edx signature is `sig` (12 bytes), or 0 if none is. A
 * hypervisor may appear at a higher base when it also exposes another
 * interface (KVM behind Hyper-V enlightenments), so all bases are scanned.
 * Returns 0 without executing hypervisor leaves if the hypervisor bit is 0.
 */
HCALL_INLINE uint32_t hcall_x86_hv_base(const char sig[12])
{
	if (!hcall_x86_hypervisor_present())
		return 0;
	for (uint32_t base = HCALL_X86_CPUID_HV_BASE;
	     base < HCALL_X86_CPUID_HV_END; base += HCALL_X86_CPUID_HV_STRIDE) {
		struct hcall_x86_cpuid r = hcall_x86_cpuid(base, 0);
		if (hcall_x86_sig_eq(r.ebx, r.ecx, r.edx, sig))
			return base;
	}
	return 0;
}

/* The facts the conduit choice depends on, gathered from CPUID. */
struct hcall_x86_cpu_ids {
	char vendor[13];     /* CPUID.0 ebx:edx:ecx, "GenuineIntel" ... */
	uint32_t leaf1_ecx;  /* CPUID.1:ECX */
	uint32_t ext1_ecx;   /* CPUID.80000001h:ECX, 0 if the leaf is absent */
};

HCALL_INLINE struct hcall_x86_cpu_ids hcall_x86_read_cpu_ids(void)
{
	struct hcall_x86_cpu_ids ids;
	struct hcall_x86_cpuid v = hcall_x86_cpuid(HCALL_X86_CPUID_VENDOR, 0);
	/* The vendor string is ebx, edx, ecx in that order. */
	hcall_x86_sig_copy(v.ebx, v.edx, v.ecx, ids.vendor);
	ids.leaf1_ecx = hcall_x86_cpuid(HCALL_X86_CPUID_FEATURES, 0).ecx;
	ids.ext1_ecx = 0;
	if (hcall_x86_cpuid(HCALL_X86_CPUID_EXT_MAX, 0).eax >=
	    HCALL_X86_CPUID_EXT_FEATURES)
		ids.ext1_ecx = hcall_x86_cpuid(HCALL_X86_CPUID_EXT_FEATURES, 0).ecx;
	return ids;
}

/* Compare a 12-character CPUID string with a literal. */
HCALL_INLINE int hcall_x86_str12_eq(const char *a, const char *b)
{
	for (unsigned i = 0; i < 12; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* True for CPUs that implement AMD's SVM: AMD and Hygon. */
HCALL_INLINE int hcall_x86_vendor_is_amd(const struct hcall_x86_cpu_ids *ids)
{
	return hcall_x86_str12_eq(ids->vendor, "AuthenticAMD") ||
	       hcall_x86_str12_eq(ids->vendor, "HygonGenuine");
}

/* True for Intel CPUs (VMX). */
HCALL_INLINE int hcall_x86_vendor_is_intel(const struct hcall_x86_cpu_ids *ids)
{
	return hcall_x86_str12_eq(ids->vendor, "GenuineIntel");
}

/* CPUID.80000001h:ECX[2] - AMD SVM. */
HCALL_INLINE int hcall_x86_has_svm(const struct hcall_x86_cpu_ids *ids)
{
	return (ids->ext1_ecx & HCALL_X86_CPUID_EXT_FEATURES_ECX_SVM) != 0;
}

/* CPUID.1:ECX[5] - Intel VMX. */
HCALL_INLINE int hcall_x86_has_vmx(const struct hcall_x86_cpu_ids *ids)
{
	return (ids->leaf1_ecx & HCALL_X86_CPUID_FEATURES_ECX_VMX) != 0;
}

/*
 * hcall_x86_conduit_from_ids - the conduit for a CPU: SVM means VMMCALL,
 * VMX means VMCALL. Guests usually do not see either bit (nested
 * virtualization off), so the vendor decides next: AMD and Hygon mean
 * VMMCALL, everything else VMCALL.
 */
HCALL_INLINE enum hcall_x86_conduit
hcall_x86_conduit_from_ids(const struct hcall_x86_cpu_ids *ids)
{
	if (hcall_x86_has_svm(ids))
		return HCALL_X86_CONDUIT_VMMCALL;
	if (hcall_x86_has_vmx(ids))
		return HCALL_X86_CONDUIT_VMCALL;
	return hcall_x86_vendor_is_amd(ids) ? HCALL_X86_CONDUIT_VMMCALL
					    : HCALL_X86_CONDUIT_VMCALL;
}

/*
 * hcall_x86_detect_conduit - read CPUID and choose the conduit. Call it
 * once and keep the result; it executes up to four CPUID instructions
 * (each a VM exit in a guest).
 */
HCALL_INLINE enum hcall_x86_conduit hcall_x86_detect_conduit(void)
{
	struct hcall_x86_cpu_ids ids = hcall_x86_read_cpu_ids();
	return hcall_x86_conduit_from_ids(&ids);
}

/* ---- run-time-conduit wrapper generator ------------------------------- */

/*
 * HCALL_X86_WRAPPER_ON: like HCALL_WRAPPER (hcall/abi/desc.h), but the
 * generated hcall_<abi>_<name>_on(conduit, args...) takes the trap
 * instruction as its first argument and calls
 * hcall_<abi>_invoke<N>_on(conduit, number, kind, regs...).
 */
#define HCALL_X86_WRAPPER_ON(ABI, abi, NAME, name, kind, nargs, nrsvd, a1, \
			     a2, a3, a4, summary)                          \
	HCALL__XON_##kind(abi, HCALL_##ABI##_##NAME, hcall_##abi##_##name##_on, \
			  HCALL_RK_##kind, nargs, nrsvd, a1, a2, a3, a4)
/* NR, FN and RK are pasted above, as in HCALL_WRAPPER (hcall/abi/desc.h). */
#define HCALL__XON_CUSTOM(...)
#define HCALL__XON_STATUS(abi, NR, FN, RK, nargs, nrsvd, ...) \
	HCALL__XON_##nargs##_##nrsvd(abi, NR, FN, RK, __VA_ARGS__)
#define HCALL__XON_VALUE HCALL__XON_STATUS

#define HCALL__XON_HEAD(FN) HCALL_INLINE struct hcall_result FN

#define HCALL__XON_0_0(abi, NR, FN, RK, a1, a2, a3, a4)          \
	HCALL__XON_HEAD(FN)(enum hcall_x86_conduit conduit)          \
	{                                                                   \
		return hcall_##abi##_invoke0_on(conduit, NR, \
						RK);           \
	}
#define HCALL__XON_1_0(abi, NR, FN, RK, a1, a2, a3, a4)          \
	HCALL__XON_HEAD(FN)(enum hcall_x86_conduit conduit,          \
				   HCALL__ARG_DECL(a1))                     \
	{                                                                   \
		return hcall_##abi##_invoke1_on(conduit, NR, \
						RK,            \
						HCALL__ARG_NAME(a1));       \
	}
#define HCALL__XON_2_0(abi, NR, FN, RK, a1, a2, a3, a4)          \
	HCALL__XON_HEAD(FN)(enum hcall_x86_conduit conduit,          \
				   HCALL__ARG_DECL(a1), HCALL__ARG_DECL(a2)) \
	{                                                                   \
		return hcall_##abi##_invoke2_on(                            \
			conduit, NR, RK,     \
			HCALL__ARG_NAME(a1), HCALL__ARG_NAME(a2));          \
	}
#define HCALL__XON_3_0(abi, NR, FN, RK, a1, a2, a3, a4)          \
	HCALL__XON_HEAD(FN)(enum hcall_x86_conduit conduit,          \
				   HCALL__ARG_DECL(a1), HCALL__ARG_DECL(a2), \
				   HCALL__ARG_DECL(a3))                     \
	{                                                                   \
		return hcall_##abi##_invoke3_on(                            \
			conduit, NR, RK,     \
			HCALL__ARG_NAME(a1), HCALL__ARG_NAME(a2),           \
			HCALL__ARG_NAME(a3));                               \
	}
#define HCALL__XON_4_0(abi, NR, FN, RK, a1, a2, a3, a4)          \
	HCALL__XON_HEAD(FN)(enum hcall_x86_conduit conduit,          \
				   HCALL__ARG_DECL(a1), HCALL__ARG_DECL(a2), \
				   HCALL__ARG_DECL(a3), HCALL__ARG_DECL(a4)) \
	{                                                                   \
		return hcall_##abi##_invoke4_on(                            \
			conduit, NR, RK,     \
			HCALL__ARG_NAME(a1), HCALL__ARG_NAME(a2),           \
			HCALL__ARG_NAME(a3), HCALL__ARG_NAME(a4));          \
	}
#define HCALL__XON_1_FLAGS_FIRST(abi, NR, FN, RK, a1, a2, a3, a4)      \
	HCALL__XON_HEAD(FN)(enum hcall_x86_conduit conduit,          \
				   HCALL__ARG_DECL(a1))                     \
	{                                                                   \
		return hcall_##abi##_invoke2_on(conduit, NR, \
						RK, 0,         \
						HCALL__ARG_NAME(a1));       \
	}

HCALL_END_DECLS

#endif /* HCALL_ARCH_X86_H */
