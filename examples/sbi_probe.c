/* SPDX-License-Identifier: MIT */
/*
 * RISC-V SBI: which specification version and which extensions does the
 * SBI implementation (OpenSBI, a hypervisor...) below us offer?
 */
#include <hcall/sbi.h>

#include "examples.h"
#include "guest_env.h"

static const struct {
	uint64_t eid;
	const char *name;
} extensions[] = {
	{ HCALL_SBI_EXT_BASE, "base" },    { HCALL_SBI_EXT_TIME, "TIME" },
	{ HCALL_SBI_EXT_IPI, "IPI" },      { HCALL_SBI_EXT_RFENCE, "RFENCE" },
	{ HCALL_SBI_EXT_HSM, "HSM" },      { HCALL_SBI_EXT_SRST, "SRST" },
	{ HCALL_SBI_EXT_PMU, "PMU" },      { HCALL_SBI_EXT_DBCN, "DBCN" },
	{ HCALL_SBI_EXT_SUSP, "SUSP" },    { HCALL_SBI_EXT_CPPC, "CPPC" },
	{ HCALL_SBI_EXT_NACL, "NACL" },    { HCALL_SBI_EXT_STA, "STA" },
};

/* Returns the number of extensions found. */
int example_sbi_probe(void)
{
	struct hcall_result v = hcall_sbi_base_get_spec_version();
	int found = 0;

	if (hcall_ok(v)) {
		/* major in bits 30:24, minor in bits 23:0 */
		env_puts("SBI specification ");
		env_put_hex((v.value >> HCALL_SBI_SPEC_MAJOR_SHIFT) &
			    HCALL_SBI_SPEC_MAJOR_MASK);
		env_puts(".");
		env_put_hex(v.value & HCALL_SBI_SPEC_MINOR_MASK);
		env_puts("\n");
	}
	for (unsigned i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++) {
		/* probe_extension: a7 = 0x10, a6 = 3, a0 = EID; a1 != 0 if present */
		int present = hcall_sbi_probe(extensions[i].eid);

		env_puts(extensions[i].name);
		env_puts(present ? ": present\n" : ": absent\n");
		found += present;
	}
	return found;
}
