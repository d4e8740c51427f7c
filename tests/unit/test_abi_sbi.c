/* SPDX-License-Identifier: MIT */
/*
 * RISC-V SBI through the simulated transport. Register numbers, IDs and
 * error codes are written here from the SBI specification (v3.0), not
 * taken from the headers' tables.
 */
#include <criterion/criterion.h>
#include <hcall/describe.h>
#include <hcall/sbi.h>
#include <stddef.h>

#include "sim.h"

/* ecall; a7 (x17) = EID, a6 (x16) = FID, a0..a5 (x10..x15) = arguments;
 * a0 = error, a1 = value. */
#define SPEC_EID 17
#define SPEC_FID 16
#define SPEC_ARG(n) (10 + (n))
#define SPEC_ERR 10
#define SPEC_VAL 11

static void check_call(uint64_t eid, uint64_t fid, unsigned nargs,
		       const uint64_t *args)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.trap, HCALL_TRAP_ECALL);
	cr_assert_eq(sim.imm, 0);
	cr_assert_eq(sim.in.r[SPEC_EID], eid, "eid %#llx", (unsigned long long)sim.in.r[SPEC_EID]);
	cr_assert_eq(sim.in.r[SPEC_FID], fid);
	for (unsigned i = 0; i < 6; i++)
		cr_assert_eq(sim.in.r[SPEC_ARG(i)], i < nargs ? args[i] : 0, "a%u", i);
}

static void answer(int64_t err, uint64_t val)
{
	sim_answer(SPEC_ERR, (uint64_t)err);
	sim_answer(SPEC_VAL, val);
}

TestSuite(sbi, .init = sim_reset);

/* Base extension 0x10: FIDs 0..6. */
Test(sbi, base_calls)
{
	static const struct {
		uint64_t fid;
		struct hcall_result (*fn)(void);
	} calls[] = {
		{ 0, hcall_sbi_base_get_spec_version },
		{ 1, hcall_sbi_base_get_impl_id },
		{ 2, hcall_sbi_base_get_impl_version },
		{ 4, hcall_sbi_base_get_mvendorid },
		{ 5, hcall_sbi_base_get_marchid },
		{ 6, hcall_sbi_base_get_mimpid },
	};
	for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		sim_reset();
		answer(0, 0x1000 + i);
		struct hcall_result r = calls[i].fn();
		check_call(0x10, calls[i].fid, 0, NULL);
		cr_assert_eq(r.status, HCALL_OK);
		cr_assert_eq(r.value, 0x1000 + i);
	}
}

Test(sbi, probe_extension)
{
	const uint64_t a[] = { 0x53525354 };
	answer(0, 1);
	struct hcall_result r = hcall_sbi_base_probe_extension(0x53525354);
	check_call(0x10, 3, 1, a);
	cr_assert_eq(r.value, 1);

	sim_reset();
	answer(0, 1);
	cr_assert_eq(hcall_sbi_probe(0x53525354), 1);
	check_call(0x10, 3, 1, a);
	sim_reset();
	answer(0, 0);
	cr_assert_eq(hcall_sbi_probe(0x53525354), 0);
	sim_reset();
	answer(-2, 1); /* an error never counts as present */
	cr_assert_eq(hcall_sbi_probe(0x53525354), 0);
}

/* SRST "SRST" = 0x53525354, FID 0: a0 = type, a1 = reason. */
Test(sbi, srst_system_reset)
{
	const uint64_t a[] = { 1, 1 }; /* cold reboot, system failure */
	answer(-3, 0);
	struct hcall_result r = hcall_sbi_srst_system_reset(1, 1);
	check_call(0x53525354, 0, 2, a);
	cr_assert_eq(r.status, HCALL_E_INVALID_PARAM);
}

/* Legacy console_putchar: a7 = 0x01, a0 = ch; result in a0 only. */
Test(sbi, legacy_console_putchar)
{
	sim_answer(SPEC_ERR, 0);
	sim_answer(SPEC_VAL, 0x5555); /* a1 is not a legacy result */
	struct hcall_result r = hcall_sbi_legacy_console_putchar('h');
	cr_assert_eq(sim.trap, HCALL_TRAP_ECALL);
	cr_assert_eq(sim.in.r[SPEC_EID], 0x01);
	cr_assert_eq(sim.in.r[SPEC_ARG(0)], 'h');
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 0);
	sim_reset();
	sim_answer(SPEC_ERR, (uint64_t)-2);
	cr_assert_eq(hcall_sbi_legacy_console_putchar('x').status, HCALL_E_NOT_SUPPORTED);
}

