/* SPDX-License-Identifier: MIT */
/* src/trapemu/decode.c - see decode.h. */
#include "decode.h"

/* The HVC/SMC family: bits [31:21] = 0b11010100000, [4:0] = opc2/LL. */
#define A64_EXC_MASK 0xFFE0001Fu
#define A64_HVC 0xD4000002u
#define A64_SMC 0xD4000003u

static struct trapemu_insn decode_arm64(const uint8_t *pc)
{
	struct trapemu_insn in = { HCALL_TRAP_NONE, 0, 0 };
	uint32_t w = (uint32_t)pc[0] | (uint32_t)pc[1] << 8 |
		     (uint32_t)pc[2] << 16 | (uint32_t)pc[3] << 24;

	if ((w & A64_EXC_MASK) == A64_HVC)
		in.trap = HCALL_TRAP_HVC;
	else if ((w & A64_EXC_MASK) == A64_SMC)
		in.trap = HCALL_TRAP_SMC;
	else
		return in;
	in.imm = (w >> 5) & 0xFFFFu;
	in.len = 4;
	return in;
}

static struct trapemu_insn decode_x86_64(const uint8_t *pc)
{
	struct trapemu_insn in = { HCALL_TRAP_NONE, 0, 0 };

	/* Byte by byte: a shorter illegal instruction may end its page. */
	if (pc[0] != 0x0f || pc[1] != 0x01)
		return in;
	if (pc[2] == 0xc1)
		in.trap = HCALL_TRAP_VMCALL;
	else if (pc[2] == 0xd9)
		in.trap = HCALL_TRAP_VMMCALL;
	else
		return in;
	in.len = 3;
	return in;
}

struct trapemu_insn trapemu_decode(enum hcall_arch arch, const uint8_t *pc)
{
	struct trapemu_insn none = { HCALL_TRAP_NONE, 0, 0 };

	switch (arch) {
	case HCALL_ARCH_ARM64:
		return decode_arm64(pc);
	case HCALL_ARCH_X86_64:
		return decode_x86_64(pc);
	case HCALL_ARCH_RISCV64: /* ecall is a Linux system call in user mode */
	default:
		return none;
	}
}
