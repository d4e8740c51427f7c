/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/palacios_services.h - the Palacios hypercalls this hypervisor
 * offers, registered per VM through the core's hv_register_hypercall()
 * (Palacios' v3_register_hypercall).
 */
#ifndef ARCH_X86_PALACIOS_SERVICES_H
#define ARCH_X86_PALACIOS_SERVICES_H

#include "hv.h"

/* Register TEST, MEM_OFFSET, GUEST_INFO, TELEMETRY, OS_DEBUG and
 * SYMMOD_SYMS for `vm`. TIME_CPUFREQ stays unregistered: TCG has no
 * calibrated frequency to report, and the guest sees Palacios' answer to
 * an unregistered number (-1). Returns 0 or the core's -errno. */
int palacios_register(struct hv_vm *vm);

#endif /* ARCH_X86_PALACIOS_SERVICES_H */
