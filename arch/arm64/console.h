/* SPDX-License-Identifier: MIT */
/* arch/arm64/console.h - the hypervisor's PL011 console and exit. */
#ifndef ARM64_CONSOLE_H
#define ARM64_CONSOLE_H

#include <stdint.h>

void con_putc(char c);
void con_puts(const char *s);
void con_hex(uint64_t v);
void con_dec(uint64_t v);

/* Leave QEMU through semihosting SYS_EXIT_EXTENDED with `code`. */
__attribute__((noreturn)) void hv_exit_qemu(int code);

#endif /* ARM64_CONSOLE_H */
