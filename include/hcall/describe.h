/* SPDX-License-Identifier: MIT */
/*
 * hcall/describe.h - every ABI table as data: calls, conventions, errors.
 *
 * The ABI headers (include/hcall/abi/<abi>.h) declare each ABI once as
 * X-macro tables; this header expands them, with HCALL_DESC_ROW and
 * HCALL_ERR_ROW from <hcall/abi/desc.h>, into static const arrays of
 * struct hcall_call_desc / hcall_conv_desc / hcall_err_desc, and lists the
 * ABIs in hcall_abis[]. The hypervisor core, the `hcall` CLI and the
 * generated docs read these arrays, so none of them repeats a number.
 *
 * Freestanding, C11 and C++11 clean. The arrays are static and marked
 * unused: a translation unit that includes this header and uses none of
 * them pays nothing and gets no warning.
 */
#ifndef HCALL_DESCRIBE_H
#define HCALL_DESCRIBE_H

#include <hcall/abi/desc.h>
#include <hcall/abi/acrn.h>
#include <hcall/abi/hvisor.h>
#include <hcall/abi/jailhouse.h>
#include <hcall/abi/kvm_arm64.h>
#include <hcall/abi/kvm_arm64_android.h>
#include <hcall/abi/kvm_x86.h>
#include <hcall/abi/palacios.h>
#include <hcall/abi/psci.h>
#include <hcall/abi/pvtime.h>
#include <hcall/abi/sbi.h>
#include <hcall/abi/smccc.h>
#include <hcall/abi/trng.h>

#define HCALL__NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * HCALL_DESCRIBE(abi, CALLS, ERRORS, convs...) defines
 * hcall_desc_<abi>_calls, _errors and _convs from an ABI's call table,
 * error table and convention initializers (docs/porting.md, step 3).
 * HCALL__DESCRIBE is the same macro.
 */
#define HCALL__DESCRIBE HCALL_DESCRIBE
#define HCALL_DESCRIBE(abi, CALLS, ERRORS, ...)                          \
	static const struct hcall_call_desc hcall_desc_##abi##_calls[]     \
		HCALL_UNUSED = { CALLS(HCALL_DESC_ROW) };                   \
	static const struct hcall_err_desc hcall_desc_##abi##_errors[]     \
		HCALL_UNUSED = { ERRORS(HCALL_ERR_ROW) };                   \
	static const struct hcall_conv_desc hcall_desc_##abi##_convs[]     \
		HCALL_UNUSED = { __VA_ARGS__ }

/* HCALL_ABI_ENTRY(abi, title, source) - one entry of hcall_abis[], for an
 * ABI described with HCALL_DESCRIBE. HCALL__ABI_ENTRY is the same macro. */
