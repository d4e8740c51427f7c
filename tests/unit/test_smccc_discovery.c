/* SPDX-License-Identifier: MIT */
/*
 * SMCCC discovery (DEN0028 section 7.2 / appendix: PSCI_VERSION, then
 * PSCI_FEATURES(SMCCC_VERSION), then SMCCC_VERSION, then ARCH_FEATURES)
 * against scripted firmwares that answer by function ID and change x4..x17
 * of the frame, as SMCCC 1.0 allows (that the compiled calls survive
 * such a callee is checked on the generated code, tests/codegen).
 * Numbers from DEN0022/DEN0028, written here.
 */
#include <criterion/criterion.h>
#include <hcall/psci.h>
#include <string.h>

#define PSCI_VERSION_ID 0x84000000u
#define PSCI_FEATURES_ID 0x8400000Au
#define SMCCC_VERSION_ID 0x80000000u
#define ARCH_FEATURES_ID 0x80000001u
#define NOT_SUPPORTED 0xFFFFFFFFu /* written in w0 only */

struct firmware {
	int64_t psci_version;  /* -1: not answered (NOT_SUPPORTED) */
	int features_smccc;    /* PSCI_FEATURES(SMCCC_VERSION) >= 0 */
	int64_t smccc_version; /* -1: NOT_SUPPORTED */
	uint32_t arch_fid;     /* the one function ARCH_FEATURES knows */
	enum hcall_trap conduit;
};

static struct firmware fw;
static unsigned ncalls;
static uint32_t seen[8];

void hcall_sim_trap(enum hcall_trap trap, uint32_t imm, struct hcall_regs *regs)
{
	uint32_t fid = (uint32_t)regs->r[0];
	uint64_t ans = NOT_SUPPORTED;

	(void)imm;
	if (ncalls < 8)
		seen[ncalls] = fid;
	ncalls++;
	if (trap == fw.conduit) {
		if (fid == PSCI_VERSION_ID && fw.psci_version >= 0)
			ans = (uint64_t)fw.psci_version;
		else if (fid == PSCI_FEATURES_ID && regs->r[1] == SMCCC_VERSION_ID)
			ans = fw.features_smccc ? 0 : NOT_SUPPORTED;
		else if (fid == SMCCC_VERSION_ID && fw.smccc_version >= 0)
			ans = (uint64_t)fw.smccc_version;
		else if (fid == ARCH_FEATURES_ID)
			ans = regs->r[1] == fw.arch_fid ? 0 : NOT_SUPPORTED;
	}
	regs->r[0] = ans;
	/* SMCCC 1.0 lets the callee change x4..x17. */
	for (int i = 4; i <= 17; i++)
		regs->r[i] = 0xBAD0000000000000ull | (unsigned)i;
}

static void reset(void)
{
	memset(&fw, 0, sizeof(fw));
	fw.conduit = HCALL_TRAP_HVC;
	fw.arch_fid = 0x80008000u;
	ncalls = 0;
	memset(seen, 0, sizeof(seen));
}

TestSuite(discovery, .init = reset);

/* QEMU's PSCI: 1.1, no SMCCC_VERSION: SMCCC 1.0 over HVC. */
Test(discovery, psci_1_1_without_smccc_version)
{
	struct hcall_smccc_discovery d;

	fw.psci_version = 0x10001;
	fw.features_smccc = 0;
	fw.smccc_version = -1;
	struct hcall_result r = hcall_smccc_discover(HCALL_SMCCC_HVC, &d);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0x10000);
	cr_assert_eq(d.smccc_version, 0x10000);
	cr_assert_eq(d.psci_version, 0x10001);
	cr_assert_eq(d.conduit, HCALL_SMCCC_HVC);
	cr_assert_eq(ncalls, 2, "PSCI_VERSION and PSCI_FEATURES only");
	cr_assert_eq(seen[0], PSCI_VERSION_ID);
	cr_assert_eq(seen[1], PSCI_FEATURES_ID);
	cr_assert(!hcall_smccc_discovered_has(&d, 0x80008000u), "no ARCH_FEATURES on 1.0");
	cr_assert_eq(ncalls, 2);
}

/* The full sequence on SMCCC 1.2 over SMC. */
Test(discovery, smccc_1_2)
{
	struct hcall_smccc_discovery d;

	fw.conduit = HCALL_TRAP_SMC;
	fw.psci_version = 0x10003;
	fw.features_smccc = 1;
	fw.smccc_version = 0x10002;
	struct hcall_result r = hcall_smccc_discover(HCALL_SMCCC_SMC, &d);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(d.smccc_version, 0x10002);
	cr_assert_eq(d.conduit, HCALL_SMCCC_SMC);
	cr_assert_eq(seen[2], SMCCC_VERSION_ID);
	cr_assert(hcall_smccc_discovered_has(&d, 0x80008000u));
	cr_assert_eq(seen[3], ARCH_FEATURES_ID);
	cr_assert(!hcall_smccc_discovered_has(&d, 0x80007FFFu));
}

/* PSCI 0.2 has no PSCI_FEATURES: SMCCC 1.0, one call. */
Test(discovery, psci_0_2)
{
	struct hcall_smccc_discovery d;

	fw.psci_version = 0x2;
	struct hcall_result r = hcall_smccc_discover(HCALL_SMCCC_HVC, &d);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(d.smccc_version, 0x10000);
	cr_assert_eq(ncalls, 1);
}

/* PSCI_FEATURES says yes but SMCCC_VERSION answers NOT_SUPPORTED: 1.0. */
Test(discovery, smccc_version_not_supported)
{
	struct hcall_smccc_discovery d;

	fw.psci_version = 0x10000;
	fw.features_smccc = 1;
	fw.smccc_version = -1;
	struct hcall_result r = hcall_smccc_discover(HCALL_SMCCC_HVC, &d);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(d.smccc_version, 0x10000);
}

/* Something that is not PSCI answers (KVM's hyp stub: 0x0BADCA11). */
Test(discovery, not_firmware)
{
	struct hcall_smccc_discovery d;

	fw.psci_version = 0x0BADCA11;
	struct hcall_result r = hcall_smccc_discover(HCALL_SMCCC_HVC, &d);
	cr_assert_eq(r.status, HCALL_E_UNKNOWN);
	cr_assert_eq(r.code, 0x0BADCA11);
	cr_assert_eq(d.conduit, HCALL_SMCCC_NONE);
	cr_assert_eq(d.smccc_version, 0);
	cr_assert(!hcall_smccc_discovered_has(&d, 0x80008000u));
}

/* An SMCCC_VERSION with a major no SMCCC has. */
Test(discovery, bogus_smccc_version)
{
	struct hcall_smccc_discovery d;

	fw.psci_version = 0x10001;
	fw.features_smccc = 1;
	fw.smccc_version = 0x70000;
	struct hcall_result r = hcall_smccc_discover(HCALL_SMCCC_HVC, &d);
	cr_assert_eq(r.status, HCALL_E_UNKNOWN);
	cr_assert_eq(d.smccc_version, 0x10000, "stays at the safe 1.0");
}

/* Nothing behind the conduit named (the firmware listens on SMC). */
Test(discovery, wrong_conduit)
{
	struct hcall_smccc_discovery d;

	fw.conduit = HCALL_TRAP_SMC;
	fw.psci_version = 0x10001;
	struct hcall_result r = hcall_smccc_discover(HCALL_SMCCC_HVC, &d);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(d.conduit, HCALL_SMCCC_NONE);
	r = hcall_smccc_discover(HCALL_SMCCC_NONE, &d);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(d.conduit, HCALL_SMCCC_NONE);
}
