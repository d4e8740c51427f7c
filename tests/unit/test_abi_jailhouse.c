/* SPDX-License-Identifier: MIT */
/*
 * Jailhouse through the simulated transport. Registers, codes and errors
 * are written here from Jailhouse (siemens/jailhouse commit e57d1eff6d55):
 * include/jailhouse/hypercall.h, include/arch/arm64/asm/jailhouse_hypercall.h,
 * include/arch/x86/asm/jailhouse_hypercall.h and
 * Documentation/hypervisor-interfaces.txt, not taken from the header's table.
 */
#include <criterion/criterion.h>
#include <hcall/jailhouse.h>

#include "sim.h"

#if HCALL_TARGET_ARM64
/* hvc #0x4a48, x0 = code, x1 = arg1, x2 = arg2, x0 = result. */
#define SPEC_TRAP HCALL_TRAP_HVC
#define SPEC_IMM 0x4a48u
#define SPEC_CODE 0
#define SPEC_ARG0 1
#define SPEC_ARG1 2
#define SPEC_RET 0
#else
/* vmcall / vmmcall, rax (0) = code, rdi (7) = arg1, rsi (6) = arg2,
 * rax = result. */
#define SPEC_TRAP HCALL_TRAP_VMCALL
#define SPEC_IMM 0u
#define SPEC_CODE 0
#define SPEC_ARG0 7
#define SPEC_ARG1 6
#define SPEC_RET 0
#endif

static void check_trap(uint64_t code, uint64_t arg0, uint64_t arg1)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, SPEC_TRAP);
	cr_assert_eq(sim.imm, SPEC_IMM);
	cr_assert_eq(sim.in.r[SPEC_CODE], code);
	cr_assert_eq(sim.in.r[SPEC_ARG0], arg0);
	cr_assert_eq(sim.in.r[SPEC_ARG1], arg1);
}

TestSuite(jailhouse, .init = sim_reset);

Test(jailhouse, codes)
{
	/* include/jailhouse/hypercall.h: JAILHOUSE_HC_* */
	cr_assert_eq(HCALL_JAILHOUSE_DISABLE, 0);
	cr_assert_eq(HCALL_JAILHOUSE_CELL_CREATE, 1);
	cr_assert_eq(HCALL_JAILHOUSE_CELL_START, 2);
	cr_assert_eq(HCALL_JAILHOUSE_CELL_SET_LOADABLE, 3);
	cr_assert_eq(HCALL_JAILHOUSE_CELL_DESTROY, 4);
	cr_assert_eq(HCALL_JAILHOUSE_HYPERVISOR_GET_INFO, 5);
	cr_assert_eq(HCALL_JAILHOUSE_CELL_GET_STATE, 6);
	cr_assert_eq(HCALL_JAILHOUSE_CPU_GET_INFO, 7);
	cr_assert_eq(HCALL_JAILHOUSE_DEBUG_CONSOLE_PUTC, 8);
	cr_assert_eq(HCALL_JAILHOUSE_INFO_NUM_CELLS, 4);
	cr_assert_eq(HCALL_JAILHOUSE_INFO_REMAP_POOL_USED, 3);
	cr_assert_eq(HCALL_JAILHOUSE_CPU_INFO_STAT_BASE, 1000);
	cr_assert_eq(HCALL_JAILHOUSE_CPU_FAILED, 2);
	cr_assert_eq(HCALL_JAILHOUSE_CELL_SHUT_DOWN, 2);
	cr_assert_eq(HCALL_JAILHOUSE_CELL_FAILED_COMM_REV, 4);
	cr_assert_eq(HCALL_JAILHOUSE_CONFIG_REVISION, 14);
}

Test(jailhouse, disable_no_arguments)
{
	sim_answer(SPEC_RET, (uint64_t)-16);
	struct hcall_result r = hcall_jailhouse_disable();
	check_trap(0, 0, 0);
	cr_assert_eq(r.status, HCALL_E_BUSY);
	cr_assert_eq(r.code, -16);
}

Test(jailhouse, cell_start_one_argument)
{
	sim_answer(SPEC_RET, 0);
	struct hcall_result r = hcall_jailhouse_cell_start(3);
	check_trap(2, 3, 0);
	cr_assert(hcall_ok(r));
}

Test(jailhouse, cpu_get_info_two_arguments_and_value)
{
	sim_answer(SPEC_RET, 2);
	struct hcall_result r = hcall_jailhouse_cpu_get_info(5, 0);
	check_trap(7, 5, 0);
	cr_assert(hcall_ok(r));
	cr_assert_eq(r.value, 2);
	sim_reset();
	sim_answer(SPEC_RET, (uint64_t)-22);
	r = hcall_jailhouse_cpu_get_info(9, 1003);
	check_trap(7, 9, 1003);
	cr_assert_eq(r.status, HCALL_E_INVALID_PARAM);
}

Test(jailhouse, errors)
{
	const struct {
		int64_t raw;
		enum hcall_status st;
	} e[] = { { -1, HCALL_E_DENIED }, { -2, HCALL_E_INVALID_PARAM },
		  { -7, HCALL_E_TOO_BIG }, { -12, HCALL_E_NO_MEMORY },
		  { -16, HCALL_E_BUSY }, { -17, HCALL_E_ALREADY },
		  { -22, HCALL_E_INVALID_PARAM }, { -38, HCALL_E_NOT_SUPPORTED },
		  { -5, HCALL_E_UNKNOWN } };

	for (unsigned i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
		sim_reset();
		sim_answer(SPEC_RET, (uint64_t)e[i].raw);
		cr_assert_eq(hcall_jailhouse_cell_get_state(1).status, e[i].st, "raw %lld",
			     (long long)e[i].raw);
	}
}

Test(jailhouse, putc_and_only_the_result_register)
{
	sim.out_mask = 0;
	for (int i = 0; i < HCALL_NREGS; i++)
		sim_answer(i, 0x5a5a0000u + (uint64_t)i);
	sim.out.r[SPEC_RET] = 0;
	(void)hcall_jailhouse_debug_console_putc('x');
	check_trap(8, 'x', 0);
}

#if HCALL_TARGET_X86_64
Test(jailhouse, x86_conduits)
{
	sim_answer(SPEC_RET, 1);
	(void)hcall_jailhouse_hypervisor_get_info_on(HCALL_X86_CONDUIT_VMMCALL, 4);
	cr_assert_eq(sim.trap, HCALL_TRAP_VMMCALL);
	cr_assert_eq(sim.in.r[SPEC_CODE], 5);
	cr_assert_eq(sim.in.r[SPEC_ARG0], 4);
	sim_reset();
	(void)hcall_jailhouse_hypervisor_get_info_on(HCALL_X86_CONDUIT_VMCALL, 4);
	cr_assert_eq(sim.trap, HCALL_TRAP_VMCALL);
}
#endif

Test(jailhouse, cell_desc_layout)
{
	/* include/jailhouse/cell-config.h, struct jailhouse_cell_desc (packed):
	 * signature[5] at 0, architecture at 5, revision at 6, name[32] at 8,
	 * id at 40, flags at 44. */
	struct hcall_jailhouse_cell_desc d;
	cr_assert_eq((char *)&d.architecture - (char *)&d, 5);
	cr_assert_eq((char *)&d.revision - (char *)&d, 6);
	cr_assert_eq((char *)&d.name - (char *)&d, 8);
	cr_assert_eq((char *)&d.id - (char *)&d, 40);
	cr_assert_eq((char *)&d.flags - (char *)&d, 44);
}
