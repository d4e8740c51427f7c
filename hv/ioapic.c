/* SPDX-License-Identifier: MIT */
/*
 * hv/ioapic.c - the emulated I/O APIC's registers and pins (hv/ioapic.h).
 *
 * When a pin fires, as ACRN v3.3 decides it:
 *   - its wire goes to the asserted level (high, or low for an active-low
 *     entry) from the other one, or
 *   - the guest writes an unmasked entry whose wire is asserted and whose
 *     remote IRR is clear, or
 *   - an EOI clears a level-triggered entry's remote IRR while its wire is
 *     still asserted;
 * and a masked entry sends nothing, nor does a level-triggered one whose
 * remote IRR is set (the previous interrupt not yet EOIed). Sending a
 * level-triggered interrupt sets remote IRR. An entry switched to edge
 * triggering drops its remote IRR (ACRN's answer to guests that clear a
 * stuck remote IRR that way).
 */
#include "ioapic.h"

#include "nospec.h"

#define REG_ID 0x00u
#define REG_VERSION 0x01u
#define REG_ARB 0x02u
#define REG_RTE 0x10u
#define ID_SHIFT 24u
#define ID_MASK 0x0F000000u
#define MRE_SHIFT 16u
#define MMIO_REGSEL 0x00u
#define MMIO_WINDOW 0x10u
#define RTE_RESET 0x0001000000010000ull /* ACRN MASK_ALL_INTERRUPTS */
#define RTE_READ_ONLY (HV_IOAPIC_RTE_REMOTE_IRR | HV_IOAPIC_RTE_DELIVS)

void hv_ioapic_reset(struct hv_ioapic *io)
{
	unsigned pin;

	for (pin = 0; pin < HV_IOAPIC_PINS; pin++)
		io->rte[pin] = RTE_RESET;
	io->line = 0;
	io->regsel = 0;
	io->id = 0;
}

/* Every pin number below comes from the guest (SET_IRQLINE, IOREGSEL)
 * and is range-checked by the caller; it is clamped again before use. */
static uint64_t *rte_of(struct hv_ioapic *io, uint32_t pin)
{
	return &io->rte[hv_index_nospec(pin, HV_IOAPIC_PINS)];
}

static int asserted(struct hv_ioapic *io, uint32_t pin)
{
	int high = (int)((io->line >> (pin & 63u)) & 1u);

	return (*rte_of(io, pin) & HV_IOAPIC_RTE_ACTIVE_LOW) ? !high : high;
}

/* Send pin's interrupt unless masked or waiting for its EOI. */
static void fire(struct hv_ioapic *io, uint32_t pin, struct hv_ioapic_sent *sent)
{
	uint64_t *entry = rte_of(io, pin);
	const uint64_t rte = *entry;

	if ((rte & HV_IOAPIC_RTE_MASKED) ||
	    ((rte & HV_IOAPIC_RTE_LEVEL) && (rte & HV_IOAPIC_RTE_REMOTE_IRR)))
		return;
	if (rte & HV_IOAPIC_RTE_LEVEL)
		*entry = rte | HV_IOAPIC_RTE_REMOTE_IRR;
	if (sent->n < HV_IOAPIC_PINS)
		sent->rte[hv_index_nospec(sent->n++, HV_IOAPIC_PINS)] = rte;
}

/* The wire of pin (< HV_IOAPIC_PINS) goes to `high`; a change to the
 * asserted level fires. */
static void set_wire(struct hv_ioapic *io, uint32_t pin, int high,
		     struct hv_ioapic_sent *sent)
{
	const uint64_t bit = 1ull << (pin & 63u);
	const int was_asserted = asserted(io, pin);

	io->line = high ? io->line | bit : io->line & ~bit;
	if (!was_asserted && asserted(io, pin))
		fire(io, pin, sent);
}

