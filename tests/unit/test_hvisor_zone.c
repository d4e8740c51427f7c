/* SPDX-License-Identifier: MIT */
/*
 * hcall_hvisor_zone_config_from_json against zone descriptions in the
 * form hvisor ships them (platform/aarch64/qemu-gicv3/configs/
 * zone1-linux.json, platform/riscv64/qemu-plic/configs/
 * zone1-linux-virtio.json at d3260d0), with the values hvisor-tool's
 * tools/hvisor.c (b17d9dd) would put in each field written here by hand.
 */
#include <criterion/criterion.h>
#include <hcall/hvisor_zone.h>
#include <string.h>

static union hcall_hvisor_zone_config_any cfg;

static int parse(const char *json, enum hcall_arch arch, const char **what)
{
	struct hcall_hvisor_zone_images img = { 0x1234, 0x567, 0x89 };

	*what = "";
	return hcall_hvisor_zone_config_from_json(&cfg, arch, json, strlen(json), &img, what);
}

static const char arm64_json[] =
	"{\n"
	"    \"name\": \"linux2\",\n"
	"    \"zone_id\": 1,\n"
	"    \"cpus\": [2, 3],\n"
	"    \"memory_regions\": [\n"
	"        { \"type\": \"ram\", \"physical_start\": \"0x50000000\",\n"
	"          \"virtual_start\": \"0x50000000\", \"size\": \"0x30000000\" },\n"
	"        { \"type\": \"virtio\", \"physical_start\": \"0xa003600\",\n"
	"          \"virtual_start\": \"0xa003600\", \"size\": \"0x200\" },\n"
	"        { \"type\": \"io\", \"physical_start\": 4096,\n"
	"          \"virtual_start\": \"010\", \"size\": \"4096\" }\n"
	"    ],\n"
	"    \"interrupts\": [75, 76, \"78\", 1023],\n"
	"    \"ivc_configs\": [{ \"ivc_id\": 0, \"peer_id\": 1,\n"
	"        \"shared_mem_ipa\": \"0xd0001000\", \"control_table_ipa\": \"0xd0000000\",\n"
	"        \"rw_sec_size\": \"0\", \"out_sec_size\": \"0x1000\",\n"
	"        \"interrupt_num\": 66, \"max_peers\": 2 }],\n"
	"    \"kernel_filepath\": \"./Image\",\n"
	"    \"dtb_filepath\": \"./zone1-linux.dtb\",\n"
	"    \"kernel_load_paddr\": \"0x50400000\",\n"
	"    \"dtb_load_paddr\":   \"0x50000000\",\n"
	"    \"entry_point\":      \"0x50400000\",\n"
	"    \"arch_config\": {\n"
	"        \"gic_version\": \"v3\",\n"
	"        \"gicd_base\": \"0x8000000\", \"gicd_size\": \"0x10000\",\n"
	"        \"gicr_base\": \"0x80a0000\", \"gicr_size\": \"0xf60000\",\n"
	"        \"gits_base\": \"0x8080000\", \"gits_size\": \"0x20000\",\n"
	"        \"is_aarch32\": false\n"
	"    },\n"
	"    \"pci_config\": [{\n"
	"        \"ecam_base\": \"0x4010000000\", \"ecam_size\": \"0x10000000\",\n"
	"        \"io_base\": \"0x3eff0000\", \"io_size\": \"0x10000\", \"pci_io_base\": \"0x0\",\n"
	"        \"mem32_base\": \"0x10000000\", \"mem32_size\": \"0x2eff0000\",\n"
	"        \"pci_mem32_base\": \"0x10000000\", \"mem64_base\": \"0x8000000000\",\n"
	"        \"mem64_size\": \"0x8000000000\", \"pci_mem64_base\": \"0x8000000000\",\n"
	"        \"bus_range_begin\": \"0x0\", \"bus_range_end\": \"0x1f\", \"domain\": \"0x0\"\n"
	"    }],\n"
	"    \"num_pci_devs\": 2,\n"
	"    \"alloc_pci_devs\": [\n"
	"        { \"domain\": \"0x0\", \"bus\": \"0x0\", \"device\": \"0x0\",\n"
	"          \"function\": \"0x0\", \"dev_type\": \"0\" },\n"
	"        { \"domain\": \"0x0\", \"bus\": \"0x0\", \"device\": \"0x1\",\n"
	"          \"function\": \"0x0\", \"dev_type\": \"1\" }\n"
	"    ]\n"
	"}\n";

