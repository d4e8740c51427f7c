/* SPDX-License-Identifier: MIT */
/*
 * hcall's KVM x86 numbers and structures (<hcall/abi/kvm_x86.h>) against
 * Linux's own headers, /usr/include/linux/kvm_para.h and the x86
 * <asm/kvm_para.h> (Debian's linux-libc-dev): hypercall numbers, error
 * codes, CPUID leaves and feature bits, struct kvm_clock_pairing field by
 * field, MAP_GPA_RANGE attributes.
 */
#if defined(__has_include)
#if __has_include(<linux/kvm_para.h>) && __has_include(<asm/kvm_para.h>) && \
	defined(__x86_64__)
#define HAVE_LINUX_KVM_PARA 1
#endif
#endif

#include "oracle.h"

#ifndef HAVE_LINUX_KVM_PARA
int main(void)
{
	return oracle_skip("no x86 <linux/kvm_para.h> and <asm/kvm_para.h> "
			   "(Debian on x86_64: linux-libc-dev, installed by ./sdk deps)");
}
#else
#include <asm-generic/errno.h>
#include <linux/kvm_para.h>

#include <hcall/abi/kvm_x86.h>
#include <hcall/describe.h>

#define KVM_ERR(name, raw, status) static const long long kvm_err_##name = (raw);
HCALL_KVM_X86_ERRORS(KVM_ERR)
#undef KVM_ERR

int main(void)
{
	ORACLE_EQ(HCALL_KVM_X86_VAPIC_POLL_IRQ, KVM_HC_VAPIC_POLL_IRQ);
	ORACLE_EQ(HCALL_KVM_X86_HC_FEATURES, KVM_HC_FEATURES);
	ORACLE_EQ(HCALL_KVM_X86_KICK_CPU, KVM_HC_KICK_CPU);
	ORACLE_EQ(HCALL_KVM_X86_CLOCK_PAIRING, KVM_HC_CLOCK_PAIRING);
	ORACLE_EQ(HCALL_KVM_X86_SEND_IPI, KVM_HC_SEND_IPI);
	ORACLE_EQ(HCALL_KVM_X86_SCHED_YIELD, KVM_HC_SCHED_YIELD);
	ORACLE_EQ(HCALL_KVM_X86_MAP_GPA_RANGE, KVM_HC_MAP_GPA_RANGE);

	ORACLE_EQ(HCALL_KVM_X86_ENOSYS, KVM_ENOSYS);
	ORACLE_EQ(HCALL_KVM_X86_EFAULT, KVM_EFAULT);
	ORACLE_EQ(HCALL_KVM_X86_EINVAL, KVM_EINVAL);
	ORACLE_EQ(HCALL_KVM_X86_E2BIG, KVM_E2BIG);
	ORACLE_EQ(HCALL_KVM_X86_EPERM, KVM_EPERM);
	ORACLE_EQ(HCALL_KVM_X86_EOPNOTSUPP, KVM_EOPNOTSUPP);
	ORACLE_EQ(kvm_err_SUCCESS, 0);
	ORACLE_EQ(kvm_err_KVM_ENOSYS, -KVM_ENOSYS);
	ORACLE_EQ(kvm_err_KVM_EPERM, -KVM_EPERM);
	ORACLE_EQ(kvm_err_KVM_E2BIG, -KVM_E2BIG);
	ORACLE_EQ(kvm_err_KVM_EFAULT, -KVM_EFAULT);
	ORACLE_EQ(kvm_err_KVM_EINVAL, -KVM_EINVAL);
	ORACLE_EQ(kvm_err_KVM_EOPNOTSUPP, -KVM_EOPNOTSUPP);

	ORACLE_EQ(0x40000000u + HCALL_KVM_X86_CPUID_SIGNATURE, KVM_CPUID_SIGNATURE);
	ORACLE_EQ(0x40000000u + HCALL_KVM_X86_CPUID_FEATURES, KVM_CPUID_FEATURES);
#define F(name) ORACLE_EQ(HCALL_KVM_X86_FEATURE_##name, KVM_FEATURE_##name)
	F(CLOCKSOURCE); F(NOP_IO_DELAY); F(CLOCKSOURCE2); F(ASYNC_PF);
	F(STEAL_TIME); F(PV_EOI); F(PV_UNHALT); F(PV_TLB_FLUSH);
	F(ASYNC_PF_VMEXIT); F(PV_SEND_IPI); F(POLL_CONTROL); F(PV_SCHED_YIELD);
	F(ASYNC_PF_INT); F(MSI_EXT_DEST_ID); F(HC_MAP_GPA_RANGE);
	F(MIGRATION_CONTROL);
#undef F

	ORACLE_EQ(HCALL_KVM_X86_CLOCK_PAIRING_WALLCLOCK, KVM_CLOCK_PAIRING_WALLCLOCK);
	ORACLE_SIZE(hcall_kvm_x86_clock_pairing, kvm_clock_pairing);
	ORACLE_FIELD(hcall_kvm_x86_clock_pairing, kvm_clock_pairing, sec);
	ORACLE_FIELD(hcall_kvm_x86_clock_pairing, kvm_clock_pairing, nsec);
	ORACLE_FIELD(hcall_kvm_x86_clock_pairing, kvm_clock_pairing, tsc);
	ORACLE_FIELD(hcall_kvm_x86_clock_pairing, kvm_clock_pairing, flags);
	ORACLE_FIELD(hcall_kvm_x86_clock_pairing, kvm_clock_pairing, pad);

	ORACLE_EQ(HCALL_KVM_X86_MAP_GPA_PAGE_4K, KVM_MAP_GPA_RANGE_PAGE_SZ_4K);
	ORACLE_EQ(HCALL_KVM_X86_MAP_GPA_PAGE_2M, KVM_MAP_GPA_RANGE_PAGE_SZ_2M);
	ORACLE_EQ(HCALL_KVM_X86_MAP_GPA_PAGE_1G, KVM_MAP_GPA_RANGE_PAGE_SZ_1G);
	ORACLE_EQ(HCALL_KVM_X86_MAP_GPA_ENCRYPTED, KVM_MAP_GPA_RANGE_ENCRYPTED);
	ORACLE_EQ(HCALL_KVM_X86_MAP_GPA_DECRYPTED, KVM_MAP_GPA_RANGE_DECRYPTED);

	/* KICK_CPU: Linux's kvm_kick_cpu() passes (flags = 0, apicid), so the
	 * table reserves the first argument and supplies the second. */
	{
		const struct hcall_call_desc *c =
			hcall_call_find(hcall_abi_find("kvm_x86"), KVM_HC_KICK_CPU);
		ORACLE_EQ(c != 0, 1);
		if (c) {
			ORACLE_EQ(hcall_call_slot_reserved(c, 0), 1);
			ORACLE_EQ(hcall_call_slot_arg(c, 1), 0);
		}
	}
	return oracle_done();
}
#endif
