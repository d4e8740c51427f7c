/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/check_riscv.c - riscv conventions under the hcall
 * hypervisor, seen from a VS-mode guest through the real ecall.
 *
 * Register roles are written here from the specifications, not from the
 * headers: riscv x10..x17 are a0..a7.
 *   SBI (SBI spec, "Binary Encoding"): a7 = EID, a6 = FID, a0..a5 args;
 *     a0 = error, a1 = value; every other register preserved.
 *   hvisor (shared/seeds/hvisor-hypercall.md): a7 = 0x114514, a0 = code,
 *     a1 = arg0, a2 = arg1; a0 = error, a1 = value.
 * The probe service (hcall/abi/probe.h) records the frame the hypervisor
 * saw (ECHO) and hands it back (DUMP).
 * Also: an ecall from VU reaches this kernel (scause 8), not the
 * hypervisor; an access outside the VM's memory is a fault, not a read.
 * The user suite (tests/user) runs the same file under qemu-riscv64 through
 * the simulated transport (there rv_trap_all hands the frame to the core);
 * the last two need GUEST_CAP_PRIVILEGE and GUEST_CAP_MEMORY_MAP.
 */
#include <hcall/abi/probe.h>
#include <hcall/hvisor.h>
#include <hcall/sbi.h>

#include "../guest.h"
#include "../tap.h"
#include "rv_guest.h"

#define X_A0 10
#define X_A1 11
#define X_A2 12
#define X_A6 16
#define X_A7 17
#define SPEC_HVISOR_EID 0x114514u
#define SPEC_PROBE_SBI_EID 0x0A484300u /* probe.h's documented numbers */
#define SPEC_PROBE_HVISOR_ECHO 0x48430000u
#define SPEC_PROBE_HVISOR_DUMP 0x48430001u
#define SPEC_ECALL_FROM_U 8
#define SPEC_LOAD_ACCESS_FAULT 5
#define SPEC_STORE_ACCESS_FAULT 7
#define E_NOSYS (-38)
#define E_FAULT (-14)
#define E_NODEV (-19)
#define SPEC_HVISOR_FAILED (-1) /* hvisor v0.4 sbi.rs: SBI_ERR_FAILED, errno in a1 */

static struct hcall_regs frame __attribute__((aligned(16)));
static struct hcall_hvisor_ivc_info ivc __attribute__((aligned(16)));

static int sbi_dump(void)
{
	struct hcall_sbi_ret r = hcall_sbi_call1(SPEC_PROBE_SBI_EID, 1,
						 (uint64_t)(uintptr_t)&frame);
	return tap_eq("sbi probe DUMP: error 0", r.error, 0);
}

static int hvisor_dump(void)
{
	struct hcall_hvisor_ret r = hcall_hvisor_call(SPEC_PROBE_HVISOR_DUMP,
						      (uint64_t)(uintptr_t)&frame, 0);
	return tap_eq("hvisor probe DUMP: error 0", r.error, 0);
}

static void sbi_roles(void)
{
	static const uint64_t a[6] = { 0xa0a0000000000001ull, 0xa1a1000000000002ull,
				       0xa2a2000000000003ull, 0xa3a3000000000004ull,
				       0xa4a4000000000005ull, 0xa5a5000000000006ull };
	struct hcall_sbi_ret r = hcall_sbi_call6(SPEC_PROBE_SBI_EID, 0, a[0], a[1],
						 a[2], a[3], a[4], a[5]);
	unsigned i;

	tap_eq("sbi error read from a0 (x10)", r.error, 0);
	tap_eq("sbi value read from a1 (x11)", r.value, HCALL_PROBE_PATTERN(1));
	if (!sbi_dump())
		return;
	tap_eq("sbi EID in a7 (x17)", frame.r[X_A7], SPEC_PROBE_SBI_EID);
	tap_eq("sbi FID in a6 (x16)", frame.r[X_A6], 0);
	static const char *const names[6] = {
		"sbi arg0 in a0 (x10)", "sbi arg1 in a1 (x11)", "sbi arg2 in a2 (x12)",
		"sbi arg3 in a3 (x13)", "sbi arg4 in a4 (x14)", "sbi arg5 in a5 (x15)",
	};
	for (i = 0; i < 6; i++)
		tap_eq(names[i], frame.r[X_A0 + i], a[i]);
}

static void hvisor_roles(void)
{
	const uint64_t a0 = 0x1111222233334444ull, a1 = 0x5555666677778888ull;
	struct hcall_hvisor_ret r = hcall_hvisor_call(SPEC_PROBE_HVISOR_ECHO, a0, a1);

	tap_eq("hvisor error read from a0 (x10)", r.error, 0);
	tap_eq("hvisor value read from a1 (x11)", r.value, HCALL_PROBE_PATTERN(1));
	if (!hvisor_dump())
		return;
	tap_eq("hvisor EID 0x114514 in a7 (x17)", frame.r[X_A7], SPEC_HVISOR_EID);
	tap_eq("hvisor code in a0 (x10)", frame.r[X_A0], SPEC_PROBE_HVISOR_ECHO);
	tap_eq("hvisor arg0 in a1 (x11)", frame.r[X_A1], a0);
	tap_eq("hvisor arg1 in a2 (x12)", frame.r[X_A2], a1);
}

