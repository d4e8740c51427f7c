/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/check_hvisor.c - hvisor hypercalls through the real trap.
 *
 * The expected register roles come from hvisor's documentation
 * (shared/seeds/hvisor-hypercall.md), written here independently of
 * <hcall/abi/hvisor.h>: arm64 `hvc #0x4856`, code in x0, arguments in x1
 * and x2, result in x0, every other register preserved.
 * The calls that manage other zones are in arm64/check_zones.c.
 *
 * Built with GUEST_PEER, the image runs on real firmware without hvisor:
 * on arm64 QEMU's PSCI firmware answers every HVC whose x0 is not a PSCI
 * function with -1 (PSCI NOT_SUPPORTED), and hcall_hvisor_config_check()
 * must read that as "no hvisor" (HCALL_E_NOT_SUPPORTED), not as hvisor's
 * -EPERM; on riscv OpenSBI does not list EID 0x114514 (SBI base probe 0)
 * and answers a call to it with a0 = -2 (SBI_ERR_NOT_SUPPORTED).
 */
#include <hcall/abi/probe.h>
#include <hcall/hvisor.h>

#include "guest.h"
#include "tap.h"

#if defined(GUEST_PEER)
#define SENTINEL 0x5eed5eed5eed5eedull

static uint64_t magic;

static void check_hvisor_absent(void)
{
	struct hcall_hvisor_ret raw;

	magic = SENTINEL;
#if defined(__riscv)
	tap_eq("no hvisor: SBI probe of EID 0x114514 is 0", (uint64_t)hcall_hvisor_probe(), 0);
	raw = hcall_hvisor_call(6, (uint64_t)(uintptr_t)&magic, 0);
	tap_eq("no hvisor: ecall a7 = 0x114514 gives a0 = -2", raw.error, (uint64_t)-2);
#else
	struct hcall_result r;

	raw = hcall_hvisor_call(6, (uint64_t)(uintptr_t)&magic, 0);
	tap_eq("no hvisor: hvc #0x4856 gives x0 = -1", raw.value, (uint64_t)-1);
	r = hcall_hvisor_config_check((uint64_t)(uintptr_t)&magic);
	tap_eq("no hvisor: config_check reads HCALL_E_NOT_SUPPORTED", r.status,
	       HCALL_E_NOT_SUPPORTED);
	tap_eq("no hvisor: config_check keeps the raw -1", (uint64_t)r.code, (uint64_t)-1);
	r = hcall_hvisor_zone_shutdown(1);
	tap_eq("no hvisor: another call's -1 is hvisor's -EPERM (E_DENIED)", r.status,
	       HCALL_E_DENIED);
#endif
	tap_eq("no hvisor: nothing was written", magic, SENTINEL);
}
GUEST_CHECK("hvisor-absent", check_hvisor_absent);

#elif defined(__aarch64__)
#include "arm64/allregs.h"

/* From the seed, not from the header. */
#define SPEC_CODE_REG 0
#define SPEC_ARG0_REG 1
#define SPEC_ARG1_REG 2
#define SPEC_RET_REG 0

#define E_NOSYS (-38)
#define E_FAULT (-14)
#define E_NODEV (-19)
#define SPEC_MAGIC 0x5u

static struct hcall_regs frame __attribute__((aligned(16)));
static struct hcall_hvisor_ivc_info ivc __attribute__((aligned(16)));
static uint8_t page[4096] __attribute__((aligned(4096)));

static int dump(void)
{
	struct hcall_hvisor_ret r = hcall_hvisor_call(HCALL_PROBE_HVISOR_DUMP,
						      (uint64_t)(uintptr_t)&frame, 0);
	return tap_eq("hvisor probe DUMP returns 0", r.value, 0);
}

