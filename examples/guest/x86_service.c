/* SPDX-License-Identifier: MIT */
/*
 * examples/guest/x86_service.c - runs the ACRN example as the Service VM
 * (VM 0) of the hcall x86_64 SVM hypervisor, in place of the conformance
 * suite. To see its upcall handler run, it then creates and starts the
 * machine's normal VM (arch/x86/main.c: uuid "hcall-x86-normal", the
 * conformance image without hypercall rights), whose device access is an
 * I/O request for the Service VM: the upcall on vector 0xF3.
 *
 * Also env_set_irq_handler() of guest_env.h on this runtime.
 *
 * Expected values: ACRN's API version 1.0 (what hcall's core documents,
 * hv/svc_acrn.c, and ACRN itself reports), ACRN's default upcall vector
 * 0xF3, and 0 (success) for CREATE_VM and START_VM of a configured VM.
 */
#include <hcall/acrn.h>

#include "examples.h"
#include "guest.h"
#include "guest_env.h"
#include "tap.h"
#include "x86/x86_guest.h"

static const char normal_uuid[16] = "hcall-x86-normal";

static unsigned irq_vector;
static void (*irq_fn)(void);

/* The runtime calls this for every interrupt (it counts them itself;
 * with no local APIC in these VMs there is no EOI to send). */
static void dispatch(unsigned vector)
{
	if (irq_fn && vector == irq_vector)
		irq_fn();
}

void env_set_irq_handler(unsigned vector, void (*fn)(void))
{
	irq_vector = vector;
	irq_fn = fn;
	guest_x86_on_interrupt(dispatch);
	__asm__ volatile("sti" ::: "memory");
}

/* CREATE_VM, SET_IOREQ_BUFFER, then START_VM of the VM configured under
 * `name` (16 bytes): 0 or the first error (negated errno). */
static int64_t start_user_vm(const char name[16])
{
	static struct hcall_acrn_vm_creation cv;
	struct hcall_result r;

	for (unsigned i = 0; i < 16; i++)
		cv.name[i] = (uint8_t)name[i];
	cv.vmid = 0xffff;
	r = hcall_acrn_create_vm_result(hcall_acrn_create_vm(env_gpa(&cv)), &cv);
	if (!hcall_ok(r))
		return r.code;
	r.code = example_acrn_serve_vm(cv.vmid);
	if (r.code)
		return r.code;
	return hcall_acrn_start_vm(cv.vmid).code;
}

static void run_examples(void)
{
	int ret = example_acrn_upcall();

	guest_demo_value("acrn", "example: get_api_version, set_callback_vector(0xF3)", ret);
	tap_eq("example acrn_upcall: API version read, vector 0xF3 registered", (uint64_t)ret, 0);
	tap_eq("example acrn_upcall: API version 1.0", example_acrn_api_version(), 0x10000);

	tap_eq("example acrn_upcall: the normal VM created and started",
	       (uint64_t)start_user_vm(normal_uuid), 0);
	/* HLT gives the CPU to the other VMs; the upcall wakes us. The
	 * normal VM reads the emulated port, then writes it. */
	for (unsigned i = 0; i < 32 && example_acrn_served() < 2; i++)
		guest_x86_wait_for_interrupt();
	guest_demo_value("acrn", "example: upcalls taken by the handler on 0xF3",
			 (int64_t)example_acrn_upcalls());
	tap_eq("example acrn_upcall: the handler served the normal VM's read and write",
	       example_acrn_served(), 2);
	tap_check(example_acrn_upcalls() >= 1,
		  "example acrn_upcall: through the upcall on 0xF3");
}
GUEST_CHECK("examples", run_examples);
