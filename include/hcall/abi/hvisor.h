/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/hvisor.h - the hvisor hypercall ABI table (arch-neutral).
 *
 * Pinned pair (the newest commits that agree on the config magic and
 * every structure; hcall/abi/hvisor_layout.h has the structures):
 *   syswonder/hvisor       v0.4, d3260d0bb53c68097f2d4069a73624230e86484f
 *                          src/hypercall/mod.rs, src/error.rs,
 *                          src/arch/riscv64/sbi.rs, src/arch/aarch64/trap.rs,
 *                          src/arch/x86_64/trap.rs, src/arch/<arch>/hypercall.rs
 *   syswonder/hvisor-tool  b17d9dd82853e088f83659942754fce37c46cc25
 *                          include/hvisor.h, include/def.h, driver/hvisor.c
 *
 *   arm64:   hvc #0x4856, code in x0, arguments in x1 and x2, result in x0.
 *   riscv64: ecall with a7 = 0x114514 (an SBI extension, listed by the SBI
 *            base probe), code in a0, arguments in a1 and a2. Success:
 *            a0 = 0, a1 = value. Error: a0 = -1 (SBI_ERR_FAILED), a1 = the
 *            negated errno.
 *   x86_64:  vmcall, code in rax, arguments in rdi and rsi, result in rax.
 *
 * Errors are negated Linux errno values (hvisor's HvErrorNum). hvisor
 * answers an unknown code with a silent 0; hcall's hypervisor core
 * answers -ENOSYS instead.
 */
#ifndef HCALL_ABI_HVISOR_H
#define HCALL_ABI_HVISOR_H

#include <hcall/abi/desc.h>
#include <hcall/abi/hvisor_layout.h>

#define HCALL_HVISOR_ARM64_IMM 0x4856
#define HCALL_HVISOR_RISCV_EID 0x114514
/* riscv: a0 on a failed call; the errno is then in a1. */
#define HCALL_HVISOR_RISCV_FAILED (-1)

/* Call numbers (hvisor's HyperCallCode). */
#define HCALL_HVISOR_VIRTIO_INIT 0
#define HCALL_HVISOR_VIRTIO_INJECT_IRQ 1
#define HCALL_HVISOR_ZONE_START 2
#define HCALL_HVISOR_ZONE_SHUTDOWN 3
#define HCALL_HVISOR_ZONE_LIST 4
#define HCALL_HVISOR_IVC_INFO 5
#define HCALL_HVISOR_CONFIG_CHECK 6
#define HCALL_HVISOR_CLEAR_INJECT_IRQ 20
#define HCALL_HVISOR_VIRTIO_GET_IRQ 86

/*
 * Arguments hvisor does not read are not listed (the wrappers pass 0).
 * hvisor-tool passes sizeof(ivc_info) as ivc_info's second argument;
 * hvisor ignores it.
 */
#define HCALL_HVISOR_CALLS(X)                                                  \
	X(HVISOR, hvisor, VIRTIO_INIT, virtio_init, STATUS, 1, 0,              \
	  (uint64_t, shm_base), _, _, _,                                       \
	  "root zone: set up the virtio shared-memory region at shm_base")     \
	X(HVISOR, hvisor, VIRTIO_INJECT_IRQ, virtio_inject_irq, STATUS, 0, 0,  \
	  _, _, _, _,                                                          \
	  "root zone: deliver pending virtio interrupts to the other zones "   \
	  "(hvisor-tool: FINISH_REQ)")                                         \
	X(HVISOR, hvisor, ZONE_START, zone_start, STATUS, 2, 0,                \
	  (uint64_t, config_addr), (uint64_t, config_size), _, _,              \
	  "root zone: start the zone its struct hcall_hvisor_zone_config_<arch> " \
	  "describes; config_size must be that struct's size")                 \
	X(HVISOR, hvisor, ZONE_SHUTDOWN, zone_shutdown, STATUS, 1, 0,          \
	  (uint64_t, zone_id), _, _, _, "root zone: stop the zone zone_id")    \
	X(HVISOR, hvisor, ZONE_LIST, zone_list, VALUE, 2, 0,                   \
	  (uint64_t, info_addr), (uint64_t, count), _, _,                      \
	  "root zone: fill up to count struct hcall_hvisor_zone_info (56 "     \
	  "bytes) at info_addr; returns the number written")                   \
	X(HVISOR, hvisor, IVC_INFO, ivc_info, STATUS, 1, 0,                    \
	  (uint64_t, info_addr), _, _, _,                                      \
	  "any zone: write its packed struct hcall_hvisor_ivc_info (56 bytes) " \
	  "to info_addr; -ENODEV without ivc configs")                         \
	X(HVISOR, hvisor, CONFIG_CHECK, config_check, CUSTOM, 1, 0,            \
	  (uint64_t, magic_addr), _, _, _,                                     \
	  "any zone: write the 64-bit zone-config magic "                      \
	  "(HCALL_HVISOR_CONFIG_MAGIC) to magic_addr")                         \
	X(HVISOR, hvisor, CLEAR_INJECT_IRQ, clear_inject_irq, STATUS, 0, 0,    \
	  _, _, _, _,                                                          \
	  "root zone: withdraw the virtio interrupt injected into the other "  \
	  "zones and not yet taken (hvisor acts on loongarch only)")           \
	X(HVISOR, hvisor, VIRTIO_GET_IRQ, virtio_get_irq, STATUS, 1, 0,        \
	  (uint64_t, irq_addr), _, _, _,                                       \
	  "x86_64: write the root zone's virtio interrupt number (32 bits) "   \
	  "to irq_addr; elsewhere answers 0 and writes nothing")

/*
 * Register roles, from hvisor's trap handlers (aarch64/trap.rs handle_hvc,
 * riscv64/sbi.rs sbi_hvisor_handler, x86_64/trap.rs handle_hypercall). The
 * probe service (hcall/abi/probe.h) and the conformance suite check them.
 */
#define HCALL_HVISOR_ARM64_REG_CODE HCALL_ARM64_X0
#define HCALL_HVISOR_ARM64_REG_ARG0 HCALL_ARM64_X1
#define HCALL_HVISOR_ARM64_REG_ARG1 HCALL_ARM64_X2
#define HCALL_HVISOR_ARM64_REG_RET HCALL_ARM64_X0

#define HCALL_HVISOR_RISCV_REG_EID HCALL_RV_A7
#define HCALL_HVISOR_RISCV_REG_CODE HCALL_RV_A0
#define HCALL_HVISOR_RISCV_REG_ARG0 HCALL_RV_A1
#define HCALL_HVISOR_RISCV_REG_ARG1 HCALL_RV_A2
#define HCALL_HVISOR_RISCV_REG_ERR HCALL_RV_A0
#define HCALL_HVISOR_RISCV_REG_VAL HCALL_RV_A1

#define HCALL_HVISOR_X86_REG_CODE HCALL_X86_RAX
#define HCALL_HVISOR_X86_REG_ARG0 HCALL_X86_RDI
#define HCALL_HVISOR_X86_REG_ARG1 HCALL_X86_RSI
#define HCALL_HVISOR_X86_REG_RET HCALL_X86_RAX

#define HCALL_HVISOR_CONV_ARM64                                           \
	{ "hvisor/arm64", HCALL_ARCH_ARM64, HCALL_TRAP_HVC,                \
	  HCALL_HVISOR_ARM64_IMM, HCALL_REG_NONE, 0,                      \
	  HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_CODE), 2,                  \
	  { HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_ARG0),                   \
	    HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_ARG1) },                 \
	  1, { HCALL_REG_IDX(HCALL_HVISOR_ARM64_REG_RET) }, HCALL_REG_NONE, \
	  HCALL__BIT(HCALL_HVISOR_ARM64_REG_RET) }

