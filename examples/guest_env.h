/* SPDX-License-Identifier: MIT */
/*
 * examples/guest_env.h - the little the example guests need from whatever
 * boots them: a console, guest-physical addresses, and (x86) an interrupt
 * vector. A bare-metal runtime (tests/guest/<arch>/) or a kernel provides
 * these; the examples themselves are plain freestanding C.
 */
#ifndef HCALL_EXAMPLES_GUEST_ENV_H
#define HCALL_EXAMPLES_GUEST_ENV_H

#include <hcall/types.h>

/* Write a string / a number in hex on the guest console. */
void env_puts(const char *s);
void env_put_hex(uint64_t v);

/* The guest-physical address of a guest object (hypercalls take those).
 * An identity-mapped guest returns (uint64_t)p. */
uint64_t env_gpa(const void *p);

/* x86: route interrupt `vector` to fn() (the runtime saves registers,
 * calls fn and signals end-of-interrupt where the platform has an
 * interrupt controller to tell), then enable interrupts. */
void env_set_irq_handler(unsigned vector, void (*fn)(void));

#endif /* HCALL_EXAMPLES_GUEST_ENV_H */
