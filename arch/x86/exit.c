/* SPDX-License-Identifier: MIT */
/*
 * arch/x86/exit.c - what the hypervisor does on each #VMEXIT.
 *
 *   VMMCALL (0x81)      an AMD-style hypercall: world_switch.S hands
 *                       it to the core itself, and comes here only for
 *                       what the core asks besides a plain resume.
 *   #UD (0x46)          VMCALL (0f 01 c1) at RIP is an Intel-style
 *                       hypercall: to the core. Any other #UD goes back
 *                       into the guest.
 *   IOIO (0x7B)         port 0xE9 is the guest console, port 0xF4 the
 *                       guest's exit status; any other port of a VM
 *                       whose request buffer the Service VM set is a
 *                       device it emulates: ACRN's I/O request
 *                       (hv/acrn_ioreq.h), the vCPU waits until the
 *                       Service VM finishes it; elsewhere reads are all
 *                       ones and writes are dropped.
 *   CPUID (0x72)        the host's leaves, the hypervisor bit, and KVM's
 *                       leaves for a KVM VM (cpuid.c).
 *   HLT (0x78)          wait for the upcall (IF set) or a KVM KICK_CPU
 *                       (halt.c); other vCPUs run meanwhile.
 *   INTR (0x60)         a kick from another CPU (smp.h): take it, then
 *                       go on with this vCPU if it still can run.
 *   MSR (0x7C)          #GP(0): guests get no MSR access.
 *   VMRUN... (0x80+)    #UD: SVM is not exposed to guests.
 *   #NPF (0x400)        an access the VM's map does not allow: the
 *                       emulated I/O APIC or the local APIC's EOI
 *                       register (apic.c), an hvisor zone's virtio
 *                       request (virtio_mmio.c), an ACRN MMIO or WP
 *                       request in a VM the Service VM serves
 *                       (npf_exit), else stop the VM.
 *   SHUTDOWN, others    stop the VM and report.
 *
 * QEMU's SVM has no next-RIP, so the glue advances RIP by the length of
 * VMCALL/VMMCALL (3); for I/O, EXITINFO2 holds the next RIP.
 */
#include "acrn_ioreq.h"
#include "console.h"
#include "cpu.h"
#include "guest_va.h"
#include "smp.h"
#include "vm.h"
#include "vmcb.h"
#include "world_switch.h"

#define GUEST_EXIT_PORT 0xF4

/* Is the instruction at the guest's RIP VMCALL (0f 01 c1)? */
static int at_vmcall(struct hv_vcpu *vcpu, void *v)
{
	uint8_t insn[X86_HCALL_INSN_LEN];

	if (x86_guest_read_va(vcpu, vmcb_r64(v, VMCB_RIP), insn, sizeof(insn)))
		return 0;
	return insn[0] == 0x0f && insn[1] == 0x01 && insn[2] == 0xc1;
}

static void log_vm(struct hv_vm *vm, const char *what, uint64_t v)
{
	con_puts("# hv: ");
	con_puts(vm->name);
	con_puts(": ");
	con_puts(what);
	con_putc(' ');
	con_hex(v);
	con_putc('\n');
}

void x86_stop_vm(struct hv_vm *vm, enum x86_stop why, uint64_t info)
{
	struct x86_vm *xv = x86_vm_of(vm);

	if (hv_vm_stop(vm->hv, vm))
		return; /* not running or paused */
	xv->stop = why;
	xv->stop_info = info;
	relay_vm_stopped(vm);
}

/* A vCPU waiting for its I/O request: resume it once the Service VM
 * finished it, with the value read in al/ax/eax (a 32-bit read clears
 * rax's upper half, as the instruction does). */
static int io_finished(struct hv_vcpu *c, struct x86_vcpu *xc)
{
	uint64_t value;

	if (!hv_acrn_io_poll(c, &value))
		return 0;
	if (xc->io_mmio) {
		if (!xc->mmio.write)
			mmio_load(&xc->mmio, &c->regs, value);
		xc->io_mmio = 0;
	} else if (xc->io_size == 1)
		c->regs.r[0] = (c->regs.r[0] & ~0xffull) | (value & 0xff);
	else if (xc->io_size == 2)
		c->regs.r[0] = (c->regs.r[0] & ~0xffffull) | (value & 0xffff);
	else if (xc->io_size == 4)
		c->regs.r[0] = value & 0xffffffffull;
	xc->io_wait = 0;
	return 1;
}