#define HCALL_HVISOR_CONV_RISCV                                           \
	{ "hvisor/riscv64", HCALL_ARCH_RISCV64, HCALL_TRAP_ECALL, 0,      \
	  HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_EID), HCALL_HVISOR_RISCV_EID, \
	  HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_CODE), 2,                  \
	  { HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_ARG0),                   \
	    HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_ARG1) },                 \
	  1, { HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_VAL) },               \
	  HCALL_REG_IDX(HCALL_HVISOR_RISCV_REG_ERR),                      \
	  HCALL__BIT(HCALL_HVISOR_RISCV_REG_ERR) |                        \
		  HCALL__BIT(HCALL_HVISOR_RISCV_REG_VAL) }

/* hvisor's vmcall is Intel's; hcall's SVM hypervisor takes it through #UD. */
#define HCALL_HVISOR_CONV_X86                                             \
	{ "hvisor/x86_64", HCALL_ARCH_X86_64, HCALL_TRAP_VMCALL, 0,       \
	  HCALL_REG_NONE, 0, HCALL_REG_IDX(HCALL_HVISOR_X86_REG_CODE), 2, \
	  { HCALL_REG_IDX(HCALL_HVISOR_X86_REG_ARG0),                     \
	    HCALL_REG_IDX(HCALL_HVISOR_X86_REG_ARG1) },                   \
	  1, { HCALL_REG_IDX(HCALL_HVISOR_X86_REG_RET) }, HCALL_REG_NONE, \
	  HCALL__BIT(HCALL_HVISOR_X86_REG_RET) }

/*
 * Errors: hvisor's HvErrorNum (src/error.rs), negated. On riscv they
 * arrive in a1 under a0 = HCALL_HVISOR_RISCV_FAILED.
 */
#define HCALL_HVISOR_ERRORS(X)                 \
	X(SUCCESS, 0, OK)                      \
	X(EPERM, -1, E_DENIED)                 \
	X(ENOENT, -2, E_INVALID_PARAM)         \
	X(EIO, -5, E_FAILED)                   \
	X(E2BIG, -7, E_TOO_BIG)                \
	X(ENOMEM, -12, E_NO_MEMORY)            \
	X(EFAULT, -14, E_INVALID_ADDRESS)      \
	X(EBUSY, -16, E_BUSY)                  \
	X(EEXIST, -17, E_ALREADY)              \
	X(ENODEV, -19, E_NOT_SUPPORTED)        \
	X(EINVAL, -22, E_INVALID_PARAM)        \
	X(ERANGE, -34, E_INVALID_PARAM)        \
	X(ENOSYS, -38, E_NOT_SUPPORTED)

HCALL_DEFINE_ERROR_MAP(hcall_map_hvisor_error, HCALL_HVISOR_ERRORS)

#endif /* HCALL_ABI_HVISOR_H */
