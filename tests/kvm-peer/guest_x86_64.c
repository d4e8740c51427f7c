// SPDX-License-Identifier: MIT
/*
 * The x86_64 KVM guest: KVM discovery through hcall's CPUID signature scan,
 * then the KVM hypercalls through both conduits (VMMCALL, the native one
 * on this AMD-style CPU, and VMCALL, which KVM emulates), then HLT.
 */
#include <hcall/kvm_x86.h>

#include "guest.h"

static void guest_putc(char c)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(c), "Nd"(0xE9) : "memory");
}

void guest_main(void);

/* The VMM enters at the first byte in long mode with RSP set. */
__asm__(".section .text.start, \"ax\"\n"
	".global _start\n"
	"_start:\n"
	"	call guest_main\n"
	"1:	hlt\n"
	"	jmp 1b\n"
	".previous\n");

static void calls(enum hcall_x86_conduit c, const char *suffix)
{
	char name[48];
	unsigned i;

#define NAME(base)                                                  \
	do {                                                        \
		const char *s_ = base;                              \
		for (i = 0; *s_; s_++)                              \
			name[i++] = *s_;                            \
		for (s_ = suffix; *s_; s_++)                        \
			name[i++] = *s_;                            \
		name[i] = 0;                                        \
	} while (0)

	NAME("sched_yield_");
	report(name, hcall_kvm_x86_sched_yield_on(c, 0));
	NAME("vapic_poll_irq_");
	report(name, hcall_kvm_x86_vapic_poll_irq_on(c));
	NAME("unknown_");
	report(name, hcall_kvm_x86_result(HCALL_RK_STATUS,
					  hcall_kvm_x86_call0_on(c, 0x7fff)));
	NAME("map_gpa_range_");
	report(name, hcall_kvm_x86_map_gpa_range_on(c, 0x100000, 1, 0));
	NAME("clock_pairing_bad_type_");
	report(name, hcall_kvm_x86_clock_pairing_on(c, 0x1ff000, 1));
#undef NAME
}

void guest_main(void)
{
	uint32_t base = hcall_kvm_x86_cpuid_base();
	uint32_t features = hcall_kvm_x86_features(base);

	report_hex("hypervisor_bit", "value", (uint64_t)hcall_x86_hypervisor_present());
	report_hex("cpuid_base", "value", base);
	report_hex("features", "value", features);
	report_hex("sched_yield_feature", "value",
		   (uint64_t)hcall_kvm_x86_has_feature(features,
						       HCALL_KVM_X86_FEATURE_PV_SCHED_YIELD));
	report_hex("detected_conduit_vmmcall", "value",
		   (uint64_t)(hcall_x86_detect_conduit() == HCALL_X86_CONDUIT_VMMCALL));
	calls(HCALL_X86_CONDUIT_VMMCALL, "vmmcall");
	calls(HCALL_X86_CONDUIT_VMCALL, "vmcall");
}
