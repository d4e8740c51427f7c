/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/arm64/main.c - the arm64 conformance run: PSCI (DEN0022)
 * and the SMC Calling Convention (DEN0028) as an EL1 guest sees them,
 * every expectation from tests/conform/spec/. Nothing is assumed beyond
 * the specifications and the console: optional functions are probed with
 * PSCI_FEATURES or SMCCC_ARCH_FEATURES first and skipped with the reason.
 */
#include "../spec/psci.h"
#include "../spec/smccc.h"
#include "arm64.h"
#include "conduit.h"

static const struct kit_names psci_names = { spec_psci_errors, KIT_ARRAY_SIZE(spec_psci_errors) };
static const struct kit_names smccc_names = { spec_smccc_errors,
					      KIT_ARRAY_SIZE(spec_smccc_errors) };

static uint32_t psci_version; /* as PSCI_VERSION returned it */
static uint32_t smccc_version; /* SMCCC_VER(1, 0) when SMCCC_VERSION is absent */

/* ---- PSCI ---------------------------------------------------------------- */

static void version_text(uint32_t v)
{
	kit_dec(v >> 16);
	kit_putc('.');
	kit_dec(v & 0xFFFF);
}

static void check_psci_version(void)
{
	struct kit_ret r = kit_smccc(PSCI_VERSION, 0, 0, 0);
	uint32_t major, minor;

	psci_version = (uint32_t)r.r0;
	major = psci_version >> 16;
	minor = psci_version & 0xFFFF;
	kit_puts("# PSCI_VERSION: ");
	kit_hex((uint64_t)r.r0);
	kit_puts(" (");
	version_text(psci_version);
	kit_puts(")\n");
	if ((r.r0 >> 31) == 0 && ((major == 0 && minor == 2) || major == 1))
		kit_pass("PSCI_VERSION", "a version DEN0022 defines: 0.2 or 1.x",
			 "DEN0022 5 PSCI_VERSION");
	else
		kit_fail("PSCI_VERSION", "a version DEN0022 defines: 0.2 or 1.x",
			 "DEN0022 5 PSCI_VERSION", "0x00000002 or 0x0001xxxx", r.r0, &psci_names);
}

/* The flags PSCI_FEATURES may return for an implemented function. */
static int flags_valid(const struct spec_psci_fn *f, int64_t v)
{
	if (f->flags == SPEC_FLAGS_CPU_SUSPEND)
		return (v & ~(int64_t)3) == 0;
	if (f->flags == SPEC_FLAGS_BITMASK)
		return v >= 0 && v <= 0x7FFFFFFF;
	return v == 0;
}

static void check_psci_features(void)
{
	unsigned i;

	for (i = 0; i < KIT_ARRAY_SIZE(spec_psci_fns); i++) {
		const struct spec_psci_fn *f = &spec_psci_fns[i];
		int mandatory = f->need == SPEC_MANDATORY;
		const char *what = mandatory ? "mandatory: PSCI_FEATURES reports it, with valid flags"
					     : "optional: PSCI_FEATURES reports it with valid flags, or NOT_SUPPORTED";
		int64_t v;

		if (psci_version < PSCI_VER(1, 0)) {
			kit_skip(f->name, what, f->section, "PSCI 0.2 has no PSCI_FEATURES");
			continue;
		}
		if (f->since > psci_version) {
			kit_skip(f->name, what, f->section, "defined by a later PSCI version");
			continue;
		}
		v = kit_smccc(PSCI_FEATURES, f->fid, 0, 0).r0;
		if (v == PSCI_NOT_SUPPORTED && !mandatory)
			kit_skip(f->name, what, f->section, "not implemented (PSCI_FEATURES = NOT_SUPPORTED)");
		else if (v >= 0 && flags_valid(f, v))
			kit_pass(f->name, what, f->section);
		else
			kit_fail(f->name, what, f->section,
				 f->flags == SPEC_FLAGS_CPU_SUSPEND ? "flags with bits 31:2 zero"
				 : f->flags == SPEC_FLAGS_BITMASK  ? "a bitmask with bit 31 clear"
								   : "0",
				 v, &psci_names);
	}
}

/* kit_run_calls' probe for PSCI rows. */
static const char *psci_present(const struct spec_call *row)
{
	uint32_t id = row->probe ? row->probe : row->id;

	if (psci_version < PSCI_VER(1, 0))
		return "PSCI 0.2: no PSCI_FEATURES to probe with";
	if (kit_smccc(PSCI_FEATURES, id, 0, 0).r0 < 0)
		return "not implemented (PSCI_FEATURES = NOT_SUPPORTED)";
	return 0;
}

/* ---- a second CPU: CPU_ON, context_id, CPU_OFF, AFFINITY_INFO ------------ */

#define SECONDARY_CONTEXT 0x5EC0AD0C0FFEE123ull
#define WAIT_ROUNDS 2000000u /* calls; ends as soon as the other CPU answers */

static volatile uint64_t secondary_seen;
static volatile int64_t secondary_off_ret = 1;

