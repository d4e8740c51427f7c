/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/sbi_dbcn.h - the SBI debug console extension (EID "DBCN",
 * SBI v2.0). Source: SBI specification v3.0, chapter "Debug Console
 * Extension". The buffer is given by its physical address (lo, hi).
 */
#ifndef HCALL_ABI_SBI_DBCN_H
#define HCALL_ABI_SBI_DBCN_H

#include <hcall/abi/sbi_conv.h>

#define HCALL_SBI_DBCN_EID HCALL_SBI_EXT_DBCN
#define HCALL_SBI_DBCN_CONSOLE_WRITE 0u
#define HCALL_SBI_DBCN_CONSOLE_READ 1u
#define HCALL_SBI_DBCN_CONSOLE_WRITE_BYTE 2u

#define HCALL_SBI_DBCN_CALLS(X)                                                \
	X(SBI_DBCN, sbi_dbcn, CONSOLE_WRITE, console_write, VALUE, 3, 0,       \
	  (uint64_t, num_bytes), (uint64_t, base_addr_lo),                     \
	  (uint64_t, base_addr_hi), _,                                         \
	  "write up to num_bytes from physical memory; value = bytes written") \
	X(SBI_DBCN, sbi_dbcn, CONSOLE_READ, console_read, VALUE, 3, 0,         \
	  (uint64_t, num_bytes), (uint64_t, base_addr_lo),                     \
	  (uint64_t, base_addr_hi), _,                                         \
	  "read up to num_bytes into physical memory; value = bytes read")     \
	X(SBI_DBCN, sbi_dbcn, CONSOLE_WRITE_BYTE, console_write_byte, STATUS,  \
	  1, 0, (uint8_t, byte), _, _, _, "write one byte, blocking")

#define HCALL_SBI_DBCN_CONV_RISCV HCALL_SBI_CONV("sbi-dbcn/riscv64", HCALL_SBI_DBCN_EID)

#endif /* HCALL_ABI_SBI_DBCN_H */
