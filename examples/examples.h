/* SPDX-License-Identifier: MIT */
/*
 * examples/examples.h - the entry points of the example guests, for a
 * runtime that links one in (see guest_env.h for what they need back).
 */
#ifndef HCALL_EXAMPLES_H
#define HCALL_EXAMPLES_H

#include <hcall/types.h>

/* hvisor_zones.c (arm64, riscv64): new zone id or -1. */
int64_t example_hvisor_start_zone(uint32_t id, uint64_t mem_base,
				  uint64_t mem_size, uint64_t entry);
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
