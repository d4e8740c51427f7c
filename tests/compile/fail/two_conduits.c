/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: x86_64
 * expect-error: define at most one of HCALL_X86_VMCALL and HCALL_X86_VMMCALL
 */
#define HCALL_X86_VMCALL 1
#define HCALL_X86_VMMCALL 1
#include <hcall/kvm_x86.h>

int unused_symbol_to_keep_the_unit_non_empty;