Test(sbi, raw_arities)
{
	const uint64_t a[6] = { 0x10, 0x11, 0x12, 0x13, 0x14, 0x15 };
	struct hcall_sbi_ret r;

	for (unsigned n = 0; n <= 6; n++) {
		sim_reset();
		answer(-7, 0xabc);
		switch (n) {
		case 0: r = hcall_sbi_call0(0x0A000000, 9); break;
		case 1: r = hcall_sbi_call1(0x0A000000, 9, a[0]); break;
		case 2: r = hcall_sbi_call2(0x0A000000, 9, a[0], a[1]); break;
		case 3: r = hcall_sbi_call3(0x0A000000, 9, a[0], a[1], a[2]); break;
		case 4: r = hcall_sbi_call4(0x0A000000, 9, a[0], a[1], a[2], a[3]); break;
		case 5: r = hcall_sbi_call5(0x0A000000, 9, a[0], a[1], a[2], a[3], a[4]); break;
		default: r = hcall_sbi_call6(0x0A000000, 9, a[0], a[1], a[2], a[3], a[4], a[5]); break;
		}
		check_call(0x0A000000, 9, n, a);
		cr_assert_eq(r.error, -7);
		cr_assert_eq(r.value, 0xabc);
	}
}

/* SBI v3.0 error codes. */
Test(sbi, errors_map)
{
	static const struct {
		int64_t raw;
		enum hcall_status st;
	} cases[] = {
		{ 0, HCALL_OK },
		{ -1, HCALL_E_FAILED },
		{ -2, HCALL_E_NOT_SUPPORTED },
		{ -3, HCALL_E_INVALID_PARAM },
		{ -4, HCALL_E_DENIED },
		{ -5, HCALL_E_INVALID_ADDRESS },
		{ -6, HCALL_E_ALREADY },
		{ -7, HCALL_E_ALREADY },
		{ -8, HCALL_E_ALREADY_STOPPED },
		{ -9, HCALL_E_NO_MEMORY },
		{ -10, HCALL_E_INVALID_PARAM },
		{ -11, HCALL_E_INVALID_PARAM },
		{ -12, HCALL_E_BUSY },
		{ -13, HCALL_E_FAILED },
		{ -14, HCALL_E_DENIED },
		{ -15, HCALL_E_UNKNOWN },
	};
	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sim_reset();
		answer(cases[i].raw, 77);
		struct hcall_result r = hcall_sbi_base_get_impl_id();
		cr_assert_eq(r.status, cases[i].st, "raw %lld", (long long)cases[i].raw);
		cr_assert_eq(r.code, cases[i].raw);
		cr_assert_eq(r.value, cases[i].raw ? 0 : 77);
	}
}

/* ---- every extension of SBI v2.0 and v3.0 ------------------------------ */

/*
 * The specification's numbers, written here from riscv-sbi-doc (each
 * chapter's "Function Listing" table), not from the headers. The EIDs
 * are also spelled as the ASCII the specification names them by.
 */
#define ASCII3(a, b, c) (((uint64_t)(a) << 16) | ((uint64_t)(b) << 8) | (c))
#define ASCII4(a, b, c, d) (((uint64_t)(a) << 24) | ASCII3(b, c, d))

struct spec_fn {
	const char *ext; /* the hcall ABI name */
	uint64_t eid;
	uint64_t fid;
	const char *name;
	unsigned nregs; /* argument registers, reserved ones included */
};

