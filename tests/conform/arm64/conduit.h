/* SPDX-License-Identifier: MIT */
/*
 * tests/conform/arm64/conduit.h - the SMCCC conduit of this build:
 * `hvc #0`, or `smc #0` with -DKIT_CONDUIT_SMC. Usable from C and assembly.
 */
#ifndef KIT_ARM64_CONDUIT_H
#define KIT_ARM64_CONDUIT_H

#ifdef KIT_CONDUIT_SMC
#define KIT_CONDUIT_INSN smc #0
#define KIT_CONDUIT_STR "smc #0"
#define KIT_CONDUIT_NAME "SMC"
#else
#define KIT_CONDUIT_INSN hvc #0
#define KIT_CONDUIT_STR "hvc #0"
#define KIT_CONDUIT_NAME "HVC"
#endif

#endif /* KIT_ARM64_CONDUIT_H */
