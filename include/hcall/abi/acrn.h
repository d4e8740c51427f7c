/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/acrn.h - the ACRN hypercall ABI table (arch-neutral).
 *
 * Pinned sources (facts read from them; nothing copied):
 *   projectacrn/acrn-hypervisor tag v3.3, commit 8cb6fa68 (2024-08-02):
 *     hypervisor/include/public/acrn_hv_defs.h   IDs, memory flags,
 *                                                structures of the calls
 *     hypervisor/include/public/acrn_common.h    I/O requests, VM creation,
 *                                                vCPU registers, devices
 *     hypervisor/arch/x86/guest/vmcall.c         dispatch and permissions
 *     hypervisor/common/hypercall.c, trusty_hypercall.c,
 *     arch/x86/guest/trusty.c, optee.c           what each call answers
 *   Linux include/uapi/linux/acrn.h (6.1, Debian's linux-libc-dev) and
 *   drivers/virt/acrn/hypercall.h (torvalds/linux 29a9f275): the Service
 *   VM side, whose structures tests/oracle/acrn.c compares with these.
 *
 *   VMCALL, always; hypercall ID in r8, param1 in rdi, param2 in rsi;
 *   result in rax. No other register changes, except across the calls
 *   that switch worlds (WORLD_SWITCH, INITIALIZE_TRUSTY, SWITCH_EE,
 *   TEE_VCPU_BOOT_DONE): they come back with the other side's rdi, rsi,
 *   rdx and rbx (the two TEE calls also rax and rcx), see <hcall/acrn.h>.
 *   A VM that may make no hypercall gets #UD; ring != 0 gets #GP(0).
 *
 * An ID is (0x80 << 24) | (group base + index). ACRN dispatches on the low
 * byte only (HC_IDX); the upper bits are never checked.
 *
 * Results, as ACRN v3.3 returns them (rax, a signed 32-bit value sign-
 * extended):
 *   0        success
 *   -1       the usual failure: most handlers start from `ret = -1`
 *            (bad VM state, bad vmid for the call, a copy that failed
 *            in a handler that checks it with != 0...). -1 is also
 *            -EPERM: Trusty state errors and the debug calls of a release
 *            build answer -EPERM, the same number.
 *   -EINVAL  copy_from_gpa/copy_to_gpa failures (an unmapped GPA), bad
 *            parameters (vector, memory region, PCI/MMIO device...)
 *   -ENOTTY  unknown ID, a call this VM may not make, or a vmid naming no
 *            VM (current ACRN; the published doc still says -EINVAL)
 *   -EFAULT  INITIALIZE_TRUSTY could not read or use its parameters
 *   -ENODEV, -EACCES, -EIO from the device and interrupt paths
 *   CREATE_VM answers 0 even when no VM was created: the vmid written back
 *   is then ACRN_INVALID_VMID (0xFFFF), which Linux checks; see
 *   hcall_acrn_create_vm_result() in <hcall/acrn.h>.
 */
#ifndef HCALL_ABI_ACRN_H
#define HCALL_ABI_ACRN_H

#include <hcall/abi/desc.h>

#define HCALL_ACRN_ID(base, idx) ((0x80ul << 24) | ((base) + (idx)))

/* Group bases (HC_ID_*_BASE). */
#define HCALL_ACRN_GEN_BASE 0x00ul
#define HCALL_ACRN_VM_BASE 0x10ul
#define HCALL_ACRN_IRQ_BASE 0x20ul
#define HCALL_ACRN_IOREQ_BASE 0x30ul
#define HCALL_ACRN_MEM_BASE 0x40ul
#define HCALL_ACRN_PCI_BASE 0x50ul
#define HCALL_ACRN_DBG_BASE 0x60ul
#define HCALL_ACRN_TRUSTY_BASE 0x70ul
#define HCALL_ACRN_PM_BASE 0x80ul
#define HCALL_ACRN_TEE_BASE 0x90ul

/* Call IDs, every one of v3.3 (literal values; asserted against the
 * group bases below). */
#define HCALL_ACRN_GET_API_VERSION 0x80000000ul
#define HCALL_ACRN_SERVICE_VM_OFFLINE_CPU 0x80000001ul
#define HCALL_ACRN_SET_CALLBACK_VECTOR 0x80000002ul
#define HCALL_ACRN_CREATE_VM 0x80000010ul
#define HCALL_ACRN_DESTROY_VM 0x80000011ul
#define HCALL_ACRN_START_VM 0x80000012ul
#define HCALL_ACRN_PAUSE_VM 0x80000013ul
#define HCALL_ACRN_CREATE_VCPU 0x80000014ul
#define HCALL_ACRN_RESET_VM 0x80000015ul
#define HCALL_ACRN_SET_VCPU_REGS 0x80000016ul
#define HCALL_ACRN_INJECT_MSI 0x80000023ul
#define HCALL_ACRN_VM_INTR_MONITOR 0x80000024ul
#define HCALL_ACRN_SET_IRQLINE 0x80000025ul
#define HCALL_ACRN_SET_IOREQ_BUFFER 0x80000030ul
#define HCALL_ACRN_NOTIFY_REQUEST_FINISH 0x80000031ul
#define HCALL_ACRN_ASYNCIO_ASSIGN 0x80000032ul
#define HCALL_ACRN_ASYNCIO_DEASSIGN 0x80000033ul
#define HCALL_ACRN_VM_GPA2HPA 0x80000041ul
#define HCALL_ACRN_VM_SET_MEMORY_REGIONS 0x80000042ul
#define HCALL_ACRN_VM_WRITE_PROTECT_PAGE 0x80000043ul
#define HCALL_ACRN_SETUP_SBUF 0x80000044ul
#define HCALL_ACRN_ASSIGN_PTDEV 0x80000050ul
#define HCALL_ACRN_DEASSIGN_PTDEV 0x80000051ul
#define HCALL_ACRN_VM_PCI_MSIX_REMAP 0x80000052ul
#define HCALL_ACRN_SET_PTDEV_INTR_INFO 0x80000053ul
#define HCALL_ACRN_RESET_PTDEV_INTR_INFO 0x80000054ul
#define HCALL_ACRN_ASSIGN_PCIDEV 0x80000055ul
#define HCALL_ACRN_DEASSIGN_PCIDEV 0x80000056ul
#define HCALL_ACRN_ASSIGN_MMIODEV 0x80000057ul
#define HCALL_ACRN_DEASSIGN_MMIODEV 0x80000058ul
#define HCALL_ACRN_ADD_VDEV 0x80000059ul
#define HCALL_ACRN_REMOVE_VDEV 0x8000005Aul
#define HCALL_ACRN_ASSIGN_PIO_REGION 0x8000005Bul
#define HCALL_ACRN_DEASSIGN_PIO_REGION 0x8000005Cul
#define HCALL_ACRN_SETUP_HV_NPK_LOG 0x80000061ul
#define HCALL_ACRN_PROFILING_OPS 0x80000062ul
#define HCALL_ACRN_GET_HW_INFO 0x80000063ul
#define HCALL_ACRN_INITIALIZE_TRUSTY 0x80000070ul
#define HCALL_ACRN_WORLD_SWITCH 0x80000071ul
#define HCALL_ACRN_SAVE_RESTORE_SWORLD_CTX 0x80000072ul
#define HCALL_ACRN_PM_GET_CPU_STATE 0x80000080ul
#define HCALL_ACRN_TEE_VCPU_BOOT_DONE 0x80000090ul
#define HCALL_ACRN_SWITCH_EE 0x80000091ul

/*
 * The table. "vmid" is the target VM's id as the Service VM sees it (the
 * CREATE_VM result). Every address is a guest-physical address in the
 * caller's memory. Rows of kind CUSTOM have hand-written wrappers in
 * <hcall/acrn.h> because more registers than rax come back.
 */
#define HCALL_ACRN_CALLS(X)                                                    \
	X(ACRN, acrn, GET_API_VERSION, get_api_version, STATUS, 1, 0,          \
	  (uint64_t, version_gpa), _, _, _,                                    \
	  "Service VM: write struct hcall_acrn_api_version to version_gpa")    \
	X(ACRN, acrn, SERVICE_VM_OFFLINE_CPU, service_vm_offline_cpu, STATUS,  \
	  1, 0, (uint64_t, lapic_id), _, _, _,                                 \
	  "Service VM: take away its own vCPU with this LAPIC ID (not the "   \
	  "BSP: -1)")                                                          \
	X(ACRN, acrn, SET_CALLBACK_VECTOR, set_callback_vector, STATUS, 1, 0,  \
	  (uint64_t, vector), _, _, _,                                         \
	  "Service VM: the vector of the I/O request upcall, 0x20..0xFF "      \
	  "(default HCALL_ACRN_UPCALL_VECTOR, 0xF3); else -EINVAL")            \
	X(ACRN, acrn, CREATE_VM, create_vm, STATUS, 1, 0,                      \
	  (uint64_t, creation_gpa), _, _, _,                                   \
	  "Service VM: create the VM named in struct hcall_acrn_vm_creation "  \
	  "at creation_gpa; vmid and vcpu_num are written back (vmid 0xFFFF "  \
	  "with result 0: not created)")                                       \
	X(ACRN, acrn, DESTROY_VM, destroy_vm, STATUS, 1, 0,                    \
	  (uint64_t, vmid), _, _, _, "Service VM: destroy paused VM vmid")     \
	X(ACRN, acrn, START_VM, start_vm, STATUS, 1, 0, (uint64_t, vmid), _,   \
	  _, _,                                                                \
	  "Service VM: start created VM vmid (its I/O request buffer must be " \
	  "set)")                                                              \
	X(ACRN, acrn, PAUSE_VM, pause_vm, STATUS, 1, 0, (uint64_t, vmid), _,   \
	  _, _, "Service VM: pause VM vmid")                                   \
	X(ACRN, acrn, CREATE_VCPU, create_vcpu, STATUS, 1, 0,                  \
	  (uint64_t, vmid), _, _, _,                                           \
	  "Service VM: kept for compatibility; v3.3 creates every vCPU with "  \
	  "the VM and answers 0")                                              \
	X(ACRN, acrn, RESET_VM, reset_vm, STATUS, 1, 0, (uint64_t, vmid), _,   \
	  _, _, "Service VM: reset paused VM vmid")                            \
	X(ACRN, acrn, SET_VCPU_REGS, set_vcpu_regs, STATUS, 2, 0,              \
	  (uint64_t, vmid), (uint64_t, regs_gpa), _, _,                        \
	  "Service VM: the initial registers (struct hcall_acrn_vcpu_regs at " \
	  "regs_gpa) of a vCPU of VM vmid, which is not running")              \
	X(ACRN, acrn, INJECT_MSI, inject_msi, STATUS, 2, 0, (uint64_t, vmid),  \
	  (uint64_t, msi_gpa), _, _,                                           \
	  "Service VM: inject the MSI in struct hcall_acrn_msi_entry at "      \
	  "msi_gpa into VM vmid")                                              \
	X(ACRN, acrn, VM_INTR_MONITOR, vm_intr_monitor, STATUS, 2, 0,          \
	  (uint64_t, vmid), (uint64_t, monitor_gpa), _, _,                     \
	  "Service VM: interrupt statistics of VM vmid through the page "      \
	  "(struct hcall_acrn_intr_monitor) at monitor_gpa")                   \
	X(ACRN, acrn, SET_IRQLINE, set_irqline, STATUS, 2, 0, (uint64_t, vmid), \
	  (uint64_t, irqline), _, _,                                           \
	  "Service VM: drive a virtual IRQ line of VM vmid; irqline is a "     \
	  "value, hcall_acrn_irqline(gsi, op)")                                \
	X(ACRN, acrn, SET_IOREQ_BUFFER, set_ioreq_buffer, STATUS, 2, 0,        \
	  (uint64_t, vmid), (uint64_t, buffer_ptr_gpa), _, _,                  \
	  "Service VM: VM vmid's I/O request page; buffer_ptr_gpa is the GPA " \
	  "of a uint64_t that holds the page's GPA")                           \
	X(ACRN, acrn, NOTIFY_REQUEST_FINISH, notify_request_finish, STATUS, 2, \
	  0, (uint64_t, vmid), (uint64_t, vcpu_id), _, _,                      \
	  "Service VM: the I/O request of vCPU vcpu_id of VM vmid is "         \
	  "complete")                                                          \
	X(ACRN, acrn, ASYNCIO_ASSIGN, asyncio_assign, STATUS, 2, 0,            \
	  (uint64_t, vmid), (uint64_t, info_gpa), _, _,                        \
	  "Service VM: complete VM vmid's accesses to the port or MMIO range " \
	  "in struct hcall_acrn_asyncio_info asynchronously")                  \
	X(ACRN, acrn, ASYNCIO_DEASSIGN, asyncio_deassign, STATUS, 2, 0,        \
	  (uint64_t, vmid), (uint64_t, info_gpa), _, _,                        \
	  "Service VM: undo ASYNCIO_ASSIGN")                                   \
	X(ACRN, acrn, VM_GPA2HPA, vm_gpa2hpa, STATUS, 2, 0, (uint64_t, vmid),  \
	  (uint64_t, gpa2hpa_gpa), _, _,                                       \
	  "Service VM: translate gpa of struct hcall_acrn_vm_gpa2hpa for VM "  \
	  "vmid; hpa is written back")                                         \
	X(ACRN, acrn, VM_SET_MEMORY_REGIONS, vm_set_memory_regions, STATUS, 1, \
	  0, (uint64_t, regions_gpa), _, _, _,                                 \
	  "Service VM: map or unmap the regions of struct "                    \
	  "hcall_acrn_set_regions at regions_gpa (its vmid names the VM)")     \
	X(ACRN, acrn, VM_WRITE_PROTECT_PAGE, vm_write_protect_page, STATUS, 2, \
	  0, (uint64_t, vmid), (uint64_t, wp_gpa), _, _,                       \
	  "Service VM: set or clear write protection of one page of VM vmid "  \
	  "(struct hcall_acrn_wp_data)")                                       \
	X(ACRN, acrn, SETUP_SBUF, setup_sbuf, STATUS, 2, 0, (uint64_t, vmid),  \
	  (uint64_t, param_gpa), _, _,                                         \
	  "Service VM: a shared buffer (struct hcall_acrn_sbuf_param) for VM " \
	  "vmid")                                                              \
	X(ACRN, acrn, ASSIGN_PTDEV, assign_ptdev, STATUS, 2, 0,                \
	  (uint64_t, vmid), (uint64_t, param), _, _,                           \
	  "defined but not dispatched by v3.3 (superseded by ASSIGN_PCIDEV): " \
	  "-ENOTTY")                                                           \
	X(ACRN, acrn, DEASSIGN_PTDEV, deassign_ptdev, STATUS, 2, 0,            \
	  (uint64_t, vmid), (uint64_t, param), _, _,                           \
	  "defined but not dispatched by v3.3 (superseded by "                 \
	  "DEASSIGN_PCIDEV): -ENOTTY")                                         \
	X(ACRN, acrn, VM_PCI_MSIX_REMAP, vm_pci_msix_remap, STATUS, 2, 0,      \
	  (uint64_t, vmid), (uint64_t, param), _, _,                           \
	  "defined but not dispatched by v3.3: -ENOTTY")                       \
	X(ACRN, acrn, SET_PTDEV_INTR_INFO, set_ptdev_intr_info, STATUS, 2, 0,  \
	  (uint64_t, vmid), (uint64_t, irq_gpa), _, _,                         \
	  "Service VM: route a passthrough device's INTx "                     \
	  "(struct hcall_acrn_ptdev_irq) to VM vmid")                          \
	X(ACRN, acrn, RESET_PTDEV_INTR_INFO, reset_ptdev_intr_info, STATUS, 2, \
	  0, (uint64_t, vmid), (uint64_t, irq_gpa), _, _,                      \
	  "Service VM: undo SET_PTDEV_INTR_INFO")                              \
	X(ACRN, acrn, ASSIGN_PCIDEV, assign_pcidev, STATUS, 2, 0,              \
	  (uint64_t, vmid), (uint64_t, pcidev_gpa), _, _,                      \
	  "Service VM: pass the PCI device in struct hcall_acrn_pcidev "       \
	  "through to created VM vmid")                                        \
	X(ACRN, acrn, DEASSIGN_PCIDEV, deassign_pcidev, STATUS, 2, 0,          \
	  (uint64_t, vmid), (uint64_t, pcidev_gpa), _, _,                      \
	  "Service VM: take the PCI device back")                              \
	X(ACRN, acrn, ASSIGN_MMIODEV, assign_mmiodev, STATUS, 2, 0,            \
	  (uint64_t, vmid), (uint64_t, mmiodev_gpa), _, _,                     \
	  "Service VM: pass the MMIO device in struct hcall_acrn_mmiodev "     \
	  "through to created VM vmid")                                        \
	X(ACRN, acrn, DEASSIGN_MMIODEV, deassign_mmiodev, STATUS, 2, 0,        \
	  (uint64_t, vmid), (uint64_t, mmiodev_gpa), _, _,                     \
	  "Service VM: take the MMIO device back")                             \
	X(ACRN, acrn, ADD_VDEV, add_vdev, STATUS, 2, 0, (uint64_t, vmid),      \
	  (uint64_t, vdev_gpa), _, _,                                          \
	  "Service VM: a device the hypervisor emulates (struct "              \
	  "hcall_acrn_vdev) for created VM vmid")                              \
	X(ACRN, acrn, REMOVE_VDEV, remove_vdev, STATUS, 2, 0, (uint64_t, vmid), \
	  (uint64_t, vdev_gpa), _, _, "Service VM: remove it again")           \
	X(ACRN, acrn, ASSIGN_PIO_REGION, assign_pio_region, STATUS, 2, 0,      \
	  (uint64_t, vmid), (uint64_t, region_gpa), _, _,                      \
	  "Service VM: give VM vmid direct access to the ports in struct "     \
	  "hcall_acrn_pio_region")                                             \
	X(ACRN, acrn, DEASSIGN_PIO_REGION, deassign_pio_region, STATUS, 2, 0,  \
	  (uint64_t, vmid), (uint64_t, region_gpa), _, _,                      \
	  "Service VM: take the ports back")                                   \
	X(ACRN, acrn, SETUP_HV_NPK_LOG, setup_hv_npk_log, STATUS, 1, 0,        \
	  (uint64_t, param_gpa), _, _, _,                                      \
	  "Service VM, debug builds: the hypervisor's NPK log (release "        \
	  "builds: -EPERM)")                                                   \
	X(ACRN, acrn, PROFILING_OPS, profiling_ops, STATUS, 2, 0,              \
	  (uint64_t, cmd), (uint64_t, param_gpa), _, _,                        \
	  "Service VM, debug builds: profiling command cmd (release builds: "  \
	  "-EPERM)")                                                           \
	X(ACRN, acrn, GET_HW_INFO, get_hw_info, STATUS, 1, 0,                  \
	  (uint64_t, hw_info_gpa), _, _, _,                                    \
	  "Service VM, debug builds: write struct hcall_acrn_hw_info (release " \
	  "builds: -EPERM)")                                                   \
	X(ACRN, acrn, INITIALIZE_TRUSTY, initialize_trusty, CUSTOM, 1, 0,      \
	  (uint64_t, boot_param_gpa), _, _, _,                                 \
	  "Trusty VM: start the secure world from struct "                     \
	  "hcall_acrn_trusty_boot_param; returns when the secure world "       \
	  "switches back, with its rdi, rsi, rdx, rbx")                        \
	X(ACRN, acrn, WORLD_SWITCH, world_switch, CUSTOM, 0, 0, _, _, _, _,    \
	  "Trusty VM: switch to the other world, passing rdi, rsi, rdx, rbx; " \
	  "returns with the other world's rdi, rsi, rdx, rbx")                 \
	X(ACRN, acrn, SAVE_RESTORE_SWORLD_CTX, save_restore_sworld_ctx,        \
	  STATUS, 0, 0, _, _, _, _,                                            \
	  "Trusty VM, BSP: save the secure world's context (S3), or restore "  \
	  "the saved one")                                                     \
	X(ACRN, acrn, PM_GET_CPU_STATE, pm_get_cpu_state, STATUS, 2, 0,        \
	  (uint64_t, cmd), (uint64_t, state_gpa), _, _,                        \
	  "Service VM: P-/C-state data of the VM in cmd "                      \
	  "(hcall_acrn_pm_cmd()) written to state_gpa")                        \
	X(ACRN, acrn, TEE_VCPU_BOOT_DONE, tee_vcpu_boot_done, CUSTOM, 1, 0,    \
	  (uint64_t, start_ree), _, _, _,                                      \
	  "TEE VM: this vCPU booted (start_ree 1: start the REE VM); it "      \
	  "sleeps until the REE switches to it, then returns with the REE's "  \
	  "rax, rcx, rdx, rbx, rsi, rdi")                                      \
	X(ACRN, acrn, SWITCH_EE, switch_ee, CUSTOM, 0, 0, _, _, _, _,          \
	  "TEE or REE VM: switch to the other execution environment, "         \
	  "passing registers; see hcall_acrn_switch_ee()")

/* Register roles. */
#define HCALL_ACRN_REG_ID HCALL_X86_R8
#define HCALL_ACRN_REG_ARG0 HCALL_X86_RDI
#define HCALL_ACRN_REG_ARG1 HCALL_X86_RSI
#define HCALL_ACRN_REG_RET HCALL_X86_RAX

#define HCALL_ACRN_CONV                                                   \
	{ "acrn/x86_64", HCALL_ARCH_X86_64, HCALL_TRAP_VMCALL, 0,         \
	  HCALL_REG_NONE, 0, HCALL_REG_IDX(HCALL_ACRN_REG_ID), 2,         \
	  { HCALL_REG_IDX(HCALL_ACRN_REG_ARG0),                           \
	    HCALL_REG_IDX(HCALL_ACRN_REG_ARG1) },                         \
	  1, { HCALL_REG_IDX(HCALL_ACRN_REG_RET) }, HCALL_REG_NONE,       \
	  HCALL__BIT(HCALL_ACRN_REG_RET) }

/* What the world-switching calls change beyond rax (clobber-mask bits). */
#define HCALL_ACRN_WORLD_REGS                                            \
	(HCALL__BIT(HCALL_X86_RDI) | HCALL__BIT(HCALL_X86_RSI) |         \
	 HCALL__BIT(HCALL_X86_RDX) | HCALL__BIT(HCALL_X86_RBX))
#define HCALL_ACRN_EE_REGS                                               \
	(HCALL_ACRN_WORLD_REGS | HCALL__BIT(HCALL_X86_RAX) |             \
	 HCALL__BIT(HCALL_X86_RCX))

/* Linux errno values ACRN answers with (positive; calls return them
 * negated). */
#define HCALL_ACRN_EPERM 1
#define HCALL_ACRN_EIO 5
#define HCALL_ACRN_EACCES 13
#define HCALL_ACRN_EFAULT 14
#define HCALL_ACRN_ENODEV 19
#define HCALL_ACRN_EINVAL 22
#define HCALL_ACRN_ENOTTY 25

/* The error table. -1 is ACRN's bare failure and -EPERM at once. */
#define HCALL_ACRN_ERRORS(X)                \
	X(SUCCESS, 0, OK)                   \
	X(FAILED, -1, E_FAILED)             \
	X(EIO, -5, E_FAILED)                \
	X(EACCES, -13, E_DENIED)            \
	X(EFAULT, -14, E_INVALID_ADDRESS)   \
	X(ENODEV, -19, E_INVALID_PARAM)     \
	X(EINVAL, -22, E_INVALID_PARAM)     \
	X(ENOTTY, -25, E_NOT_SUPPORTED)

HCALL_DEFINE_ERROR_MAP(hcall_map_acrn_error, HCALL_ACRN_ERRORS)

/* The default upcall vector (HYPERVISOR_CALLBACK_HSM_VECTOR) and the
 * range SET_CALLBACK_VECTOR accepts. */
#define HCALL_ACRN_UPCALL_VECTOR 0xF3u
#define HCALL_ACRN_VECTOR_MIN 0x20u
#define HCALL_ACRN_VECTOR_MAX 0xFFu

/* VM ids are 16 bits; this one means "none" (CREATE_VM's failure). */
#define HCALL_ACRN_INVALID_VMID 0xFFFFu
#define HCALL_ACRN_INVALID_HPA (~0ull)

/* GET_API_VERSION's answer from v3.3 (API_MAJOR/MINOR_VERSION). */
#define HCALL_ACRN_API_MAJOR 1u
#define HCALL_ACRN_API_MINOR 0u

/*
 * Guest-memory structures. Field order, sizes and offsets are ACRN
 * v3.3's, which are Linux's (tests/oracle/acrn.c checks each field
 * against /usr/include/linux/acrn.h); padding the compiler would add is
 * explicit.
 */

/* GET_API_VERSION result (hc_api_version). */
struct hcall_acrn_api_version {
	uint32_t major;
	uint32_t minor;
};

#define HCALL_ACRN_VM_NAME_LEN 16u

/* CREATE_VM argument (in) and result (vmid, vcpu_num: out). */
struct hcall_acrn_vm_creation {
	uint16_t vmid;      /* out: the new VM's id, 0xFFFF: not created */
	uint16_t reserved0; /* must be 0 */
	uint16_t vcpu_num;  /* out: vCPUs the VM got */
	uint16_t reserved1; /* must be 0 */
	/* The VM's name: ACRN v3.3 looks the configuration up by it, or
	 * allocates a dynamic one under this name. (Linux's uapi calls these
	 * bytes uuid, a leftover from ACRN 2.x, which selected by UUID.) */
	uint8_t name[HCALL_ACRN_VM_NAME_LEN];
	uint64_t vm_flag;      /* HCALL_ACRN_VM_FLAG_* the DM may set */
	uint64_t ioreq_buf;    /* unused by v3.3: SET_IOREQ_BUFFER sets it */
	uint64_t cpu_affinity; /* physical CPUs, a subset of the configured */
};

/* vm_flag bits (GUEST_FLAG_*). */
#define HCALL_ACRN_VM_FLAG_SECURE_WORLD_ENABLED (1ull << 0)
#define HCALL_ACRN_VM_FLAG_LAPIC_PASSTHROUGH (1ull << 1)
#define HCALL_ACRN_VM_FLAG_IO_COMPLETION_POLLING (1ull << 2)
#define HCALL_ACRN_VM_FLAG_HIDE_MTRR (1ull << 3)
#define HCALL_ACRN_VM_FLAG_RT (1ull << 4)
#define HCALL_ACRN_VM_FLAG_NVMX_ENABLED (1ull << 5)
#define HCALL_ACRN_VM_FLAG_SECURITY_VM (1ull << 6)
#define HCALL_ACRN_VM_FLAG_VCAT_ENABLED (1ull << 7)
#define HCALL_ACRN_VM_FLAG_STATIC_VM (1ull << 8)
#define HCALL_ACRN_VM_FLAG_TEE (1ull << 9)
#define HCALL_ACRN_VM_FLAG_REE (1ull << 10)
#define HCALL_ACRN_VM_FLAG_PMU_PASSTHROUGH (1ull << 11)
#define HCALL_ACRN_VM_FLAG_VHWP (1ull << 12)
#define HCALL_ACRN_VM_FLAG_VTM (1ull << 13)

/* ---- I/O requests (the device-model path) ------------------------------ */

#define HCALL_ACRN_IO_REQUEST_MAX 16u

/* acrn_io_request.processed */
#define HCALL_ACRN_IOREQ_STATE_PENDING 0u
#define HCALL_ACRN_IOREQ_STATE_COMPLETE 1u
#define HCALL_ACRN_IOREQ_STATE_PROCESSING 2u
#define HCALL_ACRN_IOREQ_STATE_FREE 3u

/* acrn_io_request.type */
#define HCALL_ACRN_IOREQ_TYPE_PORTIO 0u
#define HCALL_ACRN_IOREQ_TYPE_MMIO 1u
#define HCALL_ACRN_IOREQ_TYPE_PCICFG 2u
#define HCALL_ACRN_IOREQ_TYPE_WP 3u

/* direction */
#define HCALL_ACRN_IOREQ_DIR_READ 0u
#define HCALL_ACRN_IOREQ_DIR_WRITE 1u

struct hcall_acrn_mmio_request {
	uint32_t direction;
	uint32_t reserved;
	uint64_t address;
	uint64_t size;
	uint64_t value;
};

struct hcall_acrn_pio_request {
	uint32_t direction;
	uint32_t reserved;
	uint64_t address;
	uint64_t size;
	uint32_t value;
	uint32_t reserved1; /* the padding ACRN's layout has */
};

struct hcall_acrn_pci_request {
	uint32_t direction;
	uint32_t reserved[3];
	int64_t size;
	int32_t value;
	int32_t bus;
	int32_t dev;
	int32_t func;
	int32_t reg;
	uint32_t reserved1; /* padding */
};

/*
 * One slot of the request buffer: 256 bytes (ACRN and Linux get there by
 * aligning the struct to 256; the tail is explicit here, so an array of
 * slots is the same 4 KiB page without over-aligning every object).
 * The hypervisor fills type and reqs, sets processed to PENDING and
 * raises the upcall; the Service VM emulates, writes the value read into
 * reqs, sets processed to COMPLETE and calls NOTIFY_REQUEST_FINISH.
 */
struct hcall_acrn_io_request {
	uint32_t type;               /* HCALL_ACRN_IOREQ_TYPE_* */
	uint32_t completion_polling; /* 1: the hypervisor polls processed */
	uint32_t reserved0[14];
	union {
		struct hcall_acrn_pio_request pio_request;
		struct hcall_acrn_pci_request pci_request;
		struct hcall_acrn_mmio_request mmio_request;
		uint64_t data[8];
	} reqs;
	uint32_t reserved1;
	int32_t kernel_handled; /* ACRN: int32_t; Linux: __u32 */
	uint32_t processed;     /* HCALL_ACRN_IOREQ_STATE_* */
	uint8_t reserved2[116]; /* to 256 bytes */
};

/* The request buffer: one slot per vCPU of the VM, slot i for vCPU i. */
struct hcall_acrn_io_request_buffer {
	struct hcall_acrn_io_request req_slot[HCALL_ACRN_IO_REQUEST_MAX];
};

/* ASYNCIO_ASSIGN/DEASSIGN argument. */
struct hcall_acrn_asyncio_info {
	uint32_t type; /* HCALL_ACRN_ASYNCIO_PIO or _MMIO */
	uint32_t match_data;
	uint64_t addr;
	uint64_t fd;
	uint64_t data;
};

#define HCALL_ACRN_ASYNCIO_PIO 0x01u
#define HCALL_ACRN_ASYNCIO_MMIO 0x02u

/* ---- vCPU registers (SET_VCPU_REGS) ------------------------------------ */

/* General-purpose registers in x86 encoding order (rax 0 .. r15 15). */
struct hcall_acrn_gp_regs {
	uint64_t rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
};

/* A descriptor-table register as it is stored in memory: limit, then an
 * unaligned base (packed, as ACRN and Linux declare it). */
struct __attribute__((packed)) hcall_acrn_descriptor_ptr {
	uint16_t limit;
	uint64_t base;
	uint16_t reserved[3]; /* to 16 bytes */
};

struct hcall_acrn_regs {
	struct hcall_acrn_gp_regs gprs;
	struct hcall_acrn_descriptor_ptr gdt;
	struct hcall_acrn_descriptor_ptr idt;
	uint64_t rip;
	uint64_t cs_base;
	uint64_t cr0;
	uint64_t cr4;
	uint64_t cr3;
	uint64_t ia32_efer;
	uint64_t rflags;
	uint64_t reserved_64[4];
	uint32_t cs_ar; /* VMX access rights */
	uint32_t cs_limit;
	uint32_t reserved_32[3];
	/* In this order: ACRN copies them as an array. */
	uint16_t cs_sel, ss_sel, ds_sel, es_sel, fs_sel, gs_sel, ldt_sel, tr_sel;
	uint32_t reserved_tail; /* padding */
};

struct hcall_acrn_vcpu_regs {
	uint16_t vcpu_id;
	uint16_t reserved[3];
	struct hcall_acrn_regs vcpu_regs;
};

/* ---- interrupts --------------------------------------------------------- */

/* INJECT_MSI argument. */
struct hcall_acrn_msi_entry {
	uint64_t msi_addr;
	uint64_t msi_data;
};

/* SET_IRQLINE's second argument is struct acrn_irqline_ops {gsi, op}
 * passed by value: gsi in bits 31:0, op in bits 63:32. */
#define HCALL_ACRN_IRQLINE_SET_HIGH 0u
#define HCALL_ACRN_IRQLINE_SET_LOW 1u
#define HCALL_ACRN_IRQLINE_RAISING_PULSE 2u
#define HCALL_ACRN_IRQLINE_FALLING_PULSE 3u

HCALL_INLINE uint64_t hcall_acrn_irqline(uint32_t gsi, uint32_t op)
{
	return (uint64_t)gsi | ((uint64_t)op << 32);
}

/* VM_INTR_MONITOR: a page-aligned buffer the hypervisor reads and writes
 * in place (not copied). */
#define HCALL_ACRN_MAX_PTDEV_NUM 24u
struct hcall_acrn_intr_monitor {
	uint32_t cmd;     /* HCALL_ACRN_INTR_CMD_* */
	uint32_t buf_cnt; /* in: entries of buffer (<= 48); out: used */
	uint64_t buffer[HCALL_ACRN_MAX_PTDEV_NUM * 2];
};

#define HCALL_ACRN_INTR_CMD_GET_DATA 0u
#define HCALL_ACRN_INTR_CMD_DELAY_INT 1u /* buffer[0] = delay in ms */

/* SET/RESET_PTDEV_INTR_INFO argument (hc_ptdev_irq; Linux acrn_ptdev_irq). */
struct hcall_acrn_ptdev_irq {
	uint32_t type; /* HCALL_ACRN_PTDEV_IRQ_*; v3.3 handles INTX only */
	uint16_t virt_bdf;
	uint16_t phys_bdf; /* HCALL_ACRN_NON_PCI_DEVICE_BDF: not PCI */
	struct {
		uint32_t virt_pin;
		uint32_t phys_pin;
		uint32_t is_pic_pin; /* ACRN reads the low byte as a bool */
	} intx;
};

#define HCALL_ACRN_PTDEV_IRQ_INTX 0u
#define HCALL_ACRN_PTDEV_IRQ_MSI 1u
#define HCALL_ACRN_PTDEV_IRQ_MSIX 2u
#define HCALL_ACRN_NON_PCI_DEVICE_BDF 0xFFFFu

/* ---- memory ------------------------------------------------------------- */

/* One element of the regions array VM_SET_MEMORY_REGIONS points to. */
struct hcall_acrn_memory_region {
	uint32_t type;           /* HCALL_ACRN_MR_* */
	uint32_t prot;           /* HCALL_ACRN_MEM_ACCESS_* | HCALL_ACRN_MEM_TYPE_* */
	uint64_t gpa;            /* in the target VM */
	uint64_t service_vm_gpa; /* backing memory, in the Service VM */
	uint64_t size;           /* a multiple of 4 KiB */
};

/*
 * Region types. v3.3 maps for MR_ADD (a page that is mapped already keeps
 * its mapping and rights: pagetable.c add_pte leaves a present entry) and
 * unmaps for every other type: MR_MODIFY, once a remap (ACRN <= 2.x
 * mapped every type but MR_DEL), unmaps in v3.3 like MR_DEL. Changing a
 * mapping's rights takes MR_DEL, then MR_ADD.
 */
#define HCALL_ACRN_MR_ADD 0u
#define HCALL_ACRN_MR_DEL 2u
#define HCALL_ACRN_MR_MODIFY 3u

#define HCALL_ACRN_MEM_ACCESS_READ 0x1u
#define HCALL_ACRN_MEM_ACCESS_WRITE 0x2u
#define HCALL_ACRN_MEM_ACCESS_EXEC 0x4u
#define HCALL_ACRN_MEM_ACCESS_RWX 0x7u
#define HCALL_ACRN_MEM_ACCESS_RIGHT_MASK 0x7u
#define HCALL_ACRN_MEM_TYPE_WB 0x40u
#define HCALL_ACRN_MEM_TYPE_WT 0x80u
#define HCALL_ACRN_MEM_TYPE_UC 0x100u
#define HCALL_ACRN_MEM_TYPE_WC 0x200u
#define HCALL_ACRN_MEM_TYPE_WP 0x400u
#define HCALL_ACRN_MEM_TYPE_MASK 0x7C0u

/* VM_SET_MEMORY_REGIONS argument. */
struct hcall_acrn_set_regions {
	uint16_t vmid;
	uint16_t reserved0;   /* 0 (v3.3 does not check it) */
	uint32_t reserved1;   /* 0 (v3.3 does not check it) */
	uint32_t mr_num;      /* elements at regions_gpa (ACRN's comment says
			       * at most one page; v3.3 does not check it) */
	uint32_t reserved2;   /* the padding ACRN's layout has */
	uint64_t regions_gpa; /* struct hcall_acrn_memory_region[mr_num] */
};

/* VM_WRITE_PROTECT_PAGE argument. */
struct hcall_acrn_wp_data {
	uint8_t set;     /* 1: write-protect the page; 0: make it writable */
	uint8_t pad[7];  /* ACRN: a 56-bit bit-field */
	uint64_t gpa;    /* the page, in the target VM, 4 KiB aligned */
};

/* VM_GPA2HPA argument (in: gpa) and result (out: hpa). */
struct hcall_acrn_vm_gpa2hpa {
	uint64_t gpa;
	uint64_t hpa;
};

/* SETUP_SBUF argument. */
struct hcall_acrn_sbuf_param {
	uint16_t cpu_id;
	uint16_t reserved;
	uint32_t sbuf_id; /* HCALL_ACRN_SBUF_* */
	uint64_t gpa;     /* the buffer, with a 64-byte shared_buf header */
};

#define HCALL_ACRN_SBUF_TRACE 0u
#define HCALL_ACRN_SBUF_HVLOG 1u
#define HCALL_ACRN_SBUF_SEP 2u
#define HCALL_ACRN_SBUF_SOCWATCH 3u
#define HCALL_ACRN_SBUF_ASYNCIO 64u
#define HCALL_ACRN_SBUF_VM_EVENT 65u

/* ---- devices ------------------------------------------------------------ */

#define HCALL_ACRN_PCI_NUM_BARS 6u
#define HCALL_ACRN_PTDEV_QUIRK_ASSIGN (1u << 0)

/* ASSIGN/DEASSIGN_PCIDEV argument. */
struct hcall_acrn_pcidev {
	uint32_t type; /* HCALL_ACRN_PTDEV_QUIRK_ASSIGN or 0 */
	uint16_t virt_bdf;
	uint16_t phys_bdf;
	uint8_t intr_line;
	uint8_t intr_pin;
	uint8_t reserved[2]; /* padding */
	uint32_t bar[HCALL_ACRN_PCI_NUM_BARS];
};

#define HCALL_ACRN_MMIODEV_RES_NUM 3u

/* ASSIGN/DEASSIGN_MMIODEV argument. */
struct hcall_acrn_mmiodev {
	char name[8];
	struct {
		uint64_t user_vm_pa;
		uint64_t service_vm_pa; /* ACRN: host_pa */
		uint64_t size;
		uint64_t mem_type;
	} res[HCALL_ACRN_MMIODEV_RES_NUM];
};

/* ADD/REMOVE_VDEV argument. */
struct hcall_acrn_vdev {
	union {
		uint64_t value; /* vendor | device << 16 | legacy_id << 32 */
		struct {
			uint16_t vendor;
			uint16_t device;
			uint32_t legacy_id;
		} fields;
	} id;
	uint64_t slot; /* the virtual BDF */
	uint32_t io_addr[HCALL_ACRN_PCI_NUM_BARS];
	uint32_t io_size[HCALL_ACRN_PCI_NUM_BARS];
	uint8_t args[128];
};

/* ASSIGN/DEASSIGN_PIO_REGION argument. */
struct hcall_acrn_pio_region {
	char name[8];
	struct {
		uint16_t port_address;
		uint16_t size;
	} res;
};

/* ---- debug calls -------------------------------------------------------- */

/* GET_HW_INFO result. */
struct hcall_acrn_hw_info {
	uint16_t cpu_num; /* physical CPUs */
	uint16_t reserved[3];
};

/* SETUP_HV_NPK_LOG argument and result. */
struct hcall_acrn_npk_log_param {
	uint16_t cmd;
	uint16_t res;
	uint16_t loglevel;
	uint16_t reserved;
	uint64_t mmio_addr;
};

/* ---- power management (PM_GET_CPU_STATE) -------------------------------- */

#define HCALL_ACRN_PMCMD_GET_PX_CNT 0u
#define HCALL_ACRN_PMCMD_GET_PX_DATA 1u
#define HCALL_ACRN_PMCMD_GET_CX_CNT 2u
#define HCALL_ACRN_PMCMD_GET_CX_DATA 3u

/* cmd: vmid in bits 31:24, vCPU in 23:16, state number in 15:8, the
 * command in 7:0. */
HCALL_INLINE uint64_t hcall_acrn_pm_cmd(uint8_t vmid, uint8_t vcpu,
					uint8_t state, uint8_t type)
{
	return (uint64_t)vmid << 24 | (uint64_t)vcpu << 16 |
	       (uint64_t)state << 8 | type;
}

/* ---- Trusty ------------------------------------------------------------- */

/* INITIALIZE_TRUSTY argument. */
struct hcall_acrn_trusty_boot_param {
	uint32_t size_of_this_struct;
	uint32_t version;         /* 1: 32-bit addresses; 2: the _high halves
				   * and rpmb_key too */
	uint32_t base_addr;       /* low 32 bits */
	uint32_t entry_point;     /* low 32 bits */
	uint32_t mem_size;
	uint32_t padding;
	uint32_t base_addr_high;
	uint32_t entry_point_high;
	uint8_t rpmb_key[64];
};

#define HCALL_ACRN_TRUSTY_VERSION 1u
#define HCALL_ACRN_TRUSTY_VERSION_2 2u

/* The literal IDs above are the group base plus the index. */
HCALL_STATIC_ASSERT(HCALL_ACRN_SET_CALLBACK_VECTOR ==
			    HCALL_ACRN_ID(HCALL_ACRN_GEN_BASE, 0x02),
		    "ACRN general IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_SET_VCPU_REGS == HCALL_ACRN_ID(HCALL_ACRN_VM_BASE, 0x06),
		    "ACRN VM IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_SET_IRQLINE ==
			    HCALL_ACRN_ID(HCALL_ACRN_IRQ_BASE, 0x05),
		    "ACRN IRQ IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_ASYNCIO_DEASSIGN ==
			    HCALL_ACRN_ID(HCALL_ACRN_IOREQ_BASE, 0x03),
		    "ACRN ioreq IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_SETUP_SBUF == HCALL_ACRN_ID(HCALL_ACRN_MEM_BASE, 0x04),
		    "ACRN memory IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_DEASSIGN_PIO_REGION ==
			    HCALL_ACRN_ID(HCALL_ACRN_PCI_BASE, 0x0C),
		    "ACRN PCI IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_GET_HW_INFO == HCALL_ACRN_ID(HCALL_ACRN_DBG_BASE, 0x03),
		    "ACRN debug IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_SAVE_RESTORE_SWORLD_CTX ==
			    HCALL_ACRN_ID(HCALL_ACRN_TRUSTY_BASE, 0x02),
		    "ACRN Trusty IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_PM_GET_CPU_STATE ==
			    HCALL_ACRN_ID(HCALL_ACRN_PM_BASE, 0x00),
		    "ACRN PM IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_SWITCH_EE == HCALL_ACRN_ID(HCALL_ACRN_TEE_BASE, 0x01),
		    "ACRN TEE IDs");

/* Layouts are ABI. */
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_api_version) == 8, "api version");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_vm_creation) == 48, "vm creation");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_io_request) == 256, "io request");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_io_request_buffer) == 4096,
		    "io request buffer");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_asyncio_info) == 32, "asyncio info");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_descriptor_ptr) == 16, "descriptor ptr");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_regs) == 288, "regs");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_vcpu_regs) == 296, "vcpu regs");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_msi_entry) == 16, "msi entry");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_intr_monitor) == 392, "intr monitor");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_ptdev_irq) == 20, "ptdev irq");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_memory_region) == 32, "memory region");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_set_regions) == 24, "set regions");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_wp_data) == 16, "wp data");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_vm_gpa2hpa) == 16, "gpa2hpa");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_sbuf_param) == 16, "sbuf param");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_pcidev) == 36, "pcidev");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_mmiodev) == 104, "mmiodev");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_vdev) == 192, "vdev");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_pio_region) == 12, "pio region");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_hw_info) == 8, "hw info");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_npk_log_param) == 16, "npk log param");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_trusty_boot_param) == 96,
		    "trusty boot param");

#endif /* HCALL_ABI_ACRN_H */
