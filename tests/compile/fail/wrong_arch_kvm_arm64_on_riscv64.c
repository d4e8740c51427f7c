/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: riscv64
 * expect-error: only on arm64
 */
#include <hcall/kvm_arm64.h>

int unused_symbol_to_keep_the_unit_non_empty;