void hv_ioapic_set_line(struct hv_ioapic *io, uint32_t pin, uint32_t op,
			struct hv_ioapic_sent *sent)
{
	if (pin >= HV_IOAPIC_PINS)
		return;
	switch (op) {
	case HV_IOAPIC_SET_HIGH:
		set_wire(io, pin, 1, sent);
		break;
	case HV_IOAPIC_SET_LOW:
		set_wire(io, pin, 0, sent);
		break;
	case HV_IOAPIC_RAISING_PULSE:
		set_wire(io, pin, 1, sent);
		set_wire(io, pin, 0, sent);
		break;
	case HV_IOAPIC_FALLING_PULSE:
		set_wire(io, pin, 0, sent);
		set_wire(io, pin, 1, sent);
		break;
	default:
		break;
	}
}

static uint32_t read_reg(struct hv_ioapic *io, uint32_t reg)
{
	uint32_t n;

	switch (reg) {
	case REG_ID:
	case REG_ARB:
		return (uint32_t)io->id << ID_SHIFT;
	case REG_VERSION:
		return ((HV_IOAPIC_PINS - 1u) << MRE_SHIFT) | HV_IOAPIC_VERSION;
	default:
		break;
	}
	if (reg < REG_RTE || reg >= REG_RTE + 2u * HV_IOAPIC_PINS)
		return 0;
	n = (reg - REG_RTE) >> 1;
	return (uint32_t)(*rte_of(io, n) >> (((reg - REG_RTE) & 1u) * 32u));
}

static void write_rte(struct hv_ioapic *io, uint32_t reg, uint32_t data,
		      struct hv_ioapic_sent *sent)
{
	const uint32_t n = (reg - REG_RTE) >> 1;
	uint64_t *entry = rte_of(io, n);
	uint64_t rte = *entry;

	if ((reg - REG_RTE) & 1u)
		rte = (rte & 0xFFFFFFFFull) | ((uint64_t)data << 32);
	else
		rte = (rte & ~0xFFFFFFFFull) | (rte & RTE_READ_ONLY) |
		      ((uint64_t)data & ~RTE_READ_ONLY & 0xFFFFFFFFull);
	if (!(rte & HV_IOAPIC_RTE_LEVEL))
		rte &= ~HV_IOAPIC_RTE_REMOTE_IRR;
	*entry = rte;
	if (asserted(io, n))
		fire(io, n, sent);
}

static void write_reg(struct hv_ioapic *io, uint32_t reg, uint32_t data,
		      struct hv_ioapic_sent *sent)
{
	if (reg == REG_ID)
		io->id = (uint8_t)((data & ID_MASK) >> ID_SHIFT);
	else if (reg >= REG_RTE && reg < REG_RTE + 2u * HV_IOAPIC_PINS)
		write_rte(io, reg, data, sent);
	/* VERSION and ARB are read-only; other indices hold nothing */
}

int hv_ioapic_mmio(struct hv_ioapic *io, uint64_t offset, unsigned size, int write,
		   uint32_t *value, struct hv_ioapic_sent *sent)
{
	if (size != 4) {
		if (!write)
			*value = 0xFFFFFFFFu;
		return -1;
	}
	if (offset == MMIO_REGSEL) {
		if (write)
			io->regsel = *value & 0xFFu;
		else
			*value = io->regsel;
	} else if (offset == MMIO_WINDOW) {
		if (write)
			write_reg(io, io->regsel, *value, sent);
		else
			*value = read_reg(io, io->regsel);
	} else if (!write) {
		*value = 0xFFFFFFFFu;
	}
	return 0;
}

void hv_ioapic_eoi(struct hv_ioapic *io, unsigned vector, struct hv_ioapic_sent *sent)
{
	unsigned pin;

	for (pin = 0; pin < HV_IOAPIC_PINS; pin++) {
		const uint64_t rte = io->rte[pin];

		if ((rte & HV_IOAPIC_RTE_VECTOR) != (vector & 0xFFu) ||
		    !(rte & HV_IOAPIC_RTE_REMOTE_IRR))
			continue;
		io->rte[pin] = rte & ~HV_IOAPIC_RTE_REMOTE_IRR;
		if (asserted(io, pin))
			fire(io, pin, sent);
	}
}
