/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/multiboot.h - the parts of the multiboot v1 information block
 * the hypervisor reads: the modules (its guest images, one per VM).
 */
#ifndef ARCH_X86_MULTIBOOT_H
#define ARCH_X86_MULTIBOOT_H

#include <stdint.h>

#define MULTIBOOT_BOOT_MAGIC 0x2BADB002u
#define MULTIBOOT_INFO_MODS (1u << 3)

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count;
	uint32_t mods_addr;
};

struct multiboot_module {
	uint32_t mod_start;
	uint32_t mod_end;
	uint32_t cmdline;
	uint32_t reserved;
};

#endif /* ARCH_X86_MULTIBOOT_H */
