/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/zone.c - the program of the zones the service VM
 * starts (normal and no-rights). It replaces the conformance main: it
 * tries a few calls, records what happened in its slot of the shared page
 * (rv_guest.h) for the service VM to judge, then idles, counting and
 * acknowledging upcalls. a1 at boot is its device tree's address, where
 * the root zone left the zone id (rv_guest.h).
 */
#include <hcall/hvisor.h>
#include <hcall/sbi.h>

#include "../guest.h"
#include "rv_guest.h"

static struct hcall_hvisor_ivc_info ivc __attribute__((aligned(16)));
static hcall_hvisor_zone_config_t cfg __attribute__((aligned(16)));

/* The zone id from the device tree at a1, or 0 (a slot nobody judges as
 * a zone's) if a1 does not point at one in this zone's RAM. */
static uint64_t zone_id(uint64_t a1)
{
	const struct rv_dtb_standin *d = (const struct rv_dtb_standin *)(uintptr_t)a1;

	if (a1 < RV_G_RAM_BASE || a1 > RV_G_RAM_BASE + RV_G_RAM_SIZE - sizeof(*d) ||
	    ((uint32_t)d->magic_be[0] << 24 | (uint32_t)d->magic_be[1] << 16 |
	     (uint32_t)d->magic_be[2] << 8 | d->magic_be[3]) != RV_G_FDT_MAGIC ||
	    d->zone_id >= 3)
		return 0;
	return d->zone_id;
}

/* An ecall that is expected to fault, then one instruction that adds 1 to
 * a0: the handler steps over the instruction at sepc, so the answer is 1
 * when the fault was taken at the ecall and 0 when at the instruction
 * after it. Uncompressed, so each is 4 bytes. */
static uint64_t ecall_then_count(void)
{
	register uint64_t a0 __asm__("a0") = 0;
	register uint64_t a7 __asm__("a7") = HCALL_HVISOR_RISCV_EID;

	__asm__ __volatile__(".option push\n\t.option norvc\n\t"
			     "ecall\n\taddi %0, %0, 1\n\t.option pop"
			     : "+r"(a0) : "r"(a7) : "memory");
	return a0;
}

void guest_main(void)
{
	struct rv_zone_report *r = &RV_SHARED->zone[zone_id(rv_guest_boot_a1)];
	struct hcall_hvisor_ret h;
	struct hcall_sbi_ret s;
	enum guest_fault f;
	uint64_t sip;

	r->runs++;
	r->boot_a1 = rv_guest_boot_a1;
	guest_expect_fault();
	h = hcall_hvisor_call(HCALL_HVISOR_IVC_INFO, (uint64_t)(uintptr_t)&ivc, 0);
	f = guest_fault_taken();
	r->ecall_cause = f != GUEST_FAULT_NONE ? guest_fault_cause() : 0;
	if (f == GUEST_FAULT_NONE) {
		r->ivc_error = (int64_t)h.error;
		r->ivc_len = ivc.len;
		r->ivc_id = ivc.ivc_ids[0] | (uint64_t)ivc.ivc_irqs[0] << 32;
		h = hcall_hvisor_call(HCALL_HVISOR_IVC_INFO, RV_G_RAM_BASE + RV_G_RAM_SIZE - 56, 0);
		r->ivc_end_error = (int64_t)h.error;
		h = hcall_hvisor_call(HCALL_HVISOR_IVC_INFO, RV_G_RAM_BASE + RV_G_RAM_SIZE - 48, 0);
		r->ivc_past_error = (int64_t)h.error;
		r->ivc_past_value = (int64_t)h.value;
		cfg.zone_id = RV_G_ZONE_NORIGHTS;
		r->start_error = hcall_hvisor_zone_start((uint64_t)(uintptr_t)&cfg,
							 sizeof(cfg)).code;
		s = hcall_sbi_call0(0x10, 0);
		r->sbi_error = (int64_t)s.error;
		r->sbi_value = s.value;
	} else {
		r->ecall_tval = guest_fault_detail();
		guest_expect_fault();
		r->ecall_next_ran = ecall_then_count();
		(void)guest_fault_taken();
	}
	guest_expect_fault();
	(void)*(volatile uint64_t *)(uintptr_t)0x80000000ull;
	(void)guest_fault_taken();
	r->outside_cause = guest_fault_cause();
	/* A virtio request (hvisor: the root zone gets an interrupt). */
	guest_expect_fault();
	*(volatile uint32_t *)(uintptr_t)RV_G_VIRTIO_BASE = 1;
	(void)guest_fault_taken();
	r->virtio_cause = guest_fault_cause();
	r->done = 1;
	rv_guest_irq_enable();
	for (;;) {
		rv_guest_yield();
		__asm__ __volatile__("csrr %0, sip" : "=r"(sip));
		r->irq_count = rv_guest_irq_count;
		r->irq_pending = (sip >> 1) & 1;
		r->loops++;
	}
}

