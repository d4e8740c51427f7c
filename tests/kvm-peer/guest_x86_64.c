// SPDX-License-Identifier: MIT
/*
 * The x86_64 KVM guest: KVM discovery through hcall's CPUID signature scan,
 * then the KVM hypercalls through both conduits (VMMCALL, the native one
 * on this AMD-style CPU, and VMCALL, which KVM emulates), then one from
 * CPL 3, then the exit port. (VMCALL from CPL 3 is not tried: KVM's
 * emulator injects #GP for it, and this guest has no IDT.)
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

static void guest_exit(void)
{
	__asm__ __volatile__("outb %0, %1" : : "a"((char)0), "Nd"(0xF4) : "memory");
}

static unsigned char user_stack[4096] __attribute__((aligned(16)));

/* At CPL 3 (IOPL 3, so the console still works): KVM refuses hypercalls
 * from user mode. */
static void user_main(void)
{
	report("cpl3_sched_yield_vmmcall",
	       hcall_kvm_x86_sched_yield_on(HCALL_X86_CONDUIT_VMMCALL, 0));
	guest_exit();
}

/* IRET to user_main at CPL 3: SS = 0x18|3, CS = 0x20|3, RFLAGS.IOPL = 3. */
static void enter_user(void)
{
	__asm__ __volatile__("pushq $0x1b\n\t"
			     "pushq %0\n\t"
			     "pushq $0x3002\n\t"
			     "pushq $0x23\n\t"
			     "pushq %1\n\t"
			     "iretq"
			     :
			     : "r"(user_stack + sizeof(user_stack)), "r"(user_main)
			     : "memory");
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
	enter_user();
}