#define HCALL__ABI_ENTRY HCALL_ABI_ENTRY
#define HCALL_ABI_ENTRY(abi, title, source)                              \
	{ #abi, title, source, hcall_desc_##abi##_convs,                  \
	  (unsigned)HCALL__NELEM(hcall_desc_##abi##_convs),               \
	  hcall_desc_##abi##_calls,                                       \
	  (unsigned)HCALL__NELEM(hcall_desc_##abi##_calls),               \
	  hcall_desc_##abi##_errors,                                      \
	  (unsigned)HCALL__NELEM(hcall_desc_##abi##_errors) }

HCALL__DESCRIBE(hvisor, HCALL_HVISOR_CALLS, HCALL_HVISOR_ERRORS,
		HCALL_HVISOR_CONV_ARM64, HCALL_HVISOR_CONV_RISCV,
		HCALL_HVISOR_CONV_X86);

/* The SMCCC services share the function-ID space of w0: the owner bits
 * tell them apart. Each can be reached by HVC or SMC. */
HCALL__DESCRIBE(smccc, HCALL_SMCCC_CALLS, HCALL_SMCCC_ERRORS,
		HCALL_SMCCC_CONV_ARM64, HCALL_SMCCC_CONV_ARM64_SMC,
		HCALL_SMCCC12_CONV_ARM64);
HCALL__DESCRIBE(psci, HCALL_PSCI_CALLS, HCALL_PSCI_ERRORS,
		HCALL_PSCI_CONV_ARM64, HCALL_PSCI_CONV_ARM64_SMC);
HCALL__DESCRIBE(trng, HCALL_TRNG_CALLS, HCALL_TRNG_ERRORS,
		HCALL_TRNG_CONV_ARM64, HCALL_TRNG_CONV_ARM64_SMC);
HCALL__DESCRIBE(pvtime, HCALL_PVTIME_CALLS, HCALL_PVTIME_ERRORS,
		HCALL_PVTIME_CONV_ARM64);
HCALL__DESCRIBE(kvm_arm64, HCALL_KVM_ARM64_CALLS, HCALL_KVM_ARM64_ERRORS,
		HCALL_KVM_ARM64_CONV_ARM64);
HCALL__DESCRIBE(kvm_arm64_android, HCALL_KVM_ARM64_ANDROID_CALLS,
		HCALL_KVM_ARM64_ANDROID_ERRORS,
		HCALL_KVM_ARM64_ANDROID_CONV_ARM64);

/* SBI: one ABI per extension (the EID is the convention's selector). */
#define HCALL__SBI_DESCRIBE(P, p, eid, CALLS, title, version) \
	HCALL__DESCRIBE(p, CALLS, HCALL_SBI_ERRORS, HCALL_##P##_CONV_RISCV);
HCALL_SBI_EXTENSIONS(HCALL__SBI_DESCRIBE)
#undef HCALL__SBI_DESCRIBE
HCALL__DESCRIBE(sbi_legacy, HCALL_SBI_LEGACY_CALLS, HCALL_SBI_ERRORS,
		HCALL_SBI_LEGACY_CONV_RISCV);

HCALL__DESCRIBE(kvm_x86, HCALL_KVM_X86_CALLS, HCALL_KVM_X86_ERRORS,
		HCALL_KVM_X86_CONV, HCALL_KVM_X86_CONV_VMMCALL);
HCALL__DESCRIBE(acrn, HCALL_ACRN_CALLS, HCALL_ACRN_ERRORS, HCALL_ACRN_CONV);
HCALL__DESCRIBE(palacios, HCALL_PALACIOS_CALLS, HCALL_PALACIOS_ERRORS,
		HCALL_PALACIOS_CONV, HCALL_PALACIOS_CONV_VMCALL);
HCALL__DESCRIBE(jailhouse, HCALL_JAILHOUSE_CALLS, HCALL_JAILHOUSE_ERRORS,
		HCALL_JAILHOUSE_CONV_ARM64, HCALL_JAILHOUSE_CONV_X86);

/*
 * Every ABI, in the order the CLI and the docs show them. The name is the
 * table prefix in lower case; docs/abi/<name>.md is generated from it.
 */
static const struct hcall_abi_desc hcall_abis[] HCALL_UNUSED = {
	HCALL__ABI_ENTRY(hvisor, "hvisor hypercalls",
			 "syswonder/hvisor v0.4 (d3260d0bb53c) with hvisor-tool "
			 "b17d9dd82853 (config magic 0x5)"),
	HCALL__ABI_ENTRY(smccc, "Arm SMCCC architecture calls",
			 "Arm DEN0028 (SMC Calling Convention)"),
	HCALL__ABI_ENTRY(psci, "Arm PSCI (Power State Coordination Interface)",
			 "Arm DEN0022 (PSCI)"),
	HCALL__ABI_ENTRY(trng, "Arm TRNG firmware interface",
			 "Arm DEN0098 (True Random Number Generator firmware "
			 "interface)"),
	HCALL__ABI_ENTRY(pvtime, "Arm paravirtualized time (stolen time)",
			 "Arm DEN0057A (paravirtualized time for Arm)"),
	HCALL__ABI_ENTRY(kvm_arm64,
			 "KVM/arm64 vendor hypervisor services (mainline Linux)",
			 "Linux Documentation/virt/kvm/arm/hypercalls.rst"),
	HCALL__ABI_ENTRY(kvm_arm64_android,
			 "KVM/arm64 vendor hypervisor services, Android/pKVM "
			 "numbering",
			 "Android common kernel Documentation/virt/kvm/arm/"
			 "hypercalls.rst and mmio-guard.rst"),
#define HCALL__SBI_ENTRY(P, p, eid, CALLS, title, version)          \
	HCALL__ABI_ENTRY(p, title,                                  \
			 "RISC-V SBI specification v3.0 (extension of " \
			 "SBI " version ")"),
	HCALL_SBI_EXTENSIONS(HCALL__SBI_ENTRY)
#undef HCALL__SBI_ENTRY
	HCALL__ABI_ENTRY(sbi_legacy, "RISC-V SBI legacy extensions (v0.1)",
			 "RISC-V SBI specification v3.0"),
	HCALL__ABI_ENTRY(kvm_x86, "KVM x86 hypercalls",
			 "Linux Documentation/virt/kvm/x86/hypercalls.rst"),
	HCALL__ABI_ENTRY(acrn, "ACRN hypercalls",
			 "ACRN v3.3 (projectacrn/acrn-hypervisor 8cb6fa68): "
			 "hypervisor/include/public/acrn_hv_defs.h, acrn_common.h, "
			 "arch/x86/guest/vmcall.c, common/hypercall.c"),
	HCALL__ABI_ENTRY(palacios, "Palacios hypercalls",
			 "Palacios (PeterDinda/palacios b8836aa7): "
			 "palacios/include/palacios/vmm_hypercall.h, "
			 "src/palacios/vmm_hypercall.c"),
	HCALL__ABI_ENTRY(jailhouse, "Jailhouse hypercalls",
			 "Jailhouse (siemens/jailhouse e57d1eff): "
			 "include/jailhouse/hypercall.h, "
			 "Documentation/hypervisor-interfaces.txt"),
};

#define HCALL_ABI_COUNT ((unsigned)HCALL__NELEM(hcall_abis))

/*
 * The errors each call can return, for the ABIs whose table lists them
 * (HCALL_<ABI>_CALL_ERRORS): `errors` is the list of error names of the
 * ABI's error table, comma-separated, or "NONE" for a call that cannot
 * fail. A call with no row may return any of its ABI's errors.
 */
struct hcall_call_error_list {
	const char *abi;    /* "psci" */
	uint64_t number;
	const char *errors; /* "INVALID_PARAMETERS, DISABLED" */
};

#define HCALL__CALL_ERRS_ROW(abi, ABI, NAME, ...) \
	{ #abi, (uint64_t)(HCALL_##ABI##_##NAME), #__VA_ARGS__ },

/* Every such list, ending with a row of zeros. */
static const struct hcall_call_error_list hcall_call_error_lists[] HCALL_UNUSED = {
	HCALL_SMCCC_CALL_ERRORS(HCALL__CALL_ERRS_ROW)
	HCALL_PSCI_CALL_ERRORS(HCALL__CALL_ERRS_ROW)
	HCALL_KVM_ARM64_CALL_ERRORS(HCALL__CALL_ERRS_ROW)
	{ 0, 0, 0 }
};

/* ---- look-ups -------------------------------------------------------- */

HCALL_INLINE int hcall__streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* hcall_abi_find - the ABI called `name` ("hvisor", "sbi"...), or 0. */
HCALL_INLINE const struct hcall_abi_desc *hcall_abi_find(const char *name)
{
	unsigned i;

	if (!name)
		return 0;
	for (i = 0; i < HCALL_ABI_COUNT; i++)
		if (hcall__streq(hcall_abis[i].name, name))
			return &hcall_abis[i];
	return 0;
}

/* hcall_call_find - the call of `abi` with that number, or 0. */
HCALL_INLINE const struct hcall_call_desc *
hcall_call_find(const struct hcall_abi_desc *abi, uint64_t number)
{
	unsigned i;

	for (i = 0; i < abi->ncalls; i++)
		if (abi->calls[i].number == number)
			return &abi->calls[i];
	return 0;
}

/* hcall_call_find_name - the call of `abi` named `name` ("zone_start"), or 0. */
HCALL_INLINE const struct hcall_call_desc *
hcall_call_find_name(const struct hcall_abi_desc *abi, const char *name)
{
	unsigned i;

	for (i = 0; i < abi->ncalls; i++)
		if (hcall__streq(abi->calls[i].name, name))
			return &abi->calls[i];
	return 0;
}

/* hcall_err_find - the error row of `abi` with that raw code, or 0. */
HCALL_INLINE const struct hcall_err_desc *
hcall_err_find(const struct hcall_abi_desc *abi, int64_t raw)
{
	unsigned i;

	for (i = 0; i < abi->nerrors; i++)
		if (abi->errors[i].raw == raw)
			return &abi->errors[i];
	return 0;
}

/* hcall_call_errors_find - the error list of call `number` of the ABI
 * named `abi`, or 0 when its table does not say. */
HCALL_INLINE const char *hcall_call_errors_find(const char *abi, uint64_t number)
{
	unsigned i;

	for (i = 0; hcall_call_error_lists[i].abi; i++)
		if (hcall_call_error_lists[i].number == number &&
		    hcall__streq(hcall_call_error_lists[i].abi, abi))
			return hcall_call_error_lists[i].errors;
	return 0;
}

/* ---- names ----------------------------------------------------------- */

/* The architecture's name as the docs spell it ("arm64"), or "?". */
HCALL_INLINE const char *hcall_arch_name(unsigned arch)
{
	switch (arch) {
	case HCALL_ARCH_X86_64:
		return "x86_64";
	case HCALL_ARCH_ARM64:
		return "arm64";
	case HCALL_ARCH_RISCV64:
		return "riscv64";
	default:
		return "?";
	}
}

/* The trap instruction's mnemonic, or "?". */
HCALL_INLINE const char *hcall_trap_name(unsigned trap)
{
	switch (trap) {
	case HCALL_TRAP_HVC:
		return "hvc";
	case HCALL_TRAP_SMC:
		return "smc";
	case HCALL_TRAP_ECALL:
		return "ecall";
	case HCALL_TRAP_VMCALL:
		return "vmcall";
	case HCALL_TRAP_VMMCALL:
		return "vmmcall";
	default:
		return "?";
	}
}

/* The result kind as the tables spell it ("STATUS"), or "?". */
HCALL_INLINE const char *hcall_result_kind_name(unsigned kind)
{
	switch (kind) {
	case HCALL_RK_STATUS:
		return "STATUS";
	case HCALL_RK_VALUE:
		return "VALUE";
	case HCALL_RK_CUSTOM:
		return "CUSTOM";
	default:
		return "?";
	}
}

/*
 * Register names, from the (index, "name") pairs of <hcall/regs.h>: each
 * case label and its name come from the same pair.
 */
#define HCALL__REG_CASE(reg)     \
	case HCALL_REG_IDX(reg): \
		return HCALL_REG_NAME(reg);

#define HCALL__ARM64_REGS(X)                                                  \
	X(HCALL_ARM64_X0) X(HCALL_ARM64_X1) X(HCALL_ARM64_X2) X(HCALL_ARM64_X3) \
	X(HCALL_ARM64_X4) X(HCALL_ARM64_X5) X(HCALL_ARM64_X6) X(HCALL_ARM64_X7) \
	X(HCALL_ARM64_X8) X(HCALL_ARM64_X9) X(HCALL_ARM64_X10)                \
	X(HCALL_ARM64_X11) X(HCALL_ARM64_X12) X(HCALL_ARM64_X13)              \
	X(HCALL_ARM64_X14) X(HCALL_ARM64_X15) X(HCALL_ARM64_X16)              \
	X(HCALL_ARM64_X17) X(HCALL_ARM64_X18) X(HCALL_ARM64_X19)              \
	X(HCALL_ARM64_X20) X(HCALL_ARM64_X21) X(HCALL_ARM64_X22)              \
	X(HCALL_ARM64_X23) X(HCALL_ARM64_X24) X(HCALL_ARM64_X25)              \
	X(HCALL_ARM64_X26) X(HCALL_ARM64_X27) X(HCALL_ARM64_X28)              \
	X(HCALL_ARM64_X29) X(HCALL_ARM64_X30)

#define HCALL__RV_REGS(X)                                                     \
	X(HCALL_RV_RA) X(HCALL_RV_SP) X(HCALL_RV_GP) X(HCALL_RV_TP)           \
	X(HCALL_RV_T0) X(HCALL_RV_T1) X(HCALL_RV_T2) X(HCALL_RV_S0)           \
	X(HCALL_RV_S1) X(HCALL_RV_A0) X(HCALL_RV_A1) X(HCALL_RV_A2)           \
	X(HCALL_RV_A3) X(HCALL_RV_A4) X(HCALL_RV_A5) X(HCALL_RV_A6)           \
	X(HCALL_RV_A7) X(HCALL_RV_S2) X(HCALL_RV_S3) X(HCALL_RV_S4)           \
	X(HCALL_RV_S5) X(HCALL_RV_S6) X(HCALL_RV_S7) X(HCALL_RV_S8)           \
	X(HCALL_RV_S9) X(HCALL_RV_S10) X(HCALL_RV_S11) X(HCALL_RV_T3)         \
	X(HCALL_RV_T4) X(HCALL_RV_T5) X(HCALL_RV_T6)

#define HCALL__X86_REGS(X)                                                    \
	X(HCALL_X86_RAX) X(HCALL_X86_RCX) X(HCALL_X86_RDX) X(HCALL_X86_RBX)   \
	X(HCALL_X86_RSP) X(HCALL_X86_RBP) X(HCALL_X86_RSI) X(HCALL_X86_RDI)   \
	X(HCALL_X86_R8) X(HCALL_X86_R9) X(HCALL_X86_R10) X(HCALL_X86_R11)     \
	X(HCALL_X86_R12) X(HCALL_X86_R13) X(HCALL_X86_R14) X(HCALL_X86_R15)

/* hcall_reg_name - the assembler name of register `idx` of `arch`
 * (indices as in <hcall/regs.h>), or "?" for none. */
HCALL_INLINE const char *hcall_reg_name(unsigned arch, unsigned idx)
{
	switch (arch) {
	case HCALL_ARCH_ARM64:
		switch (idx) {
			HCALL__ARM64_REGS(HCALL__REG_CASE)
		default:
			break;
		}
		break;
	case HCALL_ARCH_RISCV64:
		switch (idx) {
			HCALL__RV_REGS(HCALL__REG_CASE)
		default:
			break;
		}
		break;
	case HCALL_ARCH_X86_64:
		switch (idx) {
			HCALL__X86_REGS(HCALL__REG_CASE)
		default:
			break;
		}
		break;
	default:
		break;
	}
	return "?";
}

#endif /* HCALL_DESCRIBE_H */
