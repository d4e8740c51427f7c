/* SPDX-License-Identifier: MIT */
/*
 * hv/hv.h - the contract between hcall's portable hypervisor core and
 * whoever embeds it: the per-architecture glue in arch/, or another
 * hypervisor.
 *
 * The glue owns the hardware: boot, the trap vector, the world switch,
 * second-stage translation and event injection. On every hypercall trap
 * it saves the guest's general-purpose registers into vcpu->regs (indexed
 * as in <hcall/regs.h>), calls hv_handle_trap() with what it decoded (the
 * trap instruction, its immediate, the caller's privilege), acts on the
 * returned action and restores vcpu->regs into the guest.
 *
 * The core owns the policy: which service a trap belongs to, whether the
 * caller may make the call, the handlers, guest-memory checks, the result
 * registers and the VM lifecycle. It is freestanding C with no
 * architecture #ifdef; it builds for the host too, where the unit tests
 * and the fuzzer drive it. (A bare image's build names its architecture,
 * HV_IMAGE_ARCH, so that the services' dispatchers leave the others'
 * conventions out: hv/dispatcher.h.)
 *
 * Locks, and what each one owns:
 *   hv->lock   the VM table: every VM's `state`, creation and
 *              destruction; changes to the handler registry (a call looks
 *              a handler up without it, under a sequence count).
 *   vm->lock   the VM's vCPU online state, entry points and context IDs,
 *              and the services' per-VM state (each service reads and
 *              writes only its own).
 * hv->lock is taken before any vm->lock, never the other way round.
 * A VM's state and a vCPU's online flag are stored with release
 * atomics, so they can also be read without a lock (the trap path,
 * hv_vcpu_is_on, hv_next_vcpu_on): what such a read says may change at
 * once, as it may after the lock is released.
 * Everything else in struct hv_vm is written only while the VM is
 * created, before any vCPU of it runs. The glue changes a VM's state only
 * through the functions below. Handlers registered with
 * hv_register_hypercall run with no lock held.
 */
#ifndef HV_HV_H
#define HV_HV_H

#include <hcall/regs.h>
#include <hcall/types.h>
#include <stddef.h>

#include "hv_errno.h" /* HV_EEXIST... : the -errno values returned below */
#include "services.h" /* the ABIs, one line each */

#define HV_MAX_VMS 8
#define HV_MAX_VCPUS 4
#define HV_MAX_REGIONS 4
/* Registered handlers, over all VMs and ABIs (open addressing, load <= 1/2). */
#define HV_REGISTRY_MAX 4096
#define HV_REGISTRY_SLOTS (2 * HV_REGISTRY_MAX)
/* Bytes per VM for the services' own per-VM state, all services together. */
#define HV_SVC_STATE_SIZE 4096

/* The service VM's upcall vector unless a service sets another. */
#define HV_UPCALL_VECTOR 0xF3u

/* A spinlock that works freestanding (GCC __atomic builtins). */
struct hv_lock {
	volatile uint32_t v;
};

enum hv_role {
	HV_ROLE_SERVICE = 0, /* hvisor root zone, ACRN Service VM, Jailhouse root cell */
	HV_ROLE_NORMAL = 1,
	HV_ROLE_TRUSTY = 2,  /* ACRN VM with Trusty enabled */
};

