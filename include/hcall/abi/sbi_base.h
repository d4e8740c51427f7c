/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_base.h - the SBI base extension (EID 0x10, SBI v0.2+):
 * versions, implementation and machine IDs, and probing the others.
 * Source: SBI specification v3.0, chapter "Base Extension".
 */
#ifndef HCALL_ABI_SBI_BASE_H
#define HCALL_ABI_SBI_BASE_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_BASE_EID HCALL_SBI_EXT_BASE
#define HCALL_SBI_BASE_GET_SPEC_VERSION 0u
#define HCALL_SBI_BASE_GET_IMPL_ID 1u
#define HCALL_SBI_BASE_GET_IMPL_VERSION 2u
#define HCALL_SBI_BASE_PROBE_EXTENSION 3u
#define HCALL_SBI_BASE_GET_MVENDORID 4u
#define HCALL_SBI_BASE_GET_MARCHID 5u
#define HCALL_SBI_BASE_GET_MIMPID 6u

#define HCALL_SBI_BASE_CALLS(X)                                                \
	X(SBI_BASE, sbi_base, GET_SPEC_VERSION, get_spec_version, VALUE, 0, 0, \
	  _, _, _, _, "SBI specification version (major << 24 | minor)")       \
	X(SBI_BASE, sbi_base, GET_IMPL_ID, get_impl_id, VALUE, 0, 0,           \
	  _, _, _, _, "SBI implementation ID (HCALL_SBI_IMPL_*)")              \
	X(SBI_BASE, sbi_base, GET_IMPL_VERSION, get_impl_version, VALUE, 0, 0, \
	  _, _, _, _, "implementation-specific version")                       \
	X(SBI_BASE, sbi_base, PROBE_EXTENSION, probe_extension, VALUE, 1, 0,   \
	  (uint64_t, eid), _, _, _,                                            \
	  "0 if extension eid is absent, else an extension-specific non-zero") \
	X(SBI_BASE, sbi_base, GET_MVENDORID, get_mvendorid, VALUE, 0, 0,       \
	  _, _, _, _, "the mvendorid CSR")                                     \
	X(SBI_BASE, sbi_base, GET_MARCHID, get_marchid, VALUE, 0, 0,           \
	  _, _, _, _, "the marchid CSR")                                       \
	X(SBI_BASE, sbi_base, GET_MIMPID, get_mimpid, VALUE, 0, 0,             \
	  _, _, _, _, "the mimpid CSR")

#define HCALL_SBI_BASE_CONV_RISCV HCALL_SBI_CONV("sbi-base/riscv64", HCALL_SBI_BASE_EID)

/* get_spec_version: major in bits 30:24, minor in bits 23:0. */
#define HCALL_SBI_SPEC_MAJOR_SHIFT 24
#define HCALL_SBI_SPEC_MAJOR_MASK 0x7Fu
#define HCALL_SBI_SPEC_MINOR_MASK 0xFFFFFFu
#define HCALL_SBI_SPEC_VERSION(major, minor) \
	((((major) & HCALL_SBI_SPEC_MAJOR_MASK) << HCALL_SBI_SPEC_MAJOR_SHIFT) | \
	 ((minor) & HCALL_SBI_SPEC_MINOR_MASK))

/* get_impl_id values. */
#define HCALL_SBI_IMPL_BBL 0
#define HCALL_SBI_IMPL_OPENSBI 1
#define HCALL_SBI_IMPL_XVISOR 2
#define HCALL_SBI_IMPL_KVM 3
#define HCALL_SBI_IMPL_RUSTSBI 4
#define HCALL_SBI_IMPL_DIOSIX 5
#define HCALL_SBI_IMPL_COFFER 6
#define HCALL_SBI_IMPL_XEN 7
#define HCALL_SBI_IMPL_POLARFIRE_HSS 8
#define HCALL_SBI_IMPL_COREBOOT 9
#define HCALL_SBI_IMPL_OREBOOT 10
#define HCALL_SBI_IMPL_BHYVE 11

#endif /* HCALL_ABI_SBI_BASE_H */