Test(hvisor_zone, arm64_gicv3)
{
	const char *what;
	const struct hcall_hvisor_zone_config_arm64 *c = &cfg.arm64;

	cr_assert_eq(parse(arm64_json, HCALL_ARCH_ARM64, &what), 0, "failed at %s", what);
	cr_expect_eq(c->zone_id, 1);
	cr_expect_eq(c->cpus, 0xcu);
	cr_expect_eq(c->num_memory_regions, 3);
	cr_expect_eq(c->memory_regions[0].type, 0);
	cr_expect_eq(c->memory_regions[0].physical_start, 0x50000000u);
	cr_expect_eq(c->memory_regions[0].size, 0x30000000u);
	cr_expect_eq(c->memory_regions[1].type, 2);
	cr_expect_eq(c->memory_regions[1].virtual_start, 0xa003600u);
	cr_expect_eq(c->memory_regions[2].type, 1);
	cr_expect_eq(c->memory_regions[2].physical_start, 4096);
	cr_expect_eq(c->memory_regions[2].virtual_start, 8, "\"010\" is octal (strtoumax base 0)");
	cr_expect_eq(c->memory_regions[2].size, 4096);
	/* 75, 76, 78 in word 2 (bits 11, 12, 14); 1023 is bit 31 of word 31. */
	cr_expect_eq(c->interrupts_bitmap[2], (1u << 11) | (1u << 12) | (1u << 14));
	cr_expect_eq(c->interrupts_bitmap[31], 0x80000000u);
	cr_expect_eq(c->interrupts_bitmap[0], 0);
	cr_expect_eq(c->num_ivc_configs, 1);
	cr_expect_eq(c->ivc_configs[0].peer_id, 1);
	cr_expect_eq(c->ivc_configs[0].control_table_ipa, 0xd0000000u);
	cr_expect_eq(c->ivc_configs[0].shared_mem_ipa, 0xd0001000u);
	cr_expect_eq(c->ivc_configs[0].out_sec_size, 0x1000);
	cr_expect_eq(c->ivc_configs[0].interrupt_num, 66);
	cr_expect_eq(c->ivc_configs[0].max_peers, 2);
	cr_expect_eq(c->entry_point, 0x50400000u);
	cr_expect_eq(c->kernel_load_paddr, 0x50400000u);
	cr_expect_eq(c->dtb_load_paddr, 0x50000000u);
	cr_expect_eq(c->kernel_size, 0x1234);
	cr_expect_eq(c->dtb_size, 0x567);
	cr_expect_str_eq(c->name, "linux2");
	cr_expect_eq(c->arch_config.is_aarch32, 0);
	cr_expect_eq(c->arch_config.gic_version_tag, 1);
	cr_expect_eq(c->arch_config.gic.v3.gicd_base, 0x8000000u);
	cr_expect_eq(c->arch_config.gic.v3.gicr_size, 0xf60000u);
	cr_expect_eq(c->arch_config.gic.v3.gits_base, 0x8080000u);
	cr_expect_eq(c->arch_config.gic.v3.gits_size, 0x20000u);
	cr_expect_eq(c->num_pci_bus, 1);
	cr_expect_eq(c->pci_config[0].ecam_base, 0x4010000000ull);
	cr_expect_eq(c->pci_config[0].mem64_size, 0x8000000000ull);
	cr_expect_eq(c->pci_config[0].bus_range_end, 0x1f);
	cr_expect_eq(c->num_pci_devs, 2);
	cr_expect_eq(c->alloc_pci_devs[1].device, 1);
	cr_expect_eq(c->alloc_pci_devs[1].dev_type, 1);
	cr_expect_eq(hcall_hvisor_zone_config_size(HCALL_ARCH_ARM64), 3136);
}

