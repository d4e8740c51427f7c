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
 *                     the VM has HV_ABI_PROBE), else 0
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

#include "call.h"
#include "svc_lookup.h"
#include "lock.h"
#include "vm.h"

enum { HCALL_SBI_BASE_CALLS(HV_SVC_ARGS) HCALL_SBI_SRST_CALLS(HV_SVC_ARGS) };

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
		       (c->vm->abis & HV_ABI_BIT(HV_ABI_PROBE)));

	hv_call_ok(c, present ? 1 : 0);
}

static void machine_id(struct hv_call *c)
{
	hv_call_ok(c, 0);
}

const struct hv_svc hv_sbi_base_table[HV_SBI_BASE_N] = {
	[HCALL_SBI_BASE_GET_SPEC_VERSION] =
		HV_SVC(SBI_BASE, GET_SPEC_VERSION, spec_version, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_IMPL_ID] = HV_SVC(SBI_BASE, GET_IMPL_ID, impl_id, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_IMPL_VERSION] =
		HV_SVC(SBI_BASE, GET_IMPL_VERSION, impl_version, HV_PERM_INFO),
	[HCALL_SBI_BASE_PROBE_EXTENSION] =
		HV_SVC(SBI_BASE, PROBE_EXTENSION, probe_extension, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_MVENDORID] =
		HV_SVC(SBI_BASE, GET_MVENDORID, machine_id, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_MARCHID] = HV_SVC(SBI_BASE, GET_MARCHID, machine_id, HV_PERM_INFO),
	[HCALL_SBI_BASE_GET_MIMPID] = HV_SVC(SBI_BASE, GET_MIMPID, machine_id, HV_PERM_INFO),
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
	hv_lock(&c->hv->lock);
	hv_vm_stop_locked(c->hv, c->vm);
	hv_unlock(&c->hv->lock);
	c->action = HV_VCPU_OFF;
}

const struct hv_svc hv_sbi_srst_table[HV_SBI_SRST_N] = {
	[HCALL_SBI_SRST_SYSTEM_RESET] =
		HV_SVC(SBI_SRST, SYSTEM_RESET, system_reset, HV_PERM_INFO),
};

const struct hv_svc *hv_svc_sbi_lookup(uint64_t ext, uint64_t nr)
{
	return hv_sbi_lookup(ext, nr);
}

const struct hv_service hv_svc_sbi = {
	HV_ABI_SBI,
	{ SBI_ERR_NOT_SUPPORTED, SBI_ERR_NOT_SUPPORTED, SBI_ERR_INVALID_PARAM,
	  SBI_ERR_INVALID_ADDRESS },
	HCALL_PROBE_SBI_EID, HCALL_PROBE_SBI_FID_ECHO, HCALL_PROBE_SBI_FID_DUMP,
	hv_svc_sbi_lookup,
};
