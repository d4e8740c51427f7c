/* SPDX-License-Identifier: MIT */
/*
 * The hvisor structures, byte for byte. Every offset and size below is
 * written here from the pinned sources, by the C layout rules the Rust
 * #[repr(C)] structures follow, not read back from hcall's headers:
 *
 *   hvisor v0.4 (d3260d0) src/config.rs HvZoneConfig, HvConfigMemoryRegion,
 *     HvIvcConfig, HvPciConfig, HvPciDevConfig (VpciDevType: repr(C,
 *     align(4)), 4 bytes); src/arch/aarch64/zone.rs HvArchZoneConfig
 *     { is_aarch32: u8, gic_config: GicConfig } with GicConfig a
 *     #[repr(C, usize)] enum of Gicv2Config (9 usize) / Gicv3Config
 *     (6 usize); src/arch/riscv64/zone.rs (4 usize); src/arch/x86_64/zone.rs
 *     (11 usize); src/zone.rs ZoneInfo; src/arch/aarch64/ivc.rs IvcInfo
 *     (repr(C, packed)); CONFIG_MAGIC_VERSION 0x5.
 *   hvisor-tool b17d9dd include/zone_config.h (same fields, same order,
 *     CONFIG_MAGIC_VERSION 0x05), driver/ivc_driver.c struct ivc_info.
 *
 * Constants: 64 memory regions, 1024 interrupts in u32 words (32 words),
 * name 32 bytes, 2 IVC configs, 4 PCI buses, 32 PCI devices.
 */
#include <criterion/criterion.h>
#include <hcall/abi/hvisor_layout.h>
#include <stddef.h>
#include <string.h>

