/* SPDX-License-Identifier: MIT */
/*
 * hvisor through the simulated transport. Expected register numbers and
 * call codes are written here from the pinned hvisor v0.4 (d3260d0):
 * src/hypercall/mod.rs (HyperCallCode), src/error.rs (HvErrorNum),
 * src/arch/aarch64/trap.rs (handle_hvc: x0, x1, x2 -> x0),
 * src/arch/riscv64/sbi.rs (EID_HVISOR 0x114514; a0, a1, a2),
 * src/arch/x86_64/trap.rs (handle_hypercall: rax, rdi, rsi -> rax),
 * not taken from the headers' tables.
 */
#include <criterion/criterion.h>
#include <hcall/hvisor.h>

#include "sim.h"

#if HCALL_TARGET_ARM64
/* Seed: hvc #0x4856, x0 = code, x1 = arg0, x2 = arg1, x0 = result. */
#define SPEC_TRAP HCALL_TRAP_HVC
#define SPEC_IMM 0x4856u
#define SPEC_CODE 0
#define SPEC_ARG0 1
#define SPEC_ARG1 2
#define SPEC_RET 0
#elif HCALL_TARGET_X86_64
/* vmcall (0f 01 c1): rax = code, rdi (7) = arg0, rsi (6) = arg1, rax = result. */
#define SPEC_TRAP HCALL_TRAP_VMCALL
#define SPEC_IMM 0u
#define SPEC_CODE 0
#define SPEC_ARG0 7
#define SPEC_ARG1 6
#define SPEC_RET 0
#else
/* Seed: ecall, a7 (x17) = 0x114514, a0 (x10) = code, a1 (x11), a2 (x12);
 * a0 = error, a1 = value. */
#define SPEC_TRAP HCALL_TRAP_ECALL
#define SPEC_IMM 0u
#define SPEC_EID_REG 17
#define SPEC_CODE 10
#define SPEC_ARG0 11
#define SPEC_ARG1 12
#define SPEC_ERR 10
#define SPEC_RET 11
#endif

static void answer_ok(uint64_t value)
{
#if !HCALL_TARGET_RISCV64
	sim_answer(SPEC_RET, value);
#else
	sim_answer(SPEC_ERR, 0);
	sim_answer(SPEC_RET, value);
#endif
}

/* hvisor's error: riscv64/sbi.rs answers a0 = SBI_ERR_FAILED (-1) and the
 * negated errno in a1; arm64 and x86_64 the negated errno in x0 / rax. */
static void answer_err(int64_t err)
{
#if !HCALL_TARGET_RISCV64
	sim_answer(SPEC_RET, (uint64_t)err);
#else
	sim_answer(SPEC_ERR, (uint64_t)-1);
	sim_answer(SPEC_RET, (uint64_t)err);
#endif
}

static void check_trap(uint64_t code, uint64_t arg0, uint64_t arg1)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, SPEC_TRAP);
	cr_assert_eq(sim.imm, SPEC_IMM);
	cr_assert_eq(sim.in.r[SPEC_CODE], code);
	cr_assert_eq(sim.in.r[SPEC_ARG0], arg0);
	cr_assert_eq(sim.in.r[SPEC_ARG1], arg1);
#if HCALL_TARGET_RISCV64
	cr_assert_eq(sim.in.r[SPEC_EID_REG], 0x114514u);
#endif
}

TestSuite(hvisor, .init = sim_reset);

Test(hvisor, virtio_init)
{
	answer_ok(0);
	struct hcall_result r = hcall_hvisor_virtio_init(0x12345000);
	check_trap(0, 0x12345000, 0);
	cr_assert_eq(r.status, HCALL_OK);
}

Test(hvisor, virtio_inject_irq)
{
	answer_ok(0);
	cr_assert(hcall_ok(hcall_hvisor_virtio_inject_irq()));
	check_trap(1, 0, 0);
}

