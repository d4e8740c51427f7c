/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/mmio_insn.h - the instructions whose memory access the
 * hypervisor emulates when it exits with #NPF (an MMIO access or a write
 * to a write-protected page that the Service VM serves).
 *
 * 64-bit mode only; the address comes from the exit (EXITINFO2), so only
 * the instruction's length, direction, width and register matter. What
 * is decoded, with an optional 0x66 prefix, segment prefixes and REX:
 *   88 /r  mov r/m8, r8        8A /r  mov r8, r/m8
 *   89 /r  mov r/m, r          8B /r  mov r, r/m       (16/32/64 bits)
 *   C6 /0  mov r/m8, imm8      C7 /0  mov r/m, imm16/32 (sign-extended
 *                                                        with REX.W)
 *   0F B6  movzx r, r/m8       0F B7  movzx r, r/m16
 *   A0/A1  mov al/rAX, moffs   A2/A3  mov moffs, al/rAX
 * with every memory form of ModRM (SIB, disp8/disp32, RIP-relative).
 * Anything else (string moves, LOCK/REP, read-modify-write, VEX...) is
 * not emulated.
 */
#ifndef ARCH_X86_MMIO_INSN_H
#define ARCH_X86_MMIO_INSN_H

#include <hcall/regs.h>
#include <stdint.h>

#define MMIO_INSN_MAX 15 /* the architectural limit */

struct mmio_insn {
	unsigned len;      /* bytes of the instruction */
	unsigned size;     /* bytes accessed in memory: 1, 2, 4 or 8 */
	unsigned dst_size; /* a load: bytes written to the register */
	int write;         /* a store to memory */
	int imm_form;      /* the store's value is imm */
	unsigned reg;      /* the register loaded or stored (x86 encoding) */
	int high8;         /* it is AH, CH, DH or BH */
	uint64_t imm;
};

/* Decode the n bytes at b; 0, or -1 for what is not emulated. */
int mmio_decode(const uint8_t *b, unsigned n, struct mmio_insn *in);
/* The value a store writes. */
uint64_t mmio_store_value(const struct mmio_insn *in, const struct hcall_regs *r);
/* Complete a load with the value read (as the instruction writes its
 * destination: an 8- or 16-bit write keeps the rest, 32 bits zero-extend). */
void mmio_load(const struct mmio_insn *in, struct hcall_regs *r, uint64_t value);

#endif /* ARCH_X86_MMIO_INSN_H */
