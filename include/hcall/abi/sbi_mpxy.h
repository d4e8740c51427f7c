/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_mpxy.h - the SBI message proxy extension (EID "MPXY",
 * SBI v3.0). Source: SBI specification v3.0, chapter "Message Proxy
 * Extension". Messages and attributes travel through a per-hart shared
 * memory of get_shmem_size() bytes.
 */
#ifndef HCALL_ABI_SBI_MPXY_H
#define HCALL_ABI_SBI_MPXY_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_MPXY_EID HCALL_SBI_EXT_MPXY
#define HCALL_SBI_MPXY_GET_SHMEM_SIZE 0u
#define HCALL_SBI_MPXY_SET_SHMEM 1u
#define HCALL_SBI_MPXY_GET_CHANNEL_IDS 2u
#define HCALL_SBI_MPXY_READ_ATTRS 3u
#define HCALL_SBI_MPXY_WRITE_ATTRS 4u
#define HCALL_SBI_MPXY_SEND_MSG_WITH_RESP 5u
#define HCALL_SBI_MPXY_SEND_MSG_WITHOUT_RESP 6u
#define HCALL_SBI_MPXY_GET_NOTIFICATION_EVENTS 7u

#define HCALL_SBI_MPXY_CALLS(X)                                                \
	X(SBI_MPXY, sbi_mpxy, GET_SHMEM_SIZE, get_shmem_size, VALUE, 0, 0,     \
	  _, _, _, _, "the shared memory size in bytes")                       \
	X(SBI_MPXY, sbi_mpxy, SET_SHMEM, set_shmem, STATUS, 3, 0,              \
	  (uint64_t, shmem_phys_lo), (uint64_t, shmem_phys_hi),                \
	  (uint64_t, flags), _,                                                \
	  "set (or, all ones, disable) this hart's shared memory")             \
	X(SBI_MPXY, sbi_mpxy, GET_CHANNEL_IDS, get_channel_ids, STATUS, 1, 0,  \
	  (uint32_t, start_index), _, _, _,                                    \
	  "channel IDs from start_index into the shared memory")               \
	X(SBI_MPXY, sbi_mpxy, READ_ATTRS, read_attrs, STATUS, 3, 0,            \
	  (uint32_t, channel_id), (uint32_t, base_attr_id),                    \
	  (uint32_t, attr_count), _,                                           \
	  "read channel attributes into the shared memory")                    \
	X(SBI_MPXY, sbi_mpxy, WRITE_ATTRS, write_attrs, STATUS, 3, 0,          \
	  (uint32_t, channel_id), (uint32_t, base_attr_id),                    \
	  (uint32_t, attr_count), _,                                           \
	  "write channel attributes from the shared memory")                   \
	X(SBI_MPXY, sbi_mpxy, SEND_MSG_WITH_RESP, send_msg_with_resp, VALUE,   \
	  3, 0, (uint32_t, channel_id), (uint32_t, message_id),                \
	  (uint64_t, message_data_len), _,                                     \
	  "send a message; value = the response's length in the shared memory") \
	X(SBI_MPXY, sbi_mpxy, SEND_MSG_WITHOUT_RESP, send_msg_without_resp,    \
	  STATUS, 3, 0, (uint32_t, channel_id), (uint32_t, message_id),        \
	  (uint64_t, message_data_len), _, "send a message, no response")      \
	X(SBI_MPXY, sbi_mpxy, GET_NOTIFICATION_EVENTS,                         \
	  get_notification_events, STATUS, 1, 0, (uint32_t, channel_id), _, _, \
	  _, "a channel's pending notifications into the shared memory")

#define HCALL_SBI_MPXY_CONV_RISCV HCALL_SBI_CONV("sbi-mpxy/riscv64", HCALL_SBI_MPXY_EID)

#endif /* HCALL_ABI_SBI_MPXY_H */
