/* SPDX-License-Identifier: MIT */
/*
 * hv/svc_psci.c - virtual PSCI 1.1 for guests (SMCCC owner 4), in both
 * widths: an SMC32 function takes the low 32 bits of its arguments.
 *
 * A vCPU is named by MPIDR Aff0 = its index in the VM; the other affinity
 * fields must be 0, and bits outside the affinity fields too.
 *
 *   VERSION             1.1 (0x10001)
 *   FEATURES(fid)       for an implemented PSCI function the caller may
 *                       make: 0 (CPU_SUSPEND: 0 too, that is the original
 *                       power_state format and no OS-initiated mode), and
 *                       0 for SMCCC_VERSION (SMCCC 1.1 is there);
 *                       NOT_SUPPORTED otherwise
 *   CPU_SUSPEND(s, e, c) power_state s in the original format: state ID
 *                       15:0, type bit 16, power level 25:24 (only 0:
 *                       the vCPU), other bits zero, else
 *                       INVALID_PARAMETERS. Standby (type 0): the vCPU
 *                       yields and returns SUCCESS when it next runs.
 *                       Power-down (type 1): e must be executable memory
 *                       of the VM (else INVALID_ADDRESS); the vCPU wakes
 *                       at e with x0 = c, its other state as at CPU_ON
 *   CPU_OFF             the calling vCPU goes offline
 *   CPU_ON(t, e, ctx)   INVALID_PARAMETERS (no such vCPU), ALREADY_ON,
 *                       INVALID_ADDRESS (entry not executable memory of
 *                       the VM); on success the vCPU goes online at e with
 *                       x0 = ctx, and the glue is asked to switch
 *   AFFINITY_INFO(t,l)  0 on / 1 off; level != 0 or no such vCPU:
 *                       INVALID_PARAMETERS
 *   MIGRATE_INFO_TYPE   2: there is no Trusted OS to migrate (so MIGRATE
 *                       and MIGRATE_INFO_UP_CPU are NOT_SUPPORTED)
 *   SYSTEM_OFF          the service VM powers the machine off; any other
 *                       VM only stops itself
 *   SYSTEM_RESET        the service VM resets the machine; any other VM
 *                       stops itself (its service VM may start it again)
 *   SYSTEM_RESET2(t, c) t = 0, the architectural warm reset: as
 *                       SYSTEM_RESET; any other type (vendor resets
 *                       included) is INVALID_PARAMETERS
 *   SYSTEM_SUSPEND(e,c) DENIED while another vCPU of the VM is on;
 *                       INVALID_ADDRESS as CPU_ON; else the VM's only
 *                       running vCPU suspends as a CPU_SUSPEND power-down
 *                       and wakes at e with x0 = c
 * Every other optional function (CPU_FREEZE, CPU_DEFAULT_SUSPEND,
 * NODE_HW_STATE, SET_SUSPEND_MODE, STAT_*, MEM_PROTECT*, SYSTEM_OFF2)
 * answers NOT_SUPPORTED, in PSCI_FEATURES too.
 */
#include <hcall/abi/psci.h>

#include "guest_mem.h"
#include "lock.h"
#include "smccc.h"
#include "vcpu.h"
#include "vm.h"

enum { HCALL_PSCI_CALLS(HV_ENTRY_ARGS) };

/* PSCI_<NAME> = raw code, from the ABI's error table. */
#define PSCI_ERR(name, raw, status) PSCI_##name = (raw),
enum { HCALL_PSCI_ERRORS(PSCI_ERR) };

/* MPIDR affinity fields: Aff3 (39:32), Aff2 (23:16), Aff1 (15:8), Aff0. */
#define MPIDR_AFF0 0xFFull
#define MPIDR_AFF_ALL 0xFF00FFFFFFull

static struct hv_vcpu *target(struct hv_vm *vm, uint64_t mpidr)
{
	return (mpidr & ~MPIDR_AFF0) ? NULL : hv_vcpu_by_index(vm, mpidr & MPIDR_AFF0);
}

static void version(struct hv_call *c)
{
	hv_call_ok(c, HCALL_PSCI_VERSION_1_1);
}

/* Argument i; an SMC32 call passes only its low 32 bits. */
static uint64_t arg(const struct hv_call *c, unsigned i)
{
	return (c->nr & HCALL_SMCCC_SMC64_BIT) ? c->arg[i] : (uint32_t)c->arg[i];
}

static void features(struct hv_call *c)
{
	uint32_t fid = (uint32_t)c->arg[0];
	const struct hv_entry *e = hv_psci_lookup(fid);

	/* 0 for every function here: CPU_SUSPEND's flags are bit 1 = 0
	 * (original power_state format), bit 0 = 0 (no OS-initiated mode). */
	if (fid == HCALL_SMCCC_VERSION || (e && hv_call_permitted(c->vm, e)))
		hv_call_status(c, 0);
	else
		hv_call_status(c, PSCI_NOT_SUPPORTED);
}

/*
 * Power the calling vCPU down and wake it at entry with x0 = context_id
 * (CPU_SUSPEND power-down, SYSTEM_SUSPEND): it stays on, the glue
 * restarts it at its entry point (HV_VCPU_OFF with online set).
 */
