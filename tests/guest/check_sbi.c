/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_sbi.c - the RISC-V SBI through the real ecall.
 *
 * Expected values come from the SBI specification (v1.0/v2.0), written
 * here independently of <hcall/abi/sbi.h>:
 *   a7 = EID, a6 = FID, a0..a5 arguments; a0 = error, a1 = value.
 *   Base extension EID 0x10: FID 0 spec version (bit 31 zero, major in
 *   30:24, minor in 23:0), 1 impl id, 2 impl version, 3 probe (0 =
 *   absent), 4..6 mvendorid/marchid/mimpid. SRST EID 0x53525354, FID 0:
 *   reset_type 3..0xEFFFFFFF reserved -> SBI_ERR_INVALID_PARAM (-3).
 *   An unknown EID or FID -> SBI_ERR_NOT_SUPPORTED (-2).
 * Built with GUEST_PEER, the same checks run as a plain S-mode kernel on
 * OpenSBI v1.1 (QEMU's default firmware), with its documented answers:
 * spec 1.0 (0x01000000), implementation id 1 (OpenSBI), HSM and SRST
 * present. The register roles are checked through the probe service,
 * which only the hcall hypervisor has (riscv/check_riscv.c).
 */
#include <hcall/sbi.h>

#include "guest.h"
#include "tap.h"

#if defined(__riscv)

/* From the specification, not from the header. */
#define SPEC_EID_BASE 0x10u
#define SPEC_EID_SRST 0x53525354u
#define SPEC_EID_HSM 0x48534du
#define SPEC_EID_LEGACY_PUTCHAR 0x01u
#define SPEC_EID_ABSENT 0x0bad5b1u /* no extension has this id */
#define SPEC_ERR_NOT_SUPPORTED (-2)
#define SPEC_ERR_INVALID_PARAM (-3)
#define SPEC_SRST_TYPE_RESERVED 3u

/* hcall's hypervisor core, as its documentation states (hv/svc_sbi.c):
 * SBI 2.0, implementation id "hcal", version 0.1, no machine ids; base,
 * SRST, HSM, IPI and (with the riscv glue) legacy console_putchar. */
#define HCALL_HV_SPEC_VERSION 0x02000000u
#define HCALL_HV_IMPL_ID 0x6863616Cu
#define HCALL_HV_IMPL_VERSION 0x00000001u

#define OPENSBI_SPEC_VERSION 0x01000000u /* OpenSBI v1.1 implements SBI 1.0 */
#define OPENSBI_IMPL_ID 1u
#define OPENSBI_IMPL_VERSION 0x10001u /* major << 16 | minor */

static void base(void)
{
	struct hcall_result r;

	r = hcall_sbi_base_get_spec_version();
	guest_demo("sbi", "base get_spec_version", r);
	tap_check(hcall_ok(r), "sbi get_spec_version succeeds");
	tap_check(!(r.value >> 31), "sbi spec version: bit 31 is zero");
	tap_check((r.value >> 24) >= 1 || (r.value & 0xffffff) >= 2,
		  "sbi spec version is at least 0.2 (has the base extension)");
#ifdef GUEST_PEER
	tap_eq("sbi spec version on OpenSBI v1.1", r.value, OPENSBI_SPEC_VERSION);
#else
	tap_eq("sbi spec version of the hcall hypervisor: 2.0", r.value, HCALL_HV_SPEC_VERSION);
#endif
	r = hcall_sbi_base_get_impl_id();
	guest_demo("sbi", "base get_impl_id", r);
	tap_check(hcall_ok(r), "sbi get_impl_id succeeds");
#ifdef GUEST_PEER
	tap_eq("sbi impl id is OpenSBI", r.value, OPENSBI_IMPL_ID);
#else
	tap_eq("sbi impl id of the hcall hypervisor: \"hcal\"", r.value, HCALL_HV_IMPL_ID);
#endif
	r = hcall_sbi_base_get_impl_version();
	guest_demo("sbi", "base get_impl_version", r);
	tap_check(hcall_ok(r), "sbi get_impl_version succeeds");
#ifdef GUEST_PEER
	tap_eq("sbi impl version is OpenSBI 1.1", r.value, OPENSBI_IMPL_VERSION);
#else
	tap_eq("sbi impl version of the hcall hypervisor: 0.1", r.value, HCALL_HV_IMPL_VERSION);
#endif
	r = hcall_sbi_base_get_mvendorid();
	tap_check(hcall_ok(r), "sbi get_mvendorid succeeds");
	r = hcall_sbi_base_get_marchid();
	tap_check(hcall_ok(r), "sbi get_marchid succeeds");
	r = hcall_sbi_base_get_mimpid();
	tap_check(hcall_ok(r), "sbi get_mimpid succeeds");
#ifndef GUEST_PEER
	tap_eq("sbi mimpid of a virtual hart: 0", r.value, 0);
#endif
}

static void probe(void)
{
	struct hcall_result r;

	r = hcall_sbi_base_probe_extension(SPEC_EID_BASE);
	tap_check(hcall_ok(r) && r.value != 0, "sbi probe: base extension present");
	r = hcall_sbi_base_probe_extension(SPEC_EID_SRST);
	tap_check(hcall_ok(r) && r.value != 0, "sbi probe: SRST present");
	r = hcall_sbi_base_probe_extension(SPEC_EID_ABSENT);
	tap_check(hcall_ok(r), "sbi probe of an absent extension succeeds");
	tap_eq("sbi probe of an absent extension answers 0", r.value, 0);
#ifdef GUEST_PEER
	r = hcall_sbi_base_probe_extension(SPEC_EID_HSM);
	tap_eq("sbi probe: HSM present on OpenSBI", r.value, 1);
	tap_eq("sbi probe: SRST answers 1 on OpenSBI",
	       hcall_sbi_base_probe_extension(SPEC_EID_SRST).value, 1);
#else
	r = hcall_sbi_base_probe_extension(SPEC_EID_HSM);
	tap_eq("sbi probe: HSM present under the hcall hypervisor", r.value, 1);
#endif
	tap_eq("hcall_sbi_probe(SRST) = 1", (uint64_t)hcall_sbi_probe(SPEC_EID_SRST), 1);
	tap_eq("hcall_sbi_probe(absent) = 0", (uint64_t)hcall_sbi_probe(SPEC_EID_ABSENT), 0);
	guest_demo_value("sbi", "probe(SRST)", (int64_t)hcall_sbi_probe(SPEC_EID_SRST));
}

static void negative(void)
{
	struct hcall_sbi_ret raw;
	struct hcall_result r;
	int present;

	raw = hcall_sbi_call0(SPEC_EID_ABSENT, 0);
	tap_eq("sbi unknown EID: error -2", (uint64_t)raw.error,
	       (uint64_t)(int64_t)SPEC_ERR_NOT_SUPPORTED);
	r = hcall_sbi_result(raw);
	guest_demo("sbi", "unknown EID", r);
	tap_check(r.status == HCALL_E_NOT_SUPPORTED,
		  "sbi unknown EID maps to E_NOT_SUPPORTED");
	raw = hcall_sbi_call0(SPEC_EID_BASE, 0x7fff);
	tap_eq("sbi unknown base FID: error -2", (uint64_t)raw.error,
	       (uint64_t)(int64_t)SPEC_ERR_NOT_SUPPORTED);
	r = hcall_sbi_srst_system_reset(SPEC_SRST_TYPE_RESERVED, 0);
	guest_demo("sbi", "srst system_reset(reserved type)", r);
	tap_eq("sbi SRST with a reserved type: -3 (invalid param)",
	       (uint64_t)r.code, (uint64_t)(int64_t)SPEC_ERR_INVALID_PARAM);
	tap_check(r.status == HCALL_E_INVALID_PARAM,
		  "sbi SRST reserved type maps to E_INVALID_PARAM");
	/* Legacy putchar: OpenSBI implements it; the hcall hypervisor does
	 * with the riscv glue's console (not through the user-mode trap
	 * emulator). Either way the call agrees with its probe: a0 = 0 when
	 * present, -2 when not. */
	present = hcall_sbi_probe(SPEC_EID_LEGACY_PUTCHAR);
	r = hcall_sbi_legacy_console_putchar('#');
	tap_puts(" <- written by sbi legacy console_putchar\n");
#ifdef GUEST_PEER
	tap_eq("sbi legacy console_putchar on OpenSBI: present", (uint64_t)present, 1);
#endif
	tap_eq(present ? "sbi legacy console_putchar (present): 0"
		       : "sbi legacy console_putchar (absent): -2 (not supported)",
	       (uint64_t)r.code, present ? 0 : (uint64_t)(int64_t)SPEC_ERR_NOT_SUPPORTED);
}

static void check_sbi(void)
{
	base();
	probe();
	negative();
}
GUEST_CHECK("sbi", check_sbi);
#endif
