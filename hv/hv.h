/* SPDX-License-Identifier: MIT */
/*
 * hv/hv.h - the contract between hcall's portable hypervisor core and the
 * per-architecture glue in arch/.
 *
 * The glue owns the hardware: boot, the trap vector, the world switch,
 * second-stage translation and event injection. On every hypercall trap it
 * saves the guest's general-purpose registers into vcpu->regs (indexed as
 * in <hcall/regs.h>), calls hv_handle_trap(), acts on the returned action
 * and restores vcpu->regs into the guest.
 *
 * The core owns the policy: which ABI a trap belongs to, whether the
 * caller may make the call, the handlers, guest-memory checks and the
 * result registers. It is freestanding C with no architecture #ifdef; it
 * builds for the host too, where the unit tests and the fuzzer drive it.
 *
 * Changes since the first sketch (all additive for the glue; hvcore):
 *   - struct hv_vm gained `hv` (back pointer), `perms` (HV_PERM_* call
 *     classes), a lock and the page-share state; struct hv_vm_config
 *     gained `perms` (0 = the role's default).
 *   - struct hv's `void *core` became embedded private state (lock and
 *     handler registry): declare `struct hv` statically, not on a stack.
 *   - hv_handler_fn's contract is spelled out below hv_register_hypercall.
 *   - PSCI CPU_ON/AFFINITY_INFO name a vCPU by MPIDR Aff0 = vcpu->id
 *     (Aff1..Aff3 must be 0): the arm64 glue sets VMPIDR_EL2 that way.
 *   - The glue sets vcpu->privilege before every hv_handle_trap().
 *   - New VM state HV_VM_DEFINED (ACRN VMs before CREATE_VM) and config
 *     field `uuid`.
 *
 * Locking: hv->lock (VM table, VM states, handler registry) is taken
 * before any vm->lock (vCPU online state, page-share state); never the
 * other way round. Handlers registered through hv_register_hypercall run
 * with no lock held.
 */
#ifndef HV_HV_H
#define HV_HV_H

#include <hcall/regs.h>
#include <hcall/types.h>
#include <stddef.h>

#include "hv_errno.h" /* HV_EEXIST... : the -errno values returned below */

/* The service VM's upcall vector until ACRN's set-callback-vector. */
#define HV_UPCALL_VECTOR 0xF3u

#define HV_MAX_VMS 8
#define HV_MAX_VCPUS 4
#define HV_MAX_REGIONS 4
/* Pages per VM that may be in a non-default MEM_SHARE state at once. */
#define HV_MAX_PAGE_STATES 64
/* Registered handlers, over all VMs and ABIs (open addressing, load <= 1/2). */
#define HV_REGISTRY_MAX 4096
#define HV_REGISTRY_SLOTS (2 * HV_REGISTRY_MAX)

/* A spinlock that works freestanding (GCC __atomic builtins). */
struct hv_lock {
	volatile uint32_t v;
};

enum hv_role {
	HV_ROLE_SERVICE = 0, /* hvisor root zone, ACRN Service VM */
	HV_ROLE_NORMAL = 1,
	HV_ROLE_TRUSTY = 2,  /* ACRN VM with Trusty enabled */
};

enum hv_vm_state {
	HV_VM_EMPTY = 0,     /* slot unused */
	HV_VM_CREATED = 1,   /* configured, not running */
	HV_VM_RUNNING = 2,
	HV_VM_PAUSED = 3,
	HV_VM_STOPPED = 4,
	HV_VM_DEFINED = 5,   /* ACRN: configured (has a uuid), not yet CREATE_VM'd */
};

/* Guest-physical memory of a VM. `host` is the hypervisor's pointer to
 * the bytes at `gpa` (on the bare-metal targets, the identity-mapped
 * host-physical address). */
#define HV_MEM_READ 1u
#define HV_MEM_WRITE 2u
#define HV_MEM_EXEC 4u

struct hv_region {
	uint64_t gpa;
	uint64_t size;
	uint8_t *host;
	uint32_t flags;
};

/* The ABI families a VM may use. A VM whose `abis` is 0 has no hypercall
 * rights at all and gets the undefined-instruction exception. */
enum hv_abi {
	HV_ABI_HVISOR = 0,
	HV_ABI_SMCCC = 1,    /* SMCCC arch calls, PSCI, vendor hyp services */
	HV_ABI_SBI = 2,
	HV_ABI_KVM_X86 = 3,
	HV_ABI_ACRN = 4,
	HV_ABI_PALACIOS = 5,
	HV_ABI_PROBE = 6,    /* the conformance probe on every family */
	HV_ABI_COUNT
};
#define HV_ABI_BIT(abi) (1u << (abi))