enum hv_vm_state {
	HV_VM_EMPTY = 0,     /* slot unused */
	HV_VM_CREATED = 1,   /* configured, not running */
	HV_VM_RUNNING = 2,
	HV_VM_PAUSED = 3,
	HV_VM_STOPPED = 4,
	HV_VM_DEFINED = 5,   /* configured, waiting for a management call to
			      * instantiate it (ACRN CREATE_VM) */
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

/* The hypercall ABIs (hv/services.h). A VM whose `abis` is 0 has no
 * hypercall rights at all and gets the undefined-instruction exception. */
enum hv_abi {
#define HV__ABI_ENUM(NAME, name) HV_ABI_##NAME,
	HV_SERVICES(HV__ABI_ENUM)
#undef HV__ABI_ENUM
	HV_ABI_COUNT
};
#define HV_ABI_BIT(abi) (1u << (abi))
#define HV_ABI_ALL ((1u << HV_ABI_COUNT) - 1u)

/* Capabilities of a VM, beside its ABIs. */
#define HV_CAP_PROBE 1u /* the conformance probe's calls on each of its ABIs
			 * (<hcall/abi/probe.h>) */
#define HV_CAP_ALL 1u

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

struct hv;
struct hv_vm;
struct hv_vcpu;
struct hv_entry;
struct hv_service;
struct hv_conv;

/* What the glue must do after hv_handle_trap(). */
enum hv_action {
	HV_RESUME = 0,          /* results written; advance past the trap and resume */
	HV_INJECTED = 1,        /* an exception was injected; resume without advancing */
	HV_VCPU_OFF = 2,        /* this vCPU stopped (PSCI CPU_OFF, its VM stopped) */
	HV_SWITCH = 3,          /* results written; advance, then run hv_next_vcpu() */
	HV_SYSTEM_OFF = 4,      /* power off the machine with hv->exit_code */
	HV_SYSTEM_RESET = 5,
};

/* The routes of one trap instruction for one VM, most specific first:
 * a convention and everything the dispatcher needs of it, worked out
 * once (private to the core: dispatch.c fills them when the VM is
 * created, so a trap reads one route and follows no pointer to match it). */
#define HV_MAX_ROUTES 12
struct hv_route {
	/* the service's dispatcher (hv/dispatcher.h); a list's last route
	 * matches every trap and injects the undefined-instruction fault */
	enum hv_action (*dispatch)(struct hv *hv, struct hv_vcpu *vcpu,
				   const struct hv_route *r);
	uint32_t imm, imm_mask;         /* matches if (imm ^ trap's) & imm_mask is 0 */
	uint64_t sel_lo, sel_max;       /* matches if the list's selector
					 * register minus sel_lo is at most
					 * sel_max */
	uint8_t ext_reg;                /* extension ID register, or HCALL_REG_NONE */
	uint8_t res0;                   /* the frame index of result register 0 */
	uint8_t zero0, nzero;           /* the registers zeroed before a handler:
					 * the results and the error register */
	uint8_t own;                    /* the VM has the service's ABI */
	uint8_t perms;                  /* the VM's HV_PERM_* classes */
	uint8_t refuse;                 /* HV_CONV_REFUSE: every number unknown */
	/* the call record's status, value, action (HV_RESUME) and
	 * err_in_value, as one word (struct hv_call) */
	uint32_t fmt;
	void *state;                    /* the service's per-VM state of this VM */
	const struct hv_service *svc;
	const struct hv_conv *conv;     /* the service's convention */
	const struct hcall_conv_desc *desc; /* its registers */
};

struct hv_vcpu {
	struct hv_vm *vm;
	unsigned id;
	struct hcall_regs regs; /* guest GPRs at the trap */
	uint64_t pc;            /* guest PC past the trapping instruction, for
				 * the glue's own use (the arm64 glue keeps it
				 * in ELR_EL2) and ACRN's world switch (x86) */
	int online;
	uint64_t entry;         /* start address (PSCI CPU_ON, VM start) */
	uint64_t context_id;
	void *arch;             /* the glue's per-vCPU state */
	/* private to the core: */
	struct hcall_regs probe;/* frame recorded by the probe's ECHO */
};

struct hv_vm {
	enum hv_vm_state state; /* first: read on every trap (vm.h) */
	/* private to the core, near the start (short offsets on every
	 * trap), by trap instruction: its routes (`routes` below) and where
	 * its selector register is in a struct hv_vcpu (bytes) */
	const struct hv_route *route_list[HCALL_TRAP_VMMCALL];
	uint16_t sel_off[HCALL_TRAP_VMMCALL];
	unsigned id;
	enum hv_role role;
	char name[32];
	uint32_t abis;          /* HV_ABI_BIT() set */
	uint32_t caps;          /* HV_CAP_* set */
	uint32_t perms;         /* HV_PERM_* call classes */
	struct hv_region regions[HV_MAX_REGIONS];
	unsigned nregions;
	struct hv_vcpu vcpus[HV_MAX_VCPUS];
	unsigned nvcpus;
	uint64_t entry;         /* boot entry point (guest-physical) */
	void *arch;             /* the glue's per-VM state (stage-2 tables...) */
	struct hv *hv;          /* the system this VM belongs to */
	/* private to the core: */
	struct hv_lock lock;    /* see the lock rules above */
	/* by trap instruction, HCALL_TRAP_HVC..VMMCALL (VMCALL and VMMCALL
	 * have the same list) */
	struct hv_route routes[HCALL_TRAP_VMMCALL][HV_MAX_ROUTES + 1]; /* + nobody's */
	/* handlers registered for the VM, by ABI (changed under hv->lock,
	 * read without it: a call skips the registry while it is 0) */
	uint16_t nregistered[HV_ABI_COUNT];
	/* the services' per-VM state (hv/service.h, hv_vm_state()) */
	uint64_t svc_state[HV_SVC_STATE_SIZE / sizeof(uint64_t)];
};


/* Exceptions the core asks the glue to inject. */
enum hv_fault {
	HV_FAULT_UNDEF = 0,     /* #UD, arm64 UNDEFINED, riscv illegal instruction */
	HV_FAULT_GP0 = 1,       /* #GP(0); elsewhere: the same as UNDEF */
};

/*
 * Changes to a VM's second-stage map (hv_arch_ops.stage2), page by page
 * (4 KiB granules; gpa, size and hpa are multiples of 4 KiB):
 *   MAP     map the range to host memory from hpa on with the rights in
 *           flags (HV_MEM_READ/WRITE/EXEC) and the memory type
 *           HV_MEM_TYPE(flags); a page mapped already is kept as it is
 *   UNMAP   unmap the pages of the range that are mapped
 *   ALLOW   add the rights in flags to the mapped pages of the range
 *   DENY    take the rights in flags from them (a page without READ is
 *           not mapped any more)
 *   RESET   forget every change: the VM's configured regions only
 */
enum hv_stage2_op {
	HV_STAGE2_MAP = 0,
	HV_STAGE2_UNMAP = 1,
	HV_STAGE2_ALLOW = 2,
	HV_STAGE2_DENY = 3,
	HV_STAGE2_RESET = 4,
};
#define HV_MEM_TYPE_SHIFT 8
#define HV_MEM_TYPE(flags) (((flags) >> HV_MEM_TYPE_SHIFT) & 7u)
enum hv_mem_type {
	HV_MEM_WB = 0,
	HV_MEM_WT = 1,
	HV_MEM_UC = 2,
	HV_MEM_WC = 3,
	HV_MEM_WP = 4,
};

/* The architecture ops. Every pointer is required but the optional ones
 * (console_putc, unhalt, yield_to, stage2, stage2_query, upcall_withdraw,
 * vm_pause). */
struct hv_arch_ops {
	enum hcall_arch arch;
	/* Queue an exception for the vCPU's next entry. */
	void (*inject_fault)(struct hv_vcpu *vcpu, enum hv_fault fault);
	/* Raise the upcall interrupt (x86: `vector`; elsewhere a virtual IRQ). */
	void (*upcall)(struct hv_vcpu *vcpu, unsigned vector);
	/* The core started or stopped a VM: set up or tear down its
	 * second-stage tables and vCPU state. Return 0 or -errno. Called
	 * with hv->lock held. */
	int (*vm_start)(struct hv_vm *vm);
	void (*vm_stop)(struct hv_vm *vm);
	/* Optional: a character on the VM's console (Jailhouse's debug
	 * console). */
	void (*console_putc)(struct hv_vm *vm, char c);
	/* Optional (KVM x86 KICK_CPU): vcpu, halted (x86 HLT) whatever its
	 * interrupt flag, runs again; a kick that comes before the halt
	 * makes that halt return at once (KVM's pv_unhalted). Called with
	 * no lock held, from any CPU. */
	void (*unhalt)(struct hv_vcpu *vcpu);
	/* Optional (KVM x86 SCHED_YIELD): if `to` can run now on the
	 * physical CPU that runs `from`, that CPU runs it next and this
	 * returns 1 (the call then ends with HV_SWITCH); else 0. Called
	 * with no lock held, on from's CPU. */
	int (*yield_to)(struct hv_vcpu *from, struct hv_vcpu *to);
	/* Optional: change the second-stage map of [gpa, gpa + size) of vm
	 * (enum hv_stage2_op), then make every CPU that may run one of its
	 * vCPUs see the change before the call returns. Called with
	 * hv->lock held. 0, or -HV_EINVAL for a range the tables cannot
	 * hold, -HV_ENOSPC when they are full (nothing changed then). */
	int (*stage2)(struct hv_vm *vm, enum hv_stage2_op op, uint64_t gpa,
		      uint64_t size, uint64_t hpa, uint32_t flags);
	/* Optional (with stage2): the host address gpa is mapped to now,
	 * in *hpa; 0, or -HV_EFAULT if it is not mapped. hv->lock held. */
	int (*stage2_query)(struct hv_vm *vm, uint64_t gpa, uint64_t *hpa);
	/* Optional: withdraw an upcall raised and not yet taken by the
	 * guest (hvisor's CLEAR_INJECT_IRQ; -ENOSYS without it). */
	void (*upcall_withdraw)(struct hv_vcpu *vcpu);
	/* Optional: the core paused a running VM (ACRN PAUSE_VM); its vCPUs
	 * in the guest on other CPUs leave it at once and find it not
	 * running. Nothing is torn down. Called with hv->lock held. */
	void (*vm_pause)(struct hv_vm *vm);
};

struct hv;
/* A handler added with hv_register_hypercall() (contract there). */
typedef int64_t (*hv_handler_fn)(struct hv *hv, struct hv_vcpu *vcpu,
				 uint64_t nr, void *priv);

/* The whole hypervisor state. One instance per system. */
struct hv {
	const struct hv_arch_ops *ops;
	struct hv_vm vms[HV_MAX_VMS];
	unsigned nvms;          /* slots in use are below this */
	int exit_code;          /* for HV_SYSTEM_OFF */
	/* private to the core: */
	struct hv_lock lock;    /* see the lock rules above */
	uint16_t svc_off[HV_ABI_COUNT]; /* each service's offset in svc_state */
	struct hv_reg_slot {
		uint64_t nr;
		hv_handler_fn fn;
		void *priv;
		uint16_t vm;    /* VM id + 1; 0 = empty */
		uint8_t abi;
		uint8_t tomb;   /* deleted: keep probing past it */
	} registry[HV_REGISTRY_SLOTS];
	unsigned nregistered;
	uint32_t reg_seq;       /* odd while the registry changes (registry.c) */
};

/* Boot-time configuration of one VM. */
struct hv_vm_config {
	const char *name;
	enum hv_role role;
	uint32_t abis;          /* HV_ABI_BIT() set; 0 = no hypercall rights */
	uint32_t caps;          /* HV_CAP_* set */
	uint64_t entry;
	unsigned nvcpus;
	struct hv_region regions[HV_MAX_REGIONS];
	unsigned nregions;
	int start;              /* run at boot (else waits for a management call) */
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
 * its immediate (HVC/SMC; 0 elsewhere), `privilege` the caller's (0 =
 * guest kernel: EL1, VS-mode, CPL 0), vcpu->regs the guest registers.
 * Writes every result register of the convention on every path.
 */
enum hv_action hv_handle_trap(struct hv *hv, struct hv_vcpu *vcpu,
			      enum hcall_trap trap, uint32_t imm,
			      unsigned privilege);

/*
 * hv_handle_trap() for one trap instruction, for a glue's hot path: the
 * same dispatcher, which the compiler specialises for the constant trap.
 * hv_handle_hvc is a guest-kernel HVC (arm64: HVC from EL0 is UNDEFINED
 * in hardware); hv_handle_ecall an ecall; hv_handle_vmcall a VMCALL or
 * VMMCALL (one list of conventions for both).
 */
enum hv_action hv_handle_hvc(struct hv *hv, struct hv_vcpu *vcpu, uint32_t imm);
enum hv_action hv_handle_ecall(struct hv *hv, struct hv_vcpu *vcpu, unsigned privilege);
enum hv_action hv_handle_vmcall(struct hv *hv, struct hv_vcpu *vcpu, unsigned privilege);

/* After HV_SWITCH / HV_VCPU_OFF: the next vCPU to run, or NULL if none. */
struct hv_vcpu *hv_next_vcpu(struct hv *hv, struct hv_vcpu *current);

/*
 * The same for physical CPU `cpu` of `ncpus` when vCPUs are pinned, vCPU
 * n of every VM to CPU n % ncpus: only those vCPUs are candidates, so no
 * vCPU is ever picked by two CPUs. ncpus <= 1 is hv_next_vcpu().
 */
struct hv_vcpu *hv_next_vcpu_on(struct hv *hv, struct hv_vcpu *current,
				unsigned cpu, unsigned ncpus);

/*
 * Stop a running or paused VM for a reason the glue found (a fault it
 * cannot resolve, the guest's exit port): its vCPUs go offline and the
 * glue's vm_stop runs. 0, or -HV_EINVAL if the VM was not running or
 * paused.
 */
int hv_vm_stop(struct hv *hv, struct hv_vm *vm);

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