void kit_secondary(uint64_t context_id)
{
	secondary_seen = context_id;
	/* CPU_OFF does not return on success. */
	secondary_off_ret = kit_smccc(PSCI_CPU_OFF, 0, 0, 0).r0;
	for (;;)
		__asm__ __volatile__("wfi");
}

static void check_secondary(void)
{
	static const char sect_on[] = "DEN0022 5 CPU_ON";
	static const char sect_off[] = "DEN0022 5 CPU_OFF, AFFINITY_INFO";
	uint64_t self = kit_self_mpidr();
	uint64_t other = (self & ~0xFFull) | ((self & 0xFF) ? 0 : 1);
	int64_t st = kit_smccc(PSCI_AFFINITY_INFO_64, other, 0, 0).r0;
	unsigned i;

	if (st != PSCI_AFF_OFF) {
		const char *why = st == PSCI_INVALID_PARAMETERS
					  ? "no second CPU (AFFINITY_INFO = INVALID_PARAMETERS)"
					  : "the second CPU is not OFF";
		kit_skip("CPU_ON (SMC64)", "starts a second CPU at entry with context_id in X0",
			 sect_on, why);
		kit_skip("CPU_OFF", "the second CPU turns itself off; AFFINITY_INFO says OFF",
			 sect_off, why);
		return;
	}
	st = kit_smccc(PSCI_CPU_ON_64, other, (uint64_t)(uintptr_t)kit_secondary_entry,
		       SECONDARY_CONTEXT).r0;
	if (!kit_eq("CPU_ON (SMC64)", "a CPU that is OFF: SUCCESS", sect_on, st, PSCI_SUCCESS,
		    &psci_names))
		return;
	for (i = 0; i < WAIT_ROUNDS && secondary_seen != SECONDARY_CONTEXT; i++)
		(void)kit_smccc(PSCI_AFFINITY_INFO_64, other, 0, 0);
	kit_eq("CPU_ON (SMC64)", "the new CPU runs entry with context_id in X0", sect_on,
	       (int64_t)secondary_seen, (int64_t)SECONDARY_CONTEXT, 0);
	st = PSCI_AFF_ON;
	for (i = 0; i < WAIT_ROUNDS && st != PSCI_AFF_OFF; i++)
		st = kit_smccc(PSCI_AFFINITY_INFO_64, other, 0, 0).r0;
	if (secondary_off_ret != 1)
		kit_eq("CPU_OFF", "does not return on success", sect_off, secondary_off_ret, 1,
		       &psci_names);
	else
		kit_eq("CPU_OFF", "the second CPU turns itself off; AFFINITY_INFO says OFF", sect_off,
		       st, PSCI_AFF_OFF, &psci_names);
}

/* ---- SMCCC ----------------------------------------------------------------- */

static void check_smccc_discovery(void)
{
	static const char what[] = "PSCI_FEATURES(SMCCC_VERSION): SUCCESS, or NOT_SUPPORTED for SMCCC 1.0";
	static const char sect[] = "DEN0028 7 SMCCC_VERSION (discovery through PSCI_FEATURES)";
	int64_t v;

	smccc_version = SMCCC_VER(1, 0);
	if (psci_version < PSCI_VER(1, 0)) {
		kit_skip("SMCCC_VERSION", what, sect, "PSCI 0.2 has no PSCI_FEATURES: SMCCC 1.0");
		return;
	}
	v = kit_smccc(PSCI_FEATURES, SMCCC_VERSION, 0, 0).r0;
	if (v == PSCI_NOT_SUPPORTED) {
		kit_pass("SMCCC_VERSION", what, sect);
		kit_note("SMCCC 1.0: SMCCC_VERSION and SMCCC_ARCH_FEATURES are absent");
		return;
	}
	if (!kit_eq("SMCCC_VERSION", what, sect, v, 0, &psci_names))
		return;
	v = kit_smccc(SMCCC_VERSION, 0, 0, 0).r0;
	kit_puts("# SMCCC_VERSION: ");
	kit_hex((uint64_t)v);
	kit_puts(" (");
	version_text((uint32_t)v);
	kit_puts(")\n");
	if (v >= 0 && (v >> 16) == 1 && (v & 0xFFFF) >= 1) {
		kit_pass("SMCCC_VERSION", "1.1 or later when discoverable", "DEN0028 7 SMCCC_VERSION");
		smccc_version = (uint32_t)v;
	} else {
		kit_fail("SMCCC_VERSION", "1.1 or later when discoverable", "DEN0028 7 SMCCC_VERSION",
			 "0x0001xxxx with xxxx >= 1", v, &smccc_names);
	}
}

static const char *smccc_present(const struct spec_call *row)
{
	uint32_t id = row->probe ? row->probe : row->id;

	if (smccc_version < SMCCC_VER(1, 1))
		return "SMCCC 1.0: no SMCCC_ARCH_FEATURES to probe with";
	/* Both are mandatory from 1.1 on. */
	if (id == SMCCC_VERSION || id == SMCCC_ARCH_FEATURES)
		return 0;
	if ((int32_t)kit_smccc(SMCCC_ARCH_FEATURES, id, 0, 0).r0 < 0)
		return "not implemented (SMCCC_ARCH_FEATURES < 0)";
	return 0;
}

