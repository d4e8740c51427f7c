// SPDX-License-Identifier: MIT
/*
 * The arm64 KVM guest: PSCI, SMCCC and the KVM vendor services through
 * hcall's typed calls (HVC, the conduit of a KVM guest), then PSCI
 * SYSTEM_OFF, which KVM hands to the VMM as a system event.
 */
#include <hcall/kvm_arm64.h>
#include <hcall/psci.h>

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
	put_str("system_off: calling\n");
	report("system_off", hcall_psci_system_off());
}