/*
 * Call classes, the unit of a VM's permission set (`perms`). Every call the
 * core implements belongs to one class. A VM calling a class outside its
 * set gets the ABI's denial code.
 *   INFO     discovery and the VM's own state: versions, features, UIDs,
 *            PSCI, SBI base and SRST, hvisor ivc_info, KVM x86 calls.
 *   MGMT     managing other VMs and the system: hvisor zone and virtio
 *            calls, ACRN's Service VM calls.
 *   TRUSTY   ACRN's Trusty calls.
 *   MEMSHARE the KVM/arm64 memory-protection calls (MEMINFO, MEM_*).
 *   CUSTOM   handlers added with hv_register_hypercall().
 * Defaults by role: service VM = INFO|MGMT|MEMSHARE|CUSTOM, Trusty VM =
 * INFO|TRUSTY|MEMSHARE|CUSTOM, normal VM = INFO|MEMSHARE|CUSTOM.
 */
#define HV_PERM_INFO 1u
#define HV_PERM_MGMT 2u
#define HV_PERM_TRUSTY 4u
#define HV_PERM_MEMSHARE 8u
#define HV_PERM_CUSTOM 16u
#define HV_PERM_ALL 31u

/* MEM_SHARE page states (pages not listed are HV_PAGE_PRIVATE). */
enum hv_page_state {
	HV_PAGE_PRIVATE = 0,
	HV_PAGE_SHARED = 1,       /* shared with the host (MEM_SHARE) */
	HV_PAGE_RELINQUISHED = 2, /* given back (MEM_RELINQUISH), cleared */
};

struct hv_page {
	uint64_t ipa;             /* granule-aligned guest-physical address */
	uint32_t state;           /* enum hv_page_state; PRIVATE = free slot */
};

struct hv_vm;

struct hv_vcpu {
	struct hv_vm *vm;
	unsigned id;
	struct hcall_regs regs; /* guest GPRs at the trap */
	uint64_t pc;            /* guest PC of the trapping instruction's successor, informative */
	unsigned privilege;     /* 0 = guest kernel (EL1, VS, ring 0); filled by the glue */
	int online;
	uint64_t entry;         /* PSCI CPU_ON / start address */
	uint64_t context_id;
	struct hcall_regs probe;/* frame recorded by the probe's ECHO */
	void *arch;             /* the glue's per-vCPU state */
};

struct hv_vm {
	unsigned id;
	enum hv_role role;
	enum hv_vm_state state;
	char name[32];
	uint32_t abis;          /* HV_ABI_BIT() set */
	struct hv_region regions[HV_MAX_REGIONS];
	unsigned nregions;
	struct hv_vcpu vcpus[HV_MAX_VCPUS];
	unsigned nvcpus;
	uint64_t entry;         /* boot entry point (guest-physical) */
	unsigned upcall_vector; /* ACRN callback vector; 0xF3 by default */
	void *arch;             /* the glue's per-VM state (stage-2 tables...) */
	struct hv *hv;          /* the system this VM belongs to */
	uint32_t perms;         /* HV_PERM_* call classes */
	/* private to the core: */
	struct hv_lock lock;    /* vCPU online state, pages[] */
	struct hv_page pages[HV_MAX_PAGE_STATES];
	uint8_t uuid[16];       /* ACRN CREATE_VM names a VM by this */
	uint32_t trusty;        /* ACRN Trusty: HV_TRUSTY_* bits */
};
#define HV_TRUSTY_READY 1u   /* INITIALIZE_TRUSTY done */
#define HV_TRUSTY_SECURE 2u  /* the secure world is current */

/* What the glue must do after hv_handle_trap(). */
enum hv_action {
	HV_RESUME = 0,          /* results written; advance past the trap and resume */
	HV_INJECTED = 1,        /* an exception was injected; resume without advancing */
	HV_VCPU_OFF = 2,        /* this vCPU stopped (PSCI CPU_OFF, zone shut down) */
	HV_SWITCH = 3,          /* results written; advance, then run hv_next_vcpu() */
	HV_SYSTEM_OFF = 4,      /* power off the machine with hv->exit_code */
	HV_SYSTEM_RESET = 5,
};

/* Exceptions the core asks the glue to inject. */
enum hv_fault {
	HV_FAULT_UNDEF = 0,     /* #UD, arm64 UNDEFINED, riscv illegal instruction */
	HV_FAULT_GP0 = 1,       /* #GP(0); elsewhere: the same as UNDEF */
};

/* The architecture ops. Every pointer is required. */
struct hv_arch_ops {
	enum hcall_arch arch;
	/* Queue an exception for the vCPU's next entry. */
	void (*inject_fault)(struct hv_vcpu *vcpu, enum hv_fault fault);
	/* Raise the upcall interrupt (x86: `vector`; elsewhere a virtual IRQ). */
	void (*upcall)(struct hv_vcpu *vcpu, unsigned vector);
	/* A VM was started or stopped through a hypercall: set up or tear
	 * down its second-stage tables and vCPU state. Return 0 or -errno. */
	int (*vm_start)(struct hv_vm *vm);
	void (*vm_stop)(struct hv_vm *vm);
	/* A short message on the hypervisor console (may be a no-op). */
	void (*log)(const char *msg);
};