#define AT(type, field, off) \
	cr_expect_eq(offsetof(struct type, field), (size_t)(off), #type "." #field)
#define SIZE(type, n) cr_expect_eq(sizeof(struct type), (size_t)(n), "sizeof " #type)

Test(hvisor_layout, magic_and_limits)
{
	cr_expect_eq(HCALL_HVISOR_CONFIG_MAGIC, 5);
	cr_expect_eq(HCALL_HVISOR_MAX_MEMORY_REGIONS, 64);
	cr_expect_eq(HCALL_HVISOR_MAX_INTERRUPTS, 1024);
	cr_expect_eq(HCALL_HVISOR_IRQ_WORDS, 32);
	cr_expect_eq(HCALL_HVISOR_NAME_MAXLEN, 32);
	cr_expect_eq(HCALL_HVISOR_MAX_IVC_CONFIGS, 2);
	cr_expect_eq(HCALL_HVISOR_PCI_BUS_MAXNUM, 4);
	cr_expect_eq(HCALL_HVISOR_MAX_PCI_DEV, 32);
	cr_expect_eq(HCALL_HVISOR_MEM_TYPE_RAM, 0);
	cr_expect_eq(HCALL_HVISOR_MEM_TYPE_IO, 1);
	cr_expect_eq(HCALL_HVISOR_MEM_TYPE_VIRTIO, 2);
	cr_expect_eq(HCALL_HVISOR_GIC_V2, 0);
	cr_expect_eq(HCALL_HVISOR_GIC_V3, 1);
}

Test(hvisor_layout, parts)
{
	/* u32 type, then three u64 from offset 8. */
	SIZE(hcall_hvisor_memory_region, 32);
	AT(hcall_hvisor_memory_region, type, 0);
	AT(hcall_hvisor_memory_region, physical_start, 8);
	AT(hcall_hvisor_memory_region, virtual_start, 16);
	AT(hcall_hvisor_memory_region, size, 24);
	/* u32 ivc_id, peer_id; u64 ct, shmem; u32 rw, out, irq, max_peers. */
	SIZE(hcall_hvisor_ivc_config, 40);
	AT(hcall_hvisor_ivc_config, peer_id, 4);
	AT(hcall_hvisor_ivc_config, control_table_ipa, 8);
	AT(hcall_hvisor_ivc_config, shared_mem_ipa, 16);
	AT(hcall_hvisor_ivc_config, rw_sec_size, 24);
	AT(hcall_hvisor_ivc_config, out_sec_size, 28);
	AT(hcall_hvisor_ivc_config, interrupt_num, 32);
	AT(hcall_hvisor_ivc_config, max_peers, 36);
	/* 11 u64, 2 u32, u8, padded to 8. */
	SIZE(hcall_hvisor_pci_config, 104);
	AT(hcall_hvisor_pci_config, pci_mem64_base, 80);
	AT(hcall_hvisor_pci_config, bus_range_begin, 88);
	AT(hcall_hvisor_pci_config, bus_range_end, 92);
	AT(hcall_hvisor_pci_config, domain, 96);
	/* four u8, a 4-byte enum. */
	SIZE(hcall_hvisor_pci_dev_config, 8);
	AT(hcall_hvisor_pci_dev_config, bus, 1);
	AT(hcall_hvisor_pci_dev_config, device, 2);
	AT(hcall_hvisor_pci_dev_config, function, 3);
	AT(hcall_hvisor_pci_dev_config, dev_type, 4);
}

Test(hvisor_layout, arch_configs)
{
	/* u8, then the enum (usize tag + the larger variant, 9 usize) at 8. */
	SIZE(hcall_hvisor_arch_config_arm64, 88);
	AT(hcall_hvisor_arch_config_arm64, is_aarch32, 0);
	AT(hcall_hvisor_arch_config_arm64, gic_version_tag, 8);
	AT(hcall_hvisor_arch_config_arm64, gic.v2.gicd_base, 16);
	AT(hcall_hvisor_arch_config_arm64, gic.v2.gicc_offset, 48);
	AT(hcall_hvisor_arch_config_arm64, gic.v2.gicv_size, 80);
	AT(hcall_hvisor_arch_config_arm64, gic.v3.gicr_base, 32);
	AT(hcall_hvisor_arch_config_arm64, gic.v3.gits_size, 56);
	SIZE(hcall_hvisor_arch_config_riscv64, 32);
	AT(hcall_hvisor_arch_config_riscv64, aplic_base, 16);
	SIZE(hcall_hvisor_arch_config_x86_64, 88);
	AT(hcall_hvisor_arch_config_x86_64, initrd_size, 48);
	AT(hcall_hvisor_arch_config_x86_64, uefi_memory_region_id, 72);
	AT(hcall_hvisor_arch_config_x86_64, screen_base, 80);
}

/*
 * zone_id u32 @0; cpus u64 @8; num_memory_regions u32 @16; 64 regions of
 * 32 @24 (to 2072); 32 u32 bitmap words @2072 (to 2200); num_ivc_configs
 * u32 @2200; 2 ivc configs of 40 @2208 (to 2288); five u64 @2288..2320;
 * name[32] @2328 (to 2360); arch_config @2360.
 */
#define COMMON(arch)                                                        \
	do {                                                                \
		AT(hcall_hvisor_zone_config_##arch, zone_id, 0);            \
		AT(hcall_hvisor_zone_config_##arch, cpus, 8);               \
		AT(hcall_hvisor_zone_config_##arch, num_memory_regions, 16); \
		AT(hcall_hvisor_zone_config_##arch, memory_regions, 24);    \
		AT(hcall_hvisor_zone_config_##arch, memory_regions[63], 2040); \
		AT(hcall_hvisor_zone_config_##arch, interrupts_bitmap, 2072); \
		AT(hcall_hvisor_zone_config_##arch, num_ivc_configs, 2200); \
		AT(hcall_hvisor_zone_config_##arch, ivc_configs, 2208);     \
		AT(hcall_hvisor_zone_config_##arch, ivc_configs[1], 2248);  \
		AT(hcall_hvisor_zone_config_##arch, entry_point, 2288);     \
		AT(hcall_hvisor_zone_config_##arch, kernel_load_paddr, 2296); \
		AT(hcall_hvisor_zone_config_##arch, kernel_size, 2304);     \
		AT(hcall_hvisor_zone_config_##arch, dtb_load_paddr, 2312);  \
		AT(hcall_hvisor_zone_config_##arch, dtb_size, 2320);        \
		AT(hcall_hvisor_zone_config_##arch, name, 2328);            \
		AT(hcall_hvisor_zone_config_##arch, arch_config, 2360);     \
	} while (0)

Test(hvisor_layout, zone_config_arm64)
{
	COMMON(arm64);
	/* arch_config 88 -> 2448; num_pci_bus; 4 x 104 -> 2872; num_pci_devs;
	 * 32 x 8 -> 3136. */
	AT(hcall_hvisor_zone_config_arm64, num_pci_bus, 2448);
	AT(hcall_hvisor_zone_config_arm64, pci_config, 2456);
	AT(hcall_hvisor_zone_config_arm64, num_pci_devs, 2872);
	AT(hcall_hvisor_zone_config_arm64, alloc_pci_devs, 2880);
	SIZE(hcall_hvisor_zone_config_arm64, 3136);
}

Test(hvisor_layout, zone_config_riscv64)
{
	COMMON(riscv64);
	/* arch_config 32 -> 2392. */
	AT(hcall_hvisor_zone_config_riscv64, num_pci_bus, 2392);
	AT(hcall_hvisor_zone_config_riscv64, pci_config, 2400);
	AT(hcall_hvisor_zone_config_riscv64, num_pci_devs, 2816);
	AT(hcall_hvisor_zone_config_riscv64, alloc_pci_devs, 2824);
	SIZE(hcall_hvisor_zone_config_riscv64, 3080);
}

Test(hvisor_layout, zone_config_x86_64)
{
	COMMON(x86_64);
	AT(hcall_hvisor_zone_config_x86_64, num_pci_bus, 2448);
	AT(hcall_hvisor_zone_config_x86_64, pci_config, 2456);
	AT(hcall_hvisor_zone_config_x86_64, num_pci_devs, 2872);
	AT(hcall_hvisor_zone_config_x86_64, alloc_pci_devs, 2880);
	SIZE(hcall_hvisor_zone_config_x86_64, 3136);
}

Test(hvisor_layout, zone_info_and_ivc_info)
{
	/* u32 zone_id, u64 cpus @8, name[32] @16, u8 is_err @48, to 56. */
	SIZE(hcall_hvisor_zone_info, 56);
	AT(hcall_hvisor_zone_info, cpus, 8);
	AT(hcall_hvisor_zone_info, name, 16);
	AT(hcall_hvisor_zone_info, is_err, 48);
	/* packed: u64 len, 2 u64, 2 u64, 2 u32, 2 u32 = 56. */
	SIZE(hcall_hvisor_ivc_info, 56);
	AT(hcall_hvisor_ivc_info, ivc_ct_ipas, 8);
	AT(hcall_hvisor_ivc_info, ivc_shmem_ipas, 24);
	AT(hcall_hvisor_ivc_info, ivc_ids, 40);
	AT(hcall_hvisor_ivc_info, ivc_irqs, 48);
}

/* The bytes a little-endian hvisor reads, for a few fields. */
Test(hvisor_layout, bytes)
{
	static struct hcall_hvisor_zone_config_arm64 c;
	const unsigned char *b = (const unsigned char *)&c;

	memset(&c, 0, sizeof(c));
	c.zone_id = 0x01020304;
	c.entry_point = 0x1122334455667788ull;
	c.arch_config.gic_version_tag = 1;
	c.arch_config.gic.v3.gicd_base = 0x8000000;
	c.alloc_pci_devs[31].dev_type = 0xaabbccdd;
	cr_expect_eq(b[0], 0x04);
	cr_expect_eq(b[3], 0x01);
	cr_expect_eq(b[2288], 0x88);
	cr_expect_eq(b[2295], 0x11);
	cr_expect_eq(b[2360 + 8], 1);
	cr_expect_eq(b[2360 + 16 + 3], 0x08);
	cr_expect_eq(b[3136 - 4], 0xdd);
	cr_expect_eq(b[3136 - 1], 0xaa);
}
