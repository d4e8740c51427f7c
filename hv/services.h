/* SPDX-License-Identifier: MIT */
/*
 * hv/services.h - the hypercall ABIs the core serves, one line each.
 *
 * X(NAME, name): the ABI is HV_ABI_<NAME> (its bit in a VM's `abis`) and
 * its service is `hv_service_<name>`, defined in hv/svc_<name>.c. The
 * order is the enum's, so existing values never move: add new ABIs at the
 * end. Adding an ABI is this line, its service file and (if its trap
 * needs one) a trap stub in the glue; nothing else in the core changes.
 */
#ifndef HV_SERVICES_H
#define HV_SERVICES_H

#define HV_SERVICES(X)          \
	X(HVISOR, hvisor)       \
	X(SMCCC, smccc)         \
	X(SBI, sbi)             \
	X(KVM_X86, kvm_x86)     \
	X(ACRN, acrn)           \
	X(PALACIOS, palacios)   \
	X(JAILHOUSE, jailhouse)

#endif /* HV_SERVICES_H */
