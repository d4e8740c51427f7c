/* SPDX-License-Identifier: MIT */
/*
 * hvisor root zone: start a zone the way hvisor-tool's `hvisor zone start
 * zone.json` does, then list the zones. arm64 (hvc #0x4856), riscv64
 * (ecall, a7 = 0x114514) and x86_64 (vmcall) alike: the header picks the
 * convention of the target, and hcall_hvisor_zone_config_from_json fills
 * that architecture's zone_config from the zone's JSON description.
 */
#include <hcall/hvisor.h>
#include <hcall/hvisor_zone.h>

#include "examples.h"
#include "guest_env.h"

#define MAX_ZONES 8

/* Buffers the hypervisor reads or fills: guest memory, passed by GPA. */
static struct hcall_hvisor_zone_info zones[MAX_ZONES];
static union hcall_hvisor_zone_config_any config;
static uint64_t magic;

static void say_status(const char *what, struct hcall_result r)
{
	env_puts(what);
	env_puts(": ");
	env_puts(hcall_status_str(r.status));
	env_puts("\n");
}

static void list_zones(void)
{
	struct hcall_result r = hcall_hvisor_zone_list(env_gpa(zones), MAX_ZONES);
	char name[HCALL_HVISOR_NAME_MAXLEN + 1];

	if (!hcall_ok(r)) {
		/* Only the root zone may list: E_DENIED (-EPERM) elsewhere. */
		say_status("zone_list", r);
		return;
	}
	/* VALUE call: r.value is the number of entries written. */
	for (uint64_t i = 0; i < r.value && i < MAX_ZONES; i++) {
		/* A 32-byte name need not end in a NUL. */
		for (unsigned c = 0; c < HCALL_HVISOR_NAME_MAXLEN; c++)
			name[c] = zones[i].name[c];
		name[HCALL_HVISOR_NAME_MAXLEN] = 0;
		env_puts("zone ");
		env_put_hex(zones[i].zone_id);
		env_puts(" cpus ");
		env_put_hex(zones[i].cpus);
		env_puts(zones[i].is_err ? " error " : " running ");
		env_puts(name);
		env_puts("\n");
	}
}

/*
 * The zone the JSON text describes, its kernel (and DTB) already loaded
 * where the description says: 0 once zone_start answered 0, else -1.
 */
int example_hvisor_start_zone(const char *json, uint64_t len, uint64_t kernel_size,
			      uint64_t dtb_size)
{
	const enum hcall_arch arch = (enum hcall_arch)HCALL_TARGET_ARCH;
	struct hcall_hvisor_zone_images images = { kernel_size, dtb_size, 0 };
	const char *what = "";
	struct hcall_result r;

	/* hvisor-tool refuses to go on unless hvisor's config magic is its own. */
	r = hcall_hvisor_config_check(env_gpa(&magic));
	if (!hcall_ok(r) || magic != HCALL_HVISOR_CONFIG_MAGIC) {
		say_status("config_check", r);
		return -1;
	}
	if (hcall_hvisor_zone_config_from_json(&config, arch, json, len, &images, &what)) {
		env_puts("zone description: bad or missing ");
		env_puts(what);
		env_puts("\n");
		return -1;
	}
	list_zones();
	r = hcall_hvisor_zone_start(env_gpa(&config), hcall_hvisor_zone_config_size(arch));
	if (!hcall_ok(r)) {
		/* -EINVAL: no such zone slot, running, or a config the hypervisor
		 * cannot honour; -EBUSY: a CPU another zone holds. */
		say_status("zone_start", r);
		return -1;
	}
	list_zones();
	return 0;
}
