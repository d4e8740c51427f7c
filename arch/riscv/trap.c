/* SPDX-License-Identifier: MIT */
/*
 * arch/riscv/trap.c - what a guest trap does, after trap.S saved x1..x31
 * into the running vCPU's frame (rv_trap; an ecall goes from trap.S to
 * the core directly, and to rv_ecall_done after any answer but a plain
 * resume).
 *
 *   ecall from VS (10)        a hypercall: the portable core decides
 *                             (hv_handle_ecall), the glue acts on its answer
 *   virtual instruction (22)  wfi (hstatus.VTW): the guest idles, so the
 *                             next vCPU runs; anything else is an illegal
 *                             instruction for the guest
 *   guest-page faults         an access outside the VM's G-stage map:
 *   (20, 21, 23)              reported on the console and taken into the
 *                             guest as the matching access fault; a zone's
 *                             access to the virtio-mmio window also raises
 *                             the service VM's upcall (hv_notify_service_vm)
 *   supervisor software       a kick from another hart (smp.h): take in
 *   interrupt                 the upcalls raised for this vCPU, or leave
 *                             it if it went offline or its VM stopped
 *   anything else             reported, and reflected into the guest
 * Every path resumes some vCPU, waits for one, or powers off with a
 * status: none hangs.
 */
#include <stddef.h>
#include "csr.h"
#include "frame.h"
#include "layout.h"
#include "rv.h"
#include "smp.h"
#include "vcpu.h" /* hv/ */
#include "vm.h"

#define INSN_WFI 0x10500073u

/* What trap.S reads beside the frame (frame.h). */
_Static_assert(offsetof(struct hv_vcpu, regs) == FRAME_VCPU,
	       "frame.h: struct hv_vcpu offsets");

#define IRQ_SSI 1

/* A separate stack for faults in HS-mode (each hart's trap stack is in
 * smp.c). */
uint8_t rv_fault_stack[4096] __attribute__((aligned(16)));
__asm__(".globl rv_fault_stack_top\n.set rv_fault_stack_top, rv_fault_stack + 4096\n");

static void report(const char *what, struct hv_vcpu *v, uint64_t cause,
		   uint64_t pc, uint64_t addr)
{
	rv_puts("hv: ");
	rv_puts(what);
	rv_puts(": vm ");
	rv_putdec(v->vm->id);
	rv_puts(" scause ");
	rv_putdec(cause);
	rv_puts(" sepc ");
	rv_puthex(pc);
	rv_puts(" addr ");
	rv_puthex(addr);
	rv_putc('\n');
}

/*
 * This hart's next vCPU after `last`; with none, sleep until another hart
 * makes one runnable, or power off when no vCPU anywhere is. Whoever makes
 * a vCPU runnable kicks the other harts after writing (a call that
 * answered HV_SWITCH: hart_start; a VM start), and a kick that lands
 * between the check and the WFI leaves SSIP pending, which ends the WFI.
 */
struct hv_vcpu *rv_next_vcpu(struct hv_vcpu *last)
{
	struct rv_pcpu *cpu = rv_this_cpu();
	unsigned hart = cpu->hart;

	for (;;) {
		struct hv_vcpu *n;

		csr_clear(CSR_SIP, 1ul << IRQ_SSI);
		/* The vCPU still loaded here (gone offline, say) does what
		 * other harts ask of it: a remote fence waits for it. */
		if (cpu->current)
			rv_vcpu_take_upcalls(cpu->current);
		n = hv_next_vcpu_on(&rv_hv, last, hart, rv_nharts);
		if (n)
			return n;
		if (rv_nharts <= 1 || !hv_next_vcpu(&rv_hv, 0)) {
			rv_puts("hv: no runnable vCPU left\n");
			rv_poweroff(rv_hv.exit_code ? rv_hv.exit_code : 0x4e);
		}
		__asm__ __volatile__("wfi" ::: "memory");
	}
}

static struct hcall_regs *run_next(struct hv_vcpu *v)
{
	return rv_vcpu_switch(rv_next_vcpu(v));
}

/* After a kick: may v go on? The kicker wrote before it kicked; the VM's
 * state is read the way the core's trap path reads it. */
static int still_runnable(struct hv_vcpu *v)
{
	return hv_vm_get_state(v->vm) == HV_VM_RUNNING && hv_vcpu_is_on(v);
}

static struct hcall_regs *kicked(struct hv_vcpu *v)
{
	csr_clear(CSR_SIP, 1ul << IRQ_SSI);
	if (!still_runnable(v)) {
		rv_vcpu_stopped(v);
		return run_next(v);
	}
	rv_vcpu_take_upcalls(v);
	/* Starts it afresh if its VM was started again meanwhile. */
	return rv_vcpu_switch(v);
}

/* Take an exception into the guest; a guest whose own trap vector faults
 * would loop forever, so that ends the run instead. */
static struct hcall_regs *reflect(struct hv_vcpu *v, uint64_t cause,
				  uint64_t tval, uint64_t sepc)
{
	uint64_t vstvec;

	csr_read(CSR_VSTVEC, vstvec);
	if (sepc == (vstvec & ~3ull)) {
		report("the guest's trap vector itself faults", v, cause, sepc, tval);
		rv_poweroff(0x47);
	}
	rv_vcpu_queue_fault(v, cause, tval);
	return rv_vcpu_switch(v);
}

