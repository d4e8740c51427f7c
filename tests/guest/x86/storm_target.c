/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/x86/storm_target.c - the VM the x86 storm's service VM
 * manages (hv-x86-storm.elf, "target", 2 vCPUs, no hypercall rights).
 *
 * Its vCPU 1 runs on CPU 1 and reads a port the service VM emulates:
 * ACRN's I/O request, whose upcall goes to the service VM's vCPU 0 on
 * CPU 0. The read returns what the service VM's device model answers;
 * vCPU 1 reports it and ends the VM. vCPU 0 halts with interrupts off,
 * giving CPU 0 back to the service VM.
 */
#include <stdint.h>

#define TAP_IMPLEMENTATION
#include "../tap.h"
#include "../guest.h"

/* The port and the value the service VM's handler answers (storm.c). */
#define TARGET_PORT 0x5A0
#define TARGET_VALUE 0xC5u

void tap_putc(char c)
{
	guest_putc(c);
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port) : "memory");
	return v;
}

void guest_x86_ap_main(uint64_t vm, uint64_t idx, uint64_t ncpus);

void guest_x86_ap_main(uint64_t vm, uint64_t idx, uint64_t ncpus)
{
	(void)vm;
	if (idx != 1)
		return;
	tap_note_hex("target vCPU 1 on CPU", ncpus ? idx % ncpus : 0);
	tap_eq("an I/O read on vCPU 1 returns the service VM's answer", inb(TARGET_PORT),
	       TARGET_VALUE);
	guest_exit(tap_done() ? 1 : 0);
}

void guest_main(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}
