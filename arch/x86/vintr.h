/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/vintr.h - a vCPU's interrupt vectors as a local APIC keeps
 * them: requested (IRR, set by any CPU: the upcall, INJECT_MSI, the
 * emulated I/O APIC) and in service (ISR, from injection to the guest's
 * EOI). The highest requested vector is injected first; an EOI ends the
 * highest vector in service. Two requests of one vector before it is
 * injected are one interrupt, as in an IRR. The priority classes of a
 * real APIC (an in-service vector holding back lower ones) are not
 * modelled: every requested vector is injected once the guest takes
 * interrupts.
 */
#ifndef ARCH_X86_VINTR_H
#define ARCH_X86_VINTR_H

#include <stdint.h>

struct x86_vintr {
	uint64_t irr[4]; /* bit v % 64 of word v / 64 */
	uint64_t isr[4];
};

/* Any CPU: request vector v. */
static inline void vintr_request(struct x86_vintr *vi, unsigned v)
{
	__atomic_fetch_or(&vi->irr[(v >> 6) & 3u], 1ull << (v & 63u), __ATOMIC_SEQ_CST);
}

static inline int vintr_highest(const uint64_t w[4])
{
	for (int i = 3; i >= 0; i--) {
		uint64_t bits = __atomic_load_n(&w[i], __ATOMIC_SEQ_CST);

		if (bits)
			return i * 64 + 63 - __builtin_clzll(bits);
	}
	return -1;
}

static inline int vintr_pending(const struct x86_vintr *vi)
{
	return vintr_highest(vi->irr) >= 0;
}

/* The vCPU's own CPU, at injection: the highest requested vector moves
 * to in service; -1 if none. */
static inline int vintr_take(struct x86_vintr *vi)
{
	int v = vintr_highest(vi->irr);

	if (v < 0)
		return -1;
	__atomic_fetch_and(&vi->irr[v >> 6], ~(1ull << (v & 63)), __ATOMIC_SEQ_CST);
	vi->isr[v >> 6] |= 1ull << (v & 63);
	return v;
}

/* The vCPU's own CPU, at the guest's EOI: the highest vector in service
 * ends; -1 if none was. */
static inline int vintr_eoi(struct x86_vintr *vi)
{
	int v = vintr_highest(vi->isr);

	if (v >= 0)
		vi->isr[v >> 6] &= ~(1ull << (v & 63));
	return v;
}

static inline void vintr_clear(struct x86_vintr *vi)
{
	for (unsigned i = 0; i < 4; i++) {
		__atomic_store_n(&vi->irr[i], 0, __ATOMIC_SEQ_CST);
		vi->isr[i] = 0;
	}
}

#endif /* ARCH_X86_VINTR_H */
