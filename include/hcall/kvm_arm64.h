/* SPDX-License-Identifier: MIT */
/*
 * hcall/kvm_arm64.h - guest calls to the KVM/arm64 vendor hypervisor
 * services.
 *
 * SMCCC 1.1 over HVC, always: these are hypervisor calls (hypercalls.rst),
 * so HCALL_SMCCC_CONDUIT_SMC, which moves firmware calls to SMC, does not
 * apply to them. w0 = function ID, x1..x3 = arguments, x0..x3 = results. Reserved arguments are always
 * passed as 0 by the typed calls. Errors are the SMCCC codes
 * (NOT_SUPPORTED -1, INVALID_PARAMETER -3).
 *
 * Use: hcall_kvm_arm64_detect() first (Call UID), then
 * hcall_kvm_arm64_func_features() and hcall_kvm_arm64_caps_has() before
 * any other call.
 *
 * Numbers, table and the UID words: <hcall/abi/kvm_arm64.h>.
 */
#ifndef HCALL_KVM_ARM64_H
#define HCALL_KVM_ARM64_H

#include <hcall/abi/kvm_arm64.h>
#include <hcall/smccc.h>

HCALL_BEGIN_DECLS

/* Entry point of the generated wrappers: every table call binds x1..x3. */
HCALL_INLINE struct hcall_result hcall_kvm_arm64_invoke3(uint32_t fid,
							 int kind, uint64_t a1,
							 uint64_t a2,
							 uint64_t a3)
{
	return hcall_smccc_result(
		fid, kind,
		hcall_smccc_conduit_call3(HCALL_SMCCC_HVC, fid, a1, a2, a3).x0,
		hcall_map_kvm_arm64_error);
}

/*
 * The typed calls generated from the table (all SMC64, x1 = IPA where
 * there is one, the other registers up to x3 reserved and passed as 0):
 *   hcall_kvm_arm64_hyp_meminfo(void)        value = protection granule
 *   hcall_kvm_arm64_mem_share(ipa)
 *   hcall_kvm_arm64_mem_unshare(ipa)
 *   hcall_kvm_arm64_mmio_guard(ipa)          the granule at ipa is MMIO
 * INVALID_PARAMETER: ipa not granule-aligned or not owned; NOT_SUPPORTED:
 * not a protected guest or the service is absent. Android's pKVM calls
 * (MMIO_GUARD_INFO/ENROLL/MAP/UNMAP, MEM_RELINQUISH) are in
 * <hcall/kvm_arm64_android.h>.
 */
HCALL_KVM_ARM64_CALLS(HCALL_WRAPPER)

/* The KVM UID (w0..w3). */
HCALL_INLINE struct hcall_smccc_uid hcall_kvm_arm64_uid(void)
{
	struct hcall_smccc_uid u;

	u.w[0] = HCALL_KVM_ARM64_UID_W0;
	u.w[1] = HCALL_KVM_ARM64_UID_W1;
	u.w[2] = HCALL_KVM_ARM64_UID_W2;
	u.w[3] = HCALL_KVM_ARM64_UID_W3;
	return u;
}

/*
 * hcall_kvm_arm64_call_uid - Call UID of the vendor-hypervisor owner
 * (0x8600FF01, no arguments, UID in w0..w3).
 */
HCALL_INLINE struct hcall_smccc_uid hcall_kvm_arm64_call_uid(void)
{
	return hcall_smccc_conduit_call_uid(HCALL_SMCCC_HVC, HCALL_KVM_ARM64_CALL_UID);
}

/*
 * hcall_kvm_arm64_detect - 1 when the vendor-hypervisor Call UID is KVM's
 * 28b46fb6-2ec5-11e9-a9ca-4b564d003a74, else 0. Issues an HVC: call it
 * only where the HVC conduit is known to exist (PSCI method "hvc").
 */
HCALL_INLINE int hcall_kvm_arm64_detect(void)
{
	return hcall_smccc_uid_equal(hcall_kvm_arm64_call_uid(),
				     hcall_kvm_arm64_uid());
}

/* The FUNC_FEATURES bitmap: bit n of w[n / 32] = function n available. */
struct hcall_kvm_arm64_caps {
	uint32_t w[4];
};

/* hcall_kvm_arm64_caps_has - 1 when function number func (0..127,
 * HCALL_KVM_ARM64_FN_*) is in the set; 0 for func out of range. */
HCALL_INLINE int hcall_kvm_arm64_caps_has(const struct hcall_kvm_arm64_caps *caps,
					  unsigned func)
{
	if (func >= HCALL_KVM_ARM64_NUM_FUNCS)
		return 0;
	return (caps->w[func / 32] >> (func % 32)) & 1u;
}

