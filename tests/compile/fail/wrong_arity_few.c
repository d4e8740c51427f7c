/* SPDX-License-Identifier: MIT */
/*
 * expect-fail: x86_64
 * expect-error: too few arguments to function .*hcall_acrn_inject_msi
 */
#include <hcall/acrn.h>

int inject(void)
{
	return (int)hcall_acrn_inject_msi(1).status;
}
