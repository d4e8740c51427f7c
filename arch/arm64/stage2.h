/* SPDX-License-Identifier: MIT */
/*
 * arch/arm64/stage2.h - stage-2 translation tables (4 KiB granule, 32-bit
 * IPA space, walks start at level 1). A VM's tables map only its regions
 * (and the devices it owns), so any other guest-physical access takes a
 * stage-2 abort to EL2.
 */
#ifndef ARM64_STAGE2_H
#define ARM64_STAGE2_H

#include <stdint.h>

#define S2_READ 1u
#define S2_WRITE 2u
#define S2_EXEC 4u
#define S2_DEVICE 8u

#define S2_PAGES_PER_VM 8

struct arm64_s2 {
	uint64_t (*pages)[512]; /* this VM's slice of the table pool */
	unsigned used;          /* pages handed out; pages[0] is the root */
	unsigned vmid;
};

/* Program VTCR_EL2 (once, at boot). */
void s2_setup(void);
/* Empty tables for VM slot `slot` with VMID `vmid`. */
void s2_init(struct arm64_s2 *s2, unsigned slot, unsigned vmid);
/* Map [ipa, ipa+size) to pa with S2_* permissions. 0 or -1 (bad
 * alignment, outside the IPA space or out of table pages). */
int s2_map(struct arm64_s2 *s2, uint64_t ipa, uint64_t pa, uint64_t size,
	   unsigned perm);
/* VTTBR_EL2 value for these tables. */
uint64_t s2_vttbr(const struct arm64_s2 *s2);
/* Drop cached stage-2 translations of every VMID. */
void s2_flush(void);

#endif /* ARM64_STAGE2_H */