static const struct spec_fn spec_fns[] = {
	{ "sbi_base", 0x10, 0, "get_spec_version", 0 },
	{ "sbi_base", 0x10, 1, "get_impl_id", 0 },
	{ "sbi_base", 0x10, 2, "get_impl_version", 0 },
	{ "sbi_base", 0x10, 3, "probe_extension", 1 },
	{ "sbi_base", 0x10, 4, "get_mvendorid", 0 },
	{ "sbi_base", 0x10, 5, "get_marchid", 0 },
	{ "sbi_base", 0x10, 6, "get_mimpid", 0 },
	{ "sbi_time", 0x54494D45, 0, "set_timer", 1 },
	{ "sbi_ipi", 0x735049, 0, "send_ipi", 2 },
	{ "sbi_rfence", 0x52464E43, 0, "remote_fence_i", 2 },
	{ "sbi_rfence", 0x52464E43, 1, "remote_sfence_vma", 4 },
	{ "sbi_rfence", 0x52464E43, 2, "remote_sfence_vma_asid", 5 },
	{ "sbi_rfence", 0x52464E43, 3, "remote_hfence_gvma_vmid", 5 },
	{ "sbi_rfence", 0x52464E43, 4, "remote_hfence_gvma", 4 },
	{ "sbi_rfence", 0x52464E43, 5, "remote_hfence_vvma_asid", 5 },
	{ "sbi_rfence", 0x52464E43, 6, "remote_hfence_vvma", 4 },
	{ "sbi_hsm", 0x48534D, 0, "hart_start", 3 },
	{ "sbi_hsm", 0x48534D, 1, "hart_stop", 0 },
	{ "sbi_hsm", 0x48534D, 2, "hart_get_status", 1 },
	{ "sbi_hsm", 0x48534D, 3, "hart_suspend", 3 },
	{ "sbi_srst", 0x53525354, 0, "system_reset", 2 },
	{ "sbi_pmu", 0x504D55, 0, "num_counters", 0 },
	{ "sbi_pmu", 0x504D55, 1, "counter_get_info", 1 },
	{ "sbi_pmu", 0x504D55, 2, "counter_config_matching", 5 },
	{ "sbi_pmu", 0x504D55, 3, "counter_start", 4 },
	{ "sbi_pmu", 0x504D55, 4, "counter_stop", 3 },
	{ "sbi_pmu", 0x504D55, 5, "counter_fw_read", 1 },
	{ "sbi_pmu", 0x504D55, 6, "counter_fw_read_hi", 1 },
	{ "sbi_pmu", 0x504D55, 7, "snapshot_set_shmem", 3 },
	{ "sbi_pmu", 0x504D55, 8, "event_get_info", 4 },
	{ "sbi_dbcn", 0x4442434E, 0, "console_write", 3 },
	{ "sbi_dbcn", 0x4442434E, 1, "console_read", 3 },
	{ "sbi_dbcn", 0x4442434E, 2, "console_write_byte", 1 },
	{ "sbi_susp", 0x53555350, 0, "system_suspend", 3 },
	{ "sbi_cppc", 0x43505043, 0, "probe", 1 },
	{ "sbi_cppc", 0x43505043, 1, "read", 1 },
	{ "sbi_cppc", 0x43505043, 2, "read_hi", 1 },
	{ "sbi_cppc", 0x43505043, 3, "write", 2 },
	{ "sbi_nacl", 0x4E41434C, 0, "probe_feature", 1 },
	{ "sbi_nacl", 0x4E41434C, 1, "set_shmem", 3 },
	{ "sbi_nacl", 0x4E41434C, 2, "sync_csr", 1 },
	{ "sbi_nacl", 0x4E41434C, 3, "sync_hfence", 1 },
	{ "sbi_nacl", 0x4E41434C, 4, "sync_sret", 0 },
	{ "sbi_sta", 0x535441, 0, "steal_time_set_shmem", 3 },
	{ "sbi_sse", 0x535345, 0, "read_attrs", 5 },
	{ "sbi_sse", 0x535345, 1, "write_attrs", 5 },
	{ "sbi_sse", 0x535345, 2, "register", 3 },
	{ "sbi_sse", 0x535345, 3, "unregister", 1 },
	{ "sbi_sse", 0x535345, 4, "enable", 1 },
	{ "sbi_sse", 0x535345, 5, "disable", 1 },
	{ "sbi_sse", 0x535345, 6, "complete", 0 },
	{ "sbi_sse", 0x535345, 7, "inject", 2 },
	{ "sbi_sse", 0x535345, 8, "hart_unmask", 0 },
	{ "sbi_sse", 0x535345, 9, "hart_mask", 0 },
	{ "sbi_fwft", 0x46574654, 0, "set", 3 },
	{ "sbi_fwft", 0x46574654, 1, "get", 1 },
	{ "sbi_dbtr", 0x44425452, 0, "num_triggers", 1 },
	{ "sbi_dbtr", 0x44425452, 1, "set_shmem", 3 },
	{ "sbi_dbtr", 0x44425452, 2, "read_triggers", 2 },
	{ "sbi_dbtr", 0x44425452, 3, "install_triggers", 1 },
	{ "sbi_dbtr", 0x44425452, 4, "update_triggers", 1 },
	{ "sbi_dbtr", 0x44425452, 5, "uninstall_triggers", 2 },
	{ "sbi_dbtr", 0x44425452, 6, "enable_triggers", 2 },
	{ "sbi_dbtr", 0x44425452, 7, "disable_triggers", 2 },
	{ "sbi_mpxy", 0x4D505859, 0, "get_shmem_size", 0 },
	{ "sbi_mpxy", 0x4D505859, 1, "set_shmem", 3 },
	{ "sbi_mpxy", 0x4D505859, 2, "get_channel_ids", 1 },
	{ "sbi_mpxy", 0x4D505859, 3, "read_attrs", 3 },
	{ "sbi_mpxy", 0x4D505859, 4, "write_attrs", 3 },
	{ "sbi_mpxy", 0x4D505859, 5, "send_msg_with_resp", 3 },
	{ "sbi_mpxy", 0x4D505859, 6, "send_msg_without_resp", 3 },
	{ "sbi_mpxy", 0x4D505859, 7, "get_notification_events", 1 },
	/* Legacy: the EID is the function; no selector. */
	{ "sbi_legacy", 0, 0x00, "set_timer", 1 },
	{ "sbi_legacy", 0, 0x01, "console_putchar", 1 },
	{ "sbi_legacy", 0, 0x02, "console_getchar", 0 },
	{ "sbi_legacy", 0, 0x03, "clear_ipi", 0 },
	{ "sbi_legacy", 0, 0x04, "send_ipi", 1 },
	{ "sbi_legacy", 0, 0x05, "remote_fence_i", 1 },
	{ "sbi_legacy", 0, 0x06, "remote_sfence_vma", 3 },
	{ "sbi_legacy", 0, 0x07, "remote_sfence_vma_asid", 4 },
	{ "sbi_legacy", 0, 0x08, "shutdown", 0 },
};
#define N_SPEC_FNS (sizeof(spec_fns) / sizeof(spec_fns[0]))

