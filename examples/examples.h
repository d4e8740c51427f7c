/* SPDX-License-Identifier: MIT */
/*
 * examples/examples.h - the entry points of the example guests, for a
 * runtime that links one in (see guest_env.h for what they need back).
 */
#ifndef HCALL_EXAMPLES_H
#define HCALL_EXAMPLES_H

#include <hcall/types.h>

/* hvisor_zones.c (arm64, riscv64): 0 once the zone the JSON text
 * describes started, else -1. */
int example_hvisor_start_zone(const char *json, uint64_t len, uint64_t kernel_size,
			      uint64_t dtb_size);
/* kvm_arm64_mem_share.c (arm64): 0 when a page was shared. */
int example_kvm_arm64_mem_share(void);
/* sbi_probe.c (riscv64): the number of extensions present. */
int example_sbi_probe(void);
/* acrn_upcall.c (x86_64): 0 when the upcall vector is registered. */
int example_acrn_upcall(void);
uint64_t example_acrn_upcalls(void);
int64_t example_acrn_serve_vm(uint16_t vmid); /* its request buffer */
uint64_t example_acrn_served(void);           /* requests completed */
uint32_t example_acrn_api_version(void); /* major << 16 | minor */
/* kvm_x86_discover.c (x86_64): 0 when KVM was found and answered. */
int example_kvm_x86_discover(void);

#endif /* HCALL_EXAMPLES_H */
