/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/hvisor_layout.h - the structures hvisor reads and writes in
 * guest memory, byte for byte as the pinned pair defines them:
 *
 *   syswonder/hvisor       v0.4, d3260d0bb53c68097f2d4069a73624230e86484f
 *                          src/config.rs (HvZoneConfig and its parts),
 *                          src/arch/{aarch64,riscv64,x86_64}/zone.rs
 *                          (HvArchZoneConfig), src/zone.rs (ZoneInfo),
 *                          src/arch/aarch64/ivc.rs (IvcInfo)
 *   syswonder/hvisor-tool  b17d9dd82853e088f83659942754fce37c46cc25 (main,
 *                          2026-05-27; the layout of tag v0.5),
 *                          include/zone_config.h, include/ivc.h,
 *                          driver/ivc_driver.c
 *
 * Both say CONFIG_MAGIC_VERSION 0x5 and declare the same fields in the same
 * order. (Later hvisor-tool commits add virtual BDF bytes to the PCI device
 * entry and a UEFI block to the arm64 arch config, under magic 0x06, which
 * no published hvisor commit accepts.)
 *
 * hvisor's Rust structures are #[repr(C)]; the C layout rules give the
 * offsets asserted below. hvisor checks config_size == sizeof(HvZoneConfig)
 * of its own architecture, so each architecture has its own zone_config:
 * they share every field up to `name` and differ in `arch_config`.
 */
#ifndef HCALL_ABI_HVISOR_LAYOUT_H
#define HCALL_ABI_HVISOR_LAYOUT_H

#include <hcall/compiler.h>
#include <hcall/regs.h>
#include <hcall/types.h>

/* What CONFIG_CHECK reports; hvisor-tool refuses to start a zone on any other. */
#define HCALL_HVISOR_CONFIG_MAGIC 0x5u

#define HCALL_HVISOR_MAX_MEMORY_REGIONS 64u
#define HCALL_HVISOR_MAX_INTERRUPTS 1024u
#define HCALL_HVISOR_IRQ_BITS_PER_WORD 32u
#define HCALL_HVISOR_IRQ_WORDS \
	(HCALL_HVISOR_MAX_INTERRUPTS / HCALL_HVISOR_IRQ_BITS_PER_WORD)
#define HCALL_HVISOR_NAME_MAXLEN 32u
#define HCALL_HVISOR_MAX_IVC_CONFIGS 2u
#define HCALL_HVISOR_PCI_BUS_MAXNUM 4u
#define HCALL_HVISOR_MAX_PCI_DEV 32u
/* hvisor-tool's `zone list` asks for this many entries. */
#define HCALL_HVISOR_MAX_ZONES 32u

/* memory_region.type */
#define HCALL_HVISOR_MEM_TYPE_RAM 0u
#define HCALL_HVISOR_MEM_TYPE_IO 1u
#define HCALL_HVISOR_MEM_TYPE_VIRTIO 2u

/* arm64 arch_config.gic_version_tag: the variant of hvisor's GicConfig enum. */
#define HCALL_HVISOR_GIC_V2 0u
#define HCALL_HVISOR_GIC_V3 1u

/* pci_dev_config.dev_type (hvisor's VpciDevType). */
#define HCALL_HVISOR_PCI_DEV_PHYSICAL 0u
#define HCALL_HVISOR_PCI_DEV_STANDARD_VDEV 1u

struct hcall_hvisor_memory_region {
	uint32_t type; /* HCALL_HVISOR_MEM_TYPE_* */
	uint32_t pad0;
	uint64_t physical_start;
	uint64_t virtual_start;
	uint64_t size;
};

struct hcall_hvisor_ivc_config {
	uint32_t ivc_id;
	uint32_t peer_id;
	uint64_t control_table_ipa;
	uint64_t shared_mem_ipa;
	uint32_t rw_sec_size;
	uint32_t out_sec_size;
	uint32_t interrupt_num;
	uint32_t max_peers;
};