Test(sbi, eids_spell_their_names)
{
	cr_assert_eq(0x54494D45, ASCII4('T', 'I', 'M', 'E'));
	cr_assert_eq(0x735049, ASCII3('s', 'P', 'I'));
	cr_assert_eq(0x52464E43, ASCII4('R', 'F', 'N', 'C'));
	cr_assert_eq(0x48534D, ASCII3('H', 'S', 'M'));
	cr_assert_eq(0x53525354, ASCII4('S', 'R', 'S', 'T'));
	cr_assert_eq(0x504D55, ASCII3('P', 'M', 'U'));
	cr_assert_eq(0x4442434E, ASCII4('D', 'B', 'C', 'N'));
	cr_assert_eq(0x53555350, ASCII4('S', 'U', 'S', 'P'));
	cr_assert_eq(0x43505043, ASCII4('C', 'P', 'P', 'C'));
	cr_assert_eq(0x4E41434C, ASCII4('N', 'A', 'C', 'L'));
	cr_assert_eq(0x535441, ASCII3('S', 'T', 'A'));
	cr_assert_eq(0x535345, ASCII3('S', 'S', 'E'));
	cr_assert_eq(0x46574654, ASCII4('F', 'W', 'F', 'T'));
	cr_assert_eq(0x44425452, ASCII4('D', 'B', 'T', 'R'));
	cr_assert_eq(0x4D505859, ASCII4('M', 'P', 'X', 'Y'));
}

/* Every function of the specification is in the tables, with its EID,
 * FID, name and register count, and the tables have nothing else. */
Test(sbi, tables_match_the_specification)
{
	unsigned seen = 0;

	for (unsigned i = 0; i < N_SPEC_FNS; i++) {
		const struct spec_fn *f = &spec_fns[i];
		const struct hcall_abi_desc *abi = hcall_abi_find(f->ext);
		const struct hcall_call_desc *c;

		cr_assert(abi, "no ABI %s", f->ext);
		cr_assert_eq(abi->nconvs, 1, "%s", f->ext);
		if (f->eid) {
			cr_assert_eq(abi->convs[0].sel_reg, SPEC_EID, "%s selector in a7", f->ext);
			cr_assert_eq(abi->convs[0].sel_value, f->eid, "%s EID", f->ext);
			cr_assert_eq(abi->convs[0].nr_reg, SPEC_FID, "%s FID in a6", f->ext);
		} else {
			cr_assert_eq(abi->convs[0].sel_reg, HCALL_REG_NONE);
			cr_assert_eq(abi->convs[0].nr_reg, SPEC_EID, "legacy number in a7");
		}
		c = hcall_call_find(abi, f->fid);
		cr_assert(c, "%s has no FID %llu", f->ext, (unsigned long long)f->fid);
		cr_assert_str_eq(c->name, f->name, "%s FID %llu", f->ext,
				 (unsigned long long)f->fid);
		cr_assert_eq((unsigned)c->nargs + c->nrsvd, f->nregs, "%s %s registers",
			     f->ext, f->name);
		for (unsigned a = 0; a < f->nregs && a < c->nargs; a++)
			cr_assert(c->args[a] != NULL, "%s %s argument %u named", f->ext,
				  f->name, a);
	}
	for (unsigned i = 0; i < HCALL_ABI_COUNT; i++)
		if (!strncmp(hcall_abis[i].name, "sbi_", 4))
			seen += hcall_abis[i].ncalls;
	cr_assert_eq(seen, N_SPEC_FNS, "the sbi_* tables have %u calls, the specification %u",
		     seen, (unsigned)N_SPEC_FNS);
}

