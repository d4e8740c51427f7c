/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/arm64_guest.h - arm64-only parts of the guest runtime:
 * the memory map shared with the hypervisor image (arch/arm64/layout.h)
 * and the virtual-IRQ counter behind the upcall check.
 */
#ifndef HCALL_TEST_ARM64_GUEST_H
#define HCALL_TEST_ARM64_GUEST_H

#include <stdint.h>

/* Guest-physical addresses, as the hypervisor's layout maps them. */
#define GUEST_SERVICE_BASE 0x41000000ull
#define GUEST_NORMAL_BASE 0x41200000ull
#define GUEST_NORIGHTS_BASE 0x41400000ull
#define GUEST_VM_SIZE 0x200000ull
#define GUEST_SHARED_BASE 0x41600000ull
#define GUEST_SHARED_SIZE 0x1000ull
/* Hvisor zone ids of the three VMs (their slots in the hypervisor). */
#define GUEST_ZONE_SERVICE 0
#define GUEST_ZONE_NORMAL 1
#define GUEST_ZONE_NORIGHTS 2

/* What the other VMs leave in the shared page for the service VM. */
struct guest_shared {
	volatile uint64_t normal_runs; /* incremented by each normal-VM boot */
	volatile uint64_t normal_ivc;  /* raw x0 of its hvisor ivc_info */
	volatile uint64_t normal_ivc_len;  /* the ivc_info it got: len, */
	volatile uint64_t normal_ivc_ct;   /* ivc_ct_ipas[0], */
	volatile uint64_t normal_ivc_id;   /* ivc_ids[0] | ivc_irqs[0] << 32 */
	volatile uint64_t normal_ivc_end;  /* raw x0: ivc_info in its last 56 bytes */
	volatile uint64_t normal_ivc_past; /* raw x0: 48 bytes before its end */
	volatile uint64_t normal_x0;   /* x0 at its entry (the DTB address) */
	volatile uint64_t normal_smccc;/* raw x0 of its SMCCC_VERSION */
	volatile uint64_t normal_perm; /* raw x0 of its zone_list (not permitted) */
	volatile uint64_t norights_runs;
	volatile uint64_t norights_fault; /* enum guest_fault of its hvc #0x4856 */
	volatile uint64_t norights_fault0;/* enum guest_fault of its hvc #0 */
	/* its Jailhouse calls, as a non-root cell (check_jailhouse.c) */
	struct {
		volatile uint64_t runs, get_state, cpu_own, cpu_root, num_cells;
	} jailhouse;
};
#define GUEST_SHARED ((struct guest_shared *)(uintptr_t)GUEST_SHARED_BASE)

/* Virtual IRQs taken so far; each is acknowledged by the handler with one
 * hypercall made with IRQs masked (SMCCC_VERSION). */
extern volatile unsigned guest_irq_count;

/* Enable / disable IRQs at EL1 (PSTATE.I). */
static inline void guest_irq_enable(void)
{
	__asm__ __volatile__("msr daifclr, #2" ::: "memory");
}
static inline void guest_irq_disable(void)
{
	__asm__ __volatile__("msr daifset, #2" ::: "memory");
}

/* Peer kernel only (wakeup.c): arm the EL1 virtual timer to end a WFI
 * after `ticks` counter ticks, and disarm it again. */
void arm64_wakeup_arm(uint32_t ticks);
void arm64_wakeup_disarm(void);

#endif /* HCALL_TEST_ARM64_GUEST_H */
