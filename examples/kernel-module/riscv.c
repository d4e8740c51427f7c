// SPDX-License-Identifier: MIT OR GPL-2.0-only
/*
 * riscv64: the SBI base extension and extension probes through hcall,
 * checked against what the kernel's own SBI layer (arch/riscv/kernel/sbi.c)
 * found: sbi_spec_version and sbi_probe_extension() are exported. An S-mode kernel always reaches its SBI
 * implementation with ecall, so there is no conduit to choose.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <asm/sbi.h>

#include <hcall/sbi.h>

#include "hcall_demo.h"

static const struct {
	const char *name;
	u32 eid;
} extensions[] = {
	{ "time", HCALL_SBI_EXT_TIME },	    { "ipi", HCALL_SBI_EXT_IPI },
	{ "rfence", HCALL_SBI_EXT_RFENCE }, { "hsm", HCALL_SBI_EXT_HSM },
	{ "srst", HCALL_SBI_EXT_SRST },	    { "pmu", HCALL_SBI_EXT_PMU },
	{ "dbcn", HCALL_SBI_EXT_DBCN },	    { "susp", HCALL_SBI_EXT_SUSP },
	{ "sta", HCALL_SBI_EXT_STA },
	/* The first firmware-specific EID: implemented by nobody here. */
	{ "firmware0", HCALL_SBI_EXT_FIRMWARE_START },
};

int hcall_demo_arch_probe(void)
{
	struct hcall_result r;
	unsigned int i;

	r = hcall_sbi_base_get_spec_version();
	hcall_demo_report("sbi_spec_version", r);
	pr_info("kernel_sbi_spec_version: value=%#lx\n", sbi_spec_version);
	/* The kernel logs these two at boot ("SBI implementation ID=..."). */
	hcall_demo_report("sbi_impl_id", hcall_sbi_base_get_impl_id());
	hcall_demo_report("sbi_impl_version", hcall_sbi_base_get_impl_version());

	for (i = 0; i < ARRAY_SIZE(extensions); i++) {
		char name[32];

		r = hcall_sbi_base_probe_extension(extensions[i].eid);
		snprintf(name, sizeof(name), "sbi_probe_%s", extensions[i].name);
		hcall_demo_report(name, r);
		pr_info("kernel_%s: value=%#lx\n", name,
			(unsigned long)sbi_probe_extension(extensions[i].eid));
	}
	/* An EID nobody implements: SBI_ERR_NOT_SUPPORTED (-2). */
	hcall_demo_report("sbi_unknown_eid",
			  hcall_sbi_result(hcall_sbi_call0(0x0AFFFFFFu, 0)));
	return 0;
}
