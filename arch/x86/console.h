/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/console.h - the hypervisor's debug console: QEMU's debugcon on
 * I/O port 0xE9 (-debugcon stdio).
 */
#ifndef ARCH_X86_CONSOLE_H
#define ARCH_X86_CONSOLE_H

#include <stdint.h>

#define CONSOLE_PORT 0xE9

void con_putc(char c);
void con_puts(const char *s);
void con_hex(uint64_t v);
void con_dec(uint64_t v);

#endif /* ARCH_X86_CONSOLE_H */