struct hcall_hvisor_pci_config {
	uint64_t ecam_base;
	uint64_t ecam_size;
	uint64_t io_base;
	uint64_t io_size;
	uint64_t pci_io_base;
	uint64_t mem32_base;
	uint64_t mem32_size;
	uint64_t pci_mem32_base;
	uint64_t mem64_base;
	uint64_t mem64_size;
	uint64_t pci_mem64_base;
	uint32_t bus_range_begin;
	uint32_t bus_range_end;
	uint8_t domain;
	uint8_t pad0[7];
};

struct hcall_hvisor_pci_dev_config {
	uint8_t domain;
	uint8_t bus;
	uint8_t device;
	uint8_t function;
	uint32_t dev_type; /* HCALL_HVISOR_PCI_DEV_* */
};

/* ---- arch_config, one per architecture -------------------------------- */

struct hcall_hvisor_gicv2_config {
	uint64_t gicd_base;
	uint64_t gicd_size;
	uint64_t gicc_base;
	uint64_t gicc_size;
	uint64_t gicc_offset;
	uint64_t gich_base;
	uint64_t gich_size;
	uint64_t gicv_base;
	uint64_t gicv_size;
};

struct hcall_hvisor_gicv3_config {
	uint64_t gicd_base;
	uint64_t gicd_size;
	uint64_t gicr_base;
	uint64_t gicr_size;
	uint64_t gits_base;
	uint64_t gits_size;
};

struct hcall_hvisor_arch_config_arm64 {
	uint8_t is_aarch32;
	uint8_t pad0[7];
	/* hvisor's #[repr(C, usize)] enum GicConfig: a tag, then the variant. */
	uint64_t gic_version_tag; /* HCALL_HVISOR_GIC_V2 or _V3 */
	union {
		struct hcall_hvisor_gicv2_config v2;
		struct hcall_hvisor_gicv3_config v3;
	} gic;
};

struct hcall_hvisor_arch_config_riscv64 {
	uint64_t plic_base;
	uint64_t plic_size;
	uint64_t aplic_base;
	uint64_t aplic_size;
};

struct hcall_hvisor_arch_config_x86_64 {
	uint64_t ioapic_base;
	uint64_t ioapic_size;
	uint64_t kernel_entry_gpa;
	uint64_t cmdline_load_gpa;
	uint64_t setup_load_gpa;
	uint64_t initrd_load_gpa;
	uint64_t initrd_size;
	uint64_t rsdp_memory_region_id;
	uint64_t acpi_memory_region_id;
	uint64_t uefi_memory_region_id;
	uint64_t screen_base;
};

/* ---- zone_config (zone_start's argument), one per architecture -------- */

/*
 * The three differ only in arch_config; everything before it is a common
 * initial sequence, so code that handles any architecture can read those
 * fields through whichever member of a union of the three it holds.
 * cpus: bit n = physical CPU n. interrupts_bitmap: bit (irq % 32) of word
 * (irq / 32). The counts say how many array entries are valid.
 */
#define HCALL__HVISOR_ZONE_CONFIG(arch)                                      \
	struct hcall_hvisor_zone_config_##arch {                             \
		uint32_t zone_id;                                            \
		uint32_t pad0;                                               \
		uint64_t cpus;                                               \
		uint32_t num_memory_regions;                                 \
		uint32_t pad1;                                               \
		struct hcall_hvisor_memory_region                            \
			memory_regions[HCALL_HVISOR_MAX_MEMORY_REGIONS];     \
		uint32_t interrupts_bitmap[HCALL_HVISOR_IRQ_WORDS];          \
		uint32_t num_ivc_configs;                                    \
		uint32_t pad2;                                               \
		struct hcall_hvisor_ivc_config                               \
			ivc_configs[HCALL_HVISOR_MAX_IVC_CONFIGS];           \
		uint64_t entry_point;                                        \
		uint64_t kernel_load_paddr;                                  \
		uint64_t kernel_size;                                        \
		uint64_t dtb_load_paddr;                                     \
		uint64_t dtb_size;                                           \
		char name[HCALL_HVISOR_NAME_MAXLEN];                         \
		struct hcall_hvisor_arch_config_##arch arch_config;          \
		uint64_t num_pci_bus;                                        \
		struct hcall_hvisor_pci_config                               \
			pci_config[HCALL_HVISOR_PCI_BUS_MAXNUM];             \
		uint64_t num_pci_devs;                                       \
		struct hcall_hvisor_pci_dev_config                           \
			alloc_pci_devs[HCALL_HVISOR_MAX_PCI_DEV];            \
	}