/* What the core's answer other than HV_RESUME means for the vCPU that
 * made the call, the running one (sepc already past the ecall). The
 * vector resumes it itself after HV_RESUME. An exception the core
 * injected is already taken (main.c: op_inject_fault). */
struct hcall_regs *rv_ecall_done(enum hv_action act)
{
	struct hv_vcpu *v = rv_this_cpu()->current;
	uint64_t pc;

	switch (act) {
	case HV_RESUME:
	case HV_INJECTED:
		return rv_vcpu_switch(v);
	case HV_SWITCH:
		/* It may have started a vCPU of another hart (hart_start). */
		rv_smp_kick_others();
		return run_next(v);
	case HV_VCPU_OFF:
		rv_vcpu_stopped(v);
		return run_next(v);
	case HV_SYSTEM_OFF:
	case HV_SYSTEM_RESET:
		rv_puts(act == HV_SYSTEM_OFF ? "hv: system off, status "
					     : "hv: system reset (ends the run), status ");
		rv_putdec((uint64_t)(unsigned)rv_hv.exit_code);
		rv_putc('\n');
		rv_poweroff(rv_hv.exit_code);
	}
	csr_read(CSR_SEPC, pc);
	report("bad action from the core", v, EXC_ECALL_VS, pc - 4, (uint64_t)act);
	rv_poweroff(0x41);
}

/*
 * An ecall from VS-mode: a hypercall, which the portable core decides.
 * The vector (trap.S) does the same itself; this is its form in C, for
 * rv_trap. An ecall from VU-mode goes to the guest kernel, never here:
 * the caller is always the guest kernel. sepc is stepped over the ecall
 * before the core runs (a call that restarts the vCPU, such as a
 * suspend, loads its own when the vCPU is switched in again; an injected
 * exception is taken at the ecall itself).
 */
static struct hcall_regs *ecall(struct hcall_regs *frame, struct hv_vcpu *v)
{
	enum hv_action act;
	uint64_t pc;

	csr_read(CSR_SEPC, pc);
	csr_write(CSR_SEPC, pc + 4);
	act = hv_handle_ecall(&rv_hv, v, 0);
	if (act == HV_RESUME)
		return frame;
	return rv_ecall_done(act);
}

struct hcall_regs *rv_trap(struct hcall_regs *frame)
{
	struct hv_vcpu *v = rv_this_cpu()->current;
	uint64_t cause, sepc, stval, htval, gpa;

	csr_read(CSR_SCAUSE, cause);
	csr_read(CSR_SEPC, sepc);
	if (frame != &v->regs) {
		rv_puts("hv: trap frame is not the running vCPU's\n");
		rv_poweroff(0x46);
	}
	csr_read(CSR_STVAL, stval);
	if (cause == (SCAUSE_IRQ | IRQ_SSI))
		return kicked(v);
	if (cause & SCAUSE_IRQ) {
		/* No other HS interrupt is enabled: a configuration bug. */
		report("unexpected interrupt", v, cause & ~SCAUSE_IRQ, sepc, 0);
		rv_poweroff(0x49);
	}
	switch (cause) {
	case EXC_ECALL_VS: /* trap.S takes these to the core itself */
		return ecall(frame, v);
	case EXC_VIRTUAL_INSN:
		if ((uint32_t)stval == INSN_WFI) {
			/* The guest idles, so the hart pauses too; SSIP is
			 * cleared as after a kick (rv_next_vcpu). */
			csr_write(CSR_SEPC, sepc + 4);
			rv_smp_pause();
			return run_next(v);
		}
		return reflect(v, EXC_ILLEGAL_INSN, stval, sepc);
	case EXC_INSN_GUEST_PAGE:
	case EXC_LOAD_GUEST_PAGE:
	case EXC_STORE_GUEST_PAGE:
		csr_read(CSR_HTVAL, htval);
		gpa = (htval << 2) | (stval & 3);
		if (v->vm->role != HV_ROLE_SERVICE && gpa - RV_VIRTIO_GPA < RV_VIRTIO_SIZE) {
			rv_puts("hv: virtio request from a zone: upcall to the service VM\n");
			hv_notify_service_vm(&rv_hv);
		} else {
			report("G-stage fault (outside the VM's memory)", v, cause,
			       sepc, gpa);
		}
		return reflect(v, cause == EXC_INSN_GUEST_PAGE ? EXC_INSN_ACCESS :
			       cause == EXC_LOAD_GUEST_PAGE ? EXC_LOAD_ACCESS :
							      EXC_STORE_ACCESS,
			       stval, sepc);
	default:
		report("guest exception reflected", v, cause, sepc, stval);
		return reflect(v, cause, stval, sepc);
	}
}

void rv_hs_fault(void)
{
	uint64_t cause, sepc, stval;

	csr_read(CSR_SCAUSE, cause);
	csr_read(CSR_SEPC, sepc);
	csr_read(CSR_STVAL, stval);
	rv_puts("hv: fault in the hypervisor: scause ");
	rv_puthex(cause);
	rv_puts(" sepc ");
	rv_puthex(sepc);
	rv_puts(" stval ");
	rv_puthex(stval);
	rv_putc('\n');
	rv_poweroff(0x48);
}