/* Every register but a0/a1 preserved; the hypervisor saw x1..x31. */
static void all_registers(const char *abi, uint64_t eid, uint64_t nr_reg,
			  uint64_t nr)
{
	uint64_t in[32], out[32];
	unsigned i, bad = 0, badframe = 0;

	for (i = 0; i < 32; i++)
		in[i] = 0x5a5a000000000000ull | (i << 8) | i;
	in[0] = 0;
	in[X_A7] = eid;
	in[nr_reg] = nr;
	rv_trap_all(in, out);
	tap_puts("# ");
	tap_puts(abi);
	tap_putc('\n');
	tap_eq("raw ECHO: a0 = 0 (success)", out[X_A0], 0);
	tap_eq("raw ECHO: a1 = pattern 1", out[X_A1], HCALL_PROBE_PATTERN(1));
	for (i = 1; i < 32; i++)
		if (i != X_A0 && i != X_A1 && out[i] != in[i]) {
			tap_note_hex("changed register x", i);
			bad++;
		}
	tap_check(!bad, "ecall preserves x1..x31 except a0, a1");
	if (eid == SPEC_HVISOR_EID ? !hvisor_dump() : !sbi_dump())
		return;
	for (i = 1; i < 32; i++)
		if (frame.r[i] != in[i]) {
			tap_note_hex("frame differs at x", i);
			badframe++;
		}
	tap_check(!badframe, "hypervisor saw all of x1..x31 as loaded");
}

static void hvisor_calls(void)
{
	struct hcall_hvisor_ret r;
	struct hcall_result t;

	t = hcall_hvisor_ivc_info((uint64_t)(uintptr_t)&ivc);
	tap_eq("hvisor ivc_info without ivc configs: -ENODEV", (uint64_t)t.code, (uint64_t)E_NODEV);
	r = hcall_hvisor_call(0x7777, 1, 2);
	tap_check(r.error == (uint64_t)SPEC_HVISOR_FAILED && r.value == (uint64_t)E_NOSYS,
		  "hvisor unknown code: a0 = -1, a1 = -ENOSYS");
	t = hcall_hvisor_config_check(0x80000000); /* the hypervisor's RAM */
	tap_eq("hvisor config_check outside the VM: -EFAULT", (uint64_t)t.code, (uint64_t)E_FAULT);
	t = hcall_hvisor_config_check(0xfffffffffffffffcull);
	tap_eq("hvisor config_check overflowing address: -EFAULT", (uint64_t)t.code,
	       (uint64_t)E_FAULT);
	r = hcall_hvisor_call(SPEC_PROBE_HVISOR_ECHO, 1, 2);
	tap_eq("hvisor still answers after bad input", r.value, HCALL_PROBE_PATTERN(1));
}

/* Runs in VU-mode: an hvisor ECHO that must never reach the hypervisor. */
static uint64_t user_ecall(uint64_t code)
{
	register uint64_t a0 __asm__("a0") = code;
	register uint64_t a7 __asm__("a7") = SPEC_HVISOR_EID;

	__asm__ __volatile__("ecall" : "+r"(a0) : "r"(a7) : "memory", "a1");
	return a0;
}

static void user_mode(void)
{
	uint64_t got;
	enum guest_fault f;

	/* Mark the probe frame, so a VU ecall reaching the hypervisor shows. */
	(void)hcall_hvisor_call(SPEC_PROBE_HVISOR_ECHO, 0x600d, 0);
	guest_expect_fault();
	got = guest_call_user(user_ecall, SPEC_PROBE_HVISOR_ECHO);
	f = guest_fault_taken();
	tap_check(f == GUEST_FAULT_OTHER, "VU ecall traps into the guest kernel");
	tap_eq("VU ecall: guest sees scause 8 (ecall from U)", guest_fault_cause(),
	       SPEC_ECALL_FROM_U);
	tap_eq("VU ecall: a0 untouched by any hypervisor", got, SPEC_PROBE_HVISOR_ECHO);
	if (hvisor_dump())
		tap_eq("VU ecall: the hypervisor's probe frame is unchanged",
		       frame.r[X_A1], 0x600d);
}

static void isolation(void)
{
	volatile uint64_t *hv = (volatile uint64_t *)(uintptr_t)0x80000000ull;
	volatile uint64_t *other = (volatile uint64_t *)(uintptr_t)0x80c00000ull;
	uint64_t v = 0;

	guest_expect_fault();
	v = *hv;
	guest_fault_taken();
	tap_eq("load from the hypervisor's RAM: load access fault",
	       guest_fault_cause(), SPEC_LOAD_ACCESS_FAULT);
	guest_expect_fault();
	*other = 0xdead;
	guest_fault_taken();
	tap_eq("store to RAM no VM owns: store access fault",
	       guest_fault_cause(), SPEC_STORE_ACCESS_FAULT);
	(void)v;
}

static void check_riscv(void)
{
	sbi_roles();
	hvisor_roles();
	all_registers("sbi probe ECHO, every register", SPEC_PROBE_SBI_EID, X_A6, 0);
	all_registers("hvisor probe ECHO, every register", SPEC_HVISOR_EID, X_A0,
		      SPEC_PROBE_HVISOR_ECHO);
	hvisor_calls();
	if (guest_need(GUEST_CAP_PRIVILEGE, "VU ecall traps into the guest kernel"))
		user_mode();
	if (guest_need(GUEST_CAP_MEMORY_MAP, "accesses outside the VM fault in the guest"))
		isolation();
}
GUEST_CHECK("sbi+hvisor/riscv", check_riscv);
