/* SPDX-License-Identifier: MIT */
/*
 * expect-pass: aarch64 -O2
 *
 * Android's MMIO_GUARD_MAP (0xC6000007) takes a MAIR_EL1 index in x2: a
 * constant non-zero index compiles, where mainline's MMIO_GUARD, the same
 * ID, reserves x2 (reserved_mmio_guard_smc.c).
 */
#include <hcall/kvm_arm64_android.h>

int map_uart(void)
{
	return hcall_ok(hcall_kvm_arm64_android_mmio_guard_map(0x09000000u, 1));
}
