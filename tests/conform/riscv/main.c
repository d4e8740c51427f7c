/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/riscv/main.c - the riscv64 conformance run: the SBI as an
 * S-mode (or VS-mode) kernel sees it, every expectation from
 * tests/conform/spec/sbi.h. Nothing is assumed beyond the specification
 * and the console: every extension but BASE is probed first
 * (probe_extension) and its checks are skipped with the reason if absent.
 */
#include "../spec/sbi.h"
#include "riscv.h"

static const struct kit_names sbi_names = { spec_sbi_errors, KIT_ARRAY_SIZE(spec_sbi_errors) };
static uint64_t spec_version;

static void check_spec_version(void)
{
	static const char sect[] = "SBI 4.1 Function: Get SBI specification version";
	struct kit_ret r = kit_sbi(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0);

	spec_version = (uint64_t)r.r1;
	kit_puts("# sbi_get_spec_version: error ");
	kit_value(r.r0, &sbi_names);
	kit_puts(", value ");
	kit_hex(spec_version);
	kit_puts(" (");
	kit_dec((int64_t)SBI_SPEC_MAJOR(spec_version));
	kit_putc('.');
	kit_dec((int64_t)SBI_SPEC_MINOR(spec_version));
	kit_puts(")\n");
	/* The base extension exists from v0.2 on: any version it reports is
	 * at least that. */
	if (r.r0 == 0 && (spec_version >> 31) == 0 &&
	    (SBI_SPEC_MAJOR(spec_version) >= 1 || SBI_SPEC_MINOR(spec_version) >= 2))
		kit_pass("sbi_get_spec_version", "a version with a base extension: >= 0.2", sect);
	else
		kit_fail("sbi_get_spec_version", "a version with a base extension: >= 0.2", sect,
			 ">= 0x00000002 with bit 31 clear", (int64_t)spec_version, 0);
}

/* Each extension the kit knows: probe_extension must answer (error 0);
 * the answer itself is the implementation's choice, so it is only shown. */
static void probe_all(void)
{
	unsigned i;

	kit_puts("# extensions:");
	for (i = 0; i < KIT_ARRAY_SIZE(spec_sbi_exts); i++) {
		struct kit_ret r = kit_sbi(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION,
					   spec_sbi_exts[i].eid, 0, 0);

		if (r.r0 != 0) {
			kit_putc('\n');
			kit_fail("sbi_probe_extension", "answers for every EID (error 0)",
				 "SBI 4.4 Function: Probe SBI extension", "0 (SBI_SUCCESS)", r.r0,
				 &sbi_names);
			kit_puts("# extensions (cont.):");
			continue;
		}
		kit_putc(' ');
		kit_puts(spec_sbi_exts[i].name);
		kit_puts(r.r1 ? "=yes" : "=no");
	}
	kit_putc('\n');
}

static const char *sbi_present(const struct spec_call *row)
{
	uint32_t eid = row->probe ? row->probe : row->id;
	struct kit_ret r = kit_sbi(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, eid, 0, 0);

	if (r.r0 != 0 || r.r1 == 0)
		return "extension not implemented (probe_extension = 0)";
	return 0;
}

/* ---- a second hart: hart_start, opaque, hart_stop, hart_get_status ------ */

#define SECONDARY_OPAQUE 0x5EC0AD0C0FFEE123ull
#define WAIT_ROUNDS 2000000u /* calls; ends as soon as the other CPU answers */

static volatile uint64_t secondary_seen, secondary_hart = ~0ull;
static volatile int64_t secondary_stop_ret = 1;

void kit_secondary(uint64_t hartid, uint64_t opaque)
{
	secondary_hart = hartid;
	secondary_seen = opaque;
	/* hart_stop does not return on success. */
	secondary_stop_ret = kit_sbi(SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0).r0;
}

