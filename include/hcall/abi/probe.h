/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/probe.h - the ABI-probe service of hcall's hypervisor core.
 *
 * The conformance suites need to see exactly which register carried what.
 * Each ABI gets two calls at a documented number inside a range its
 * specification leaves to implementations:
 *
 *   ECHO  records the whole trapped register frame (struct hcall_regs) in
 *         the calling vCPU, then writes HCALL_PROBE_PATTERN(i) into every
 *         result register of the convention, where i is the position of
 *         the register in the convention's result list (0 = first).
 *         For SBI the error register a0 gets 0 (success) and a1 the
 *         pattern of position 1.
 *   DUMP  copies the frame recorded by the last ECHO of this vCPU to the
 *         guest-physical address in the first argument register
 *         (sizeof(struct hcall_regs) bytes) and returns success.
 *
 * A hypervisor built without the probe answers these numbers like any
 * unknown call.
 */
#ifndef HCALL_ABI_PROBE_H
#define HCALL_ABI_PROBE_H

#define HCALL_PROBE_PATTERN(i) (0x9e0b5a5a00000000ull | (0xa0u + (unsigned)(i)))

/* hvisor (both architectures): codes far above hvisor's own 0..n. */
#define HCALL_PROBE_HVISOR_ECHO 0x48430000u
#define HCALL_PROBE_HVISOR_DUMP 0x48430001u

/* SMCCC: vendor-specific hypervisor service (owner 6), fast call, SMC64,
 * function numbers 0x4843/0x4844, outside KVM's 0..127 feature bitmap. */
#define HCALL_PROBE_SMCCC_ECHO 0xC6004843u
#define HCALL_PROBE_SMCCC_DUMP 0xC6004844u

/* SBI: an extension in the firmware-specific range 0x0A000000-0x0AFFFFFF. */
#define HCALL_PROBE_SBI_EID 0x0A484300u
#define HCALL_PROBE_SBI_FID_ECHO 0u
#define HCALL_PROBE_SBI_FID_DUMP 1u

/* KVM x86 and Palacios: numbers in rax. */
#define HCALL_PROBE_X86_ECHO 0x48430000u
#define HCALL_PROBE_X86_DUMP 0x48430001u

/* Jailhouse (both architectures): codes far above Jailhouse's own 0..8. */
#define HCALL_PROBE_JAILHOUSE_ECHO 0x48430000u
#define HCALL_PROBE_JAILHOUSE_DUMP 0x48430001u

/* ACRN: ids in r8, in the 0x80 hypercall space, at the top of it. */
#define HCALL_PROBE_ACRN_ECHO 0x80FFFF00u
#define HCALL_PROBE_ACRN_DUMP 0x80FFFF01u

#endif /* HCALL_ABI_PROBE_H */
