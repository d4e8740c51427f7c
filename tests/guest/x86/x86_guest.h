/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/x86/x86_guest.h - what the x86_64 guest runtime offers the
 * x86 check files beyond the portable guest.h.
 */
#ifndef HCALL_TEST_X86_GUEST_H
#define HCALL_TEST_X86_GUEST_H

#include <stdint.h>

#include "../guest.h"

/* The number of physical CPUs the hypervisor gave vCPU 0 in rdx. */
extern uint64_t guest_x86_boot_ncpus;

/* Vector and error code of the fault recorded by the last
 * guest_expect_fault() (the error code is 0 for vectors without one). */
unsigned guest_x86_fault_vector(void);
uint64_t guest_x86_fault_error_code(void);

/* Privilege (CPL) the recorded fault was taken at. */
unsigned guest_x86_fault_cpl(void);

/* Called for every interrupt (vectors 32..255 except the runtime's own
 * 0x80); the default counts only. */
void guest_x86_on_interrupt(void (*fn)(unsigned vector));

/* How many times `vector` was delivered since boot. */
unsigned guest_x86_interrupts(unsigned vector);

/* Enable interrupts and halt until one arrives (sti; hlt). */
void guest_x86_wait_for_interrupt(void);

/* Load every GPR but rsp from in[] (ModRM order: rax rcx rdx rbx rsp rbp
 * rsi rdi r8..r15), execute VMCALL (kind 0) or VMMCALL (kind 1), store
 * every GPR to out[] (out[4] = 0). */
#define X86_TRAP_VMCALL 0
#define X86_TRAP_VMMCALL 1
void x86_trap_all(int kind, const uint64_t in[16], uint64_t out[16]);

#endif /* HCALL_TEST_X86_GUEST_H */
