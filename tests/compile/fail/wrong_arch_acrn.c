/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: aarch64
 * expect-error: ACRN hypercalls .* exist only on x86_64
 */
#include <hcall/acrn.h>

int unused_symbol_to_keep_the_unit_non_empty;
