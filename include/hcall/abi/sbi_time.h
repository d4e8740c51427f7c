/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_time.h - the SBI timer extension (EID "TIME", SBI
 * v0.2+). Source: SBI specification v3.0, chapter "Timer Extension".
 */
#ifndef HCALL_ABI_SBI_TIME_H
#define HCALL_ABI_SBI_TIME_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_TIME_EID HCALL_SBI_EXT_TIME
#define HCALL_SBI_TIME_SET_TIMER 0u

#define HCALL_SBI_TIME_CALLS(X)                                           \
	X(SBI_TIME, sbi_time, SET_TIMER, set_timer, STATUS, 1, 0,         \
	  (uint64_t, stime_value), _, _, _,                               \
	  "raise the supervisor timer interrupt once time >= stime_value; " \
	  "clears the pending one")

#define HCALL_SBI_TIME_CONV_RISCV HCALL_SBI_CONV("sbi-time/riscv64", HCALL_SBI_TIME_EID)

/* A deadline that never comes: cancels the timer (the specification's
 * way to clear the interrupt without a new event). */
#define HCALL_SBI_TIME_NEVER 0xFFFFFFFFFFFFFFFFull

#endif /* HCALL_ABI_SBI_TIME_H */
