/* SPDX-License-Identifier: MIT */
/*
 * hv/probe.h - the conformance probe's two calls (probe.c), which the
 * dispatcher offers on every ABI of a VM with HV_CAP_PROBE at the numbers
 * of <hcall/abi/probe.h> (each service's `probe` numbers).
 */
#ifndef HV_PROBE_H
#define HV_PROBE_H

#include "service.h"

extern const struct hv_entry hv_probe_echo_entry, hv_probe_dump_entry;

#endif /* HV_PROBE_H */
