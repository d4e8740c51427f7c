/* SPDX-License-Identifier: MIT */
/* tests/guest/arm64/allregs.h - traps with all of x0..x30 controlled
 * (allregs.S), and the unique register values the checks load. */
#ifndef HCALL_TEST_ARM64_ALLREGS_H
#define HCALL_TEST_ARM64_ALLREGS_H

#include <stdint.h>

void arm64_trap_hvc0(const uint64_t in[31], uint64_t out[31]);
void arm64_trap_hvc_hvisor(const uint64_t in[31], uint64_t out[31]);
void arm64_trap_smc0(const uint64_t in[31], uint64_t out[31]);

/* A value no hypervisor would produce by accident, distinct per register
 * and per test (`salt`). */
static inline uint64_t arm64_unique(unsigned reg, unsigned salt)
{
	return 0x5a17000000000000ull | ((uint64_t)salt << 32) |
	       (0x1000u + reg * 0x11u);
}

static inline void arm64_fill(uint64_t in[31], unsigned salt)
{
	for (unsigned i = 0; i < 31; i++)
		in[i] = arm64_unique(i, salt);
}

#endif /* HCALL_TEST_ARM64_ALLREGS_H */