/* The same description with the member names in another case. */
Test(hvisor_zone, member_names_ignore_case)
{
	char json[sizeof(arm64_json)];
	const char *what;

	memcpy(json, arm64_json, sizeof(json));
	memcpy(strstr(json, "\"zone_id\""), "\"ZONE_ID\"", 9);
	cr_assert_eq(parse(json, HCALL_ARCH_ARM64, &what), 0, "failed at %s", what);
	cr_expect_eq(cfg.arm64.zone_id, 1);
}

static const char riscv_json[] =
	"{ \"arch\": \"riscv\", \"name\": \"linux2\", \"zone_id\": 1, \"cpus\": [2, 3],\n"
	"  \"memory_regions\": [\n"
	"    { \"type\": \"ram\", \"physical_start\": \"0x85000000\",\n"
	"      \"virtual_start\": \"0x85000000\", \"size\": \"0x0a000000\" },\n"
	"    { \"type\": \"virtio\", \"physical_start\": \"0x10007000\",\n"
	"      \"virtual_start\": \"0x10007000\", \"size\": \"0x1000\" } ],\n"
	"  \"interrupts\": [7, 34], \"ivc_configs\": [],\n"
	"  \"kernel_filepath\": \"./Image\", \"dtb_filepath\": \"./zone1-linux.dtb\",\n"
	"  \"kernel_load_paddr\": \"0x86000000\", \"dtb_load_paddr\": \"0x85000000\",\n"
	"  \"entry_point\": \"0x86000000\",\n"
	"  \"arch_config\": { \"plic_base\": \"0xc000000\", \"plic_size\": \"0x4000000\",\n"
	"                   \"aplic_base\": \"0xd000000\", \"aplic_size\": \"0x8000\" },\n"
	"  \"pci_config\": [] }";

Test(hvisor_zone, riscv64)
{
	const char *what;
	const struct hcall_hvisor_zone_config_riscv64 *c = &cfg.riscv64;

	cr_assert_eq(parse(riscv_json, HCALL_ARCH_RISCV64, &what), 0, "failed at %s", what);
	cr_expect_eq(c->cpus, 0xcu);
	cr_expect_eq(c->num_memory_regions, 2);
	cr_expect_eq(c->memory_regions[0].size, 0x0a000000u);
	cr_expect_eq(c->interrupts_bitmap[0], (1u << 7));
	cr_expect_eq(c->interrupts_bitmap[1], (1u << 2));
	cr_expect_eq(c->num_ivc_configs, 0);
	cr_expect_eq(c->arch_config.plic_base, 0xc000000u);
	cr_expect_eq(c->arch_config.aplic_size, 0x8000u);
	cr_expect_eq(c->num_pci_bus, 0);
	cr_expect_eq(c->num_pci_devs, 0, "alloc_pci_devs is optional");
	cr_expect_eq(c->dtb_size, 0x567);
}

static const char x86_json[] =
	"{ \"name\": \"x\", \"zone_id\": 2, \"cpus\": [1],\n"
	"  \"memory_regions\": [], \"interrupts\": [], \"ivc_configs\": [],\n"
	"  \"kernel_filepath\": \"vmlinux.bin\", \"dtb_filepath\": \"none\",\n"
	"  \"kernel_load_paddr\": \"0x100000\", \"dtb_load_paddr\": \"0\",\n"
	"  \"entry_point\": \"0x100000\",\n"
	"  \"arch_config\": { \"ioapic_base\": \"0xfec00000\", \"ioapic_size\": \"0x1000\",\n"
	"    \"kernel_entry_gpa\": \"0x100000\",\n"
	"    \"cmdline\": \"console=ttyS0\", \"cmdline_load_gpa\": \"0x9000\",\n"
	"    \"cmdline_load_hpa\": \"0x29000\",\n"
	"    \"rsdp_memory_region_id\": \"0x1\", \"acpi_memory_region_id\": \"0x2\",\n"
	"    \"uefi_memory_region_id\": \"0x3\", \"screen_base\": \"0\" },\n"
	"  \"pci_config\": [] }";

