/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/apic.c - the interrupt-controller pages the glue emulates
 * itself, before an #NPF becomes an ACRN MMIO request: the emulated I/O
 * APIC of a post-launched ACRN VM (hv/acrn_irq.h) at 0xFEC00000, and the
 * EOI register of the local APIC at 0xFEE000B0.
 *
 * NPT maps neither page, so an access exits with #NPF; exit.c decodes the
 * instruction (mmio_insn.h: QEMU's SVM has no decode assists) and hands it
 * here. The local APIC is not emulated beyond its EOI register (a 32-bit
 * write at offset 0xB0): it ends the highest vector in service (vintr.h)
 * and tells the I/O APIC. Any other access to that page is not emulated.
 */
#include "acrn_irq.h"
#include "ioapic.h"
#include "vm.h"

#define LAPIC_BASE 0xFEE00000ull
#define LAPIC_EOI 0xB0u
#define PAGE_MASK 0xFFFull

int x86_apic_access(struct hv *hv, struct hv_vcpu *vcpu, uint64_t gpa,
		    const struct mmio_insn *in)
{
	const uint64_t page = gpa & ~PAGE_MASK, off = gpa & PAGE_MASK;
	const uint64_t value = in->write ? mmio_store_value(in, &vcpu->regs) : 0;
	uint32_t v32 = (uint32_t)value;
	int eoi;

	if (page == LAPIC_BASE) {
		if (off != LAPIC_EOI || in->size != 4 || !in->write)
			return 0;
		eoi = vintr_eoi(&x86_vcpu_of(vcpu)->vintr);
		if (eoi >= 0)
			hv_acrn_eoi(hv, vcpu, (unsigned)eoi);
		return 1;
	}
	if (page != HV_IOAPIC_BASE ||
	    hv_acrn_ioapic_access(hv, vcpu, off, in->size, in->write, &v32))
		return 0; /* not the page, or this VM has no I/O APIC */
	if (!in->write)
		/* a read of another size than 4 reads all ones */
		mmio_load(in, &vcpu->regs, in->size == 4 ? v32 : ~0ull);
	return 1;
}
