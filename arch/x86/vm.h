/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/vm.h - the x86 glue's per-VM and per-vCPU state, and the
 * memory layout every VM sees.
 *
 * Each VM owns one 2 MiB block of host memory, mapped by NPT (npt.h) as a
 * single large page at guest-physical 0 when it starts; the Service VM's
 * ACRN calls may change that map page by page. Any other guest-physical
 * access exits with #NPF. A VM has up to HV_MAX_VCPUS vCPUs; vCPU n starts with rsi =
 * n, rdx = the number of physical CPUs (vCPU n runs on CPU n % rdx) and rsp = VM_GPA_STACK_TOP - n * VM_VCPU_STACK_SIZE, all at the
 * VM's entry. Guests start directly in 64-bit long mode on identity page
 * tables the hypervisor writes into their memory.
 */
#ifndef ARCH_X86_VM_H
#define ARCH_X86_VM_H

#include <stdint.h>

#include "hv.h"
#include "mmio_insn.h"
#include "npt.h"
#include "vintr.h"

#define VM_MEM_SIZE 0x200000ull
#define VM_GPA_PML4 0x1000ull      /* boot page tables: PML4, PDPT, PD */
#define VM_GPA_IMAGE 0x100000ull   /* the guest image and its entry */
#define VM_GPA_STACK_TOP 0x200000ull
#define VM_VCPU_STACK_SIZE 0x4000ull
#define VM_IMAGE_MAX (VM_GPA_STACK_TOP - 0x10000ull - VM_GPA_IMAGE) /* 4 stacks above */
#define VM_HOST_BASE 0x1000000ull  /* host memory of VM i: base + i * size */
/* An hvisor zone's virtio-mmio window: never mapped (virtio_mmio.c). */
#define VM_GPA_VIRTIO 0x10000000ull
#define VM_VIRTIO_SIZE 0x1000ull

/* Why the glue stopped a VM (for the report). */
enum x86_stop {
	X86_STOP_NONE = 0,
	X86_STOP_EXIT,      /* the guest wrote its status to the exit port */
	X86_STOP_NPF,       /* access outside its memory */
	X86_STOP_SHUTDOWN,  /* triple fault */
	X86_STOP_HALT,      /* halted with nothing that could wake it */
	X86_STOP_BAD_EXIT,  /* an exit the hypervisor does not handle */
	X86_STOP_CALL,      /* another VM's hypercall (hvisor zone_shutdown) */
};

/* What can end a vCPU's HLT (halt.c). */
enum x86_halt {
	X86_HALT_NONE = 0,
	X86_HALT_IRQ,  /* HLT with IF set: the upcall, or a kick */
	X86_HALT_KICK, /* HLT with IF clear: only a kick */
};

/*
 * x86_vcpu.work: what the next entry does besides loading registers. The
 * entry looks at the one word (world_switch.S, x86_vcpu_reenter()): any
 * bit set sends it through x86_vcpu_prepare_entry(). Other CPUs set
 * UPCALL and FLUSH, so every change of the word is an atomic
 * read-modify-write.
 */
#define X86_WORK_BOOT 1u   /* first entry since the reset: entry point, TLB flush */
#define X86_WORK_UNDO 2u   /* the last entry wrote EVENTINJ or TLB_CONTROL
			    * for itself only: clear them */
#define X86_WORK_EVENT 4u  /* `event` holds one to inject */
#define X86_WORK_UPCALL 8u /* some vector in vintr.irr (any CPU) */
#define X86_WORK_FLUSH 16u /* the VM's map changed: flush at the next entry
			    * (any CPU, npt.h) */

/* The first five fields are world_switch.S's too (world_switch.h). */
struct x86_vcpu {
	uint8_t vmcb[4096] __attribute__((aligned(4096))); /* every element of an array too */
	uint64_t *gprs;          /* vcpu->regs.r */
	struct hv_vcpu *vcpu;
	unsigned work;           /* X86_WORK_* */
	uint32_t guest_seq;      /* odd from the entry's last check to the exit (npt.h) */
	uint64_t event;          /* EVENTINJ value for the next entry (X86_WORK_EVENT) */
	struct x86_vintr vintr;  /* requested and in-service vectors */
	int halted;              /* in HLT (halt.c): X86_HALT_IRQ or _KICK */
	int unhalt;              /* a KICK_CPU not taken yet (KVM's pv_unhalted) */
	int io_wait;             /* an I/O request the Service VM serves */
	unsigned io_size;        /* its size in bytes, 0 for a write */
	int io_mmio;             /* it is a memory access: complete mmio */
	struct mmio_insn mmio;
};

struct x86_vm {
	uint64_t npt_pml4[512] __attribute__((aligned(4096)));
	uint64_t npt_pdpt[512];
	uint64_t npt_pd[512];
	uint64_t npt_pt[NPT_TABLES][512]; /* 4 KiB tables (npt.h) */
	uint8_t npt_pt_used[NPT_TABLES];
	int npt_valid;           /* the tables hold the VM's map */
	uint64_t host_base;
	int has_image;
	enum x86_stop stop;
	uint64_t stop_info;
	int exit_status;
	/* guest console relay (tap_relay.c) */
	char line[160];
	unsigned len;
	unsigned ok, not_ok, plan;
	int plan_seen, bailed;
	int reported;
};

static inline struct x86_vcpu *x86_vcpu_of(struct hv_vcpu *vcpu)
{
	return (struct x86_vcpu *)vcpu->arch;
}
static inline struct x86_vm *x86_vm_of(struct hv_vm *vm)
{
	return (struct x86_vm *)vm->arch;
}

