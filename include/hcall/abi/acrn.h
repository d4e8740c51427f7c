/* SPDX-License-Identifier: MIT */
/*
 * hcall/abi/acrn.h - the ACRN hypercall ABI table (arch-neutral).
 *
 * Sources: shared/seeds/acrn-hypercall-upcall.rst; the IDs are ACRN's
 * hypervisor/include/public/acrn_hv_defs.h (the same values as Linux
 * drivers/virt/acrn/hypercall.h):
 *
 *   VMCALL, always; hypercall ID in r8, param1 in rdi, param2 in rsi;
 *   result in rax. Only ring 0 of a permitted VM may call: others get #UD
 *   (VM without hypercall rights) or #GP(0) (ring != 0).
 *
 * An ID is (0x80 << 24) | (group base + index).
 *
 * Errors are negated Linux errno values. The seed (and ACRN up to 2.x)
 * answers a call the VM is not permitted to make with -EINVAL; current ACRN
 * answers -ENOTTY instead. Both are listed; -EINVAL cannot be told apart
 * from a genuinely bad parameter, so a caller that must know uses the
 * hypervisor's API version first.
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

/* Call IDs (literal values; see the group bases above). */
#define HCALL_ACRN_GET_API_VERSION 0x80000000ul
#define HCALL_ACRN_SERVICE_VM_OFFLINE_CPU 0x80000001ul
#define HCALL_ACRN_SET_CALLBACK_VECTOR 0x80000002ul
#define HCALL_ACRN_CREATE_VM 0x80000010ul
#define HCALL_ACRN_DESTROY_VM 0x80000011ul
#define HCALL_ACRN_START_VM 0x80000012ul
#define HCALL_ACRN_PAUSE_VM 0x80000013ul
#define HCALL_ACRN_RESET_VM 0x80000015ul
#define HCALL_ACRN_INJECT_MSI 0x80000023ul
#define HCALL_ACRN_SET_IRQLINE 0x80000025ul
#define HCALL_ACRN_SET_IOREQ_BUFFER 0x80000030ul
#define HCALL_ACRN_NOTIFY_REQUEST_FINISH 0x80000031ul
#define HCALL_ACRN_VM_SET_MEMORY_REGIONS 0x80000042ul
#define HCALL_ACRN_INITIALIZE_TRUSTY 0x80000070ul
#define HCALL_ACRN_WORLD_SWITCH 0x80000071ul
#define HCALL_ACRN_SAVE_RESTORE_SWORLD_CTX 0x80000072ul

