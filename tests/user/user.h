/* SPDX-License-Identifier: MIT */
/*
 * tests/user/user.h - what the parts of the user-mode runtime share: the
 * VMs a program's hypervisor has (plan.c), and the per-architecture half
 * of the runtime (arm64_guest.c, rv_guest.c, x86_guest.c), which gives
 * the architecture's guest header (tests/guest/<arch>/) its user-mode
 * meaning.
 */
#ifndef HCALL_TEST_USER_H
#define HCALL_TEST_USER_H

#include "trapemu.h"

/*
 * Fill `opt` with the VMs of this program (chosen at build time with
 * -DUSER_PLAN_<NAME>): the process's own VM, as the matching VM of the
 * system hypervisor is configured, and the other VMs it can name.
 */
void user_plan(struct trapemu_options *opt);

/* One line saying what this program is, printed before the checks. */
extern const char user_plan_note[];

/* The hv core injected `fault` and the program expected it: record what
 * the architecture's guest header reports about it. */
void user_arch_fault(enum hv_fault fault);

#endif /* HCALL_TEST_USER_H */
