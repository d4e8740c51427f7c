/* SPDX-License-Identifier: MIT */
/*
 * bench/roundtrip/bench_floor.h - the floor trap of the round-trip bench.
 *
 * The floor images (built with -DHV_BENCH_FLOOR, bench/roundtrip) answer
 * this trap in their exception vector, right after the guest's registers
 * are saved: they restore them and resume the guest, with no C, no
 * decode, no policy and no dispatch. That is the physical floor of any
 * hypercall on this machine: the trap, saving and restoring every guest
 * register, the return. The images users run have no such shortcut; there
 * these numbers are ordinary unknown calls.
 *
 * One number per architecture, outside every ABI the core implements
 * (plain literals: the vectors include this file in assembly):
 *   arm64   HVC immediate 0x4246 ("BF"; SMCCC uses #0, hvisor #0x4856,
 *           Jailhouse #0x4a48); ESR_EL2 = EC 0x16, IL, ISS = the immediate
 *   riscv   EID 0x09424600 in a7, in SBI's vendor range (0x09000000..
 *           0x09FFFFFF), where the core implements nothing
 *   x86     VMMCALL with RAX = 0x42460000 (no KVM, ACRN, Palacios or
 *           Jailhouse number)
 */
#ifndef HCALL_BENCH_FLOOR_H
#define HCALL_BENCH_FLOOR_H

#define HV_BENCH_FLOOR_HVC_IMM 0x4246
#define HV_BENCH_FLOOR_ESR 0x5A004246

#define HV_BENCH_FLOOR_EID 0x09424600

#define HV_BENCH_FLOOR_RAX 0x42460000

#endif /* HCALL_BENCH_FLOOR_H */
