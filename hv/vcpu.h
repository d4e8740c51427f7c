/* SPDX-License-Identifier: MIT */
/*
 * hv/vcpu.h - a vCPU's power state, as the guest-facing CPU-management
 * calls see it (PSCI CPU_ON/CPU_OFF/AFFINITY_INFO, SBI HSM start, stop
 * and status): one implementation of the transitions for every ABI, each
 * under the VM's lock, so two vCPUs that start the same target at once
 * see exactly one success.
 */
#ifndef HV_VCPU_H
#define HV_VCPU_H

#include "hv.h"

/* vm's vCPU number idx, a guest-chosen value (bounds-checked, and the
 * index clamped against speculation), or NULL. */
struct hv_vcpu *hv_vcpu_by_index(struct hv_vm *vm, uint64_t idx);

/* Bring t online at guest-physical `entry` with `context` for its first
 * register. 0, -HV_EFAULT (entry is not executable memory of t's VM) or
 * -HV_EEXIST (already online). */
int hv_vcpu_power_on(struct hv_vcpu *t, uint64_t entry, uint64_t context);

/* v, which stays online, next starts afresh at `entry` with `context`
 * for its first register (a power-down suspend that wakes it there).
 * 0, or -HV_EFAULT (entry is not executable memory of v's VM). */
int hv_vcpu_set_resume(struct hv_vcpu *v, uint64_t entry, uint64_t context);

/* The calling vCPU goes offline. */
void hv_vcpu_power_off(struct hv_vcpu *v);

/* 1 if v is online, else 0. */
int hv_vcpu_is_on(struct hv_vcpu *v);

/* 1 if a vCPU of v's VM other than v is online, else 0: a system-wide
 * suspend (PSCI SYSTEM_SUSPEND, SBI SUSP) is refused while one is. */
int hv_vcpu_others_on(struct hv_vcpu *v);

struct hv_call;

/* A CPU-management ABI's answers for the ways a start can fail. */
struct hv_vcpu_start_errors {
	int64_t no_such_vcpu;
	int64_t bad_entry;   /* not executable memory of the VM */
	int64_t already_on;
};

/* Call c starts vCPU t (NULL: the guest named none) at entry with
 * context: status 0 and the glue asked to switch, or the ABI's error
 * from e. PSCI CPU_ON and SBI HSM HART_START. */
void hv_call_vcpu_start(struct hv_call *c, struct hv_vcpu *t, uint64_t entry,
			uint64_t context, const struct hv_vcpu_start_errors *e);

/* Call c's own vCPU goes offline: status 0, and the glue stops it. A
 * handler for PSCI CPU_OFF and SBI HSM HART_STOP alike. */
void hv_call_vcpu_stop(struct hv_call *c);

#endif /* HV_VCPU_H */
