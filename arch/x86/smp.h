/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/smp.h - the physical CPUs of the SVM hypervisor.
 *
 * The BSP boots through multiboot; smp_boot() starts the others (APs)
 * with INIT-SIPI-SIPI through the local APIC into trampoline.S, which
 * takes each to long mode on the BSP's page tables. Each CPU has its own
 * stack, its own VM_HSAVE_PA page with EFER.SVME set, and a struct
 * x86_pcpu.
 *
 * The current CPU is found from the stack pointer: CPU n runs on
 * x86_cpu_stacks[n] and nowhere else. GS base is not used because VMRUN
 * and #VMEXIT do not switch it (that is VMLOAD/VMSAVE state), so a guest
 * that reloads GS would leave its base in the host.
 *
 * vCPUs are pinned: vCPU n of every VM runs on CPU n % ncpus
 * (hv_next_vcpu_on()). A CPU with no runnable vCPU halts with interrupts
 * enabled; a kick is a fixed IPI (X86_KICK_VECTOR) through the LAPIC ICR.
 * It wakes a halted CPU, and makes a CPU that runs a guest exit with
 * SVM_EXIT_INTR (intercepted) to look at its vCPU again.
 */
#ifndef ARCH_X86_SMP_H
#define ARCH_X86_SMP_H

#define X86_MAX_CPUS 4
#define X86_STACK_SIZE 0x4000
#define X86_KICK_VECTOR 0xE0
#define X86_SPURIOUS_VECTOR 0xFF
#define X86_TRAMPOLINE_BASE 0x8000 /* below 1 MiB, page aligned: SIPI vector 0x08 */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct hv_vcpu;

struct x86_pcpu {
	uint8_t hsave[4096] __attribute__((aligned(4096))); /* VM_HSAVE_PA */
	unsigned id;
	uint32_t apic_id;
	volatile int alive; /* set by the CPU once SVM is on */
	volatile int busy;  /* looking for or running a vCPU */
	uint32_t kicks;     /* kicks sent to this CPU (smp_kick) */
	uint32_t seen;      /* kicks it had when it last began to look */
	int poll;           /* a vCPU here waits for I/O another CPU may
			     * finish without a kick: do not halt */
	struct hv_vcpu *yield_to; /* SCHED_YIELD's target, run next (halt.c) */
};

extern struct x86_pcpu x86_pcpus[X86_MAX_CPUS];
extern uint8_t x86_cpu_stacks[X86_MAX_CPUS][X86_STACK_SIZE];
/* CPUs up; written once by the BSP before any AP looks for a vCPU. */
extern unsigned x86_ncpus;

/* The index of the CPU this runs on (from its stack). */
static inline unsigned x86_this_cpu(void)
{
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);

	return (unsigned)((sp - (uintptr_t)x86_cpu_stacks) / X86_STACK_SIZE);
}

/* The CPU vCPU v is pinned to. */
unsigned smp_cpu_of(const struct hv_vcpu *v);
/* This CPU's LAPIC, IDT and SVM (its own VM_HSAVE_PA); returns 0, or
 * -1 if the CPU has no SVM. */
int smp_cpu_init(unsigned cpu);
/* Start the APs the firmware reports (fw_cfg), up to X86_MAX_CPUS; each
 * runs ap_main(cpu) once in long mode. Returns the number of CPUs up;
 * *wanted is how many were expected (the BSP included). */
unsigned smp_boot(void (*ap_main)(unsigned cpu), unsigned *wanted);
/* Interrupt CPU `cpu` (nothing if it is this one or does not exist). */
void smp_kick(unsigned cpu);
/* Interrupt every other CPU. */
void smp_kick_others(void);
/* Halt until a kick (or take one that is already pending). */
static inline void smp_idle(void)
{
	__asm__ volatile("sti; hlt; cli" ::: "memory");
}
#endif

#endif /* ARCH_X86_SMP_H */
