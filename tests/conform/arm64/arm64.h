/* SPDX-License-Identifier: MIT */
/* tests/conform/arm64/arm64.h - between the arm64 guest's files. */
#ifndef KIT_ARM64_H
#define KIT_ARM64_H

#include "../kit.h"

extern const char kit_console_name[];

/* One SMCCC fast call through this build's conduit: x0 = fid, x1..x3;
 * returns x0 and x1. */
struct kit_ret kit_smccc(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3);
/* This CPU's MPIDR affinity fields (Aff3..Aff0). */
uint64_t kit_self_mpidr(void);
/* start.S */
void kit_secondary_entry(void);
void kit_regcheck(uint64_t r[33]);
/* Called from start.S. */
void kit_main(uint64_t entry_el);
void kit_secondary(uint64_t context_id);
void kit_exception(uint64_t idx);
__attribute__((noreturn)) void kit_end(void);

#endif /* KIT_ARM64_H */
