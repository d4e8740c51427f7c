/* SPDX-License-Identifier: MIT */
/*
 * A tiny hcall consumer: it makes two typed hvisor calls and reads the ABI
 * tables through <hcall/describe.h>.
 *
 * Built with HCALL_TRANSPORT_SIM, every call traps into hcall_sim_trap()
 * below instead of executing `hvc #0x4856`; it plays a root zone's
 * hypervisor that knows zone 2 only. A real guest is built without the
 * simulated transport and needs nothing else.
 */
#include <hcall/describe.h>
#include <hcall/hvisor.h>
#include <stdio.h>

#define ENOENT_NEG (-2)

void hcall_sim_trap(enum hcall_trap trap, uint32_t imm, struct hcall_regs *regs)
{
	uint64_t *r = regs->r;
	int64_t ret = -38; /* -ENOSYS: any call we do not play */

	if (trap == HCALL_TRAP_HVC && imm == HCALL_HVISOR_ARM64_IMM &&
	    r[HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_CODE)] == HCALL_HVISOR_ZONE_SHUTDOWN)
		ret = r[HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_ARG0)] == 2 ? 0 : ENOENT_NEG;
	r[HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_RET)] = (uint64_t)ret;
}

int main(void)
{
	const struct hcall_abi_desc *abi = hcall_abi_find("hvisor");
	struct hcall_result ok = hcall_hvisor_zone_shutdown(2);
	struct hcall_result bad = hcall_hvisor_zone_shutdown(7);

	printf("zone_shutdown(2): %s\n", hcall_status_str(ok.status));
	printf("zone_shutdown(7): %s (raw %lld)\n", hcall_status_str(bad.status),
	       (long long)bad.code);
	if (abi)
		printf("%s: %u calls, %u conventions\n", abi->title, abi->ncalls,
		       abi->nconvs);
	return hcall_ok(ok) && bad.status == HCALL_E_INVALID_PARAM && abi ? 0 : 1;
}