/* vm.c */
/* The guest image VM `id` boots (copied afresh at every start). */
void x86_vm_set_image(unsigned id, const uint8_t *data, uint64_t len);
/* Host-physical base of VM `id`'s memory. */
uint64_t x86_vm_host_base(unsigned id);
/* The glue's state of a VM, attached (and its map made) if it was not. */
struct x86_vm *x86_vm_attach(struct hv_vm *vm);
int x86_vm_start(struct hv_vm *vm);
void x86_vm_stop(struct hv_vm *vm);
void x86_vm_pause(struct hv_vm *vm);
void x86_vcpu_reset(struct hv_vcpu *vcpu);
/* vCPU `vcpu` ready for VMRUN: its struct x86_vcpu (world_switch.S). */
struct x86_vcpu *x86_vcpu_ready(struct hv_vcpu *vcpu);
struct x86_vcpu *x86_vcpu_prepare_entry(struct x86_vcpu *xc);
/* This CPU turns to vCPU `xc` (a vCPU it did not run last, or after a
 * pause): its VMLOAD state if the CPU does not hold it, then the entry.
 * x86_vcpu_leave(): the vCPU that exited last leaves this CPU (VMSAVE). */
struct x86_vcpu *x86_vcpu_switch_to(struct x86_vcpu *xc);
void x86_vcpu_leave(struct x86_vcpu *xc);
/* The same vCPU again: only an entry with work goes through
 * x86_vcpu_prepare_entry() (an event or upcall to inject, a fresh boot,
 * a TLB flush, or what the last entry wrote for itself to undo). The
 * vCPU counts as in the guest from before that check (npt.h). */
static inline struct x86_vcpu *x86_vcpu_reenter(struct x86_vcpu *xc)
{
	npt_guest_enter(&xc->guest_seq);
	if (__atomic_load_n(&xc->work, __ATOMIC_SEQ_CST))
		return x86_vcpu_prepare_entry(xc);
	return xc;
}
/* Queue an event (EVENTINJ format) for the vCPU's next entry; its own
 * CPU only (upcalls from other CPUs are X86_WORK_UPCALL). */
static inline void x86_queue_event(struct x86_vcpu *xc, uint64_t event)
{
	xc->event = event;
	__atomic_fetch_or(&xc->work, X86_WORK_EVENT, __ATOMIC_RELAXED);
}
static inline unsigned x86_vcpu_work(struct x86_vcpu *xc)
{
	return __atomic_load_n(&xc->work, __ATOMIC_SEQ_CST);
}
void x86_inject_fault(struct hv_vcpu *vcpu, enum hv_fault fault);
void x86_upcall(struct hv_vcpu *vcpu, unsigned vector);
/* Until it is injected at the vCPU's next entry. */
void x86_upcall_withdraw(struct hv_vcpu *vcpu);

/* apic.c: the decoded access `in` at gpa, if it is to the emulated I/O
 * APIC of vcpu's VM or the local APIC's EOI register: emulated, 1 (the
 * caller steps over the instruction); else 0, nothing done. */
int x86_apic_access(struct hv *hv, struct hv_vcpu *vcpu, uint64_t gpa,
		    const struct mmio_insn *in);

/* exit.c: handle the exit of vCPU `xc`'s last entry, any but a VMMCALL
 * (world_switch.S); returns the vCPU to enter next, ready (the same one
 * to resume it), or NULL when nothing can run on this CPU. */
struct x86_vcpu *x86_handle_exit(struct hv *hv, struct x86_vcpu *xc);
/* exit.c: after a VMMCALL world_switch.S handled itself (vcpu->pc past
 * it, the vCPU out of the guest for npt.h), whatever the core asked for
 * besides a plain resume; returns what x86_handle_exit() does. */
struct x86_vcpu *x86_after_hypercall(struct x86_vcpu *xc, enum hv_action a);
/* The next vCPU of this CPU to run after `cur` (NULL: any), or NULL. */
struct hv_vcpu *x86_pick_next(struct hv *hv, struct hv_vcpu *cur);
/* virtio_mmio.c: 1 if the #NPF is an hvisor zone's virtio request, now
 * raised (the root zone's upcall, RIP past the store); else 0. */
int x86_virtio_request(struct hv *hv, struct hv_vcpu *vcpu, void *vmcb);
/* CPUID exit: answer the leaf (cpuid.c) and step over the instruction. */
void x86_cpuid_exit(struct hv_vcpu *vcpu, void *vmcb);
/* Stop a VM from the glue's side (exit port, #NPF...). */
void x86_stop_vm(struct hv_vm *vm, enum x86_stop why, uint64_t info);

/* halt.c: the HLT exit (RIP past it, what can end the halt); whether a
 * halted vCPU's halt ends now (its CPU asks); and the arch ops unhalt
 * (KICK_CPU) and yield_to (SCHED_YIELD), whose target runs next on this
 * CPU after HV_SWITCH: x86_take_yield() hands it over, or NULL. */
void x86_halt(struct hv_vcpu *vcpu, void *vmcb);
int x86_halt_ends(struct x86_vcpu *xc);
void x86_unhalt(struct hv_vcpu *vcpu);
int x86_yield_to(struct hv_vcpu *from, struct hv_vcpu *to);
struct hv_vcpu *x86_take_yield(void);
/* exit.c: whether a vCPU pinned to this CPU can run now. */
int x86_vcpu_runnable(struct hv_vcpu *vcpu);

/* tap_relay.c: the guests' console, renumbered into one TAP stream. */
void relay_putc(struct hv_vm *vm, char c);
void relay_vm_stopped(struct hv_vm *vm);
/* Final report; returns the number of failed checks. */
unsigned relay_finish(struct hv *hv);
/* A check the hypervisor itself reports (e.g. the #NPF isolation check). */
void relay_check(int ok, const char *vm, const char *what, uint64_t v);

#endif /* ARCH_X86_VM_H */
