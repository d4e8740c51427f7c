/* SPDX-License-Identifier: MIT */
/*
 * hv/probe.c - the conformance probe's calls (numbers: <hcall/abi/probe.h>),
 * on every ABI of a VM that has HV_CAP_PROBE.
 *
 * ECHO records the trapped frame in the vCPU and answers with
 * HCALL_PROBE_PATTERN(i) in result position i. Positions count the
 * separate error register first when the convention has one: it gets 0
 * (success) and the value registers the patterns from position 1 on, so
 * SBI answers a0 = 0, a1 = PATTERN(1) as probe.h specifies; without an
 * error register, result register i gets PATTERN(i).
 * DUMP copies the recorded frame to the guest-physical address in the
 * first argument register.
 */
#include <hcall/abi/probe.h>

#include "probe.h"

/* ECHO runs on the frame as trapped (HV_ENTRY_FRAME) and writes every
 * result register itself. */
static void echo(struct hv_call *c)
{
	unsigned i, first = hv_call_conv(c)->err_reg != HCALL_REG_NONE ? 1 : 0;

	c->vcpu->probe = c->vcpu->regs;
	hv_call_status(c, 0);
	for (i = 0; i < hv_call_conv(c)->nres; i++)
		c->out[i] = HCALL_PROBE_PATTERN(i + first);
}

static void dump(struct hv_call *c)
{
	struct hcall_regs frame = c->vcpu->probe;

	if (hv_copy_to_guest(c->vm, c->arg[0], &frame, sizeof(frame)))
		hv_call_status(c, hv_call_service(c)->errs.fault);
	else
		hv_call_status(c, 0);
}

const struct hv_entry hv_probe_echo_entry = { .fn = echo, .perm = HV_PERM_ALL,
					       .flags = HV_ENTRY_FRAME };
const struct hv_entry hv_probe_dump_entry = { .fn = dump, .perm = HV_PERM_ALL, .ncopy = 1 };