static int runnable(struct hv_vcpu *c)
{
	struct x86_vcpu *xc;

	if (!c || c->vm->state != HV_VM_RUNNING || !c->online || !c->arch)
		return 0;
	xc = x86_vcpu_of(c);
	if (xc->io_wait && !io_finished(c, xc)) {
		x86_pcpus[x86_this_cpu()].poll = 1;
		return 0;
	}
	/* An upcall or a kick from another CPU may land between this
	 * vCPU's HLT exit and its halt being looked at: every pick looks. */
	if (xc->halted && x86_halt_ends(xc))
		xc->halted = X86_HALT_NONE;
	return !xc->halted;
}

int x86_vcpu_runnable(struct hv_vcpu *vcpu)
{
	return runnable(vcpu);
}

/* The next vCPU of this CPU to run after `cur`: the core's round robin
 * over the vCPUs pinned here, skipping vCPUs halted until an upcall.
 * NULL when nothing can run. */
static struct hv_vcpu *pick_next(struct hv *hv, struct hv_vcpu *cur)
{
	struct hv_vcpu *c = cur;
	unsigned cpu = x86_this_cpu();

	for (unsigned n = 0; n < HV_MAX_VMS * HV_MAX_VCPUS + 1; n++) {
		c = hv_next_vcpu_on(hv, c, cpu, x86_ncpus);
		if (!c)
			break;
		if (runnable(c))
			return c;
	}
	return runnable(cur) ? cur : NULL;
}

struct hv_vcpu *x86_pick_next(struct hv *hv, struct hv_vcpu *cur)
{
	return pick_next(hv, cur);
}

static struct hv_vcpu *io_exit(struct hv *hv, struct hv_vcpu *vcpu, void *v)
{
	struct x86_vcpu *xc = x86_vcpu_of(vcpu);
	uint64_t info = vmcb_r64(v, VMCB_EXITINFO1);
	uint16_t port = IOIO_PORT(info);
	uint8_t al = (uint8_t)vcpu->regs.r[0];
	unsigned size = (info & IOIO_SZ32) ? 4 : (info & IOIO_SZ16) ? 2 : 1;
	int in = (info & IOIO_IN) != 0;

	if (info & (IOIO_STR | IOIO_REP)) {
		/* String I/O is not emulated: the guests use plain in/out. */
		x86_stop_vm(vcpu->vm, X86_STOP_BAD_EXIT, info);
		return pick_next(hv, vcpu);
	}
	vmcb_w64(v, VMCB_RIP, vmcb_r64(v, VMCB_EXITINFO2));
	if (!in && port == CONSOLE_PORT) {
		relay_putc(vcpu->vm, (char)al);
		return vcpu;
	}
	if (!in && port == GUEST_EXIT_PORT) {
		x86_vm_of(vcpu->vm)->exit_status = al;
		x86_stop_vm(vcpu->vm, X86_STOP_EXIT, al);
		return pick_next(hv, vcpu);
	}
	if (vcpu->vm->role != HV_ROLE_SERVICE &&
	    !hv_acrn_io_request(hv, vcpu, port, size, in,
				vcpu->regs.r[0] & (~0ull >> (64 - 8 * size)))) {
		/* A device the Service VM emulates: it has the request and
		 * the upcall; this vCPU waits for NOTIFY_REQUEST_FINISH. */
		xc->io_wait = 1;
		xc->io_size = in ? size : 0;
		return pick_next(hv, vcpu);
	}
	if (in)
		/* Nothing to read: all ones, like a floating bus. */
		vcpu->regs.r[0] |= 0xffffffffull;
	return vcpu;
}

/*
 * #NPF: a guest-physical access the VM's map does not allow. In a VM the
 * Service VM serves (it set the VM's request buffer), a data access by an
 * instruction mmio_insn.h decodes becomes an ACRN I/O request, as ACRN's
 * EPT-violation handler makes one: a write to a page mapped without
 * write access is type WP, any other access MMIO, with the faulting gpa,
 * the access width and, for a write, the value. RIP moves past the
 * instruction; the vCPU waits, and a read completes into the
 * instruction's register with the value the Service VM returns. Any
 * other #NPF (an instruction fetch, the guest's page-table walk, an
 * instruction not decoded, a VM nobody serves) stops the VM; ACRN would
 * inject #UD for an instruction it cannot decode.
 */
