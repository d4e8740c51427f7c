/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: aarch64
 * expect-error: only on riscv64
 */
#include <hcall/sbi.h>

int unused_symbol_to_keep_the_unit_non_empty;