struct hv;
/* A handler added with hv_register_hypercall() (contract there). */
typedef int64_t (*hv_handler_fn)(struct hv *hv, struct hv_vcpu *vcpu,
				 uint64_t nr, void *priv);

/* The whole hypervisor state. One instance per system. */
struct hv {
	const struct hv_arch_ops *ops;
	struct hv_vm vms[HV_MAX_VMS];
	unsigned nvms;
	int exit_code;          /* for HV_SYSTEM_OFF */
	/* private to the core: */
	struct hv_lock lock;    /* VM table and states, registry */
	struct hv_reg_slot {
		uint64_t nr;
		hv_handler_fn fn;
		void *priv;
		uint16_t vm;    /* VM id + 1; 0 = empty */
		uint8_t abi;
		uint8_t tomb;   /* deleted: keep probing past it */
	} registry[HV_REGISTRY_SLOTS];
	unsigned nregistered;
	uint64_t virtio_shm;    /* hvisor virtio_init's region, 0 = none */
};

/* Boot-time configuration of one VM. */
struct hv_vm_config {
	const char *name;
	enum hv_role role;
	uint32_t abis;          /* HV_ABI_BIT() set; 0 = no hypercall rights */
	uint64_t entry;
	unsigned nvcpus;
	struct hv_region regions[HV_MAX_REGIONS];
	unsigned nregions;
	int start;              /* run at boot (else waits for zone_start / ACRN start) */
	uint32_t perms;         /* HV_PERM_* set; 0 = the role's default */
	/* ACRN: a non-zero uuid with start = 0 makes the VM HV_VM_DEFINED,
	 * waiting for the service VM's CREATE_VM with this uuid. */
	uint8_t uuid[16];
};

/* Set up the core (clears *hv). Returns 0 or -HV_EINVAL (missing ops). */
int hv_init(struct hv *hv, const struct hv_arch_ops *ops);

/* Create a VM from its configuration; returns it, or NULL (bad config). */
struct hv_vm *hv_vm_create(struct hv *hv, const struct hv_vm_config *cfg);

/*
 * Handle one hypercall trap of `vcpu`: `trap` is the instruction, `imm`
 * its immediate (HVC/SMC), vcpu->regs the guest registers. Writes every
 * result register of the convention on every path.
 */
enum hv_action hv_handle_trap(struct hv *hv, struct hv_vcpu *vcpu,
			      enum hcall_trap trap, uint32_t imm);

/* After HV_SWITCH / HV_VCPU_OFF: the next vCPU to run, or NULL if none. */
struct hv_vcpu *hv_next_vcpu(struct hv *hv, struct hv_vcpu *current);

/* Ask the core to notify the service VM (ACRN upcall, hvisor virtio IRQ). */
void hv_notify_service_vm(struct hv *hv);

/*
 * Registration API (Palacios' v3_register_hypercall, per VM and ABI).
 * `nr` is the ABI's call number: the function ID (w0) for SMCCC,
 * (EID << 32) | FID for SBI, the number register's value elsewhere.
 * Numbers the core implements itself cannot be registered (-EEXIST).
 *
 * A handler runs after the policy checks (call class HV_PERM_CUSTOM) with
 * vcpu->regs as the guest left them: it reads its arguments there and may
 * write result registers there (result registers it leaves alone keep the
 * guest's own values). Its return value then goes to the status register
 * (the separate error register if the convention has one, else the first
 * result register).
 * It runs with no lock held; unregistering does not wait for a running
 * handler, so `priv` must outlive it.
 *
 * hv_register_hypercall returns 0, -HV_EEXIST (duplicate or built-in),
 * -HV_EINVAL (bad VM, ABI or handler) or -HV_ENOSPC (registry full);
 * hv_unregister_hypercall returns 0, -HV_ENOENT or -HV_EINVAL.
 */
int hv_register_hypercall(struct hv_vm *vm, enum hv_abi abi, uint64_t nr,
			  hv_handler_fn fn, void *priv);
int hv_unregister_hypercall(struct hv_vm *vm, enum hv_abi abi, uint64_t nr);

/* Guest memory: the only way the core touches guest memory. 0 or -EFAULT. */
int hv_copy_from_guest(struct hv_vm *vm, void *dst, uint64_t gpa, uint64_t len);
int hv_copy_to_guest(struct hv_vm *vm, uint64_t gpa, const void *src, uint64_t len);

#endif /* HV_HV_H */