static void check_secondary(void)
{
	uint64_t other = kit_hartid ^ 1;
	struct kit_ret st = kit_sbi(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, other, 0, 0);
	const char *why = 0;
	unsigned i;

	if (sbi_present(&(struct spec_call){ .id = SBI_EXT_HSM }))
		why = "extension not implemented (probe_extension = 0)";
	else if (st.r0 == SBI_ERR_INVALID_PARAM)
		why = "no second hart (hart_get_status = SBI_ERR_INVALID_PARAM)";
	else if (st.r0 != 0 || st.r1 != SBI_HSM_STOPPED)
		why = "the second hart is not STOPPED";
	if (why) {
		kit_skip("sbi_hart_start", "starts a second hart at start_addr with a0 = hartid, "
			 "a1 = opaque", SBI_HSM_SECTION, why);
		kit_skip("sbi_hart_stop", "the second hart stops itself; hart_get_status says STOPPED",
			 SBI_HSM_SECTION, why);
		return;
	}
	st = kit_sbi(SBI_EXT_HSM, SBI_HSM_HART_START, other,
		     (uint64_t)(uintptr_t)kit_secondary_entry, SECONDARY_OPAQUE);
	if (!kit_eq("sbi_hart_start", "a STOPPED hart: SBI_SUCCESS", SBI_HSM_SECTION, st.r0, 0,
		    &sbi_names))
		return;
	for (i = 0; i < WAIT_ROUNDS && secondary_seen != SECONDARY_OPAQUE; i++)
		(void)kit_sbi(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, other, 0, 0);
	kit_eq("sbi_hart_start", "the new hart runs start_addr with a1 = opaque", SBI_HSM_SECTION,
	       (int64_t)secondary_seen, (int64_t)SECONDARY_OPAQUE, 0);
	kit_eq("sbi_hart_start", "the new hart runs start_addr with a0 = its hart id",
	       SBI_HSM_SECTION, (int64_t)secondary_hart, (int64_t)other, 0);
	st.r1 = SBI_HSM_STARTED;
	for (i = 0; i < WAIT_ROUNDS && st.r1 != SBI_HSM_STOPPED; i++)
		st = kit_sbi(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, other, 0, 0);
	if (secondary_stop_ret != 1)
		kit_eq("sbi_hart_stop", "does not return on success", SBI_HSM_SECTION,
		       secondary_stop_ret, 1, &sbi_names);
	else
		kit_eq("sbi_hart_stop", "the second hart stops itself; hart_get_status says STOPPED",
		       SBI_HSM_SECTION, st.r1, SBI_HSM_STOPPED, 0);
}

#define PATTERN(n) (0xC0F0000000000000ull | ((uint64_t)(n) << 8) | (n))

/* Every register but a0 and a1 (and the zero register) across a base
 * call: sbi_get_spec_version. */
static void check_preserved(void)
{
	static const char what[] = "all registers but a0, a1 preserved across a call";
	uint64_t r[33];
	unsigned i;

	for (i = 0; i < 32; i++)
		r[i] = PATTERN(i);
	r[17] = SBI_EXT_BASE;              /* a7 */
	r[16] = SBI_BASE_GET_SPEC_VERSION; /* a6 */
	kit_regcheck(r);
	for (i = 1; i < 32; i++) {
		uint64_t want = i == 16 ? SBI_BASE_GET_SPEC_VERSION : i == 17 ? SBI_EXT_BASE : PATTERN(i);

		if (i == 2 || i == 10 || i == 11)
			continue;
		if (r[i] != want) {
			kit_puts("# x");
			kit_dec(i);
			kit_puts(" changed: ");
			kit_hex(want);
			kit_puts(" -> ");
			kit_hex(r[i]);
			kit_putc('\n');
			kit_eq("(calling convention)", what, SBI_SECTION_REGS, (int64_t)r[i],
			       (int64_t)want, 0);
			return;
		}
	}
	kit_pass("(calling convention)", what, SBI_SECTION_REGS);
	kit_eq("(calling convention)", "sp preserved across a call", SBI_SECTION_REGS,
	       (int64_t)r[32], (int64_t)r[0], 0);
}

void kit_main(uint64_t hartid)
{
	unsigned failed;

	kit_hartid = hartid;
	kit_console_init();
	kit_puts("TAP version 13\n# hcall conformance kit: riscv64 SBI, console ");
	kit_puts(kit_console_name);
	kit_puts(", hart ");
	kit_dec((int64_t)hartid);
	kit_putc('\n');

	check_spec_version();
	probe_all();
	kit_run_calls(spec_sbi_calls, KIT_ARRAY_SIZE(spec_sbi_calls), sbi_present, &sbi_names);
	/* sbi_send_ipi to itself left a supervisor software interrupt
	 * pending (never taken: interrupts are off). */
	__asm__ __volatile__("csrc sip, %0" : : "r"(2ul));
	check_secondary();
	check_preserved();

	failed = kit_finish();
	kit_end(failed);
}
