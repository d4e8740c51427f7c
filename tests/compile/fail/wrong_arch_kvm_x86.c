/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: riscv64
 * expect-error: KVM x86 hypercalls .* exist only on x86_64
 */
#include <hcall/kvm_x86.h>

int unused_symbol_to_keep_the_unit_non_empty;
