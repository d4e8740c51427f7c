/* SPDX-License-Identifier: MIT */
/*
 * hv/acrn_irq.h - the interrupt controller of the VMs the Service VM
 * creates (ACRN's post-launched VMs), between the architecture glue and
 * hv/svc_acrn.c.
 *
 * Each such VM has an emulated I/O APIC (hv/ioapic.h) at guest-physical
 * HV_IOAPIC_BASE, which the glue leaves unmapped: the VM's accesses exit,
 * the glue decodes them and hands them to hv_acrn_ioapic_access(). The
 * Service VM drives its pins with SET_IRQLINE. An interrupt the chip sends
 * reaches the vCPU its entry names through the arch op `upcall` (fixed or
 * lowest-priority delivery, physical destination = the vCPU's index, 0xFF
 * = every vCPU; vectors below 16 and other modes are dropped, as ACRN's
 * vLAPIC drops them; a logical destination reaches no vCPU, since no
 * logical APIC ID is emulated). The glue reports the guest's EOIs with
 * hv_acrn_eoi(). No 8259 PIC is emulated.
 */
#ifndef HV_ACRN_IRQ_H
#define HV_ACRN_IRQ_H

#include "hv.h"

/*
 * A 32-bit access by vcpu at `offset` in its I/O APIC page: a write of
 * *value, or a read into *value. 0 when emulated (an access of another
 * size reads all ones and writes nothing), -1 when vcpu's VM has no
 * emulated I/O APIC (nothing done).
 */
int hv_acrn_ioapic_access(struct hv *hv, struct hv_vcpu *vcpu, uint64_t offset,
			  unsigned size, int write, uint32_t *value);

/* vcpu's local APIC ended interrupt `vector` (its EOI register): the
 * I/O APIC's level-triggered entries with that vector take the EOI. */
void hv_acrn_eoi(struct hv *hv, struct hv_vcpu *vcpu, unsigned vector);

#endif