/*
 * hcall_kvm_arm64_func_features - FUNC_FEATURES (0x86000000, HVC32, no
 * arguments): w0..w3 = bitmap of functions 0-31, 32-63, 64-95, 96-127.
 * The set is written to *caps on every path. w0 = 0xFFFFFFFF is the
 * NOT_SUPPORTED answer of a hypervisor without the service (KVM always
 * has function 0 and never function 31 set together with all others):
 * the result is then E_NOT_SUPPORTED and the set empty.
 */
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_func_features(struct hcall_kvm_arm64_caps *caps)
{
	struct hcall_smccc_ret r = hcall_smccc_conduit_call0(
		HCALL_SMCCC_HVC, HCALL_KVM_ARM64_FUNC_FEATURES);
	struct hcall_result res;

	if ((uint32_t)r.x0 == 0xFFFFFFFFu) {
		caps->w[0] = caps->w[1] = caps->w[2] = caps->w[3] = 0;
		res.status = hcall_map_kvm_arm64_error(-1);
		res.code = -1;
	} else {
		caps->w[0] = (uint32_t)r.x0;
		caps->w[1] = (uint32_t)r.x1;
		caps->w[2] = (uint32_t)r.x2;
		caps->w[3] = (uint32_t)r.x3;
		res.status = HCALL_OK;
		res.code = 0;
	}
	res.value = 0;
	return res;
}

/* A PTP sample: host wall-clock time and the selected counter, read
 * together. */
struct hcall_kvm_arm64_ptp_time {
	uint64_t wall_ns; /* host real time in ns: (w0 << 32) | w1 */
	uint64_t counter; /* (w2 << 32) | w3 */
};

/*
 * hcall_kvm_arm64_ptp - PTP (0x86000001, HVC32): w1 = counter
 * (HCALL_KVM_ARM64_PTP_VIRT_COUNTER or _PHYS_COUNTER). Returns w0..w3 as
 * described in struct hcall_kvm_arm64_ptp_time. A negative w0 (the top
 * bit of the wall clock is never set) is an error: NOT_SUPPORTED for an
 * unknown counter or a host clock source that is not the arch counter.
 * *t is written on every path (zero on error).
 */
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_ptp(uint32_t counter, struct hcall_kvm_arm64_ptp_time *t)
{
	struct hcall_smccc_ret r = hcall_smccc_conduit_call1(
		HCALL_SMCCC_HVC, HCALL_KVM_ARM64_PTP, counter);
	int64_t w0 = (int64_t)(int32_t)(uint32_t)r.x0;
	struct hcall_result res;

	if (w0 < 0) {
		t->wall_ns = t->counter = 0;
		res.status = hcall_map_kvm_arm64_error(w0);
		res.code = w0;
	} else {
		t->wall_ns = ((uint64_t)(uint32_t)r.x0 << 32) | (uint32_t)r.x1;
		t->counter = ((uint64_t)(uint32_t)r.x2 << 32) | (uint32_t)r.x3;
		res.status = HCALL_OK;
		res.code = 0;
	}
	res.value = 0;
	return res;
}

/* DISCOVER_IMPL_VER: the version and number of target implementations. */
struct hcall_kvm_arm64_impl_ver {
	uint32_t version; /* SMCCC_VERSION format; 1.0 = 0x10000 */
	uint64_t count;   /* target CPU implementations */
};

/*
 * hcall_kvm_arm64_discover_impl_ver - DISCOVER_IMPL_VER (0xC6000040, no
 * arguments): x0 = SUCCESS or NOT_SUPPORTED, x1 = version (bits 31:0),
 * x2 = number of implementations. *v is written on every path (zero on
 * error).
 */
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_discover_impl_ver(struct hcall_kvm_arm64_impl_ver *v)
{
	struct hcall_smccc_ret x = hcall_smccc_conduit_call0(
		HCALL_SMCCC_HVC, HCALL_KVM_ARM64_DISCOVER_IMPL_VER);
	struct hcall_result r = hcall_smccc_result(
		HCALL_KVM_ARM64_DISCOVER_IMPL_VER, HCALL_RK_STATUS, x.x0,
		hcall_map_kvm_arm64_error);

	v->version = hcall_ok(r) ? (uint32_t)x.x1 : 0;
	v->count = hcall_ok(r) ? x.x2 : 0;
	return r;
}

/* One target CPU implementation: its ID registers. */
struct hcall_kvm_arm64_impl_cpu {
	uint64_t midr, revidr, aidr;
};

/*
 * hcall_kvm_arm64_discover_impl_cpus - DISCOVER_IMPL_CPUS (0xC6000041):
 * x1 = index (< the count above), x2/x3 reserved; x1..x3 = MIDR_EL1,
 * REVIDR_EL1, AIDR_EL1. *c is written on every path (zero on error).
 */
HCALL_INLINE struct hcall_result
hcall_kvm_arm64_discover_impl_cpus(uint64_t index,
				   struct hcall_kvm_arm64_impl_cpu *c)
{
	struct hcall_smccc_ret x = hcall_smccc_conduit_call3(
		HCALL_SMCCC_HVC, HCALL_KVM_ARM64_DISCOVER_IMPL_CPUS, index, 0, 0);
	struct hcall_result r = hcall_smccc_result(
		HCALL_KVM_ARM64_DISCOVER_IMPL_CPUS, HCALL_RK_STATUS, x.x0,
		hcall_map_kvm_arm64_error);

	c->midr = hcall_ok(r) ? x.x1 : 0;
	c->revidr = hcall_ok(r) ? x.x2 : 0;
	c->aidr = hcall_ok(r) ? x.x3 : 0;
	return r;
}

HCALL_END_DECLS

#endif /* HCALL_KVM_ARM64_H */
