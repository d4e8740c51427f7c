/* SPDX-License-Identifier: MIT */
/* tests/conform/riscv/riscv.h - between the riscv64 guest's files. */
#ifndef KIT_RISCV_H
#define KIT_RISCV_H

#include "../kit.h"

extern const char *kit_console_name;
extern uint64_t kit_hartid;

/* One SBI call: a7 = eid, a6 = fid, a0..a2; returns a0 (error), a1. */
struct kit_ret kit_sbi(uint32_t eid, uint32_t fid, uint64_t a0, uint64_t a1, uint64_t a2);
void kit_console_init(void);
/* start.S */
void kit_secondary_entry(void);
void kit_regcheck(uint64_t r[33]);
/* Called from start.S. */
void kit_main(uint64_t hartid);
void kit_trap(void);
void kit_secondary(uint64_t hartid, uint64_t opaque);
__attribute__((noreturn)) void kit_end(unsigned failed);

#endif /* KIT_RISCV_H */
