/* SPDX-License-Identifier: MIT */
/*
 * bench/roundtrip/bench_floor.h - the floor trap of the round-trip bench.
 *
 * The bench images' hypervisors (built with -DHV_BENCH) answer this trap
 * right after the glue has saved the guest's frame: they restore it and
 * resume the guest, with no decode, no policy check and no dispatch. It
 * measures what any hypercall costs at least on this machine: the trap,
 * the world switch out and back, and the return. The normal images have
 * no such shortcut; there these numbers are ordinary unknown calls.
 *
 * One number per architecture, outside every ABI the core implements:
 *   arm64   HVC immediate 0x4246 ("BF"; SMCCC uses #0, hvisor #0x4856)
 *   riscv   EID 0x09424600 in a7, in SBI's vendor range (0x09000000..
 *           0x09FFFFFF), where the core implements nothing
 *   x86     VMMCALL with RAX = 0x42460000 (no KVM, ACRN or Palacios number)
 */
#ifndef HCALL_BENCH_FLOOR_H
#define HCALL_BENCH_FLOOR_H

#define HV_BENCH_FLOOR_HVC_IMM 0x4246
/* ESR_EL2 of that HVC from AArch64: EC 0x16, IL, ISS = the immediate. */
#define HV_BENCH_FLOOR_ESR ((0x16ull << 26) | (1ull << 25) | HV_BENCH_FLOOR_HVC_IMM)

#define HV_BENCH_FLOOR_EID 0x09424600ull

#define HV_BENCH_FLOOR_RAX 0x42460000ull

#endif /* HCALL_BENCH_FLOOR_H */