static void roles(void)
{
	const uint64_t a0 = 0x1111222233334444ull, a1 = 0x5555666677778888ull;
	struct hcall_hvisor_ret r = hcall_hvisor_call(HCALL_PROBE_HVISOR_ECHO, a0, a1);

	tap_eq("hvisor result read from x0", r.value, HCALL_PROBE_PATTERN(0));
	if (!dump())
		return;
	tap_eq("hvisor code in x0", frame.r[SPEC_CODE_REG], HCALL_PROBE_HVISOR_ECHO);
	tap_eq("hvisor arg0 in x1", frame.r[SPEC_ARG0_REG], a0);
	tap_eq("hvisor arg1 in x2", frame.r[SPEC_ARG1_REG], a1);
}

static void preserved(void)
{
	uint64_t in[31], out[31];
	unsigned i, bad = 0, badframe = 0;

	arm64_fill(in, 1);
	in[SPEC_CODE_REG] = HCALL_PROBE_HVISOR_ECHO;
	arm64_trap_hvc_hvisor(in, out);
	tap_eq("hvisor raw ECHO: x0 = pattern 0", out[SPEC_RET_REG], HCALL_PROBE_PATTERN(0));
	for (i = 1; i < 31; i++)
		if (out[i] != in[i]) {
			tap_note_hex("changed register x", i);
			bad++;
		}
	tap_check(!bad, "hvisor preserves x1..x30");
	if (!dump())
		return;
	for (i = 0; i < 31; i++)
		if (frame.r[i] != in[i]) {
			tap_note_hex("frame differs at x", i);
			badframe++;
		}
	tap_check(!badframe, "hypervisor saw all of x0..x30 as loaded");
}

static void wrappers(void)
{
	struct hcall_result r;

	r = hcall_hvisor_ivc_info((uint64_t)(uintptr_t)&ivc);
	tap_eq("hvisor ivc_info of a zone without ivc configs: -ENODEV", (uint64_t)r.code,
	       (uint64_t)E_NODEV);
	ivc.len = 0;
	r = hcall_hvisor_config_check((uint64_t)(uintptr_t)&ivc.len);
	tap_check(hcall_ok(r) && ivc.len == SPEC_MAGIC, "hvisor config_check writes magic 0x5");
	r = hcall_hvisor_virtio_init((uint64_t)(uintptr_t)page);
	tap_check(hcall_ok(r), "hvisor virtio_init on an own page succeeds");
	r = hcall_hvisor_virtio_init((uint64_t)(uintptr_t)page);
	tap_eq("hvisor virtio_init twice: -EEXIST", (uint64_t)r.code, (uint64_t)-17);
	r = hcall_hvisor_virtio_inject_irq();
	tap_check(hcall_ok(r), "hvisor virtio_inject_irq succeeds");
}

static void negative(void)
{
	struct hcall_hvisor_ret r;
	struct hcall_result t;

	r = hcall_hvisor_call(0x7777, 1, 2);
	tap_eq("hvisor unknown code: -ENOSYS", r.value, (uint64_t)E_NOSYS);
	t = hcall_hvisor_config_check(0x100000); /* below RAM: not the VM's */
	tap_eq("hvisor config_check outside the VM: -EFAULT", (uint64_t)t.code, (uint64_t)E_FAULT);
	t = hcall_hvisor_config_check(0xfffffffffffffffcull); /* wraps around */
	tap_eq("hvisor config_check overflowing address: -EFAULT", (uint64_t)t.code,
	       (uint64_t)E_FAULT);
	t = hcall_hvisor_config_check((uint64_t)(uintptr_t)&ivc + 4);
	tap_check(hcall_ok(t), "hvisor config_check at an unaligned address (hvisor has no rule)");
	t = hcall_hvisor_zone_list((uint64_t)(uintptr_t)page, 0xffffffffffffffffull);
	tap_check(hcall_ok(t), "hvisor zone_list with a huge count is capped");
	r = hcall_hvisor_call(HCALL_PROBE_HVISOR_ECHO, 1, 2);
	tap_eq("hvisor still answers after bad input", r.value, HCALL_PROBE_PATTERN(0));
}

static void check_hvisor(void)
{
	roles();
	preserved();
	wrappers();
	negative();
}
GUEST_CHECK("hvisor", check_hvisor);
#endif