/* hvisor's zone_start answers 0; hvisor-tool tests `if (err)`. */
Test(hvisor, zone_start)
{
	answer_ok(0);
	struct hcall_result r = hcall_hvisor_zone_start(0x40001000, 3136);
	check_trap(2, 0x40001000, 3136);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.code, 0);
}

Test(hvisor, native_zone_config)
{
#if HCALL_TARGET_RISCV64
	cr_assert_eq(sizeof(hcall_hvisor_zone_config_t), 3080);
#else
	cr_assert_eq(sizeof(hcall_hvisor_zone_config_t), 3136);
#endif
}

#if HCALL_TARGET_RISCV64
/* A non-zero a0 other than -1 is the SBI implementation's own error: -2
 * (NOT_SUPPORTED) is what firmware without hvisor answers. */
Test(hvisor, riscv_sbi_error_is_not_hvisor_errno)
{
	sim_answer(SPEC_ERR, (uint64_t)-2);
	sim_answer(SPEC_RET, 0);
	struct hcall_result r = hcall_hvisor_zone_shutdown(1);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(r.code, -2);
}
#endif

Test(hvisor, zone_shutdown)
{
	answer_ok(0);
	cr_assert(hcall_ok(hcall_hvisor_zone_shutdown(3)));
	check_trap(3, 3, 0);
}

Test(hvisor, zone_list_count)
{
	answer_ok(2);
	struct hcall_result r = hcall_hvisor_zone_list(0x8000, 4);
	check_trap(4, 0x8000, 4);
	cr_assert_eq(r.value, 2);
}

Test(hvisor, ivc_info)
{
	answer_ok(0);
	cr_assert(hcall_ok(hcall_hvisor_ivc_info(0x9000)));
	check_trap(5, 0x9000, 0);
}

Test(hvisor, config_check)
{
	answer_ok(0);
	struct hcall_result r = hcall_hvisor_config_check(0xa000);
	check_trap(6, 0xa000, 0);
	cr_assert_eq(r.status, HCALL_OK);
}

/* A -1 from CONFIG_CHECK is what firmware or another hypervisor answers
 * to an unknown call; hvisor itself never fails it. */
Test(hvisor, config_check_minus_one_is_no_hvisor)
{
	answer_err(-1);
	struct hcall_result r = hcall_hvisor_config_check(0xa000);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
	cr_assert_eq(r.code, -1);
}

Test(hvisor, later_codes)
{
	answer_ok(0);
	cr_assert(hcall_ok(hcall_hvisor_clear_inject_irq()));
	check_trap(20, 0, 0);
	sim_reset();
	answer_ok(0);
	cr_assert(hcall_ok(hcall_hvisor_virtio_get_irq(0xb000)));
	check_trap(86, 0xb000, 0);
}

/* hvisor's HvErrorNum, negated: EPERM 1, ENOENT 2, EIO 5, E2BIG 7, ENOMEM 12,
 * EFAULT 14, EBUSY 16, EEXIST 17, ENODEV 19, EINVAL 22, ERANGE 34, ENOSYS 38. */
Test(hvisor, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
	} cases[] = {
		{ -1, HCALL_E_DENIED },         { -14, HCALL_E_INVALID_ADDRESS },
		{ -22, HCALL_E_INVALID_PARAM }, { -38, HCALL_E_NOT_SUPPORTED },
		{ -12, HCALL_E_NO_MEMORY },     { -7, HCALL_E_TOO_BIG },
		{ -2, HCALL_E_INVALID_PARAM },  { -5, HCALL_E_FAILED },
		{ -16, HCALL_E_BUSY },          { -17, HCALL_E_ALREADY },
		{ -19, HCALL_E_NOT_SUPPORTED }, { -34, HCALL_E_INVALID_PARAM },
		{ -9999, HCALL_E_UNKNOWN },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		answer_err(cases[i].raw);
		struct hcall_result r = hcall_hvisor_zone_shutdown(1);
		cr_assert_eq(r.status, cases[i].st, "raw %lld", (long long)cases[i].raw);
		cr_assert_eq(r.code, cases[i].raw);
		cr_assert_eq(r.value, 0);
	}
}