HCALL__HVISOR_ZONE_CONFIG(arm64);
HCALL__HVISOR_ZONE_CONFIG(riscv64);
HCALL__HVISOR_ZONE_CONFIG(x86_64);

/* Any architecture's zone_config (what a hypervisor copies in). */
union hcall_hvisor_zone_config_any {
	struct hcall_hvisor_zone_config_arm64 arm64;
	struct hcall_hvisor_zone_config_riscv64 riscv64;
	struct hcall_hvisor_zone_config_x86_64 x86_64;
};

/* config_size for zone_start on arch; 0 for an architecture hvisor lacks. */
HCALL_INLINE uint64_t hcall_hvisor_zone_config_size(enum hcall_arch arch)
{
	switch (arch) {
	case HCALL_ARCH_ARM64:
		return sizeof(struct hcall_hvisor_zone_config_arm64);
	case HCALL_ARCH_RISCV64:
		return sizeof(struct hcall_hvisor_zone_config_riscv64);
	case HCALL_ARCH_X86_64:
		return sizeof(struct hcall_hvisor_zone_config_x86_64);
	default:
		return 0;
	}
}

/* ---- zone_list and ivc_info results ----------------------------------- */

struct hcall_hvisor_zone_info {
	uint32_t zone_id;
	uint32_t pad0;
	uint64_t cpus; /* bit n = physical CPU n */
	char name[HCALL_HVISOR_NAME_MAXLEN];
	uint8_t is_err; /* 1 once the zone reported an error; 0 = running */
	uint8_t pad1[7];
};

/*
 * #[repr(C, packed)] in hvisor: no alignment requirement on the buffer.
 * Its fields fall on their natural offsets, so this plain struct has the
 * same bytes; only its alignment differs.
 */
struct hcall_hvisor_ivc_info {
	uint64_t len; /* valid entries below */
	uint64_t ivc_ct_ipas[HCALL_HVISOR_MAX_IVC_CONFIGS];
	uint64_t ivc_shmem_ipas[HCALL_HVISOR_MAX_IVC_CONFIGS];
	uint32_t ivc_ids[HCALL_HVISOR_MAX_IVC_CONFIGS];
	uint32_t ivc_irqs[HCALL_HVISOR_MAX_IVC_CONFIGS];
};

/* ---- the numbers, from the pinned sources ------------------------------ */