static void suspend_powerdown(struct hv_call *c, uint64_t entry, uint64_t context_id)
{
	if (hv_vcpu_set_resume(c->vcpu, entry, context_id)) {
		hv_call_status(c, PSCI_INVALID_ADDRESS);
		return;
	}
	hv_call_status(c, 0);
	c->action = HV_VCPU_OFF;
}

/* power_state, original format (DEN0022 5.4.2). */
#define PSTATE_TYPE_POWERDOWN (1u << 16)
#define PSTATE_LEVEL_SHIFT 24
#define PSTATE_VALID (0xFFFFu | PSTATE_TYPE_POWERDOWN | (3u << PSTATE_LEVEL_SHIFT))

static void cpu_suspend(struct hv_call *c)
{
	uint32_t pstate = (uint32_t)c->arg[0];

	if ((pstate & ~PSTATE_VALID) || (pstate >> PSTATE_LEVEL_SHIFT) & 3u) {
		hv_call_status(c, PSCI_INVALID_PARAMETERS);
		return;
	}
	if (pstate & PSTATE_TYPE_POWERDOWN) {
		suspend_powerdown(c, arg(c, 1), arg(c, 2));
		return;
	}
	/* Standby: give the CPU away; SUCCESS when this vCPU runs again. */
	hv_call_status(c, 0);
	c->action = HV_SWITCH;
}

static const struct hv_vcpu_start_errors start_errors = {
	PSCI_INVALID_PARAMETERS, PSCI_INVALID_ADDRESS, PSCI_ALREADY_ON
};

static void cpu_on(struct hv_call *c)
{
	hv_call_vcpu_start(c, target(c->vm, arg(c, 0)), arg(c, 1), arg(c, 2), &start_errors);
}

static void affinity_info(struct hv_call *c)
{
	struct hv_vcpu *t = target(c->vm, arg(c, 0));

	if (!t || (uint32_t)c->arg[1] != 0) {
		hv_call_status(c, PSCI_INVALID_PARAMETERS);
		return;
	}
	hv_call_ok(c, hv_vcpu_is_on(t) ? HCALL_PSCI_AFFINITY_ON : HCALL_PSCI_AFFINITY_OFF);
}

static void migrate_info_type(struct hv_call *c)
{
	hv_call_ok(c, HCALL_PSCI_TOS_NOT_PRESENT_MP);
}

/* Power action of a VM: the service VM owns the machine. */
static void vm_power(struct hv_call *c, enum hv_action machine)
{
	hv_call_status(c, 0);
	if (c->vm->role == HV_ROLE_SERVICE) {
		c->hv->exit_code = 0;
		c->action = machine;
		return;
	}
	hv_vm_stop(c->hv, c->vm);
	c->action = HV_VCPU_OFF;
}

static void system_off(struct hv_call *c)
{
	vm_power(c, HV_SYSTEM_OFF);
}

static void system_reset(struct hv_call *c)
{
	vm_power(c, HV_SYSTEM_RESET);
}

static void system_reset2(struct hv_call *c)
{
	if ((uint32_t)c->arg[0] != HCALL_PSCI_RESET2_SYSTEM_WARM_RESET) {
		hv_call_status(c, PSCI_INVALID_PARAMETERS);
		return;
	}
	vm_power(c, HV_SYSTEM_RESET);
}

static void system_suspend(struct hv_call *c)
{
	if (hv_vcpu_others_on(c->vcpu)) {
		hv_call_status(c, PSCI_DENIED);
		return;
	}
	suspend_powerdown(c, arg(c, 0), arg(c, 1));
}

/* Function n's SMC32 entry at n, its SMC64 entry at 32 + n. */
#define SLOT(fid) (((fid) & 0x1Fu) | (((fid) & HCALL_SMCCC_SMC64_BIT) ? 32u : 0u))
#define PSCI(NAME, fn) [SLOT(HCALL_PSCI_##NAME)] = HV_ENTRY(PSCI, NAME, fn, HV_PERM_INFO)

const struct hv_entry hv_psci_table[HV_PSCI_SLOTS] = {
	PSCI(VERSION, version),
	PSCI(CPU_SUSPEND, cpu_suspend),
	PSCI(CPU_SUSPEND_32, cpu_suspend),
	PSCI(CPU_OFF, hv_call_vcpu_stop),
	PSCI(CPU_ON, cpu_on),
	PSCI(CPU_ON_32, cpu_on),
	PSCI(AFFINITY_INFO, affinity_info),
	PSCI(AFFINITY_INFO_32, affinity_info),
	PSCI(MIGRATE_INFO_TYPE, migrate_info_type),
	PSCI(SYSTEM_OFF, system_off),
	PSCI(SYSTEM_RESET, system_reset),
	PSCI(FEATURES, features),
	PSCI(SYSTEM_SUSPEND, system_suspend),
	PSCI(SYSTEM_SUSPEND_32, system_suspend),
	PSCI(SYSTEM_RESET2, system_reset2),
	PSCI(SYSTEM_RESET2_32, system_reset2),
};
