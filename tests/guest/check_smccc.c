/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_smccc.c - Arm SMCCC through the real HVC/SMC.
 *
 * Expected values from Arm DEN0028 (SMCCC), written here independently of
 * the headers: function ID in w0, arguments x1..x7 (1.2: x1..x17), results
 * x0..x3, x4..x17 preserved (1.1), and x18..x30 preserved; SMCCC_VERSION
 * = 0x80000000, ARCH_FEATURES = 0x80000001; NOT_SUPPORTED = -1,
 * INVALID_PARAMETER = -3.
 *
 * With GUEST_PEER the suite runs against QEMU's own PSCI firmware, which
 * implements no SMCCC arch calls: SMCCC_VERSION and unknown IDs answer
 * NOT_SUPPORTED.
 */
#include <hcall/abi/probe.h>
#include <hcall/smccc.h>

#include "guest.h"
#include "tap.h"
#include "arm64/allregs.h"

#define SPEC_SMCCC_VERSION 0x80000000u
#define SPEC_ARCH_FEATURES 0x80000001u
#define SPEC_NOT_SUPPORTED 0xffffffffffffffffull /* -1 */
#define SPEC_INVALID_PARAMETER ((uint64_t)-3)
#define SPEC_UNKNOWN_FID 0x8200ff77u /* SiP fast call nobody implements */
#define SPEC_KVM_HYP_MEMINFO 0xC6000002u /* x1..x3 reserved, must be 0 */
#define SPEC_TRNG_VERSION 0x84000050u   /* DEN0098 */

static void peer_or_hv_basics(void)
{
	struct hcall_smccc_ret raw = hcall_smccc_call0(SPEC_SMCCC_VERSION);
	struct hcall_result r;

#ifdef GUEST_PEER
	tap_eq("SMCCC_VERSION: NOT_SUPPORTED on QEMU's PSCI", raw.x0 | 0xffffffff00000000ull,
	       SPEC_NOT_SUPPORTED);
	r = hcall_smccc_version();
	guest_demo("smccc", "VERSION (QEMU firmware)", r);
	tap_check(r.status == HCALL_E_NOT_SUPPORTED, "hcall_smccc_version maps -1 to E_NOT_SUPPORTED");
	raw = hcall_smccc_call0(SPEC_UNKNOWN_FID);
	tap_eq("unknown function ID: NOT_SUPPORTED", raw.x0 | 0xffffffff00000000ull,
	       SPEC_NOT_SUPPORTED);
#else
	tap_check(raw.x0 == 0x10001 || raw.x0 == 0x10002, "SMCCC_VERSION is 1.1 or 1.2");
	r = hcall_smccc_version();
	tap_check(hcall_ok(r) && r.value == raw.x0, "hcall_smccc_version agrees with the raw call");
	guest_demo("smccc", "VERSION", r);
	r = hcall_smccc_arch_features(SPEC_SMCCC_VERSION);
	tap_check(hcall_ok(r), "ARCH_FEATURES(SMCCC_VERSION) >= 0");
	r = hcall_smccc_arch_features(SPEC_UNKNOWN_FID);
	tap_eq("ARCH_FEATURES(unknown) = NOT_SUPPORTED", (uint64_t)r.code, SPEC_NOT_SUPPORTED);
	r = hcall_smccc_arch_soc_id(0);
	tap_check(hcall_ok(r) || r.status == HCALL_E_NOT_SUPPORTED,
		  "ARCH_SOC_ID answers a documented result");
	raw = hcall_smccc_call0(SPEC_UNKNOWN_FID);
	tap_eq("unknown function ID: NOT_SUPPORTED", raw.x0 | 0xffffffff00000000ull,
	       SPEC_NOT_SUPPORTED);
	/* The workaround calls have no result; they must simply return. */
	hcall_smccc_arch_workaround_1();
	hcall_smccc_arch_workaround_2(1);
	hcall_smccc_arch_workaround_3();
	tap_check(1, "ARCH_WORKAROUND_1/2/3 return");
#endif
}

#ifndef GUEST_PEER
static struct hcall_regs frame __attribute__((aligned(16)));

static int dump(void)
{
	struct hcall_smccc_ret d = hcall_smccc_call1(HCALL_PROBE_SMCCC_DUMP,
						     (uint64_t)(uintptr_t)&frame);
	return tap_eq("SMCCC probe DUMP returns 0", d.x0, 0);
}

