// SPDX-License-Identifier: MIT
/*
 * The riscv64 KVM guest: the SBI base extension, the probes, HSM status
 * and TIME through hcall, answered by KVM's own SBI implementation, then
 * SRST shutdown.
 */
#include <hcall/sbi.h>

#include "guest.h"

#define CONSOLE 0x10000000UL

static void guest_putc(char c)
{
	*(volatile char *)CONSOLE = c;
}

void guest_main(void);

__asm__(".section .text.start, \"ax\"\n"
	".global _start\n"
	"_start:\n"
	"	la sp, guest_stack_top\n"
	"	call guest_main\n"
	"1:	wfi\n"
	"	j 1b\n"
	".previous\n");

unsigned char guest_stack[8192] __attribute__((aligned(16)));
__asm__(".set guest_stack_top, guest_stack + 8192");

static const struct {
	const char *name;
	uint32_t eid;
} extensions[] = {
	{ "sbi_probe_time", HCALL_SBI_EXT_TIME },
	{ "sbi_probe_ipi", HCALL_SBI_EXT_IPI },
	{ "sbi_probe_rfence", HCALL_SBI_EXT_RFENCE },
	{ "sbi_probe_hsm", HCALL_SBI_EXT_HSM },
	{ "sbi_probe_srst", HCALL_SBI_EXT_SRST },
	{ "sbi_probe_pmu", HCALL_SBI_EXT_PMU },
	{ "sbi_probe_dbcn", HCALL_SBI_EXT_DBCN },
	{ "sbi_probe_susp", HCALL_SBI_EXT_SUSP },
	{ "sbi_probe_sta", HCALL_SBI_EXT_STA },
	{ "sbi_probe_firmware0", HCALL_SBI_EXT_FIRMWARE_START },
};

void guest_main(void)
{
	unsigned i;

	report("sbi_spec_version", hcall_sbi_base_get_spec_version());
	report("sbi_impl_id", hcall_sbi_base_get_impl_id());
	report("sbi_impl_version", hcall_sbi_base_get_impl_version());
	for (i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
		report(extensions[i].name,
		       hcall_sbi_base_probe_extension(extensions[i].eid));
	report("sbi_unknown_eid", hcall_sbi_result(hcall_sbi_call0(0x0AFFFFFFu, 0)));
	report("hsm_status_self", hcall_sbi_hsm_hart_get_status(0));
	report("hsm_status_absent", hcall_sbi_hsm_hart_get_status(99));
	report("hsm_start_self", hcall_sbi_hsm_hart_start(0, 0x80000000u, 0));
	report("time_set_timer", hcall_sbi_time_set_timer(~(uint64_t)0));
	put_str("system_reset: calling\n");
	report("system_reset", hcall_sbi_srst_system_reset(HCALL_SBI_SRST_TYPE_SHUTDOWN,
							   HCALL_SBI_SRST_REASON_NONE));
}