#define NPF_PRESENT (1ull << 0)
#define NPF_WRITE (1ull << 1)
#define NPF_FETCH (1ull << 4)
#define NPF_IN_WALK (1ull << 33)

/* The data access an #NPF stopped, decoded; 0, or -1 if it is none. */
static int npf_access(struct hv_vcpu *vcpu, void *v, uint64_t err, struct mmio_insn *in)
{
	uint64_t rip = vmcb_r64(v, VMCB_RIP);
	uint8_t b[MMIO_INSN_MAX];
	unsigned n = MMIO_INSN_MAX;

	/* The instruction may end a page before an unmapped one. */
	if (0x1000 - (rip & 0xfff) < n &&
	    x86_guest_read_va(vcpu, rip, b, n))
		n = (unsigned)(0x1000 - (rip & 0xfff));
	if (vcpu->vm->role == HV_ROLE_SERVICE || (err & (NPF_FETCH | NPF_IN_WALK)) ||
	    x86_guest_read_va(vcpu, rip, b, n) || mmio_decode(b, n, in) ||
	    !!in->write != !!(err & NPF_WRITE))
		return -1;
	return 0;
}

static struct hv_vcpu *npf_exit(struct hv *hv, struct hv_vcpu *vcpu,
				struct x86_vcpu *xc, void *v)
{
	uint64_t err = vmcb_r64(v, VMCB_EXITINFO1), gpa = vmcb_r64(v, VMCB_EXITINFO2);
	uint64_t rip = vmcb_r64(v, VMCB_RIP);
	struct mmio_insn in;

	if (!npf_access(vcpu, v, err, &in)) {
		if (x86_apic_access(hv, vcpu, gpa, &in)) {
			/* The hypervisor's own devices come first, as in ACRN.
			 * Past the instruction, an STI or MOV SS shadow the
			 * exit reported no longer applies (QEMU can report
			 * one); left set, it would hold back the interrupt
			 * the access may just have raised. */
			vmcb_w64(v, VMCB_RIP, rip + in.len);
			vmcb_w64(v, VMCB_INT_SHADOW, 0);
			return vcpu;
		}
		if (!hv_acrn_mmio_request(hv, vcpu, gpa, in.size, !in.write,
					  in.write ? mmio_store_value(&in, &vcpu->regs) : 0,
					  (err & NPF_PRESENT) != 0)) {
			vmcb_w64(v, VMCB_RIP, rip + in.len);
			xc->mmio = in;
			xc->io_mmio = 1;
			xc->io_wait = 1;
			return pick_next(hv, vcpu);
		}
	}
	log_vm(vcpu->vm, "#NPF (outside its memory) at gpa", gpa);
	x86_stop_vm(vcpu->vm, X86_STOP_NPF, gpa);
	return pick_next(hv, vcpu);
}

/* The next vCPU's entry: the same one again through the cheap check;
 * otherwise this one leaves the CPU and the next, if any, is switched to. */
static inline struct x86_vcpu *enter_next(struct x86_vcpu *xc, struct hv_vcpu *next)
{
	if (next == xc->vcpu)
		return x86_vcpu_reenter(xc);
	x86_vcpu_leave(xc);
	return next ? x86_vcpu_switch_to(x86_vcpu_of(next)) : NULL;
}

_Static_assert(HV_RESUME == 0, "world_switch.S: hv_handle_vmcall() returns 0 to resume");

struct x86_vcpu *x86_after_hypercall(struct x86_vcpu *xc, enum hv_action a)
{
	struct hv_vcpu *vcpu = xc->vcpu;
	struct hv *hv = vcpu->vm->hv;
	struct hv_vcpu *next;

