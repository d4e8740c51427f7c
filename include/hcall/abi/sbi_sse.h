/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_sse.h - the SBI supervisor software events extension
 * (EID "SSE", SBI v3.0). Source: SBI specification v3.0, chapter
 * "Supervisor Software Events Extension".
 */
#ifndef HCALL_ABI_SBI_SSE_H
#define HCALL_ABI_SBI_SSE_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_SSE_EID HCALL_SBI_EXT_SSE
#define HCALL_SBI_SSE_READ_ATTRS 0u
#define HCALL_SBI_SSE_WRITE_ATTRS 1u
#define HCALL_SBI_SSE_REGISTER 2u
#define HCALL_SBI_SSE_UNREGISTER 3u
#define HCALL_SBI_SSE_ENABLE 4u
#define HCALL_SBI_SSE_DISABLE 5u
#define HCALL_SBI_SSE_COMPLETE 6u
#define HCALL_SBI_SSE_INJECT 7u
#define HCALL_SBI_SSE_HART_UNMASK 8u
#define HCALL_SBI_SSE_HART_MASK 9u

#define HCALL_SBI_SSE_CALLS(X)                                                 \
	X(SBI_SSE, sbi_sse, READ_ATTRS, read_attrs, CUSTOM, 5, 0,              \
	  (uint32_t, event_id), (uint32_t, base_attr_id),                      \
	  (uint32_t, attr_count),                                              \
	  ((uint64_t, output_phys_lo), (uint64_t, output_phys_hi)),            \
	  "read attr_count attributes of an event into physical memory")      \
	X(SBI_SSE, sbi_sse, WRITE_ATTRS, write_attrs, CUSTOM, 5, 0,            \
	  (uint32_t, event_id), (uint32_t, base_attr_id),                      \
	  (uint32_t, attr_count),                                              \
	  ((uint64_t, input_phys_lo), (uint64_t, input_phys_hi)),              \
	  "write attr_count attributes of an event from physical memory")      \
	X(SBI_SSE, sbi_sse, REGISTER, register, STATUS, 3, 0,                  \
	  (uint32_t, event_id), (uint64_t, handler_entry_pc),                  \
	  (uint64_t, handler_entry_arg), _, "register an event handler")       \
	X(SBI_SSE, sbi_sse, UNREGISTER, unregister, STATUS, 1, 0,              \
	  (uint32_t, event_id), _, _, _, "unregister an event handler")        \
	X(SBI_SSE, sbi_sse, ENABLE, enable, STATUS, 1, 0,                      \
	  (uint32_t, event_id), _, _, _, "enable a registered event")          \
	X(SBI_SSE, sbi_sse, DISABLE, disable, STATUS, 1, 0,                    \
	  (uint32_t, event_id), _, _, _, "disable an event")                   \
	X(SBI_SSE, sbi_sse, COMPLETE, complete, STATUS, 0, 0, _, _, _, _,      \
	  "end the running event handler; does not return on success")         \
	X(SBI_SSE, sbi_sse, INJECT, inject, STATUS, 2, 0,                      \
	  (uint32_t, event_id), (uint64_t, hart_id), _, _,                     \
	  "inject an event on a hart")                                         \
	X(SBI_SSE, sbi_sse, HART_UNMASK, hart_unmask, STATUS, 0, 0,            \
	  _, _, _, _, "start receiving events on the calling hart")            \
	X(SBI_SSE, sbi_sse, HART_MASK, hart_mask, STATUS, 0, 0,                \
	  _, _, _, _, "stop receiving events on the calling hart")

#define HCALL_SBI_SSE_CONV_RISCV HCALL_SBI_CONV("sbi-sse/riscv64", HCALL_SBI_SSE_EID)

/* Event IDs (bit 15 global, bit 14 platform). */
#define HCALL_SBI_SSE_EVENT_LOCAL_HIGH_PRIO_RAS 0x00000000u
#define HCALL_SBI_SSE_EVENT_LOCAL_DOUBLE_TRAP 0x00000001u
#define HCALL_SBI_SSE_EVENT_GLOBAL_HIGH_PRIO_RAS 0x00008000u
#define HCALL_SBI_SSE_EVENT_LOCAL_PMU_OVERFLOW 0x00010000u
#define HCALL_SBI_SSE_EVENT_LOCAL_LOW_PRIO_RAS 0x00100000u
#define HCALL_SBI_SSE_EVENT_GLOBAL_LOW_PRIO_RAS 0x00108000u
#define HCALL_SBI_SSE_EVENT_LOCAL_SOFTWARE 0xFFFF0000u
#define HCALL_SBI_SSE_EVENT_GLOBAL_SOFTWARE 0xFFFF8000u
#define HCALL_SBI_SSE_EVENT_GLOBAL_BIT (1u << 15)
#define HCALL_SBI_SSE_EVENT_PLATFORM_BIT (1u << 14)

/* Attribute IDs. */
#define HCALL_SBI_SSE_ATTR_STATUS 0u
#define HCALL_SBI_SSE_ATTR_PRIORITY 1u
#define HCALL_SBI_SSE_ATTR_CONFIG 2u
#define HCALL_SBI_SSE_ATTR_PREFERRED_HART 3u
#define HCALL_SBI_SSE_ATTR_ENTRY_PC 4u
#define HCALL_SBI_SSE_ATTR_ENTRY_ARG 5u
#define HCALL_SBI_SSE_ATTR_INTERRUPTED_SEPC 6u
#define HCALL_SBI_SSE_ATTR_INTERRUPTED_FLAGS 7u
#define HCALL_SBI_SSE_ATTR_INTERRUPTED_A6 8u
#define HCALL_SBI_SSE_ATTR_INTERRUPTED_A7 9u

/* Event states (ATTR_STATUS bits 1:0). */
#define HCALL_SBI_SSE_STATE_UNUSED 0u
#define HCALL_SBI_SSE_STATE_REGISTERED 1u
#define HCALL_SBI_SSE_STATE_ENABLED 2u
#define HCALL_SBI_SSE_STATE_RUNNING 3u

#endif /* HCALL_ABI_SBI_SSE_H */