/* The reserved flags arguments the specification says must be zero. */
Test(sbi, reserved_flags)
{
	static const struct {
		const char *ext, *name;
	} rsvd[] = {
		{ "sbi_pmu", "snapshot_set_shmem" }, { "sbi_pmu", "event_get_info" },
		{ "sbi_nacl", "set_shmem" },         { "sbi_sta", "steal_time_set_shmem" },
		{ "sbi_dbtr", "set_shmem" },
	};
	for (unsigned i = 0; i < sizeof(rsvd) / sizeof(rsvd[0]); i++) {
		const struct hcall_call_desc *c =
			hcall_call_find_name(hcall_abi_find(rsvd[i].ext), rsvd[i].name);
		cr_assert(c);
		cr_assert_eq(c->nrsvd, 1, "%s %s: flags reserved", rsvd[i].ext, rsvd[i].name);
	}
}

/* One generated wrapper of each shape, through the trap. */
Test(sbi, typed_calls)
{
	struct hcall_result r;

	sim_reset();
	answer(0, 0);
	r = hcall_sbi_time_set_timer(0x123456789ull);
	check_call(0x54494D45, 0, 1, (const uint64_t[]){ 0x123456789ull });
	cr_assert_eq(r.status, HCALL_OK);

	sim_reset();
	answer(-6, 0);
	r = hcall_sbi_hsm_hart_start(1, 0x80200000, 0xfeed);
	check_call(0x48534D, 0, 3, (const uint64_t[]){ 1, 0x80200000, 0xfeed });
	cr_assert_eq(r.status, HCALL_E_ALREADY);
	cr_assert_eq(r.code, -6);

	sim_reset();
	answer(0, 1); /* STOPPED */
	r = hcall_sbi_hsm_hart_get_status(1);
	check_call(0x48534D, 2, 1, (const uint64_t[]){ 1 });
	cr_assert_eq(r.value, 1);

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_hsm_hart_stop();
	check_call(0x48534D, 1, 0, NULL);

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_hsm_hart_suspend(0x80000000u, 0x80200040, 7);
	check_call(0x48534D, 3, 3, (const uint64_t[]){ 0x80000000u, 0x80200040, 7 });

	sim_reset();
	answer(0, 5);
	r = hcall_sbi_dbcn_console_write(5, 0x80201000, 0);
	check_call(0x4442434E, 0, 3, (const uint64_t[]){ 5, 0x80201000, 0 });
	cr_assert_eq(r.value, 5);

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_dbcn_console_write_byte('x');
	check_call(0x4442434E, 2, 1, (const uint64_t[]){ 'x' });

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_pmu_counter_start(3, 0x5, 1, 0x1000);
	check_call(0x504D55, 3, 4, (const uint64_t[]){ 3, 0x5, 1, 0x1000 });

	/* A reserved flags argument goes out as zero. */
	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_sta_steal_time_set_shmem(0x80203000, 0);
	check_call(0x535441, 0, 3, (const uint64_t[]){ 0x80203000, 0, 0 });
	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_pmu_event_get_info(0x80204000, 0, 4);
	check_call(0x504D55, 8, 4, (const uint64_t[]){ 0x80204000, 0, 4, 0 });

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_susp_system_suspend(0, 0x80200100, 9);
	check_call(0x53555350, 0, 3, (const uint64_t[]){ 0, 0x80200100, 9 });

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_cppc_write(5, 77);
	check_call(0x43505043, 3, 2, (const uint64_t[]){ 5, 77 });

	sim_reset();
	answer(0, 1);
	r = hcall_sbi_nacl_probe_feature(2);
	check_call(0x4E41434C, 0, 1, (const uint64_t[]){ 2 });
	cr_assert_eq(r.value, 1);

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_sse_inject(0xFFFF0000u, 1);
	check_call(0x535345, 7, 2, (const uint64_t[]){ 0xFFFF0000u, 1 });

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_fwft_set(0, 1, 1);
	check_call(0x46574654, 0, 3, (const uint64_t[]){ 0, 1, 1 });

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_dbtr_enable_triggers(2, 3);
	check_call(0x44425452, 6, 2, (const uint64_t[]){ 2, 3 });

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_mpxy_send_msg_with_resp(1, 2, 3);
	check_call(0x4D505859, 5, 3, (const uint64_t[]){ 1, 2, 3 });
}