#define HCALL__HVISOR_AT(type, field, off)                                   \
	HCALL_STATIC_ASSERT(__builtin_offsetof(struct type, field) == (off), \
			    #type "." #field " is at " #off " in hvisor")
#define HCALL__HVISOR_SIZE(type, n)                          \
	HCALL_STATIC_ASSERT(sizeof(struct type) == (n),      \
			    "sizeof " #type " is " #n " in hvisor")

HCALL__HVISOR_SIZE(hcall_hvisor_memory_region, 32);
HCALL__HVISOR_SIZE(hcall_hvisor_ivc_config, 40);
HCALL__HVISOR_SIZE(hcall_hvisor_pci_config, 104);
HCALL__HVISOR_AT(hcall_hvisor_pci_config, domain, 96);
HCALL__HVISOR_SIZE(hcall_hvisor_pci_dev_config, 8);
HCALL__HVISOR_SIZE(hcall_hvisor_arch_config_arm64, 88);
HCALL__HVISOR_AT(hcall_hvisor_arch_config_arm64, gic_version_tag, 8);
HCALL__HVISOR_AT(hcall_hvisor_arch_config_arm64, gic, 16);
HCALL__HVISOR_SIZE(hcall_hvisor_arch_config_riscv64, 32);
HCALL__HVISOR_SIZE(hcall_hvisor_arch_config_x86_64, 88);

#define HCALL__HVISOR_COMMON_AT(arch)                                             \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, cpus, 8);               \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, num_memory_regions, 16); \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, memory_regions, 24);    \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, interrupts_bitmap, 2072); \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, num_ivc_configs, 2200); \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, ivc_configs, 2208);     \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, entry_point, 2288);     \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, kernel_load_paddr, 2296); \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, kernel_size, 2304);     \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, dtb_load_paddr, 2312);  \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, dtb_size, 2320);        \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, name, 2328);            \
	HCALL__HVISOR_AT(hcall_hvisor_zone_config_##arch, arch_config, 2360)

HCALL__HVISOR_COMMON_AT(arm64);
HCALL__HVISOR_COMMON_AT(riscv64);
HCALL__HVISOR_COMMON_AT(x86_64);

/* arm64 and x86_64 have an 88-byte arch_config, riscv64 a 32-byte one. */
HCALL__HVISOR_AT(hcall_hvisor_zone_config_arm64, num_pci_bus, 2448);
HCALL__HVISOR_AT(hcall_hvisor_zone_config_arm64, pci_config, 2456);
HCALL__HVISOR_AT(hcall_hvisor_zone_config_arm64, num_pci_devs, 2872);
HCALL__HVISOR_AT(hcall_hvisor_zone_config_arm64, alloc_pci_devs, 2880);
HCALL__HVISOR_SIZE(hcall_hvisor_zone_config_arm64, 3136);
HCALL__HVISOR_AT(hcall_hvisor_zone_config_x86_64, num_pci_bus, 2448);
HCALL__HVISOR_AT(hcall_hvisor_zone_config_x86_64, alloc_pci_devs, 2880);
HCALL__HVISOR_SIZE(hcall_hvisor_zone_config_x86_64, 3136);
HCALL__HVISOR_AT(hcall_hvisor_zone_config_riscv64, num_pci_bus, 2392);
HCALL__HVISOR_AT(hcall_hvisor_zone_config_riscv64, pci_config, 2400);
HCALL__HVISOR_AT(hcall_hvisor_zone_config_riscv64, num_pci_devs, 2816);
HCALL__HVISOR_AT(hcall_hvisor_zone_config_riscv64, alloc_pci_devs, 2824);
HCALL__HVISOR_SIZE(hcall_hvisor_zone_config_riscv64, 3080);

HCALL__HVISOR_AT(hcall_hvisor_zone_info, cpus, 8);
HCALL__HVISOR_AT(hcall_hvisor_zone_info, name, 16);
HCALL__HVISOR_AT(hcall_hvisor_zone_info, is_err, 48);
HCALL__HVISOR_SIZE(hcall_hvisor_zone_info, 56);

HCALL__HVISOR_AT(hcall_hvisor_ivc_info, ivc_ct_ipas, 8);
HCALL__HVISOR_AT(hcall_hvisor_ivc_info, ivc_shmem_ipas, 24);
HCALL__HVISOR_AT(hcall_hvisor_ivc_info, ivc_ids, 40);
HCALL__HVISOR_AT(hcall_hvisor_ivc_info, ivc_irqs, 48);
HCALL__HVISOR_SIZE(hcall_hvisor_ivc_info, 56);

#endif /* HCALL_ABI_HVISOR_LAYOUT_H */