static void roles(enum hcall_smccc_conduit conduit)
{
	const uint64_t a[8] = { 0, 0xa1a1a1a1a1a1a1a1ull, 0xa2a2a2a2a2a2a2a2ull,
				0xa3a3a3a3a3a3a3a3ull, 0xa4a4a4a4a4a4a4a4ull,
				0xa5a5a5a5a5a5a5a5ull, 0xa6a6a6a6a6a6a6a6ull,
				0xa7a7a7a7a7a7a7a7ull };
	struct hcall_smccc_ret r = hcall_smccc_conduit_call7(conduit, HCALL_PROBE_SMCCC_ECHO,
							     a[1], a[2], a[3], a[4], a[5],
							     a[6], a[7]);
	static const char *const arg_names[8] = { "", "SMCCC arg1 in x1", "SMCCC arg2 in x2",
		"SMCCC arg3 in x3", "SMCCC arg4 in x4", "SMCCC arg5 in x5",
		"SMCCC arg6 in x6", "SMCCC arg7 in x7" };

	tap_puts(conduit == HCALL_SMCCC_SMC ? "# conduit SMC\n" : "# conduit HVC\n");
	tap_eq("SMCCC result 0 read from x0", r.x0, HCALL_PROBE_PATTERN(0));
	tap_eq("SMCCC result 1 read from x1", r.x1, HCALL_PROBE_PATTERN(1));
	tap_eq("SMCCC result 2 read from x2", r.x2, HCALL_PROBE_PATTERN(2));
	tap_eq("SMCCC result 3 read from x3", r.x3, HCALL_PROBE_PATTERN(3));
	if (!dump())
		return;
	tap_eq("SMCCC function ID in w0", frame.r[0] & 0xffffffffu, HCALL_PROBE_SMCCC_ECHO);
	for (unsigned i = 1; i < 8; i++)
		tap_eq(arg_names[i], frame.r[i], a[i]);
}

static void preserved(const char *what, void (*trap)(const uint64_t *, uint64_t *),
		      unsigned salt)
{
	uint64_t in[31], out[31];
	unsigned i, bad = 0;

	arm64_fill(in, salt);
	in[0] = HCALL_PROBE_SMCCC_ECHO;
	trap(in, out);
	for (i = 0; i < 4; i++)
		if (out[i] != HCALL_PROBE_PATTERN(i))
			bad++;
	tap_check(!bad, what[0] == 'h' ? "hvc: x0..x3 carry the results" :
					 "smc: x0..x3 carry the results");
	bad = 0;
	for (i = 4; i < 31; i++)
		if (out[i] != in[i]) {
			tap_note_hex("changed register x", i);
			bad++;
		}
	tap_check(!bad, what);
}

static void smccc12(void)
{
	struct hcall_smccc12_regs io;
	unsigned i, bad = 0;

	for (i = 0; i < 18; i++)
		io.x[i] = arm64_unique(i, 7);
	io.x[0] = HCALL_PROBE_SMCCC_ECHO;
	hcall_smccc12_call(&io, &io);
	tap_eq("SMCCC 1.2 call: x0 = pattern 0", io.x[0], HCALL_PROBE_PATTERN(0));
	if (!dump())
		return;
	for (i = 1; i < 18; i++)
		if (frame.r[i] != arm64_unique(i, 7))
			bad++;
	tap_check(!bad, "SMCCC 1.2 arguments x1..x17 arrive in x1..x17");
}

static void negative(void)
{
	volatile uint64_t nonzero = 1;
	struct hcall_smccc_ret r;

	r = hcall_smccc_call1(SPEC_KVM_HYP_MEMINFO, nonzero);
	tap_eq("non-zero reserved argument: INVALID_PARAMETER", r.x0, SPEC_INVALID_PARAMETER);
	r = hcall_smccc_call0(HCALL_PROBE_SMCCC_ECHO);
	tap_eq("SMCCC still answers after bad input", r.x0, HCALL_PROBE_PATTERN(0));
}
#endif

/*
 * TRNG (DEN0098): QEMU's firmware has none; hcall's hypervisor offers it
 * exactly when the CPU has FEAT_RNG (ID_AA64ISAR0_EL1.RNDR, bits 63:60,
 * non-zero: `-cpu max`, not cortex-a57), and never a deterministic
 * substitute. The user-mode trap emulator offers no entropy source.
 */
