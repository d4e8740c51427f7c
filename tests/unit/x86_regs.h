/* SPDX-License-Identifier: MIT */
/*
 * x86_64 general-purpose register numbers for the tests, in the
 * instruction-encoding order of the Intel SDM (vol. 2, "Register Codes"):
 * the indices of struct hcall_regs on x86_64. Written here from the
 * manual, not taken from <hcall/regs.h>, so the tests check the headers
 * against an independent source. Shared by the unit tests (tests/unit)
 * and the core's tests (tests/hv).
 */
#ifndef HCALL_TEST_X86_REGS_H
#define HCALL_TEST_X86_REGS_H

#define RAX 0
#define RCX 1
#define RDX 2
#define RBX 3
#define RSI 6
#define RDI 7
#define R8 8

#endif
