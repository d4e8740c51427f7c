/* SPDX-License-Identifier: MIT */
/*
 * src/trapemu/decode.h - recognising a hypercall instruction from the
 * bytes at the faulting PC.
 *
 *   arm64   HVC #imm16 = 0xD4000002 | imm16 << 5
 *           SMC #imm16 = 0xD4000003 | imm16 << 5     (4 bytes, little endian)
 *   x86_64  VMCALL  = 0f 01 c1, VMMCALL = 0f 01 d9   (3 bytes, no prefixes)
 *
 * Anything else is not a hypercall and the caller lets it crash.
 */
#ifndef TRAPEMU_DECODE_H
#define TRAPEMU_DECODE_H

#include <hcall/regs.h>

struct trapemu_insn {
	enum hcall_trap trap; /* HCALL_TRAP_NONE: not a hypercall */
	uint32_t imm;         /* HVC/SMC immediate, 0 elsewhere */
	unsigned len;         /* bytes to advance past it */
};

/*
 * Decode the instruction at `pc` for `arch`. Reads only as many bytes as
 * needed to reject (on x86 a mismatch on the first byte reads one byte).
 * Returns the instruction; trap is HCALL_TRAP_NONE if it is not a
 * hypercall or the architecture is not one that traps in user mode.
 */
struct trapemu_insn trapemu_decode(enum hcall_arch arch, const uint8_t *pc);

#endif /* TRAPEMU_DECODE_H */
