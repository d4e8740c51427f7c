/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_sbi.c - the RISC-V SBI for guests: the base extension and SRST.
 *
 * Choices (documented in docs and here):
 *   spec version      1.0 (0x01000000): the base extension and SRST as
 *                     SBI 1.0 defines them; nothing of 2.0 is implemented
 *   implementation ID 0x6863616C ("hcal" in ASCII), far above the
 *                     sequentially assigned IDs (0..11 and a few more),
 *                     so it cannot collide with a future assignment
 *   impl version      0x00000001 (hcall 0.1, major << 16 | minor)
 *   mvendorid, marchid, mimpid: 0 (a virtual hart has none)
 *   PROBE_EXTENSION   1 for BASE and SRST (and the probe extension when
 *                     the VM has HV_CAP_PROBE), else 0
 *   SRST              types shutdown/cold/warm and reasons none/system
 *                     failure, others INVALID_PARAM (as OpenSBI). The
 *                     service VM shuts the machine down (exit code 1 for a
 *                     system-failure reason) or resets it; another VM only
 *                     stops itself.
 * Unknown EID or FID, and a call outside the permission set:
 * NOT_SUPPORTED. a0 (error) and a1 (value) are written on every path.
 */
#include <hcall/abi/probe.h>
#include <hcall/abi/sbi.h>

#include "lock.h"
#include "service.h"
#include "vm.h"

enum { HCALL_SBI_BASE_CALLS(HV_ENTRY_ARGS) HCALL_SBI_SRST_CALLS(HV_ENTRY_ARGS) };

#define SBI_SPEC_VERSION 0x01000000u
#define SBI_IMPL_ID_HCALL 0x6863616Cu
#define SBI_IMPL_VERSION 0x00000001u
/* SBI_ERR_<NAME> = raw code, from the ABI's error table. */
#define SBI_ERR(name, raw, status) SBI_##name = (raw),
enum { HCALL_SBI_ERRORS(SBI_ERR) };

static void spec_version(struct hv_call *c)
{
	hv_call_ok(c, SBI_SPEC_VERSION);
}

static void impl_id(struct hv_call *c)
{
	hv_call_ok(c, SBI_IMPL_ID_HCALL);
}

static void impl_version(struct hv_call *c)
{
	hv_call_ok(c, SBI_IMPL_VERSION);
}

static void probe_extension(struct hv_call *c)
{
	uint64_t eid = c->arg[0];
	int present = eid == HCALL_SBI_BASE_EID || eid == HCALL_SBI_SRST_EID ||
		      (eid == HCALL_PROBE_SBI_EID &&
		       (c->vm->caps & HV_CAP_PROBE));

	hv_call_ok(c, present ? 1 : 0);
}

static void machine_id(struct hv_call *c)
{
	hv_call_ok(c, 0);
}

#define BASE_N (HCALL_SBI_BASE_GET_MIMPID + 1u)

static const struct hv_entry base_table[BASE_N] = {
	[HCALL_SBI_BASE_GET_SPEC_VERSION] =
		HV_ENTRY(SBI_BASE, GET_SPEC_VERSION, spec_version, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_IMPL_ID] = HV_ENTRY(SBI_BASE, GET_IMPL_ID, impl_id, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_IMPL_VERSION] =
		HV_ENTRY(SBI_BASE, GET_IMPL_VERSION, impl_version, HV_PERM_INFO),
	[HCALL_SBI_BASE_PROBE_EXTENSION] =
		HV_ENTRY(SBI_BASE, PROBE_EXTENSION, probe_extension, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_MVENDORID] =
		HV_ENTRY(SBI_BASE, GET_MVENDORID, machine_id, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_MARCHID] = HV_ENTRY(SBI_BASE, GET_MARCHID, machine_id, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_MIMPID] = HV_ENTRY(SBI_BASE, GET_MIMPID, machine_id, HV_PERM_INFO),
};

static void system_reset(struct hv_call *c)
{
	uint64_t type = c->arg[0], reason = c->arg[1];

	if (type > HCALL_SBI_SRST_TYPE_WARM_REBOOT ||
	    reason > HCALL_SBI_SRST_REASON_SYSTEM_FAILURE) {
		hv_call_status(c, SBI_ERR_INVALID_PARAM);
		return;
	}
	hv_call_ok(c, 0);
	if (c->vm->role == HV_ROLE_SERVICE) {
		c->hv->exit_code = reason == HCALL_SBI_SRST_REASON_SYSTEM_FAILURE;
		c->action = type == HCALL_SBI_SRST_TYPE_SHUTDOWN ? HV_SYSTEM_OFF
								 : HV_SYSTEM_RESET;
		return;
	}
	hv_vm_stop(c->hv, c->vm);
	c->action = HV_VCPU_OFF;
}

#define SRST_N (HCALL_SBI_SRST_SYSTEM_RESET + 1u)

static const struct hv_entry srst_table[SRST_N] = {
	[HCALL_SBI_SRST_SYSTEM_RESET] =
		HV_ENTRY(SBI_SRST, SYSTEM_RESET, system_reset, HV_PERM_INFO),
};

static const struct hv_entry *lookup(uint64_t eid, uint64_t fid)
{
	switch (eid) {
	case HCALL_SBI_BASE_EID:
		return hv_entry_at(base_table, BASE_N, fid, fid);
	case HCALL_SBI_SRST_EID:
		return hv_entry_at(srst_table, SRST_N, fid, fid);
	default:
		return NULL;
	}
}

static const struct hcall_conv_desc conv = HCALL_SBI_BASE_CONV_RISCV;

/* SBI is the riscv answer to every ecall no other ABI of the VM claims:
 * a VM without SBI still gets SBI's NOT_SUPPORTED. */
static const struct hv_conv convs[] = {
	{ &conv, HV_CONV_EXTENSION | HV_CONV_EVERY_VM },
};

const struct hv_service hv_service_sbi = {
	.name = "sbi",
	.abi = HV_ABI_SBI,
	.convs = convs,
	.nconvs = sizeof(convs) / sizeof(convs[0]),
	.lookup = lookup,
	.nr_mask = ~0ull,
	.errs = { SBI_ERR_NOT_SUPPORTED, SBI_ERR_NOT_SUPPORTED, SBI_ERR_INVALID_PARAM,
		  SBI_ERR_INVALID_ADDRESS },
	.probe = { HCALL_PROBE_SBI_EID, HCALL_PROBE_SBI_FID_ECHO, HCALL_PROBE_SBI_FID_DUMP },
};