/* The hand-written ones: hart masks and five arguments. */
Test(sbi, hartmask_calls)
{
	struct hcall_sbi_hartmask m = hcall_sbi_hart(4);

	cr_assert_eq(hcall_sbi_hartmask_add(&m, 6), 0);
	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_ipi_send_ipi(m);
	check_call(0x735049, 0, 2, (const uint64_t[]){ 0x5, 4 });

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_ipi_send_ipi(hcall_sbi_harts_all());
	check_call(0x735049, 0, 2, (const uint64_t[]){ 0, ~0ull });

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_rfence_remote_fence_i(m);
	check_call(0x52464E43, 0, 2, (const uint64_t[]){ 0x5, 4 });
	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_rfence_remote_sfence_vma(m, 0x1000, 0x2000);
	check_call(0x52464E43, 1, 4, (const uint64_t[]){ 0x5, 4, 0x1000, 0x2000 });
	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_rfence_remote_sfence_vma_asid(m, 0x1000, 0x2000, 9);
	check_call(0x52464E43, 2, 5, (const uint64_t[]){ 0x5, 4, 0x1000, 0x2000, 9 });
	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_rfence_remote_hfence_gvma_vmid(m, 0x1000, 0x2000, 3);
	check_call(0x52464E43, 3, 5, (const uint64_t[]){ 0x5, 4, 0x1000, 0x2000, 3 });
	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_rfence_remote_hfence_gvma(m, 0x1000, 0x2000);
	check_call(0x52464E43, 4, 4, (const uint64_t[]){ 0x5, 4, 0x1000, 0x2000 });
	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_rfence_remote_hfence_vvma_asid(m, 0x1000, 0x2000, 8);
	check_call(0x52464E43, 5, 5, (const uint64_t[]){ 0x5, 4, 0x1000, 0x2000, 8 });
	sim_reset();
	answer(-2, 0);
	struct hcall_result r = hcall_sbi_rfence_remote_hfence_vvma(m, 0, ~0ull);
	check_call(0x52464E43, 6, 4, (const uint64_t[]){ 0x5, 4, 0, ~0ull });
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);

	sim_reset();
	answer(0, 3);
	r = hcall_sbi_pmu_counter_config_matching(0, 0xff, 2, 0x00001, 0);
	check_call(0x504D55, 2, 5, (const uint64_t[]){ 0, 0xff, 2, 1, 0 });
	cr_assert_eq(r.value, 3);

	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_sse_read_attrs(0x10000, 0, 10, 0x80205000, 0);
	check_call(0x535345, 0, 5, (const uint64_t[]){ 0x10000, 0, 10, 0x80205000, 0 });
	sim_reset();
	answer(0, 0);
	(void)hcall_sbi_sse_write_attrs(0x10000, 4, 2, 0x80205000, 0);
	check_call(0x535345, 1, 5, (const uint64_t[]){ 0x10000, 4, 2, 0x80205000, 0 });
}

/* Hart list parameter (SBI v2.0): bit i = hart base + i; base -1 = all. */
Test(sbi, hartmask_type)
{
	struct hcall_sbi_hartmask m = hcall_sbi_harts_all();

	cr_assert_eq(m.base, ~0ull);
	cr_assert_eq(m.mask, 0);
	cr_assert_eq(hcall_sbi_hartmask_add(&m, 3), -1, "all harts already");
	cr_assert(hcall_sbi_hartmask_has(m, 12345));

	m = hcall_sbi_hart(10);
	cr_assert_eq(m.mask, 1);
	cr_assert_eq(m.base, 10);
	cr_assert_eq(hcall_sbi_hartmask_add(&m, 73), 0);
	cr_assert_eq(m.mask, 1 | (1ull << 63));
	cr_assert_eq(hcall_sbi_hartmask_add(&m, 74), -1, "64 past the base");
	cr_assert_eq(hcall_sbi_hartmask_add(&m, 9), -1, "below the base");
	cr_assert_eq(m.mask, 1 | (1ull << 63), "a refused add leaves the mask");
	cr_assert(hcall_sbi_hartmask_has(m, 10));
	cr_assert(hcall_sbi_hartmask_has(m, 73));
	cr_assert(!hcall_sbi_hartmask_has(m, 11));
	cr_assert(!hcall_sbi_hartmask_has(m, 9));
	cr_assert(!hcall_sbi_hartmask_has(m, 74));
}

static void check_legacy(uint64_t eid, unsigned n, const uint64_t *args)
{
	cr_assert_eq(sim.calls, 1);
	cr_assert_eq(sim.in.r[SPEC_EID], eid);
	for (unsigned i = 0; i < 4; i++)
		cr_assert_eq(sim.in.r[SPEC_ARG(i)], i < n ? args[i] : 0, "a%u", i);
}

