/* SPDX-License-Identifier: MIT */
/*
 * hv/ioapic.h - an emulated I/O APIC (Intel 82093AA register model), as
 * ACRN v3.3's vIOAPIC presents it to a post-launched VM
 * (hypervisor/dm/vioapic.c at 8cb6fa68).
 *
 * The chip is a register file and its pins; it knows nothing of vCPUs.
 * An interrupt it sends is handed back to the caller as the redirection
 * entry that fired (struct hv_ioapic_sent), and the caller, which owns the
 * lock around the chip, delivers it after dropping that lock.
 *
 * Registers, reached through a 4 KiB MMIO page:
 *   offset 0x00 IOREGSEL  the register index (bits 7:0)
 *   offset 0x10 IOWIN     the selected register
 *   other offsets         reads all ones, writes ignored
 * Only 32-bit accesses reach a register (ACRN refuses any other size).
 * Indirect registers:
 *   0x00 ID       bits 27:24, writable (ACRN keeps 4 bits)
 *   0x01 VERSION  0x11 | (pins - 1) << 16, read-only
 *   0x02 ARB      the ID again, read-only
 *   0x10 + 2n     redirection entry n, low half (n < HV_IOAPIC_PINS);
 *   0x11 + 2n     its high half (destination in bits 31:24)
 *   anything else reads 0
 * Every entry resets to ACRN's MASK_ALL_INTERRUPTS, 0x0001000000010000:
 * masked (bit 16) and, as ACRN writes it, bit 48 too.
 */
#ifndef HV_IOAPIC_H
#define HV_IOAPIC_H

#include <hcall/types.h>

/* ACRN v3.3 VIOAPIC_RTE_NUM: the pins (and GSIs) of a post-launched VM. */
#define HV_IOAPIC_PINS 48u
#define HV_IOAPIC_BASE 0xFEC00000ull /* ACRN VIOAPIC_BASE */
#define HV_IOAPIC_SIZE 0x1000ull
#define HV_IOAPIC_VERSION 0x11u      /* ACRN_IOAPIC_VERSION */

/* Redirection entry bits (82093AA datasheet 3.2.4). */
#define HV_IOAPIC_RTE_VECTOR 0xFFull
#define HV_IOAPIC_RTE_DELMODE(rte) (((rte) >> 8) & 7u)
#define HV_IOAPIC_RTE_LOGICAL (1ull << 11)
#define HV_IOAPIC_RTE_DELIVS (1ull << 12)    /* delivery status, read-only */
#define HV_IOAPIC_RTE_ACTIVE_LOW (1ull << 13)
#define HV_IOAPIC_RTE_REMOTE_IRR (1ull << 14) /* read-only */
#define HV_IOAPIC_RTE_LEVEL (1ull << 15)
#define HV_IOAPIC_RTE_MASKED (1ull << 16)
#define HV_IOAPIC_RTE_DEST(rte) ((unsigned)((rte) >> 56))

/* SET_IRQLINE's operations (ACRN GSI_SET_HIGH ... GSI_FALLING_PULSE). */
enum hv_ioapic_line_op {
	HV_IOAPIC_SET_HIGH = 0,
	HV_IOAPIC_SET_LOW = 1,
	HV_IOAPIC_RAISING_PULSE = 2,
	HV_IOAPIC_FALLING_PULSE = 3,
};

struct hv_ioapic {
	uint64_t rte[HV_IOAPIC_PINS];
	uint64_t line;   /* bit n: the level on pin n's wire (1 = high) */
	uint32_t regsel;
	uint8_t id;
};

/* The interrupts one operation sent: each the entry that fired. One
 * operation fires a pin at most once. */
struct hv_ioapic_sent {
	unsigned n;
	uint64_t rte[HV_IOAPIC_PINS];
};

/* Power-on state: every entry masked, ID 0, IOREGSEL 0, every wire low. */
void hv_ioapic_reset(struct hv_ioapic *io);

/*
 * An access of `size` bytes at `offset` in the MMIO page: a write of
 * *value, or a read into *value. 0, or -1 for a size other than 4 (a read
 * then gives all ones, a write is dropped).
 */
int hv_ioapic_mmio(struct hv_ioapic *io, uint64_t offset, unsigned size, int write,
		   uint32_t *value, struct hv_ioapic_sent *sent);

/* Drive pin `pin`'s wire (SET_IRQLINE). A pin >= HV_IOAPIC_PINS or an
 * unknown op does nothing, as in ACRN v3.3. */
void hv_ioapic_set_line(struct hv_ioapic *io, uint32_t pin, uint32_t op,
			struct hv_ioapic_sent *sent);

/* End of interrupt for `vector` (a local APIC's EOI, broadcast): every
 * level-triggered entry with that vector drops its remote IRR, and fires
 * again while its wire is still asserted. */
void hv_ioapic_eoi(struct hv_ioapic *io, unsigned vector, struct hv_ioapic_sent *sent);

#endif /* HV_IOAPIC_H */
