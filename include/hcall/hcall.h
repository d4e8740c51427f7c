/* SPDX-License-Identifier: MIT */
/*
 * hcall/hcall.h - every hypercall ABI of the target architecture.
 *
 *   x86_64   KVM x86, ACRN, Palacios, hvisor, Jailhouse (hcall/kvm_x86.h,
 *            acrn.h, palacios.h, hvisor.h, jailhouse.h)
 *   arm64    hvisor, Jailhouse, Arm SMCCC, PSCI, TRNG, PV time, KVM/arm64 vendor
 *            services (hvisor.h, jailhouse.h, smccc.h, psci.h, trng.h, pvtime.h,
 *            kvm_arm64.h)
 *   riscv64  hvisor, RISC-V SBI               (hvisor.h, sbi.h)
 *
 * The architecture is the compiler's target, or HCALL_SIM_ARCH under the
 * simulated transport (see hcall/transport.h). Including one ABI header
 * instead costs less preprocessing; the generated code is the same.
 */
#ifndef HCALL_HCALL_H
#define HCALL_HCALL_H

#include <hcall/result.h>
#include <hcall/transport.h>
#include <hcall/version.h>

#if HCALL_TARGET_X86_64
#include <hcall/acrn.h>
#include <hcall/hvisor.h>
#include <hcall/jailhouse.h>
#include <hcall/kvm_x86.h>
#include <hcall/palacios.h>
#elif HCALL_TARGET_ARM64
#include <hcall/hvisor.h>
#include <hcall/jailhouse.h>
#include <hcall/kvm_arm64.h>
#include <hcall/psci.h>
#include <hcall/pvtime.h>
#include <hcall/smccc.h>
#include <hcall/trng.h>
#elif HCALL_TARGET_RISCV64
#include <hcall/hvisor.h>
#include <hcall/sbi.h>
#else
#error "hcall/hcall.h: unsupported architecture; hcall targets x86_64, arm64 and riscv64 (or HCALL_TRANSPORT_SIM with HCALL_SIM_ARCH)"
#endif

#endif /* HCALL_HCALL_H */
