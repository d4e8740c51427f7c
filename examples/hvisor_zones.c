/* SPDX-License-Identifier: MIT */
/*
 * hvisor root zone: list the zones, start one, list them again.
 * arm64 (hvc #0x4856) and riscv64 (ecall, a7 = 0x114514) alike: the
 * header picks the convention of the target.
 */
#include <hcall/hvisor.h>

#include "examples.h"
#include "guest_env.h"

#define MAX_ZONES 8

/* Buffers the hypervisor reads or fills: guest memory, passed by GPA. */
static struct hcall_hvisor_zone_info zones[MAX_ZONES];
static struct hcall_hvisor_zone_config config;

static void list_zones(void)
{
	struct hcall_result r = hcall_hvisor_zone_list(env_gpa(zones), MAX_ZONES);

	if (!hcall_ok(r)) {
		/* Only the root zone may list: E_DENIED (-EPERM) elsewhere. */
		env_puts("zone_list: ");
		env_puts(hcall_status_str(r.status));
		env_puts("\n");
		return;
	}
	/* VALUE call: r.value is the number of entries written. */
	for (uint64_t i = 0; i < r.value && i < MAX_ZONES; i++) {
		env_puts("zone ");
		env_put_hex(zones[i].zone_id);
		env_puts(zones[i].flags & HCALL_HVISOR_ZONE_RUNNING ? " running " : " stopped ");
		zones[i].name[HCALL_HVISOR_NAME_LEN - 1] = 0; /* trust nothing */
		env_puts(zones[i].name);
		env_puts("\n");
	}
}

/*
 * Start zone `id` from an image already loaded at `mem_base` (the root
 * zone's loader put it there). Returns the new zone's id, or -1.
 */
int64_t example_hvisor_start_zone(uint32_t id, uint64_t mem_base,
				  uint64_t mem_size, uint64_t entry)
{
	static const char name[] = "guest";
	struct hcall_result r;

	config.zone_id = id;
	config.flags = 0; /* must be 0 */
	config.entry = entry;
	config.mem_base = mem_base;
	config.mem_size = mem_size;
	for (unsigned i = 0; i < sizeof(name); i++)
		config.name[i] = name[i];

	list_zones();
	r = hcall_hvisor_zone_start(env_gpa(&config), sizeof(config));
	if (!hcall_ok(r)) {
		/* -EINVAL: no such zone slot or bad config; -EEXIST: running. */
		env_puts("zone_start: ");
		env_puts(hcall_status_str(r.status));
		env_puts("\n");
		return -1;
	}
	list_zones();
	return (int64_t)r.value;
}
