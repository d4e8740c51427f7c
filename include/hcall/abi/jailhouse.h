/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/jailhouse.h - the Jailhouse hypercall ABI table (arch-neutral).
 *
 * Source: siemens/jailhouse at commit
 * e57d1eff6d55aeed5f977fe4e2acfb6ccbdd7560 (2023-01-16):
 * include/jailhouse/hypercall.h (codes, information types, states),
 * include/arch/{arm64,x86}/asm/jailhouse_hypercall.h (registers) and
 * Documentation/hypervisor-interfaces.txt (arguments, errors).
 *   arm64:   hvc #0x4a48, code in x0, arguments in x1 and x2, result in x0.
 *   x86_64:  VMCALL (Intel) or VMMCALL (AMD), code in rax, arguments in
 *            rdi and rsi, result in rax. A caller at CPL > 0 gets -EPERM.
 * Results are a value >= 0 or a negated Linux errno value. Management
 * calls (DISABLE, CELL_*) are for the root cell only: any other cell
 * gets -EPERM.
 */
#ifndef HCALL_ABI_JAILHOUSE_H
#define HCALL_ABI_JAILHOUSE_H

#include <hcall/abi/desc.h>

#define HCALL_JAILHOUSE_ARM64_IMM 0x4a48

/* Call codes (JAILHOUSE_HC_*). */
#define HCALL_JAILHOUSE_DISABLE 0
#define HCALL_JAILHOUSE_CELL_CREATE 1
#define HCALL_JAILHOUSE_CELL_START 2
#define HCALL_JAILHOUSE_CELL_SET_LOADABLE 3
#define HCALL_JAILHOUSE_CELL_DESTROY 4
#define HCALL_JAILHOUSE_HYPERVISOR_GET_INFO 5
#define HCALL_JAILHOUSE_CELL_GET_STATE 6
#define HCALL_JAILHOUSE_CPU_GET_INFO 7
#define HCALL_JAILHOUSE_DEBUG_CONSOLE_PUTC 8

/* HYPERVISOR_GET_INFO types (JAILHOUSE_INFO_*). */
#define HCALL_JAILHOUSE_INFO_MEM_POOL_SIZE 0
#define HCALL_JAILHOUSE_INFO_MEM_POOL_USED 1
#define HCALL_JAILHOUSE_INFO_REMAP_POOL_SIZE 2
#define HCALL_JAILHOUSE_INFO_REMAP_POOL_USED 3
#define HCALL_JAILHOUSE_INFO_NUM_CELLS 4

/* CPU_GET_INFO types: the state, or a statistic at STAT_BASE + index. */
#define HCALL_JAILHOUSE_CPU_INFO_STATE 0
#define HCALL_JAILHOUSE_CPU_INFO_STAT_BASE 1000
#define HCALL_JAILHOUSE_CPU_STAT_VMEXITS_TOTAL 0
#define HCALL_JAILHOUSE_CPU_STAT_VMEXITS_MMIO 1
#define HCALL_JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT 2
#define HCALL_JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL 3

/* CPU states (JAILHOUSE_CPU_*). */
#define HCALL_JAILHOUSE_CPU_RUNNING 0
#define HCALL_JAILHOUSE_CPU_FAILED 2

/* Cell states (JAILHOUSE_CELL_*), as CELL_GET_STATE returns them. */
#define HCALL_JAILHOUSE_CELL_RUNNING 0
#define HCALL_JAILHOUSE_CELL_RUNNING_LOCKED 1
#define HCALL_JAILHOUSE_CELL_SHUT_DOWN 2
#define HCALL_JAILHOUSE_CELL_FAILED 3
#define HCALL_JAILHOUSE_CELL_FAILED_COMM_REV 4

/*
 * The header of a cell description (include/jailhouse/cell-config.h,
 * struct jailhouse_cell_desc, packed), which CELL_CREATE points at. The
 * arrays that follow it in Jailhouse (CPU set, memory regions...) are
 * not described here.
 */
#define HCALL_JAILHOUSE_CELL_DESC_SIGNATURE "JHCLL"
#define HCALL_JAILHOUSE_CONFIG_REVISION 14
#define HCALL_JAILHOUSE_CELL_NAME_LEN 32

struct hcall_jailhouse_cell_desc {
	char signature[5];     /* "JHCLL" */
	uint8_t architecture;
	uint16_t revision;     /* HCALL_JAILHOUSE_CONFIG_REVISION */
	char name[HCALL_JAILHOUSE_CELL_NAME_LEN]; /* NUL-terminated */
	uint32_t id;           /* set by the driver */
	uint32_t flags;
};
HCALL_STATIC_ASSERT(sizeof(struct hcall_jailhouse_cell_desc) == 48,
		    "jailhouse_cell_desc header: 5 + 1 + 2 + 32 + 4 + 4 bytes");

