/* SPDX-License-Identifier: MIT */
/*
 * src/trapemu/trapemu.h - the trap emulator: hcall's hypervisor core (hv/)
 * run as a user-mode "hypervisor" inside one Linux process.
 *
 * Under qemu-user an HVC or SMC at EL0 (qemu-aarch64) and VMCALL or
 * VMMCALL (qemu-x86_64) raise SIGILL, and the signal handler may read and
 * write every register of the interrupted context. The emulator installs
 * such a handler; on a hypercall it
 *
 *   1. recognises the instruction and its immediate from the bytes at the
 *      PC (decode.h),
 *   2. copies the general-purpose registers into the vCPU's frame, indexed
 *      as in <hcall/regs.h> (frame.h),
 *   3. calls the real hv_handle_trap() of the core for this process's VM,
 *   4. writes every register back and advances the PC past the instruction
 *      (+4 for HVC/SMC, +3 for VMCALL/VMMCALL).
 * Any other SIGILL is re-raised with the default disposition, so a real
 * illegal instruction still kills the process.
 *
 * Limits of user mode, which the system suites cover instead:
 *   - Privilege: everything runs at user level, but the emulator reports
 *     privilege 0 (guest kernel) to the core. Checks that depend on the
 *     caller's privilege (EL0/ring-3 callers refused, HVC UNDEFINED at EL0)
 *     cannot be made here.
 *   - x86_64 only traps deterministically under qemu-x86_64. Run natively
 *     on a machine that is itself a VM, VMMCALL at CPL3 is answered by the
 *     outer hypervisor (rax = -1, no signal) and VMCALL raises SIGSEGV, so
 *     the emulator never sees them. Run x86_64 programs under qemu-x86_64.
 *   - riscv64: ecall in user mode is a Linux system call and cannot be
 *     trapped. Programs use the simulated transport instead
 *     (HCALL_TRANSPORT_SIM, HCALL_SIM_ARCH=3): the emulator's
 *     hcall_sim_trap() routes the frame into the same core.
 *   - One vCPU: the process is vCPU 0 of its VM. Other VMs exist for the
 *     calls that name them (zone lists, start/shutdown) but never run; after
 *     an HV_SWITCH the process simply continues.
 *
 * Guest memory. The process's VM has two regions whose guest-physical
 * address IS the host virtual address (gpa == host pointer), so a guest
 * passes the address of its own buffer exactly as a bare-metal guest with
 * identity-mapped RAM does:
 *   region 0  the program's static data and bss (__data_start.._end);
 *   region 1  a window of TRAPEMU_STACK_WINDOW bytes below the initial
 *             stack pointer plus the argument area above it.
 * Addresses outside both are refused by the core with its -EFAULT-style
 * error, as for any guest.
 */
#ifndef TRAPEMU_TRAPEMU_H
#define TRAPEMU_TRAPEMU_H

#include <hv/hv.h>

#define TRAPEMU_STACK_WINDOW (1u << 20)

/* The VM this process runs as, and the other VMs the hypervisor knows. */
struct trapemu_options {
	const char *name;                /* the process's VM */
	enum hv_role role;
	uint32_t abis;                   /* HV_ABI_BIT() set */
	uint32_t caps;                   /* HV_CAP_* set */
	const struct hv_vm_config *others; /* created after it, not run */
	unsigned nothers;
};

/*
 * Set up the core with the user-mode arch ops, create the process's VM
 * (id 0, vCPU 0, started) and the others, and install the SIGILL handler.
 * Returns 0, or -errno from the core or sigaction.
 */
int trapemu_start(const struct trapemu_options *opt);

/* The core's state and the process's vCPU (valid after trapemu_start). */
struct hv *trapemu_hv(void);
struct hv_vcpu *trapemu_vcpu(void);

/* Hypercalls dispatched to the core so far (real traps and simulated). */
uint64_t trapemu_trap_count(void);

/* Upcalls (ACRN vector / virtual IRQ) the core raised, and the last vector. */
uint64_t trapemu_upcall_count(void);
unsigned trapemu_last_upcall_vector(void);

/*
 * Fault hook: when the core injects an exception (HV_INJECTED), the
 * emulator calls fn(fault, priv). A non-zero return means the program
 * expected it: the trapping instruction is skipped and no register
 * changes, as a guest's exception handler that skips the instruction
 * would see. With no hook, or a zero return, the process dies of SIGILL
 * like a guest that takes an unexpected exception. fn = NULL removes it.
 */
typedef int (*trapemu_fault_fn)(enum hv_fault fault, void *priv);
void trapemu_set_fault_hook(trapemu_fault_fn fn, void *priv);

/* How one dispatched hypercall ended, for the two front ends. */
enum trapemu_outcome {
	TRAPEMU_DONE = 0,  /* results are in the frame; advance past the trap */
	TRAPEMU_SKIP = 1,  /* an expected fault: leave registers, advance */
	TRAPEMU_CRASH = 2, /* an unexpected fault: die as the guest would */
};

/*
 * Run one hypercall through the core: `regs` in, results out. `next_pc`
 * is the address after the instruction (informative, for vcpu->pc).
 * Ends the process on HV_SYSTEM_OFF (with the core's exit code),
 * HV_SYSTEM_RESET and HV_VCPU_OFF, since nothing else is left to run.
 */
enum trapemu_outcome trapemu_dispatch(enum hcall_trap trap, uint32_t imm,
				      uint64_t next_pc, struct hcall_regs *regs);

/* The simulated transport's entry point (see <hcall/transport.h>),
 * provided by the emulator: it calls trapemu_dispatch(). */
void hcall_sim_trap(enum hcall_trap trap, uint32_t imm, struct hcall_regs *regs);

#endif /* TRAPEMU_TRAPEMU_H */