/* Legacy v0.1: a7 = EID, arguments from a0, result in a0 only. */
Test(sbi, legacy_calls)
{
	static const unsigned long mask = 0x3;
	const uint64_t mp = (uint64_t)(uintptr_t)&mask;
	struct hcall_result r;


	sim_reset();
	sim_answer(SPEC_ERR, 0);
	(void)hcall_sbi_legacy_set_timer(0xabcdef);
	check_legacy(0x00, 1, (const uint64_t[]){ 0xabcdef });
	sim_reset();
	sim_answer(SPEC_ERR, 'q');
	sim_answer(SPEC_VAL, 0x77);
	r = hcall_sbi_legacy_console_getchar();
	check_legacy(0x02, 0, NULL);
	cr_assert_eq(r.status, HCALL_OK);
	cr_assert_eq(r.value, 'q', "the byte comes from a0, not a1");
	sim_reset();
	sim_answer(SPEC_ERR, (uint64_t)-1);
	r = hcall_sbi_legacy_console_getchar();
	cr_assert_eq(r.status, HCALL_E_FAILED, "no byte: -1");
	sim_reset();
	sim_answer(SPEC_ERR, 0);
	(void)hcall_sbi_legacy_clear_ipi();
	check_legacy(0x03, 0, NULL);
	sim_reset();
	sim_answer(SPEC_ERR, 0);
	(void)hcall_sbi_legacy_send_ipi(&mask);
	check_legacy(0x04, 1, (const uint64_t[]){ mp });
	sim_reset();
	sim_answer(SPEC_ERR, 0);
	(void)hcall_sbi_legacy_remote_fence_i(&mask);
	check_legacy(0x05, 1, (const uint64_t[]){ mp });
	sim_reset();
	sim_answer(SPEC_ERR, 0);
	(void)hcall_sbi_legacy_remote_sfence_vma(&mask, 0x1000, 0x3000);
	check_legacy(0x06, 3, (const uint64_t[]){ mp, 0x1000, 0x3000 });
	sim_reset();
	sim_answer(SPEC_ERR, (uint64_t)-3);
	r = hcall_sbi_legacy_remote_sfence_vma_asid(&mask, 0x1000, 0x3000, 5);
	check_legacy(0x07, 4, (const uint64_t[]){ mp, 0x1000, 0x3000, 5 });
	cr_assert_eq(r.status, HCALL_E_INVALID_PARAM);
	sim_reset();
	sim_answer(SPEC_ERR, (uint64_t)-2);
	r = hcall_sbi_legacy_shutdown();
	check_legacy(0x08, 0, NULL);
	cr_assert_eq(r.status, HCALL_E_NOT_SUPPORTED);
}

