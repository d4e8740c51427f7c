/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: x86_64
 * expect-error: hvisor hypercalls exist only on arm64
 */
#include <hcall/hvisor.h>

int unused_symbol_to_keep_the_unit_non_empty;
