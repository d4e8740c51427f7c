/* SPDX-License-Identifier: MIT */
/*
 * bench/roundtrip/arm64/bench_layout.c - the one VM of the arm64 bench
 * image: the bench guest, with SMCCC rights and the console, at the
 * service VM's address (its PSCI SYSTEM_OFF ends the run).
 */
#include "layout.h"

extern const uint8_t guest_bench_start[], guest_bench_end[];

const struct layout_vm layout_vms[] = {
	{ "bench", HV_ROLE_SERVICE, HV_ABI_BIT(HV_ABI_SMCCC), 0,
	  LAYOUT_SERVICE_BASE, LAYOUT_VM_SIZE, 1, 0, 1,
	  guest_bench_start, guest_bench_end, 1, 0 },
};

const unsigned layout_nvms = sizeof(layout_vms) / sizeof(layout_vms[0]);
