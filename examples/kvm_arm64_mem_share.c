/* SPDX-License-Identifier: MIT */
/*
 * KVM/arm64 (protected guest): find KVM's vendor hypervisor services,
 * check which are offered, then share one page with the host, as a pKVM
 * guest does for a virtio ring or a bounce buffer.
 */
#include <hcall/kvm_arm64.h>

#include "examples.h"
#include "guest_env.h"

/* One page the host may read and write once shared. */
static uint8_t bounce[4096] __attribute__((aligned(4096)));

int example_kvm_arm64_mem_share(void)
{
	struct hcall_kvm_arm64_caps caps;
	struct hcall_result r;
	uint64_t granule;

	/* 1. Discovery: the vendor-hyp Call UID (0x8600FF01) must be KVM's
	 *    UID before any other vendor call means what we think. */
	if (!hcall_kvm_arm64_detect()) {
		env_puts("not KVM: no vendor hypervisor services\n");
		return -1;
	}
	/* 2. FUNC_FEATURES: the bitmap of the functions this host offers. */
	r = hcall_kvm_arm64_func_features(&caps);
	if (!hcall_ok(r) ||
	    !hcall_kvm_arm64_caps_has(&caps, HCALL_KVM_ARM64_FN_HYP_MEMINFO) ||
	    !hcall_kvm_arm64_caps_has(&caps, HCALL_KVM_ARM64_FN_MEM_SHARE)) {
		env_puts("KVM without memory sharing: not a protected guest\n");
		return -1;
	}
	/* 3. HYP_MEMINFO: the sharing granule (x1..x3 reserved, zero). */
	r = hcall_kvm_arm64_hyp_meminfo();
	if (!hcall_ok(r) || r.value == 0 || r.value > sizeof(bounce)) {
		env_puts("hyp_meminfo: unusable granule\n");
		return -1;
	}
	granule = r.value;
	/* 4. MEM_SHARE: x1 = granule-aligned IPA, x2 and x3 zero. */
	r = hcall_kvm_arm64_mem_share(env_gpa(bounce));
	env_puts("mem_share(");
	env_put_hex(env_gpa(bounce));
	env_puts(", granule ");
	env_put_hex(granule);
	env_puts("): ");
	env_puts(hcall_status_str(r.status));
	env_puts("\n");
	return hcall_ok(r) ? 0 : -1;
}