#define SPEC_TRNG_FEATURES 0x84000051u
#define SPEC_TRNG_GET_UUID 0x84000052u
#define SPEC_TRNG_RND32 0x84000053u
#define SPEC_TRNG_RND64 0xC4000053u
#define SPEC_TRNG_1_0 0x10000u
#define SPEC_TRNG_INVALID_PARAMETERS ((uint64_t)-2)

static void trng(void)
{
	struct hcall_smccc_ret v = hcall_smccc_call0(SPEC_TRNG_VERSION), a, b;
	uint64_t isar0;
	int rng;

	__asm__ __volatile__("mrs %0, id_aa64isar0_el1" : "=r"(isar0));
	rng = ((isar0 >> 60) & 0xF) != 0;
#if defined(GUEST_PEER) || defined(USER_PLAN_ARM64_SERVICE)
	rng = 0;
#endif
	if (!rng) {
		tap_eq("TRNG_VERSION: NOT_SUPPORTED (no entropy source here)",
		       v.x0 | 0xffffffff00000000ull, SPEC_NOT_SUPPORTED);
#ifndef GUEST_PEER
		tap_eq("ARCH_FEATURES(TRNG_RND64) = NOT_SUPPORTED",
		       hcall_smccc_call1(SPEC_ARCH_FEATURES, SPEC_TRNG_RND64).x0 |
			       0xffffffff00000000ull,
		       SPEC_NOT_SUPPORTED);
#endif
		return;
	}
	tap_eq("TRNG_VERSION = 1.0 (FEAT_RNG present)", (uint32_t)v.x0, SPEC_TRNG_1_0);
	tap_eq("ARCH_FEATURES(TRNG_RND64) = 0",
	       (uint32_t)hcall_smccc_call1(SPEC_ARCH_FEATURES, SPEC_TRNG_RND64).x0, 0);
	tap_eq("TRNG_FEATURES(RND64) = 0",
	       (uint32_t)hcall_smccc_call1(SPEC_TRNG_FEATURES, SPEC_TRNG_RND64).x0, 0);
	tap_check((uint32_t)hcall_smccc_call0(SPEC_TRNG_GET_UUID).x0 != 0xFFFFFFFFu,
		  "TRNG_GET_UUID answers a UUID");
	a = hcall_smccc_call1(SPEC_TRNG_RND64, 192);
	b = hcall_smccc_call1(SPEC_TRNG_RND64, 192);
	tap_check((uint32_t)a.x0 == 0 && (uint32_t)b.x0 == 0 &&
			  (a.x1 != b.x1 || a.x2 != b.x2 || a.x3 != b.x3),
		  "TRNG_RND64(192) twice: SUCCESS, two different 192-bit values");
	a = hcall_smccc_call1(SPEC_TRNG_RND64, 8);
	tap_check((uint32_t)a.x0 == 0 && a.x1 == 0 && a.x2 == 0 && a.x3 < 256,
		  "TRNG_RND64(8): only the low 8 bits of x3 may be set");
	a = hcall_smccc_call1(SPEC_TRNG_RND32, 40);
	tap_check((uint32_t)a.x0 == 0 && a.x1 == 0 && a.x2 < 256 && a.x3 <= 0xFFFFFFFFu,
		  "TRNG_RND32(40): 40 bits in w2 (7:0) and w3");
	tap_eq("TRNG_RND64(0): INVALID_PARAMETERS",
	       hcall_smccc_call1(SPEC_TRNG_RND64, 0).x0 | 0xffffffff00000000ull,
	       SPEC_TRNG_INVALID_PARAMETERS);
	tap_eq("TRNG_RND32(97): INVALID_PARAMETERS",
	       hcall_smccc_call1(SPEC_TRNG_RND32, 97).x0 | 0xffffffff00000000ull,
	       SPEC_TRNG_INVALID_PARAMETERS);
}

static void check_smccc(void)
{
	peer_or_hv_basics();
	trng();
#ifndef GUEST_PEER
	roles(HCALL_SMCCC_HVC);
	roles(HCALL_SMCCC_SMC);
	preserved("hvc #0 preserves x4..x30", arm64_trap_hvc0, 2);
	preserved("smc #0 (trapped) preserves x4..x30", arm64_trap_smc0, 3);
	smccc12();
	negative();
#endif
}
GUEST_CHECK("smccc", check_smccc);