	switch (a) {
	case HV_RESUME:
		vmcb_w64(xc->vmcb, VMCB_RIP, vcpu->pc);
		return x86_vcpu_reenter(xc);
	case HV_INJECTED:
		return x86_vcpu_reenter(xc);
	case HV_SWITCH:
	case HV_VCPU_OFF:
		vmcb_w64(xc->vmcb, VMCB_RIP, vcpu->pc);
		next = x86_take_yield(); /* SCHED_YIELD's target, if any */
		return enter_next(xc, next ? next : pick_next(hv, vcpu));
	case HV_SYSTEM_OFF:
	case HV_SYSTEM_RESET:
		log_vm(vcpu->vm, "asked for system off/reset, code", (uint64_t)hv->exit_code);
		return NULL;
	}
	return x86_vcpu_reenter(xc);
}

/* VMCALL, which the guest's #UD brought here: the same as the VMMCALL
 * world_switch.S handles itself (the core has one list of conventions
 * for both). */
static struct x86_vcpu *vmcall(struct hv *hv, struct x86_vcpu *xc)
{
	void *v = xc->vmcb;

	xc->vcpu->pc = vmcb_r64(v, VMCB_RIP) + X86_HCALL_INSN_LEN;
	return x86_after_hypercall(xc, hv_handle_vmcall(hv, xc->vcpu, vmcb_r8(v, VMCB_CPL)));
}

/* Every exit but VMMCALL (world_switch.S), by its exit code. */
struct x86_vcpu *x86_handle_exit(struct hv *hv, struct x86_vcpu *xc)
{
	struct hv_vcpu *vcpu = xc->vcpu;
	void *v = xc->vmcb;
	uint64_t code = vmcb_r64(v, VMCB_EXITCODE);
	uint64_t intinfo = vmcb_r64(v, VMCB_EXITINTINFO);
	struct hv_vcpu *next;

	npt_guest_exit(&xc->guest_seq);
	/* An event the exit interrupted is delivered again on the next
	 * entry (unless the exit stops the VM). */
	if ((intinfo & EVENT_VALID) && !(x86_vcpu_work(xc) & X86_WORK_EVENT))
		x86_queue_event(xc, intinfo);
	switch (code) {
	case SVM_EXIT_UD:
		if (at_vmcall(vcpu, v))
			return vmcall(hv, xc);
		x86_inject_fault(vcpu, HV_FAULT_UNDEF);
		next = vcpu;
		break;
	case SVM_EXIT_IOIO:
		next = io_exit(hv, vcpu, v);
		break;
	case SVM_EXIT_CPUID:
		x86_cpuid_exit(vcpu, v);
		next = vcpu;
		break;
	case SVM_EXIT_MSR:
		x86_inject_fault(vcpu, HV_FAULT_GP0);
		next = vcpu;
		break;
	case SVM_EXIT_VMRUN:
	case SVM_EXIT_VMLOAD:
	case SVM_EXIT_VMSAVE:
	case SVM_EXIT_STGI:
	case SVM_EXIT_CLGI:
	case SVM_EXIT_SKINIT:
		x86_inject_fault(vcpu, HV_FAULT_UNDEF);
		next = vcpu;
		break;
	case SVM_EXIT_INTR:
		/* The kicks wait for GIF; IF is set (world_switch.S). */
		__asm__ volatile("stgi; nop; clgi" ::: "memory");
		next = runnable(vcpu) ? vcpu : pick_next(hv, vcpu);
		break;
	case SVM_EXIT_HLT:
		x86_halt(vcpu, v);
		next = runnable(vcpu) ? vcpu : pick_next(hv, vcpu);
		break;
	case SVM_EXIT_NPF:
		if (x86_virtio_request(hv, vcpu, v)) {
			next = pick_next(hv, vcpu); /* the root zone serves it */
			break;
		}
		next = npf_exit(hv, vcpu, xc, v);
		break;
	case SVM_EXIT_SHUTDOWN:
		log_vm(vcpu->vm, "shutdown (triple fault) at rip",
		       vmcb_r64(v, VMCB_RIP));
		x86_stop_vm(vcpu->vm, X86_STOP_SHUTDOWN, vmcb_r64(v, VMCB_RIP));
		next = pick_next(hv, vcpu);
		break;
	default:
		log_vm(vcpu->vm, "unhandled exit code", code);
		x86_stop_vm(vcpu->vm, X86_STOP_BAD_EXIT, code);
		next = pick_next(hv, vcpu);
		break;
	}
	return enter_next(xc, next);
}
