/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/riscv/rv_guest.h - riscv-only parts of the guest runtime:
 * the memory map the riscv hypervisor gives every VM (arch/riscv/layout.h
 * is the hypervisor's side of the same plan), the shared page the zones
 * report through, and what the trap handler recorded.
 */
#ifndef HCALL_TEST_RV_GUEST_H
#define HCALL_TEST_RV_GUEST_H

#include <stdint.h>

/* Guest-physical map of every VM under the hcall riscv hypervisor. */
#define RV_G_RAM_BASE 0x80200000ull /* the image is linked here */
#define RV_G_RAM_SIZE 0x200000ull
#define RV_G_SHARED_BASE 0x90000000ull
#define RV_G_SHARED_SIZE 0x1000ull
#define RV_G_VIRTIO_BASE 0x10001000ull /* a zone's access: the service VM's upcall */
/* Where the service VM sees the zones' RAM (host-physical, identity). */
#define RV_G_NORMAL_RAM_PA 0x80600000ull
#define RV_G_NORIGHTS_RAM_PA 0x80800000ull
/* hvisor zone ids: the hypervisor's VM slots. */
#define RV_G_ZONE_SERVICE 0
#define RV_G_ZONE_NORMAL 1
#define RV_G_ZONE_NORIGHTS 2
/* The a1 boot argument: the device tree's address, as hvisor (from the
 * zone_config's dtb_load_paddr) and OpenSBI pass it; 0 for a VM the hcall
 * hypervisor starts at boot. */
extern uint64_t rv_guest_boot_a1;
/* Where a zone's config puts its device tree: the last page of its RAM
 * (guest-physical; the root zone writes it at the physical address). The
 * root zone writes a stand-in there, the FDT magic (big-endian) and the
 * zone id, which is how a zone knows which it is. */
#define RV_G_DTB_OFFSET (RV_G_RAM_SIZE - 0x1000ull)
#define RV_G_FDT_MAGIC 0xd00dfeedu
struct rv_dtb_standin {
	uint8_t magic_be[4];
	uint32_t zero;
	uint64_t zone_id;
};

/* What the root zone writes at a zone's dtb_load_paddr (its own view). */
static inline void rv_dtb_standin_write(uint64_t pa, uint64_t zone_id)
{
	struct rv_dtb_standin *d = (struct rv_dtb_standin *)(uintptr_t)pa;

	d->magic_be[0] = (uint8_t)(RV_G_FDT_MAGIC >> 24);
	d->magic_be[1] = (uint8_t)(RV_G_FDT_MAGIC >> 16);
	d->magic_be[2] = (uint8_t)(RV_G_FDT_MAGIC >> 8);
	d->magic_be[3] = (uint8_t)RV_G_FDT_MAGIC;
	d->zero = 0;
	d->zone_id = zone_id;
}

/* What the zones (tests/guest/riscv/zone.c) leave for the service VM. */
struct rv_zone_report {
	volatile uint64_t runs;        /* incremented at each boot */
	volatile uint64_t done;        /* 1 once the fields below are set */
	volatile uint64_t ecall_cause; /* scause of the fault its hvisor ecall took, 0 = none */
	volatile int64_t ivc_error;    /* a0 of hvisor ivc_info */
	volatile int64_t start_error;  /* a0 of hvisor zone_start (root only) */
	volatile int64_t sbi_error;    /* a0 of SBI get_spec_version */
	volatile uint64_t sbi_value;   /* a1 of SBI get_spec_version */
	volatile uint64_t outside_cause; /* scause of a load outside its RAM */
	volatile uint64_t irq_count;   /* upcalls taken (virtio_inject_irq) */
	volatile uint64_t irq_pending; /* sip.SSIP after the last one: 0 = acked */
	volatile uint64_t virtio_cause; /* scause of its virtio-mmio store */
	volatile uint64_t ivc_len;     /* ivc_info's len */
	volatile uint64_t ivc_id;      /* ivc_ids[0] | ivc_irqs[0] << 32 */
	volatile int64_t ivc_end_error;  /* a0: ivc_info into its last 56 bytes */
	volatile int64_t ivc_past_error; /* a0 and a1: 48 bytes before its end */
	volatile int64_t ivc_past_value;
	volatile uint64_t boot_a1;     /* a1 at its boot */
	volatile uint64_t loops;       /* turns of its idle loop */
	/* When its ecalls fault: stval of that fault, and 1 if the
	 * instruction after a faulting ecall ran (the fault was taken at the
	 * ecall itself, which the handler steps over), 0 if it was skipped. */
	volatile uint64_t ecall_tval;
	volatile uint64_t ecall_next_ran;
};
struct rv_shared {
	volatile uint64_t magic;
	struct rv_zone_report zone[3];
};
#define RV_SHARED_MAGIC 0x68636c6c72767368ull
#define RV_SHARED ((struct rv_shared *)(uintptr_t)RV_G_SHARED_BASE)

/* Supervisor software interrupts (the hypervisor's upcall, hvip.VSSIP)
 * taken so far; the handler acknowledges each by clearing sip.SSIP. */
extern volatile unsigned rv_guest_irq_count;

/* Load every register x1..x31 from in[1..31], ecall, store every register
 * into out[1..31] (rv_allregs.S). Uses sscratch; interrupts must be off. */
void rv_trap_all(const uint64_t in[32], uint64_t out[32]);

static inline void rv_guest_irq_enable(void)
{
	__asm__ __volatile__("csrs sie, %0\n\tcsrs sstatus, %1"
			     : : "r"(1ul << 1), "r"(1ul << 1) : "memory");
}

static inline void rv_guest_irq_disable(void)
{
	__asm__ __volatile__("csrc sstatus, %0" : : "r"(1ul << 1) : "memory");
}

/* Give the hart away (wfi traps to the hcall hypervisor, which runs the
 * next vCPU). */
static inline void rv_guest_yield(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
}

#endif /* HCALL_TEST_RV_GUEST_H */
