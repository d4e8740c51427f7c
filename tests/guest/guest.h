/* SPDX-License-Identifier: MIT */
/*
 * tests/guest/guest.h - what each architecture's guest runtime provides to
 * the portable conformance suite (tests/guest/conformance.c and the
 * check_<abi>.c files).
 *
 * A runtime (tests/guest/<arch>/) boots the guest at kernel privilege
 * (arm64 EL1, riscv VS/S, x86 ring 0), installs its exception vectors and
 * calls guest_main(). Everything below is freestanding. The user-mode
 * suite (tests/user/) builds the same check files as Linux programs with
 * a runtime of its own, and answers guest_lacks() for what a process
 * cannot show.
 *
 * Check files register themselves with GUEST_CHECK(); which files are
 * linked into an image decides which ABIs it exercises, so conformance.c
 * has no per-architecture list.
 */
#ifndef HCALL_TEST_GUEST_H
#define HCALL_TEST_GUEST_H

#include <hcall/result.h>
#include <stdint.h>

/* ---- provided by the architecture runtime ------------------------------ */

/* Write one byte to the guest console. */
void guest_putc(char c);

/*
 * Stop the guest for good; `status` 0 means every check passed. Under an
 * hcall hypervisor the status reaches the hypervisor's own exit status;
 * on a peer (real firmware) the runtime powers off on 0 and exits through
 * its debug exit device with a non-zero code otherwise.
 */
__attribute__((noreturn)) void guest_exit(int status);

/*
 * Run fn(arg) at user privilege (arm64 EL0, riscv U/VU, x86 ring 3) on a
 * user stack, and return its result at kernel privilege. fn may only use
 * registers, its stack and code; a fault it takes goes through the
 * expected-fault hook below like any other.
 */
uint64_t guest_call_user(uint64_t (*fn)(uint64_t), uint64_t arg);

/* The kind of a synchronous exception the guest itself received. */
enum guest_fault {
	GUEST_FAULT_NONE = 0,
	GUEST_FAULT_UNDEF = 1, /* arm64 UNDEFINED, riscv illegal instruction, x86 #UD */
	GUEST_FAULT_GP = 2,    /* x86 #GP */
	GUEST_FAULT_OTHER = 3, /* anything else (aborts, alignment...) */
};

/*
 * Arm the expected-fault hook: the next synchronous exception taken by the
 * guest (at any privilege) is recorded and the faulting instruction is
 * skipped, instead of stopping the run. An exception while the hook is not
 * armed stops the guest with a "Bail out!" line and a non-zero status.
 */
void guest_expect_fault(void);

/* The fault recorded since guest_expect_fault() (GUEST_FAULT_NONE if
 * none); disarms the hook. */
enum guest_fault guest_fault_taken(void);

/*
 * The architecture's syndrome of the fault recorded since
 * guest_expect_fault() (0 if none): arm64 ESR_EL1 and 0, riscv scause and
 * stval, x86 the vector and the error code, user mode the core's
 * enum hv_fault and 0.
 */
uint64_t guest_fault_cause(void);
uint64_t guest_fault_detail(void);

/* For the runtimes' trap handlers (tests/guest/fault.c): is the hook
 * armed, and record a fault (which disarms it). */
int guest_fault_armed(void);
void guest_fault_record(enum guest_fault kind, uint64_t cause, uint64_t detail);

/*
 * What a runtime can offer the checks. The system runtimes (a guest under
 * the hcall hypervisor) offer all of them; the user-mode runtime
 * (tests/user: a Linux process whose hypercalls reach the hv core through
 * the trap emulator) offers none, and a check that needs one reports a
 * TAP skip with the runtime's reason instead (guest_need()).
 */
enum guest_cap {
	/* guest_call_user() really drops to user privilege, and the
	 * hypervisor sees the caller's privilege. */
	GUEST_CAP_PRIVILEGE = 0,
	/* The system hypervisor's guest-physical map: fixed addresses (other
	 * VMs, the hypervisor, shared pages) and second-stage faults on an
	 * access outside the VM. */
	GUEST_CAP_MEMORY_MAP = 1,
	/* Other VMs run next to this one: zones and ACRN VMs started by a
	 * hypercall execute, their device accesses become I/O requests, and
	 * upcalls arrive here as interrupts. */
	GUEST_CAP_VMS = 2,
	/* The hypervisor registered its own handlers (hv_register_hypercall):
	 * the Palacios embedder services. */
	GUEST_CAP_EMBEDDER = 3,
};

/* NULL if the runtime offers `cap`, else why not (one line, used as the
 * reason of the TAP skip). */
const char *guest_lacks(enum guest_cap cap);

static inline int guest_has(enum guest_cap cap)
{
	return guest_lacks(cap) == 0;
}

/* ---- provided by conformance.c ----------------------------------------- */

/* 1 if the runtime offers `cap`; otherwise report the check named `check`
 * as skipped, with the runtime's reason, and return 0. */
int guest_need(enum guest_cap cap, const char *check);

/*
 * One row of `./sdk demo`'s table, printed as a TAP comment
 * "# demo | abi | call | result": the result of a call as this guest
 * measured it. guest_demo() shows a typed result (status and value or
 * raw code), guest_demo_value() a plain signed number.
 */
void guest_demo(const char *abi, const char *call, struct hcall_result r);
void guest_demo_value(const char *abi, const char *call, int64_t v);

/* The portable entry point: runs every registered check, prints the TAP
 * plan and calls guest_exit() with the failure count (capped at 255). */
__attribute__((noreturn)) void guest_main(void);

/* ---- check registration ------------------------------------------------ */

struct guest_check {
	const char *name;   /* "hvisor", "smccc", ... printed as a TAP comment */
	void (*run)(void);  /* reports through tap.h */
};

/*
 * GUEST_CHECK(name, fn) adds fn to the suite. The entries go to the
 * `guest_checks` section; GNU ld and lld define __start_guest_checks and
 * __stop_guest_checks for it, and keep link order. A runtime's linker
 * script must not discard that section (placing it is optional).
 */
#define GUEST_CHECK(name_, fn_)                                               \
	static const struct guest_check guest_check_##fn_                     \
		__attribute__((used, section("guest_checks"), aligned(8))) = { \
			name_, fn_                                            \
		}

#endif /* HCALL_TEST_GUEST_H */