static void check_smccc_optional(void)
{
	static const char what[] = "SMCCC_ARCH_FEATURES result: >= 0, NOT_SUPPORTED or NOT_REQUIRED";
	unsigned i;

	for (i = 0; i < KIT_ARRAY_SIZE(spec_smccc_optional); i++) {
		int32_t v;

		if (smccc_version < SMCCC_VER(1, 1)) {
			kit_skip(spec_smccc_optional[i].fn, what, spec_smccc_optional[i].section,
				 "SMCCC 1.0: no SMCCC_ARCH_FEATURES");
			continue;
		}
		v = (int32_t)kit_smccc(SMCCC_ARCH_FEATURES, spec_smccc_optional[i].fid, 0, 0).r0;
		if (v == SMCCC_NOT_SUPPORTED || v == SMCCC_NOT_REQUIRED)
			kit_skip(spec_smccc_optional[i].fn, what, spec_smccc_optional[i].section,
				 v == SMCCC_NOT_SUPPORTED ? "not implemented (NOT_SUPPORTED)"
							  : "not required on this system (NOT_REQUIRED)");
		else if (v >= 0)
			kit_pass(spec_smccc_optional[i].fn, what, spec_smccc_optional[i].section);
		else
			kit_fail(spec_smccc_optional[i].fn, what, spec_smccc_optional[i].section,
				 ">= 0, -1 or -2", v, &smccc_names);
	}
}

#define PATTERN(n) (0xC0F0000000000000ull | ((uint64_t)(n) << 8) | (n))

/* Registers across a call: X18-X30 and SP always, X4-X17 from SMCCC 1.1
 * on. The call is SMCCC_VERSION when it exists, else PSCI_VERSION: both
 * return their result in X0 only. */
static void check_preserved(void)
{
	uint64_t r[33];
	unsigned i;
	int ok = 1;

	for (i = 0; i < 31; i++)
		r[i] = PATTERN(i);
	r[0] = smccc_version >= SMCCC_VER(1, 1) ? SMCCC_VERSION : PSCI_VERSION;
	kit_regcheck(r);
	for (i = SMCCC_PRESERVED_ALWAYS_FIRST; i <= 30 && ok; i++)
		if (r[i] != PATTERN(i)) {
			ok = 0;
			kit_puts("# X");
			kit_dec(i);
			kit_puts(" changed: ");
			kit_hex(PATTERN(i));
			kit_puts(" -> ");
			kit_hex(r[i]);
			kit_putc('\n');
			kit_eq("(calling convention)", "X18-X30 preserved across a call",
			       SMCCC_SECTION_REGS, (int64_t)r[i], (int64_t)PATTERN(i), 0);
		}
	if (ok)
		kit_pass("(calling convention)", "X18-X30 preserved across a call", SMCCC_SECTION_REGS);
	kit_eq("(calling convention)", "SP preserved across a call", SMCCC_SECTION_REGS,
	       (int64_t)r[32], (int64_t)r[31], 0);
	if (smccc_version < SMCCC_VER(1, 1)) {
		kit_skip("(calling convention)", "X4-X17 preserved across a call (SMCCC >= 1.1)",
			 SMCCC_SECTION_REGS, "SMCCC 1.0 leaves X4-X17 unpredictable");
		return;
	}
	for (i = SMCCC_PRESERVED_11_FIRST; i <= SMCCC_PRESERVED_11_LAST; i++)
		if (r[i] != PATTERN(i)) {
			kit_puts("# X");
			kit_dec(i);
			kit_puts(" changed: ");
			kit_hex(PATTERN(i));
			kit_puts(" -> ");
			kit_hex(r[i]);
			kit_putc('\n');
			kit_eq("(calling convention)", "X4-X17 preserved across a call (SMCCC >= 1.1)",
			       SMCCC_SECTION_REGS, (int64_t)r[i], (int64_t)PATTERN(i), 0);
			return;
		}
	kit_pass("(calling convention)", "X4-X17 preserved across a call (SMCCC >= 1.1)",
		 SMCCC_SECTION_REGS);
}

void kit_main(uint64_t entry_el)
{
	kit_puts("TAP version 13\n# hcall conformance kit: arm64 PSCI and SMCCC at EL1, conduit ");
	kit_puts(KIT_CONDUIT_NAME);
	kit_puts(", console ");
	kit_puts(kit_console_name);
	kit_puts(", entered at EL");
	kit_dec((int64_t)entry_el);
	kit_putc('\n');

	check_psci_version();
	check_psci_features();
	kit_run_calls(spec_psci_calls, KIT_ARRAY_SIZE(spec_psci_calls), psci_present, &psci_names);
	check_secondary();

	check_smccc_discovery();
	check_smccc_optional();
	kit_run_calls(spec_smccc_calls, KIT_ARRAY_SIZE(spec_smccc_calls), smccc_present,
		      &smccc_names);
	check_preserved();

	kit_finish();
	kit_end();
}