#define HCALL_ACRN_CALLS(X)                                                    \
	X(ACRN, acrn, GET_API_VERSION, get_api_version, STATUS, 1, 0,          \
	  (uint64_t, version_gpa), _, _, _,                                    \
	  "Service VM: write struct hcall_acrn_api_version to version_gpa")    \
	X(ACRN, acrn, SERVICE_VM_OFFLINE_CPU, service_vm_offline_cpu, STATUS,  \
	  1, 0, (uint64_t, lapic_id), _, _, _,                                 \
	  "Service VM: take its offlined vCPU with this LAPIC ID away")        \
	X(ACRN, acrn, SET_CALLBACK_VECTOR, set_callback_vector, STATUS, 1, 0,  \
	  (uint64_t, vector), _, _, _,                                         \
	  "Service VM: the vector of the I/O request upcall "                  \
	  "(HCALL_ACRN_UPCALL_VECTOR, 0xF3)")                                  \
	X(ACRN, acrn, CREATE_VM, create_vm, STATUS, 1, 0,                      \
	  (uint64_t, creation_gpa), _, _, _,                                   \
	  "Service VM: create a VM from struct hcall_acrn_vm_creation at "     \
	  "creation_gpa; the new vmid is written back into it")                \
	X(ACRN, acrn, DESTROY_VM, destroy_vm, STATUS, 1, 0,                    \
	  (uint64_t, vmid), _, _, _, "Service VM: destroy VM vmid")            \
	X(ACRN, acrn, START_VM, start_vm, STATUS, 1, 0, (uint64_t, vmid), _,   \
	  _, _, "Service VM: start VM vmid")                                   \
	X(ACRN, acrn, PAUSE_VM, pause_vm, STATUS, 1, 0, (uint64_t, vmid), _,   \
	  _, _, "Service VM: pause VM vmid")                                   \
	X(ACRN, acrn, RESET_VM, reset_vm, STATUS, 1, 0, (uint64_t, vmid), _,   \
	  _, _, "Service VM: reset VM vmid")                                   \
	X(ACRN, acrn, INJECT_MSI, inject_msi, STATUS, 2, 0, (uint64_t, vmid),  \
	  (uint64_t, msi_gpa), _, _,                                           \
	  "Service VM: inject the MSI in struct hcall_acrn_msi_entry at "      \
	  "msi_gpa into VM vmid")                                              \
	X(ACRN, acrn, SET_IRQLINE, set_irqline, STATUS, 2, 0, (uint64_t, vmid), \
	  (uint64_t, irqline),                                                 \
	  _, _,                                                                \
	  "Service VM: drive a virtual IRQ line of VM vmid; irqline = "        \
	  "hcall_acrn_irqline(gsi, op)")                                       \
	X(ACRN, acrn, SET_IOREQ_BUFFER, set_ioreq_buffer, STATUS, 2, 0,        \
	  (uint64_t, vmid), (uint64_t, buffer_gpa), _, _,                      \
	  "Service VM: the page of I/O requests of VM vmid is at "             \
	  "buffer_gpa")                                                        \
	X(ACRN, acrn, NOTIFY_REQUEST_FINISH, notify_request_finish, STATUS, 2, \
	  0, (uint64_t, vmid), (uint64_t, vcpu_id), _, _,                      \
	  "Service VM: the I/O request of vCPU vcpu_id of VM vmid is done")    \
	X(ACRN, acrn, VM_SET_MEMORY_REGIONS, vm_set_memory_regions, STATUS, 1, \
	  0, (uint64_t, regions_gpa), _, _, _,                                 \
	  "Service VM: apply struct hcall_acrn_set_regions at regions_gpa")    \
	X(ACRN, acrn, INITIALIZE_TRUSTY, initialize_trusty, STATUS, 1, 0,      \
	  (uint64_t, boot_param_gpa), _, _, _,                                 \
	  "Trusty VM: set up the secure world from struct "                    \
	  "hcall_acrn_trusty_boot_param at boot_param_gpa")                    \
	X(ACRN, acrn, WORLD_SWITCH, world_switch, STATUS, 0, 0, _, _, _, _,    \
	  "Trusty VM: switch between the normal and the secure world")         \
	X(ACRN, acrn, SAVE_RESTORE_SWORLD_CTX, save_restore_sworld_ctx,        \
	  STATUS, 0, 0, _, _, _, _,                                            \
	  "Trusty VM: save or restore the secure world context (S3)")

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

/* Errors: negated Linux errno values. */
#define HCALL_ACRN_ERRORS(X)                \
	X(SUCCESS, 0, OK)                   \
	X(EPERM, -1, E_DENIED)              \
	X(EIO, -5, E_FAILED)                \
	X(ENOMEM, -12, E_NO_MEMORY)         \
	X(EFAULT, -14, E_INVALID_ADDRESS)   \
	X(EBUSY, -16, E_BUSY)               \
	X(ENODEV, -19, E_INVALID_PARAM)     \
	X(EINVAL, -22, E_INVALID_PARAM)     \
	X(ENOTTY, -25, E_NOT_SUPPORTED)

HCALL_DEFINE_ERROR_MAP(hcall_map_acrn_error, HCALL_ACRN_ERRORS)

/* The upcall vector the Service VM registers with SET_CALLBACK_VECTOR. */
#define HCALL_ACRN_UPCALL_VECTOR 0xF3u

/* VM ids are 16 bits; this one means "none". */
#define HCALL_ACRN_INVALID_VMID 0xFFFFu

/*
 * Guest-memory structures, in hcall's own layout. Field order and sizes
 * follow ACRN's public header and Linux's include/uapi/linux/acrn.h, with
 * padding made explicit; hcall's hypervisor core reads exactly these.
 */

/* GET_API_VERSION result. */
struct hcall_acrn_api_version {
	uint32_t major;
	uint32_t minor;
};

/* CREATE_VM argument (in) and result (vmid, out). */
struct hcall_acrn_vm_creation {
	uint16_t vmid;        /* out: the new VM's id */
	uint16_t reserved0;   /* must be 0 */
	uint16_t vcpu_num;    /* out: vCPUs the VM got */
	uint16_t reserved1;   /* must be 0 */
	uint8_t uuid[16];     /* the VM configuration to instantiate */
	uint64_t vm_flag;     /* HCALL_ACRN_VM_FLAG_* */
	uint64_t ioreq_buf;   /* guest-physical page of I/O requests */
	uint64_t cpu_affinity;/* bitmap of physical CPUs to run on */
};

#define HCALL_ACRN_VM_FLAG_SECURE_WORLD_ENABLED (1ull << 0)
#define HCALL_ACRN_VM_FLAG_LAPIC_PASSTHROUGH (1ull << 1)
#define HCALL_ACRN_VM_FLAG_IO_COMPLETION_POLLING (1ull << 2)