Test(hvisor_zone, x86_64)
{
	const char *what;
	const struct hcall_hvisor_zone_config_x86_64 *c = &cfg.x86_64;

	cr_assert_eq(parse(x86_json, HCALL_ARCH_X86_64, &what), 0, "failed at %s", what);
	cr_expect_eq(c->zone_id, 2);
	cr_expect_eq(c->arch_config.ioapic_base, 0xfec00000u);
	cr_expect_eq(c->arch_config.cmdline_load_gpa, 0x9000u);
	cr_expect_eq(c->arch_config.setup_load_gpa, 0, "no setup_filepath");
	cr_expect_eq(c->arch_config.initrd_size, 0, "no initrd_filepath");
	cr_expect_eq(c->arch_config.uefi_memory_region_id, 3);
	cr_expect_eq(c->dtb_size, 0, "x86_64 loads no DTB");
	cr_expect_eq(c->kernel_size, 0x1234);
}

/* Replace the first `from` in arm64_json by `to` and parse for arm64. */
static int mutate(const char *from, const char *to, const char **what)
{
	static char json[sizeof(arm64_json) + 4096];
	const char *at = strstr(arm64_json, from);
	size_t head;

	cr_assert(at, "no '%s' in the sample", from);
	head = (size_t)(at - arm64_json);
	memcpy(json, arm64_json, head);
	strcpy(json + head, to);
	strcat(json, at + strlen(from));
	return parse(json, HCALL_ARCH_ARM64, what);
}

static void refused(const char *from, const char *to, const char *member)
{
	const char *what;

	cr_expect_eq(mutate(from, to, &what), -1, "'%s' -> '%s' accepted", from, to);
	cr_expect_str_eq(what, member, "'%s' -> '%s'", from, to);
}

Test(hvisor_zone, refused)
{
	refused("\"zone_id\": 1", "\"zone\": 1", "zone_id");
	refused("\"zone_id\": 1", "\"zone_id\": \"1\"", "zone_id");
	refused("\"cpus\": [2, 3]", "\"cpus\": [64]", "cpus");
	refused("\"type\": \"io\"", "\"type\": \"mmio\"", "type");
	refused("\"type\": \"io\", ", "", "type");
	refused("\"size\": \"4096\"", "\"size\": \"4096k\"", "size");
	refused("\"size\": \"4096\"", "\"size\": -1", "size");
	refused("\"size\": \"4096\"", "\"size\": \"0x10000000000000000\"", "size");
	refused("\"size\": \"4096\"", "\"size\": 2147483648", "size");
	refused("1023]", "1024]", "interrupts");
	refused("\"gic_version\": \"v3\"", "\"gic_version\": \"v4\"", "gic_version");
	refused("\"gicr_size\": \"0xf60000\",", "", "gicr_size");
	refused("\"name\": \"linux2\"", "\"name\": \"123456789012345678901234567890123\"", "name");
	refused("\"domain\": \"0x0\"\n", "\"domain\": \"0x100\"\n", "domain");
	refused("\"rw_sec_size\": \"0\"", "\"rw_sec_size\": \"0x100000000\"", "rw_sec_size");
	refused("\"entry_point\":      \"0x50400000\",", "", "entry_point");
	refused("\"dtb_filepath\": \"./zone1-linux.dtb\",", "", "dtb_filepath");
	refused("\"pci_config\": [{", "\"pci\": [{", "pci_config");
	refused("\"ivc_configs\": [{", "\"ivc_configs\": [{}, {}, {", "ivc_configs");
	refused("\"name\": \"linux2\",", "\"name\": \"linux2\"", "json");
	refused("\"cpus\": [2, 3]", "\"cpus\": [2, 3", "json");
}