/* Constants and layouts, from the specification's tables. */
Test(sbi, constants_and_layouts)
{
	/* HSM states and suspend types. */
	cr_assert_eq(HCALL_SBI_HSM_STATE_STARTED, 0);
	cr_assert_eq(HCALL_SBI_HSM_STATE_STOPPED, 1);
	cr_assert_eq(HCALL_SBI_HSM_STATE_START_PENDING, 2);
	cr_assert_eq(HCALL_SBI_HSM_STATE_STOP_PENDING, 3);
	cr_assert_eq(HCALL_SBI_HSM_STATE_SUSPENDED, 4);
	cr_assert_eq(HCALL_SBI_HSM_STATE_SUSPEND_PENDING, 5);
	cr_assert_eq(HCALL_SBI_HSM_STATE_RESUME_PENDING, 6);
	cr_assert_eq(HCALL_SBI_HSM_SUSPEND_RET_DEFAULT, 0);
	cr_assert_eq(HCALL_SBI_HSM_SUSPEND_RET_PLATFORM, 0x10000000);
	cr_assert_eq(HCALL_SBI_HSM_SUSPEND_NON_RET_DEFAULT, 0x80000000);
	cr_assert_eq(HCALL_SBI_HSM_SUSPEND_NON_RET_PLATFORM, 0x90000000);
	/* SRST. */
	cr_assert_eq(HCALL_SBI_SRST_TYPE_WARM_REBOOT, 2);
	cr_assert_eq(HCALL_SBI_SRST_REASON_SYSTEM_FAILURE, 1);

	/* PMU: counter_info[11:0] CSR, [17:12] width - 1, [63] firmware. */
	uint64_t info = (1ull << 63) | (47ull << 12) | 0xC03;
	cr_assert_eq(hcall_sbi_pmu_ctr_csr(info), 0xC03);
	cr_assert_eq(hcall_sbi_pmu_ctr_width(info), 48);
	cr_assert(hcall_sbi_pmu_ctr_is_firmware(info));
	cr_assert(!hcall_sbi_pmu_ctr_is_firmware(info & ~(1ull << 63)));
	/* event_idx[19:16] type, [15:0] code. */
	cr_assert_eq(HCALL_SBI_PMU_EVENT_IDX(HCALL_SBI_PMU_EVENT_TYPE_FW,
					     HCALL_SBI_PMU_FW_SET_TIMER), 0xF0005);
	cr_assert_eq(HCALL_SBI_PMU_EVENT_IDX(HCALL_SBI_PMU_EVENT_TYPE_HW,
					     HCALL_SBI_PMU_HW_INSTRUCTIONS), 0x00002);
	cr_assert_eq(HCALL_SBI_PMU_EVENT_TYPE_HW_CACHE, 1);
	cr_assert_eq(HCALL_SBI_PMU_EVENT_TYPE_HW_RAW, 2);
	cr_assert_eq(HCALL_SBI_PMU_EVENT_TYPE_HW_RAW_V2, 3);
	cr_assert_eq(HCALL_SBI_PMU_HW_REF_CPU_CYCLES, 10);
	/* Cache code: cache_id[15:3], op_id[2:1], result_id[0]. */
	cr_assert_eq(HCALL_SBI_PMU_CACHE_CODE(HCALL_SBI_PMU_CACHE_LL,
					      HCALL_SBI_PMU_CACHE_OP_WRITE,
					      HCALL_SBI_PMU_CACHE_RESULT_ACCESS), 0x12);
	cr_assert_eq(HCALL_SBI_PMU_CACHE_CODE(HCALL_SBI_PMU_CACHE_NODE,
					      HCALL_SBI_PMU_CACHE_OP_PREFETCH,
					      HCALL_SBI_PMU_CACHE_RESULT_MISS), 0x35);
	cr_assert_eq(HCALL_SBI_PMU_FW_HFENCE_VVMA_ASID_RECEIVED, 21);
	cr_assert_eq(HCALL_SBI_PMU_FW_PLATFORM, 0xFFFF);
	cr_assert_eq(HCALL_SBI_PMU_CFG_SET_MINH, 0x80);
	cr_assert_eq(HCALL_SBI_PMU_STOP_TAKE_SNAPSHOT, 0x2);
	/* Snapshot: overflow bitmap at 0, counter values at 8, 4 KiB. */
	cr_assert_eq(offsetof(struct hcall_sbi_pmu_snapshot, counter_values), 0x8);
	cr_assert_eq(sizeof(struct hcall_sbi_pmu_snapshot), 4096);
	/* Event info entry: 16 bytes, event_idx, output, event_data. */
	cr_assert_eq(sizeof(struct hcall_sbi_pmu_event_info), 16);
	cr_assert_eq(offsetof(struct hcall_sbi_pmu_event_info, output), 4);
	cr_assert_eq(offsetof(struct hcall_sbi_pmu_event_info, event_data), 8);

	/* STA: sequence 0 (4), flags 4 (4), steal 8 (8), preempted 16, 64 bytes. */
	cr_assert_eq(offsetof(struct hcall_sbi_sta, flags), 4);
	cr_assert_eq(offsetof(struct hcall_sbi_sta, steal), 8);
	cr_assert_eq(offsetof(struct hcall_sbi_sta, preempted), 16);
	cr_assert_eq(sizeof(struct hcall_sbi_sta), 64);

	/* NACL: 4096 + 1024 * 8 bytes; CSR x at ((x & 0xc00) >> 2) | (x & 0xff). */
	cr_assert_eq(HCALL_SBI_NACL_SHMEM_SIZE, 12288);
	cr_assert_eq(hcall_sbi_nacl_csr_index(0x200), 0x000); /* vsstatus */
	cr_assert_eq(hcall_sbi_nacl_csr_index(0x600), 0x100); /* hstatus */
	cr_assert_eq(hcall_sbi_nacl_csr_index(0x6c0), 0x1c0);
	cr_assert_eq(hcall_sbi_nacl_csr_index(0xa80), 0x280);
	cr_assert_eq(hcall_sbi_nacl_csr_index(0xeff), 0x3ff);
	cr_assert_eq(sizeof(struct hcall_sbi_nacl_hfence), 32);
	cr_assert_eq(HCALL_SBI_NACL_HFENCE_ENTRIES, 60);
	cr_assert_eq(HCALL_SBI_NACL_SCRATCH_HFENCE, 0x800);
	cr_assert_eq(HCALL_SBI_NACL_SCRATCH_DIRTY, 0xF80);
	cr_assert_eq(HCALL_SBI_NACL_FEAT_AUTOSWAP_CSR, 3);
	cr_assert_eq(HCALL_SBI_NACL_HFENCE_VVMA_ASID_ALL, 7);

	/* CPPC register IDs (ACPI _CPC order). */
	cr_assert_eq(HCALL_SBI_CPPC_NOMINAL_FREQ, 0x14);
	cr_assert_eq(HCALL_SBI_CPPC_TRANSITION_LATENCY, 0x80000000u);
	/* SUSP, FWFT, SSE. */
	cr_assert_eq(HCALL_SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM, 0);
	cr_assert_eq(HCALL_SBI_FWFT_POINTER_MASKING_PMLEN, 5);
	cr_assert_eq(HCALL_SBI_SSE_EVENT_LOCAL_PMU_OVERFLOW, 0x10000);
	cr_assert_eq(HCALL_SBI_SSE_ATTR_INTERRUPTED_A7, 9);
	/* Spec version encoding. */
	cr_assert_eq(HCALL_SBI_SPEC_VERSION(2, 0), 0x02000000);
}
