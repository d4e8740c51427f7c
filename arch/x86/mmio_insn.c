/* SPDX-License-Identifier: MIT */
/* arch/x86/mmio_insn.c - decoding and completing the MMIO instructions
 * mmio_insn.h lists (Intel SDM vol. 2, 2.1-2.2: prefixes, REX, ModRM,
 * SIB, displacement, immediate). */
#include "mmio_insn.h"

#define REX_W 8u
#define REX_R 4u

static uint64_t mask(unsigned size)
{
	return size >= 8 ? ~0ull : (1ull << (8 * size)) - 1;
}

/* Bytes of ModRM, SIB and displacement from b[0] (the ModRM byte), or 0
 * for a register operand (no memory access to emulate). */
static unsigned modrm_len(const uint8_t *b, unsigned n)
{
	unsigned mod = b[0] >> 6, rm = b[0] & 7, len = 1;

	if (mod == 3)
		return 0;
	if (rm == 4) {
		if (n < 2)
			return 0;
		len++;
		if (mod == 0 && (b[1] & 7) == 5)
			len += 4; /* no base: disp32 */
	} else if (mod == 0 && rm == 5) {
		len += 4; /* RIP-relative */
	}
	if (mod == 1)
		len += 1;
	else if (mod == 2)
		len += 4;
	return len;
}

int mmio_decode(const uint8_t *b, unsigned n, struct mmio_insn *in)
{
	unsigned i = 0, rex = 0, opsize = 4, op, ml, immlen = 0;
	int byte_op;

	for (; i < n; i++) {
		if (b[i] == 0x66)
			opsize = 2;
		else if (b[i] != 0x26 && b[i] != 0x2e && b[i] != 0x36 && b[i] != 0x3e &&
			 b[i] != 0x64 && b[i] != 0x65)
			break;
	}
	if (i < n && (b[i] & 0xf0) == 0x40)
		rex = b[i++];
	if (rex & REX_W)
		opsize = 8;
	if (i >= n)
		return -1;
	op = b[i++];
	if (op == 0x0f) {
		if (i >= n || (b[i] != 0xb6 && b[i] != 0xb7))
			return -1;
		op = 0x0f00u | b[i++];
	}
	if (i >= n)
		return -1;
	if (op >= 0xa0 && op <= 0xa3) {
		/* mov al/rAX <-> moffs: a 64-bit address, register 0 */
		in->write = op >= 0xa2;
		in->imm_form = 0;
		in->size = (op & 1) ? opsize : 1;
		in->dst_size = in->size;
		in->reg = 0;
		in->high8 = 0;
		in->imm = 0;
		in->len = i + 8;
		return in->len <= n ? 0 : -1;
	}
	in->write = op == 0x88 || op == 0x89 || op == 0xc6 || op == 0xc7;
	in->imm_form = op == 0xc6 || op == 0xc7;
	byte_op = op == 0x88 || op == 0x8a || op == 0xc6;
	switch (op) {
	case 0x88: case 0x89: case 0x8a: case 0x8b:
	case 0xc6: case 0xc7:
		in->size = byte_op ? 1 : opsize;
		in->dst_size = in->size;
		break;
	case 0x0fb6:
	case 0x0fb7:
		in->size = op == 0x0fb6 ? 1 : 2;
		in->dst_size = opsize;
		break;
	default:
		return -1;
	}
	if (in->imm_form && ((b[i] >> 3) & 7) != 0)
		return -1; /* C6/C7 with another /digit */
	ml = modrm_len(b + i, n - i);
	if (!ml)
		return -1;
	in->reg = ((b[i] >> 3) & 7) | ((rex & REX_R) ? 8u : 0u);
	/* AH..BH: a byte register 4..7 without any REX prefix. */
	in->high8 = byte_op && !in->imm_form && !rex && in->reg >= 4;
	if (in->high8)
		in->reg -= 4;
	i += ml;
	if (in->imm_form)
		immlen = op == 0xc6 ? 1 : opsize == 2 ? 2 : 4;
	if (i + immlen > n)
		return -1;
	in->imm = 0;
	for (unsigned k = 0; k < immlen; k++)
		in->imm |= (uint64_t)b[i + k] << (8 * k);
	if (immlen == 4 && opsize == 8 && (in->imm & 0x80000000ull))
		in->imm |= 0xffffffff00000000ull; /* sign-extended imm32 */
	in->len = i + immlen;
	return in->len <= MMIO_INSN_MAX ? 0 : -1;
}

uint64_t mmio_store_value(const struct mmio_insn *in, const struct hcall_regs *r)
{
	uint64_t v;

	if (in->imm_form)
		return in->imm & mask(in->size);
	v = r->r[in->reg % HCALL_NREGS];
	return (in->high8 ? v >> 8 : v) & mask(in->size);
}

void mmio_load(const struct mmio_insn *in, struct hcall_regs *r, uint64_t value)
{
	uint64_t *d = &r->r[in->reg % HCALL_NREGS];

	value &= mask(in->size); /* movzx: zero-extended from its source */
	if (in->high8)
		*d = (*d & ~0xff00ull) | (value << 8);
	else if (in->dst_size >= 4)
		*d = value; /* 32-bit writes clear bits 63:32 */
	else
		*d = (*d & ~mask(in->dst_size)) | value;
}