Test(hvisor_zone, defaults)
{
	const char *what;

	/* No gits: 0. No is_aarch32: 0. A 32-byte name: no NUL. */
	cr_assert_eq(mutate("\"gits_base\": \"0x8080000\", \"gits_size\": \"0x20000\",", "",
			    &what), 0, "failed at %s", what);
	cr_expect_eq(cfg.arm64.arch_config.gic.v3.gits_base, 0);
	cr_expect_eq(cfg.arm64.arch_config.gic.v3.gits_size, 0);
	cr_assert_eq(mutate(",\n        \"is_aarch32\": false", "", &what), 0, "failed at %s", what);
	cr_expect_eq(cfg.arm64.arch_config.is_aarch32, 0);
	cr_assert_eq(mutate("\"is_aarch32\": false", "\"is_aarch32\": true", &what), 0);
	cr_expect_eq(cfg.arm64.arch_config.is_aarch32, 1);
	cr_assert_eq(mutate("\"name\": \"linux2\"",
			    "\"name\": \"12345678901234567890123456789012\"", &what), 0);
	cr_expect_eq(memcmp(cfg.arm64.name, "12345678901234567890123456789012", 32), 0);
	cr_assert_eq(mutate("\"alloc_pci_devs\"", "\"unused\"", &what), 0);
	cr_expect_eq(cfg.arm64.num_pci_devs, 0);
}

Test(hvisor_zone, gicv2)
{
	const char *what;
	static const char v2[] =
		"\"gic_version\": \"v2\", \"gicd_base\": \"0x8000000\", \"gicd_size\": \"0x10000\",\n"
		"\"gicc_base\": \"0x8010000\", \"gicc_size\": \"0x10000\", \"gicc_offset\": \"0x0\",\n"
		"\"gich_base\": \"0x8030000\", \"gich_size\": \"0x10000\",\n"
		"\"gicv_base\": \"0x8040000\", \"gicv_size\": \"0x10000\", \"is_aarch32\": 1";
	const char *from = "\"gic_version\": \"v3\"";
	static char json[sizeof(arm64_json) + sizeof(v2)];
	const char *at = strstr(arm64_json, from), *end = strstr(arm64_json, "false") + 5;

	memcpy(json, arm64_json, (size_t)(at - arm64_json));
	strcpy(json + (at - arm64_json), v2);
	strcat(json, end);
	cr_assert_eq(parse(json, HCALL_ARCH_ARM64, &what), 0, "failed at %s", what);
	cr_expect_eq(cfg.arm64.arch_config.gic_version_tag, 0);
	cr_expect_eq(cfg.arm64.arch_config.gic.v2.gicc_base, 0x8010000u);
	cr_expect_eq(cfg.arm64.arch_config.gic.v2.gicv_size, 0x10000u);
	cr_expect_eq(cfg.arm64.arch_config.is_aarch32, 1);
}

/* Every prefix of a valid description is refused, without reading past it. */
Test(hvisor_zone, truncated)
{
	struct hcall_hvisor_zone_images img = { 0, 0, 0 };
	size_t n = strlen(arm64_json), i;

	for (i = 0; i + 2 < n; i++) {
		char *copy = malloc(i ? i : 1);
		const char *what = 0;

		memcpy(copy, arm64_json, i);
		cr_expect_eq(hcall_hvisor_zone_config_from_json(&cfg, HCALL_ARCH_ARM64, copy, i,
								 &img, &what),
			     -1, "prefix of %zu accepted", i);
		free(copy);
	}
}

Test(hvisor_zone, unknown_arch)
{
	const char *what;

	cr_expect_eq(parse(arm64_json, (enum hcall_arch)0, &what), -1);
	cr_expect_str_eq(what, "arch");
}