/* INJECT_MSI argument. */
struct hcall_acrn_msi_entry {
	uint64_t msi_addr;
	uint64_t msi_data;
};

/* SET_IRQLINE: the second argument packs {gsi, op} as one 64-bit value,
 * gsi in bits 31:0, op in bits 63:32. */
#define HCALL_ACRN_IRQLINE_SET_HIGH 0u
#define HCALL_ACRN_IRQLINE_SET_LOW 1u
#define HCALL_ACRN_IRQLINE_RAISING_PULSE 2u
#define HCALL_ACRN_IRQLINE_FALLING_PULSE 3u

HCALL_INLINE uint64_t hcall_acrn_irqline(uint32_t gsi, uint32_t op)
{
	return (uint64_t)gsi | ((uint64_t)op << 32);
}

/* One element of the regions array VM_SET_MEMORY_REGIONS points to. */
struct hcall_acrn_memory_region {
	uint32_t type;           /* HCALL_ACRN_MR_ADD / _DEL */
	uint32_t prot;           /* HCALL_ACRN_MEM_ACCESS_* | HCALL_ACRN_MEM_TYPE_* */
	uint64_t gpa;            /* in the target VM */
	uint64_t service_vm_gpa; /* backing memory, in the Service VM */
	uint64_t size;
};

#define HCALL_ACRN_MR_ADD 0u
#define HCALL_ACRN_MR_DEL 2u
#define HCALL_ACRN_MEM_ACCESS_READ 0x1u
#define HCALL_ACRN_MEM_ACCESS_WRITE 0x2u
#define HCALL_ACRN_MEM_ACCESS_EXEC 0x4u
#define HCALL_ACRN_MEM_TYPE_WB 0x40u
#define HCALL_ACRN_MEM_TYPE_UC 0x100u

/* VM_SET_MEMORY_REGIONS argument. */
struct hcall_acrn_set_regions {
	uint16_t vmid;
	uint16_t reserved0;   /* must be 0 */
	uint32_t reserved1;   /* must be 0 */
	uint32_t mr_num;      /* elements at regions_gpa (at most one page) */
	uint32_t reserved2;   /* must be 0; the implicit padding in ACRN's */
	uint64_t regions_gpa; /* struct hcall_acrn_memory_region[mr_num] */
};

/* INITIALIZE_TRUSTY argument. */
struct hcall_acrn_trusty_boot_param {
	uint32_t size_of_this_struct;
	uint32_t version;
	uint32_t base_addr;       /* low 32 bits */
	uint32_t entry_point;     /* low 32 bits */
	uint32_t mem_size;
	uint32_t padding;
	uint32_t base_addr_high;
	uint32_t entry_point_high;
	uint8_t rpmb_key[64];
};

/* The literal IDs above are the group base plus the index. */
HCALL_STATIC_ASSERT(HCALL_ACRN_SET_CALLBACK_VECTOR ==
			    HCALL_ACRN_ID(HCALL_ACRN_GEN_BASE, 0x02),
		    "ACRN general IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_RESET_VM == HCALL_ACRN_ID(HCALL_ACRN_VM_BASE, 0x05),
		    "ACRN VM IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_SET_IRQLINE ==
			    HCALL_ACRN_ID(HCALL_ACRN_IRQ_BASE, 0x05),
		    "ACRN IRQ IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_NOTIFY_REQUEST_FINISH ==
			    HCALL_ACRN_ID(HCALL_ACRN_IOREQ_BASE, 0x01),
		    "ACRN ioreq IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_VM_SET_MEMORY_REGIONS ==
			    HCALL_ACRN_ID(HCALL_ACRN_MEM_BASE, 0x02),
		    "ACRN memory IDs");
HCALL_STATIC_ASSERT(HCALL_ACRN_SAVE_RESTORE_SWORLD_CTX ==
			    HCALL_ACRN_ID(HCALL_ACRN_TRUSTY_BASE, 0x02),
		    "ACRN Trusty IDs");

HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_api_version) == 8,
		    "api version layout is ABI");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_vm_creation) == 48,
		    "vm creation layout is ABI");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_msi_entry) == 16,
		    "msi entry layout is ABI");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_memory_region) == 32,
		    "memory region layout is ABI");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_set_regions) == 24,
		    "set regions layout is ABI");
HCALL_STATIC_ASSERT(sizeof(struct hcall_acrn_trusty_boot_param) == 96,
		    "trusty boot param layout is ABI");

#endif /* HCALL_ABI_ACRN_H */
