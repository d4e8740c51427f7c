/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/arm64/normal.c - the normal VM (hvisor zone 1). The service
 * VM starts it with zone_start, or as a Jailhouse cell with CELL_START; it
 * records what its own hypercalls
 * answered in the shared page and switches itself off with PSCI CPU_OFF.
 * Its zone_config gives it one ivc channel; ivc_info writes hvisor's
 * packed 56-byte structure anywhere in its memory, to its last byte.
 */
#include <hcall/hvisor.h>
#include <hcall/jailhouse.h>
#include <hcall/psci.h>
#include <hcall/smccc.h>

#include "../guest.h"
#include "arm64_guest.h"

static struct hcall_hvisor_ivc_info ivc __attribute__((aligned(16)));
extern uint64_t guest_boot_x0;
static struct hcall_hvisor_zone_info zones[4] __attribute__((aligned(16)));

static void say(const char *s)
{
	while (*s)
		guest_putc(*s++);
}

void guest_main(void)
{
	struct guest_shared *sh = GUEST_SHARED;

	say("# normal VM: running at EL1\r\n");
	sh->normal_runs++;
	sh->normal_x0 = guest_boot_x0;
	sh->normal_ivc = hcall_hvisor_call(HCALL_HVISOR_IVC_INFO, (uint64_t)(uintptr_t)&ivc, 0).value;
	sh->normal_ivc_len = ivc.len;
	sh->normal_ivc_ct = ivc.ivc_ct_ipas[0];
	sh->normal_ivc_id = ivc.ivc_ids[0] | (uint64_t)ivc.ivc_irqs[0] << 32;
	sh->normal_ivc_end = hcall_hvisor_call(HCALL_HVISOR_IVC_INFO,
					       GUEST_NORMAL_BASE + GUEST_VM_SIZE - 56, 0).value;
	sh->normal_ivc_past = hcall_hvisor_call(HCALL_HVISOR_IVC_INFO,
						GUEST_NORMAL_BASE + GUEST_VM_SIZE - 48, 0).value;
	sh->normal_smccc = hcall_smccc_call0(0x80000000u).x0;
	sh->normal_perm = hcall_hvisor_call(HCALL_HVISOR_ZONE_LIST,
					    (uint64_t)(uintptr_t)zones, 4).value;
	/* As Jailhouse cell 1: CPUs 4..7 are its own, CPU 0 the root cell's. */
	sh->jailhouse.get_state = hcall_jailhouse_call(HCALL_JAILHOUSE_CELL_GET_STATE, 1, 0);
	sh->jailhouse.cpu_own = hcall_jailhouse_call(HCALL_JAILHOUSE_CPU_GET_INFO, 4,
						     HCALL_JAILHOUSE_CPU_INFO_STATE);
	sh->jailhouse.cpu_root = hcall_jailhouse_call(HCALL_JAILHOUSE_CPU_GET_INFO, 0,
						      HCALL_JAILHOUSE_CPU_INFO_STATE);
	sh->jailhouse.num_cells = hcall_jailhouse_call(HCALL_JAILHOUSE_HYPERVISOR_GET_INFO,
						       HCALL_JAILHOUSE_INFO_NUM_CELLS, 0);
	sh->jailhouse.runs++;
	say("# normal VM: CPU_OFF\r\n");
	hcall_psci_cpu_off();
	say("# normal VM: CPU_OFF returned\r\n");
	for (;;)
		__asm__ __volatile__("wfi");
}
