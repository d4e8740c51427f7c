// SPDX-License-Identifier: MIT
/*
 * The arm64 KVM guest: PSCI, SMCCC, TRNG, PV time and the KVM vendor
 * services through hcall's typed calls (HVC, the conduit of a KVM guest), then PSCI
 * SYSTEM_OFF, which KVM hands to the VMM as a system event.
 */
#include <hcall/kvm_arm64.h>
#include <hcall/psci.h>
#include <hcall/pvtime.h>
#include <hcall/trng.h>

#include "guest.h"

#define CONSOLE 0x09000000UL

/* One plain byte store (ISV set), so KVM can hand it to the VMM as MMIO. */
static void guest_putc(char c)
{
	__asm__ __volatile__("strb %w0, [%1]" : : "r"(c), "r"(CONSOLE) : "memory");
}

void guest_main(void);

__asm__(".section .text.start, \"ax\"\n"
	".global _start\n"
	"_start:\n"
	"	adrp x0, guest_stack_top\n"
	"	add x0, x0, :lo12:guest_stack_top\n"
	"	mov sp, x0\n"
	"	bl guest_main\n"
	"1:	wfi\n"
	"	b 1b\n"
	".previous\n");

unsigned char guest_stack[8192] __attribute__((aligned(16)));
__asm__(".set guest_stack_top, guest_stack + 8192");

void guest_main(void)
{
	struct hcall_kvm_arm64_caps caps;
	struct hcall_kvm_arm64_ptp_time t;
	struct hcall_smccc_uid uid;
	struct hcall_trng_entropy e;

	report("psci_version", hcall_psci_version());
	report("smccc_version", hcall_smccc_version());
	report("psci_features_smccc_version", hcall_psci_features(HCALL_SMCCC_VERSION));
	report("psci_features_system_off", hcall_psci_features(HCALL_PSCI_SYSTEM_OFF));
	report("smccc_arch_features_unknown", hcall_smccc_arch_features(0x8000FFFFu));
	uid = hcall_kvm_arm64_call_uid();
	report_hex("call_uid", "w0", uid.w[0]);
	report_hex("call_uid", "w1", uid.w[1]);
	report_hex("call_uid", "w2", uid.w[2]);
	report_hex("call_uid", "w3", uid.w[3]);
	report_hex("kvm_detect", "value", (uint64_t)hcall_kvm_arm64_detect());
	report("func_features", hcall_kvm_arm64_func_features(&caps));
	report_hex("func_features", "w0", caps.w[0]);
	report("ptp_virt", hcall_kvm_arm64_ptp(HCALL_KVM_ARM64_PTP_VIRT_COUNTER, &t));
	report("ptp_bad_counter", hcall_kvm_arm64_ptp(7, &t));
	report("hyp_meminfo", hcall_kvm_arm64_hyp_meminfo());
	report("unknown_vendor_call", hcall_smccc_result(0x86000020u, HCALL_RK_VALUE,
			hcall_smccc_call0(0x86000020u).x0, hcall_map_smccc_error));
	report("arch_features_pvtime", hcall_smccc_arch_features(HCALL_PVTIME_FEATURES));
	report("pvtime_features_features", hcall_pvtime_features(HCALL_PVTIME_FEATURES));
	report("pvtime_features_st", hcall_pvtime_features(HCALL_PVTIME_ST));
	report("pvtime_st", hcall_pvtime_st());
	report("trng_version", hcall_trng_version());
	report("trng_features_rnd64", hcall_trng_features(HCALL_TRNG_RND64));
	report("trng_features_unknown", hcall_trng_features(0x8400005Fu));
	report("trng_uuid", hcall_trng_get_uuid(&uid));
	report_hex("trng_uuid", "w0", uid.w[0]);
	report_hex("trng_uuid", "w1", uid.w[1]);
	report_hex("trng_uuid", "w2", uid.w[2]);
	report_hex("trng_uuid", "w3", uid.w[3]);
	report("trng_rnd64_192", hcall_trng_rnd64(192, &e));
	report("trng_rnd64_193", hcall_trng_rnd64(193, &e));
	report("trng_rnd32_96", hcall_trng_rnd32(96, &e));
	report("trng_rnd32_97", hcall_trng_rnd32(97, &e));
	/* 8 bits asked: KVM clears everything above them. */
	report("trng_rnd64_8", hcall_trng_rnd64(8, &e));
	report_hex("trng_rnd64_8", "above", (e.bits[0] >> 8) | e.bits[1] | e.bits[2]);
	put_str("system_off: calling\n");
	report("system_off", hcall_psci_system_off());
}