#define HCALL_JAILHOUSE_CALLS(X)                                               \
	X(JAILHOUSE, jailhouse, DISABLE, disable, STATUS, 0, 0, _, _, _, _,    \
	  "root cell: shut the hypervisor down (-EBUSY while other cells "     \
	  "exist)")                                                            \
	X(JAILHOUSE, jailhouse, CELL_CREATE, cell_create, STATUS, 1, 0,        \
	  (uint64_t, config_addr), _, _, _,                                    \
	  "root cell: create the cell described at config_addr (a struct "     \
	  "hcall_jailhouse_cell_desc), suspended")                             \
	X(JAILHOUSE, jailhouse, CELL_START, cell_start, STATUS, 1, 0,          \
	  (uint64_t, cell_id), _, _, _,                                        \
	  "root cell: (re)start cell cell_id at its reset address")            \
	X(JAILHOUSE, jailhouse, CELL_SET_LOADABLE, cell_set_loadable, STATUS,  \
	  1, 0, (uint64_t, cell_id), _, _, _,                                  \
	  "root cell: shut cell cell_id down so that its image can be loaded") \
	X(JAILHOUSE, jailhouse, CELL_DESTROY, cell_destroy, STATUS, 1, 0,      \
	  (uint64_t, cell_id), _, _, _, "root cell: destroy cell cell_id")     \
	X(JAILHOUSE, jailhouse, HYPERVISOR_GET_INFO, hypervisor_get_info,      \
	  VALUE, 1, 0, (uint64_t, type), _, _, _,                              \
	  "any cell: a hypervisor figure (HCALL_JAILHOUSE_INFO_*)")            \
	X(JAILHOUSE, jailhouse, CELL_GET_STATE, cell_get_state, VALUE, 1, 0,   \
	  (uint64_t, cell_id), _, _, _,                                        \
	  "root cell: the state of cell cell_id (HCALL_JAILHOUSE_CELL_*)")     \
	X(JAILHOUSE, jailhouse, CPU_GET_INFO, cpu_get_info, VALUE, 2, 0,       \
	  (uint64_t, cpu_id), (uint64_t, type), _, _,                          \
	  "a CPU's state or statistic; a non-root cell sees its own CPUs "     \
	  "only")                                                              \
	X(JAILHOUSE, jailhouse, DEBUG_CONSOLE_PUTC, debug_console_putc,        \
	  STATUS, 1, 0, (uint64_t, c), _, _, _,                                \
	  "write character c on the hypervisor's debug console")

/* Register roles. On arm64 Jailhouse's own header declares x1..x3 changed
 * too (JAILHOUSE_CALL_CLOBBERED), so callers must not rely on them. */
#define HCALL_JAILHOUSE_ARM64_REG_CODE HCALL_ARM64_X0
#define HCALL_JAILHOUSE_ARM64_REG_ARG0 HCALL_ARM64_X1
#define HCALL_JAILHOUSE_ARM64_REG_ARG1 HCALL_ARM64_X2
#define HCALL_JAILHOUSE_ARM64_REG_RET HCALL_ARM64_X0

#define HCALL_JAILHOUSE_X86_REG_CODE HCALL_X86_RAX
#define HCALL_JAILHOUSE_X86_REG_ARG0 HCALL_X86_RDI
#define HCALL_JAILHOUSE_X86_REG_ARG1 HCALL_X86_RSI
#define HCALL_JAILHOUSE_X86_REG_RET HCALL_X86_RAX

#define HCALL_JAILHOUSE_CONV_ARM64                                           \
	{ "jailhouse/arm64", HCALL_ARCH_ARM64, HCALL_TRAP_HVC,               \
	  HCALL_JAILHOUSE_ARM64_IMM, HCALL_REG_NONE, 0,                      \
	  HCALL_REG_IDX(HCALL_JAILHOUSE_ARM64_REG_CODE), 2,                  \
	  { HCALL_REG_IDX(HCALL_JAILHOUSE_ARM64_REG_ARG0),                   \
	    HCALL_REG_IDX(HCALL_JAILHOUSE_ARM64_REG_ARG1) },                 \
	  1, { HCALL_REG_IDX(HCALL_JAILHOUSE_ARM64_REG_RET) }, HCALL_REG_NONE, \
	  HCALL__BIT(HCALL_ARM64_X0) | HCALL__BIT(HCALL_ARM64_X1) |          \
		  HCALL__BIT(HCALL_ARM64_X2) | HCALL__BIT(HCALL_ARM64_X3) }

/* VMCALL here also stands for VMMCALL (see struct hcall_conv_desc). */
#define HCALL_JAILHOUSE_CONV_X86                                             \
	{ "jailhouse/x86_64", HCALL_ARCH_X86_64, HCALL_TRAP_VMCALL, 0,       \
	  HCALL_REG_NONE, 0, HCALL_REG_IDX(HCALL_JAILHOUSE_X86_REG_CODE), 2, \
	  { HCALL_REG_IDX(HCALL_JAILHOUSE_X86_REG_ARG0),                     \
	    HCALL_REG_IDX(HCALL_JAILHOUSE_X86_REG_ARG1) },                   \
	  1, { HCALL_REG_IDX(HCALL_JAILHOUSE_X86_REG_RET) }, HCALL_REG_NONE, \
	  HCALL__BIT(HCALL_JAILHOUSE_X86_REG_RET) }

/* Errors: negated Linux errno values (Documentation/hypervisor-interfaces.txt,
 * and -ENOSYS for an unknown code, hypervisor/control.c). */
#define HCALL_JAILHOUSE_ERRORS(X)            \
	X(SUCCESS, 0, OK)                    \
	X(EPERM, -1, E_DENIED)               \
	X(ENOENT, -2, E_INVALID_PARAM)       \
	X(E2BIG, -7, E_TOO_BIG)              \
	X(ENOMEM, -12, E_NO_MEMORY)          \
	X(EBUSY, -16, E_BUSY)                \
	X(EEXIST, -17, E_ALREADY)            \
	X(EINVAL, -22, E_INVALID_PARAM)      \
	X(ENOSYS, -38, E_NOT_SUPPORTED)

HCALL_DEFINE_ERROR_MAP(hcall_map_jailhouse_error, HCALL_JAILHOUSE_ERRORS)

#endif /* HCALL_ABI_JAILHOUSE_H */
